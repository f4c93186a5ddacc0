// SPDX-License-Identifier: Apache-2.0
// The NTT engine's transforms against the golden model (one configuration per executable, see
// ntt_bench.h): identification and CAPS; forward and inverse for every field and variant at
// the engine's smallest size and at N = 256 (the field's limit when smaller), and at the large
// sizes the engine has (2^10, 2^12, 2^14 and the field's limit); inverse(forward(a)) = a
// through the hardware; in-place transforms; low-degree extension (INV of N, then FWD of 4N
// with LENGTH = N, one chained list); random DMA grant delays; abort in the middle of a large
// transform; cycle counts: the same descriptor from the same engine state takes the same
// number of cycles whatever the operand values (the engine's timing is data-independent; it
// depends on earlier descriptors only through the twiddle table, generated on a field's first
// use or when a larger one is needed, docs/ntt.md).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "epoxy/accel_regs.h"
#include "ntt_bench.h"

using namespace ntt_test;

namespace {

// Forward and inverse at the given sizes for every variant of field f, in batches of four:
// FWD a -> D2, INV D2 -> D3 (the round trip), INV x -> D4, FWD x in place.
void forward_inverse(NttField f, bool large_only) {
    Bench b;
    for (NttVariant v : kAllVariants) {
        for (uint32_t k : sizes(f, v, large_only)) {
            if (large_only && k < 10) continue;
            INFO(describe(f, v, k));
            const size_t n = size_t(1) << k;
            const model::NttPlan pl = plan(f, v, k);
            const uint64_t seed = 1000 * unsigned(f) + 10 * unsigned(v) + k;
            const Vec a = random_vec(f, n, seed), x = random_vec(f, n, seed + 500);
            b.put(buf(0), f, a);
            b.put(buf(1), f, x);
            REQUIRE(
                b.run({drv::forward(f, v, k, buf(0), buf(2)), drv::inverse(f, v, k, buf(2), buf(3)),
                       drv::inverse(f, v, k, buf(1), buf(4)),
                       drv::forward(f, v, k, buf(1), buf(1))}) == AccelStatus::Ok);
            same("forward", f, v, k, pl.forward(a), b.get(buf(2), f, n));
            same("inverse(forward(a)) = a", f, v, k, a, b.get(buf(3), f, n));
            same("inverse", f, v, k, pl.inverse(x), b.get(buf(4), f, n));
            same("forward in place", f, v, k, pl.forward(x), b.get(buf(1), f, n));
            same("source unchanged", f, v, k, a, b.get(buf(0), f, n));
        }
    }
}

// INV of N at D0 in place, then FWD of 4N from D0 with LENGTH = N into D1: the evaluations of
// the same polynomial on a domain four times larger.
void low_degree_extension(NttField f, NttVariant v, uint32_t k, Bench& b) {
    INFO(describe(f, v, k) << " extended to N=" << (4u << k));
    const size_t n = size_t(1) << k;
    const Vec evals = random_vec(f, n, 77 + k + 3 * unsigned(v));
    b.put(buf(0), f, evals);
    b.fill(buf(1), 2 * 4 * n, 0);
    REQUIRE(b.run({drv::inverse(f, v, k, buf(0), buf(0)),
                   drv::forward(f, v, k + 2, buf(0), buf(1), uint32_t(n))}) == AccelStatus::Ok);
    const Vec coeffs = plan(f, v, k).inverse(evals);
    same("LDE: inverse of N", f, v, k, coeffs, b.get(buf(0), f, n));
    same("LDE: forward of 4N with LENGTH = N", f, v, k + 2,
         plan(f, v, k + 2).forward(padded(coeffs, 4 * n)), b.get(buf(1), f, 4 * n));
}

}  // namespace

