// SPDX-License-Identifier: Apache-2.0
// The Machine's devices and run loop: UART, sim-control, timer, deadlock detection.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;
using epoxy::iss::StopReason;

namespace {
constexpr uint32_t kUart = EPOXY_UART_BASE;
constexpr uint32_t kTimer = EPOXY_TIMER_BASE;
constexpr uint32_t kSimctl = EPOXY_SIMCTL_BASE;
}  // namespace

TEST_CASE("machine: UART TX goes to the console sink", "[machine][uart]") {
    Harness h;
    h.set_x(1, kUart);
    h.set_x(2, 'H');
    h.set_x(3, 0x100 | 'i');  // only bits 7:0 are sent
    h.program({enc::sw(2, 1, EPOXY_UART_TXDATA), enc::sw(3, 1, EPOXY_UART_TXDATA),
               enc::lw(4, 1, EPOXY_UART_STATUS)});
    h.run(3);
    CHECK(h.console == "Hi");
    CHECK((h.x(4) & EPOXY_UART_STATUS_TX_FULL) == 0);
}

TEST_CASE("machine: UART RX pops pushed bytes, then reports empty", "[machine][uart]") {
    Harness h;
    h.m.push_uart_input("ok");
    h.set_x(1, kUart);
    h.program({enc::lw(2, 1, EPOXY_UART_STATUS), enc::lw(3, 1, EPOXY_UART_RXDATA),
               enc::lw(4, 1, EPOXY_UART_RXDATA), enc::lw(5, 1, EPOXY_UART_STATUS),
               enc::lw(6, 1, EPOXY_UART_RXDATA)});
    h.run(5);
    CHECK((h.x(2) & EPOXY_UART_STATUS_RX_VALID) != 0);
    CHECK(h.x(3) == 'o');
    CHECK(h.x(4) == 'k');
    CHECK((h.x(5) & EPOXY_UART_STATUS_RX_VALID) == 0);
    CHECK(h.x(6) == EPOXY_UART_RXDATA_EMPTY);
}

TEST_CASE("machine: UART CLKDIV is read/write and RXDATA ignores writes", "[machine][uart]") {
    Harness h;
    h.set_x(1, kUart);
    h.set_x(2, 217);
    h.m.push_uart_input("a");
    h.program({enc::sw(2, 1, EPOXY_UART_CLKDIV), enc::lw(3, 1, EPOXY_UART_CLKDIV),
               enc::sw(2, 1, EPOXY_UART_RXDATA), enc::lw(4, 1, EPOXY_UART_RXDATA)});
    h.run(4);
    CHECK(h.x(3) == 217);
    CHECK(h.x(4) == 'a');
}

TEST_CASE("machine: sim-control PUTC and EXIT", "[machine][simctl]") {
    Harness h;
    h.set_x(1, kSimctl);
    h.set_x(2, '!');
    h.set_x(3, 42);
    h.program({enc::sw(2, 1, EPOXY_SIMCTL_PUTC), enc::sw(3, 1, EPOXY_SIMCTL_EXIT), enc::nop()});
    const auto result = h.m.run(100);
    CHECK(result.reason == StopReason::Exited);
    CHECK(result.exit_code == 42);
    CHECK(result.steps == 2);
    CHECK(h.m.exited());
    CHECK(h.m.exit_code() == 42);
    CHECK(h.console == "!");
}

TEST_CASE("machine: run stops at the step limit and reports every record", "[machine]") {
    Harness h;
    h.program({enc::addi(5, 5, 1), enc::jal(0, -4)});
    uint64_t seen = 0;
    const auto result = h.m.run(10, [&seen](const Retire&) { ++seen; });
    CHECK(result.reason == StopReason::InsnLimit);
    CHECK(result.steps == 10);
    CHECK(seen == 10);
    CHECK(h.x(5) == 5);
}

TEST_CASE("machine: mtime advances one tick per step and is writable", "[machine][timer]") {
    Harness h;
    h.set_x(1, kTimer);
    h.set_x(2, 0x100);
    h.program({enc::nop(), enc::nop(), enc::lw(3, 1, EPOXY_TIMER_MTIME),
               enc::lw(4, 1, EPOXY_TIMER_MTIMEH), enc::sw(2, 1, EPOXY_TIMER_MTIME),
               enc::lw(5, 1, EPOXY_TIMER_MTIME)});
    h.run(6);
    CHECK(h.x(3) == 2);
    CHECK(h.x(4) == 0);
    CHECK(h.x(5) == 0x101);  // written at step 4, ticked once after it
    CHECK(h.m.mtime() == 0x102);
}

