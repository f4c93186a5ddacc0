// SPDX-License-Identifier: Apache-2.0
// Fixture for the ISS's NTT coprocessor tests: a Machine driven through its bus, as firmware
// drives the device (register loads and stores at EPOXY_NTT_BASE, descriptors and operands
// stored into the SRAM), and the golden model for the expected values.
#pragma once

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "epoxy/accel_regs.h"
#include "epoxy/accel_shell.h"
#include "epoxy/memory_map.h"
#include "iss/machine.h"
#include "models/ntt/ntt_model.h"

namespace nttdev {

using epoxy::Descriptor;
using epoxy::iss::Access;
using epoxy::iss::Machine;
namespace model = epoxy::ntt;

// Register offsets.
constexpr uint32_t kId = offsetof(epoxy_accel_regs_t, ID);
constexpr uint32_t kVersion = offsetof(epoxy_accel_regs_t, VERSION);
constexpr uint32_t kCaps = offsetof(epoxy_accel_regs_t, CAPS);
constexpr uint32_t kShellCaps = offsetof(epoxy_accel_regs_t, SHELL_CAPS);
constexpr uint32_t kCtrl = offsetof(epoxy_accel_regs_t, CTRL);
constexpr uint32_t kStatus = offsetof(epoxy_accel_regs_t, STATUS);
constexpr uint32_t kErr = offsetof(epoxy_accel_regs_t, ERR);
constexpr uint32_t kIrqStatus = offsetof(epoxy_accel_regs_t, IRQ_STATUS);
constexpr uint32_t kQbase = offsetof(epoxy_accel_regs_t, QBASE);
constexpr uint32_t kQsize = offsetof(epoxy_accel_regs_t, QSIZE);
constexpr uint32_t kQhead = offsetof(epoxy_accel_regs_t, QHEAD);
constexpr uint32_t kQtail = offsetof(epoxy_accel_regs_t, QTAIL);
constexpr uint32_t kPerfBusy = offsetof(epoxy_accel_regs_t, PERF_BUSY);
constexpr uint32_t kPerfStall = offsetof(epoxy_accel_regs_t, PERF_STALL);
constexpr uint32_t kPerfDma = offsetof(epoxy_accel_regs_t, PERF_DMA);

constexpr uint32_t kDone = EPOXY_ACCEL_REGS__IRQ_STATUS__DONE_bm;
constexpr uint32_t kError = EPOXY_ACCEL_REGS__IRQ_STATUS__ERROR_bm;
constexpr uint32_t kDesc = EPOXY_ACCEL_REGS__IRQ_STATUS__DESC_bm;
constexpr uint32_t kAbort = EPOXY_ACCEL_REGS__CTRL__ABORT_bm;
constexpr uint32_t kClearError = EPOXY_ACCEL_REGS__CTRL__CLEAR_ERROR_bm;
constexpr uint32_t kClearPerf = EPOXY_ACCEL_REGS__CTRL__CLEAR_PERF_bm;
constexpr uint32_t kStatusError = EPOXY_ACCEL_REGS__STATUS__ERROR_bm;

constexpr uint8_t kFwd = 0x10, kInv = 0x11, kPmul = 0x20, kPadd = 0x21, kPsub = 0x22;
constexpr uint8_t kOps[5] = {kFwd, kInv, kPmul, kPadd, kPsub};
constexpr unsigned kMinLogN = 4;  // 2 + log2(EPOXY_NTT_P)

// SRAM layout of the tests.
constexpr uint32_t kSramEnd = EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE;
constexpr uint32_t kRing = EPOXY_SRAM_BASE + 0x1000;  // up to 2^8 slots = 8 KiB
constexpr uint32_t kBufA = EPOXY_SRAM_BASE + 0x4000;
constexpr uint32_t kBufB = EPOXY_SRAM_BASE + 0xC000;
constexpr uint32_t kBufC = EPOXY_SRAM_BASE + 0x14000;
constexpr uint32_t kBufD = EPOXY_SRAM_BASE + 0x1C000;  // up to 2^11 Goldilocks elements each

inline bool is_pointwise(uint8_t op) { return op == kPmul || op == kPadd || op == kPsub; }
inline bool wide(unsigned field) { return field == unsigned(model::FieldId::Goldilocks); }
inline uint32_t esize(unsigned field) { return wide(field) ? 8u : 4u; }
inline uint64_t modulus(unsigned field) { return model::field(model::FieldId(field)).p; }
// The largest LOG_N of a field/variant on the SoC's engine (MaxLogN 14).
inline unsigned max_log_n(unsigned field, unsigned variant) {
    return model::supported_sizes(model::FieldId(field), model::Variant(variant)).max_log_n;
}

inline Descriptor desc(uint8_t op, unsigned field, unsigned variant, unsigned log_n,
                       uint32_t src0, uint32_t src1, uint32_t dst, uint32_t length) {
    Descriptor d = Descriptor::op(op);
    d.type(uint8_t(field | variant << 4)).log_n(uint8_t(log_n)).src0(src0).src1(src1).dst(dst)
        .length(length);
    return d;
}

struct NttFixture {
    Machine m;
    std::mt19937_64 rng{12345};