TEST_CASE("probe: ID, VERSION and CAPS are the configuration's", "[ntt]") {
    Transactor io;
    Shell s(io);
    epoxy::AccelInfo info{};
    NttCaps caps{};
    REQUIRE(drv::probe(s, &caps, &info) == AccelStatus::Ok);
    CHECK(info.id == 0x4E545420u);
    CHECK(info.version_major == 1u);
    CHECK(info.desc_bytes == 32u);
    CHECK(info.max_qlog2 >= kRingLog2);
    INFO("CAPS " << std::hex << info.caps);
    CHECK(caps.p == kP);
    CHECK(caps.max_log_n == kMaxLogN);
    CHECK(caps.min_log_n == kMinLogN);
    CHECK(caps.fields == kFields);
    CHECK(info.caps == drv::encode_caps(NttCaps{kP, kMaxLogN, kMinLogN, kFields}));
    for (NttField f : kAllFields) CHECK(caps.has_field(f));
    CHECK(io.reg_errors() == 0u);
    CHECK(s.probe(epoxy::test::kAccelTestId) == AccelStatus::WrongDevice);
}

TEST_CASE("forward and inverse: BabyBear", "[ntt]") {
    forward_inverse(NttField::BabyBear, false);
}
TEST_CASE("forward and inverse: KoalaBear", "[ntt]") {
    forward_inverse(NttField::KoalaBear, false);
}
TEST_CASE("forward and inverse: Goldilocks", "[ntt]") {
    forward_inverse(NttField::Goldilocks, false);
}
TEST_CASE("forward and inverse: Dilithium", "[ntt]") {
    forward_inverse(NttField::Dilithium, false);
}
TEST_CASE("forward and inverse: Kyber", "[ntt]") {
    forward_inverse(NttField::Kyber, false);
}

TEST_CASE("forward and inverse at large N: BabyBear", "[ntt][large]") {
    forward_inverse(NttField::BabyBear, true);
}
TEST_CASE("forward and inverse at large N: Goldilocks", "[ntt][large]") {
    forward_inverse(NttField::Goldilocks, true);
}
TEST_CASE("forward and inverse at large N: KoalaBear and Dilithium up to their limits",
          "[ntt][large]") {
    forward_inverse(NttField::KoalaBear, true);
    forward_inverse(NttField::Dilithium, true);
}

TEST_CASE("low-degree extension: INV of N then FWD of 4N with LENGTH = N as one list", "[ntt]") {
    Bench b;
    for (NttField f : kAllFields)
        for (NttVariant v : kAllVariants) {
            const uint32_t top = max_log_n(f, v);
            if (top < kMinLogN + 2) continue;
            const uint32_t k = std::min(8u, top - 2);
            low_degree_extension(f, v, k, b);
            // The largest extension the engine has, for the STARK fields.
            if (kMaxLogN >= 12 && v == NttVariant::Cyclic &&
                (f == NttField::BabyBear || f == NttField::Goldilocks) && top - 2 > k)
                low_degree_extension(f, v, top - 2, b);
        }
}

