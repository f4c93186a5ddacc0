// SPDX-License-Identifier: Apache-2.0
// test-interrupts: machine timer interrupt (mtime >= mtimecmp), machine software interrupt
// (msip), masking by mie and mstatus.MIE, mip reporting pending lines, WFI wake-up (with the
// trap taken, and with interrupts globally off, where WFI just resumes), mstatus.MPIE/MIE
// on entry and after mret, priority (MSI before MTI), and vectored mtvec (entry = cause).
#include <stdint.h>

#include "epoxy/csr.h"
#include "epoxy/timer.h"
#include "epoxy/trap.h"
#include "test_common.h"

extern void test_vector_table(void);  // interrupts_asm.S
extern volatile uint32_t vec_last_entry;

static volatile uint32_t n_irq, n_msi, n_mti, n_exc, last_cause, last_tval, live_mstatus,
    frame_mstatus, order[4];

static void handler(epoxy_trap_frame_t *f) {
    last_cause = f->mcause;
    last_tval = f->mtval;
    frame_mstatus = f->mstatus;
    live_mstatus = epoxy_csr_read(mstatus);
    if (f->mcause & EPOXY_MCAUSE_INTERRUPT) {
        if (n_irq < 4) order[n_irq] = f->mcause & 31u;
        ++n_irq;
        switch (f->mcause & ~EPOXY_MCAUSE_INTERRUPT) {
            case EPOXY_IRQ_M_SOFT:
                ++n_msi;
                epoxy_timer_set_msip(0);  // acknowledge
                break;
            case EPOXY_IRQ_M_TIMER:
                ++n_mti;
                epoxy_timer_disable();  // acknowledge: mtimecmp to the maximum
                break;
            default: break;
        }
        return;  // interrupts resume at mepc
    }
    ++n_exc;
    epoxy_trap_skip(f);
}

static void reset_record(void) {
    n_irq = n_msi = n_mti = n_exc = 0;
    last_cause = last_tval = 0xFFFFFFFFu;
    for (int i = 0; i < 4; ++i) order[i] = 0xFFu;
}

// Spin until `flag` becomes nonzero or the budget runs out; returns the flag.
static uint32_t spin_until(volatile uint32_t *flag, uint32_t budget) {
    while (*flag == 0 && budget-- > 0) __asm__ volatile("nop");
    return *flag;
}

