// SPDX-License-Identifier: Apache-2.0
// test-pmp: physical memory protection. U-mode loads, stores and fetches are granted or
// denied by NA4, NAPOT and TOR regions (lowest-numbered matching entry wins; no match
// means no access for U-mode); M-mode ignores unlocked entries; mstatus.MPRV with MPP = U
// makes M-mode loads and stores use U-mode permissions; a locked entry binds M-mode too and
// ignores later writes to its pmpcfg and pmpaddr.
//
// Entries: 0 NA4 R on na4_words[1]; 1 NAPOT (none) on the first 256 bytes of napot_buf;
// 2..3 TOR R on tor_buf[4..11]; 4 NAPOT RWX on the whole SRAM (code, data and stacks).
#include <stdint.h>

#include "epoxy/csr.h"
#include "epoxy/memory_map.h"
#include "epoxy/trap.h"
#include "epoxy/umode.h"
#include "test_common.h"

static volatile uint32_t na4_words[4] __attribute__((aligned(16))) = {1, 2, 3, 4};
static volatile uint32_t napot_buf[128] __attribute__((aligned(256)));
static volatile uint32_t tor_buf[16] __attribute__((aligned(64)));
static volatile uint32_t locked_words[2] __attribute__((aligned(8))) = {0x10C0, 0x10C1};
static uint8_t user_stack[1024] __attribute__((aligned(16)));
#define USER_SP ((void *)(user_stack + sizeof user_stack))

static volatile uint32_t n_traps, last_cause, last_tval, last_mpp;

static void handler(epoxy_trap_frame_t *f) {
    ++n_traps;
    last_cause = f->mcause;
    last_tval = f->mtval;
    last_mpp = f->mstatus & EPOXY_MSTATUS_MPP;
    if (f->mcause == EPOXY_CAUSE_INSN_ACCESS) {
        f->mepc = f->x[1];  // a call to a forbidden address: back to its caller (U-mode)
        return;
    }
    epoxy_trap_skip(f);
}

static void reset_record(void) {
    n_traps = 0;
    last_cause = last_tval = last_mpp = 0xFFFFFFFFu;
}

static uint32_t u_load(uint32_t addr) {
    uint32_t v = 0xBAD0BAD0u;
    __asm__ volatile("lw %0, 0(%1)" : "+r"(v) : "r"(addr) : "memory");
    return v;
}
static uint32_t u_store(uint32_t addr) {
    __asm__ volatile("sw %0, 0(%1)" ::"r"(0xA5A5A5A5u), "r"(addr) : "memory");
    return 0;
}

#define A(p) ((uint32_t)(uintptr_t)(p))

// One U-mode access; returns 1 when it completed, 0 when it faulted with the expected
// cause and mtval = addr, and -1 otherwise.
static int user_access(int store, uint32_t addr) {
    reset_record();
    (void)epoxy_run_user(store ? u_store : u_load, addr, USER_SP);
    if (n_traps == 0) return 1;
    const uint32_t cause = store ? EPOXY_CAUSE_STORE_ACCESS : EPOXY_CAUSE_LOAD_ACCESS;
    if (n_traps == 1 && last_cause == cause && last_tval == addr &&
        last_mpp == EPOXY_MSTATUS_MPP_U)
        return 0;
    return -1;
}

