// SPDX-License-Identifier: Apache-2.0
// Golden model of the NTT coprocessor: forward and inverse NTT (cyclic, negacyclic, and the
// incomplete negacyclic NTT of FIPS 203), pointwise multiply/add/sub, and the twiddle tables.
// The RTL must produce exactly these outputs; docs/ntt-model.md is the prose version.
//
// One convention for every field and variant (the one FIPS 203 and FIPS 204 use):
//   forward: natural-order input -> bit-reversed-order output, Cooley-Tukey butterflies
//            (u, v) -> (u + z*v, u - z*v), layers from len = N/2 down, one twiddle z per
//            butterfly group taken in order from Twiddles::forward[1], [2], ...
//   inverse: bit-reversed-order input -> natural-order output, Gentleman-Sande butterflies
//            (x, y) -> (x + y, z^-1 * (x - y)), layers from the smallest len up, then every
//            element multiplied by Twiddles::scale (1/N; 1/(N/2) for Incomplete).
// Output index i of forward() holds (2^k = N, br_k = reversal of the low k bits):
//   Cyclic      a(omega_N ^ br_k(i))                          a mod (x^N - 1)  diagonalised
//   Negacyclic  a(psi ^ (2 br_k(i) + 1)),  psi = omega_2N      a mod (x^N + 1)  diagonalised
//   Incomplete  pairs (2i, 2i+1) = a mod (x^2 - gamma_i), gamma_i = omega_N^(2 br_{k-1}(i) + 1)
// For Dilithium, Negacyclic, N = 256 is FIPS 204's NTT / NTT^-1 (Algorithms 41, 42); for
// Kyber, Incomplete, N = 256 is FIPS 203's NTT / NTT^-1 / MultiplyNTTs (Algorithms 9-12).
// All values are canonical in [0, p); every entry point checks its inputs and throws
// NttException with the NttError code the hardware reports.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/ntt/ntt_field.h"

namespace epoxy::ntt {

using Vec = std::vector<std::uint64_t>;

// Variant codes: the values are the descriptor's variant field in the RTL (do not renumber).
enum class Variant : std::uint8_t {
    Cyclic = 0,      // product mod x^N - 1; needs omega_N
    Negacyclic = 1,  // product mod x^N + 1; needs psi = omega_2N
    Incomplete = 2,  // product mod x^N + 1 over degree-1 pairs (FIPS 203 style); needs omega_N
};
const char* to_string(Variant v);
// Decode a raw variant code; throws NttException(UnknownVariant).
Variant variant_from_code(unsigned code);

// The engine's size cap, whatever the field allows: N <= 2^14 (the scratchpad the RTL is
// sized for). The smallest size is N = 2 for every variant.
inline constexpr unsigned kMinLogN = 1;
inline constexpr unsigned kMaxLogN = 14;

// Supported sizes N = 2^k, min_log_n <= k <= max_log_n, for a field and variant:
//   max_log_n = min(kMaxLogN, s) for Cyclic and Incomplete, min(kMaxLogN, s - 1) for
//   Negacyclic, where s is the field's two-adicity.
struct SizeRange {
    unsigned min_log_n;
    unsigned max_log_n;
};
SizeRange supported_sizes(FieldId f, Variant v);

// Non-throwing check of a configuration: None, UnknownField, UnknownVariant or
// UnsupportedSize (the checks the RTL shell makes on a descriptor before it starts).
NttError check_config(unsigned field_code, unsigned variant_code, std::size_t n);

// The tables the model runs from. The RTL may store them or generate them on the fly, but
// it must use these values in this order.
struct Twiddles {
    // forward[j] is the Cooley-Tukey twiddle of butterfly group j, groups numbered 1, 2, ...
    // in the order the forward transform visits them (layer by layer, left to right); group
    // j = 2^l + g is group g of layer l. forward[0] = 1 is never used. Size N (N/2 for
    // Incomplete). With k = log2 N:
    //   Cyclic      forward[2^l + g] = omega_N ^ br_{k-1}(g)
    //   Negacyclic  forward[j]       = psi ^ br_k(j)              (FIPS 204's zetas)
    //   Incomplete  forward[j]       = omega_N ^ br_{k-1}(j)      (FIPS 203's zetas)
    Vec forward;
    // inverse[j] = forward[j]^-1, used by the inverse transform for the same group j.
    // (FIPS 203/204 walk the groups in the other direction and store -zetas[m] / zetas[m];
    // the values multiplied in are the same, see docs/ntt-model.md.)
    Vec inverse;
    // Incomplete only (empty otherwise): gamma[i] = omega_N^(2 br_{k-1}(i) + 1), the
    // modulus x^2 - gamma[i] of pair i used by pointwise_mul (FIPS 203's BaseCaseMultiply).
    Vec gamma;
    // Final multiplier of the inverse: (2^layers)^-1 = N^-1, or (N/2)^-1 for Incomplete
    // (FIPS 203: 3303 = 128^-1 mod 3329; FIPS 204: 8347681 = 256^-1 mod 8380417).
    std::uint64_t scale = 0;
};

// The tables for a supported configuration; throws NttException otherwise.
Twiddles make_twiddles(FieldId f, Variant v, std::size_t n);

// A checked (field, variant, N) with its tables: every operation of the engine.
class NttPlan {
  public:
    // Throws NttException(UnsupportedSize / UnknownField / UnknownVariant).
    NttPlan(FieldId f, Variant v, std::size_t n);
    // With caller-supplied tables (tables loaded by firmware, or deliberately wrong ones to
    // show that the checks catch them). Only the shape and range are checked
    // (InvalidTwiddles), not the values: the point is to run with whatever is given.
    NttPlan(FieldId f, Variant v, std::size_t n, Twiddles tables);

    const Field& field() const { return *field_; }
    Variant variant() const { return variant_; }
    std::size_t n() const { return n_; }
    unsigned log_n() const { return log_n_; }
    const Twiddles& twiddles() const { return tw_; }

    // Forward NTT: natural order in, bit-reversed order out.
    Vec forward(Vec a) const;
    // Inverse NTT (scaled): bit-reversed order in, natural order out. inverse(forward(a)) = a.
    Vec inverse(Vec a) const;
    // Product in the NTT domain: element by element for Cyclic and Negacyclic; for
    // Incomplete, pair i is (a0 + a1 x)(b0 + b1 x) mod (x^2 - gamma[i]):
    //   c0 = a0 b0 + a1 b1 gamma[i],  c1 = a0 b1 + a1 b0.
    Vec pointwise_mul(const Vec& a, const Vec& b) const;
    Vec pointwise_add(const Vec& a, const Vec& b) const;
    Vec pointwise_sub(const Vec& a, const Vec& b) const;

    // Convenience: inverse(pointwise_mul(forward(a), forward(b))), the product of a and b
    // mod x^N - 1 (Cyclic) or x^N + 1 (Negacyclic, Incomplete).
    Vec multiply(const Vec& a, const Vec& b) const;

    // The point at which forward() output i evaluates its input (Cyclic, Negacyclic), or
    // gamma[i/2] for Incomplete (where output i is coefficient i%2 of a mod x^2 - gamma).
    std::uint64_t evaluation_point(std::size_t i) const;

  private:
    void check_operand(const Vec& a, const char* what) const;
    std::string context() const;

    const Field* field_;
    Variant variant_;
    std::size_t n_;
    unsigned log_n_;
    Twiddles tw_;
};

// Bit reversal of the low `bits` bits of x.
std::size_t bit_reverse(std::size_t x, unsigned bits);

}  // namespace epoxy::ntt
