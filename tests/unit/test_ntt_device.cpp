// SPDX-License-Identifier: Apache-2.0
// The ISS's NTT coprocessor (sw/iss/accel_ntt.h) driven through Machine's bus as firmware
// drives it: registers and access rules, every opcode for every field and variant against
// the golden model, chained descriptors and ring wrap, every error code with ERR.INDEX and
// the engine's check order, CLEAR_ERROR, BAD_VALUE and DMA errors, the interrupt line and
// IRQ_STATUS, abort and BAD_QUEUE.
#include <algorithm>

#include "harness.h"
#include "ntt_device_fixture.h"

using namespace nttdev;

// ---------------------------------------------------------------------------------------------
// Registers

TEST_CASE("ntt device: identification and reset values", "[ntt]") {
    NttFixture f;
    CHECK(f.reg(kId) == 0x4E545420u);
    CHECK(f.reg(kVersion) == 0x00010000u);
    // CAPS = {MIN_LOG_N = 2 + log2 P, FIELDS, MAX_LOG_N, P} from the SoC's built parameters.
    CHECK(f.reg(kCaps) == (4u << 24 | EPOXY_NTT_FIELDS << 16 | EPOXY_NTT_MAX_LOG_N << 8 |
                           EPOXY_NTT_P));
    CHECK(f.reg(kCaps) == 0x041F0E04u);
    // SHELL_CAPS: the SoC's DMA lanes (memory map), MAX_QLOG2 8 (epoxy_ntt_top's default),
    // 32-byte descriptors.
    CHECK(f.reg(kShellCaps) == (0x00200800u | EPOXY_NTT_DMA_LANES));
    CHECK(EPOXY_NTT_DMA_LANES == 4u);
    for (uint32_t off : {kCtrl, kStatus, kErr, kIrqStatus, kQbase, kQsize, kQhead, kQtail,
                         kPerfBusy, kPerfStall, kPerfDma})
        CHECK(f.reg(off) == 0);
    CHECK_FALSE(f.m.ntt().irq());
}

TEST_CASE("ntt device: register access rules follow the shell's register block", "[ntt]") {
    NttFixture f;
    uint32_t v = 0;
    // Read-only registers: a write is a bus error and changes nothing.
    for (uint32_t off : {kId, kVersion, kCaps, kShellCaps, kStatus, kErr, kQhead, kPerfBusy,
                         kPerfStall, kPerfDma})
        CHECK_FALSE(f.try_write(off, 0xFFFFFFFFu));
    CHECK(f.reg(kId) == 0x4E545420u);
    // 0x3C is the block's only unmapped word.
    CHECK_FALSE(f.try_read(0x3C, v));
    CHECK_FALSE(f.try_write(0x3C, 0));
    // The cpuif decodes offset bits [5:2] only: the page repeats the block every 64 bytes.
    CHECK(f.reg(0x40 + kId) == 0x4E545420u);
    CHECK(f.reg(0xFC0 + kCaps) == 0x041F0E04u);
    CHECK_FALSE(f.try_read(0xFFC, v));
    f.set(0x800 + kQbase, kRing);
    CHECK(f.reg(kQbase) == kRing);
    // Field widths: QBASE[31:5], QSIZE[3:0], CTRL enables [2:0] (pulses read 0).
    f.set(kQbase, 0xFFFFFFFFu);
    CHECK(f.reg(kQbase) == 0xFFFFFFE0u);
    f.set(kQsize, 0xFFFFFFF3u);
    CHECK(f.reg(kQsize) == 3u);
    f.set(kCtrl, 0xFFFFF8FFu);  // every bit but the three pulses
    CHECK(f.reg(kCtrl) == 7u);
    f.set(kCtrl, 0);
    // Instruction fetches from the page are bus errors.
    CHECK_FALSE(f.m.read(EPOXY_NTT_BASE, 4, Access::Fetch, v));
    // The next page is not the NTT's.
    CHECK_FALSE(f.m.read(EPOXY_NTT_BASE + EPOXY_DEVICE_PAGE, 4, Access::Load, v));
}

