// SPDX-License-Identifier: Apache-2.0
// The NTT engine's error paths: every check of the programming interface (BAD_OPCODE,
// BAD_TYPE, BAD_SIZE, MISALIGNED, OUT_OF_RANGE, DMA_ERROR, BAD_VALUE) and their order, each as
// the third descriptor of a batch whose first two complete: ERR.CODE, ERR.INDEX and QHEAD at
// it, the descriptor after it not run, DST untouched (for everything but a DMA error), what
// ntt::check() predicted, then the bad one replaced and the queue finishing correctly. Also
// what must not be an error: SRC1 of NTT_FWD/NTT_INV, values beyond LENGTH, p-1, a range that
// ends exactly at 2^32.
#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <vector>

#include "ntt_bench.h"

using namespace ntt_test;

namespace {

constexpr NttField kBB = NttField::BabyBear, kGL = NttField::Goldilocks;
constexpr NttVariant kCy = NttVariant::Cyclic, kNeg = NttVariant::Negacyclic,
                     kInc = NttVariant::Incomplete;
constexpr uint32_t kK = 8, kN = 256;  // every configuration has N = 256 (kMaxLogN >= 10)

// Buffers: A and B (the good descriptors' operands, BabyBear), the good descriptors' outputs,
// and the bad one's operands (of its own field) and DST.
constexpr uint32_t kA = buf(0), kB = buf(1), kGood0 = buf(2), kGood1 = buf(3), kFixed = buf(4),
                   kAfter = buf(5), kBadDst = buf(6), kBadA = buf(6) + 0x4000u,
                   kBadB = buf(6) + 0x8000u;

struct Case {
    std::string what;
    Descriptor bad;
    AccelError code;
    bool predicted;                          // ntt::check() knows it from the descriptor alone
    std::function<void(Bench&)> setup = {};  // memory contents, error windows
    bool dst_untouched = true;
};

// a and b at A and B (BabyBear), and the bad descriptor's at BadA and BadB (its own field, or
// BabyBear when its field code is not one): random canonical values.
void operands(Bench& b, const Descriptor& bad) {
    b.put(kA, kBB, random_vec(kBB, kN, 1));
    b.put(kB, kBB, random_vec(kBB, kN, 2));
    NttField f = drv::type_field(bad.type());
    if (!drv::known(f)) f = kBB;
    b.put(kBadA, f, random_vec(f, kN, 3));
    b.put(kBadB, f, random_vec(f, kN, 4));
}

// The raw words at addr (enough for N Goldilocks elements).
std::vector<uint32_t> raw(Bench& b, uint32_t addr) {
    std::vector<uint32_t> w(2 * kN);
    b.io.mem_read(addr, w.data(), w.size());
    return w;
}

// Runs [FWD, PADD, bad, FWD] (BabyBear Cyclic N=256 for the good ones) and checks the stop at
// the bad one, then replaces it by a good PSUB and lets the queue finish.
void run_case(Bench& b, const Case& c) {
    INFO("[" << kConfig << "] " << c.what);
    b.io.set_dma_error_window(0, 0);
    operands(b, c.bad);
    for (uint32_t x : {kGood0, kGood1, kFixed, kAfter, kBadDst}) b.fill(x, 2 * kN, kUntouched);
    if (c.setup) c.setup(b);
    const Vec a = b.get(kA, kBB, kN), bb = b.get(kB, kBB, kN);
    const std::vector<uint32_t> bad_a = raw(b, kBadA), bad_b = raw(b, kBadB);
    const model::NttPlan pl = plan(kBB, kCy, kK);

    CHECK(drv::check(c.bad, b.caps) == (c.predicted ? c.code : AccelError::None));
    const uint32_t t0 = b.tail();
    const std::vector<Descriptor> batch = {drv::forward(kBB, kCy, kK, kA, kGood0),
                                           drv::padd(kBB, kCy, kK, kA, kB, kGood1), c.bad,
                                           drv::forward(kBB, kCy, kK, kA, kAfter)};
    REQUIRE(b.shell.submit(batch.data(), batch.size()) == AccelStatus::Ok);
    CHECK(b.shell.wait_idle(kPolls) == AccelStatus::DeviceError);
    AccelError code = AccelError::None;
    uint32_t index = 0xFFFF;
    REQUIRE(b.shell.last_error(&code, &index) == AccelStatus::Ok);
    CHECK(code == c.code);
    CHECK(index == ((t0 + 2) & 0xFFFF));
    CHECK(b.head() == ((t0 + 2) & 0xFFFF));
    uint32_t irqs = 0;
    CHECK(b.shell.irq_status(&irqs) == AccelStatus::Ok);
    CHECK((irqs & epoxy::kAccelIrqError) != 0u);
    // The two before it completed, the one after it did not run.
    same("good FWD before the bad one", kBB, kCy, kK, pl.forward(a), b.get(kGood0, kBB, kN));
    same("good PADD before the bad one", kBB, kCy, kK, pl.pointwise_add(a, bb),
         b.get(kGood1, kBB, kN));
    CHECK(b.all_words(kAfter, 2 * kN, kUntouched));
    if (c.dst_untouched) {
        CHECK(b.all_words(kBadDst, 2 * kN, kUntouched));
        // Sources unchanged (an in-place bad descriptor writes nothing either).
        CHECK(raw(b, kBadA) == bad_a);
        CHECK(raw(b, kBadB) == bad_b);
    }

    // Fix it and go on: the replacement and the one after run correctly.
    b.io.set_dma_error_window(0, 0);
    operands(b, c.bad);
    const Vec a2 = b.get(kA, kBB, kN), b2 = b.get(kB, kBB, kN);
    REQUIRE(b.shell.replace((t0 + 2) & 0xFFFF, drv::psub(kBB, kCy, kK, kA, kB, kFixed)) ==
            AccelStatus::Ok);
    REQUIRE(b.shell.irq_clear(epoxy::kAccelIrqAll) == AccelStatus::Ok);
    REQUIRE(b.shell.clear_error() == AccelStatus::Ok);
    CHECK(b.shell.wait_idle(kPolls) == AccelStatus::Ok);
    CHECK(b.head() == ((t0 + 4) & 0xFFFF));
    same("replacement PSUB after the error", kBB, kCy, kK, pl.pointwise_sub(a2, b2),
         b.get(kFixed, kBB, kN));
    same("FWD after the error", kBB, kCy, kK, pl.forward(a2), b.get(kAfter, kBB, kN));
    // Make sure the next case starts from an idle, error-free engine.
    if (b.shell.wait_idle(1) != AccelStatus::Ok) REQUIRE(b.shell.abort(10000) == AccelStatus::Ok);
}

Descriptor with_op(Descriptor d, uint8_t op) {
    d.word[0] = (d.word[0] & ~0xFFu) | op;
    return d;
}

// Element i of the vector at addr set to a raw value (low word, and high word for 8 bytes).
std::function<void(Bench&)> poke(uint32_t addr, NttField f, uint32_t i, uint64_t value) {
    return [=](Bench& b) {
        const uint32_t es = drv::element_bytes(f);
        b.io.mem(addr + i * es) = uint32_t(value);
        if (es == 8) b.io.mem(addr + i * es + 4) = uint32_t(value >> 32);
    };
}

std::vector<Case> descriptor_cases() {
    const Descriptor fwd = drv::forward(kBB, kCy, kK, kBadA, kBadDst);
    const Descriptor mul = drv::pmul(kBB, kCy, kK, kBadA, kBadB, kBadDst);
    const AccelError op = AccelError::BadOpcode, ty = AccelError::BadType, sz = AccelError::BadSize,
                     al = AccelError::Misaligned, rg = AccelError::OutOfRange;
    std::vector<Case> c = {
        {"opcode 0x00", with_op(fwd, 0x00), op, true},
        {"opcode 0x01", with_op(fwd, 0x01), op, true},
        {"opcode 0x12", with_op(fwd, 0x12), op, true},
        {"opcode 0x1F", with_op(fwd, 0x1F), op, true},
        {"opcode 0x23", with_op(mul, 0x23), op, true},
        {"opcode 0xFF", with_op(mul, 0xFF), op, true},
        {"FLAGS bit 1", Descriptor(fwd).flags(0x02), ty, true},
        {"FLAGS bit 7 with IRQ", Descriptor(fwd).flags(0x81), ty, true},
        {"PARAM0", Descriptor(fwd).param0(1), ty, true},
        {"PARAM1", Descriptor(mul).param1(0x80000000u), ty, true},
        {"PARAM2", Descriptor(fwd).param2(0xFFFFFFFFu), ty, true},
        {"field code 5", Descriptor(fwd).type(drv::type_code(NttField(5), kCy)), ty, true},
        {"field code 15", Descriptor(mul).type(drv::type_code(NttField(15), kCy)), ty, true},
        {"variant code 3", Descriptor(fwd).type(drv::type_code(kBB, NttVariant(3))), ty, true},
        {"variant code 15", Descriptor(mul).type(drv::type_code(kBB, NttVariant(15))), ty, true},
        {"LOG_N 0", Descriptor(fwd).log_n(0).length(1), sz, true},
        {"LOG_N below MIN_LOG_N", drv::forward(kBB, kCy, kMinLogN - 1, kBadA, kBadDst), sz, true},
        {"LOG_N above MAX_LOG_N", drv::forward(kBB, kCy, kMaxLogN + 1, kBadA, kBadDst, 1), sz,
         true},
        {"LOG_N 31", Descriptor(fwd).log_n(31), sz, true},
        {"LOG_N 255", Descriptor(mul).log_n(255), sz, true},
        {"Kyber Cyclic 2^9", drv::forward(NttField::Kyber, kCy, 9, kBadA, kBadDst), sz, true},
        {"Kyber Incomplete 2^9", drv::inverse(NttField::Kyber, kInc, 9, kBadA, kBadDst), sz, true},
        {"Kyber Negacyclic 2^8", drv::forward(NttField::Kyber, kNeg, 8, kBadA, kBadDst), sz, true},
        {"LENGTH 0", Descriptor(fwd).length(0), sz, true},
        {"LENGTH N+1", Descriptor(fwd).length(kN + 1), sz, true},
        {"LENGTH 0xFFFFFFFF", Descriptor(mul).length(0xFFFFFFFFu), sz, true},
        {"PSUB LENGTH N+1", drv::psub(kBB, kCy, kK, kBadA, kBadB, kBadDst, kN + 1), sz, true},
        {"SRC0 misaligned", drv::forward(kBB, kCy, kK, kBadA + 2, kBadDst), al, true},
        {"DST misaligned", drv::inverse(kBB, kCy, kK, kBadA, kBadDst + 1), al, true},
        {"PMUL SRC1 misaligned", drv::pmul(kBB, kCy, kK, kBadA, kBadB + 2, kBadDst), al, true},
        {"Goldilocks SRC0 at 4 mod 8", drv::forward(kGL, kCy, kK, kBadA + 4, kBadDst), al, true},
        {"Goldilocks DST at 4 mod 8", drv::forward(kGL, kCy, kK, kBadA, kBadDst + 4), al, true},
        {"Goldilocks PADD SRC1 at 4 mod 8", drv::padd(kGL, kCy, kK, kBadA, kBadB + 4, kBadDst), al,
         true},
        {"SRC0 range past 2^32", drv::forward(kBB, kCy, kK, 0xFFFFFF00u, kBadDst), rg, true},
        {"DST range past 2^32", drv::forward(kBB, kCy, kK, kBadA, 0xFFFFFE00u), rg, true},
        {"PMUL SRC1 range past 2^32", drv::pmul(kBB, kCy, kK, kBadA, 0xFFFFFF80u, kBadDst), rg,
         true},
        {"Goldilocks DST range past 2^32", drv::forward(kGL, kCy, kK, kBadA, 0xFFFFF808u), rg,
         true},
        {"Goldilocks SRC0 LENGTH past 2^32", drv::forward(kGL, kCy, kK, 0xFFFFFF00u, kBadDst, 33),
         rg, true},
        // The order of the checks: the first failing one is reported.
        {"bad opcode before FLAGS", with_op(Descriptor(fwd).flags(0x02), 0x30), op, true},
        {"FLAGS before field", Descriptor(fwd).flags(0x04).type(0x07), ty, true},
        {"field before LOG_N", Descriptor(fwd).type(0x0F).log_n(0), ty, true},
        {"variant before LENGTH", Descriptor(fwd).type(0x30).length(0), ty, true},
        {"LOG_N before alignment", drv::forward(kBB, kCy, kMaxLogN + 1, kBadA + 1, kBadDst), sz,
         true},
        {"LENGTH before alignment", drv::forward(kBB, kCy, kK, kBadA + 1, kBadDst, 0), sz, true},
        {"alignment before range", drv::forward(kBB, kCy, kK, 0xFFFFFF02u, kBadDst), al, true},
        {"PARAM0 before the field's size limit",
         Descriptor(drv::forward(NttField::Kyber, kNeg, 8, kBadA, kBadDst)).param0(1), ty, true},
    };
    if (kMaxLogN >= 13)
        c.push_back({"Dilithium Negacyclic 2^13",
                     drv::forward(NttField::Dilithium, kNeg, 13, kBadA, kBadDst), sz, true});
    if (kMaxLogN >= 14)
        c.push_back({"Dilithium Cyclic 2^14",
                     drv::inverse(NttField::Dilithium, kCy, 14, kBadA, kBadDst), sz, true});
    return c;
}

std::vector<Case> memory_cases() {
    const AccelError dma = AccelError::DmaError, val = drv::kErrBadValue;
    auto window = [](uint32_t lo, uint32_t hi) {
        return [=](Bench& b) { b.io.set_dma_error_window(lo, hi); };
    };
    const uint64_t pbb = drv::modulus(kBB), pgl = drv::modulus(kGL);
    std::vector<Case> c = {
        // DMA bus errors: on a read of operand a, of operand b, on a write of the result.
        {"DMA error reading SRC0", drv::forward(kBB, kCy, kK, kBadA, kBadDst), dma, false,
         window(kBadA + 4 * 100, kBadA + 4 * 101), false},
        {"DMA error reading SRC1", drv::pmul(kBB, kCy, kK, kBadA, kBadB, kBadDst), dma, false,
         window(kBadB + 4 * 255, kBadB + 4 * 256), false},
        {"DMA error writing DST", drv::inverse(kBB, kCy, kK, kBadA, kBadDst), dma, false,
         window(kBadDst + 4 * 17, kBadDst + 4 * 18), false},
        {"DMA error on an in-place transform", drv::forward(kGL, kNeg, kK, kBadA, kBadA), dma,
         false, window(kBadA, kBadA + 8 * kN), false},
        {"SRC0 outside the memory",
         drv::forward(kBB, kCy, kK, 0x40000000u, kBadDst),
         dma,
         false,
         {},
         false},
        {"SRC0 range ending exactly at 2^32 (not OUT_OF_RANGE)",
         drv::forward(kBB, kCy, kK, 0xFFFFFF00u, kBadDst, 64),
         dma,
         false,
         {},
         false},
        // Wide DMA beats (DmaLanes > 1; the same cases with one lane): a bus error on one word
        // of a beat at an unaligned start, in the last (partial) beat of a range, in the
        // middle of a Goldilocks beat; a value >= p inside a beat after an unaligned start.
        {"DMA error on the first word of an unaligned SRC0",
         drv::forward(kBB, kCy, kK, kBadA + 4, kBadDst, kN - 1), dma, false,
         window(kBadA + 4, kBadA + 8), false},
        {"DMA error on the last word of an unaligned SRC0 (a partial beat)",
         drv::forward(kBB, kNeg, kK, kBadA + 4, kBadDst, kN - 2), dma, false,
         window(kBadA + 4 * (kN - 2), kBadA + 4 * (kN - 1)), false},
        {"DMA error on the last word of an unaligned DST",
         drv::inverse(kBB, kCy, kK, kBadA, kBadDst + 12), dma, false,
         window(kBadDst + 12 + 4 * (kN - 1), kBadDst + 12 + 4 * kN), false},
        {"DMA error on a Goldilocks high word at 8 mod 16",
         drv::pmul(kGL, kCy, kK, kBadA + 8, kBadB, kBadDst), dma, false,
         window(kBadA + 8 + 8 * 9 + 4, kBadA + 8 + 8 * 10), false},
        {"a[6] = p after an unaligned start", drv::forward(kBB, kCy, kK, kBadA + 4, kBadDst, 200),
         val, false, poke(kBadA + 4, kBB, 6, pbb)},
        {"Goldilocks a[5] = p after a start at 8 mod 16",
         drv::forward(kGL, kCy, kK, kBadA + 8, kBadDst, 100), val, false,
         poke(kBadA + 8, kGL, 5, pgl)},
        // Values >= p: nothing is written to DST.
        {"a[0] = p", drv::forward(kBB, kCy, kK, kBadA, kBadDst), val, false,
         poke(kBadA, kBB, 0, pbb)},
        {"a[LENGTH-1] = p+1 with LENGTH 100", drv::forward(kBB, kNeg, kK, kBadA, kBadDst, 100), val,
         false, poke(kBadA, kBB, 99, pbb + 1)},
        {"a[N-1] = 0xFFFFFFFF, INV", drv::inverse(kBB, kInc, kK, kBadA, kBadDst), val, false,
         poke(kBadA, kBB, kN - 1, 0xFFFFFFFFu)},
        {"a[N-1] = p, in place", drv::forward(kBB, kCy, kK, kBadA, kBadA), val, false,
         poke(kBadA, kBB, kN - 1, pbb)},
        {"KoalaBear a[5] = p", drv::forward(NttField::KoalaBear, kCy, kK, kBadA, kBadDst), val,
         false, poke(kBadA, NttField::KoalaBear, 5, drv::modulus(NttField::KoalaBear))},
        {"Dilithium a[128] = q", drv::forward(NttField::Dilithium, kNeg, kK, kBadA, kBadDst), val,
         false, poke(kBadA, NttField::Dilithium, 128, drv::modulus(NttField::Dilithium))},
        {"Kyber a[1] = 3329", drv::forward(NttField::Kyber, kInc, kK, kBadA, kBadDst), val, false,
         poke(kBadA, NttField::Kyber, 1, 3329)},
        {"Kyber a[2] = 0x10000", drv::forward(NttField::Kyber, kCy, kK, kBadA, kBadDst), val, false,
         poke(kBadA, NttField::Kyber, 2, 0x10000)},
        {"Goldilocks a[3] = p", drv::forward(kGL, kCy, kK, kBadA, kBadDst), val, false,
         poke(kBadA, kGL, 3, pgl)},
        {"Goldilocks a[7] = 2^64 - 1", drv::inverse(kGL, kNeg, kK, kBadA, kBadDst), val, false,
         poke(kBadA, kGL, 7, ~uint64_t(0))},
        {"Goldilocks a[0] = p + 1", drv::forward(kGL, kInc, kK, kBadA, kBadDst), val, false,
         poke(kBadA, kGL, 0, 0xFFFFFFFF00000002ull)},
        {"PMUL b[N-1] = p", drv::pmul(kBB, kInc, kK, kBadA, kBadB, kBadDst), val, false,
         poke(kBadB, kBB, kN - 1, pbb)},
        {"PADD b[0] = p", drv::padd(kBB, kCy, kK, kBadA, kBadB, kBadDst), val, false,
         poke(kBadB, kBB, 0, pbb)},
        {"PSUB a[10] = p", drv::psub(kBB, kNeg, kK, kBadA, kBadB, kBadDst), val, false,
         poke(kBadA, kBB, 10, pbb)},
        {"Goldilocks PMUL b[100] = p", drv::pmul(kGL, kCy, kK, kBadA, kBadB, kBadDst), val, false,
         poke(kBadB, kGL, 100, pgl)},
        {"PADD in place, b[N-1] = p", drv::padd(kBB, kCy, kK, kBadA, kBadB, kBadA), val, false,
         poke(kBadB, kBB, kN - 1, pbb)},
        {"misaligned before a bad value", drv::forward(kBB, kCy, kK, kBadA, kBadDst + 2),
         AccelError::Misaligned, true, poke(kBadA, kBB, 0, pbb)},
        {"out of range before a bad value", drv::forward(kBB, kCy, kK, kBadA, 0xFFFFFF00u),
         AccelError::OutOfRange, true, poke(kBadA, kBB, 0, pbb)},
    };
    return c;
}

}  // namespace

