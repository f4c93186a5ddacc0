// SPDX-License-Identifier: Apache-2.0
// test-umode: privilege modes. Runs functions in U-mode with the SDK's epoxy_run_user()
// (mret with MPP = U, back with an ecall) and checks: the U-mode code really runs in
// U-mode (its ecall has cause 8 and MPP = U), traps from U-mode go to the M-mode stack and
// can resume U-mode, an mret to U-mode clears MPRV, M-mode interrupts are taken in U-mode
// even with mstatus.MIE = 0, U-mode access to M-mode CSRs and mret are illegal
// instructions, the cycle/time/instret counters are gated one by one by mcounteren, and WFI
// is illegal in U-mode when mstatus.TW = 1.
#include <stdint.h>

#include "epoxy/csr.h"
#include "epoxy/timer.h"
#include "epoxy/trap.h"
#include "epoxy/umode.h"
#include "test_common.h"

static uint8_t user_stack[2048] __attribute__((aligned(16)));
#define USER_SP ((void *)(user_stack + sizeof user_stack))

static volatile uint32_t n_traps, last_cause, last_tval, last_mpp, last_sp, last_epc;
static volatile uint32_t handler_sp;

static void handler(epoxy_trap_frame_t *f) {
    uint32_t sp;
    __asm__ volatile("mv %0, sp" : "=r"(sp));
    handler_sp = sp;
    ++n_traps;
    last_cause = f->mcause;
    last_tval = f->mtval;
    last_epc = f->mepc;
    last_mpp = f->mstatus & EPOXY_MSTATUS_MPP;
    last_sp = f->x[2];
    if (f->mcause == (EPOXY_MCAUSE_INTERRUPT | EPOXY_IRQ_M_SOFT)) {
        epoxy_timer_set_msip(0);  // acknowledge; resume the interrupted U-mode code
        return;
    }
    if (f->mcause == EPOXY_CAUSE_ECALL_U) f->x[10] += 1000u;  // a "system call"
    epoxy_trap_skip(f);
}

static void reset_record(void) {
    n_traps = 0;
    last_cause = last_tval = last_mpp = last_sp = last_epc = 0xFFFFFFFFu;
}

// ---- U-mode functions (they must not call into the SDK: the UART is M-mode only) ----

static uint32_t u_add_one(uint32_t x) { return x + 1u; }

static uint32_t u_syscall(uint32_t x) {
    register uint32_t a0 __asm__("a0") = x;
    __asm__ volatile("ecall" : "+r"(a0)::"memory");
    return a0;
}

static uint32_t u_read_mstatus(uint32_t x) {
    uint32_t v = x;
    __asm__ volatile("csrr %0, mstatus" : "+r"(v)::"memory");  // traps; v keeps x
    return v;
}
static uint32_t u_write_mscratch(uint32_t x) {
    __asm__ volatile("csrw mscratch, %0" ::"r"(x) : "memory");
    return 7u;
}
static uint32_t u_mret(uint32_t x) {
    __asm__ volatile("mret" ::: "memory");
    return x + 2u;
}
static uint32_t u_wfi(uint32_t x) {
    __asm__ volatile("wfi" ::: "memory");
    return x;
}
static uint32_t u_early_exit(uint32_t x) {
    epoxy_user_exit(x * 3u);
}

static uint32_t u_read_counter(uint32_t which) {
    uint32_t v = 0xFFFFFFFFu;
    switch (which) {
        case 0: __asm__ volatile("rdcycle %0" : "+r"(v)::"memory"); break;
        case 1: __asm__ volatile("rdtime %0" : "+r"(v)::"memory"); break;
        case 2: __asm__ volatile("rdinstret %0" : "+r"(v)::"memory"); break;
        case 3: __asm__ volatile("rdcycleh %0" : "+r"(v)::"memory"); break;
        default: __asm__ volatile("csrr %0, mcycle" : "+r"(v)::"memory"); break;
    }
    return v;
}

