// SPDX-License-Identifier: Apache-2.0
// The accelerator shell driver (sw/drivers/epoxy/accel_shell.h) driving the Verilated shell
// and its copy/fill test engine through the host back end (shell_transactor.h): probe, ring
// set-up, batches through a small ring, every error code as DeviceError with its code and
// index, recovery, abort, timeouts, a full ring and interrupts. A fake register file covers
// what the hardware cannot show: other versions, a shell that never becomes idle, and the
// 16-bit wrap of the ring indices.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <vector>

#include "epoxy/accel_regs.h"
#include "epoxy/accel_shell.h"
#include "shell_transactor.h"

namespace epoxy {
// Status and error names in Catch2's failure messages.
std::ostream& operator<<(std::ostream& os, AccelStatus s) {
    static const char* const names[] = {"Ok",          "Busy",        "Timeout",      "DeviceError",
                                        "BadArgument", "WrongDevice", "NotConfigured"};
    const unsigned i = unsigned(s);
    return os << (i < sizeof names / sizeof names[0] ? names[i] : "AccelStatus(?)");
}
std::ostream& operator<<(std::ostream& os, AccelError e) {
    return os << "AccelError(" << unsigned(e) << ")";
}
}  // namespace epoxy

namespace {

using epoxy::AccelError;
using epoxy::AccelStatus;
using epoxy::Descriptor;
using epoxy::test::kOpCopy;
using epoxy::test::kOpFill;
using Transactor = epoxy::test::ShellTransactor;
using Shell = epoxy::AccelShell<Transactor>;

constexpr uint32_t kMemBase = 0x10000000u;
constexpr uint32_t kRing = kMemBase, kData = kMemBase + 0x2000;
constexpr uint32_t kPolls = 100000;  // enough for everything below but the deliberate timeouts

#define REG(name) uint32_t(offsetof(epoxy_accel_regs_t, name))

Descriptor copy(uint32_t src, uint32_t dst, uint32_t words) {
    return Descriptor::op(kOpCopy).src0(src).dst(dst).length(words);
}
Descriptor fill(uint32_t dst, uint32_t words, uint32_t value) {
    return Descriptor::op(kOpFill).dst(dst).length(words).param0(value);
}

Transactor::Options bus(unsigned max_wait, uint32_t seed) {
    Transactor::Options o;
    o.max_wait = max_wait;
    o.seed = seed;
    return o;
}

uint32_t reg(Transactor& io, uint32_t off) {
    const epoxy::test::RegResult r = io.access(off, false, 0);
    REQUIRE_FALSE(r.err);
    return r.value;
}

// A ring of 2^log2 slots at kRing, on a shell that was probed first.
void bring_up(Shell& s, uint32_t log2) {
    REQUIRE(s.probe(epoxy::test::kAccelTestId) == AccelStatus::Ok);
    REQUIRE(s.configure_ring(kRing, log2) == AccelStatus::Ok);
}

// A register file without hardware behind it: registers keep what is written.
struct FakeIo {
    uint32_t regs[16] = {};
    unsigned reads[16] = {};
    unsigned ticks = 0;
    std::vector<std::pair<uint32_t, uint32_t>> writes;  // (offset, value)
    std::map<uint32_t, uint32_t> mem;

    FakeIo() {
        regs[REG(ID) / 4] = epoxy::test::kAccelTestId;
        regs[REG(VERSION) / 4] = 1u << EPOXY_ACCEL_REGS__VERSION__MAJOR_bp;
        regs[REG(SHELL_CAPS) / 4] = 1u << EPOXY_ACCEL_REGS__SHELL_CAPS__DMA_LANES_bp |
                                    8u << EPOXY_ACCEL_REGS__SHELL_CAPS__MAX_QLOG2_bp |
                                    32u << EPOXY_ACCEL_REGS__SHELL_CAPS__DESC_BYTES_bp;
    }
    uint32_t reg_read(uint32_t off) {
        ++reads[off / 4];
        return regs[off / 4];
    }
    void reg_write(uint32_t off, uint32_t v) {
        writes.emplace_back(off, v);
        regs[off / 4] = v;
    }
    void mem_write(uint32_t addr, const uint32_t* w, size_t n) {
        for (size_t i = 0; i < n; ++i) mem[addr + 4 * uint32_t(i)] = w[i];
    }
    void mem_read(uint32_t addr, uint32_t* w, size_t n) {
        for (size_t i = 0; i < n; ++i) w[i] = mem[addr + 4 * uint32_t(i)];
    }
    void tick() { ++ticks; }
};

}  // namespace