    // ---- Registers, as firmware accesses them ----
    bool try_read(uint32_t off, uint32_t& v, unsigned size = 4) {
        return m.read(EPOXY_NTT_BASE + off, size, Access::Load, v);
    }
    bool try_write(uint32_t off, uint32_t v, unsigned size = 4) {
        return m.write(EPOXY_NTT_BASE + off, size, v);
    }
    uint32_t reg(uint32_t off) {
        uint32_t v = 0xDEADBEEFu;
        REQUIRE(try_read(off, v));
        return v;
    }
    void set(uint32_t off, uint32_t v) { REQUIRE(try_write(off, v)); }
    uint32_t err_code() { return reg(kErr) & EPOXY_ACCEL_REGS__ERR__CODE_bm; }
    uint32_t err_index() { return reg(kErr) >> EPOXY_ACCEL_REGS__ERR__INDEX_bp; }

    // ---- Memory, through the bus ----
    void store32(uint32_t addr, uint32_t v) { REQUIRE(m.write(addr, 4, v)); }
    uint32_t load32(uint32_t addr) {
        uint32_t v = 0;
        REQUIRE(m.read(addr, 4, Access::Load, v));
        return v;
    }
    void store_elems(uint32_t addr, const model::Vec& v, unsigned field) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (wide(field)) {
                store32(addr + 8u * uint32_t(i), uint32_t(v[i]));
                store32(addr + 8u * uint32_t(i) + 4u, uint32_t(v[i] >> 32));
            } else {
                store32(addr + 4u * uint32_t(i), uint32_t(v[i]));
            }
        }
    }
    model::Vec load_elems(uint32_t addr, std::size_t n, unsigned field) {
        model::Vec v(n);
        for (std::size_t i = 0; i < n; ++i) {
            if (wide(field)) {
                v[i] = load32(addr + 8u * uint32_t(i)) |
                       uint64_t(load32(addr + 8u * uint32_t(i) + 4u)) << 32;
            } else {
                v[i] = load32(addr + 4u * uint32_t(i));
            }
        }
        return v;
    }
    void fill_words(uint32_t addr, uint32_t bytes, uint32_t pattern) {
        for (uint32_t i = 0; i < bytes; i += 4) store32(addr + i, pattern ^ i);
    }
    bool words_are(uint32_t addr, uint32_t bytes, uint32_t pattern) {
        for (uint32_t i = 0; i < bytes; i += 4)
            if (load32(addr + i) != (pattern ^ i)) return false;
        return true;
    }
    // Random canonical elements, with the edge values 0 and p - 1 at the front.
    model::Vec random(unsigned field, std::size_t n) {
        const uint64_t p = modulus(field);
        std::uniform_int_distribution<uint64_t> dist(0, p - 1);
        model::Vec v(n);
        for (auto& x : v) x = dist(rng);
        if (n > 0) v[0] = p - 1;
        if (n > 1) v[1] = 0;
        return v;
    }

    // ---- The ring ----
    uint32_t log2_ = 0;
    void ring(uint32_t log2, uint32_t base = kRing) {
        set(kQbase, base);
        set(kQsize, log2);
        log2_ = log2;
    }
    uint32_t slot_addr(uint32_t index) { return reg(kQbase) + 32u * (index & ((1u << log2_) - 1u)); }
    void put(uint32_t index, const Descriptor& d) {
        const uint32_t a = slot_addr(index);
        for (unsigned w = 0; w < 8; ++w) store32(a + 4u * w, d.word[w]);
    }
    // Writes the descriptors after QTAIL and rings the doorbell once.
    void submit(const std::vector<Descriptor>& ds) {
        const uint32_t t = reg(kQtail);
        for (std::size_t k = 0; k < ds.size(); ++k) put(t + uint32_t(k), ds[k]);
        set(kQtail, (t + uint32_t(ds.size())) & 0xFFFFu);
    }

    // ---- The golden model ----
    static model::Vec expect(uint8_t op, unsigned field, unsigned variant, unsigned log_n,
                             model::Vec a, std::size_t length, const model::Vec& b) {
        const model::NttPlan plan(model::FieldId(field), model::Variant(variant),
                                  std::size_t(1) << log_n);
        a.resize(length);
        a.resize(std::size_t(1) << log_n, 0);  // LENGTH elements, then zeros
        switch (op) {
            case kFwd: return plan.forward(a);
            case kInv: return plan.inverse(a);
            case kPmul: return plan.pointwise_mul(a, b);
            case kPadd: return plan.pointwise_add(a, b);
            default: return plan.pointwise_sub(a, b);
        }
    }
};

}  // namespace nttdev