// M-mode load with mstatus.MPRV = 1 and MPP = mpp; 1 completed, 0 faulted (cause 5).
static int mprv_load(uint32_t addr, uint32_t mpp) {
    reset_record();
    uint32_t v = 0;
    epoxy_csr_clear(mstatus, EPOXY_MSTATUS_MPP);
    epoxy_csr_set(mstatus, mpp);
    __asm__ volatile("csrs mstatus, %1\n"
                     "lw %0, 0(%2)\n"
                     "csrc mstatus, %1"
                     : "+r"(v)
                     : "r"(EPOXY_MSTATUS_MPRV), "r"(addr)
                     : "memory");
    if (n_traps == 0) return 1;
    return n_traps == 1 && last_cause == EPOXY_CAUSE_LOAD_ACCESS && last_tval == addr ? 0 : -1;
}
static int mprv_store(uint32_t addr, uint32_t mpp) {
    reset_record();
    epoxy_csr_clear(mstatus, EPOXY_MSTATUS_MPP);
    epoxy_csr_set(mstatus, mpp);
    __asm__ volatile("csrs mstatus, %0\n"
                     "sw %2, 0(%1)\n"
                     "csrc mstatus, %0"
                     :
                     : "r"(EPOXY_MSTATUS_MPRV), "r"(addr), "r"(0x5A5A5A5Au)
                     : "memory");
    if (n_traps == 0) return 1;
    return n_traps == 1 && last_cause == EPOXY_CAUSE_STORE_ACCESS && last_tval == addr ? 0 : -1;
}

