// SPDX-License-Identifier: Apache-2.0
// test-traps: synchronous exceptions through the SDK trap API. For each one the handler
// records mcause, mepc and mtval and resumes after the instruction (or at ra for a fetch
// fault), and the test checks the cause, the faulting pc, mtval, that execution resumed,
// and that registers survive the trap (the handler may also change them on purpose):
// illegal instructions (32-bit, compressed, CSR writes to read-only CSRs, unknown CSRs),
// ecall and ebreak (also c.ebreak), misaligned loads and stores, load/store access faults
// on unmapped addresses, on the ROM (read-only) and on devices (word access only), and an
// instruction access fault.
#include <stdint.h>

#include "epoxy/csr.h"
#include "epoxy/memory_map.h"
#include "epoxy/trap.h"
#include "test_common.h"

#define UNMAPPED 0x40000000u

static volatile uint32_t n_traps, last_cause, last_epc, last_tval, last_mstatus;

static void handler(epoxy_trap_frame_t *f) {
    ++n_traps;
    last_cause = f->mcause;
    last_epc = f->mepc;
    last_tval = f->mtval;
    last_mstatus = f->mstatus;
    if (f->mcause == EPOXY_CAUSE_INSN_ACCESS) {
        f->mepc = f->x[1];  // the faulting jump was a call: return to its caller
        return;
    }
    if (f->mcause == EPOXY_CAUSE_ECALL_M) f->x[10] = f->x[10] * 2u + 1u;  // a0: a "syscall"
    epoxy_trap_skip(f);
}

static void reset_record(void) {
    n_traps = 0;
    last_cause = last_epc = last_tval = 0xFFFFFFFFu;
}

// Each helper returns the address of the trapping instruction (a label inside the asm).
static uint32_t do_illegal32(void) {
    uint32_t pc;
    __asm__ volatile(".option push\n.option norvc\n"
                     "1: .4byte 0xFFFFFFFF\n"
                     ".option pop\n"
                     "la %0, 1b" : "=r"(pc)::"memory");
    return pc;
}
static uint32_t do_illegal16(void) {
    uint32_t pc;
    __asm__ volatile("1: .2byte 0x0000\n la %0, 1b" : "=r"(pc)::"memory");
    return pc;
}
static uint32_t do_csr_ro_write(void) {
    uint32_t pc;
    __asm__ volatile(".option push\n.option norvc\n"
                     "1: csrw mvendorid, zero\n"
                     ".option pop\n"
                     "la %0, 1b" : "=r"(pc)::"memory");
    return pc;
}
static uint32_t do_csr_absent(void) {
    uint32_t pc;
    __asm__ volatile("1: csrr t0, 0x7C0\n la %0, 1b" : "=r"(pc)::"t0", "memory");
    return pc;
}
static uint32_t do_ebreak32(void) {
    uint32_t pc;
    __asm__ volatile(".option push\n.option norvc\n"
                     "1: ebreak\n"
                     ".option pop\n"
                     "la %0, 1b" : "=r"(pc)::"memory");
    return pc;
}
static uint32_t do_cebreak(void) {
    uint32_t pc;
    __asm__ volatile("1: c.ebreak\n la %0, 1b" : "=r"(pc)::"memory");
    return pc;
}

// ecall with a0 = arg; returns a0 as the handler left it, and the ecall's address.
static uint32_t do_ecall(uint32_t arg, uint32_t *pc) {
    register uint32_t a0 __asm__("a0") = arg;
    uint32_t p;
    __asm__ volatile("1: ecall\n la %1, 1b" : "+r"(a0), "=r"(p)::"memory");
    *pc = p;
    return a0;
}

// Load/store of a given size at addr; the load's destination keeps `fill` when it traps.
#define ACCESS_LOAD(insn)                                                                   \
    __asm__ volatile("1: " insn " %0, 0(%2)\n la %1, 1b"                                   \
                     : "+r"(v), "=r"(p)                                                     \
                     : "r"(addr)                                                            \
                     : "memory")
#define ACCESS_STORE(insn)                                                                  \
    __asm__ volatile("1: " insn " %1, 0(%2)\n la %0, 1b"                                   \
                     : "=r"(p)                                                              \
                     : "r"(value), "r"(addr)                                                \
                     : "memory")

