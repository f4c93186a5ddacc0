// SPDX-License-Identifier: Apache-2.0
// Where a generated program lives in the Epoxy SRAM, and its fixed-role registers.
//
//   0x1000_0000  prologue, body, exit, vector table, trap handler (code, grows up)
//   0x1003_E000  data region (8 KiB): random initial contents; sp points at its middle
//   0x1003_FFFE  last halfword of SRAM: a 32-bit opcode parcel, so that a jump there
//                straddles the end of SRAM and the fetch of its second half faults
#pragma once

#include <cstdint>

#include "epoxy/memory_map.h"

namespace epoxy::rig {

constexpr uint32_t kCodeBase = EPOXY_SRAM_BASE;
constexpr uint32_t kDataSize = 0x2000;
constexpr uint32_t kDataBase = EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE - kDataSize;
constexpr uint32_t kDataPtr = kDataBase + kDataSize / 2;  // sp
constexpr uint32_t kStraddle = EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE - 2;

}  // namespace epoxy::rig