TEST_CASE("random DMA grant delays give the model's results", "[ntt]") {
    for (uint32_t seed : {5u, 6u}) {
        Bench b(3, seed);
        Bench ref;
        for (NttField f : kAllFields)
            for (NttVariant v : kAllVariants) {
                const uint32_t k = sizes(f, v).back();
                INFO(describe(f, v, k) << ", grant delays 0..3, seed " << seed);
                const size_t n = size_t(1) << k;
                const model::NttPlan pl = plan(f, v, k);
                const Vec a = random_vec(f, n, seed + 11), c = random_vec(f, n, seed + 12);
                const std::vector<Descriptor> list = {
                    drv::forward(f, v, k, buf(0), buf(2)),
                    drv::forward(f, v, k, buf(1), buf(3)),
                    drv::pmul(f, v, k, buf(2), buf(3), buf(4)),
                    drv::inverse(f, v, k, buf(4), buf(4)),
                    drv::padd(f, v, k, buf(0), buf(1), buf(5), uint32_t(n / 2 + 1)),
                    drv::psub(f, v, k, buf(0), buf(1), buf(6))};
                for (Bench* x : {&b, &ref}) {
                    x->put(buf(0), f, a);
                    x->put(buf(1), f, c);
                }
                const uint64_t c0 = b.io.cycles();
                REQUIRE(b.run(list) == AccelStatus::Ok);
                const uint64_t slow = b.io.cycles() - c0;
                const uint64_t r0 = ref.io.cycles();
                REQUIRE(ref.run(list) == AccelStatus::Ok);
                const uint64_t fast = ref.io.cycles() - r0;
                CHECK(slow > fast);  // the delays were there
                same("forward (delays)", f, v, k, pl.forward(a), b.get(buf(2), f, n));
                same("multiply (delays)", f, v, k, pl.multiply(a, c), b.get(buf(4), f, n));
                same("padd LENGTH N/2+1 (delays)", f, v, k,
                     pl.pointwise_add(padded(Vec(a.begin(), a.begin() + n / 2 + 1), n), c),
                     b.get(buf(5), f, n));
                same("psub (delays)", f, v, k, pl.pointwise_sub(a, c), b.get(buf(6), f, n));
                for (unsigned i = 2; i <= 6; ++i)
                    same("delays against none, buffer " + std::to_string(i), f, v, k,
                         ref.get(buf(i), f, n), b.get(buf(i), f, n));
            }
    }
}

namespace {

// Submits [big, next], lets `cycles` cycles pass, aborts: the engine is idle with no error
// within a few cycles, the rest of the queue is dropped (next never runs), and new work then
// gives the model's results.
void abort_after(Bench& b, NttField f, NttVariant v, const Vec& a, uint64_t cycles) {
    const uint32_t k = max_log_n(f, v), ks = sizes(f, v).back();
    const size_t n = size_t(1) << k, ns = size_t(1) << ks;
    const model::NttPlan pl = plan(f, v, k), pls = plan(f, v, ks);
    b.put(buf(0), f, a);
    b.fill(buf(5), 2 * ns, kUntouched);
    const std::vector<Descriptor> list = {drv::forward(f, v, k, buf(0), buf(1)),
                                          drv::forward(f, v, ks, buf(0), buf(5))};
    const uint32_t t0 = b.tail();
    REQUIRE(b.shell.submit(list.data(), list.size()) == AccelStatus::Ok);
    for (uint64_t c = 0; c < cycles; ++c) b.io.cycle();
    CHECK(b.shell.wait_idle(1) == AccelStatus::Timeout);  // still running
    const uint64_t c0 = b.io.cycles();
    CHECK(b.shell.abort(10000) == AccelStatus::Ok);
    INFO("abort took " << b.io.cycles() - c0 << " cycles");
    CHECK(b.io.cycles() - c0 < 2000u);
    CHECK(b.head() == ((t0 + 2) & 0xFFFF));  // the rest of the queue is dropped
    CHECK(b.tail() == ((t0 + 2) & 0xFFFF));
    CHECK(b.all_words(buf(5), 2 * ns, kUntouched));  // `next` never ran
    AccelError code = AccelError::BadQueue;
    b.shell.last_error(&code, nullptr);
    CHECK(code == AccelError::None);
    // New work runs correctly: a small transform and a large one in one list.
    const Vec small(a.begin(), a.begin() + ns);
    b.put(buf(2), f, small);
    REQUIRE(b.run({drv::forward(f, v, ks, buf(2), buf(3)),
                   drv::inverse(f, v, k, buf(0), buf(4))}) == AccelStatus::Ok);
    same("small forward after abort", f, v, ks, pls.forward(small), b.get(buf(3), f, ns));
    same("large inverse after abort", f, v, k, pl.inverse(a), b.get(buf(4), f, n));
}

}  // namespace