int main(void) {
    epoxy_set_trap_handler(handler);
    epoxy_timer_disable();
    epoxy_timer_set_msip(0);
    CHECK(1, epoxy_timer_mtimecmp() == 0xFFFFFFFFFFFFFFFFull);
    CHECK(2, (epoxy_csr_read(mip) & (EPOXY_MIP_MTIP | EPOXY_MIP_MSIP)) == 0);
    const uint64_t t0 = epoxy_timer_mtime();
    CHECK(3, epoxy_timer_mtime() > t0);  // mtime advances
    CHECK(4, epoxy_rdtime64() >= t0);    // the time CSR mirrors mtime

    // ---- Timer interrupt ----
    reset_record();
    epoxy_csr_set(mie, EPOXY_MIP_MTIP);
    epoxy_csr_set(mstatus, EPOXY_MSTATUS_MIE);
    epoxy_timer_set_relative(200);
    CHECK(10, spin_until(&n_mti, 100000) == 1);
    CHECK(11, last_cause == (EPOXY_MCAUSE_INTERRUPT | EPOXY_IRQ_M_TIMER) && last_tval == 0);
    // On entry: MIE = 0, MPIE = 1 (it was enabled), MPP = M; after mret MIE = 1 again.
    CHECK(12, (live_mstatus & EPOXY_MSTATUS_MIE) == 0);
    CHECK(13, (frame_mstatus & EPOXY_MSTATUS_MPIE) != 0);
    CHECK(14, (frame_mstatus & EPOXY_MSTATUS_MPP) == EPOXY_MSTATUS_MPP_M);
    CHECK(15, (epoxy_csr_read(mstatus) & EPOXY_MSTATUS_MIE) != 0);
    CHECK(16, (epoxy_csr_read(mip) & EPOXY_MIP_MTIP) == 0);  // acknowledged

    // ---- Masked by mstatus.MIE: pending in mip, taken once enabled ----
    reset_record();
    epoxy_csr_clear(mstatus, EPOXY_MSTATUS_MIE);
    epoxy_timer_set_relative(10);
    for (volatile int i = 0; i < 100; ++i) {
    }
    CHECK(20, n_irq == 0);
    CHECK(21, (epoxy_csr_read(mip) & EPOXY_MIP_MTIP) != 0);
    epoxy_csr_set(mstatus, EPOXY_MSTATUS_MIE);
    CHECK(22, n_mti == 1);  // taken right after the csrs
    // ---- Masked by mie.MTIE ----
    reset_record();
    epoxy_csr_clear(mie, EPOXY_MIP_MTIP);
    epoxy_timer_set_relative(10);
    for (volatile int i = 0; i < 100; ++i) {
    }
    CHECK(23, n_irq == 0 && (epoxy_csr_read(mip) & EPOXY_MIP_MTIP) != 0);
    epoxy_timer_disable();
    CHECK(24, (epoxy_csr_read(mip) & EPOXY_MIP_MTIP) == 0);  // level: follows mtimecmp

    // ---- Software interrupt ----
    reset_record();
    epoxy_csr_set(mie, EPOXY_MIP_MSIP);
    epoxy_timer_set_msip(1);
    CHECK(30, spin_until(&n_msi, 1000) == 1);
    CHECK(31, last_cause == (EPOXY_MCAUSE_INTERRUPT | EPOXY_IRQ_M_SOFT));
    CHECK(32, (epoxy_csr_read(mip) & EPOXY_MIP_MSIP) == 0);
    CHECK(33, n_irq == 1);

    // ---- Both pending at once: software before timer (priority MEI > MSI > MTI) ----
    reset_record();
    epoxy_csr_clear(mstatus, EPOXY_MSTATUS_MIE);
    epoxy_csr_set(mie, EPOXY_MIP_MTIP | EPOXY_MIP_MSIP);
    epoxy_timer_set_cmp(0);  // mtime >= 0: pending now
    epoxy_timer_set_msip(1);
    epoxy_csr_set(mstatus, EPOXY_MSTATUS_MIE);
    CHECK(34, n_irq == 2 && order[0] == EPOXY_IRQ_M_SOFT && order[1] == EPOXY_IRQ_M_TIMER);

    // ---- WFI wakes up on the timer and takes the interrupt ----
    reset_record();
    epoxy_csr_clear(mie, EPOXY_MIP_MSIP);
    uint64_t before = epoxy_timer_mtime();
    epoxy_timer_set_cmp(before + 5000);
    __asm__ volatile("wfi");
    CHECK(40, n_mti == 1);
    CHECK(41, epoxy_timer_mtime() >= before + 5000);
    // ---- WFI with interrupts globally off: resumes without taking the interrupt ----
    reset_record();
    epoxy_csr_clear(mstatus, EPOXY_MSTATUS_MIE);
    before = epoxy_timer_mtime();
    epoxy_timer_set_cmp(before + 3000);
    __asm__ volatile("wfi");
    CHECK(42, n_irq == 0);
    CHECK(43, (epoxy_csr_read(mip) & EPOXY_MIP_MTIP) != 0);
    CHECK(44, epoxy_timer_mtime() >= before + 3000);
    epoxy_csr_set(mstatus, EPOXY_MSTATUS_MIE);  // now it is taken
    CHECK(45, n_mti == 1);

    // ---- Vectored mtvec: interrupts enter at base + 4 * cause, exceptions at base ----
    reset_record();
    const uint32_t table = (uint32_t)(uintptr_t)&test_vector_table;
    epoxy_csr_write(mtvec, table | 1u);
    CHECK(50, epoxy_csr_read(mtvec) == (table | 1u));
    vec_last_entry = 0;
    epoxy_csr_set(mie, EPOXY_MIP_MSIP);
    epoxy_timer_set_msip(1);
    CHECK(51, spin_until(&n_msi, 1000) == 1 && vec_last_entry == 3);
    vec_last_entry = 0;
    epoxy_timer_set_relative(100);
    CHECK(52, spin_until(&n_mti, 100000) == 1 && vec_last_entry == 7);
    vec_last_entry = 0;
    __asm__ volatile("ecall" ::: "memory");
    CHECK(53, n_exc == 1 && vec_last_entry == 100 && last_cause == EPOXY_CAUSE_ECALL_M);
    vec_last_entry = 0;
    epoxy_csr_write(mtvec, (uint32_t)(uintptr_t)&epoxy_trap_vector);  // back to direct mode
    epoxy_timer_set_msip(1);
    CHECK(54, spin_until(&n_msi, 1000) == 2 && vec_last_entry == 0);

    epoxy_csr_clear(mstatus, EPOXY_MSTATUS_MIE);
    epoxy_csr_write(mie, 0);
    test_pass("test-interrupts");
    return 0;
}