TEST_CASE("driver: probe accepts the copy engine and refuses another id", "[driver]") {
    Transactor io;
    Shell s(io);
    epoxy::AccelInfo info{};
    CHECK(s.probe(epoxy::test::kAccelTestId, &info) == AccelStatus::Ok);
    CHECK(info.id == epoxy::test::kAccelTestId);
    CHECK(info.version_major == 1u);
    CHECK(info.version_minor == 0u);
    CHECK(info.caps == 3u);
    CHECK(info.dma_lanes == 1u);
    CHECK(info.max_qlog2 == 8u);
    CHECK(info.desc_bytes == 32u);
    CHECK(s.probe(0x4E545420u /* 'NTT ' */, &info) == AccelStatus::WrongDevice);
    CHECK(info.id == epoxy::test::kAccelTestId);  // what was there
    CHECK(s.probe(0) == AccelStatus::WrongDevice);
    CHECK(io.reg_errors() == 0u);
}

TEST_CASE("driver: probe refuses another major version or descriptor size", "[driver][fake]") {
    FakeIo io;
    epoxy::AccelShell<FakeIo> s(io);
    CHECK(s.probe(epoxy::test::kAccelTestId) == AccelStatus::Ok);
    io.regs[REG(VERSION) / 4] = 1u << EPOXY_ACCEL_REGS__VERSION__MAJOR_bp | 7u;  // a new minor
    CHECK(s.probe(epoxy::test::kAccelTestId) == AccelStatus::Ok);
    io.regs[REG(VERSION) / 4] = 2u << EPOXY_ACCEL_REGS__VERSION__MAJOR_bp;
    CHECK(s.probe(epoxy::test::kAccelTestId) == AccelStatus::WrongDevice);
    io.regs[REG(VERSION) / 4] = 1u << EPOXY_ACCEL_REGS__VERSION__MAJOR_bp;
    io.regs[REG(SHELL_CAPS) / 4] =
        (io.regs[REG(SHELL_CAPS) / 4] & ~uint32_t(EPOXY_ACCEL_REGS__SHELL_CAPS__DESC_BYTES_bm)) |
        64u << EPOXY_ACCEL_REGS__SHELL_CAPS__DESC_BYTES_bp;
    CHECK(s.probe(epoxy::test::kAccelTestId) == AccelStatus::WrongDevice);
    CHECK(io.writes.empty());  // probing writes nothing
}

