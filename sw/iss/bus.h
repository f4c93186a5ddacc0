// SPDX-License-Identifier: Apache-2.0
// The ISS's view of the system bus: what the hart can ask of the memory map.
//
// Like the SoC's OBI bus, every access is answered: true with data, or false for a bus
// error (unmapped address, a device accessed with the wrong size, a store to ROM, an
// instruction fetch from a device), which the hart turns into an access-fault trap.
// Alignment is the hart's business: the bus only sees naturally aligned accesses.
#pragma once

#include <cstdint>

namespace epoxy::iss {

enum class Access : uint8_t { Fetch, Load, Store };

class Bus {
public:
    virtual ~Bus() = default;
    // Fetch or load `size` bytes (1, 2, 4) at `addr`; the value is zero-extended.
    virtual bool read(uint32_t addr, unsigned size, Access kind, uint32_t& value) = 0;
    // Store the low `size` bytes of `value` at `addr`.
    virtual bool write(uint32_t addr, unsigned size, uint32_t value) = 0;
};

}  // namespace epoxy::iss
