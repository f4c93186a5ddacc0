// SPDX-License-Identifier: Apache-2.0
// Loading a RISC-V ELF executable into the ISS machine, with libelf.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

#include "iss/machine.h"

namespace epoxy::iss {

// Thrown for any problem with the file; what() names the problem (not the file: callers
// prefix the path, so every message reads "<file>: <problem>").
class ElfError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ElfImage {
    uint32_t entry = 0;
    std::map<std::string, uint32_t> symbols;  // global and local symbols with a name
};

// Check that `path` is a 32-bit little-endian RISC-V executable whose loadable segments
// all lie inside the machine's ROM or SRAM, and copy them in (bss zero-filled).
ElfImage load_elf(const std::string& path, Machine& machine);

}  // namespace epoxy::iss