TEST_CASE("ntt device: byte and halfword accesses act on their byte lanes", "[ntt]") {
    // epoxy_accel_cpuif turns byte enables into bit enables and reads the whole word, so
    // unlike the SoC's other devices the NTT's registers take sub-word accesses.
    NttFixture f;
    uint32_t v = 0;
    REQUIRE(f.try_read(kId, v, 1));
    CHECK(v == 0x20u);
    REQUIRE(f.try_read(kId + 3, v, 1));
    CHECK(v == 0x4Eu);
    REQUIRE(f.try_read(kVersion + 2, v, 2));
    CHECK(v == 1u);
    f.set(kQbase, kRing);
    REQUIRE(f.try_write(kQbase + 1, 0xFFu, 1));  // bits 15:8 only
    CHECK(f.reg(kQbase) == ((kRing & 0xFFFF00FFu) | 0xFF00u));
    REQUIRE(f.try_write(kQbase + 2, 0xABCDu, 2));
    CHECK(f.reg(kQbase) == (0xABCD0000u | 0xFF00u));
    REQUIRE(f.try_write(kCtrl, 0x5u, 1));
    CHECK(f.reg(kCtrl) == 5u);
    REQUIRE(f.try_write(kCtrl + 1, 0xFFu, 1));  // pulses only (idle: no effect)
    CHECK(f.reg(kCtrl) == 5u);
    // Read-only stays read-only whatever the size.
    CHECK_FALSE(f.try_write(kStatus, 0, 1));
    CHECK_FALSE(f.try_write(kQhead + 2, 0, 2));

    // The same through the hart: lbu/sb execute without a fault.
    unit::Harness h;
    h.set_x(1, EPOXY_NTT_BASE);
    h.set_x(2, 0x42);
    h.program({enc::lbu(5, 1, kId + 2), enc::sb(2, 1, kQsize), enc::lw(6, 1, kQsize)});
    h.run(3);
    CHECK(h.trace[0].kind == unit::StepKind::Retired);
    CHECK(h.x(5) == 0x54u);
    CHECK(h.trace[1].kind == unit::StepKind::Retired);
    CHECK(h.x(6) == 2u);  // 0x42 & QSIZE.LOG2
}

TEST_CASE("ntt device: a read-only register store traps as an access fault", "[ntt]") {
    unit::Harness h;
    h.set_x(1, EPOXY_NTT_BASE);
    h.program({enc::sw(0, 1, kQhead)});
    const auto r = h.step();
    CHECK(r.kind == unit::StepKind::Trap);
    CHECK(r.cause == unit::rv::kStoreAccessFault);
    h.program({enc::lw(5, 1, 0x3C)});
    CHECK(h.step().cause == unit::rv::kLoadAccessFault);
}

// ---------------------------------------------------------------------------------------------
// Operations against the golden model

TEST_CASE("ntt device: every opcode, field and variant matches the golden model", "[ntt]") {
    NttFixture f;
    f.ring(3);
    for (unsigned field = 0; field < 5; ++field) {
        for (unsigned variant = 0; variant < 3; ++variant) {
            for (unsigned log_n : {kMinLogN, 7u}) {
                const std::size_t n = std::size_t(1) << log_n;
                for (uint8_t op : kOps) {
                    // Full-length operand a at the smallest size, zero-padded at the other.
                    const std::size_t length = log_n == kMinLogN ? n : n / 2 + 1;
                    const model::Vec a = f.random(field, length);
                    const model::Vec b = is_pointwise(op) ? f.random(field, n) : model::Vec{};
                    f.store_elems(kBufA, a, field);
                    f.store_elems(kBufA + uint32_t(length) * esize(field),
                                  f.random(field, n - length), field);  // beyond LENGTH: unread
                    if (is_pointwise(op)) f.store_elems(kBufB, b, field);
                    INFO("field " << field << " variant " << variant << " log_n " << log_n
                                  << " op 0x" << std::hex << unsigned(op));
                    const uint32_t head = f.reg(kQhead);
                    f.submit({desc(op, field, variant, log_n, kBufA,
                                   is_pointwise(op) ? kBufB : 0xFFFFFFFFu, kBufC,
                                   uint32_t(length))});
                    REQUIRE(f.reg(kStatus) == 0);
                    CHECK(f.reg(kQhead) == ((head + 1) & 0xFFFFu));
                    CHECK(f.load_elems(kBufC, n, field) ==
                          NttFixture::expect(op, field, variant, log_n, a, length, b));
                }
            }
        }
    }
    CHECK(f.reg(kPerfBusy) == 0);  // cycles are not modelled
    CHECK(f.reg(kPerfStall) == 0);
    CHECK(f.reg(kPerfDma) == 0);
    CHECK(f.m.ntt().completed() == 5u * 3u * 2u * 5u);
}

TEST_CASE("ntt device: the largest size of each field and variant, and one above", "[ntt]") {
    NttFixture f;
    f.ring(1);
    constexpr uint32_t kBig = EPOXY_SRAM_BASE + 0x20000;  // 128 KiB: 2^14 Goldilocks elements
    for (unsigned field = 0; field < 5; ++field) {
        for (unsigned variant = 0; variant < 3; ++variant) {
            const unsigned k = max_log_n(field, variant);
            const std::size_t n = std::size_t(1) << k;
            INFO("field " << field << " variant " << variant << " log_n " << k);
            const model::Vec a = f.random(field, n);
            f.store_elems(kBig, a, field);
            f.submit({desc(kFwd, field, variant, k, kBig, 0, kBig, uint32_t(n))});  // in place
            REQUIRE(f.reg(kStatus) == 0);
            CHECK(f.load_elems(kBig, n, field) ==
                  NttFixture::expect(kFwd, field, variant, k, a, n, {}));
            // One above: BAD_SIZE, nothing run.
            f.submit({desc(kFwd, field, variant, k + 1, kBig, 0, kBig, 1)});
            CHECK(f.reg(kStatus) == kStatusError);
            CHECK(f.err_code() == 2);
            f.set(kCtrl, kAbort);
        }
    }
}

