// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK trap vector (mtvec direct mode): every exception and interrupt lands here.
//
// Builds an epoxy_trap_frame_t on the current stack (x0..x31, then mepc, mcause, mtval,
// mstatus; x2 holds the sp at the time of the trap), calls epoxy_trap_dispatch(frame), then
// writes mepc and mstatus back from the frame, restores every register from the frame (so
// the handler may change them) and returns with mret. The frame layout must match
// include/epoxy/trap.h.

#define FRAME_SIZE 144      // 36 words, a multiple of 16 (the ABI stack alignment)
#define OFF_MEPC 128
#define OFF_MCAUSE 132
#define OFF_MTVAL 136
#define OFF_MSTATUS 140

    .section .text.epoxy_trap_vector, "ax", @progbits
    .balign 4
    .global epoxy_trap_vector
    .type epoxy_trap_vector, @function
epoxy_trap_vector:
    addi    sp, sp, -FRAME_SIZE
    sw      x1, 4(sp)
    sw      x3, 12(sp)
    sw      x4, 16(sp)
    sw      x5, 20(sp)
    sw      x6, 24(sp)
    sw      x7, 28(sp)
    sw      x8, 32(sp)
    sw      x9, 36(sp)
    sw      x10, 40(sp)
    sw      x11, 44(sp)
    sw      x12, 48(sp)
    sw      x13, 52(sp)
    sw      x14, 56(sp)
    sw      x15, 60(sp)
    sw      x16, 64(sp)
    sw      x17, 68(sp)
    sw      x18, 72(sp)
    sw      x19, 76(sp)
    sw      x20, 80(sp)
    sw      x21, 84(sp)
    sw      x22, 88(sp)
    sw      x23, 92(sp)
    sw      x24, 96(sp)
    sw      x25, 100(sp)
    sw      x26, 104(sp)
    sw      x27, 108(sp)
    sw      x28, 112(sp)
    sw      x29, 116(sp)
    sw      x30, 120(sp)
    sw      x31, 124(sp)
    sw      zero, 0(sp)
    addi    t0, sp, FRAME_SIZE
    sw      t0, 8(sp)               // x2: sp before the trap
    csrr    t0, mepc
    sw      t0, OFF_MEPC(sp)
    csrr    t0, mcause
    sw      t0, OFF_MCAUSE(sp)
    csrr    t0, mtval
    sw      t0, OFF_MTVAL(sp)
    csrr    t0, mstatus
    sw      t0, OFF_MSTATUS(sp)

    // The C code may rely on gp (small data); reload it in case U-mode code changed it.
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop

    mv      a0, sp
    call    epoxy_trap_dispatch

    lw      t0, OFF_MEPC(sp)
    csrw    mepc, t0
    lw      t0, OFF_MSTATUS(sp)
    csrw    mstatus, t0

    lw      x1, 4(sp)
    lw      x3, 12(sp)
    lw      x4, 16(sp)
    lw      x5, 20(sp)
    lw      x6, 24(sp)
    lw      x7, 28(sp)
    lw      x8, 32(sp)
    lw      x9, 36(sp)
    lw      x10, 40(sp)
    lw      x11, 44(sp)
    lw      x12, 48(sp)
    lw      x13, 52(sp)
    lw      x14, 56(sp)
    lw      x15, 60(sp)
    lw      x16, 64(sp)
    lw      x17, 68(sp)
    lw      x18, 72(sp)
    lw      x19, 76(sp)
    lw      x20, 80(sp)
    lw      x21, 84(sp)
    lw      x22, 88(sp)
    lw      x23, 92(sp)
    lw      x24, 96(sp)
    lw      x25, 100(sp)
    lw      x26, 104(sp)
    lw      x27, 108(sp)
    lw      x28, 112(sp)
    lw      x29, 116(sp)
    lw      x30, 120(sp)
    lw      x31, 124(sp)
    lw      x2, 8(sp)               // last: sp itself (the handler may have changed it)
    mret
    .size epoxy_trap_vector, . - epoxy_trap_vector
