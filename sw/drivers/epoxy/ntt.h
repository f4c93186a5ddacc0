// SPDX-License-Identifier: Apache-2.0
// The NTT coprocessor's layer above the accelerator shell driver (epoxy/accel_shell.h):
// opcodes, field and variant codes, the TYPE and CAPS encodings, descriptor builders, and
// check(), which predicts the error code the engine reports for a descriptor, so firmware can
// validate a descriptor before it submits it.
//
//   epoxy::ntt::NttCaps caps;
//   shell.probe(epoxy::ntt::kNttId, &info);  caps = epoxy::ntt::decode_caps(info.caps);
//   const epoxy::Descriptor d[] = {
//       ntt::forward(NttField::Kyber, NttVariant::Incomplete, 8, a, a),
//       ntt::forward(NttField::Kyber, NttVariant::Incomplete, 8, b, b),
//       ntt::pmul(NttField::Kyber, NttVariant::Incomplete, 8, a, b, c),
//       ntt::inverse(NttField::Kyber, NttVariant::Incomplete, 8, c, c)};   // c = a * b
//   for (const auto& x : d) if (ntt::check(x, caps) != AccelError::None) ...;
//   shell.submit(d, 4);
//
// The operations are the golden model's (sw/models/ntt, docs/ntt-model.md): NTT_FWD is
// NttPlan::forward (natural in, bit-reversed out), NTT_INV NttPlan::inverse (bit-reversed in,
// natural out, scaled), PMUL/PADD/PSUB pointwise_mul/add/sub (PSUB is SRC0 - SRC1). Operand a
// is the LENGTH elements at SRC0 followed by N - LENGTH zeros; operand b (PMUL/PADD/PSUB) is
// the N elements at SRC1; the N result elements go to DST (DST == SRC0 is allowed). Elements
// are 4-byte little-endian words, 8 bytes (low word first) for Goldilocks.
//
// The field and variant codes are the model's FieldId and Variant values; the model lives in
// the same namespace (host only), so the names here are distinct from its names. Freestanding
// C++17 like the shell driver: <stdint.h>/<stddef.h> only, no exceptions, RTTI or heap.
#ifndef EPOXY_DRIVERS_NTT_H_
#define EPOXY_DRIVERS_NTT_H_

#include <stddef.h>
#include <stdint.h>

#include "epoxy/accel_shell.h"

namespace epoxy {
namespace ntt {

// The ID register of the NTT engine: 'NTT '.
constexpr uint32_t kNttId = 0x4E545420u;

// Opcodes (descriptor word 0, bits 7:0).
constexpr uint8_t kOpForward = 0x10;  // NTT_FWD
constexpr uint8_t kOpInverse = 0x11;  // NTT_INV
constexpr uint8_t kOpPmul = 0x20;     // PMUL
constexpr uint8_t kOpPadd = 0x21;     // PADD
constexpr uint8_t kOpPsub = 0x22;     // PSUB: SRC0 - SRC1

// ERR.CODE of an input element >= p (nothing is written to DST). The shell's codes 1 to 8 are
// epoxy::AccelError; the engine adds this one.
constexpr AccelError kErrBadValue = AccelError(16);

// Field codes, TYPE[3:0] (the model's FieldId).
enum class NttField : uint8_t {
    BabyBear = 0,    // 2^31 - 2^27 + 1
    KoalaBear = 1,   // 2^31 - 2^24 + 1
    Goldilocks = 2,  // 2^64 - 2^32 + 1, 8-byte elements
    Dilithium = 3,   // 8380417
    Kyber = 4,       // 3329
};
constexpr uint32_t kNttFieldCount = 5;

// Variant codes, TYPE[7:4] (the model's Variant).
enum class NttVariant : uint8_t {
    Cyclic = 0,      // mod x^N - 1
    Negacyclic = 1,  // mod x^N + 1
    Incomplete = 2,  // mod x^N + 1, degree-1 pairs (FIPS 203 style)
};
constexpr uint32_t kNttVariantCount = 3;

// The model's size limits: N = 2^k with kNttMinLogN <= k <= kNttMaxLogN (then per field/variant).
constexpr uint32_t kNttMinLogN = 1;
constexpr uint32_t kNttMaxLogN = 14;

constexpr bool known(NttField f) {
    return uint8_t(f) < kNttFieldCount;
}
constexpr bool known(NttVariant v) {
    return uint8_t(v) < kNttVariantCount;
}

// The prime (0 for an unknown code).
constexpr uint64_t modulus(NttField f) {
    switch (f) {
        case NttField::BabyBear:
            return 2013265921u;
        case NttField::KoalaBear:
            return 2130706433u;
        case NttField::Goldilocks:
            return 0xFFFFFFFF00000001ull;
        case NttField::Dilithium:
            return 8380417u;
        case NttField::Kyber:
            return 3329u;
    }
    return 0;
}

// Bytes per element in memory: 4, or 8 for Goldilocks (0 for an unknown code).
constexpr uint32_t element_bytes(NttField f) {
    return f == NttField::Goldilocks ? 8u : known(f) ? 4u : 0u;
}

// Bytes of n elements.
constexpr uint32_t bytes(NttField f, uint32_t n) {
    return n * element_bytes(f);
}

// Largest s with 2^s | p - 1 (0 for an unknown code).
constexpr uint32_t two_adicity(NttField f) {
    switch (f) {
        case NttField::BabyBear:
            return 27;
        case NttField::KoalaBear:
            return 24;
        case NttField::Goldilocks:
            return 32;
        case NttField::Dilithium:
            return 13;
        case NttField::Kyber:
            return 8;
    }
    return 0;
}

// The largest LOG_N the field allows for the variant, whatever the engine was built for (the
// model's supported_sizes): two_adicity - 1 for Negacyclic, two_adicity otherwise, at most
// kNttMaxLogN. 0 for an unknown field or variant.
constexpr uint32_t field_max_log_n(NttField f, NttVariant v) {
    if (!known(f) || !known(v)) return 0;
    const uint32_t s = v == NttVariant::Negacyclic ? two_adicity(f) - 1 : two_adicity(f);
    return s < kNttMaxLogN ? s : kNttMaxLogN;
}

// TYPE: field code in bits 3:0, variant code in bits 7:4.
constexpr uint8_t type_code(NttField f, NttVariant v) {
    return uint8_t((uint32_t(f) & 0x0Fu) | (uint32_t(v) & 0x0Fu) << 4);
}
constexpr NttField type_field(uint8_t type) {
    return NttField(type & 0x0Fu);
}
constexpr NttVariant type_variant(uint8_t type) {
    return NttVariant(type >> 4);
}

// The engine's CAPS register.
struct NttCaps {
    uint32_t p;          // [7:0]   butterfly units: 1, 2, 4 or 8
    uint32_t max_log_n;  // [15:8]  largest LOG_N built
    uint32_t min_log_n;  // [31:24] smallest LOG_N, log2(4 p)
    uint32_t fields;     // [23:16] bit f set: field code f built in