TEST_CASE("ntt device: a chained polynomial product runs from one doorbell", "[ntt]") {
    NttFixture f;
    f.ring(2);
    for (unsigned field = 0; field < 5; ++field) {
        for (unsigned variant = 0; variant < 3; ++variant) {
            const unsigned k = std::min(8u, max_log_n(field, variant));
            const std::size_t n = std::size_t(1) << k;
            INFO("field " << field << " variant " << variant << " log_n " << k);
            // Degree < n/2 operands, so the padded forward transforms read LENGTH = n/2.
            const model::Vec a = f.random(field, n / 2), b = f.random(field, n / 2);
            f.store_elems(kBufA, a, field);
            f.store_elems(kBufB, b, field);
            f.set(kIrqStatus, kDone | kError | kDesc);
            f.submit({desc(kFwd, field, variant, k, kBufA, 0, kBufC, uint32_t(n / 2)),
                      desc(kFwd, field, variant, k, kBufB, 0, kBufD, uint32_t(n / 2)),
                      desc(kPmul, field, variant, k, kBufC, kBufD, kBufC, uint32_t(n)),
                      desc(kInv, field, variant, k, kBufC, 0, kBufC, uint32_t(n))});
            REQUIRE(f.reg(kStatus) == 0);
            CHECK(f.reg(kQhead) == f.reg(kQtail));
            CHECK(f.reg(kIrqStatus) == kDone);
            model::Vec pa = a, pb = b;
            pa.resize(n, 0);
            pb.resize(n, 0);
            const model::NttPlan plan(model::FieldId(field), model::Variant(variant), n);
            CHECK(f.load_elems(kBufC, n, field) == plan.multiply(pa, pb));
        }
    }
}

TEST_CASE("ntt device: descriptors run through a wrapping ring in rounds", "[ntt]") {
    NttFixture f;
    f.ring(2);  // 4 slots
    const unsigned field = 0, variant = 0, k = 4;
    const std::size_t n = 16;
    model::Vec acc(n, 0);
    f.store_elems(kBufC, acc, field);
    for (int round = 0; round < 3; ++round) {
        std::vector<Descriptor> ds;
        for (int i = 0; i < 3; ++i) {
            const model::Vec x = f.random(field, n);
            const uint32_t src = kBufA + uint32_t(3 * round + i) * 0x100u;
            f.store_elems(src, x, field);
            acc = model::NttPlan(model::FieldId(field), model::Variant(variant), n)
                      .pointwise_add(acc, x);
            Descriptor d = desc(kPadd, field, variant, k, kBufC, src, kBufC, uint32_t(n));
            if (i == 1) d.irq();
            ds.push_back(d);
        }
        f.set(kIrqStatus, kDone | kDesc);
        f.submit(ds);
        CHECK(f.reg(kQhead) == uint32_t(3 * (round + 1)));
        CHECK(f.reg(kIrqStatus) == (kDone | kDesc));
    }
    CHECK(f.load_elems(kBufC, n, field) == acc);
}

TEST_CASE("ntt device: BAD_QUEUE, abort, and the 16-bit index wrap", "[ntt]") {
    NttFixture f;
    f.set(kQbase, kRing);
    f.set(kQsize, 9);  // above SHELL_CAPS.MAX_QLOG2 = 8
    f.set(kQtail, 0xFFFE);
    CHECK(f.reg(kStatus) == kStatusError);
    CHECK(f.err_code() == 8);
    CHECK(f.err_index() == 0);
    CHECK(f.reg(kQhead) == 0);
    CHECK(f.reg(kIrqStatus) == kError);
    // CLEAR_ERROR without fixing QSIZE stops again at once.
    f.set(kCtrl, kClearError);
    CHECK(f.reg(kStatus) == kStatusError);
    CHECK(f.err_code() == 8);
    // Abort drops the queue: QHEAD = QTAIL, no error, ERR keeps its (stale) values.
    f.set(kIrqStatus, kError);
    f.set(kCtrl, kAbort);
    CHECK(f.reg(kStatus) == 0);
    CHECK(f.reg(kQhead) == 0xFFFEu);
    CHECK(f.err_code() == 8);
    CHECK(f.reg(kIrqStatus) == 0);  // abort raises nothing
    // QSIZE.LOG2 = 8 is accepted; now four descriptors across the 16-bit wrap.
    f.ring(8);
    const std::size_t n = 16;
    std::vector<Descriptor> ds;
    std::vector<model::Vec> xs;
    for (uint32_t i = 0; i < 4; ++i) {
        xs.push_back(f.random(4, n));
        f.store_elems(kBufA + 0x100u * i, xs.back(), 4);
        ds.push_back(desc(kFwd, 4, 2, 4, kBufA + 0x100u * i, 0, kBufC + 0x100u * i, n));
    }
    f.submit(ds);
    CHECK(f.reg(kQtail) == 2u);
    CHECK(f.reg(kQhead) == 2u);
    CHECK(f.reg(kStatus) == 0);
    CHECK(f.reg(kIrqStatus) == kDone);
    for (uint32_t i = 0; i < 4; ++i)
        CHECK(f.load_elems(kBufC + 0x100u * i, n, 4) ==
              NttFixture::expect(kFwd, 4, 2, 4, xs[i], n, {}));
    // The ring slots used were 0xFFFE, 0xFFFF, 0, 1 mod 256.
    CHECK(f.load32(kRing + 32u * 0xFE) == ds[0].word[0]);
    CHECK(f.load32(kRing + 32u * 1 + 4) == ds[3].word[1]);
}

