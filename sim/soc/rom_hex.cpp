// SPDX-License-Identifier: Apache-2.0
// $readmemh files for epoxy-sim --rom-hex (see rom_hex.h).
#include "rom_hex.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace epoxy::socsim {

namespace {

// Parses hex digits (with '_' separators) into `value`; false if `text` is not that.
bool parse_hex(const std::string& text, uint64_t& value) {
    value = 0;
    unsigned digits = 0;
    for (char c : text) {
        if (c == '_' && digits) continue;
        if (!std::isxdigit(static_cast<unsigned char>(c)) || ++digits > 8) return false;
        const int u = std::tolower(static_cast<unsigned char>(c));
        value = value << 4 | uint64_t(std::isdigit(u) ? u - '0' : u - 'a' + 10);
    }
    return digits > 0;
}

}  // namespace

std::vector<uint32_t> read_readmemh(const std::string& path, size_t max_words) {
    std::ifstream in(path);
    if (!in) throw RomHexError(std::string("cannot open: ") + std::strerror(errno));
    std::vector<uint32_t> words(max_words, 0);
    size_t index = 0;
    std::string line;
    for (unsigned line_no = 1; std::getline(in, line); ++line_no) {
        const size_t comment = line.find("//");
        if (comment != std::string::npos) line.erase(comment);
        std::istringstream tokens(line);
        std::string token;
        while (tokens >> token) {
            const std::string where = "line " + std::to_string(line_no) + ": ";
            uint64_t value = 0;
            if (token[0] == '@') {
                if (!parse_hex(token.substr(1), value))
                    throw RomHexError(where + "bad address '" + token + "'");
                index = size_t(value);
                continue;
            }
            if (!parse_hex(token, value))
                throw RomHexError(where + "'" + token + "' is not a 32-bit hex word");
            if (index >= max_words)
                throw RomHexError(where + "word " + std::to_string(index) +
                                  " is beyond the ROM's " + std::to_string(max_words) + " words");
            words[index++] = uint32_t(value);
        }
    }
    if (in.bad()) throw RomHexError("read error");
    return words;
}

}  // namespace epoxy::socsim
