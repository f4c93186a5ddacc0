// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: control and status register access for RV32 (Zicsr, Zicntr).
//
// epoxy_csr_read(mstatus), epoxy_csr_write(mtvec, v), epoxy_csr_set/clear(mie, bits) and
// epoxy_csr_swap take a CSR name or number. The 64-bit counter helpers read the high half,
// the low half, then the high half again, and retry when the high half changed (a carry
// out of the low half between the two reads), so the result is never torn.
#ifndef EPOXY_CSR_H
#define EPOXY_CSR_H

#include <stdint.h>

#define EPOXY_CSR_STR_(x) #x
#define EPOXY_CSR_STR(x) EPOXY_CSR_STR_(x)

#define epoxy_csr_read(csr)                                                    \
    ({                                                                         \
        uint32_t epoxy_v_;                                                     \
        __asm__ volatile("csrr %0, " EPOXY_CSR_STR(csr) : "=r"(epoxy_v_)::"memory"); \
        epoxy_v_;                                                              \
    })
#define epoxy_csr_write(csr, val)                                              \
    __asm__ volatile("csrw " EPOXY_CSR_STR(csr) ", %0" ::"r"((uint32_t)(val)) : "memory")
#define epoxy_csr_set(csr, bits)                                               \
    __asm__ volatile("csrs " EPOXY_CSR_STR(csr) ", %0" ::"r"((uint32_t)(bits)) : "memory")
#define epoxy_csr_clear(csr, bits)                                             \
    __asm__ volatile("csrc " EPOXY_CSR_STR(csr) ", %0" ::"r"((uint32_t)(bits)) : "memory")
#define epoxy_csr_swap(csr, val)                                               \
    ({                                                                         \
        uint32_t epoxy_v_;                                                     \
        __asm__ volatile("csrrw %0, " EPOXY_CSR_STR(csr) ", %1"                \
                         : "=r"(epoxy_v_)                                      \
                         : "r"((uint32_t)(val))                                \
                         : "memory");                                          \
        epoxy_v_;                                                              \
    })

// Read a 64-bit counter as hi/lo/hi; `lo` and `hi` are CSR names (e.g. mcycle, mcycleh).
#define epoxy_csr_read64(lo, hi)                                               \
    ({                                                                         \
        uint32_t epoxy_h_, epoxy_l_, epoxy_h2_;                                \
        do {                                                                   \
            epoxy_h_ = epoxy_csr_read(hi);                                     \
            epoxy_l_ = epoxy_csr_read(lo);                                     \
            epoxy_h2_ = epoxy_csr_read(hi);                                    \
        } while (epoxy_h_ != epoxy_h2_);                                       \
        ((uint64_t)epoxy_h_ << 32) | epoxy_l_;                                 \
    })

// Unprivileged counters (readable in U-mode when mcounteren allows).
static inline uint64_t epoxy_rdcycle64(void) { return epoxy_csr_read64(cycle, cycleh); }
static inline uint64_t epoxy_rdinstret64(void) { return epoxy_csr_read64(instret, instreth); }
static inline uint64_t epoxy_rdtime64(void) { return epoxy_csr_read64(time, timeh); }
// Machine counters (M-mode only).
static inline uint64_t epoxy_mcycle64(void) { return epoxy_csr_read64(mcycle, mcycleh); }
static inline uint64_t epoxy_minstret64(void) { return epoxy_csr_read64(minstret, minstreth); }

// mstatus fields
#define EPOXY_MSTATUS_MIE (1u << 3)
#define EPOXY_MSTATUS_MPIE (1u << 7)
#define EPOXY_MSTATUS_MPP_SHIFT 11
#define EPOXY_MSTATUS_MPP (3u << 11)
#define EPOXY_MSTATUS_MPP_U (0u << 11)
#define EPOXY_MSTATUS_MPP_M (3u << 11)
#define EPOXY_MSTATUS_MPRV (1u << 17)
#define EPOXY_MSTATUS_TW (1u << 21)

// mie / mip bits
#define EPOXY_MIP_MSIP (1u << 3)
#define EPOXY_MIP_MTIP (1u << 7)
#define EPOXY_MIP_MEIP (1u << 11)

// mcounteren bits
#define EPOXY_MCOUNTEREN_CY (1u << 0)
#define EPOXY_MCOUNTEREN_TM (1u << 1)
#define EPOXY_MCOUNTEREN_IR (1u << 2)

// mcause values
#define EPOXY_MCAUSE_INTERRUPT (1u << 31)
#define EPOXY_CAUSE_INSN_MISALIGNED 0u
#define EPOXY_CAUSE_INSN_ACCESS 1u
#define EPOXY_CAUSE_ILLEGAL_INSN 2u
#define EPOXY_CAUSE_BREAKPOINT 3u
#define EPOXY_CAUSE_LOAD_MISALIGNED 4u
#define EPOXY_CAUSE_LOAD_ACCESS 5u
#define EPOXY_CAUSE_STORE_MISALIGNED 6u
#define EPOXY_CAUSE_STORE_ACCESS 7u
#define EPOXY_CAUSE_ECALL_U 8u
#define EPOXY_CAUSE_ECALL_M 11u
#define EPOXY_IRQ_M_SOFT 3u
#define EPOXY_IRQ_M_TIMER 7u
#define EPOXY_IRQ_M_EXT 11u

// PMP configuration bits (one byte per entry in pmpcfgN)
#define EPOXY_PMP_R 0x01u
#define EPOXY_PMP_W 0x02u
#define EPOXY_PMP_X 0x04u
#define EPOXY_PMP_OFF 0x00u
#define EPOXY_PMP_TOR 0x08u
#define EPOXY_PMP_NA4 0x10u
#define EPOXY_PMP_NAPOT 0x18u
#define EPOXY_PMP_L 0x80u

#endif  // EPOXY_CSR_H