// ---------------------------------------------------------------------------------------------
// Errors

namespace {

struct BadCase {
    const char* what;
    Descriptor d;
    uint32_t code;
};

// A good descriptor: Kyber cyclic N = 16 forward of kBufA into `dst`.
Descriptor good(uint32_t dst) { return desc(kFwd, 4, 0, 4, kBufA, 0, dst, 16); }

// Descriptors that fail the engine's checks, with the code the RTL reports: its `check`
// order is opcode (1); FLAGS/PARAM, field, variant (3); LOG_N, LENGTH (2); alignment (4);
// range (5).
std::vector<BadCase> bad_cases() {
    std::vector<BadCase> v;
    auto add = [&](const char* what, Descriptor d, uint32_t code) { v.push_back({what, d, code}); };
    const Descriptor g = good(kBufC);
    add("opcode 0", desc(0x00, 4, 0, 4, kBufA, 0, kBufC, 16), 1);
    add("opcode 0x12", desc(0x12, 4, 0, 4, kBufA, 0, kBufC, 16), 1);
    add("opcode 0x23", desc(0x23, 4, 0, 4, kBufA, 0, kBufC, 16), 1);
    {
        Descriptor d = desc(0x30, 9, 9, 0, 3, 3, 3, 0);  // everything wrong: opcode first
        d.flags(0xFF);
        add("bad opcode before everything", d, 1);
    }
    {
        Descriptor d = g;
        d.flags(0x02);
        add("FLAGS bit 1", d, 3);
    }
    {
        Descriptor d = g;
        d.flags(0x80);
        add("FLAGS bit 7", d, 3);
    }
    {
        Descriptor d = g;
        d.param0(1);
        add("PARAM0", d, 3);
    }
    {
        Descriptor d = g;
        d.param2(0x80000000u);
        add("PARAM2", d, 3);
    }
    {
        Descriptor d = desc(kFwd, 4, 0, 20, kBufA, 0, kBufC, 0);
        d.param1(1);
        add("PARAM1 before size", d, 3);
    }
    add("field 5", desc(kFwd, 5, 0, 4, kBufA, 0, kBufC, 16), 3);
    add("field 15", desc(kFwd, 15, 0, 4, kBufA, 0, kBufC, 16), 3);
    add("variant 3", desc(kFwd, 4, 3, 4, kBufA, 0, kBufC, 16), 3);
    add("variant 15", desc(kPmul, 0, 15, 4, kBufA, kBufB, kBufC, 16), 3);
    add("bad variant before bad size", desc(kFwd, 0, 3, 30, kBufA, 0, kBufC, 0), 3);
    add("LOG_N 3 (below MIN_LOG_N, though the model allows it)",
        desc(kFwd, 0, 0, 3, kBufA, 0, kBufC, 8), 2);
    add("LOG_N 0", desc(kFwd, 0, 0, 0, kBufA, 0, kBufC, 1), 2);
    add("LOG_N 15", desc(kFwd, 0, 0, 15, kBufA, 0, kBufC, 16), 2);
    add("LOG_N 255", desc(kFwd, 0, 0, 255, kBufA, 0, kBufC, 16), 2);
    add("Kyber negacyclic LOG_N 8", desc(kFwd, 4, 1, 8, kBufA, 0, kBufC, 16), 2);
    add("Kyber cyclic LOG_N 9", desc(kFwd, 4, 0, 9, kBufA, 0, kBufC, 16), 2);
    add("Dilithium negacyclic LOG_N 13", desc(kPadd, 3, 1, 13, kBufA, kBufB, kBufC, 16), 2);
    add("Dilithium incomplete LOG_N 14", desc(kInv, 3, 2, 14, kBufA, 0, kBufC, 16), 2);
    add("LENGTH 0", desc(kFwd, 4, 0, 4, kBufA, 0, kBufC, 0), 2);
    add("LENGTH N + 1", desc(kFwd, 4, 0, 4, kBufA, 0, kBufC, 17), 2);
    add("LENGTH 0xFFFFFFFF", desc(kFwd, 4, 0, 4, kBufA, 0, kBufC, 0xFFFFFFFFu), 2);
    add("bad size before misaligned", desc(kFwd, 4, 0, 4, kBufA + 1, 0, kBufC, 0), 2);
    add("SRC0 misaligned", desc(kFwd, 4, 0, 4, kBufA + 2, 0, kBufC, 16), 4);
    add("DST misaligned", desc(kInv, 4, 0, 4, kBufA, 0, kBufC + 1, 16), 4);
    add("SRC1 misaligned (PMUL)", desc(kPmul, 4, 0, 4, kBufA, kBufB + 3, kBufC, 16), 4);
    add("Goldilocks SRC0 4-aligned", desc(kFwd, 2, 0, 4, kBufA + 4, 0, kBufC, 16), 4);
    add("Goldilocks SRC1 4-aligned", desc(kPsub, 2, 0, 4, kBufA, kBufB + 4, kBufC, 16), 4);
    add("misaligned before out of range", desc(kFwd, 4, 0, 4, 0xFFFFFFF2u, 0, kBufC, 16), 4);
    add("SRC0 range past 2^32", desc(kFwd, 4, 0, 4, 0xFFFFFFF0u, 0, kBufC, 5), 5);
    add("DST range past 2^32", desc(kFwd, 4, 0, 4, kBufA, 0, 0xFFFFFFC4u, 16), 5);
    add("SRC1 range past 2^32 (PADD)", desc(kPadd, 4, 0, 4, kBufA, 0xFFFFFFC4u, kBufC, 16), 5);
    add("Goldilocks DST range past 2^32", desc(kFwd, 2, 0, 4, kBufA, 0, 0xFFFFFF88u, 16), 5);
    return v;
}

}  // namespace

