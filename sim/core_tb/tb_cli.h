// SPDX-License-Identifier: Apache-2.0
// Command-line plumbing shared by epoxy-core and epoxy-lockstep: exit statuses, the
// one-line bad-input error ("<program>: <what>: <problem>", status 2) and file helpers,
// with the same conventions as epoxy-iss (sim/iss/main.cpp).
#pragma once

#include <cstdio>
#include <memory>
#include <string>

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

// The firmware's EXIT value as a process exit status, as epoxy-iss maps it: the low byte,
// but a non-zero value whose low byte is 0 gives 1, so failure never reads as success.
int exit_status(uint32_t code);

}  // namespace epoxy::coretb
