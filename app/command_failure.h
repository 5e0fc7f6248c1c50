#pragma once
// How a command's failure is reported: the one line printed on stderr and the exit status
// (2 for a user's mistake: a parse error, bad input, an unreadable return; 1 for an internal
// error). One place, so that `caseflow` and `caseflow-mpi` report the same failure alike.
#include <exception>
#include <string>
#include <string_view>

namespace caseflow::app {

struct CommandFailure {
  int status = 1;
  std::string message;  // "caseflow: error: ...", without the newline
};

// `failure` is the exception a command threw (not CLI::Success, which is no failure);
// `program` is the executable whose --help a command-line mistake points to.
CommandFailure command_failure(std::exception_ptr failure, std::string_view program);

}  // namespace caseflow::app
