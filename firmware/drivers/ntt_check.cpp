// SPDX-License-Identifier: Apache-2.0
// Build check for the NTT driver layer on the core (sw/drivers/epoxy/ntt.h): builds the
// descriptors of a polynomial product, validates them with ntt::check() against the engine's
// CAPS and submits them through epoxy::AccelShell<epoxy::MmioIo>, with the firmware
// toolchain's flags (RV32IMC, freestanding, no exceptions, no RTTI). Nothing runs it yet: the
// shell is not in the SoC. The host build compiles this file too (tests/ntt).
#include <stddef.h>
#include <stdint.h>

#include "epoxy/accel_shell.h"
#include "epoxy/mmio_io.h"
#include "epoxy/ntt.h"

namespace {

using epoxy::ntt::NttField;
using epoxy::ntt::NttVariant;

// The encodings are compile-time constants: checked here on the core's compiler too.
constexpr epoxy::ntt::NttCaps kCaps{8, 14, 5, 0x1F};
static_assert(epoxy::ntt::decode_caps(epoxy::ntt::encode_caps(kCaps)).min_log_n == 5, "caps");
static_assert(epoxy::ntt::type_code(NttField::Kyber, NttVariant::Incomplete) == 0x24, "type");
static_assert(epoxy::ntt::check(epoxy::ntt::forward(NttField::Kyber, NttVariant::Incomplete, 8,
                                                    0x1000, 0x1000),
                                kCaps) == epoxy::AccelError::None,
              "FIPS 203's NTT is accepted");
static_assert(epoxy::ntt::check(epoxy::ntt::forward(NttField::Kyber, NttVariant::Negacyclic, 8,
                                                    0x1000, 0x1000),
                                kCaps) == epoxy::AccelError::BadSize,
              "3329 has no 512th root of unity");
static_assert(epoxy::ntt::check(epoxy::ntt::forward(NttField::Goldilocks, NttVariant::Cyclic, 8,
                                                    0x1004, 0x2000),
                                kCaps) == epoxy::AccelError::Misaligned,
              "Goldilocks elements are 8 bytes");

}  // namespace

// c = a * b mod x^256 + 1 over Kyber's field (FIPS 203's NTT domain), a and b transformed in
// place; returns 0, the index + 1 of the first descriptor check() refuses (+ 100), or the
// first driver status that is not Ok (+ 200).
extern "C" int epoxy_ntt_check(uintptr_t regs, uint32_t ring, uint32_t a, uint32_t b, uint32_t c) {
    epoxy::MmioIo io(regs);
    epoxy::AccelShell<epoxy::MmioIo> shell(io);
    epoxy::ntt::NttCaps caps{};
    epoxy::AccelStatus s = epoxy::ntt::probe(shell, &caps);
    if (s != epoxy::AccelStatus::Ok) return 200 + int(s);
    constexpr NttField f = NttField::Kyber;
    constexpr NttVariant v = NttVariant::Incomplete;
    const epoxy::Descriptor d[4] = {
        epoxy::ntt::forward(f, v, 8, a, a),
        epoxy::ntt::forward(f, v, 8, b, b),
        epoxy::ntt::pmul(f, v, 8, a, b, c),
        epoxy::ntt::inverse(f, v, 8, c, c).irq(),
    };
    for (size_t i = 0; i < 4; ++i)
        if (epoxy::ntt::check(d[i], caps) != epoxy::AccelError::None) return 100 + int(i) + 1;
    if ((s = shell.configure_ring(ring, 2)) != epoxy::AccelStatus::Ok) return 200 + int(s);
    if ((s = shell.submit(d, 4)) != epoxy::AccelStatus::Ok) return 200 + int(s);
    if ((s = shell.wait_idle(1000000)) != epoxy::AccelStatus::Ok) {
        epoxy::AccelError code;
        uint32_t index;
        shell.last_error(&code, &index);
        return code == epoxy::ntt::kErrBadValue ? 300 : 200 + int(s);
    }
    return 0;
}