TEST_CASE("ntt device: descriptor checks report the RTL's code, in its order", "[ntt]") {
    for (const BadCase& c : bad_cases()) {
        INFO(c.what);
        NttFixture f;
        f.ring(2);
        f.store_elems(kBufA, f.random(4, 16), 4);
        f.fill_words(kBufC, 64, 0xC0FFEE00u);
        f.fill_words(kBufD, 64, 0xD00DFEEDu);
        f.set(kCtrl, 0x7);  // every interrupt enabled
        // Good, bad, good: the queue stops at the bad one (index 1); the last does not run.
        f.submit({good(kBufD + 0x100), c.d, good(kBufD)});
        CHECK(f.reg(kStatus) == kStatusError);
        CHECK(f.err_code() == c.code);
        CHECK(f.err_index() == 1u);
        CHECK(f.reg(kQhead) == 1u);
        CHECK(f.reg(kQtail) == 3u);
        CHECK(f.reg(kIrqStatus) == kError);
        CHECK(f.m.ntt().irq());
        CHECK(f.words_are(kBufC, 64, 0xC0FFEE00u));  // nothing of the bad one ran
        CHECK(f.words_are(kBufD, 64, 0xD00DFEEDu));  // nor the one after it
        // Replace it, clear the error: the queue finishes; ERR keeps its stale values.
        f.set(kIrqStatus, kError);
        f.put(1, good(kBufC));
        f.set(kCtrl, 0x7 | kClearError);
        CHECK(f.reg(kStatus) == 0);
        CHECK(f.reg(kQhead) == 3u);
        CHECK(f.reg(kIrqStatus) == kDone);
        CHECK(f.err_code() == c.code);
        CHECK(f.err_index() == 1u);
        CHECK_FALSE(f.words_are(kBufC, 64, 0xC0FFEE00u));
        CHECK_FALSE(f.words_are(kBufD, 64, 0xD00DFEEDu));
    }
}

TEST_CASE("ntt device: the transforms ignore SRC1", "[ntt]") {
    NttFixture f;
    f.ring(1);
    const model::Vec a = f.random(2, 16);
    f.store_elems(kBufA, a, 2);
    // SRC1 misaligned and past 2^32: fine for NTT_FWD/NTT_INV.
    f.submit({desc(kFwd, 2, 1, 4, kBufA, 0xFFFFFFFDu, kBufC, 16),
              desc(kInv, 2, 1, 4, kBufC, 0xFFFFFFFDu, kBufD, 16)});
    CHECK(f.reg(kStatus) == 0);
    CHECK(f.load_elems(kBufD, 16, 2) == a);
}

