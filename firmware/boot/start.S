// SPDX-License-Identifier: Apache-2.0
// Epoxy bootloader start-up, run from the boot ROM at reset (the ELF entry point _start).
//
// The bootloader has no initialised data and no .bss (boot.ld checks), so all it needs is a
// stack at the top of SRAM. The SRAM's size depends on the board (the SoC's SramBytes), so
// it is found here rather than built in: starting from the memory map's size, the size is
// halved until the last word of the SRAM answers a load (beyond the built SRAM the SoC
// answers with a bus error). Power-of-two sizes are found exactly; another size is used as
// the power of two below it.
//
// Traps go to boot_trap, which keeps mcause/mepc/mtval, finds the SRAM again for a fresh
// stack and lets boot_main report the trap. It stays the trap vector of a loaded app until
// the app installs its own.

    .section .text.start, "ax", @progbits
    .global _start
    .type _start, @function
_start:
    li      s5, 0                   // not entered through a trap
    j       boot_enter
    .size _start, . - _start

    // mtvec in direct mode needs a 4-byte-aligned handler.
    .p2align 2
    .global boot_trap
    .type boot_trap, @function
boot_trap:
    csrr    s2, mcause
    csrr    s3, mepc
    csrr    s4, mtval
    li      s5, 1
boot_enter:
    la      t0, boot_trap
    csrw    mtvec, t0
    la      s0, __boot_sram_base
    la      s1, __boot_sram_size    // the largest size: the memory map's region
1:  add     a0, s0, s1
    addi    a0, a0, -4
    call    boot_readable
    bnez    a0, 2f
    srli    s1, s1, 1
    la      t0, __boot_sram_min
    bgeu    s1, t0, 1b
3:  wfi                             // no usable SRAM: nothing can be loaded
    j       3b
2:  add     sp, s0, s1
    mv      a0, sp                  // boot_main(sram_end, trapped, mcause, mepc, mtval)
    mv      a1, s5
    mv      a2, s2
    mv      a3, s3
    mv      a4, s4
    call    boot_main
4:  j       4b
    .size boot_trap, . - boot_trap

    // int boot_readable(uint32_t addr): 1 when a word load from addr answers, 0 when it
    // faults (an address beyond a memory the SoC was built with). Uses no stack; restores
    // mtvec. Clobbers t0, t1.
    .p2align 2
    .global boot_readable
    .type boot_readable, @function
boot_readable:
    csrr    t1, mtvec
    la      t0, 5f
    csrw    mtvec, t0
    mv      t0, a0
    li      a0, 1
    .option push
    .option norvc                   // 4 bytes, so the fault handler can step over it
    lw      t0, 0(t0)
    .option pop
    csrw    mtvec, t1
    ret
    .p2align 2
5:  li      a0, 0                   // the load faulted: skip it
    csrr    t0, mepc
    addi    t0, t0, 4
    csrw    mepc, t0
    mret
    .size boot_readable, . - boot_readable