    constexpr bool has_field(NttField f) const {
        return uint32_t(f) < 8 && ((fields >> uint32_t(f)) & 1u) != 0;
    }
};
constexpr uint32_t kCapsPBp = 0, kCapsMaxLogNBp = 8, kCapsFieldsBp = 16, kCapsMinLogNBp = 24;

constexpr NttCaps decode_caps(uint32_t caps) {
    return NttCaps{(caps >> kCapsPBp) & 0xFFu, (caps >> kCapsMaxLogNBp) & 0xFFu,
                   (caps >> kCapsMinLogNBp) & 0xFFu, (caps >> kCapsFieldsBp) & 0xFFu};
}
constexpr uint32_t encode_caps(const NttCaps& c) {
    return (c.p & 0xFFu) << kCapsPBp | (c.max_log_n & 0xFFu) << kCapsMaxLogNBp |
           (c.fields & 0xFFu) << kCapsFieldsBp | (c.min_log_n & 0xFFu) << kCapsMinLogNBp;
}

// Probes the shell for the NTT engine (AccelShell::probe with kNttId) and decodes CAPS.
template <class Io>
AccelStatus probe(AccelShell<Io>& shell, NttCaps* caps, AccelInfo* info = nullptr) {
    AccelInfo i{};
    const AccelStatus s = shell.probe(kNttId, &i);
    if (info != nullptr) *info = i;
    if (caps != nullptr) *caps = decode_caps(i.caps);
    return s;
}

// ---- Descriptor builders ----
// Any opcode and the raw words: for callers that need something the named builders below do
// not make (and for tests of the checks).
constexpr Descriptor make(uint8_t opcode, NttField f, NttVariant v, uint32_t log_n, uint32_t src0,
                          uint32_t src1, uint32_t dst, uint32_t length) {
    Descriptor d = Descriptor::op(opcode);
    d.type(type_code(f, v)).log_n(uint8_t(log_n)).src0(src0).src1(src1).dst(dst).length(length);
    return d;
}

// NTT_FWD of the `length` elements at src (zero-padded to N = 2^log_n) into dst.
constexpr Descriptor forward(NttField f, NttVariant v, uint32_t log_n, uint32_t src, uint32_t dst,
                             uint32_t length) {
    return make(kOpForward, f, v, log_n, src, 0, dst, length);
}
constexpr Descriptor forward(NttField f, NttVariant v, uint32_t log_n, uint32_t src, uint32_t dst) {
    return forward(f, v, log_n, src, dst, uint32_t(1) << (log_n & 31u));
}
// NTT_INV of the `length` elements at src (zero-padded to N) into dst.
constexpr Descriptor inverse(NttField f, NttVariant v, uint32_t log_n, uint32_t src, uint32_t dst,
                             uint32_t length) {
    return make(kOpInverse, f, v, log_n, src, 0, dst, length);
}
constexpr Descriptor inverse(NttField f, NttVariant v, uint32_t log_n, uint32_t src, uint32_t dst) {
    return inverse(f, v, log_n, src, dst, uint32_t(1) << (log_n & 31u));
}
// PMUL/PADD/PSUB of a (the `length` elements at src0, zero-padded to N) and b (the N elements
// at src1) into dst; without `length`, a has N elements.
constexpr Descriptor pmul(NttField f, NttVariant v, uint32_t log_n, uint32_t src0, uint32_t src1,
                          uint32_t dst, uint32_t length) {
    return make(kOpPmul, f, v, log_n, src0, src1, dst, length);
}
constexpr Descriptor pmul(NttField f, NttVariant v, uint32_t log_n, uint32_t src0, uint32_t src1,
                          uint32_t dst) {
    return pmul(f, v, log_n, src0, src1, dst, uint32_t(1) << (log_n & 31u));
}
constexpr Descriptor padd(NttField f, NttVariant v, uint32_t log_n, uint32_t src0, uint32_t src1,
                          uint32_t dst, uint32_t length) {
    return make(kOpPadd, f, v, log_n, src0, src1, dst, length);
}
constexpr Descriptor padd(NttField f, NttVariant v, uint32_t log_n, uint32_t src0, uint32_t src1,
                          uint32_t dst) {
    return padd(f, v, log_n, src0, src1, dst, uint32_t(1) << (log_n & 31u));
}
constexpr Descriptor psub(NttField f, NttVariant v, uint32_t log_n, uint32_t src0, uint32_t src1,
                          uint32_t dst, uint32_t length) {
    return make(kOpPsub, f, v, log_n, src0, src1, dst, length);
}
constexpr Descriptor psub(NttField f, NttVariant v, uint32_t log_n, uint32_t src0, uint32_t src1,
                          uint32_t dst) {
    return psub(f, v, log_n, src0, src1, dst, uint32_t(1) << (log_n & 31u));
}

// True for the opcodes that read operand b at SRC1 (PMUL, PADD, PSUB).
constexpr bool has_src1(uint8_t opcode) {
    return opcode == kOpPmul || opcode == kOpPadd || opcode == kOpPsub;
}

namespace detail {
// [addr, addr + n) stays inside the 32-bit address space (n >= 1).
constexpr bool fits(uint32_t addr, uint32_t n) {
    return addr == 0 || n <= 0u - addr;
}
}  // namespace detail

// The error code the engine reports for descriptor d on an engine with these caps, from the
// descriptor alone, in the engine's order: BadOpcode; BadType (FLAGS other than IRQ, a PARAM
// word, a field not built or unknown, an unknown variant); BadSize (LOG_N outside the caps or
// the field's sizes, LENGTH 0 or above N); Misaligned (SRC0, DST, and SRC1 for two-operand
// opcodes, to the element size); OutOfRange (a range past 2^32). None when the engine will
// run it, barring what depends on memory: DmaError (a bus error) and kErrBadValue (an
// element >= p).
constexpr AccelError check(const Descriptor& d, const NttCaps& caps) {
    const uint8_t op = d.opcode();
    const bool two = has_src1(op);
    if (!two && op != kOpForward && op != kOpInverse) return AccelError::BadOpcode;
    if ((d.flags() & ~Descriptor::kFlagIrq) != 0 || d.word[Descriptor::kParam0] != 0 ||
        d.word[Descriptor::kParam1] != 0 || d.word[Descriptor::kParam2] != 0)
        return AccelError::BadType;
    const NttField f = type_field(d.type());
    const NttVariant v = type_variant(d.type());
    if (!known(f) || !caps.has_field(f) || !known(v)) return AccelError::BadType;
    const uint32_t k = d.log_n();
    if (k < kNttMinLogN || k < caps.min_log_n || k > caps.max_log_n || k > field_max_log_n(f, v))
        return AccelError::BadSize;
    const uint32_t n = uint32_t(1) << k;  // k <= kNttMaxLogN
    const uint32_t length = d.word[Descriptor::kLength];
    if (length == 0 || length > n) return AccelError::BadSize;
    const uint32_t es = element_bytes(f);
    const uint32_t src0 = d.word[Descriptor::kSrc0], src1 = d.word[Descriptor::kSrc1],
                   dst = d.word[Descriptor::kDst];
    if (src0 % es != 0 || dst % es != 0 || (two && src1 % es != 0)) return AccelError::Misaligned;
    if (!detail::fits(src0, length * es) || !detail::fits(dst, n * es) ||
        (two && !detail::fits(src1, n * es)))
        return AccelError::OutOfRange;
    return AccelError::None;
}

}  // namespace ntt
}  // namespace epoxy

#endif  // EPOXY_DRIVERS_NTT_H_
