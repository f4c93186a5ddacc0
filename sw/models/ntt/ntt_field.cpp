// SPDX-License-Identifier: Apache-2.0
// The five NTT fields: constants and canonical modular arithmetic.
#include "models/ntt/ntt_field.h"

namespace epoxy::ntt {

namespace {

// Generators. BabyBear 31, KoalaBear 3 and Goldilocks 7 are the smallest generators (and
// the ones Plonky2/Plonky3 use). For the lattice fields the smallest generator does not
// give the standards' roots, so g is the smallest generator with
//   Dilithium: g^((q-1)/512) = 1753 (FIPS 204's zeta)  -> g = 874
//   Kyber:     g^((q-1)/256) = 17   (FIPS 203's zeta)  -> g = 147
// tests/models/test_ntt_field.cpp checks every one of these claims.
const std::array<Field, kFieldCount> kFields = {{
    {FieldId::BabyBear, "BabyBear", 0x78000001ULL, 31, 27},
    {FieldId::KoalaBear, "KoalaBear", 0x7f000001ULL, 3, 24},
    {FieldId::Goldilocks, "Goldilocks", 0xffffffff00000001ULL, 7, 32},
    {FieldId::Dilithium, "Dilithium", 8380417ULL, 874, 13},
    {FieldId::Kyber, "Kyber", 3329ULL, 147, 8},
}};

}  // namespace

const char* to_string(NttError e) {
    switch (e) {
        case NttError::None:
            return "None";
        case NttError::UnknownField:
            return "UnknownField";
        case NttError::UnknownVariant:
            return "UnknownVariant";
        case NttError::UnsupportedSize:
            return "UnsupportedSize";
        case NttError::LengthMismatch:
            return "LengthMismatch";
        case NttError::ValueOutOfRange:
            return "ValueOutOfRange";
        case NttError::InvalidTwiddles:
            return "InvalidTwiddles";
    }
    return "?";
}

std::uint64_t Field::add(std::uint64_t a, std::uint64_t b) const {
    // a + b may wrap 2^64 for Goldilocks; the wrapped sum is then a + b - 2^64 < p and
    // the true sum is >= p, so subtracting p (mod 2^64) gives the right answer either way.
    std::uint64_t s = a + b;
    if (s < a || s >= p) s -= p;
    return s;
}

std::uint64_t Field::sub(std::uint64_t a, std::uint64_t b) const {
    return a >= b ? a - b : a + (p - b);
}

std::uint64_t Field::neg(std::uint64_t a) const {
    return a == 0 ? 0 : p - a;
}

std::uint64_t Field::mul(std::uint64_t a, std::uint64_t b) const {
    if (p < (1ULL << 32)) return (a * b) % p;
    return static_cast<std::uint64_t>(static_cast<unsigned __int128>(a) * b % p);
}

std::uint64_t Field::pow(std::uint64_t a, std::uint64_t e) const {
    std::uint64_t r = 1 % p;
    while (e != 0) {
        if (e & 1) r = mul(r, a);
        a = mul(a, a);
        e >>= 1;
    }
    return r;
}

std::uint64_t Field::inv(std::uint64_t a) const {
    if (a == 0) throw std::domain_error(std::string("ntt: ") + name + ": inverse of 0");
    return pow(a, p - 2);
}

std::uint64_t Field::root_of_unity(std::uint64_t n) const {
    if (n == 0 || (p - 1) % n != 0) {
        throw std::domain_error(std::string("ntt: ") + name + ": no primitive " +
                                std::to_string(n) + "-th root of unity (n must divide p - 1)");
    }
    return pow(generator, (p - 1) / n);
}

const Field& field(FieldId id) {
    return field_from_code(static_cast<unsigned>(id));
}

const Field& field_from_code(unsigned code) {
    if (code >= kFieldCount) {
        throw NttException(NttError::UnknownField,
                           "ntt: field code " + std::to_string(code) +
                               " is not a supported field (0..4: BabyBear, KoalaBear, "
                               "Goldilocks, Dilithium, Kyber)");
    }
    return kFields[code];
}

}  // namespace epoxy::ntt
