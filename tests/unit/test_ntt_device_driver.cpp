// SPDX-License-Identifier: Apache-2.0
// The firmware's view of the ISS's NTT coprocessor: the shared drivers (epoxy::AccelShell of
// sw/drivers/epoxy/accel_shell.h and the NTT layer sw/drivers/epoxy/ntt.h) over an Io back end
// that makes Machine bus accesses, as MmioIo does on the core. Polynomial products against
// the golden model, and ntt::check() predicting the code the device reports.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "epoxy/accel_shell.h"
#include "epoxy/ntt.h"
#include "ntt_device_fixture.h"

namespace {

using epoxy::AccelError;
using epoxy::AccelShell;
using epoxy::AccelStatus;
namespace drv = epoxy::ntt;

// AccelShell's Io: registers and memory through Machine::read/write (tick: nothing, the
// device finishes its work inside the doorbell store).
struct MachineIo {
    epoxy::iss::Machine& m;
    uint32_t reg_read(uint32_t off) {
        uint32_t v = 0;
        REQUIRE(m.read(EPOXY_NTT_BASE + off, 4, epoxy::iss::Access::Load, v));
        return v;
    }
    void reg_write(uint32_t off, uint32_t v) { REQUIRE(m.write(EPOXY_NTT_BASE + off, 4, v)); }
    void mem_write(uint32_t addr, const uint32_t* words, size_t n) {
        for (size_t i = 0; i < n; ++i) REQUIRE(m.write(addr + 4u * uint32_t(i), 4, words[i]));
    }
    void mem_read(uint32_t addr, uint32_t* words, size_t n) {
        for (size_t i = 0; i < n; ++i)
            REQUIRE(m.read(addr + 4u * uint32_t(i), 4, epoxy::iss::Access::Load, words[i]));
    }
    void tick() {}
};

}  // namespace

using namespace nttdev;

TEST_CASE("ntt device driver: probe, ring and a polynomial product per field", "[ntt][driver]") {
    NttFixture f;
    MachineIo io{f.m};
    AccelShell<MachineIo> shell(io);
    drv::NttCaps caps{};
    epoxy::AccelInfo info{};
    REQUIRE(drv::probe(shell, &caps, &info) == AccelStatus::Ok);
    CHECK(info.version_major == 1);
    CHECK(info.max_qlog2 == 8);
    CHECK(caps.p == EPOXY_NTT_P);
    CHECK(caps.max_log_n == EPOXY_NTT_MAX_LOG_N);
    CHECK(caps.min_log_n == 4);
    CHECK(caps.fields == EPOXY_NTT_FIELDS);
    REQUIRE(shell.configure_ring(kRing, 3) == AccelStatus::Ok);
    REQUIRE(shell.irq_enable(epoxy::kAccelIrqDone) == AccelStatus::Ok);

    struct Case {
        drv::NttField field;
        drv::NttVariant variant;
        uint32_t log_n;
    };
    const Case cases[] = {
        {drv::NttField::Kyber, drv::NttVariant::Incomplete, 8},      // FIPS 203
        {drv::NttField::Dilithium, drv::NttVariant::Negacyclic, 8},  // FIPS 204
        {drv::NttField::BabyBear, drv::NttVariant::Cyclic, 10},
        {drv::NttField::KoalaBear, drv::NttVariant::Negacyclic, 9},
        {drv::NttField::Goldilocks, drv::NttVariant::Cyclic, 11},
    };
    for (const Case& c : cases) {
        const unsigned field = unsigned(c.field);
        const std::size_t n = std::size_t(1) << c.log_n;
        INFO("field " << field << " log_n " << c.log_n);
        const model::Vec a = f.random(field, n), b = f.random(field, n);
        f.store_elems(kBufA, a, field);
        f.store_elems(kBufB, b, field);
        // c = a * b: forward a and b in place, PMUL into a, inverse in place.
        const epoxy::Descriptor d[] = {
            drv::forward(c.field, c.variant, c.log_n, kBufA, kBufA),
            drv::forward(c.field, c.variant, c.log_n, kBufB, kBufB),
            drv::pmul(c.field, c.variant, c.log_n, kBufA, kBufB, kBufA),
            drv::inverse(c.field, c.variant, c.log_n, kBufA, kBufA)};
        for (const auto& x : d) REQUIRE(drv::check(x, caps) == AccelError::None);
        REQUIRE(shell.submit(d, 4) == AccelStatus::Ok);
        CHECK(f.m.ntt().irq());
        REQUIRE(shell.wait_idle(1) == AccelStatus::Ok);  // done within the doorbell
        const model::NttPlan plan(model::FieldId(field), model::Variant(unsigned(c.variant)), n);
        CHECK(f.load_elems(kBufA, n, field) == plan.multiply(a, b));
        uint32_t pending = 0;
        REQUIRE(shell.irq_status(&pending) == AccelStatus::Ok);
        CHECK(pending == epoxy::kAccelIrqDone);
        REQUIRE(shell.irq_clear(pending) == AccelStatus::Ok);
        CHECK_FALSE(f.m.ntt().irq());
    }
    epoxy::AccelPerf perf{1, 1, 1};
    REQUIRE(shell.perf_read(&perf) == AccelStatus::Ok);
    CHECK(perf.busy == 0);  // not modelled on the ISS
    CHECK(perf.stall == 0);
    CHECK(perf.dma == 0);
}