TEST_CASE("driver: configure_ring checks alignment, size and range, and submit needs a ring",
          "[driver]") {
    Transactor io;
    Shell s(io);
    const Descriptor d = fill(kData, 1, 1);
    uint32_t n = 0;
    CHECK(s.submit(&d, 1) == AccelStatus::NotConfigured);
    CHECK(s.free_slots(&n) == AccelStatus::NotConfigured);
    CHECK(s.replace(0, d) == AccelStatus::NotConfigured);

    CHECK(s.configure_ring(kRing + 4, 2) == AccelStatus::BadArgument);  // not 32-byte aligned
    CHECK(s.configure_ring(kRing + 16, 2) == AccelStatus::BadArgument);
    CHECK(s.configure_ring(kRing, 9) == AccelStatus::BadArgument);  // above MAX_QLOG2 (8)
    CHECK(s.configure_ring(kRing, 16) == AccelStatus::BadArgument);
    CHECK(s.configure_ring(0xFFFFFFE0u, 1) == AccelStatus::BadArgument);  // wraps
    CHECK(reg(io, REG(QBASE)) == 0u);                                     // nothing was written
    CHECK(reg(io, REG(QSIZE)) == 0u);
    CHECK(s.submit(&d, 1) == AccelStatus::NotConfigured);

    CHECK(s.configure_ring(kRing, 8) == AccelStatus::Ok);  // the largest ring
    CHECK(reg(io, REG(QSIZE)) == 8u);
    CHECK(s.free_slots(&n) == AccelStatus::Ok);
    CHECK(n == 256u);
    CHECK(s.configure_ring(kRing + 0x20, 2) == AccelStatus::Ok);
    CHECK(reg(io, REG(QBASE)) == kRing + 0x20);
    CHECK(reg(io, REG(QSIZE)) == 2u);

    CHECK(s.submit(nullptr, 1) == AccelStatus::BadArgument);
    CHECK(s.free_slots(nullptr) == AccelStatus::BadArgument);
    CHECK(s.submit(&d, 0) == AccelStatus::Ok);  // nothing to do, no doorbell
    CHECK(reg(io, REG(QTAIL)) == 0u);
    CHECK(s.wait_idle(0) == AccelStatus::BadArgument);
    CHECK(s.abort(0) == AccelStatus::BadArgument);

    // A ring with work pending cannot move.
    const Descriptor longfill = fill(kData, 2048, 5);
    REQUIRE(s.submit(&longfill, 1) == AccelStatus::Ok);
    CHECK(s.configure_ring(kRing, 3) == AccelStatus::Busy);
    CHECK(reg(io, REG(QBASE)) == kRing + 0x20);
    CHECK(reg(io, REG(QSIZE)) == 2u);
    REQUIRE(s.wait_idle(kPolls) == AccelStatus::Ok);
    CHECK(io.mem(kData + 4 * 2047) == 5u);
    CHECK(s.configure_ring(kRing, 3) == AccelStatus::Ok);
    CHECK(io.reg_errors() == 0u);
}

TEST_CASE("driver: COPY and FILL batches run through a small ring in rounds, with random delays",
          "[driver]") {
    for (unsigned max_wait : {0u, 3u}) {
        INFO("max DMA grant delay " << max_wait);
        Transactor io(bus(max_wait, 17 + max_wait));
        Shell s(io);
        bring_up(s, 2);  // 4 slots, 11 descriptors
        std::vector<uint32_t> src(96);
        for (uint32_t i = 0; i < src.size(); ++i) src[i] = 0xC0DE0000u + i * 0x01010101u;
        io.mem_write(kData, src.data(), src.size());

        std::vector<Descriptor> d;
        for (uint32_t k = 0; k < 11; ++k) {
            const uint32_t dst = kData + 0x1000 + 0x200 * k;
            d.push_back(k % 2 ? fill(dst, 8 + k, 0xF0000000u + k)
                              : copy(kData + 4 * k, dst, 8 + k));
        }
        // More than the ring holds: refused whole, nothing written, no doorbell.
        CHECK(s.submit(d.data(), d.size()) == AccelStatus::Busy);
        CHECK(reg(io, REG(QTAIL)) == 0u);
        CHECK(io.mem(kRing) == 0u);

        // In rounds, each as large as the ring's free space, while the shell runs.
        size_t next = 0;
        unsigned rounds = 0, spins = 0;
        while (next < d.size()) {
            uint32_t free = 0;
            REQUIRE(s.free_slots(&free) == AccelStatus::Ok);
            REQUIRE(free <= 4u);
            if (free == 0) {
                REQUIRE(++spins < 20000u);
                io.tick();
                continue;
            }
            const size_t n = std::min<size_t>(free, d.size() - next);
            REQUIRE(s.submit(&d[next], n) == AccelStatus::Ok);
            next += n;
            ++rounds;
        }
        CHECK(rounds >= 3u);
        REQUIRE(s.wait_idle(kPolls) == AccelStatus::Ok);
        uint32_t head = 0, tail = 0;
        REQUIRE(s.queue_indices(&head, &tail) == AccelStatus::Ok);
        CHECK(head == 11u);  // wrapped the 4-slot ring twice
        CHECK(tail == 11u);
        for (uint32_t k = 0; k < 11; ++k) {
            INFO("descriptor " << k);
            std::vector<uint32_t> got(8 + k + 1);
            io.mem_read(kData + 0x1000 + 0x200 * k, got.data(), got.size());
            for (uint32_t i = 0; i < 8 + k; ++i)
                CHECK(got[i] == (k % 2 ? 0xF0000000u + k : src[k + i]));
            CHECK(got[8 + k] == 0u);  // not one word more
        }
        AccelError code = AccelError::BadOpcode;
        uint32_t index = 99;
        CHECK(s.last_error(&code, &index) == AccelStatus::Ok);
        CHECK(code == AccelError::None);
        CHECK(index == 0u);
        CHECK(io.reg_errors() == 0u);
    }
}