TEST_CASE("errors: bad descriptors stop the queue at their index with the right code",
          "[ntt][errors]") {
    Bench b;
    for (const Case& c : descriptor_cases()) run_case(b, c);
}

TEST_CASE("errors: DMA bus errors and values >= p stop the queue, DST untouched for values",
          "[ntt][errors]") {
    Bench b(1, 9);
    for (const Case& c : memory_cases()) run_case(b, c);
}

TEST_CASE("not errors: SRC1 of FWD/INV, values beyond LENGTH, p-1, ranges ending at 2^32",
          "[ntt][errors]") {
    Bench b;
    for (NttField f : kAllFields) {
        INFO(name(f));
        const NttVariant v = NttVariant::Negacyclic;
        const uint32_t k = std::min(kK, max_log_n(f, v));
        const size_t n = size_t(1) << k;
        const model::NttPlan pl = plan(f, v, k);
        const uint64_t p = drv::modulus(f);
        Vec a = random_vec(f, n, 3);
        a[0] = p - 1;
        a[n / 2 - 1] = p - 1;
        b.put(kA, f, a);
        // Beyond LENGTH = N/2 the memory holds values >= p: never read.
        for (size_t i = n / 2; i < n; ++i) poke(kA, f, uint32_t(i), ~uint64_t(0))(b);
        const Vec a_half = padded(Vec(a.begin(), a.begin() + n / 2), n);
        b.put(kB, f, a_half);
        REQUIRE(b.run({drv::forward(f, v, k, kA, kGood0, uint32_t(n / 2)).src1(3),
                       drv::inverse(f, v, k, kA, kGood1, uint32_t(n / 2)).src1(0xFFFFFFFFu),
                       drv::padd(f, v, k, kA, kB, kFixed, uint32_t(n / 2))}) == AccelStatus::Ok);
        same("FWD, SRC1 misaligned and LENGTH N/2", f, v, k, pl.forward(a_half),
             b.get(kGood0, f, n));
        same("INV, SRC1 = 0xFFFFFFFF and LENGTH N/2", f, v, k, pl.inverse(a_half),
             b.get(kGood1, f, n));
        same("PADD with LENGTH N/2", f, v, k, pl.pointwise_add(a_half, a_half),
             b.get(kFixed, f, n));
    }
    // p - 1 in Goldilocks is 0xFFFFFFFF00000000: a valid element with an all-ones high word.
    const Vec g(kN, drv::modulus(kGL) - 1);
    b.put(kA, kGL, g);
    REQUIRE(b.run({drv::forward(kGL, kCy, kK, kA, kGood0)}) == AccelStatus::Ok);
    same("Goldilocks all p-1", kGL, kCy, kK, plan(kGL, kCy, kK).forward(g), b.get(kGood0, kGL, kN));
}