TEST_CASE("abort in the middle of a large transform, then correct runs", "[ntt]") {
    for (NttField f : {NttField::BabyBear, NttField::Goldilocks}) {
        const NttVariant v = NttVariant::Negacyclic;
        const uint32_t k = max_log_n(f, v);
        const Vec a = random_vec(f, size_t(1) << k, 900 + unsigned(f));
        // On a fresh engine, early: the twiddle table is being generated or the load runs.
        for (uint64_t early : {20u, 150u}) {
            INFO(describe(f, v, k) << ": abort " << early << " cycles after the doorbell of the "
                                   << "first descriptor");
            Bench cold;
            abort_after(cold, f, v, a, early);
        }
        // Then at fractions of the whole run (twiddles ready: the run measured second).
        Bench b;
        b.put(buf(0), f, a);
        const Descriptor big = drv::forward(f, v, k, buf(0), buf(1));
        b.busy_cycles({big});
        const uint64_t full = b.busy_cycles({big});
        for (unsigned sixteenths : {1u, 4u, 8u, 12u, 15u}) {
            INFO(describe(f, v, k)
                 << ": abort after " << sixteenths << "/16 of " << full << " cycles");
            abort_after(b, f, v, a, full * sixteenths / 16);
        }
    }
}

namespace {

struct TimedOp {
    NttField f;
    NttVariant v;
    uint8_t op;
};
const TimedOp kTimedOps[] = {
    {NttField::BabyBear, NttVariant::Cyclic, drv::kOpForward},
    {NttField::Goldilocks, NttVariant::Negacyclic, drv::kOpInverse},
    {NttField::Kyber, NttVariant::Incomplete, drv::kOpPmul},
    {NttField::Dilithium, NttVariant::Negacyclic, drv::kOpForward},
    {NttField::KoalaBear, NttVariant::Incomplete, drv::kOpPsub},
};

// The descriptor of a timed operation at N = 256 (or the field's limit), its operands put in
// each bench.
Descriptor timed(const TimedOp& o, std::initializer_list<Bench*> benches, uint64_t seed) {
    const uint32_t k = sizes(o.f, o.v).back();
    const size_t n = size_t(1) << k;
    const Vec a = random_vec(o.f, n, seed), c = random_vec(o.f, n, seed + 1);
    for (Bench* x : benches) {
        x->put(buf(0), o.f, a);
        x->put(buf(1), o.f, c);
    }
    return drv::make(o.op, o.f, o.v, k, buf(0), buf(1), buf(2), uint32_t(n));
}

}  // namespace

// Determinism: from the same engine state the same descriptor takes the same number of busy
// cycles (PERF_BUSY), whether it is the first descriptor after reset on two benches, or a
// repeat once it has run (then without the twiddle table's generation), and with other
// operand values: timing never depends on the data (operands may be secret keys).
TEST_CASE("cycle counts are deterministic: the same descriptor from the same state", "[ntt]") {
    for (const TimedOp& o : kTimedOps) {
        Bench b, fresh;
        const Descriptor d = timed(o, {&b, &fresh}, 31);
        const uint32_t k = d.log_n();
        INFO(describe(o.f, o.v, k) << " opcode " << unsigned(o.op));
        const uint64_t first = b.busy_cycles({d});
        const uint64_t first_fresh = fresh.busy_cycles({d});
        const uint64_t second = b.busy_cycles({d});
        const uint64_t third = b.busy_cycles({d});
        INFO("busy cycles: first " << first << ", first on another bench " << first_fresh
                                   << ", second " << second << ", third " << third);
        CHECK(first > 0u);
        CHECK(first == first_fresh);
        CHECK(second == third);
        same("result after three runs", o.f, o.v, k, b.get(buf(2), o.f, size_t(1) << k),
             fresh.get(buf(2), o.f, size_t(1) << k));
        CHECK(second <= first);
        // Different operand values: the same cycles.
        timed(o, {&b}, 33);
        const uint64_t other_data = b.busy_cycles({d});
        CHECK(other_data == third);
    }
}
