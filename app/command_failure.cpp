#include "app/command_failure.h"

#include <CLI/CLI.hpp>

#include "io/returns/returns_error.h"
#include "io/user_error.h"

namespace caseflow::app {

CommandFailure command_failure(std::exception_ptr failure, std::string_view program) {
  try {
    std::rethrow_exception(failure);
  } catch (const CLI::ParseError& e) {
    return {2, std::string("caseflow: error: ") + e.what() + " (see " + std::string(program) + " --help)"};
  } catch (const io::UserError& e) {
    return {2, std::string("caseflow: error: ") + e.what()};
  } catch (const returns::ReturnsError& e) {  // an unreadable return, or --strict data quality
    return {2, std::string("caseflow: error: ") + e.what()};
  } catch (const std::exception& e) {
    return {1, std::string("caseflow: internal error: ") + e.what()};
  } catch (...) {
    return {1, "caseflow: internal error: an exception that is not a std::exception"};
  }
}

}  // namespace caseflow::app
