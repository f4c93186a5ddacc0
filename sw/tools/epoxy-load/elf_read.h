// SPDX-License-Identifier: Apache-2.0
// Reading the ELF files epoxy-load works with (libelf): an app to put in a frame, and the
// bootloader for a ROM image. Both must be 32-bit little-endian RISC-V executables.
// Problems are boot::Error with the problem only; callers prefix the file.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "frame.h"

namespace epoxy::boot {

struct ElfFile {
    uint32_t entry = 0;
    std::vector<Segment> segments;  // the PT_LOAD segments with a non-zero memory size
    std::map<std::string, uint32_t> symbols;
};

ElfFile read_elf(const std::string& path);

// An app for a frame: every loadable segment (with its .bss) must lie in the SRAM
// [sram_base, sram_base + sram_size), and the file bytes must end below the bootloader's
// stack (the top EPOXY_BOOT_RAM_RESERVED bytes of the largest power of two <= sram_size,
// the size the bootloader finds). Returns the flattened image.
Image read_app(const std::string& path, uint32_t sram_base, uint32_t sram_size);

struct Bootloader {
    std::vector<uint8_t> rom;  // the image from the ROM's base
    uint32_t app_frame = 0;    // ROM offset of the embedded frame (epoxy_boot_app_frame)
};

// The bootloader for a ROM image: file bytes only in the memory map's boot ROM region, and
// the symbol epoxy_boot_app_frame (firmware/boot).
Bootloader read_bootloader(const std::string& path);

}  // namespace epoxy::boot