static uint32_t do_load(uint32_t addr, int size, uint32_t fill, uint32_t *pc) {
    uint32_t v = fill, p;
    switch (size) {
        case 1: ACCESS_LOAD("lbu"); break;
        case 2: ACCESS_LOAD("lh"); break;
        default: ACCESS_LOAD("lw"); break;
    }
    *pc = p;
    return v;
}
static uint32_t do_store(uint32_t addr, int size, uint32_t value) {
    uint32_t p;
    switch (size) {
        case 1: ACCESS_STORE("sb"); break;
        case 2: ACCESS_STORE("sh"); break;
        default: ACCESS_STORE("sw"); break;
    }
    return p;
}

// Callee-saved registers hold known values across a trap.
static int regs_survive_trap(void) {
    register uint32_t s2 __asm__("s2") = 0x5EED0002u;
    register uint32_t s3 __asm__("s3") = 0x5EED0003u;
    register uint32_t t3 __asm__("t3") = 0x5EED0028u;
    __asm__ volatile("ebreak" : "+r"(s2), "+r"(s3), "+r"(t3)::"memory");
    return s2 == 0x5EED0002u && s3 == 0x5EED0003u && t3 == 0x5EED0028u;
}

static uint32_t aligned_word[2] __attribute__((aligned(8))) = {0x11223344u, 0x55667788u};

