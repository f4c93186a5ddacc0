// SPDX-License-Identifier: Apache-2.0
// Command-line plumbing of the core testbench programs (see tb_cli.h).
#include "tb_cli.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace epoxy::coretb {

void fail(const std::string& what, const std::string& problem) {
    throw BadInput{what, problem};
}

FilePtr open_output(const std::string& path) {
    if (path.empty()) return FilePtr(nullptr, &std::fclose);
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) fail(path, fmt::format("cannot open for writing: {}", std::strerror(errno)));
    return FilePtr(f, &std::fclose);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, fmt::format("cannot open: {}", std::strerror(errno)));
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool parse_command_line(CLI::App& app, int argc, char** argv, int& exit_code) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        exit_code = app.exit(e);
        return false;
    } catch (const CLI::CallForVersion& e) {
        exit_code = app.exit(e);
        return false;
    } catch (const CLI::ParseError& e) {
        fail("command line", std::string(e.what()) + " (see --help)");
    }
    return true;
}

int run_main(const char* program, int (*run)(int, char**), int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const BadInput& e) {
        std::fprintf(stderr, "%s: %s: %s\n", program, e.what.c_str(), e.problem.c_str());
        return kExitBadInput;
    }
}

int exit_status(uint32_t code) {
    if (code != 0 && (code & 0xFF) == 0) return 1;
    return int(code & 0xFF);
}

}  // namespace epoxy::coretb