TEST_CASE("driver: a full ring is Busy and its pending descriptors are not overwritten",
          "[driver]") {
    Transactor io(bus(1, 5));
    Shell s(io);
    bring_up(s, 2);
    Descriptor d[4];
    for (uint32_t k = 0; k < 4; ++k) d[k] = fill(kData + 0x2000 * k, 1024, 0x10u + k);
    REQUIRE(s.submit(d, 4) == AccelStatus::Ok);
    uint32_t free = 99;
    CHECK(s.free_slots(&free) == AccelStatus::Ok);
    CHECK(free == 0u);
    const Descriptor extra = fill(kData + 0x9000, 4, 0x99u);
    CHECK(s.submit(&extra, 1) == AccelStatus::Busy);
    CHECK(s.replace(3, extra) == AccelStatus::Busy);  // only while stopped on an error
    CHECK(reg(io, REG(QTAIL)) == 4u);
    for (uint32_t k = 0; k < 4; ++k) {
        uint32_t w[8];
        io.mem_read(kRing + 32 * k, w, 8);
        CHECK(std::equal(w, w + 8, d[k].word));
    }
    REQUIRE(s.wait_idle(kPolls) == AccelStatus::Ok);
    CHECK(s.submit(&extra, 1) == AccelStatus::Ok);
    REQUIRE(s.wait_idle(kPolls) == AccelStatus::Ok);
    for (uint32_t k = 0; k < 4; ++k) CHECK(io.mem(kData + 0x2000 * k + 4 * 1023) == 0x10u + k);
    CHECK(io.mem(kData + 0x900C) == 0x99u);
}