// Read sp while in U-mode.
static uint32_t u_get_sp(uint32_t x) {
    (void)x;
    uint32_t sp;
    __asm__ volatile("mv %0, sp" : "=r"(sp));
    return sp;
}

static int counter_traps(uint32_t which) {
    reset_record();
    (void)epoxy_run_user(u_read_counter, which, USER_SP);
    return n_traps == 1 && last_cause == EPOXY_CAUSE_ILLEGAL_INSN;
}

int main(void) {
    epoxy_set_trap_handler(handler);
    // U-mode may use all of the SRAM (NAPOT, 256 KiB at EPOXY_SRAM_BASE); nothing else.
    epoxy_csr_write(pmpaddr0, (EPOXY_SRAM_BASE >> 2) | ((EPOXY_SRAM_SIZE >> 3) - 1u));
    epoxy_csr_write(pmpcfg0, EPOXY_PMP_NAPOT | EPOXY_PMP_R | EPOXY_PMP_W | EPOXY_PMP_X);
    const uint32_t user_top = (uint32_t)(uintptr_t)USER_SP;

    // ---- Enter and return ----
    reset_record();
    CHECK(1, epoxy_run_user(u_add_one, 41u, USER_SP) == 42u);
    CHECK(2, n_traps == 0);  // the return ecall is the SDK's, not the handler's
    CHECK(3, epoxy_csr_read(mscratch) == 0);  // M-mode again: mscratch back to 0
    uint32_t usp = epoxy_run_user(u_get_sp, 0, USER_SP);
    CHECK(4, usp <= user_top && usp > user_top - sizeof user_stack);
    CHECK(5, epoxy_run_user(u_early_exit, 5u, USER_SP) == 15u);

    // ---- ecall from U-mode: cause 8, MPP = U, handled on the M-mode stack ----
    reset_record();
    CHECK(10, epoxy_run_user(u_syscall, 7u, USER_SP) == 1007u);
    CHECK(11, n_traps == 1 && last_cause == EPOXY_CAUSE_ECALL_U);
    CHECK(12, last_mpp == EPOXY_MSTATUS_MPP_U);
    CHECK(13, last_sp <= user_top && last_sp > user_top - sizeof user_stack);  // U sp saved
    CHECK(14, handler_sp < EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE &&
                  (handler_sp > user_top || handler_sp < user_top - sizeof user_stack));
    // mstatus.MIE is as it was (off) after the round trip.
    CHECK(15, (epoxy_csr_read(mstatus) & EPOXY_MSTATUS_MIE) == 0);
    // An mret to U-mode clears MPRV (privileged spec 3.1.6.3).
    epoxy_csr_set(mstatus, EPOXY_MSTATUS_MPRV | EPOXY_MSTATUS_MPP_M);
    CHECK(16, epoxy_run_user(u_add_one, 1u, USER_SP) == 2u);
    CHECK(17, (epoxy_csr_read(mstatus) & EPOXY_MSTATUS_MPRV) == 0);
    // M-mode interrupts enabled in mie are taken in U-mode even with mstatus.MIE = 0.
    reset_record();
    epoxy_csr_set(mie, EPOXY_MIP_MSIP);
    epoxy_timer_set_msip(1);  // pending, but masked while in M-mode
    CHECK(18, n_traps == 0 && (epoxy_csr_read(mip) & EPOXY_MIP_MSIP) != 0);
    CHECK(19, epoxy_run_user(u_add_one, 2u, USER_SP) == 3u);
    CHECK(9, n_traps == 1 && last_cause == (EPOXY_MCAUSE_INTERRUPT | EPOXY_IRQ_M_SOFT) &&
                 last_mpp == EPOXY_MSTATUS_MPP_U);
    epoxy_csr_clear(mie, EPOXY_MIP_MSIP);

    // ---- M-mode CSRs and mret are illegal in U-mode; execution resumes in U-mode ----
    reset_record();
    CHECK(20, epoxy_run_user(u_read_mstatus, 0x77u, USER_SP) == 0x77u);
    CHECK(21, n_traps == 1 && last_cause == EPOXY_CAUSE_ILLEGAL_INSN);
    CHECK(22, last_mpp == EPOXY_MSTATUS_MPP_U);
    // mtval = the instruction bits (read as two halfwords: mepc may be 2-byte aligned).
    const volatile uint16_t *insn = (const volatile uint16_t *)last_epc;
    CHECK(23, last_tval == (insn[0] | ((uint32_t)insn[1] << 16)));
    CHECK(29, last_tval == 0x30002573u || (last_tval & 0xFFF0707Fu) == 0x30002073u);
    reset_record();
    const uint32_t scratch_before = epoxy_csr_read(mscratch);
    CHECK(24, epoxy_run_user(u_write_mscratch, 0x1234u, USER_SP) == 7u);
    CHECK(25, n_traps == 1 && last_cause == EPOXY_CAUSE_ILLEGAL_INSN);
    CHECK(26, epoxy_csr_read(mscratch) == scratch_before);
    reset_record();
    CHECK(27, epoxy_run_user(u_mret, 1u, USER_SP) == 3u);
    CHECK(28, n_traps == 1 && last_cause == EPOXY_CAUSE_ILLEGAL_INSN);

    // ---- Counters: each gated by its mcounteren bit in U-mode ----
    epoxy_csr_write(mcounteren, 0);
    CHECK(30, counter_traps(0));
    CHECK(31, counter_traps(1));
    CHECK(32, counter_traps(2));
    CHECK(33, counter_traps(3));
    epoxy_csr_write(mcounteren, EPOXY_MCOUNTEREN_CY);
    reset_record();
    const uint32_t c0 = epoxy_csr_read(mcycle);
    const uint32_t cu = epoxy_run_user(u_read_counter, 0, USER_SP);
    CHECK(34, n_traps == 0 && cu - c0 < 1000u);  // a plausible cycle count
    reset_record();
    (void)epoxy_run_user(u_read_counter, 3, USER_SP);  // cycleh: the same CY bit
    CHECK(35, n_traps == 0);
    CHECK(36, counter_traps(1));  // time still gated
    CHECK(37, counter_traps(2));  // instret still gated
    epoxy_csr_write(mcounteren, EPOXY_MCOUNTEREN_TM);
    reset_record();
    (void)epoxy_run_user(u_read_counter, 1, USER_SP);
    CHECK(38, n_traps == 0);
    CHECK(39, counter_traps(0));
    epoxy_csr_write(mcounteren, EPOXY_MCOUNTEREN_IR);
    reset_record();
    const uint32_t i0 = epoxy_csr_read(minstret);
    const uint32_t iu = epoxy_run_user(u_read_counter, 2, USER_SP);
    CHECK(40, n_traps == 0 && iu - i0 < 1000u && iu != i0);
    CHECK(41, counter_traps(1));
    epoxy_csr_write(mcounteren, EPOXY_MCOUNTEREN_CY | EPOXY_MCOUNTEREN_TM | EPOXY_MCOUNTEREN_IR);
    CHECK(42, counter_traps(4));  // mcycle is an M-mode CSR whatever mcounteren says

    // ---- WFI in U-mode: illegal when mstatus.TW = 1 ----
    epoxy_csr_set(mstatus, EPOXY_MSTATUS_TW);
    reset_record();
    CHECK(50, epoxy_run_user(u_wfi, 9u, USER_SP) == 9u);
    CHECK(51, n_traps == 1 && last_cause == EPOXY_CAUSE_ILLEGAL_INSN);
    epoxy_csr_clear(mstatus, EPOXY_MSTATUS_TW);

    test_pass("test-umode");
    return 0;
}
