// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: user mode (U-mode) entry and return.
//
// epoxy_run_user(fn, arg, user_sp) calls fn(arg) in U-mode on the stack user_sp (16-byte
// aligned top of a stack U-mode may write) and returns fn's return value in M-mode. PMP
// must let U-mode execute fn and epoxy_user_return and use its stack: with no PMP entry
// set, U-mode may access nothing at all (every fetch faults).
//
// Traps taken in U-mode go to the installed trap handler (epoxy/trap.h) on the M-mode
// stack; a handler that resumes the U-mode code just returns. U-mode code ends the run
// early with epoxy_user_exit(value), which returns `value` from epoxy_run_user(). The end
// of a run is the ecall at epoxy_user_return_ecall (recognised by its address, so any other
// U-mode ecall, whatever its registers hold, reaches the installed handler); the SDK
// handles it itself, before the installed handler would see it.
//
// M-mode interrupts enabled in mie are always taken in U-mode (mstatus.MIE only masks them
// in M-mode); mstatus.MIE is as it was when epoxy_run_user() returns. Not reentrant from a
// trap handler.
#ifndef EPOXY_UMODE_H
#define EPOXY_UMODE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t (*epoxy_user_fn_t)(uint32_t arg);

uint32_t epoxy_run_user(epoxy_user_fn_t fn, uint32_t arg, void *user_sp);

// U-mode code: the return address fn runs into; ends the run with result `value` (a0).
__attribute__((noreturn)) void epoxy_user_return(uint32_t value);

// From U-mode: end the run now; epoxy_run_user() returns `value`.
static inline __attribute__((noreturn)) void epoxy_user_exit(uint32_t value) {
    epoxy_user_return(value);
}

#ifdef __cplusplus
}
#endif

#endif  // EPOXY_UMODE_H
