// `caseflow forecast` on any history: it refuses with io::UserError (exit status 2), or it
// writes a forecast whose every number is finite with P10 <= P50 <= P90 (issue 16 found hangs,
// `inf`, empty means and a P10 of -9223372036854775808). Anything else aborts, so the fuzzer
// keeps the input. Short settings (12 months, 200 draws, no back-test) keep it quick; the fit
// is the same as the command's.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "app/forecast_command.h"
#include "fuzz_files.h"
#include "io/user_error.h"

namespace {

// Every row of forecast.csv: month,source,mean,p10,p50,p90, numbers finite and ordered.
void check_forecast(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  if (!std::getline(in, line)) std::abort();
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string month, source, field;
    std::getline(row, month, ',');
    std::getline(row, source, ',');
    double v[4];
    for (double& x : v) {
      if (!std::getline(row, field, ',') || field.empty()) std::abort();
      char* end = nullptr;
      x = std::strtod(field.c_str(), &end);
      if (*end != '\0' || !std::isfinite(x) || x < 0) std::abort();
    }
    if (!(v[1] <= v[2] && v[2] <= v[3])) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caseflow::app::ForecastCommandOptions o;
  o.history_path = caseflow::fuzz::write_only("history.csv", data, size);
  o.out_dir = (caseflow::fuzz::scratch() / "out").string();
  o.horizon_months = 12;
  o.simulations = 200;
  o.backtest_origins = 0;
  std::ostringstream summary;
  try {
    caseflow::app::run_forecast(o, summary);
  } catch (const caseflow::io::UserError&) {
    return 0;
  }
  check_forecast(caseflow::fuzz::scratch() / "out" / "forecast.csv");
  return 0;
}