TEST_CASE(
    "driver: every error code is a DeviceError with its code and index, and the "
    "queue then continues",
    "[driver]") {
    struct Case {
        const char* what;
        Descriptor bad;
        AccelError code;
        bool fetch_fault;  // the ring slot itself answers bus errors
    };
    const Case cases[] = {
        {"unknown opcode", Descriptor::op(0x7F).src0(kData).dst(kData + 0x400).length(4),
         AccelError::BadOpcode, false},
        {"size 0", copy(kData, kData + 0x400, 0), AccelError::BadSize, false},
        {"size too big", copy(kData, kData + 0x400, 0x10001), AccelError::BadSize, false},
        {"unsupported type", copy(kData, kData + 0x400, 4).type(3), AccelError::BadType, false},
        {"unsupported log_n", copy(kData, kData + 0x400, 4).log_n(1), AccelError::BadType, false},
        {"engine flag", copy(kData, kData + 0x400, 4).flags(0x02), AccelError::BadType, false},
        {"misaligned", copy(kData + 2, kData + 0x400, 4), AccelError::Misaligned, false},
        {"wraps the address space", fill(0xFFFFFFF0u, 8, 0), AccelError::OutOfRange, false},
        {"DMA bus error", copy(0x40000000u, kData + 0x400, 4), AccelError::DmaError, false},
        {"descriptor fetch bus error", fill(kData + 0x400, 4, 0), AccelError::DescFetchError, true},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        Transactor io(bus(2, 3));
        Shell s(io);
        bring_up(s, 3);
        REQUIRE(s.irq_enable(epoxy::kAccelIrqError) == AccelStatus::Ok);
        if (c.fetch_fault) io.set_dma_error_window(kRing + 32, kRing + 64);  // slot 1
        const Descriptor batch[3] = {fill(kData, 1, 0x01010101u), c.bad,
                                     fill(kData + 8, 1, 0x03030303u)};
        REQUIRE(s.submit(batch, 3) == AccelStatus::Ok);
        CHECK(s.wait_idle(kPolls) == AccelStatus::DeviceError);
        CHECK(s.wait_idle(1) == AccelStatus::DeviceError);  // it stays stopped
        AccelError code = AccelError::None;
        uint32_t index = 99;
        CHECK(s.last_error(&code, &index) == AccelStatus::Ok);
        CHECK(code == c.code);
        CHECK(index == 1u);
        uint32_t head = 0, tail = 0;
        REQUIRE(s.queue_indices(&head, &tail) == AccelStatus::Ok);
        CHECK(head == 1u);  // stopped at the bad one
        CHECK(tail == 3u);
        CHECK(io.mem(kData) == 0x01010101u);
        CHECK(io.mem(kData + 8) == 0u);  // the next one did not run
        uint32_t irqs = 0;
        CHECK(s.irq_status(&irqs) == AccelStatus::Ok);
        CHECK(irqs == epoxy::kAccelIrqError);  // not DONE: the queue did not drain
        CHECK(io.irq());

        // Fix it: only a pending index can be replaced.
        const Descriptor good = fill(kData + 4, 1, 0x02020202u);
        CHECK(s.replace(0, good) == AccelStatus::BadArgument);  // already ran
        CHECK(s.replace(3, good) == AccelStatus::BadArgument);  // not submitted
        CHECK(s.replace(1, good) == AccelStatus::Ok);
        io.set_dma_error_window(0, 0);
        CHECK(s.irq_clear(epoxy::kAccelIrqError) == AccelStatus::Ok);
        CHECK(s.clear_error() == AccelStatus::Ok);
        CHECK(s.wait_idle(kPolls) == AccelStatus::Ok);
        REQUIRE(s.queue_indices(&head, &tail) == AccelStatus::Ok);
        CHECK(head == 3u);
        CHECK(io.mem(kData + 4) == 0x02020202u);
        CHECK(io.mem(kData + 8) == 0x03030303u);
        CHECK(s.last_error(&code, &index) == AccelStatus::Ok);
        CHECK(code == AccelError::None);
        uint32_t enabled = 0;
        CHECK(s.irq_enabled(&enabled) == AccelStatus::Ok);
        CHECK(enabled == epoxy::kAccelIrqError);  // clear_error kept the enables
        CHECK(io.reg_errors() == 0u);
    }
}

TEST_CASE(
    "driver: a ring above MAX_QLOG2 set behind the driver's back is BAD_QUEUE, and "
    "abort recovers",
    "[driver]") {
    Transactor io;
    Shell s(io);
    bring_up(s, 2);
    io.reg_write(REG(QSIZE), 9);  // not through the driver: it refuses this
    const Descriptor d = fill(kData, 2, 0xABABABABu);
    REQUIRE(s.submit(&d, 1) == AccelStatus::Ok);
    CHECK(s.wait_idle(kPolls) == AccelStatus::DeviceError);
    AccelError code = AccelError::None;
    uint32_t index = 99;
    CHECK(s.last_error(&code, &index) == AccelStatus::Ok);
    CHECK(code == AccelError::BadQueue);
    CHECK(index == 0u);
    CHECK(s.configure_ring(kRing, 2) == AccelStatus::Busy);  // stopped with work pending
    CHECK(s.abort(100) == AccelStatus::Ok);
    CHECK(s.last_error(&code, &index) == AccelStatus::Ok);
    CHECK(code == AccelError::None);
    CHECK(io.mem(kData) == 0u);  // dropped
    CHECK(s.configure_ring(kRing, 2) == AccelStatus::Ok);
    REQUIRE(s.submit(&d, 1) == AccelStatus::Ok);
    CHECK(s.wait_idle(kPolls) == AccelStatus::Ok);
    CHECK(io.mem(kData + 4) == 0xABABABABu);
}

