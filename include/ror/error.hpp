// Errors and exit codes: the library throws ror::Error; the CLI catches it in one place.
#pragma once

#include <stdexcept>
#include <string>

namespace ror {

// Process exit codes, stable across versions and listed in the README.
enum class ExitCode : int {
  ok = 0,            // scored; every --require condition held
  check_failed = 1,  // a --require condition failed (or its value was unknown)
  usage = 2,         // bad command line or configuration
  bad_input =
      3,  // unreadable file, malformed JSON, schema violation, empty input, --strict warning
  output_failed = 4,  // the report could not be written
  out_of_memory = 5,  // the memory the system (or a ulimit) allows ran out
};

// An error meant for the user: a one-line message plus the exit code it maps to.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  // The exit code this error should end the process with.
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

// Shorthands for the two common classes.
inline Error usage_error(const std::string& message) {
  return Error(ExitCode::usage, message);
}
inline Error input_error(const std::string& message) {
  return Error(ExitCode::bad_input, message);
}

}  // namespace ror
