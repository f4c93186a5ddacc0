// SPDX-License-Identifier: Apache-2.0
// The five prime fields of the NTT coprocessor and their modular arithmetic (golden model).
//
// Every value the model takes or returns is canonical: an integer in [0, p). Arithmetic is
// on uint64_t; products go through 64-bit words for the 31-bit and smaller primes and
// through unsigned __int128 for Goldilocks. Nothing here is constant-time or fast: the
// model is the specification the RTL is checked against, not an implementation to ship.
//
// Roots of unity: each field has a fixed generator g of its multiplicative group, and the
// primitive N-th root used by every transform of size N is omega_N = g^((p-1)/N). For
// Kyber and Dilithium g is chosen so that the standards' roots come out: omega_256 = 17
// (FIPS 203) and omega_512 = 1753 (FIPS 204). See docs/ntt-model.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace epoxy::ntt {

// Error codes of the golden model (do not renumber: tests and docs name them). The block
// reports the accelerator shell's codes, to which these map (docs/ntt.md, Errors):
// UnknownField, UnknownVariant -> 3; UnsupportedSize, LengthMismatch -> 2; ValueOutOfRange -> 16.
enum class NttError : std::uint8_t {
    None = 0,
    UnknownField = 1,     // field code not in FieldId
    UnknownVariant = 2,   // variant code not in Variant
    UnsupportedSize = 3,  // N not a power of two, or outside the field's range for the variant
    LengthMismatch = 4,   // an operand's length is not N
    ValueOutOfRange = 5,  // an operand element is >= p
    InvalidTwiddles = 6,  // a supplied twiddle table has the wrong length or a value >= p
};

// Short stable name of an error code ("UnsupportedSize"), for messages and logs.
const char* to_string(NttError e);

// Thrown by every model function on bad input; code() is what the hardware would report.
class NttException : public std::runtime_error {
  public:
    NttException(NttError code, const std::string& what) : std::runtime_error(what), code_(code) {}
    NttError code() const { return code_; }

  private:
    NttError code_;
};

// Field codes: the values are the descriptor's field field in the RTL (do not renumber).
enum class FieldId : std::uint8_t {
    BabyBear = 0,    // p = 2^31 - 2^27 + 1
    KoalaBear = 1,   // p = 2^31 - 2^24 + 1
    Goldilocks = 2,  // p = 2^64 - 2^32 + 1
    Dilithium = 3,   // q = 8380417 = 2^23 - 2^13 + 1 (FIPS 204, ML-DSA)
    Kyber = 4,       // q = 3329 (FIPS 203, ML-KEM)
};

inline constexpr std::size_t kFieldCount = 5;
inline constexpr std::array<FieldId, kFieldCount> kAllFields = {
    FieldId::BabyBear, FieldId::KoalaBear, FieldId::Goldilocks, FieldId::Dilithium, FieldId::Kyber};

struct Field {
    FieldId id;
    const char* name;
    std::uint64_t p;          // the prime
    std::uint64_t generator;  // a generator of (Z/p)^*; omega_N = generator^((p-1)/N)
    unsigned two_adicity;     // largest s with 2^s | p - 1

    bool in_range(std::uint64_t x) const { return x < p; }

    // Arithmetic on canonical operands (a, b < p); results are canonical.
    std::uint64_t add(std::uint64_t a, std::uint64_t b) const;
    std::uint64_t sub(std::uint64_t a, std::uint64_t b) const;
    std::uint64_t neg(std::uint64_t a) const;
    std::uint64_t mul(std::uint64_t a, std::uint64_t b) const;
    std::uint64_t pow(std::uint64_t a, std::uint64_t e) const;
    // Inverse by Fermat (a^(p-2)); a must be non-zero.
    std::uint64_t inv(std::uint64_t a) const;

    // The primitive n-th root of unity generator^((p-1)/n); n must divide p - 1.
    std::uint64_t root_of_unity(std::uint64_t n) const;
};

// The field's constants. Throws NttException(UnknownField) for a value outside FieldId.
const Field& field(FieldId id);
// Decode a raw field code as the RTL would see it in a descriptor.
const Field& field_from_code(unsigned code);

}  // namespace epoxy::ntt