TEST_CASE("driver: abort stops a long FILL within a bounded number of polls, and new work runs",
          "[driver]") {
    Transactor io(bus(1, 11));
    Shell s(io);
    bring_up(s, 2);
    uint64_t reads = io.reg_reads();
    CHECK(s.abort(4) == AccelStatus::Ok);  // idle: the shell passes through ABORTING once
    CHECK(io.reg_reads() - reads <= 1u + 2u);
    const Descriptor d[2] = {fill(kData, 0x3000, 0x77777777u), fill(kData + 0xD000, 4, 0x88u)};
    REQUIRE(s.submit(d, 2) == AccelStatus::Ok);
    CHECK(s.wait_idle(100) == AccelStatus::Timeout);  // 12,288 words take far longer
    reads = io.reg_reads();
    const uint64_t cycles = io.cycles();
    CHECK(s.abort(16) == AccelStatus::Ok);
    CHECK(io.reg_reads() - reads <= 1u + 16u);  // CTRL once, STATUS at most 16 times
    CHECK(io.cycles() - cycles < 100u);
    uint32_t head = 0, tail = 0;
    REQUIRE(s.queue_indices(&head, &tail) == AccelStatus::Ok);
    CHECK(head == 2u);
    CHECK(tail == 2u);
    CHECK(io.mem(kData) == 0x77777777u);      // it had started
    CHECK(io.mem(kData + 4 * 0x2FFF) == 0u);  // and did not finish
    CHECK(io.mem(kData + 0xD000) == 0u);      // the second one was dropped
    const Descriptor next = fill(kData + 0xD100, 4, 0x99999999u);
    REQUIRE(s.submit(&next, 1) == AccelStatus::Ok);
    CHECK(s.wait_idle(kPolls) == AccelStatus::Ok);
    CHECK(io.mem(kData + 0xD10C) == 0x99999999u);
}

TEST_CASE("driver: Timeout after exactly max_polls polls, and the block stays usable", "[driver]") {
    Transactor io(bus(2, 23));
    Shell s(io);
    bring_up(s, 2);
    for (uint32_t i = 0; i < 512; ++i) io.mem(kData + 4 * i) = ~i;
    const Descriptor d = copy(kData, kData + 0x1000, 512);
    REQUIRE(s.submit(&d, 1) == AccelStatus::Ok);
    const uint64_t reads = io.reg_reads();
    CHECK(s.wait_idle(5) == AccelStatus::Timeout);
    CHECK(io.reg_reads() - reads == 5u);
    CHECK(s.wait_idle(kPolls) == AccelStatus::Ok);
    for (uint32_t i = 0; i < 512; ++i) CHECK(io.mem(kData + 0x1000 + 4 * i) == ~i);
    const Descriptor again = fill(kData + 0x1800, 1, 0x42u);
    REQUIRE(s.submit(&again, 1) == AccelStatus::Ok);
    CHECK(s.wait_idle(kPolls) == AccelStatus::Ok);
    CHECK(io.mem(kData + 0x1800) == 0x42u);
}

