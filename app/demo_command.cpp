// `caseflow demo`: runs the engine's reference M/M/c queue over many replications and
// compares it with Erlang C, as a quick check that the build works and is fast.
#include <chrono>
#include <cmath>
#include <iostream>

#include "app/commands.h"
#include "app/seed_option.h"
#include "io/user_error.h"
#include "sim/engine/erlang.h"
#include "sim/engine/queueing_model.h"
#include "sim/engine/runner.h"
#include "sim/engine/statistics.h"

namespace caseflow::app {

void add_demo_command(CLI::App& app) {
  struct Options {
    double lambda = 0.2, mu = 0.1;
    unsigned servers = 3, reps = 200, threads = 0;
    std::uint64_t seed = 1;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("demo", "Run the engine's M/M/c reference queue and compare it with Erlang C");
  cmd->add_option("--lambda", options->lambda, "Arrival rate per day")->check(CLI::PositiveNumber);
  cmd->add_option("--mu", options->mu, "Service rate per server per day")->check(CLI::PositiveNumber);
  cmd->add_option("--servers", options->servers, "Number of servers")->check(CLI::PositiveNumber);
  cmd->add_option("--reps", options->reps, "Replications")->check(CLI::PositiveNumber);
  cmd->add_option("--threads", options->threads, "Threads (0 = all cores)");
  add_seed_option(*cmd, options->seed, "Random seed (default: 1)");
  cmd->callback([options] {
    const Options& o = *options;
    if (o.lambda >= o.mu * o.servers)
      throw io::UserError("--lambda must be below --mu x --servers, or the queue grows without bound");
    // Warm up for 50 mean service times, then observe about 20,000 arrivals.
    const double warmup_days = 50.0 / o.mu;
    engine::QueueingModelConfig config{o.lambda, o.mu, o.servers, warmup_days, warmup_days + 20'000.0 / o.lambda};
    const auto t0 = std::chrono::steady_clock::now();
    auto results = engine::run_replications<engine::QueueingModelResult>(
        o.reps, o.threads, [&](std::uint32_t rep) { return engine::run_queueing_model(config, o.seed, rep); });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    engine::RunningStats wait, waited;
    std::uint64_t events = 0;
    for (const auto& r : results) {
      wait.add(r.mean_wait_days);
      waited.add(static_cast<double>(r.waited) / static_cast<double>(r.arrivals));
      events += r.events;
    }
    const auto theory = engine::erlang_c(o.lambda, o.mu, o.servers);
    std::cout << "M/M/" << o.servers << " lambda=" << o.lambda << " mu=" << o.mu << ", " << o.reps
              << " replications\n"
              << "  P(wait):   simulated " << waited.mean() << " +/- " << waited.standard_error()
              << ", Erlang C " << theory.probability_of_waiting << "\n"
              << "  mean wait: simulated " << wait.mean() << " +/- " << wait.standard_error()
              << " days, Erlang C " << theory.mean_wait << " days\n"
              << "  " << events << " events in " << seconds << " s ("
              << static_cast<double>(events) / seconds / 1e6 << " million events/s)\n";
  });
}

}  // namespace caseflow::app