TEST_CASE("ntt device: BAD_VALUE writes nothing to DST", "[ntt]") {
    struct Case {
        const char* what;
        unsigned field;
        uint8_t op;
        bool in_b;        // the bad element is in operand b (SRC1), else in a (SRC0)
        std::size_t pos;  // its index
        uint64_t value;
    };
    const Case cases[] = {
        {"Kyber 3329 last of a", 4, kFwd, false, 15, 3329},
        {"Kyber 0xFFFFFFFF first of a", 4, kInv, false, 0, 0xFFFFFFFFu},
        {"BabyBear p in b", 0, kPmul, true, 7, 2013265921u},
        {"KoalaBear p + 1 in b", 1, kPsub, true, 15, 2130706434u},
        {"Dilithium q in a of PADD", 3, kPadd, false, 3, 8380417u},
        {"Goldilocks p (high word 0xFFFFFFFF)", 2, kFwd, false, 5, 0xFFFFFFFF00000001ull},
        {"Goldilocks 2^64 - 1 in b", 2, kPmul, true, 0, 0xFFFFFFFFFFFFFFFFull},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        NttFixture f;
        f.ring(1);
        model::Vec a = f.random(c.field, 16), b = f.random(c.field, 16);
        (c.in_b ? b : a)[c.pos] = c.value;
        f.store_elems(kBufA, a, c.field);
        f.store_elems(kBufB, b, c.field);
        f.fill_words(kBufC, 16 * esize(c.field), 0x5A5A0000u);
        f.submit({desc(c.op, c.field, 0, 4, kBufA, kBufB, kBufC, 16)});
        CHECK(f.reg(kStatus) == kStatusError);
        CHECK(f.err_code() == 16u);
        CHECK(f.err_index() == 0u);
        CHECK(f.words_are(kBufC, 16 * esize(c.field), 0x5A5A0000u));
    }
    SECTION("elements beyond LENGTH are not read") {
        NttFixture f;
        f.ring(1);
        model::Vec a = f.random(4, 16);
        a[12] = 0xFFFFFFFFu;  // beyond LENGTH = 12
        f.store_elems(kBufA, a, 4);
        f.submit({desc(kFwd, 4, 0, 4, kBufA, 0, kBufC, 12)});
        CHECK(f.reg(kStatus) == 0);
        CHECK(f.load_elems(kBufC, 16, 4) == NttFixture::expect(kFwd, 4, 0, 4, a, 12, {}));
    }
}

TEST_CASE("ntt device: the DMA reaches the SRAM only (DMA_ERROR 6)", "[ntt]") {
    struct Case {
        const char* what;
        Descriptor d;
    };
    const Case cases[] = {
        {"SRC0 in the ROM", desc(kFwd, 4, 0, 4, EPOXY_ROM_BASE, 0, kBufC, 16)},
        {"SRC0 at the UART", desc(kFwd, 4, 0, 4, EPOXY_UART_BASE, 0, kBufC, 16)},
        {"SRC0 at the NTT's own registers", desc(kFwd, 4, 0, 4, EPOXY_NTT_BASE, 0, kBufC, 16)},
        {"SRC0 unmapped", desc(kFwd, 4, 0, 4, 0x40000000u, 0, kBufC, 16)},
        {"SRC0 leaving the SRAM", desc(kFwd, 4, 0, 4, kSramEnd - 32, 0, kBufC, 16)},
        {"SRC0 end of the address space", desc(kFwd, 4, 0, 4, 0xFFFFFFC0u, 0, kBufC, 16)},
        {"SRC1 leaving the SRAM", desc(kPmul, 4, 0, 4, kBufA, kSramEnd - 60, kBufC, 16)},
        {"SRC1 below the SRAM", desc(kPadd, 2, 0, 4, kBufA, EPOXY_SRAM_BASE - 8, kBufC, 16)},
        {"DST in the ROM", desc(kFwd, 4, 0, 4, kBufA, 0, EPOXY_ROM_BASE + 0x100, 16)},
        {"DST at the timer", desc(kFwd, 4, 0, 4, kBufA, 0, EPOXY_TIMER_BASE, 16)},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        NttFixture f;
        f.ring(1);
        f.store_elems(kBufA, f.random(c.d.type() & 0xF, 16), c.d.type() & 0xF);
        f.store_elems(kSramEnd - 64, f.random(4, 16), 4);
        f.fill_words(kBufC, 64, 0x12340000u);
        const uint64_t mtimecmp = f.m.mtimecmp();
        f.submit({c.d});
        CHECK(f.reg(kStatus) == kStatusError);
        CHECK(f.err_code() == 6u);
        CHECK(f.err_index() == 0u);
        CHECK(f.words_are(kBufC, 64, 0x12340000u));
        CHECK(f.m.mtimecmp() == mtimecmp);  // the DMA never reaches a device
    }
    SECTION("a store leaving the SRAM writes the words before the bus error") {
        NttFixture f;
        f.ring(1);
        const model::Vec a = f.random(0, 16);
        f.store_elems(kBufA, a, 0);
        f.submit({desc(kFwd, 0, 0, 4, kBufA, 0, kSramEnd - 16, 16)});
        CHECK(f.err_code() == 6u);
        const model::Vec r = NttFixture::expect(kFwd, 0, 0, 4, a, 16, {});
        CHECK(f.load_elems(kSramEnd - 16, 4, 0) == model::Vec(r.begin(), r.begin() + 4));
    }
    SECTION("loads stop at the first failing word: a bad value before it is BAD_VALUE") {
        NttFixture f;
        f.ring(1);
        model::Vec a = f.random(4, 4);
        a[2] = 4000;  // >= 3329, before the range leaves the SRAM
        f.store_elems(kSramEnd - 16, a, 4);
        f.submit({desc(kFwd, 4, 0, 4, kSramEnd - 16, 0, kBufC, 16)});
        CHECK(f.err_code() == 16u);
        f.set(kCtrl, kAbort);
        a[2] = 5;
        f.store_elems(kSramEnd - 16, a, 4);
        f.submit({desc(kFwd, 4, 0, 4, kSramEnd - 16, 0, kBufC, 16)});
        CHECK(f.err_code() == 6u);
        CHECK(f.err_index() == 1u);
    }
}

