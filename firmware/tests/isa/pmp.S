// SPDX-License-Identifier: Apache-2.0
// ISA signature program: physical memory protection (PMP).
// Entries: 0 NA4 read-only word, 1 NAPOT 32-byte no-access block, 2/3 TOR read-write
// range (holding an instruction, to show X is needed to execute), 4 a locked NA4
// read-only word (set up last), 5 NAPOT 256 KiB RWX window over the program. Checked
// from U-mode: grant and deny of loads, stores and fetches, entry priority (lower index
// wins), range boundaries, no matching entry (denied in U-mode); from M-mode: unlocked
// entries do not apply, locked ones do, locked entries ignore writes, mstatus.MPRV makes
// M-mode loads and stores use MPP's privilege. Each access stores mcause (-1 when allowed)
// and mepc relative to the access; the pmpcfg/pmpaddr values read back are stored
// (addresses as differences).
#include "isa_macros.h"

// ACCESS insn: run insn and store mcause (-1 if no trap) and mepc - insn.
.macro ACCESS insn:vararg
    CATCH \insn
    SIG s7
    SIG s6
.endm

ISA_TEST_BEGIN
    TRAPS_CATCH
    // ---- configuration --------------------------------------------------------------------
    la t0, pmp_na4
    srli t0, t0, 2
    csrw pmpaddr0, t0
    la t0, pmp_napot
    srli t0, t0, 2
    ori t0, t0, 0x3         // 32 bytes
    csrw pmpaddr1, t0
    la t0, pmp_tor_lo
    srli t0, t0, 2
    csrw pmpaddr2, t0
    la t0, pmp_tor_hi
    srli t0, t0, 2
    csrw pmpaddr3, t0
    la t0, _start           // the 256 KiB-aligned window holding the program
    li t1, ~0x3ffff
    and t0, t0, t1
    srli t0, t0, 2
    li t1, 0x7fff
    or t0, t0, t1
    csrw pmpaddr5, t0
    li t0, 0x0b001811       // 3: TOR RW, 2: off, 1: NAPOT ---, 0: NA4 R
    csrw pmpcfg0, t0
    li t0, 0x00001f00       // 5: NAPOT RWX, 4: off (locked later)
    csrw pmpcfg1, t0

    csrr a0, pmpcfg0
    SIG a0
    csrr a0, pmpcfg1
    SIG a0
    csrr a0, pmpaddr1
    la t0, pmp_napot
    srli t0, t0, 2
    sub a0, a0, t0
    SIG a0                  // 3
    csrr a0, pmpaddr3
    csrr a1, pmpaddr2
    sub a0, a0, a1
    SIG a0                  // TOR size in words

    // ---- U-mode ---------------------------------------------------------------------------
    la s0, pmp_na4
    la s1, pmp_napot
    la s2, pmp_tor_lo
    la s3, pmp_tor_hi
    li s4, 0x1000           // ROM on both platforms: mapped, but no PMP entry covers it
    li t0, 0x1800
    csrc mstatus, t0        // MPP = U
    la t0, 1f
    csrw mepc, t0
    mret
1:  li a1, 0
    ACCESS lw a1, 0(s0)     // NA4 R: allowed
    SIG a1
    ACCESS lbu a1, 3(s0)
    ACCESS sw a1, 0(s0)     // no W: 7 (entry 5 would allow it, entry 0 wins)
    ACCESS sb a1, 1(s0)
    ACCESS lw a1, 0(s1)     // NAPOT ---: 5
    ACCESS lb a1, 31(s1)    // last byte of the block
    ACCESS sw a1, 28(s1)
    ACCESS lw a1, 32(s1)    // first word after the block: TOR RW
    ACCESS lw a1, -4(s1)    // word before the block: entry 5
    ACCESS sw a1, 0(s2)     // TOR RW
    ACCESS lw a1, 0(s2)
    ACCESS sw a1, -4(s3)    // last word of the TOR range
    ACCESS lw a1, 0(s3)     // just above it: entry 5
    ACCESS lw a1, 0(s4)     // no entry matches: 5
    ACCESS sw a1, 0(s4)     // 7
    la s9, 2f
    addi a2, s2, 4          // an instruction in the TOR range: no X
    CATCH jalr ra, 0(a2)
    SKIPPED
