// SPDX-License-Identifier: Apache-2.0
// The NTT driver layer (sw/drivers/epoxy/ntt.h) without hardware: its codes and constants
// against the golden model (sw/models/ntt), the TYPE/CAPS encodings, the descriptor builders,
// and check() against the model's check_config over every field code, variant code and size,
// for several engine configurations, plus the alignment and range rules at their boundaries
// and the order in which the checks report.
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <ostream>

#include "epoxy/accel_shell.h"
#include "epoxy/ntt.h"
#include "models/ntt/ntt_model.h"

namespace epoxy {
std::ostream& operator<<(std::ostream& os, AccelError e) {
    return os << "AccelError(" << unsigned(e) << ")";
}
}  // namespace epoxy

namespace {

using epoxy::AccelError;
using epoxy::Descriptor;
using epoxy::ntt::NttCaps;
using epoxy::ntt::NttField;
using epoxy::ntt::NttVariant;
namespace drv = epoxy::ntt;
namespace model = epoxy::ntt;

// The driver's codes are the model's codes.
static_assert(unsigned(NttField::BabyBear) == unsigned(model::FieldId::BabyBear));
static_assert(unsigned(NttField::KoalaBear) == unsigned(model::FieldId::KoalaBear));
static_assert(unsigned(NttField::Goldilocks) == unsigned(model::FieldId::Goldilocks));
static_assert(unsigned(NttField::Dilithium) == unsigned(model::FieldId::Dilithium));
static_assert(unsigned(NttField::Kyber) == unsigned(model::FieldId::Kyber));
static_assert(drv::kNttFieldCount == model::kFieldCount);
static_assert(unsigned(NttVariant::Cyclic) == unsigned(model::Variant::Cyclic));
static_assert(unsigned(NttVariant::Negacyclic) == unsigned(model::Variant::Negacyclic));
static_assert(unsigned(NttVariant::Incomplete) == unsigned(model::Variant::Incomplete));
static_assert(drv::kNttMinLogN == model::kMinLogN && drv::kNttMaxLogN == model::kMaxLogN);

// What the engine reports for a model error (the NTT programming interface).
AccelError engine_code(model::NttError e) {
    switch (e) {
        case model::NttError::None:
            return AccelError::None;
        case model::NttError::UnknownField:
        case model::NttError::UnknownVariant:
            return AccelError::BadType;
        case model::NttError::UnsupportedSize:
        case model::NttError::LengthMismatch:
            return AccelError::BadSize;
        case model::NttError::ValueOutOfRange:
            return drv::kErrBadValue;
        case model::NttError::InvalidTwiddles:
            break;
    }
    FAIL("no engine code for model error " << unsigned(e));
    return AccelError::None;
}

// The configurations the RTL is built in (tests/ntt), and a few odd ones.
constexpr NttCaps kConfigs[] = {
    {1, 10, 2, 0x1F}, {2, 12, 3, 0x1F}, {8, 14, 5, 0x1F},
    {4, 9, 4, 0x1F},  {1, 14, 2, 0x05},  // BabyBear and Goldilocks only
    {8, 6, 5, 0x18},                     // Dilithium and Kyber only, tiny
};

constexpr uint32_t kA = 0x10000000u, kB = 0x10010000u, kC = 0x10020000u;

}  // namespace

TEST_CASE("driver: field constants equal the model's", "[driver]") {
    for (model::FieldId id : model::kAllFields) {
        const model::Field& f = model::field(id);
        const NttField d = NttField(unsigned(id));
        INFO(f.name);
        CHECK(drv::known(d));
        CHECK(drv::modulus(d) == f.p);
        CHECK(drv::two_adicity(d) == f.two_adicity);
        CHECK(drv::element_bytes(d) == (f.p > 0xFFFFFFFFu ? 8u : 4u));
        CHECK(drv::bytes(d, 256) == 256 * drv::element_bytes(d));
        for (unsigned v = 0; v < drv::kNttVariantCount; ++v) {
            const model::SizeRange r = model::supported_sizes(id, model::Variant(v));
            CHECK(drv::field_max_log_n(d, NttVariant(v)) == r.max_log_n);
        }
    }
    CHECK_FALSE(drv::known(NttField(5)));
    CHECK_FALSE(drv::known(NttVariant(3)));
    CHECK(drv::modulus(NttField(5)) == 0u);
    CHECK(drv::element_bytes(NttField(15)) == 0u);
    CHECK(drv::field_max_log_n(NttField(5), NttVariant::Cyclic) == 0u);
    CHECK(drv::field_max_log_n(NttField::Kyber, NttVariant(3)) == 0u);
    // The limits the programming interface names.
    CHECK(drv::field_max_log_n(NttField::Kyber, NttVariant::Cyclic) == 8u);
    CHECK(drv::field_max_log_n(NttField::Kyber, NttVariant::Incomplete) == 8u);
    CHECK(drv::field_max_log_n(NttField::Kyber, NttVariant::Negacyclic) == 7u);
    CHECK(drv::field_max_log_n(NttField::Dilithium, NttVariant::Cyclic) == 13u);
    CHECK(drv::field_max_log_n(NttField::Dilithium, NttVariant::Negacyclic) == 12u);
    CHECK(drv::field_max_log_n(NttField::Goldilocks, NttVariant::Negacyclic) == 14u);
    CHECK(drv::kNttId == 0x4E545420u);
    CHECK(unsigned(drv::kErrBadValue) == 16u);
}