TEST_CASE("ntt device: a descriptor the DMA cannot fetch is DESC_FETCH_ERROR 7", "[ntt]") {
    NttFixture f;
    // Ring in the ROM.
    f.ring(1, EPOXY_ROM_BASE);
    f.set(kQtail, 1);
    CHECK(f.reg(kStatus) == kStatusError);
    CHECK(f.err_code() == 7u);
    CHECK(f.err_index() == 0u);
    CHECK(f.reg(kQhead) == 0u);
    CHECK(f.reg(kIrqStatus) == kError);
    f.set(kCtrl, kAbort);
    CHECK(f.reg(kQhead) == 1u);
    // A two-slot ring whose second slot lies past the end of the SRAM: index 1 is slot 1.
    f.ring(1, kSramEnd - 32);
    f.set(kIrqStatus, kError);
    f.set(kQtail, 3);
    CHECK(f.reg(kStatus) == kStatusError);
    CHECK(f.err_code() == 7u);
    CHECK(f.err_index() == 1u);
    CHECK(f.reg(kQhead) == 1u);
    CHECK(f.reg(kIrqStatus) == kError);
    // Move the ring back into the SRAM, fill it and continue from QHEAD.
    f.ring(1);
    f.store_elems(kBufA, f.random(4, 16), 4);
    f.fill_words(kBufC, 64, 0x77770000u);
    f.fill_words(kBufD, 64, 0x77770000u);
    f.put(1, good(kBufC));
    f.put(2, good(kBufD));
    f.set(kCtrl, kClearError);
    CHECK(f.reg(kStatus) == 0);
    CHECK(f.reg(kQhead) == 3u);
    CHECK_FALSE(f.words_are(kBufC, 64, 0x77770000u));
    CHECK_FALSE(f.words_are(kBufD, 64, 0x77770000u));
}

// ---------------------------------------------------------------------------------------------
// Interrupts and abort

TEST_CASE("ntt device: IRQ_STATUS, its enables and write-1-to-clear", "[ntt]") {
    NttFixture f;
    f.ring(2);
    f.store_elems(kBufA, f.random(4, 16), 4);
    Descriptor with_irq = good(kBufC);
    with_irq.irq();
    f.submit({good(kBufC)});
    CHECK(f.reg(kIrqStatus) == kDone);  // no FLAGS.IRQ: DONE only
    f.submit({with_irq, good(kBufD)});
    CHECK(f.reg(kIrqStatus) == (kDone | kDesc));
    CHECK_FALSE(f.m.ntt().irq());  // nothing enabled
    f.set(kCtrl, EPOXY_ACCEL_REGS__CTRL__IRQ_EN_ERROR_bm);
    CHECK_FALSE(f.m.ntt().irq());
    f.set(kCtrl, EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DESC_bm);
    CHECK(f.m.ntt().irq());
    f.set(kIrqStatus, 0);  // writing 0 clears nothing
    CHECK(f.reg(kIrqStatus) == (kDone | kDesc));
    f.set(kIrqStatus, kDesc | 0xFFFFFFF8u);
    CHECK(f.reg(kIrqStatus) == kDone);
    CHECK_FALSE(f.m.ntt().irq());
    f.set(kCtrl, EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DONE_bm);
    CHECK(f.m.ntt().irq());
    f.set(kIrqStatus, kDone);
    CHECK_FALSE(f.m.ntt().irq());
    // An error raises ERROR and, enabled, the line; the status stays until cleared.
    f.set(kCtrl, EPOXY_ACCEL_REGS__CTRL__IRQ_EN_ERROR_bm);
    f.submit({desc(0x77, 4, 0, 4, kBufA, 0, kBufC, 16)});
    CHECK(f.reg(kIrqStatus) == kError);
    CHECK(f.m.ntt().irq());
    f.set(kCtrl, EPOXY_ACCEL_REGS__CTRL__IRQ_EN_ERROR_bm | kAbort);
    CHECK(f.m.ntt().irq());  // abort does not clear IRQ_STATUS
    f.set(kIrqStatus, kError);
    CHECK_FALSE(f.m.ntt().irq());
}

