#include "calibrate/care_exits.h"

#include <Eigen/Dense>
#include <cmath>
#include <map>
#include <utility>

#include "calibrate/nelder_mead.h"

namespace caseflow::calibrate {
namespace {

constexpr double kZ90 = 1.2815515655446004, kZ975 = 1.959963984540054;
constexpr int kNone = -1;

struct Grouped {
  std::vector<std::pair<double, double>> censored;                           // length, count
  std::array<std::vector<std::pair<double, double>>, kCareRoutes> ended;     // by route: length, count
};

// Where each route's parameters sit in the free vector: mu and log sigma unless the duration
// is given, a share logit unless the route is absent or the reference (the last route
// present, whose logit is 0).
struct Layout {
  std::array<int, kCareRoutes> mu{}, log_sigma{}, logit{};
  std::array<double, kCareRoutes> given_mu{}, given_sigma{};
  std::array<bool, kCareRoutes> absent{};
  std::size_t size = 0;
};

struct Unpacked {
  std::array<double, kCareRoutes> mu{}, sigma{}, share{};
};

Unpacked unpack(const Layout& l, const std::vector<double>& x) {
  Unpacked u;
  double norm = 0;
  std::array<double, kCareRoutes> weight{};
  for (std::size_t r = 0; r < kCareRoutes; ++r) {
    u.mu[r] = l.mu[r] == kNone ? l.given_mu[r] : x[static_cast<std::size_t>(l.mu[r])];
    u.sigma[r] = l.log_sigma[r] == kNone ? l.given_sigma[r] : std::exp(x[static_cast<std::size_t>(l.log_sigma[r])]);
    weight[r] = l.absent[r] ? 0.0 : l.logit[r] == kNone ? 1.0 : std::exp(x[static_cast<std::size_t>(l.logit[r])]);
    norm += weight[r];
  }
  for (std::size_t r = 0; r < kCareRoutes; ++r) u.share[r] = weight[r] / norm;
  return u;
}

double survival(double t, double mu, double sigma) { return t <= 0 ? 1.0 : 0.5 * std::erfc((std::log(t) - mu) / (sigma * std::sqrt(2.0))); }

double negative_log_likelihood(const Layout& l, const Grouped& g, const std::vector<double>& x) {
  const Unpacked u = unpack(l, x);
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

CareExitFit fit_care_exits(const std::vector<CarePeriodObservation>& periods,
                           const std::array<std::optional<GivenDuration>, kCareRoutes>& given) {
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

  // The free parameters. Without `given` and with every route present: 11, as before.
  Layout l;
  int reference = kNone;
  for (std::size_t r = 0; r < kCareRoutes; ++r) {
    l.absent[r] = fit.routes[r].ended == 0 && given[r].has_value();
    if (!l.absent[r]) reference = static_cast<int>(r);
  }
  if (reference == kNone) return fit;  // nothing ended: nothing to fit (converged stays false)
  std::vector<double> x, step;
  for (std::size_t r = 0; r < kCareRoutes; ++r) {
    l.mu[r] = l.log_sigma[r] = l.logit[r] = kNone;
    if (given[r]) {
      l.given_mu[r] = std::log(given[r]->median_days);
      l.given_sigma[r] = std::max(1e-6, (std::log(given[r]->p90_days) - l.given_mu[r]) / kZ90);
      fit.routes[r].duration_given = true;
    } else {
      // Start: the route's ended periods' log-median, a wide spread.
      double sum = 0, n = 0;
      for (const auto& [t, c] : g.ended[r]) sum += c * std::log(t), n += c;
      l.mu[r] = static_cast<int>(x.size());
      x.push_back(n > 0 ? sum / n + 0.5 : std::log(365.0)), step.push_back(0.5);
      l.log_sigma[r] = static_cast<int>(x.size());
      x.push_back(0.0), step.push_back(0.3);
    }
  }
  const double last = static_cast<double>(fit.routes[static_cast<std::size_t>(reference)].ended) + 0.5;
  for (std::size_t r = 0; r < kCareRoutes; ++r) {
    if (l.absent[r] || static_cast<int>(r) == reference) continue;
    l.logit[r] = static_cast<int>(x.size());
    x.push_back(std::log((static_cast<double>(fit.routes[r].ended) + 0.5) / last)), step.push_back(0.5);  // start: the ended shares
  }
  l.size = x.size();
  const auto nll = [&](const std::vector<double>& v) { return negative_log_likelihood(l, g, v); };
  const Minimum m = minimise(nll, x, step, 1e-10, 40000);
  fit.converged = m.converged;
  fit.log_likelihood = -m.value;
  fit.parameters = l.size;
  const Unpacked u = unpack(l, m.x);

  // Observed information: the Hessian of the negative log-likelihood by central differences.
  const auto k = static_cast<Eigen::Index>(l.size);
  Eigen::MatrixXd h(k, k);
  const double e = 1e-3;
  for (std::size_t i = 0; i < l.size; ++i)
    for (std::size_t j = i; j < l.size; ++j) {
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
  const Eigen::MatrixXd cov = invertible ? Eigen::MatrixXd(ldlt.solve(Eigen::MatrixXd::Identity(k, k))) : Eigen::MatrixXd();
  fit.intervals = invertible && cov.allFinite();
  auto se = [&](const Eigen::VectorXd& grad) { return std::sqrt(std::max(0.0, grad.dot(cov * grad))); };
  for (std::size_t r = 0; r < kCareRoutes; ++r) {
    auto& out = fit.routes[r];
    out.absent = l.absent[r];
    out.share = u.share[r];
    out.median_days = std::exp(u.mu[r]);
    out.p90_days = std::exp(u.mu[r] + kZ90 * u.sigma[r]);
    // A given duration's interval is not this fit's: the point stands for both ends.
    out.median_low = out.median_high = out.median_days;
    out.p90_low = out.p90_high = out.p90_days;
    if (!fit.intervals) continue;
    Eigen::VectorXd g_mu = Eigen::VectorXd::Zero(k), g_p90 = Eigen::VectorXd::Zero(k), g_share = Eigen::VectorXd::Zero(k);
    if (l.mu[r] != kNone) {
      g_mu(l.mu[r]) = 1;
      g_p90(l.mu[r]) = 1;
      g_p90(l.log_sigma[r]) = kZ90 * u.sigma[r];
      const double s_mu = se(g_mu), s_p90 = se(g_p90);
      out.median_low = std::exp(u.mu[r] - kZ975 * s_mu), out.median_high = std::exp(u.mu[r] + kZ975 * s_mu);
      const double l90 = u.mu[r] + kZ90 * u.sigma[r];
      out.p90_low = std::exp(l90 - kZ975 * s_p90), out.p90_high = std::exp(l90 + kZ975 * s_p90);
    }
    // d share_r / d logit_j = share_r (1[r == j] - share_j), for the free logits j.
    for (std::size_t j = 0; j < kCareRoutes; ++j)
      if (l.logit[j] != kNone) g_share(l.logit[j]) = u.share[r] * ((r == j ? 1.0 : 0.0) - u.share[j]);
    const double s_share = se(g_share);
    out.share_low = std::max(0.0, out.share - kZ975 * s_share), out.share_high = std::min(1.0, out.share + kZ975 * s_share);
  }
  return fit;
}

}  // namespace caseflow::calibrate
