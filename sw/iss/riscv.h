// SPDX-License-Identifier: Apache-2.0
// RISC-V architectural constants used by the ISS: CSR numbers, trap causes, status bits.
// Values are from the RISC-V privileged specification (version 1.12).
#pragma once

#include <cstdint>

namespace epoxy::iss::rv {

// ---- CSR numbers ----------------------------------------------------------------------
enum Csr : uint16_t {
    kCycle = 0xC00, kTime = 0xC01, kInstret = 0xC02,
    kHpmCounter3 = 0xC03, kHpmCounter31 = 0xC1F,
    kCycleH = 0xC80, kTimeH = 0xC81, kInstretH = 0xC82,
    kHpmCounter3H = 0xC83, kHpmCounter31H = 0xC9F,

    kMvendorid = 0xF11, kMarchid = 0xF12, kMimpid = 0xF13, kMhartid = 0xF14,
    kMconfigptr = 0xF15,

    kMstatus = 0x300, kMisa = 0x301, kMie = 0x304, kMtvec = 0x305, kMcounteren = 0x306,
    kMenvcfg = 0x30A, kMstatush = 0x310, kMenvcfgh = 0x31A, kMcountinhibit = 0x320,
    kMhpmEvent3 = 0x323, kMhpmEvent31 = 0x33F,
    kMscratch = 0x340, kMepc = 0x341, kMcause = 0x342, kMtval = 0x343, kMip = 0x344,

    kPmpcfg0 = 0x3A0, kPmpcfg15 = 0x3AF, kPmpaddr0 = 0x3B0, kPmpaddr63 = 0x3EF,

    kMcycle = 0xB00, kMinstret = 0xB02, kMhpmCounter3 = 0xB03, kMhpmCounter31 = 0xB1F,
    kMcycleH = 0xB80, kMinstretH = 0xB82, kMhpmCounter3H = 0xB83, kMhpmCounter31H = 0xB9F,
};

// ---- Exception and interrupt causes ----------------------------------------------------
enum Cause : uint32_t {
    kInsnMisaligned = 0, kInsnAccessFault = 1, kIllegalInsn = 2, kBreakpoint = 3,
    kLoadMisaligned = 4, kLoadAccessFault = 5, kStoreMisaligned = 6, kStoreAccessFault = 7,
    kEcallU = 8, kEcallM = 11,
};
constexpr uint32_t kInterruptBit = 0x80000000u;
enum Irq : uint32_t { kIrqMSoft = 3, kIrqMTimer = 7, kIrqMExt = 11, kIrqLocal0 = 16 };
// Platform-defined local interrupts occupy mip/mie bits 16..31 (at most 16 lines).
constexpr unsigned kMaxLocalIrqs = 16;

// ---- mstatus / mip / mie bits -----------------------------------------------------------
constexpr uint32_t kMstatusMie = 1u << 3;
constexpr uint32_t kMstatusMpie = 1u << 7;
constexpr uint32_t kMstatusMppShift = 11;
constexpr uint32_t kMstatusMpp = 3u << kMstatusMppShift;
constexpr uint32_t kMstatusMprv = 1u << 17;
constexpr uint32_t kMstatusTw = 1u << 21;

constexpr uint32_t kMipMsip = 1u << kIrqMSoft;
constexpr uint32_t kMipMtip = 1u << kIrqMTimer;
constexpr uint32_t kMipMeip = 1u << kIrqMExt;

// misa: MXL=1 (32-bit), extensions I, M, C and U-mode.
constexpr uint32_t kMisaValue = (1u << 30) | (1u << ('I' - 'A')) | (1u << ('M' - 'A')) |
                           (1u << ('C' - 'A')) | (1u << ('U' - 'A'));

// ---- PMP configuration bits ---------------------------------------------------------------
constexpr uint8_t kPmpR = 1u << 0;
constexpr uint8_t kPmpW = 1u << 1;
constexpr uint8_t kPmpX = 1u << 2;
constexpr uint8_t kPmpAShift = 3;
constexpr uint8_t kPmpA = 3u << kPmpAShift;
constexpr uint8_t kPmpL = 1u << 7;
enum PmpMode : uint8_t { kPmpOff = 0, kPmpTor = 1, kPmpNa4 = 2, kPmpNapot = 3 };

}  // namespace epoxy::iss::rv
