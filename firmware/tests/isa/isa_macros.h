// SPDX-License-Identifier: Apache-2.0
// Shared framework for the ISA signature programs (firmware/tests/isa/*.S).
//
// Every program is bare assembly: its own startup, no SDK, no C library. It stores its
// results as 32-bit words into a signature region in .data, delimited by the global
// symbols begin_signature and end_signature, prints the region over the UART between the
// lines "SIGNATURE BEGIN" and "SIGNATURE END" (one word per line, 8 lowercase hex digits)
// and exits with code 0. The same source is built twice: for the Epoxy memory map
// (default) and, with -DISA_PLATFORM_QEMU, for QEMU's `virt` machine. Signature values
// never contain absolute addresses, only differences, so both builds must agree.
//
// Register conventions inside a program:
//   s11  signature pointer (SIG stores at 0(s11) and advances it)
//   s10  base address for trap records (the catching handler sets s6 = mepc - s10)
//   s9   if non-zero when a caught trap is taken, the handler resumes there in M-mode
//   s6, s7  set by the catching handler (TRAPS_CATCH / CATCH): mepc - s10, mcause
//   t5, t6  clobbered by the trap handlers and the output routines
//
// The body is assembled with `.option norvc` (every instruction 32 bits unless a program
// opts in to RVC), so the code layout is exactly what the source says.
//
// Usage:
//   #include "isa_macros.h"
//   ISA_TEST_BEGIN
//     ... test code, SIG reg ...
//   ISA_TEST_END
#ifndef EPOXY_ISA_MACROS_H
#define EPOXY_ISA_MACROS_H

// ---- Platform layer --------------------------------------------------------------------
// Per platform: the UART, the exit mechanism, the machine software-interrupt register
// (MSIP) and the machine timer (mtime, mtimecmp). ISA_UNMAPPED (0x9000_0000) is unmapped
// on both platforms.
#define ISA_UNMAPPED 0x90000000
#if defined(ISA_PLATFORM_QEMU)
// QEMU virt: ns16550 UART (byte THR at offset 0) and the sifive_test finisher.
#define ISA_UART_THR 0x10000000
#define ISA_TEST_FINISHER 0x00100000
#define ISA_FINISHER_PASS 0x5555
#define ISA_FINISHER_FAIL 0x3333
#define ISA_MSIP 0x02000000          // ACLINT SWI, hart 0
#define ISA_MTIME 0x0200bff8         // ACLINT MTIMER: mtime (64 bits)
#define ISA_MTIMECMP 0x02004000      // ACLINT MTIMER: mtimecmp of hart 0 (64 bits)
#else
// Epoxy (sw/include/epoxy/memory_map.h): UART TXDATA/STATUS and SIMCTL EXIT. The device
// registers accept only naturally aligned 32-bit accesses.
#define ISA_UART_BASE 0x20000000
#define ISA_UART_TXDATA 0x00
#define ISA_UART_STATUS 0x08
#define ISA_UART_TX_FULL 0x1
#define ISA_SIMCTL_EXIT 0x20003000
#define ISA_MSIP 0x20001010          // EPOXY_TIMER_BASE + EPOXY_TIMER_MSIP
#define ISA_MTIME 0x20001000         // EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME (64 bits)
#define ISA_MTIMECMP 0x20001008      // EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMP (64 bits)
#endif

// Interesting operand values.
#define INT_MIN 0x80000000
#define INT_MAX 0x7fffffff

// PUTC reg: send the low byte of reg to the UART. Clobbers t5, t6.
#if defined(ISA_PLATFORM_QEMU)
.macro PUTC reg
    li t6, ISA_UART_THR
    sb \reg, 0(t6)
.endm
#else
.macro PUTC reg
    li t6, ISA_UART_BASE
91: lw t5, ISA_UART_STATUS(t6)
    andi t5, t5, ISA_UART_TX_FULL
    bnez t5, 91b
    sw \reg, ISA_UART_TXDATA(t6)
.endm
#endif

// ---- Signature -------------------------------------------------------------------------
// SIG reg: append reg to the signature. The assembler counts the words so the region in
// .data is sized automatically; words stored by a loop (one SIG executed several times)
// must be declared with SIG_RESERVE n. _isa_finish checks the count.
.macro SIG reg
    sw \reg, 0(s11)
    addi s11, s11, 4
    .set _isa_sig_words, _isa_sig_words + 1
