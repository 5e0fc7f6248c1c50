#pragma once
// How a command's failure is reported: the one line printed on stderr and the exit status
// (2 for a user's mistake: a parse error, bad input, an unreadable return; 1 for an internal
// error). One place, so that `caseflow` and `caseflow-mpi` report the same failure alike.
#include <exception>
#include <string>

namespace caseflow::app {

struct CommandFailure {
  int status = 1;
  std::string message;  // "caseflow: error: ...", without the newline
};

// `failure` is the exception a command threw (not CLI::Success, which is no failure).
CommandFailure command_failure(std::exception_ptr failure);

}  // namespace caseflow::app