TEST_CASE("ntt device: the interrupt is local line EPOXY_NTT_IRQ (mip bit 16)", "[ntt][irq]") {
    unit::Harness h;
    h.hart().set_local_irq_count(EPOXY_NUM_LOCAL_IRQS);
    auto set = [&](uint32_t off, uint32_t v) { REQUIRE(h.m.write(EPOXY_NTT_BASE + off, 4, v)); };
    set(kQbase, kRing);
    set(kQsize, 1);
    const Descriptor d = good(kBufC);
    for (unsigned w = 0; w < 8; ++w) REQUIRE(h.m.write(kRing + 4u * w, 4, d.word[w]));
    set(kCtrl, EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DONE_bm);
    // The doorbell store, then mip: the work is done before the next instruction.
    h.set_x(1, EPOXY_NTT_BASE);
    h.set_x(2, 1);
    h.program({enc::csrr(5, unit::rv::kMip), enc::sw(2, 1, kQtail), enc::csrr(6, unit::rv::kMip)});
    h.run(3);
    const uint32_t line = 1u << (16 + EPOXY_NTT_IRQ);
    CHECK((h.x(5) & line) == 0);
    CHECK((h.x(6) & line) == line);
    // Enabled in mie with mstatus.MIE: taken as interrupt 16 + EPOXY_NTT_IRQ.
    h.set_csr(unit::rv::kMie, line);
    h.set_csr(unit::rv::kMstatus, unit::rv::kMstatusMie);
    h.program({enc::nop()});
    const auto r = h.step();
    CHECK(r.kind == unit::StepKind::Interrupt);
    CHECK(r.cause == (0x80000000u | (16u + EPOXY_NTT_IRQ)));
    // Write-1-to-clear IRQ_STATUS.DONE lowers the line.
    set(kIrqStatus, kDone);
    h.program({enc::csrr(7, unit::rv::kMip)});
    h.step();
    CHECK((h.x(7) & line) == 0);
}

TEST_CASE("ntt device: abort returns to idle at once and work continues", "[ntt]") {
    NttFixture f;
    f.ring(2);
    f.store_elems(kBufA, f.random(4, 16), 4);
    f.fill_words(kBufD, 64, 0xABCD0000u);
    f.submit({good(kBufC), desc(kFwd, 4, 0, 3, kBufA, 0, kBufC, 16), good(kBufD)});
    REQUIRE(f.err_code() == 2u);
    REQUIRE(f.reg(kQhead) == 1u);
    SECTION("abort") { f.set(kCtrl, kAbort); }
    SECTION("abort and CLEAR_ERROR together: abort wins") { f.set(kCtrl, kAbort | kClearError); }
    CHECK(f.reg(kStatus) == 0);
    CHECK(f.reg(kQhead) == 3u);
    CHECK(f.reg(kQtail) == 3u);
    CHECK(f.words_are(kBufD, 64, 0xABCD0000u));  // the dropped descriptor never ran
    CHECK(f.err_code() == 2u);                   // stale, as in the RTL
    // Abort while idle changes nothing; CLEAR_ERROR while running normally is ignored.
    f.set(kCtrl, kAbort);
    f.set(kCtrl, kClearError | kClearPerf);
    CHECK(f.reg(kStatus) == 0);
    CHECK(f.reg(kQhead) == 3u);
    f.submit({good(kBufD)});
    CHECK(f.reg(kStatus) == 0);
    CHECK(f.reg(kQhead) == 4u);
    CHECK_FALSE(f.words_are(kBufD, 64, 0xABCD0000u));
}

TEST_CASE("ntt device: QTAIL keeps 16 bits, and a ring of zeros is BAD_OPCODE", "[ntt]") {
    NttFixture f;
    f.ring(0);  // one slot, all zeros: opcode 0
    f.set(kQtail, 0x12345u);
    CHECK(f.reg(kQtail) == 0x2345u);
    CHECK(f.err_code() == 1u);
    CHECK(f.err_index() == 0u);
    f.set(kCtrl, kAbort);
    CHECK(f.reg(kQhead) == 0x2345u);
}