.endm

.macro SIG_RESERVE n
    .set _isa_sig_words, _isa_sig_words + (\n)
.endm

// SIG_BOOL cond, a, b: append 1 if branch `cond a, b` is taken, else 0. Clobbers t4.
.macro SIG_BOOL cond, a, b
    li t4, 1
    \cond \a, \b, 92f
    li t4, 0
92: SIG t4
.endm

// ---- Test helpers ----------------------------------------------------------------------
// TEST_RR op, a, b: a3 = op(a, b) with a1 = a, a2 = b; append a3.
.macro TEST_RR op, a, b
    li a1, \a
    li a2, \b
    \op a3, a1, a2
    SIG a3
.endm

// TEST_RI op, a, imm: a3 = op(a, imm); append a3.
.macro TEST_RI op, a, imm
    li a1, \a
    \op a3, a1, \imm
    SIG a3
.endm

// ---- Traps -----------------------------------------------------------------------------
// TRAPS_UNEXPECTED: from now on, any trap ends the program with a failure.
.macro TRAPS_UNEXPECTED
    la t6, _isa_trap_unexpected
    csrw mtvec, t6
.endm

// TRAPS_CATCH: from now on, traps go to the catching handler: it sets s7 = mcause and
// s6 = mepc - s10, then resumes after the trapping instruction (2 or 4 bytes long), or,
// if s9 is non-zero, at s9 in M-mode (clearing s9). The test stores what it needs.
.macro TRAPS_CATCH
    la t6, _isa_trap_catch
    csrw mtvec, t6
.endm

// CATCH insn: execute insn with s10 pointing at it. Afterwards s7 = mcause and
// s6 = mepc - s10 (0) if it trapped, s7 = s6 = -1 if it did not. Needs TRAPS_CATCH.
.macro CATCH insn:vararg
    li s7, -1
    li s6, -1
    la s10, 98f
98: \insn
.endm

// SKIPPED: marks code that must never run (after a jump, or after an instruction that
// traps and resumes elsewhere); reaching it fails the program with exit code 4.
.macro SKIPPED
    j _isa_skipped
.endm

// ISA_PLATFORM_INIT: platform set-up before the body. On QEMU, which also implements
// S-mode, U-mode counter access needs scounteren as well as mcounteren: scounteren is
// opened fully so that mcounteren alone decides, as on Epoxy (which has no S-mode).
#if defined(ISA_PLATFORM_QEMU)
.macro ISA_PLATFORM_INIT
    li t6, -1
    csrw scounteren, t6
.endm
#else
.macro ISA_PLATFORM_INIT
.endm
#endif

// ---- Program skeleton ------------------------------------------------------------------
.macro ISA_TEST_BEGIN
    .set _isa_sig_words, 0
    .section .text.init, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la sp, _stack_top
    .option pop
    la t6, _isa_trap_unexpected
    csrw mtvec, t6
    la s11, begin_signature
    li s10, 0
    li s9, 0
    ISA_PLATFORM_INIT
    j _isa_body
    .text
_isa_body:
    .option norvc
.endm

.macro ISA_TEST_END
    j _isa_finish

    // Everything below is framework code: it is placed after the test body so the test's
    // own code has the same layout in both builds.
    .balign 4
_isa_finish:
    TRAPS_UNEXPECTED
    la t0, end_signature
    bne s11, t0, _isa_bad_count
    la a0, _isa_str_begin
    jal ra, _isa_puts
    la s0, begin_signature
    la s1, end_signature
1:  bgeu s0, s1, 2f
    lw a0, 0(s0)
    jal ra, _isa_puthex
    addi s0, s0, 4
    j 1b
2:  la a0, _isa_str_end
    jal ra, _isa_puts
    li a0, 0
    j _isa_exit

