#include "calibrate/care_exits.h"

#include <Eigen/Dense>
#include <cmath>
#include <map>
#include <utility>

#include "calibrate/nelder_mead.h"

namespace caseflow::calibrate {
namespace {

constexpr double kZ90 = 1.2815515655446004, kZ975 = 1.959963984540054;
constexpr std::size_t kParams = 3 * kCareRoutes - 1;  // mu and log sigma per route, share logits but the last

struct Grouped {
  std::vector<std::pair<double, double>> censored;                           // length, count
  std::array<std::vector<std::pair<double, double>>, kCareRoutes> ended;     // by route: length, count
};

struct Unpacked {
  std::array<double, kCareRoutes> mu{}, sigma{}, share{};
};

Unpacked unpack(const std::vector<double>& x) {
  Unpacked u;
  double norm = 1.0;  // the last route's logit is 0
  for (std::size_t r = 0; r < kCareRoutes; ++r) {
    u.mu[r] = x[2 * r];
    u.sigma[r] = std::exp(x[2 * r + 1]);
    if (r + 1 < kCareRoutes) norm += std::exp(x[2 * kCareRoutes + r]);
  }
  for (std::size_t r = 0; r < kCareRoutes; ++r) u.share[r] = (r + 1 < kCareRoutes ? std::exp(x[2 * kCareRoutes + r]) : 1.0) / norm;
  return u;
}

double survival(double t, double mu, double sigma) { return t <= 0 ? 1.0 : 0.5 * std::erfc((std::log(t) - mu) / (sigma * std::sqrt(2.0))); }

double negative_log_likelihood(const Grouped& g, const std::vector<double>& x) {
  const Unpacked u = unpack(x);
  double nll = 0;
  for (std::size_t r = 0; r < kCareRoutes; ++r)
    for (const auto& [t, n] : g.ended[r]) {
      const double lt = std::log(t), z = (lt - u.mu[r]) / u.sigma[r];
      nll -= n * (std::log(u.share[r]) - lt - std::log(u.sigma[r]) - 0.5 * std::log(2 * M_PI) - 0.5 * z * z);
    }
  for (const auto& [c, n] : g.censored) {
    double s = 0;
    for (std::size_t r = 0; r < kCareRoutes; ++r) s += u.share[r] * survival(c, u.mu[r], u.sigma[r]);
    nll -= n * std::log(std::max(s, 1e-300));
  }
  return nll;
}

}  // namespace

CareExitFit fit_care_exits(const std::vector<CarePeriodObservation>& periods) {
  CareExitFit fit;
  Grouped g;
  std::map<double, double> censored;
  std::array<std::map<double, double>, kCareRoutes> ended;
  for (const auto& p : periods) {
    ++fit.periods;
    if (p.route < 0) {
      ++fit.censored;
      censored[p.days] += 1;
    } else {
      ended[static_cast<std::size_t>(p.route)][std::max(p.days, 0.5)] += 1;  // a period of no whole day: half a day
      ++fit.routes[static_cast<std::size_t>(p.route)].ended;
    }
  }
  g.censored.assign(censored.begin(), censored.end());
  for (std::size_t r = 0; r < kCareRoutes; ++r) g.ended[r].assign(ended[r].begin(), ended[r].end());

  // Start: each route's ended periods' log-median, a wide spread, the ended shares.
  std::vector<double> x(kParams), step(kParams);
  long long total_ended = 0;
  for (const auto& r : fit.routes) total_ended += r.ended;
  for (std::size_t r = 0; r < kCareRoutes; ++r) {
    double sum = 0, n = 0;
    for (const auto& [t, c] : g.ended[r]) sum += c * std::log(t), n += c;
    x[2 * r] = n > 0 ? sum / n + 0.5 : std::log(365.0);
    x[2 * r + 1] = 0.0;
    step[2 * r] = 0.5, step[2 * r + 1] = 0.3;
  }
  const double last = static_cast<double>(fit.routes[kCareRoutes - 1].ended) + 0.5;
  for (std::size_t r = 0; r + 1 < kCareRoutes; ++r) {
    x[2 * kCareRoutes + r] = std::log((static_cast<double>(fit.routes[r].ended) + 0.5) / last);
    step[2 * kCareRoutes + r] = 0.5;
  }
  const auto nll = [&](const std::vector<double>& v) { return negative_log_likelihood(g, v); };
  const Minimum m = minimise(nll, x, step, 1e-10, 40000);
  fit.converged = m.converged;
  const Unpacked u = unpack(m.x);

  // Observed information: the Hessian of the negative log-likelihood by central differences.
  Eigen::MatrixXd h(kParams, kParams);
  const double e = 1e-3;
  for (std::size_t i = 0; i < kParams; ++i)
    for (std::size_t j = i; j < kParams; ++j) {
      auto at = [&](double di, double dj) {
        auto v = m.x;
        v[i] += di;
        v[j] += dj;
        return nll(v);
      };
      const double hij = (at(e, e) - at(e, -e) - at(-e, e) + at(-e, -e)) / (4 * e * e);
      h(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = h(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i)) = hij;
    }
  Eigen::LDLT<Eigen::MatrixXd> ldlt(h);
  const bool invertible = ldlt.info() == Eigen::Success && ldlt.isPositive();
  const Eigen::MatrixXd cov = invertible ? Eigen::MatrixXd(ldlt.solve(Eigen::MatrixXd::Identity(kParams, kParams))) : Eigen::MatrixXd();
  fit.intervals = invertible && cov.allFinite();
  auto se = [&](const Eigen::VectorXd& grad) { return std::sqrt(std::max(0.0, grad.dot(cov * grad))); };
  for (std::size_t r = 0; r < kCareRoutes; ++r) {
    auto& out = fit.routes[r];
    out.share = u.share[r];
    out.median_days = std::exp(u.mu[r]);
    out.p90_days = std::exp(u.mu[r] + kZ90 * u.sigma[r]);
    if (!fit.intervals) continue;
    const auto ir = static_cast<Eigen::Index>(2 * r);
    Eigen::VectorXd g_mu = Eigen::VectorXd::Zero(kParams), g_p90 = Eigen::VectorXd::Zero(kParams), g_share = Eigen::VectorXd::Zero(kParams);
    g_mu(ir) = 1;
    g_p90(ir) = 1;
    g_p90(ir + 1) = kZ90 * u.sigma[r];
    // d share_r / d logit_k = share_r (1[r == k] - share_k), for the free logits k.
    for (std::size_t k = 0; k + 1 < kCareRoutes; ++k)
      g_share(static_cast<Eigen::Index>(2 * kCareRoutes + k)) = u.share[r] * ((r == k ? 1.0 : 0.0) - u.share[k]);
    const double s_mu = se(g_mu), s_p90 = se(g_p90), s_share = se(g_share);
    out.median_low = std::exp(u.mu[r] - kZ975 * s_mu), out.median_high = std::exp(u.mu[r] + kZ975 * s_mu);
    const double l90 = u.mu[r] + kZ90 * u.sigma[r];
    out.p90_low = std::exp(l90 - kZ975 * s_p90), out.p90_high = std::exp(l90 + kZ975 * s_p90);
    out.share_low = std::max(0.0, out.share - kZ975 * s_share), out.share_high = std::min(1.0, out.share + kZ975 * s_share);
  }
  return fit;
}

}  // namespace caseflow::calibrate
