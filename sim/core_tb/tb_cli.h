// SPDX-License-Identifier: Apache-2.0
// Command-line plumbing shared by epoxy-core, epoxy-lockstep and epoxy-sim: exit statuses, the
// one-line bad-input error ("<program>: <what>: <problem>", status 2) and file helpers,
// with the same conventions as epoxy-iss (sim/iss/main.cpp).
#pragma once

#include <cstdio>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace epoxy::coretb {

constexpr int kExitBadInput = 2;
constexpr int kExitCycleLimit = 124;

// Bad input: main() prints it as one line and returns kExitBadInput.
struct BadInput {
    std::string what;     // the file (or "command line")
    std::string problem;  // what is wrong with it
};

[[noreturn]] void fail(const std::string& what, const std::string& problem);

using FilePtr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
// Open `path` for writing (nullptr file when `path` is empty); BadInput if it cannot be.
FilePtr open_output(const std::string& path);
// The whole file; BadInput if it cannot be read.
std::string read_file(const std::string& path);

// Parse the command line with `app`. True to go on; false when --help or --version was
// handled, with the status to return in `exit_code`. A parse error is BadInput.
bool parse_command_line(CLI::App& app, int argc, char** argv, int& exit_code);

// The body of main(): `run`, with BadInput printed as "<program>: <what>: <problem>" and
// exit status kExitBadInput.
int run_main(const char* program, int (*run)(int, char**), int argc, char** argv);

// The firmware's EXIT value as a process exit status, as epoxy-iss maps it: the low byte,
// but a non-zero value whose low byte is 0 gives 1, so failure never reads as success.
int exit_status(uint32_t code);

}  // namespace epoxy::coretb
