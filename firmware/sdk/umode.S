// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: run a function in U-mode and come back (see include/epoxy/umode.h).
//
// epoxy_run_user(fn, arg, user_sp) saves the callee-saved registers, gp and tp on the
// M-mode stack, leaves that stack pointer in mscratch (the trap vector switches to it on
// any trap from U-mode), and enters fn(arg) in U-mode with mret, on user_sp, with ra
// pointing at epoxy_user_return. When fn returns, epoxy_user_return makes the
// ecall at epoxy_user_return_ecall; epoxy_trap_dispatch() (trap.c) answers it by resuming
// M-mode at epoxy_run_user_resume with the same stack, which restores the saved registers
// and returns fn's a0 to the caller.

#define MSTATUS_MIE 0x8
#define MSTATUS_MPIE 0x80
#define MSTATUS_MPP 0x1800
#define SAVE_SIZE 64

    .section .text.epoxy_run_user, "ax", @progbits
    .balign 4
    .global epoxy_run_user
    .type epoxy_run_user, @function
epoxy_run_user:
    addi    sp, sp, -SAVE_SIZE
    sw      ra, 0(sp)
    sw      s0, 4(sp)
    sw      s1, 8(sp)
    sw      s2, 12(sp)
    sw      s3, 16(sp)
    sw      s4, 20(sp)
    sw      s5, 24(sp)
    sw      s6, 28(sp)
    sw      s7, 32(sp)
    sw      s8, 36(sp)
    sw      s9, 40(sp)
    sw      s10, 44(sp)
    sw      s11, 48(sp)
    sw      gp, 52(sp)
    sw      tp, 56(sp)
    // MIE off until mret (an interrupt must not see mscratch set while still in M-mode);
    // MPIE = MIE, so mret and later the return trap leave mstatus.MIE as it was.
    csrrci  t1, mstatus, MSTATUS_MIE
    andi    t1, t1, MSTATUS_MIE
    slli    t1, t1, 4               // MIE (bit 3) -> MPIE (bit 7)
    li      t0, MSTATUS_MPP | MSTATUS_MPIE
    csrc    mstatus, t0             // MPP = U, MPIE = 0
    csrs    mstatus, t1
    csrw    mepc, a0
    mv      a0, a1
    la      ra, epoxy_user_return
    csrw    mscratch, sp            // nothing can trap between here and mret
    mv      sp, a2
    mret
    .size epoxy_run_user, . - epoxy_run_user

    .global epoxy_run_user_resume
    .type epoxy_run_user_resume, @function
epoxy_run_user_resume:
    lw      ra, 0(sp)
    lw      s0, 4(sp)
    lw      s1, 8(sp)
    lw      s2, 12(sp)
    lw      s3, 16(sp)
    lw      s4, 20(sp)
    lw      s5, 24(sp)
    lw      s6, 28(sp)
    lw      s7, 32(sp)
    lw      s8, 36(sp)
    lw      s9, 40(sp)
    lw      s10, 44(sp)
    lw      s11, 48(sp)
    lw      gp, 52(sp)
    lw      tp, 56(sp)
    addi    sp, sp, SAVE_SIZE
    ret
    .size epoxy_run_user_resume, . - epoxy_run_user_resume

    // Runs in U-mode: the return address of the user function (a0 = its result). The SDK
    // recognises the end of the run by the address of this ecall, not by any register.
    .global epoxy_user_return
    .type epoxy_user_return, @function
epoxy_user_return:
    .global epoxy_user_return_ecall
epoxy_user_return_ecall:
    ecall
1:  j       1b                      // not reached: the ecall never returns here
    .size epoxy_user_return, . - epoxy_user_return
