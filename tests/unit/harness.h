// SPDX-License-Identifier: Apache-2.0
// Unit-test fixture: a Machine with a program placed in SRAM, stepped a few times.
//
// Code goes at kCode (the start of SRAM, the hart's reset pc), test data at kData, and
// mtvec points at kTrapVec so traps land somewhere known. Every step goes through
// Machine::step(), so the timer ticks and the interrupt lines are driven as in a real run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rv/encode.h"
#include "epoxy/memory_map.h"
#include "iss/machine.h"
#include "iss/riscv.h"

namespace unit {

using epoxy::iss::Access;
using epoxy::iss::Hart;
using epoxy::iss::Machine;
using epoxy::iss::Priv;
using epoxy::iss::Retire;
using epoxy::iss::StepKind;
namespace rv = epoxy::iss::rv;

constexpr uint32_t kCode = EPOXY_SRAM_BASE;
constexpr uint32_t kTrapVec = EPOXY_SRAM_BASE + 0x800;
constexpr uint32_t kData = EPOXY_SRAM_BASE + 0x1000;
constexpr uint32_t kUnmapped = 0x40000000u;  // nothing lives here in the memory map

// One instruction: a 32-bit word or a 16-bit compressed parcel.
struct Insn {
    uint32_t bits;
    unsigned len;
    Insn(uint32_t w) : bits(w), len(4) {}       // NOLINT: implicit on purpose, reads like asm
    Insn(uint16_t h) : bits(h), len(2) {}       // NOLINT
    Insn(int w) : bits(uint32_t(w)), len(4) {}  // NOLINT
};

class Harness {
  public:
    Harness() {
        m.set_console([this](char c) { console += c; });
        hart().set_csr(rv::kMtvec, kTrapVec);
    }

    Hart& hart() { return m.hart(); }

    // Place instructions at `addr` (default kCode) and point pc at the first one.
    void program(const std::vector<Insn>& code, uint32_t addr = kCode) {
        place(code, addr);
        hart().set_pc(addr);
    }
    // Place instructions without moving pc (a trap handler, a jump target).
    void place(const std::vector<Insn>& code, uint32_t addr) {
        for (const Insn& i : code) {
            const uint8_t b[4] = {uint8_t(i.bits), uint8_t(i.bits >> 8), uint8_t(i.bits >> 16),
                                  uint8_t(i.bits >> 24)};
            m.load(addr, b, i.len);
            addr += i.len;
        }
    }

    void poke32(uint32_t addr, uint32_t v) { poke(addr, v, 4); }
    void poke(uint32_t addr, uint32_t v, unsigned size) {
        const uint8_t b[4] = {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)};
        m.load(addr, b, size);
    }
    uint32_t peek(uint32_t addr, unsigned size = 4) {
        uint32_t v = 0xDEADBEEF;
        m.peek(addr, size, v);
        return v;
    }

    uint32_t x(unsigned i) { return hart().x(i); }
    void set_x(unsigned i, uint32_t v) { hart().set_x(i, v); }
    uint32_t csr(uint16_t addr) { return hart().csr(addr).value_or(0xBAD0BAD0u); }
    void set_csr(uint16_t addr, uint32_t v) { hart().set_csr(addr, v); }

    // Let U-mode reach all of memory through the lowest-priority PMP entry (15): with no
    // matching entry a U-mode access fails. Then drop to U-mode.
    void open_pmp_for_user() {
        set_csr(rv::kPmpaddr0 + 15, 0xFFFFFFFFu);  // NAPOT over the whole 34-bit space
        set_csr(rv::kPmpcfg0 + 3,
                uint32_t(rv::kPmpR | rv::kPmpW | rv::kPmpX | (rv::kPmpNapot << rv::kPmpAShift))
                    << 24);
    }
    void enter_user() {
        open_pmp_for_user();
        hart().set_priv(Priv::U);
    }

    Retire step() {
        Retire r = m.step();
        trace.push_back(r);
        return r;
    }
    // Step n times; the last record.
    Retire run(unsigned n) {
        Retire r;
        for (unsigned i = 0; i < n; ++i) r = step();
        return r;
    }

    Machine m;
    std::string console;
    std::vector<Retire> trace;
};

// Run one instruction placed at kCode with the given registers set; its record.
inline Retire exec1(Harness& h, Insn insn) {
    h.program({insn});
    return h.step();
}

}  // namespace unit