TEST_CASE("ntt device driver: check() predicts the device's code, then replace and continue",
          "[ntt][driver]") {
    NttFixture f;
    MachineIo io{f.m};
    AccelShell<MachineIo> shell(io);
    drv::NttCaps caps{};
    REQUIRE(drv::probe(shell, &caps) == AccelStatus::Ok);
    REQUIRE(shell.configure_ring(kRing, 2) == AccelStatus::Ok);
    f.store_elems(kBufA, f.random(4, 16), 4);
    const auto K = drv::NttField::Kyber;
    const auto Cy = drv::NttVariant::Cyclic;
    const epoxy::Descriptor good = drv::forward(K, Cy, 4, kBufA, kBufC);
    std::vector<epoxy::Descriptor> bad = {
        drv::make(0x13, K, Cy, 4, kBufA, 0, kBufC, 16),
        drv::make(drv::kOpForward, drv::NttField(6), Cy, 4, kBufA, 0, kBufC, 16),
        drv::make(drv::kOpForward, K, drv::NttVariant(3), 4, kBufA, 0, kBufC, 16),
        drv::forward(K, Cy, 3, kBufA, kBufC),                           // below MIN_LOG_N
        drv::forward(K, drv::NttVariant::Negacyclic, 8, kBufA, kBufC),  // above the field's
        drv::forward(K, Cy, 4, kBufA, kBufC, 17),
        drv::forward(K, Cy, 4, kBufA + 2, kBufC),
        drv::pmul(K, Cy, 4, kBufA, kBufB + 1, kBufC),
        drv::forward(K, Cy, 4, kBufA, 0xFFFFFFC4u),
        drv::padd(K, Cy, 4, kBufA, 0xFFFFFFF0u, kBufC),
    };
    {
        epoxy::Descriptor d = good;
        d.param0(1);
        bad.push_back(d);
        d = good;
        d.flags(0x40);
        bad.push_back(d);
    }
    for (const epoxy::Descriptor& d : bad) {
        const AccelError predicted = drv::check(d, caps);
        INFO("opcode " << unsigned(d.opcode()) << " type " << unsigned(d.type()) << " log_n "
                       << unsigned(d.log_n()) << " predicted " << unsigned(predicted));
        REQUIRE(predicted != AccelError::None);
        uint32_t head = 0, tail = 0;
        REQUIRE(shell.queue_indices(&head, &tail) == AccelStatus::Ok);
        const epoxy::Descriptor batch[] = {good, d, good};
        REQUIRE(shell.submit(batch, 3) == AccelStatus::Ok);
        REQUIRE(shell.wait_idle(1) == AccelStatus::DeviceError);
        AccelError code = AccelError::None;
        uint32_t index = 0;
        REQUIRE(shell.last_error(&code, &index) == AccelStatus::Ok);
        CHECK(code == predicted);
        CHECK(index == ((head + 1) & 0xFFFFu));
        REQUIRE(shell.replace(index, good) == AccelStatus::Ok);
        REQUIRE(shell.clear_error() == AccelStatus::Ok);
        REQUIRE(shell.wait_idle(1) == AccelStatus::Ok);
        REQUIRE(shell.queue_indices(&head, &tail) == AccelStatus::Ok);
        CHECK(head == tail);
    }
    // What check() cannot see: the memory. BAD_VALUE, then abort drops the rest.
    f.store32(kBufA + 4, 3329);
    REQUIRE(drv::check(good, caps) == AccelError::None);
    const epoxy::Descriptor batch[] = {good, good};
    REQUIRE(shell.submit(batch, 2) == AccelStatus::Ok);
    REQUIRE(shell.wait_idle(1) == AccelStatus::DeviceError);
    AccelError code = AccelError::None;
    REQUIRE(shell.last_error(&code, nullptr) == AccelStatus::Ok);
    CHECK(code == drv::kErrBadValue);
    REQUIRE(shell.abort(1) == AccelStatus::Ok);
    REQUIRE(shell.last_error(&code, nullptr) == AccelStatus::Ok);
    CHECK(code == AccelError::None);
    uint32_t free_slots = 0;
    REQUIRE(shell.free_slots(&free_slots) == AccelStatus::Ok);
    CHECK(free_slots == 4u);
}
