// SPDX-License-Identifier: Apache-2.0
// test-ext-irq: the machine external interrupt (MEI, mip bit 11) and the three local
// (accelerator) interrupts (mip bits 16..18), raised through the sim-only interrupt source
// (EPOXY_SIMIRQ_*) and acknowledged by writing its CLEAR register: mie WARL bits, mip
// read-only, each line taken on its own, priority MEI > MSI > MTI > local 0 > 1 > 2,
// vectored entries at base + 4 * cause, and WFI resuming on a pending local line.
//
// Runs on the ISS and on the core. In lockstep the testbench may also raise MEI and the
// local lines at random cycles, so every check tolerates extra interrupts: counts are
// "at least", and priority is checked on the order in which each cause is first seen (a
// line stays raised until acknowledged, so the first occurrences follow the priority
// order whatever is raised again later).
#include <stdint.h>

#include "epoxy/csr.h"
#include "epoxy/memory_map.h"
#include "epoxy/timer.h"
#include "epoxy/trap.h"
#include "test_common.h"

#define LOCAL(i) EPOXY_SIMIRQ_LOCAL(i)
#define LOCAL_ALL (LOCAL(0) | LOCAL(1) | LOCAL(2))

extern void ext_vector_table(void);  // ext_irq_asm.S
extern volatile uint32_t ext_vec_entry;

static volatile uint32_t n_irq, n_exc, n_by_cause[32], first[8], n_first, seen, vec_check,
    vec_bad;

static void simirq_write(uint32_t reg, uint32_t v) {
    *(volatile uint32_t *)(EPOXY_SIMIRQ_BASE + reg) = v;
}
static uint32_t simirq_pending(void) {
    return *(volatile uint32_t *)(EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_PENDING);
}

static void handler(epoxy_trap_frame_t *f) {
    if (!(f->mcause & EPOXY_MCAUSE_INTERRUPT)) {
        ++n_exc;
        epoxy_trap_skip(f);
        return;
    }
    const uint32_t c = f->mcause & 31u;
    ++n_irq;
    ++n_by_cause[c];
    if (!(seen & (1u << c))) {
        seen |= 1u << c;
        if (n_first < 8) first[n_first++] = c;
    }
    if (vec_check && ext_vec_entry != c) ++vec_bad;
    switch (c) {
        case EPOXY_IRQ_M_SOFT: epoxy_timer_set_msip(0); break;
        case EPOXY_IRQ_M_TIMER: epoxy_timer_disable(); break;
        default: simirq_write(EPOXY_SIMIRQ_CLEAR, 1u << c); break;  // acknowledge the line
    }
}

// Interrupts off, only `mie_bits` enabled, then a clean record.
static void begin_step(uint32_t mie_bits) {
    epoxy_csr_clear(mstatus, EPOXY_MSTATUS_MIE);
    epoxy_csr_write(mie, mie_bits);
    n_irq = n_first = seen = 0;
    for (int i = 0; i < 32; ++i) n_by_cause[i] = 0;
    for (int i = 0; i < 8; ++i) first[i] = 0xFFu;
}

// Spin until every bit of `bits` has been seen as a cause, or the budget runs out.
static int wait_seen(uint32_t bits, uint32_t budget) {
    while ((seen & bits) != bits && budget-- > 0) __asm__ volatile("nop");
    return (seen & bits) == bits;
}

// Spin until mip shows every bit of `bits` (the core samples its lines once per cycle).
static int wait_mip(uint32_t bits) {
    for (int i = 0; i < 100; ++i)
        if ((epoxy_csr_read(mip) & bits) == bits) return 1;
    return 0;
}