TEST_CASE("driver: TYPE and CAPS encodings", "[driver]") {
    for (unsigned f = 0; f < 16; ++f)
        for (unsigned v = 0; v < 16; ++v) {
            const uint8_t t = drv::type_code(NttField(f), NttVariant(v));
            CHECK(t == (f | v << 4));
            CHECK(unsigned(drv::type_field(t)) == f);
            CHECK(unsigned(drv::type_variant(t)) == v);
        }
    const NttCaps c = drv::decode_caps(0x05'1F'0E'08u);
    CHECK(c.p == 8u);
    CHECK(c.max_log_n == 14u);
    CHECK(c.fields == 0x1Fu);
    CHECK(c.min_log_n == 5u);
    CHECK(drv::encode_caps(c) == 0x05'1F'0E'08u);
    for (const NttCaps& k : kConfigs) {
        const NttCaps r = drv::decode_caps(drv::encode_caps(k));
        CHECK(r.p == k.p);
        CHECK(r.max_log_n == k.max_log_n);
        CHECK(r.min_log_n == k.min_log_n);
        CHECK(r.fields == k.fields);
    }
    const NttCaps two = drv::decode_caps(0x02'05'0A'01u);  // BabyBear and Goldilocks
    CHECK(two.has_field(NttField::BabyBear));
    CHECK_FALSE(two.has_field(NttField::KoalaBear));
    CHECK(two.has_field(NttField::Goldilocks));
    CHECK_FALSE(two.has_field(NttField::Kyber));
    CHECK_FALSE(two.has_field(NttField(8)));
}

TEST_CASE("driver: descriptor builders fill the eight words", "[driver]") {
    const Descriptor f =
        drv::forward(NttField::Goldilocks, NttVariant::Negacyclic, 10, kA, kB, 300);
    CHECK(f.word[0] == (0x10u | 0x12u << 16 | 10u << 24));
    CHECK(f.word[1] == kA);
    CHECK(f.word[2] == 0u);
    CHECK(f.word[3] == kB);
    CHECK(f.word[4] == 300u);
    CHECK((f.word[5] | f.word[6] | f.word[7]) == 0u);
    CHECK(drv::forward(NttField::Goldilocks, NttVariant::Negacyclic, 10, kA, kB).word[4] == 1024u);

    const Descriptor i = drv::inverse(NttField::Kyber, NttVariant::Incomplete, 8, kA, kA);
    CHECK(i.word[0] == (0x11u | 0x24u << 16 | 8u << 24));
    CHECK(i.word[1] == kA);
    CHECK(i.word[3] == kA);
    CHECK(i.word[4] == 256u);
    CHECK(drv::inverse(NttField::Kyber, NttVariant::Incomplete, 8, kA, kA, 7).word[4] == 7u);

    struct Op {
        uint8_t code;
        Descriptor d, full;
    };
    const Op ops[] = {
        {0x20, drv::pmul(NttField::Dilithium, NttVariant::Cyclic, 5, kA, kB, kC, 3),
         drv::pmul(NttField::Dilithium, NttVariant::Cyclic, 5, kA, kB, kC)},
        {0x21, drv::padd(NttField::Dilithium, NttVariant::Cyclic, 5, kA, kB, kC, 3),
         drv::padd(NttField::Dilithium, NttVariant::Cyclic, 5, kA, kB, kC)},
        {0x22, drv::psub(NttField::Dilithium, NttVariant::Cyclic, 5, kA, kB, kC, 3),
         drv::psub(NttField::Dilithium, NttVariant::Cyclic, 5, kA, kB, kC)},
    };
    for (const Op& o : ops) {
        INFO("opcode " << unsigned(o.code));
        CHECK(o.d.word[0] == (o.code | 0x03u << 16 | 5u << 24));
        CHECK(o.d.word[1] == kA);
        CHECK(o.d.word[2] == kB);
        CHECK(o.d.word[3] == kC);
        CHECK(o.d.word[4] == 3u);
        CHECK(o.full.word[4] == 32u);
        CHECK(drv::has_src1(o.code));
    }
    CHECK_FALSE(drv::has_src1(drv::kOpForward));
    CHECK_FALSE(drv::has_src1(drv::kOpInverse));
    // The shell's chained builders still apply (FLAGS.IRQ).
    Descriptor irq = drv::forward(NttField::BabyBear, NttVariant::Cyclic, 4, kA, kB);
    irq.irq();
    CHECK(irq.flags() == 1u);
    CHECK(drv::check(irq, kConfigs[0]) == AccelError::None);
}

TEST_CASE(
    "driver: check() agrees with the model's check_config for every field, variant and "
    "size",
    "[driver]") {
    unsigned accepted = 0;
    for (const NttCaps& caps : kConfigs) {
        for (unsigned f = 0; f < 16; ++f)
            for (unsigned v = 0; v < 16; ++v)
                for (unsigned k = 0; k <= 20; ++k) {
                    AccelError want = engine_code(model::check_config(f, v, std::size_t(1) << k));
                    // The engine's own limits come on top of the model's: an unbuilt field is a
                    // bad type (reported before the variant), a size outside CAPS a bad size.
                    if (f < 8 && ((caps.fields >> f) & 1) == 0) want = AccelError::BadType;
                    if (want == AccelError::None && (k < caps.min_log_n || k > caps.max_log_n))
                        want = AccelError::BadSize;
                    for (uint8_t op : {drv::kOpForward, drv::kOpInverse, drv::kOpPmul, drv::kOpPadd,
                                       drv::kOpPsub}) {
                        const Descriptor d =
                            drv::make(op, NttField(f), NttVariant(v), k, kA, kB, kC, 1);
                        const AccelError got = drv::check(d, caps);
                        if (got != want)
                            FAIL_CHECK("caps p=" << caps.p << " max=" << caps.max_log_n
                                                 << " fields=" << caps.fields << " field " << f
                                                 << " variant " << v << " log_n " << k << " opcode "
                                                 << unsigned(op) << ": want " << want << ", got "
                                                 << got);
                        if (got == AccelError::None) ++accepted;
                    }
                }
    }
    CHECK(accepted > 0u);
}

TEST_CASE("driver: check() reports opcode, flags, params, LENGTH, alignment and range in order",
          "[driver]") {
    const NttCaps caps = kConfigs[0];  // P=1, 2^2..2^10, all fields
    const NttField bb = NttField::BabyBear, gl = NttField::Goldilocks;
    const NttVariant cy = NttVariant::Cyclic;
    auto chk = [&](const Descriptor& d) { return drv::check(d, caps); };
    const Descriptor good = drv::pmul(bb, cy, 8, kA, kB, kC);
    CHECK(chk(good) == AccelError::None);

    // Opcodes.
    for (unsigned op = 0; op < 256; ++op) {
        Descriptor d = good;
        d.word[0] = (d.word[0] & ~0xFFu) | op;
        const bool ok = op == 0x10 || op == 0x11 || op == 0x20 || op == 0x21 || op == 0x22;
        CHECK(chk(d) == (ok ? AccelError::None : AccelError::BadOpcode));
    }
    // FLAGS other than IRQ, PARAM0..2.
    for (unsigned fl = 0; fl < 256; ++fl) {
        Descriptor d = good;
        d.flags(uint8_t(fl));
        CHECK(chk(d) == (fl <= 1 ? AccelError::None : AccelError::BadType));
    }
    CHECK(chk(Descriptor(good).param0(1)) == AccelError::BadType);
    CHECK(chk(Descriptor(good).param1(0x80000000u)) == AccelError::BadType);
    CHECK(chk(Descriptor(good).param2(2)) == AccelError::BadType);
    // LENGTH: 1..N.
    CHECK(chk(Descriptor(good).length(0)) == AccelError::BadSize);
    CHECK(chk(Descriptor(good).length(1)) == AccelError::None);
    CHECK(chk(Descriptor(good).length(256)) == AccelError::None);
    CHECK(chk(Descriptor(good).length(257)) == AccelError::BadSize);
    CHECK(chk(Descriptor(good).length(0xFFFFFFFFu)) == AccelError::BadSize);
    // Alignment to the element size; SRC1 only for the two-operand opcodes.
    CHECK(chk(Descriptor(good).src0(kA + 2)) == AccelError::Misaligned);
    CHECK(chk(Descriptor(good).src1(kB + 1)) == AccelError::Misaligned);
    CHECK(chk(Descriptor(good).dst(kC + 3)) == AccelError::Misaligned);
    CHECK(chk(drv::forward(bb, cy, 8, kA, kC).src1(3)) == AccelError::None);
    CHECK(chk(drv::inverse(bb, cy, 8, kA, kC).src1(0xFFFFFFFFu)) == AccelError::None);
    CHECK(chk(drv::forward(gl, cy, 8, kA + 4, kC)) == AccelError::Misaligned);
    CHECK(chk(drv::forward(gl, cy, 8, kA, kC + 4)) == AccelError::Misaligned);
    CHECK(chk(drv::padd(gl, cy, 8, kA, kB + 4, kC)) == AccelError::Misaligned);
    CHECK(chk(drv::padd(gl, cy, 8, kA + 8, kB + 8, kC + 8)) == AccelError::None);
    // Ranges: SRC0 covers LENGTH elements, SRC1 and DST cover N; ending exactly at 2^32 is fine.
    CHECK(chk(drv::forward(bb, cy, 8, 0xFFFFFC00u, kC)) == AccelError::None);
    CHECK(chk(drv::forward(bb, cy, 8, 0xFFFFFC04u, kC)) == AccelError::OutOfRange);
    CHECK(chk(drv::forward(bb, cy, 8, 0xFFFFFF00u, kC, 64)) == AccelError::None);
    CHECK(chk(drv::forward(bb, cy, 8, 0xFFFFFF00u, kC, 65)) == AccelError::OutOfRange);
    CHECK(chk(drv::forward(bb, cy, 8, kA, 0xFFFFFC00u)) == AccelError::None);
    CHECK(chk(drv::forward(bb, cy, 8, kA, 0xFFFFFF00u, 64)) == AccelError::OutOfRange);
    CHECK(chk(drv::forward(bb, cy, 8, kA, kC).src1(0xFFFFFFF0u)) == AccelError::None);
    CHECK(chk(drv::psub(bb, cy, 8, kA, 0xFFFFFC00u, kC)) == AccelError::None);
    CHECK(chk(drv::psub(bb, cy, 8, kA, 0xFFFFFC04u, kC)) == AccelError::OutOfRange);
    CHECK(chk(drv::forward(gl, cy, 8, 0xFFFFF800u, 0u)) == AccelError::None);
    CHECK(chk(drv::forward(gl, cy, 8, 0xFFFFF808u, 0u)) == AccelError::OutOfRange);
    CHECK(chk(drv::forward(gl, cy, 8, 0u, 0xFFFFFFF8u)) == AccelError::OutOfRange);
    // The order: the first failing check is reported.
    Descriptor all_bad =
        drv::make(0x12, NttField(7), NttVariant(5), 30, kA + 1, kB + 1, 0xFFFFFFFDu, 0);
    all_bad.flags(0x80).param0(1);
    CHECK(chk(all_bad) == AccelError::BadOpcode);
    all_bad.word[0] = (all_bad.word[0] & ~0xFFu) | drv::kOpPmul;
    CHECK(chk(all_bad) == AccelError::BadType);  // flags and params
    all_bad.flags(0).param0(0);
    CHECK(chk(all_bad) == AccelError::BadType);  // field
    all_bad.type(drv::type_code(bb, NttVariant(5)));
    CHECK(chk(all_bad) == AccelError::BadType);  // variant
    all_bad.type(drv::type_code(bb, cy));
    CHECK(chk(all_bad) == AccelError::BadSize);  // LOG_N
    all_bad.log_n(8);
    CHECK(chk(all_bad) == AccelError::BadSize);  // LENGTH 0
    all_bad.length(1);
    CHECK(chk(all_bad) == AccelError::Misaligned);
    all_bad.src0(kA).src1(kB);
    CHECK(chk(all_bad) == AccelError::Misaligned);  // DST
    all_bad.dst(0xFFFFFFFCu);
    CHECK(chk(all_bad) == AccelError::OutOfRange);
    all_bad.dst(kC);
    CHECK(chk(all_bad) == AccelError::None);
}