2:  SIG s7                  // 1, resumed in M-mode
    add a0, s6, s10
    sub a0, a0, a2
    SIG a0                  // mepc = the target
    li t0, 0x1800
    csrc mstatus, t0        // back to U-mode
    la t0, 3f
    csrw mepc, t0
    mret
3:  la s9, 4f
    CATCH jalr ra, 0(s4)    // fetch with no matching entry: 1
    SKIPPED
4:  SIG s7
    add a0, s6, s10
    sub a0, a0, s4
    SIG a0

    // ---- M-mode: unlocked entries do not apply --------------------------------------------
    ACCESS lw a1, 0(s1)
    ACCESS sw a1, 0(s1)
    ACCESS sw a1, 0(s0)
    ACCESS lw a1, 0(s4)
    la a2, 5f               // fetch from the TOR range (entry 3 has no X)
    addi a2, s2, 4
    li ra, 0
    CATCH jalr ra, 0(a2)    // the routine there is `ret`
5:  SIG s7

    // ---- mstatus.MPRV: M-mode loads and stores with MPP's privilege -----------------------
    li t0, 0x1800
    csrc mstatus, t0        // MPP = U
    li t0, 0x20000
    csrs mstatus, t0        // MPRV = 1
    csrw mtval, zero
    ACCESS lw a1, 0(s1)     // as U: 5 (the trap sets MPP = M, so the handler runs as M)
    csrr a0, mtval
    sub a0, a0, s1
    SIG a0                  // mtval = the address
    li t0, 0x1800
    csrc mstatus, t0        // MPP = U again
    ACCESS lw a1, 0(s0)     // as U: allowed
    ACCESS sw a1, 0(s0)     // as U: 7
    li t0, 0x1800
    csrs mstatus, t0        // MPP = M
    ACCESS sw a1, 4(s1)     // as M: allowed
    li t0, 0x20000
    csrc mstatus, t0        // MPRV = 0

    // ---- locked entry 4: applies to M-mode, and ignores writes ----------------------------
    la s5, pmp_locked
    srli t0, s5, 2
    csrw pmpaddr4, t0
    li t0, 0x00001f91       // 5: NAPOT RWX, 4: L, NA4, R
    csrw pmpcfg1, t0
    ACCESS lw a1, 0(s5)
    SIG a1
    csrw mtval, zero
    ACCESS sw a1, 0(s5)     // 7 even in M-mode
    csrr a0, mtval
    sub a0, a0, s5
    SIG a0
    ACCESS sw a1, 4(s5)     // the next word: entry 5 does not apply to M, so allowed
    li t0, 0x00001f9f       // try to make entry 4 RWX
    csrw pmpcfg1, t0
    csrr a0, pmpcfg1
    SIG a0                  // 0x1f91
    addi t0, s5, 64
    srli t0, t0, 2
    csrw pmpaddr4, t0       // try to move it
    csrr a0, pmpaddr4
    srli t0, s5, 2
    sub a0, a0, t0
    SIG a0                  // 0: unchanged
    ACCESS sw a1, 0(s5)     // still 7

    // ---- a locked TOR entry also locks the pmpaddr below it (its base) --------------------
    li t0, 0x8b001811       // 3: L, TOR, RW
    csrw pmpcfg0, t0
    csrr a0, pmpaddr2
    addi t0, a0, 16
    csrw pmpaddr2, t0
    csrr a1, pmpaddr2
    sub a1, a1, a0
    SIG a1                  // 0: unchanged
    csrr a0, pmpaddr1       // an unrelated unlocked entry still takes writes
    addi t0, a0, 8
    csrw pmpaddr1, t0
    csrr a1, pmpaddr1
    sub a1, a1, a0
    SIG a1                  // 8
    csrr a0, pmpcfg0
    SIG a0

    // Not tested: writing the reserved R = 0, W = 1 to a pmpcfg entry. Epoxy keeps the entry
    // as it was (WARL); QEMU 7.2 stores the reserved value.

    TRAPS_UNEXPECTED

    .data
    .balign 64
pmp_na4:
    .word 0x11111111
    .balign 32
    .word 0                 // the word before the NAPOT block
    .balign 32
pmp_napot:
    .skip 32
pmp_tor_lo:
    .word 0x22222222
    ret                     // executable only where X is granted
    .skip 24
pmp_tor_hi:
    .word 0x44444444
    .balign 16
pmp_locked:
    .word 0x33333333
    .word 0
    .text
ISA_TEST_END
