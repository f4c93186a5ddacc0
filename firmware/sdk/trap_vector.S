// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK trap vector (mtvec direct mode): every exception and interrupt lands here.
//
// Stack: mscratch is 0 while the hart runs in M-mode, and holds the M-mode stack pointer
// while it runs in U-mode (epoxy_run_user() and this vector keep it so). A trap from M-mode
// therefore stays on the interrupted stack; a trap from U-mode switches to the M-mode stack,
// so U-mode code can neither make the handler write through a bad sp nor see its frame.
//
// Builds an epoxy_trap_frame_t (x0..x31, then mepc, mcause, mtval, mstatus; x[2] holds the
// sp at the time of the trap), calls epoxy_trap_dispatch(frame), then writes mepc and
// mstatus back from the frame, restores every register from the frame (so the handler may
// change them) and returns with mret. When the frame returns to U-mode (mstatus.MPP = U),
// mscratch is set to the M-mode stack top for the next trap. The frame layout must match
// include/epoxy/trap.h.

#define FRAME_SIZE 144      // 36 words, a multiple of 16 (the ABI stack alignment)
#define OFF_MEPC 128
#define OFF_MCAUSE 132
#define OFF_MTVAL 136
#define OFF_MSTATUS 140
#define MSTATUS_MPP 0x1800

    .section .text.epoxy_trap_vector, "ax", @progbits
    .balign 4
    .global epoxy_trap_vector
    .type epoxy_trap_vector, @function
epoxy_trap_vector:
    csrrw   sp, mscratch, sp        // from U-mode: sp = M stack, mscratch = U sp
    bnez    sp, 1f
    csrrw   sp, mscratch, sp        // from M-mode: sp back, mscratch = 0 again
1:
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
    csrr    t1, mstatus
    sw      t1, OFF_MSTATUS(sp)
    // x2: the U-mode sp (now in mscratch) when the trap came from U-mode (MPP = U), else the
    // M-mode sp before this frame. mscratch is 0 from here on: nested traps stay in M-mode.
    csrrw   t0, mscratch, zero
    li      t2, MSTATUS_MPP
    and     t2, t1, t2
    beqz    t2, 2f
    addi    t0, sp, FRAME_SIZE
2:  sw      t0, 8(sp)
    csrr    t0, mepc
    sw      t0, OFF_MEPC(sp)
    csrr    t0, mcause
    sw      t0, OFF_MCAUSE(sp)
    csrr    t0, mtval
    sw      t0, OFF_MTVAL(sp)

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
    // Returning to U-mode: the next trap must find the M-mode stack top in mscratch.
    li      t1, MSTATUS_MPP
    and     t1, t0, t1
    bnez    t1, 3f
    addi    t1, sp, FRAME_SIZE
    csrw    mscratch, t1
3:
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
