// SPDX-License-Identifier: Apache-2.0
// ISA signature program: Zicntr (rdcycle, rdtime, rdinstret and their h forms) and the
// machine counters behind them (mcycle, minstret, mcounteren).
// Counter values themselves differ between simulators, so only properties are stored:
// counters advance (or at least do not go back), the 64-bit reads through the h forms are
// consistent, writes to mcycle/minstret/mcycleh/minstreth take effect, and mcounteren
// decides, bit by bit, whether U-mode may read cycle, time and instret, and mcountinhibit
// stops mcycle and minstret.
#include "isa_macros.h"

// READ64 csr, csrh, lo, hi: consistent 64-bit read (re-read when the high half changed).
.macro READ64 csr, csrh, lo, hi
91: csrr \hi, \csrh
    csrr \lo, \csr
    csrr t0, \csrh
    bne t0, \hi, 91b
.endm

// LE64 alo, ahi, blo, bhi: a4 = 1 if (ahi:alo) <= (bhi:blo), unsigned.
.macro LE64 alo, ahi, blo, bhi
    li a4, 1
    bltu \ahi, \bhi, 93f
    bne \ahi, \bhi, 92f
    bleu \alo, \blo, 93f
92: li a4, 0
93:
.endm

ISA_TEST_BEGIN
    // ---- M-mode: every read form works and counters do not go backwards -------------------
    READ64 cycle, cycleh, s0, s1
    READ64 instret, instreth, s2, s3
    READ64 time, timeh, s4, s5
    .rept 20
    nop
    .endr
    READ64 cycle, cycleh, a0, a1
    LE64 s0, s1, a0, a1
    SIG a4                  // cycle did not go back
    sltu a4, s0, a0
    SIG a4                  // and it advanced over 20 instructions
    READ64 instret, instreth, a0, a1
    LE64 s2, s3, a0, a1
    SIG a4
    sltu a4, s2, a0
    SIG a4                  // instret advanced
    READ64 time, timeh, a0, a1
    LE64 s4, s5, a0, a1
    SIG a4                  // time did not go back (it need not advance this quickly)

    // The user counters read the machine counters.
    csrr a0, mcycle
    csrr a1, cycle
    sltu a4, a1, a0         // cycle read later is not below mcycle read earlier
    xori a4, a4, 1
    SIG a4
    csrr a0, minstret
    csrr a1, instret
    sltu a4, a1, a0
    xori a4, a4, 1
    SIG a4

    // ---- writes ---------------------------------------------------------------------------
    csrw mcycle, zero
    csrr a0, mcycle
    li a1, 0x100000
    sltu a4, a0, a1         // small after a reset to 0
    SIG a4
    csrw minstret, zero
    csrr a0, minstret
    sltu a4, a0, a1
    SIG a4
    li a2, 5
    csrw mcycle, zero       // low half first, so no carry reaches the high half
    csrw mcycleh, a2
    csrr a0, mcycleh
    SIG a0                  // 5
    csrr a0, cycleh
    SIG a0                  // 5
    csrw minstret, zero
    csrw minstreth, a2
    csrr a0, minstreth
    SIG a0                  // 5
    csrr a0, instreth
    SIG a0
    csrw mcycleh, zero
    csrw minstreth, zero

    // ---- mcountinhibit stops mcycle (CY) and minstret (IR) --------------------------------
    // (Bit 1, TM, is read-only zero in the spec but writable in QEMU 7.2: it is not written.)
    li t0, 5
    csrw mcountinhibit, t0
    csrr a0, mcountinhibit
    SIG a0                  // 5
    csrr a0, mcycle
    csrr a1, minstret
    .rept 10
    nop
    .endr
    csrr a2, mcycle
    csrr a3, minstret
    sub a0, a2, a0
    SIG a0                  // 0
    sub a1, a3, a1
    SIG a1                  // 0
    csrw mcountinhibit, zero
    csrr a0, minstret
    nop
    csrr a1, minstret
    sltu a4, a0, a1
    SIG a4                  // counting again

    // ---- mcounteren gates U-mode access, bit by bit ---------------------------------------
    li t0, -1               // PMP: let U-mode access everything
    csrw pmpaddr0, t0
    li t0, 0x1f
    csrw pmpcfg0, t0
    TRAPS_CATCH
    .irp en, 0, 1, 2, 4, 7
    li t0, \en
    csrw mcounteren, t0
    csrr a0, mcounteren
    SIG a0
    li t0, 0x1800
    csrc mstatus, t0        // MPP = U
    la t0, 1f
    csrw mepc, t0
    mret
1:  // U-mode: s7 = cause (2) if the read traps, -1 if it does not
    .irp rd, rdcycle, rdtime, rdinstret, rdcycleh, rdtimeh, rdinstreth
    CATCH \rd a0
    SIG s7
    .endr
    la s9, 2f
    CATCH ecall             // back to M-mode at 2f
    SKIPPED
2:  SIG s7                  // 8: ecall from U-mode
    .endr
    TRAPS_UNEXPECTED
    csrw mcounteren, zero
ISA_TEST_END