int main(void) {
    epoxy_set_trap_handler(handler);
    epoxy_timer_disable();
    epoxy_timer_set_msip(0);
    simirq_write(EPOXY_SIMIRQ_CLEAR, 0xFFFFFFFFu);

    // ---- mie: MEIE and exactly three local enables exist; mip is read-only ----
    begin_step(0);
    epoxy_csr_write(mie, 0xFFFFF800u);
    CHECK(1, epoxy_csr_read(mie) == (EPOXY_MIP_MEIP | LOCAL_ALL));
    epoxy_csr_write(mie, 0);
    simirq_write(EPOXY_SIMIRQ_SET, EPOXY_SIMIRQ_MEI | LOCAL(1));
    CHECK(2, (simirq_pending() & (EPOXY_SIMIRQ_MEI | LOCAL(1))) == (EPOXY_SIMIRQ_MEI | LOCAL(1)));
    CHECK(3, wait_mip(EPOXY_MIP_MEIP | LOCAL(1)));
    epoxy_csr_write(mip, 0);  // read-only: no effect
    CHECK(4, (epoxy_csr_read(mip) & (EPOXY_MIP_MEIP | LOCAL(1))) == (EPOXY_MIP_MEIP | LOCAL(1)));
    CHECK(5, (epoxy_csr_read(mip) & ~0x70888u) == 0);  // no bits that do not exist
    CHECK(6, n_irq == 0);                                // nothing enabled
    simirq_write(EPOXY_SIMIRQ_CLEAR, EPOXY_SIMIRQ_MEI | LOCAL(1));

    // ---- MEI taken once enabled, acknowledged by the handler ----
    begin_step(EPOXY_MIP_MEIP);
    simirq_write(EPOXY_SIMIRQ_SET, EPOXY_SIMIRQ_MEI);
    CHECK(10, n_irq == 0);  // mstatus.MIE = 0
    epoxy_csr_set(mstatus, EPOXY_MSTATUS_MIE);
    CHECK(11, wait_seen(1u << EPOXY_IRQ_M_EXT, 1000) && first[0] == EPOXY_IRQ_M_EXT);

    // ---- Each local line on its own ----
    for (uint32_t i = 0; i < 3; ++i) {
        begin_step(LOCAL(i));
        simirq_write(EPOXY_SIMIRQ_SET, LOCAL(i));
        epoxy_csr_set(mstatus, EPOXY_MSTATUS_MIE);
        CHECK(20 + (int)i, wait_seen(1u << (16 + i), 1000) && first[0] == 16 + i);
    }

    // ---- Priority: MEI > MSI > MTI > local 0 > local 1 > local 2 ----
    begin_step(EPOXY_MIP_MEIP | EPOXY_MIP_MSIP | EPOXY_MIP_MTIP | LOCAL_ALL);
    simirq_write(EPOXY_SIMIRQ_SET, EPOXY_SIMIRQ_MEI | LOCAL_ALL);
    epoxy_timer_set_msip(1);
    epoxy_timer_set_cmp(0);
    CHECK(30, wait_mip(EPOXY_MIP_MEIP | EPOXY_MIP_MSIP | EPOXY_MIP_MTIP | LOCAL_ALL));
    epoxy_csr_set(mstatus, EPOXY_MSTATUS_MIE);
    CHECK(31, wait_seen((1u << 11) | (1u << 3) | (1u << 7) | (7u << 16), 1000));
    CHECK(32, n_first >= 6 && first[0] == 11 && first[1] == 3 && first[2] == 7 &&
                  first[3] == 16 && first[4] == 17 && first[5] == 18);

    // ---- Vectored mtvec: MEI and local lines enter at base + 4 * cause ----
    begin_step(EPOXY_MIP_MEIP | LOCAL_ALL);
    const uint32_t table = (uint32_t)(uintptr_t)&ext_vector_table;
    epoxy_csr_write(mtvec, table | 1u);
    CHECK(40, epoxy_csr_read(mtvec) == (table | 1u));
    vec_check = 1;
    vec_bad = 0;
    simirq_write(EPOXY_SIMIRQ_SET, EPOXY_SIMIRQ_MEI | LOCAL_ALL);
    epoxy_csr_set(mstatus, EPOXY_MSTATUS_MIE);
    CHECK(41, wait_seen((1u << 11) | (7u << 16), 1000));
    epoxy_csr_clear(mstatus, EPOXY_MSTATUS_MIE);
    vec_check = 0;
    epoxy_csr_write(mtvec, (uint32_t)(uintptr_t)&epoxy_trap_vector);  // back to direct mode
    CHECK(42, vec_bad == 0);

    // ---- WFI with mstatus.MIE = 0 resumes on a pending local line without a trap ----
    begin_step(LOCAL(2));
    simirq_write(EPOXY_SIMIRQ_SET, LOCAL(2));
    __asm__ volatile("wfi");
    CHECK(50, n_irq == 0);
    epoxy_csr_set(mstatus, EPOXY_MSTATUS_MIE);  // now it is taken
    CHECK(51, wait_seen(1u << 18, 1000));

    begin_step(0);
    simirq_write(EPOXY_SIMIRQ_CLEAR, 0xFFFFFFFFu);
    CHECK(60, n_exc == 0);
    test_pass("test-ext-irq");
    return 0;
}
