// SPDX-License-Identifier: Apache-2.0
// Command-line plumbing of the core testbench programs (see tb_cli.h).
#include "tb_cli.h"

#include <fmt/format.h>

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

int exit_status(uint32_t code) {
    if (code != 0 && (code & 0xFF) == 0) return 1;
    return int(code & 0xFF);
}

}  // namespace epoxy::coretb