_isa_bad_count:
    la a0, _isa_str_count
    jal ra, _isa_puts
    la t0, begin_signature
    sub a0, s11, t0
    srli a0, a0, 2
    jal ra, _isa_puthex
    la a0, _isa_str_expected
    jal ra, _isa_puts
    li a0, _isa_sig_words
    jal ra, _isa_puthex
    // Dump what was stored, for debugging (at most 4096 words).
    la s0, begin_signature
    li t0, 16384
    add t0, s0, t0
    bltu s11, t0, 1f
    mv s11, t0
1:  bgeu s0, s11, 2f
    lw a0, 0(s0)
    jal ra, _isa_puthex
    addi s0, s0, 4
    j 1b
2:  li a0, 2
    j _isa_exit

    // Code that a test expected to be skipped (by a jump or a trap) ran: exit code 4.
_isa_skipped:
    la a0, _isa_str_skipped
    jal ra, _isa_puts
    li a0, 4
    j _isa_exit

    // Any trap that the test did not ask for: report and fail with exit code 3.
    .balign 4
_isa_trap_unexpected:
    la a0, _isa_str_trap
    jal ra, _isa_puts
    csrr a0, mcause
    jal ra, _isa_puthex
    csrr a0, mepc
    la t0, _start
    sub a0, a0, t0
    jal ra, _isa_puthex
    csrr a0, mtval
    jal ra, _isa_puthex
    li a0, 3
    j _isa_exit

    // Caught traps: s7 = mcause, s6 = mepc - s10, then resume.
    .balign 4
_isa_trap_catch:
    csrr s7, mcause
    csrr s6, mepc
    sub s6, s6, s10
    bnez s9, 3f
    // Resume after the trapping instruction (2 or 4 bytes long). Reading it needs mepc
    // to be readable: after an instruction-access fault, resume at s9 instead.
    csrr t6, mepc
    lhu t5, 0(t6)
    andi t5, t5, 3
    addi t6, t6, 2
    addi t5, t5, -3
    bnez t5, 4f
    addi t6, t6, 2
4:  csrw mepc, t6
    mret
    // Resume at s9 in M-mode.
3:  csrw mepc, s9
    li t6, 0x1800
    csrs mstatus, t6
    li s9, 0
    mret

    // a0: NUL-terminated string. Clobbers a0, t0, t5, t6.
_isa_puts:
    lbu t0, 0(a0)
    beqz t0, 1f
    PUTC t0
    addi a0, a0, 1
    j _isa_puts
1:  ret

    // a0: word printed as 8 lowercase hex digits and a newline. Clobbers t0-t2, t5, t6.
_isa_puthex:
    li t2, 28
1:  srl t0, a0, t2
    andi t0, t0, 15
    li t1, 10
    blt t0, t1, 2f
    addi t0, t0, 39              // 'a' - '0' - 10
2:  addi t0, t0, 48              // '0'
    PUTC t0
    addi t2, t2, -4
    bgez t2, 1b
    li t0, 10                   // newline
    PUTC t0
    ret

    // a0: exit code.
_isa_exit:
#if defined(ISA_PLATFORM_QEMU)
    li t0, ISA_FINISHER_PASS
    beqz a0, 1f
    slli t0, a0, 16
    li t1, ISA_FINISHER_FAIL
    or t0, t0, t1
1:  li t6, ISA_TEST_FINISHER
    sw t0, 0(t6)
#else
    li t6, ISA_SIMCTL_EXIT
    sw a0, 0(t6)
#endif
1:  j 1b

    .section .rodata
_isa_str_begin: .asciz "SIGNATURE BEGIN\n"
_isa_str_end:   .asciz "SIGNATURE END\n"
_isa_str_count: .asciz "SIGNATURE WORD COUNT MISMATCH, stored words:\n"
_isa_str_expected: .asciz "declared words:\n"
_isa_str_trap:  .asciz "UNEXPECTED TRAP (mcause, mepc - _start, mtval):\n"
_isa_str_skipped: .asciz "REACHED CODE THAT SHOULD HAVE BEEN SKIPPED\n"

    .data
    .balign 16
    .globl begin_signature
    .globl end_signature
begin_signature:
    .fill _isa_sig_words, 4, 0xdeadbeef
end_signature:
    .balign 16

    .bss
    .balign 16
_isa_stack:
    .skip 4096
    .globl _stack_top
_stack_top:
.endm

#endif  // EPOXY_ISA_MACROS_H