TEST_CASE("machine: mtimecmp and msip registers read back", "[machine][timer]") {
    Harness h;
    h.set_x(1, kTimer);
    h.set_x(2, 0x1234);
    h.set_x(3, 1);
    h.program({enc::lw(4, 1, EPOXY_TIMER_MTIMECMP), enc::lw(5, 1, EPOXY_TIMER_MTIMECMPH),
               enc::sw(2, 1, EPOXY_TIMER_MTIMECMP), enc::sw(0, 1, EPOXY_TIMER_MTIMECMPH),
               enc::sw(3, 1, EPOXY_TIMER_MSIP), enc::lw(6, 1, EPOXY_TIMER_MSIP),
               enc::lw(7, 1, EPOXY_TIMER_MTIMECMP)});
    h.run(7);
    CHECK(h.x(4) == 0xFFFFFFFF);  // reset: never
    CHECK(h.x(5) == 0xFFFFFFFF);
    CHECK(h.x(6) == 1);
    CHECK(h.x(7) == 0x1234);
    CHECK(h.m.mtimecmp() == 0x1234);
}

TEST_CASE("machine: wfi with no enabled interrupt is a deadlock", "[machine][wfi]") {
    Harness h;
    h.program({enc::nop(), enc::wfi(), enc::nop()});
    const auto result = h.m.run(1000);
    CHECK(result.reason == StopReason::Deadlock);
    CHECK(result.steps == 2);
    CHECK(result.message.find("WFI") != std::string::npos);
}

TEST_CASE("machine: wfi with MTIE but no timer armed is a deadlock", "[machine][wfi]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMtip);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.program({enc::wfi()});
    CHECK(h.m.run(1000).reason == StopReason::Deadlock);
}

TEST_CASE("machine: wfi with the timer armed skips time and wakes", "[machine][wfi]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMtip);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.m.write(kTimer + EPOXY_TIMER_MTIMECMPH, 4, 0);
    h.m.write(kTimer + EPOXY_TIMER_MTIMECMP, 4, 1000000);
    h.set_x(1, kSimctl);
    h.set_x(2, 7);
    h.place({enc::sw(2, 1, EPOXY_SIMCTL_EXIT)}, kTrapVec);
    h.program({enc::wfi()});
    const auto result = h.m.run(100);
    CHECK(result.reason == StopReason::Exited);
    CHECK(result.exit_code == 7);
    CHECK(result.steps == 3);  // wfi, interrupt, sw
    CHECK(h.m.mtime() >= 1000000);
    CHECK(h.csr(rv::kMcause) == 0x80000007u);
}

TEST_CASE("machine: an unfetchable trap vector is reported as a deadlock", "[machine]") {
    Harness h;
    h.set_csr(rv::kMtvec, kUnmapped);
    h.program({enc::ecall()});
    const auto result = h.m.run(1000);
    CHECK(result.reason == StopReason::Deadlock);
    CHECK(result.steps == 2);
    CHECK_FALSE(result.message.empty());
}

TEST_CASE("machine: loader and peek cover ROM and SRAM only", "[machine]") {
    Machine m;
    const uint8_t bytes[4] = {1, 2, 3, 4};
    CHECK(m.load(EPOXY_ROM_BASE, bytes, 4));
    CHECK(m.load(EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE - 4, bytes, 4));
    CHECK_FALSE(m.load(EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE - 2, bytes, 4));
    CHECK_FALSE(m.load(kUnmapped, bytes, 4));
    uint32_t v = 0;
    CHECK(m.peek(EPOXY_ROM_BASE, 4, v));
    CHECK(v == 0x04030201);
    CHECK_FALSE(m.peek(EPOXY_UART_BASE, 4, v));
}

TEST_CASE("machine: a smaller SRAM ends where asked", "[machine]") {
    Machine m(0x1000);
    uint32_t v = 0;
    CHECK(m.read(EPOXY_SRAM_BASE + 0xFFC, 4, Access::Load, v));
    CHECK_FALSE(m.read(EPOXY_SRAM_BASE + 0x1000, 4, Access::Load, v));
}

TEST_CASE("machine: reset state of the hart", "[machine]") {
    Machine m;
    const Hart& hart = m.hart();
    CHECK(hart.pc() == EPOXY_SRAM_BASE);
    CHECK(hart.priv() == Priv::M);
    for (unsigned i = 0; i < 32; ++i) CHECK(hart.x(i) == 0);
    CHECK(hart.csr(rv::kMstatus) == 0u);
    CHECK(hart.csr(rv::kMie) == 0u);
    CHECK(hart.csr(rv::kPmpcfg0) == 0u);
    CHECK(hart.csr(rv::kMcycle) == 0u);
}