TEST_CASE("driver: interrupt status, clear and enable", "[driver]") {
    Transactor io;
    Shell s(io);
    bring_up(s, 2);
    uint32_t irqs = 99, enabled = 99;
    CHECK(s.irq_enabled(&enabled) == AccelStatus::Ok);
    CHECK(enabled == 0u);
    CHECK(s.irq_enable(epoxy::kAccelIrqDone) == AccelStatus::Ok);
    const Descriptor d[2] = {fill(kData, 2, 1).irq(), fill(kData + 8, 2, 2)};
    REQUIRE(s.submit(d, 2) == AccelStatus::Ok);
    REQUIRE(s.wait_idle(kPolls) == AccelStatus::Ok);
    CHECK(s.irq_status(&irqs) == AccelStatus::Ok);
    CHECK(irqs == (epoxy::kAccelIrqDone | epoxy::kAccelIrqDesc));
    CHECK(io.irq());  // DONE is enabled
    CHECK(s.irq_clear(epoxy::kAccelIrqDone) == AccelStatus::Ok);
    CHECK(s.irq_status(&irqs) == AccelStatus::Ok);
    CHECK(irqs == epoxy::kAccelIrqDesc);
    CHECK_FALSE(io.irq());  // DESC is not enabled
    CHECK(s.irq_enable(epoxy::kAccelIrqDesc) == AccelStatus::Ok);
    CHECK(io.irq());
    CHECK(s.irq_enabled(&enabled) == AccelStatus::Ok);
    CHECK(enabled == epoxy::kAccelIrqDesc);
    CHECK(s.irq_clear(epoxy::kAccelIrqAll) == AccelStatus::Ok);
    CHECK(s.irq_status(&irqs) == AccelStatus::Ok);
    CHECK(irqs == 0u);
    CHECK_FALSE(io.irq());

    // An error raises the line when its source is enabled.
    CHECK(s.irq_enable(epoxy::kAccelIrqError) == AccelStatus::Ok);
    const Descriptor bad = Descriptor::op(0x55).dst(kData).length(1);
    REQUIRE(s.submit(&bad, 1) == AccelStatus::Ok);
    CHECK(s.wait_idle(kPolls) == AccelStatus::DeviceError);
    CHECK(s.irq_status(&irqs) == AccelStatus::Ok);
    CHECK(irqs == epoxy::kAccelIrqError);
    CHECK(io.irq());
    CHECK(s.abort(100) == AccelStatus::Ok);
    CHECK(io.irq());  // the status bit stays until cleared
    CHECK(s.irq_clear(epoxy::kAccelIrqError) == AccelStatus::Ok);
    CHECK_FALSE(io.irq());

    // The pulses (abort, clear_error, perf_clear) keep the enables.
    CHECK(s.irq_enable(epoxy::kAccelIrqAll) == AccelStatus::Ok);
    CHECK(s.perf_clear() == AccelStatus::Ok);
    CHECK(s.abort(10) == AccelStatus::Ok);
    CHECK(s.clear_error() == AccelStatus::Ok);
    CHECK(s.irq_enabled(&enabled) == AccelStatus::Ok);
    CHECK(enabled == epoxy::kAccelIrqAll);

    CHECK(s.irq_enable(0x8) == AccelStatus::BadArgument);
    CHECK(s.irq_clear(0x100) == AccelStatus::BadArgument);
    CHECK(s.irq_status(nullptr) == AccelStatus::BadArgument);
    CHECK(s.irq_enabled(nullptr) == AccelStatus::BadArgument);
    CHECK(s.irq_enabled(&enabled) == AccelStatus::Ok);
    CHECK(enabled == epoxy::kAccelIrqAll);  // a refused call changes nothing
    CHECK(io.reg_errors() == 0u);
}

TEST_CASE("driver: performance counters count and clear", "[driver]") {
    Transactor io(bus(3, 29));
    Shell s(io);
    bring_up(s, 2);
    const Descriptor d = copy(kData, kData + 0x400, 64);
    REQUIRE(s.submit(&d, 1) == AccelStatus::Ok);
    REQUIRE(s.wait_idle(kPolls) == AccelStatus::Ok);
    epoxy::AccelPerf p{};
    CHECK(s.perf_read(&p) == AccelStatus::Ok);
    CHECK(p.busy > 64u * 2);
    CHECK(p.dma > 64u * 2);
    CHECK(p.stall > 0u);
    CHECK(p.stall < p.busy);
    CHECK(s.perf_clear() == AccelStatus::Ok);
    CHECK(s.perf_read(&p) == AccelStatus::Ok);
    CHECK(p.busy == 0u);
    CHECK(p.stall == 0u);
    CHECK(p.dma == 0u);
    CHECK(s.perf_read(nullptr) == AccelStatus::BadArgument);
}