int main(void) {
    epoxy_set_trap_handler(handler);

    // ---- Set up the regions ----
    epoxy_csr_write(pmpaddr0, A(&na4_words[1]) >> 2);
    epoxy_csr_write(pmpaddr1, (A(napot_buf) >> 2) | ((256u >> 3) - 1u));
    epoxy_csr_write(pmpaddr2, A(&tor_buf[4]) >> 2);
    epoxy_csr_write(pmpaddr3, A(&tor_buf[12]) >> 2);
    epoxy_csr_write(pmpaddr4, (EPOXY_SRAM_BASE >> 2) | ((EPOXY_SRAM_SIZE >> 3) - 1u));
    const uint32_t cfg0 = (EPOXY_PMP_NA4 | EPOXY_PMP_R) | (EPOXY_PMP_NAPOT << 8) |
                          (EPOXY_PMP_OFF << 16) | ((EPOXY_PMP_TOR | EPOXY_PMP_R) << 24);
    epoxy_csr_write(pmpcfg0, cfg0);
    epoxy_csr_write(pmpcfg1, EPOXY_PMP_NAPOT | EPOXY_PMP_R | EPOXY_PMP_W | EPOXY_PMP_X);
    CHECK(1, epoxy_csr_read(pmpcfg0) == cfg0);
    CHECK(2, epoxy_csr_read(pmpaddr2) == A(&tor_buf[4]) >> 2);

    // ---- NA4: exactly one word, read-only ----
    CHECK(10, user_access(0, A(&na4_words[1])) == 1);
    CHECK(11, user_access(1, A(&na4_words[1])) == 0);
    CHECK(12, na4_words[1] == 2u);  // the store did not happen
    CHECK(13, user_access(1, A(&na4_words[0])) == 1);  // neighbours: entry 4, writable
    CHECK(14, user_access(1, A(&na4_words[2])) == 1);
    CHECK(15, na4_words[0] == 0xA5A5A5A5u && na4_words[2] == 0xA5A5A5A5u);

    // ---- NAPOT with no permissions: 256 bytes denied, the next word is fine ----
    CHECK(20, user_access(0, A(&napot_buf[0])) == 0);
    CHECK(21, user_access(1, A(&napot_buf[63])) == 0);
    CHECK(22, user_access(0, A(&napot_buf[64])) == 1);
    CHECK(23, user_access(1, A(&napot_buf[64])) == 1);
    // ... and not executable: calling into it faults on the fetch, mtval = the address.
    reset_record();
    (void)epoxy_run_user((epoxy_user_fn_t)(uintptr_t)A(&napot_buf[8]), 0, USER_SP);
    CHECK(24, n_traps == 1 && last_cause == EPOXY_CAUSE_INSN_ACCESS);
    CHECK(25, last_tval == A(&napot_buf[8]) && last_mpp == EPOXY_MSTATUS_MPP_U);

    // ---- TOR [tor_buf[4], tor_buf[12]): read-only; the bounds are exact ----
    CHECK(30, user_access(0, A(&tor_buf[4])) == 1);
    CHECK(31, user_access(1, A(&tor_buf[4])) == 0);
    CHECK(32, user_access(1, A(&tor_buf[11])) == 0);
    CHECK(33, user_access(1, A(&tor_buf[12])) == 1);  // top is exclusive
    CHECK(34, user_access(1, A(&tor_buf[3])) == 1);   // below the base
    CHECK(35, tor_buf[4] == 0 && tor_buf[11] == 0 && tor_buf[12] == 0xA5A5A5A5u);

    // ---- No matching entry: U-mode is denied (a device register) ----
    CHECK(40, user_access(0, EPOXY_UART_BASE + EPOXY_UART_STATUS) == 0);

    // ---- M-mode ignores unlocked entries ----
    reset_record();
    napot_buf[0] = 0x600Du;
    tor_buf[5] = 0x600Du;
    na4_words[1] = 0x600Du;
    CHECK(50, n_traps == 0 && napot_buf[0] == 0x600Du && tor_buf[5] == 0x600Du);

    // ---- MPRV: M-mode loads and stores with MPP's permissions ----
    CHECK(60, mprv_load(A(&napot_buf[0]), EPOXY_MSTATUS_MPP_U) == 0);
    CHECK(61, mprv_load(A(&napot_buf[0]), EPOXY_MSTATUS_MPP_M) == 1);
    CHECK(62, mprv_load(A(&tor_buf[5]), EPOXY_MSTATUS_MPP_U) == 1);
    CHECK(63, mprv_store(A(&tor_buf[5]), EPOXY_MSTATUS_MPP_U) == 0);
    CHECK(64, tor_buf[5] == 0x600Du);
    CHECK(65, mprv_store(A(&tor_buf[5]), EPOXY_MSTATUS_MPP_M) == 1);
    CHECK(66, tor_buf[5] == 0x5A5A5A5Au);
    CHECK(67, (epoxy_csr_read(mstatus) & EPOXY_MSTATUS_MPRV) == 0);

    // ---- Locked entry (last: it stays locked until reset). Entry 0 becomes NA4, R, L on
    // locked_words[0]: M-mode may read but not write it, and the entry cannot change. ----
    const uint32_t locked_cfg = (cfg0 & ~0xFFu) | EPOXY_PMP_NA4 | EPOXY_PMP_R | EPOXY_PMP_L;
    epoxy_csr_write(pmpaddr0, A(&locked_words[0]) >> 2);
    epoxy_csr_write(pmpcfg0, locked_cfg);
    CHECK(70, epoxy_csr_read(pmpcfg0) == locked_cfg);
    reset_record();
    const uint32_t lw0 = locked_words[0];
    CHECK(71, n_traps == 0 && lw0 == 0x10C0u);
    reset_record();
    locked_words[0] = 0xDEADu;
    CHECK(72, n_traps == 1 && last_cause == EPOXY_CAUSE_STORE_ACCESS);
    CHECK(73, last_tval == A(&locked_words[0]) && last_mpp == EPOXY_MSTATUS_MPP_M);
    CHECK(74, locked_words[0] == 0x10C0u);
    reset_record();
    locked_words[1] = 0xBEEFu;  // the next word: entry 4 does not bind M-mode
    CHECK(75, n_traps == 0 && locked_words[1] == 0xBEEFu);
    epoxy_csr_write(pmpaddr0, A(&na4_words[0]) >> 2);  // ignored
    epoxy_csr_write(pmpcfg0, cfg0);                     // entry 0 ignored, 1..3 written
    CHECK(76, epoxy_csr_read(pmpaddr0) == A(&locked_words[0]) >> 2);
    CHECK(77, (epoxy_csr_read(pmpcfg0) & 0xFFu) == (EPOXY_PMP_NA4 | EPOXY_PMP_R | EPOXY_PMP_L));
    reset_record();
    locked_words[0] = 0xDEADu;
    CHECK(78, n_traps == 1 && last_cause == EPOXY_CAUSE_STORE_ACCESS);
    CHECK(79, user_access(0, A(&locked_words[0])) == 1);  // U-mode: same rules (R)
    CHECK(80, user_access(1, A(&locked_words[0])) == 0);

    test_pass("test-pmp");
    return 0;
}
