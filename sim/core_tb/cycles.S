// SPDX-License-Identifier: Apache-2.0
// Cycle-cost probe for the glue core: times 8 back-to-back copies of one instruction
// class with mcycle and prints "<name> <cycles for 8>" lines on the UART, then exits 0.
// Bare assembly (no SDK); built and run by hand, see docs/core.md:
//   riscv64-unknown-elf-gcc -march=rv32imc -mabi=ilp32 -misa-spec=2.2 -mno-relax -nostdlib \
//     -Wl,-N -Wl,-Ttext=0x10000000 -o /tmp/cycles.elf sim/core_tb/cycles.S
//   build/bin/epoxy-core /tmp/cycles.elf      (or epoxy-lockstep, to check it against the ISS)
// The numbers include nothing but the 8 instructions: the empty measurement is subtracted.
    .section .text
    .global _start
    .option norvc
_start:
    li sp, 0x10040000
    la t0, handler
    csrw mtvec, t0
    li s1, 0x20000000          // UART
    li s2, 7
    li s3, 3
    li s4, 0x80000000
    li s5, -1

// Two-instruction bodies.
.macro LW_USE
    lw t2, -4(sp)
    add t3, t2, t2
.endm
.macro AUIPC_JALR
    auipc t3, 0
    jalr zero, 8(t3)
.endm

// MEASURE name, body: a0 = cycles(body) - cycles(empty)
.macro MEASURE name, body:vararg
    .p2align 2
    csrr t0, mcycle
    csrr t1, mcycle
    sub s6, t1, t0             // empty-measurement overhead
    .p2align 2
    csrr t0, mcycle
    .rept 8
    \body
    .endr
    csrr t1, mcycle
    sub a0, t1, t0
    sub a0, a0, s6
    la a1, 9f
    call print
    .section .rodata
9:  .asciz "\name"
    .section .text
.endm

    MEASURE alu, add t2, s2, s3
    MEASURE mul, mul t2, s2, s3
    MEASURE mulh, mulh t2, s4, s5
    MEASURE div, div t2, s2, s3
    MEASURE div_by_zero, div t2, s2, zero
    MEASURE div_overflow, div t2, s4, s5
    MEASURE remu, remu t2, s4, s3
    MEASURE lw, lw t2, -4(sp)
    MEASURE sw, sw t2, -4(sp)
    MEASURE lw_use, LW_USE
    MEASURE branch_not_taken, bne zero, zero, .+4
    MEASURE branch_taken, beq zero, zero, .+4
    MEASURE jal, jal zero, .+4
    MEASURE auipc_jalr, AUIPC_JALR
    MEASURE csrr, csrr t2, mscratch
    MEASURE csrw, csrw mscratch, t2
    MEASURE ecall_mret, ecall
    MEASURE fence_i, fence.i
    .option rvc
    MEASURE c_addi, c.addi t2, 1
    .option norvc
    // Constant-time branches: mepoxyctl (0x7C1) bit 0.
    csrsi 0x7c1, 1
    MEASURE ct_branch_not_taken, bne zero, zero, .+4
    MEASURE ct_branch_taken, beq zero, zero, .+4
    csrci 0x7c1, 1

    li t0, 0x20003000
    sw zero, 0(t0)
1:  j 1b

// Trap handler: skip the trapping (4-byte) instruction.
    .p2align 2
handler:
    csrr t4, mepc
    addi t4, t4, 4
    csrw mepc, t4
    mret

// print: the string at a1, a space, a0 in decimal, newline.
print:
    lbu t2, 0(a1)
    beqz t2, 2f
    sw t2, 0(s1)
    addi a1, a1, 1
    j print
2:  li t2, ' '
    sw t2, 0(s1)
    addi t3, sp, -64
    mv t4, t3
    li t5, 10
3:  remu t2, a0, t5
    addi t2, t2, '0'
    sb t2, 0(t4)
    addi t4, t4, 1
    divu a0, a0, t5
    bnez a0, 3b
4:  addi t4, t4, -1
    lbu t2, 0(t4)
    sw t2, 0(s1)
    bne t4, t3, 4b
    li t2, '\n'
    sw t2, 0(s1)
    ret