TEST_CASE("driver: every wait is bounded, even when the shell never becomes idle",
          "[driver][fake]") {
    FakeIo io;
    epoxy::AccelShell<FakeIo> s(io);
    const unsigned status = REG(STATUS) / 4;
    io.regs[status] = EPOXY_ACCEL_REGS__STATUS__BUSY_bm;  // stuck
    CHECK(s.wait_idle(7) == AccelStatus::Timeout);
    CHECK(io.reads[status] == 7u);
    CHECK(io.ticks == 6u);
    io.reads[status] = 0;
    io.regs[REG(CTRL) / 4] = EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DESC_bm;
    CHECK(s.abort(9) == AccelStatus::Timeout);
    CHECK(io.reads[status] == 9u);
    REQUIRE_FALSE(io.writes.empty());
    CHECK(io.writes.back().first == REG(CTRL));
    CHECK(io.writes.back().second ==
          (EPOXY_ACCEL_REGS__CTRL__ABORT_bm | EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DESC_bm));
    io.regs[status] = EPOXY_ACCEL_REGS__STATUS__ABORTING_bm;
    CHECK(s.wait_idle(3) == AccelStatus::Timeout);
    io.regs[status] = EPOXY_ACCEL_REGS__STATUS__ERROR_bm;
    io.reads[status] = 0;
    CHECK(s.wait_idle(7) == AccelStatus::DeviceError);
    CHECK(io.reads[status] == 1u);
    io.regs[status] = EPOXY_ACCEL_REGS__STATUS__BUSY_bm;
    CHECK(s.configure_ring(kRing, 2) == AccelStatus::Busy);
    io.regs[status] = 0;
    REQUIRE(s.configure_ring(kRing, 2) == AccelStatus::Ok);
    io.regs[status] = EPOXY_ACCEL_REGS__STATUS__ABORTING_bm;
    const Descriptor d = fill(kData, 1, 1);
    CHECK(s.submit(&d, 1) == AccelStatus::Busy);  // it would be dropped
    CHECK(io.mem.empty());
}

TEST_CASE("driver: ring indices wrap at 16 bits", "[driver][fake]") {
    FakeIo io;
    epoxy::AccelShell<FakeIo> s(io);
    REQUIRE(s.configure_ring(kRing, 2) == AccelStatus::Ok);
    io.regs[REG(QHEAD) / 4] = 0xFFFEu;
    io.regs[REG(QTAIL) / 4] = 0xFFFEu;
    const Descriptor d[3] = {fill(kData, 1, 0xA), fill(kData, 1, 0xB), fill(kData, 1, 0xC)};
    REQUIRE(s.submit(d, 3) == AccelStatus::Ok);
    CHECK(io.regs[REG(QTAIL) / 4] == 0x0001u);
    CHECK(io.mem[kRing + 32 * 2 + 20] == 0xAu);  // PARAM0 of index 0xFFFE: slot 2
    CHECK(io.mem[kRing + 32 * 3 + 20] == 0xBu);
    CHECK(io.mem[kRing + 32 * 0 + 20] == 0xCu);  // index 0x0000: slot 0
    uint32_t free = 0;
    CHECK(s.free_slots(&free) == AccelStatus::Ok);
    CHECK(free == 1u);
    CHECK(s.submit(d, 2) == AccelStatus::Busy);
    CHECK(s.replace(0xFFFFu, d[2]) == AccelStatus::Busy);  // running
    io.regs[REG(STATUS) / 4] = EPOXY_ACCEL_REGS__STATUS__ERROR_bm;
    CHECK(s.replace(0xFFFFu, d[2]) == AccelStatus::Ok);  // pending across the wrap
    CHECK(s.replace(0x0001u, d[2]) == AccelStatus::BadArgument);
    CHECK(s.replace(0xFFFDu, d[2]) == AccelStatus::BadArgument);
    CHECK(s.replace(0x10000u, d[2]) == AccelStatus::BadArgument);
}
