// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK start-up code: the ELF entry point _start.
//
// Sets gp and sp, points mtvec at the SDK trap vector (direct mode), copies .data/.tdata
// from their load address when it differs from the run address, zeroes .tbss/.bss, points
// tp at the TLS block (picolibc's errno is thread-local), runs the constructors, calls
// main(0, NULL) and passes its return value to exit().

    .section .text.init.enter, "ax", @progbits
    .global _start
    .type _start, @function
_start:
    // gp must be loaded with an absolute auipc/addi pair: relaxation would turn it into
    // an access relative to gp itself.
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      sp, __stack
    li      ra, 0
    li      s0, 0

    // Traps go to the SDK vector; bit 0..1 = 0 selects direct mode.
    la      t0, epoxy_trap_vector
    csrw    mtvec, t0
    csrw    mscratch, zero

    // Copy initialised data (.data then .tdata) unless it already runs where it loaded.
    la      a0, __data_start
    la      a1, __data_source
    la      a2, __data_end
    beq     a0, a1, 2f
1:  bgeu    a0, a2, 2f
    lw      t0, 0(a1)
    sw      t0, 0(a0)
    addi    a0, a0, 4
    addi    a1, a1, 4
    j       1b
2:
    // Zero .tbss and .bss (one range; the linker script keeps them together and aligned).
    la      a0, __bss_start
    la      a2, __bss_end
3:  bgeu    a0, a2, 4f
    sw      zero, 0(a0)
    addi    a0, a0, 4
    j       3b
4:
    // Thread pointer: the single thread's TLS block is the .tdata/.tbss image itself
    // (local-exec model: tp points at the start of .tdata).
    la      tp, __tls_base

    call    __libc_init_array

    li      a0, 0
    li      a1, 0
    call    main
    call    exit
5:  wfi
    j       5b
    .size _start, . - _start
