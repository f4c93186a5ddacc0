// SPDX-License-Identifier: Apache-2.0
// Reading a boot ROM image in the $readmemh format the SoC's RomInitFile takes (as
// `epoxy-load --rom-out` writes it), for `epoxy-sim --rom-hex`: a board's ROM contents in
// simulation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace epoxy::socsim {

// A problem with the file; what() names it (callers prefix the path).
class RomHexError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The words of a $readmemh file for a memory of `max_words` 32-bit words: hex words of 1 to
// 8 digits separated by white space ('_' allowed between digits), "@<hex>" moving to a word
// index, "//" comments to the end of the line. Words not written are 0. RomHexError for
// anything else, including a word beyond `max_words` or an x/z digit.
std::vector<uint32_t> read_readmemh(const std::string& path, size_t max_words);

}  // namespace epoxy::socsim
