#pragma once
// Closed forms for the M/M/c queue (Erlang C), the yardstick of the engine's validation.
#include <cmath>
#include <cstdint>

namespace caseflow::engine {

struct ErlangC {
  double utilisation = 0.0;
  double probability_of_waiting = 0.0;
  double mean_wait = 0.0;     // in queue, in the rates' time unit
  double mean_sojourn = 0.0;  // wait plus service
  double mean_in_system = 0.0;
};

inline ErlangC erlang_c(double arrival_rate, double service_rate, std::uint32_t servers) {
  const double a = arrival_rate / service_rate;  // offered load in Erlangs
  const double c = servers;
  // Erlang B by its stable recursion, then C from B.
  double b = 1.0;
  for (std::uint32_t k = 1; k <= servers; ++k) b = a * b / (static_cast<double>(k) + a * b);
  const double rho = a / c;
  ErlangC r;
  r.utilisation = rho;
  r.probability_of_waiting = b / (1.0 - rho * (1.0 - b));
  r.mean_wait = r.probability_of_waiting / (c * service_rate - arrival_rate);
  r.mean_sojourn = r.mean_wait + 1.0 / service_rate;
  r.mean_in_system = arrival_rate * r.mean_sojourn;
  return r;
}

}  // namespace caseflow::engine