int main(void) {
    epoxy_set_trap_handler(handler);
    CHECK(1, epoxy_get_trap_handler() == handler);
    uint32_t pc, v;

    // ---- Illegal instructions: mtval = the instruction bits ----
    reset_record();
    pc = do_illegal32();
    CHECK(2, n_traps == 1 && last_cause == EPOXY_CAUSE_ILLEGAL_INSN);
    CHECK(3, last_epc == pc && last_tval == 0xFFFFFFFFu);
    // Trap taken in M-mode with MIE = 0: MPP = M, MPIE = 0.
    CHECK(4, (last_mstatus & EPOXY_MSTATUS_MPP) == EPOXY_MSTATUS_MPP_M);
    reset_record();
    pc = do_illegal16();
    CHECK(5, n_traps == 1 && last_cause == EPOXY_CAUSE_ILLEGAL_INSN && last_epc == pc);
    CHECK(6, last_tval == 0u);
    reset_record();
    pc = do_csr_ro_write();
    CHECK(7, n_traps == 1 && last_cause == EPOXY_CAUSE_ILLEGAL_INSN && last_epc == pc);
    CHECK(8, last_tval == 0xF1101073u);  // csrrw x0, mvendorid, x0
    reset_record();
    pc = do_csr_absent();
    CHECK(9, n_traps == 1 && last_cause == EPOXY_CAUSE_ILLEGAL_INSN && last_epc == pc);
    // Reading a read-only CSR is fine.
    reset_record();
    (void)epoxy_csr_read(mvendorid);
    CHECK(10, n_traps == 0);

    // ---- ecall and ebreak ----
    reset_record();
    v = do_ecall(20u, &pc);
    CHECK(11, n_traps == 1 && last_cause == EPOXY_CAUSE_ECALL_M && last_epc == pc);
    CHECK(12, v == 41u);  // the handler's change to a0 is seen after mret
    CHECK(13, last_tval == 0u);
    reset_record();
    pc = do_ebreak32();
    CHECK(14, n_traps == 1 && last_cause == EPOXY_CAUSE_BREAKPOINT && last_epc == pc);
    CHECK(15, last_tval == pc);  // Epoxy writes the pc to mtval on a breakpoint
    reset_record();
    pc = do_cebreak();
    CHECK(16, n_traps == 1 && last_cause == EPOXY_CAUSE_BREAKPOINT && last_epc == pc);
    CHECK(17, *(volatile uint16_t *)pc == 0x9002u);  // resumed past a 2-byte instruction
    reset_record();
    CHECK(18, regs_survive_trap());
    CHECK(19, n_traps == 1);

    // ---- Misaligned loads and stores trap (never split); mtval = the address ----
    const uint32_t base = (uint32_t)(uintptr_t)aligned_word;
    reset_record();
    v = do_load(base + 1, 4, 0xABCDu, &pc);
    CHECK(20, n_traps == 1 && last_cause == EPOXY_CAUSE_LOAD_MISALIGNED && last_epc == pc);
    CHECK(21, last_tval == base + 1 && v == 0xABCDu);  // rd not written
    reset_record();
    v = do_load(base + 3, 2, 0xABCDu, &pc);
    CHECK(22, n_traps == 1 && last_cause == EPOXY_CAUSE_LOAD_MISALIGNED && last_tval == base + 3);
    reset_record();
    v = do_load(base + 2, 2, 0u, &pc);  // aligned halfword: fine
    CHECK(23, n_traps == 0 && v == 0x1122u);
    reset_record();
    pc = do_store(base + 2, 4, 0xDEADBEEFu);
    CHECK(24, n_traps == 1 && last_cause == EPOXY_CAUSE_STORE_MISALIGNED && last_epc == pc);
    CHECK(25, last_tval == base + 2);
    CHECK(26, aligned_word[0] == 0x11223344u && aligned_word[1] == 0x55667788u);  // no write
    reset_record();
    do_store(base + 1, 2, 0xBEEFu);
    CHECK(27, n_traps == 1 && last_cause == EPOXY_CAUSE_STORE_MISALIGNED && last_tval == base + 1);
    reset_record();
    do_store(base + 3, 1, 0x99u);  // bytes are always aligned
    CHECK(28, n_traps == 0 && aligned_word[0] == 0x99223344u);

    // ---- Access faults: unmapped, read-only ROM, devices (aligned words only) ----
    reset_record();
    v = do_load(UNMAPPED, 4, 0x1234u, &pc);
    CHECK(30, n_traps == 1 && last_cause == EPOXY_CAUSE_LOAD_ACCESS && last_epc == pc);
    CHECK(31, last_tval == UNMAPPED && v == 0x1234u);
    reset_record();
    pc = do_store(UNMAPPED + 8, 4, 1u);
    CHECK(32, n_traps == 1 && last_cause == EPOXY_CAUSE_STORE_ACCESS && last_epc == pc);
    CHECK(33, last_tval == UNMAPPED + 8);
    reset_record();
    v = do_load(EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE, 1, 0u, &pc);  // just past the SRAM
    CHECK(34, n_traps == 1 && last_cause == EPOXY_CAUSE_LOAD_ACCESS);
    CHECK(35, last_tval == EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE);
    reset_record();
    do_load(EPOXY_ROM_BASE, 4, 0u, &pc);  // the ROM is readable...
    CHECK(36, n_traps == 0);
    do_store(EPOXY_ROM_BASE + 4, 4, 0u);  // ...but not writable
    CHECK(37, n_traps == 1 && last_cause == EPOXY_CAUSE_STORE_ACCESS);
    CHECK(38, last_tval == EPOXY_ROM_BASE + 4);
    reset_record();
    do_load(EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME, 1, 0u, &pc);  // byte read of a device
    CHECK(39, n_traps == 1 && last_cause == EPOXY_CAUSE_LOAD_ACCESS);
    CHECK(40, last_tval == EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME);
    reset_record();
    do_load(EPOXY_GPIO_BASE + 0x100u, 4, 0u, &pc);  // an unused device address
    CHECK(41, n_traps == 1 && last_cause == EPOXY_CAUSE_LOAD_ACCESS);

    // ---- Instruction access fault: jump to an unmapped address ----
    reset_record();
    {
        uint32_t target = UNMAPPED + 0x100u;
        __asm__ volatile("jalr ra, 0(%0)" ::"r"(target)
                         : "ra", "t0", "t1", "t2", "a0", "a1", "a2", "a3", "a4", "a5", "a6",
                           "a7", "t3", "t4", "t5", "t6", "memory");
        CHECK(42, n_traps == 1 && last_cause == EPOXY_CAUSE_INSN_ACCESS);
        CHECK(43, last_epc == target && last_tval == target);
    }
    // Fetching from a device page is also a fault (devices answer data accesses only).
    reset_record();
    {
        uint32_t target = EPOXY_UART_BASE;
        __asm__ volatile("jalr ra, 0(%0)" ::"r"(target)
                         : "ra", "t0", "t1", "t2", "a0", "a1", "a2", "a3", "a4", "a5", "a6",
                           "a7", "t3", "t4", "t5", "t6", "memory");
        CHECK(44, n_traps == 1 && last_cause == EPOXY_CAUSE_INSN_ACCESS && last_tval == target);
    }

    // ---- The default handler is back after set(NULL) ----
    epoxy_set_trap_handler(0);
    CHECK(50, epoxy_get_trap_handler() == epoxy_default_trap_handler);
    test_pass("test-traps");
    return 0;
}
