// SPDX-License-Identifier: Apache-2.0
// The NTT golden model: twiddle tables, transforms and pointwise operations.
// Written to be read against FIPS 203 Algorithms 9-12 and FIPS 204 Algorithms 41-42: the
// loops below are theirs with the field, the size and the table as parameters.
#include "models/ntt/ntt_model.h"

#include <string>
#include <utility>

namespace epoxy::ntt {

namespace {

bool is_power_of_two(std::size_t n) {
    return n != 0 && (n & (n - 1)) == 0;
}

unsigned log2_exact(std::size_t n) {
    unsigned k = 0;
    while (k < 63 && (std::size_t{1} << k) < n) ++k;
    return k;
}

// Number of butterfly layers: all k for the complete transforms, k - 1 for Incomplete (the
// last layer, len = 1, is left out: pairs stay as degree-1 residues).
unsigned layers(Variant v, unsigned log_n) {
    return v == Variant::Incomplete ? log_n - 1 : log_n;
}

std::string size_text(std::size_t n) {
    return "N = " + std::to_string(n);
}

}  // namespace

const char* to_string(Variant v) {
    switch (v) {
        case Variant::Cyclic:
            return "cyclic";
        case Variant::Negacyclic:
            return "negacyclic";
        case Variant::Incomplete:
            return "incomplete";
    }
    return "?";
}

Variant variant_from_code(unsigned code) {
    if (code > static_cast<unsigned>(Variant::Incomplete)) {
        throw NttException(NttError::UnknownVariant,
                           "ntt: variant code " + std::to_string(code) +
                               " is not a supported variant (0 cyclic, 1 negacyclic, "
                               "2 incomplete)");
    }
    return static_cast<Variant>(code);
}

std::size_t bit_reverse(std::size_t x, unsigned bits) {
    std::size_t r = 0;
    for (unsigned i = 0; i < bits; ++i) r |= ((x >> i) & 1) << (bits - 1 - i);
    return r;
}

SizeRange supported_sizes(FieldId f, Variant v) {
    const Field& fd = field(f);
    variant_from_code(static_cast<unsigned>(v));
    // Negacyclic needs a primitive 2N-th root (psi), the others an N-th root.
    unsigned root_limit = v == Variant::Negacyclic ? fd.two_adicity - 1 : fd.two_adicity;
    return {kMinLogN, root_limit < kMaxLogN ? root_limit : kMaxLogN};
}

NttError check_config(unsigned field_code, unsigned variant_code, std::size_t n) {
    try {
        const Field& f = field_from_code(field_code);
        Variant v = variant_from_code(variant_code);
        if (!is_power_of_two(n)) return NttError::UnsupportedSize;
        SizeRange r = supported_sizes(f.id, v);
        unsigned k = log2_exact(n);
        if (k < r.min_log_n || k > r.max_log_n) return NttError::UnsupportedSize;
        return NttError::None;
    } catch (const NttException& e) {
        return e.code();
    }
}

namespace {

// Throws NttException (UnknownField, UnknownVariant or UnsupportedSize) with a message
// naming the configuration and the sizes that would have been accepted.
void require_config(FieldId f, Variant v, std::size_t n) {
    NttError err = check_config(static_cast<unsigned>(f), static_cast<unsigned>(v), n);
    if (err == NttError::None) return;
    const Field& fd = field(f);           // throws UnknownField
    SizeRange r = supported_sizes(f, v);  // throws UnknownVariant
    throw NttException(err, std::string("ntt: ") + fd.name + " " + to_string(v) + ": " +
                                size_text(n) + " is not supported (N = 2^k with " +
                                std::to_string(r.min_log_n) +
                                " <= k <= " + std::to_string(r.max_log_n) + ")");
}

}  // namespace

Twiddles make_twiddles(FieldId f, Variant v, std::size_t n) {
    require_config(f, v, n);
    const Field& fd = field(f);
    const unsigned k = log2_exact(n);
    Twiddles t;
    switch (v) {
        case Variant::Cyclic: {
            // Group g of layer l splits x^(2m) - r into x^m -+ z with z = omega^br_{k-1}(g):
            // the roots are reached in bit-reversed order, so every layer uses a prefix of
            // the same list omega^br_{k-1}(0), omega^br_{k-1}(1), ...
            const std::uint64_t omega = fd.root_of_unity(n);
            t.forward.assign(n, 1);
            for (unsigned l = 0; l < k; ++l) {
                for (std::size_t g = 0; g < (std::size_t{1} << l); ++g) {
                    t.forward[(std::size_t{1} << l) + g] = fd.pow(omega, bit_reverse(g, k - 1));
                }
            }
            break;
        }
        case Variant::Negacyclic: {
            // FIPS 204: zetas[j] = zeta^brv_k(j), zeta a primitive 2N-th root.
            const std::uint64_t psi = fd.root_of_unity(2 * static_cast<std::uint64_t>(n));
            t.forward.assign(n, 1);
            for (std::size_t j = 1; j < n; ++j) t.forward[j] = fd.pow(psi, bit_reverse(j, k));
            break;
        }
        case Variant::Incomplete: {
            // FIPS 203: zetas[j] = zeta^BitRev7(j), zeta a primitive 256th (N-th) root; that
            // is the negacyclic table of size N/2 applied to the even and odd coefficients.
            const std::uint64_t omega = fd.root_of_unity(n);
            t.forward.assign(n / 2, 1);
            for (std::size_t j = 1; j < n / 2; ++j) {
                t.forward[j] = fd.pow(omega, bit_reverse(j, k - 1));
            }
            t.gamma.resize(n / 2);
            for (std::size_t i = 0; i < n / 2; ++i) {
                t.gamma[i] = fd.pow(omega, 2 * bit_reverse(i, k - 1) + 1);
            }
            break;
        }
    }
    t.inverse.resize(t.forward.size());
    for (std::size_t j = 0; j < t.forward.size(); ++j) t.inverse[j] = fd.inv(t.forward[j]);
    t.scale = fd.inv(fd.pow(2, layers(v, k)));
    return t;
}

NttPlan::NttPlan(FieldId f, Variant v, std::size_t n) : NttPlan(f, v, n, make_twiddles(f, v, n)) {}

NttPlan::NttPlan(FieldId f, Variant v, std::size_t n, Twiddles tables)
    : field_(&epoxy::ntt::field(f)),
      variant_(v),
      n_(n),
      log_n_(log2_exact(n)),
      tw_(std::move(tables)) {
    require_config(f, v, n);
    const std::size_t groups = v == Variant::Incomplete ? n / 2 : n;
    const std::size_t gammas = v == Variant::Incomplete ? n / 2 : 0;
    auto check_table = [&](const Vec& t, std::size_t want, const char* name) {
        if (t.size() != want) {
            throw NttException(NttError::InvalidTwiddles,
                               "ntt: " + context() + ": twiddle table " + name + " has " +
                                   std::to_string(t.size()) + " entries, expected " +
                                   std::to_string(want));
        }
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (!field_->in_range(t[i])) {
                throw NttException(NttError::InvalidTwiddles,
                                   "ntt: " + context() + ": twiddle " + name + "[" +
                                       std::to_string(i) + "] = " + std::to_string(t[i]) +
                                       " is not below p = " + std::to_string(field_->p));
            }
        }
    };
    check_table(tw_.forward, groups, "forward");
    check_table(tw_.inverse, groups, "inverse");
    check_table(tw_.gamma, gammas, "gamma");
    check_table(Vec{tw_.scale}, 1, "scale");
}

std::string NttPlan::context() const {
    return std::string(field_->name) + " " + to_string(variant_) + " " + size_text(n_);
}

void NttPlan::check_operand(const Vec& a, const char* what) const {
    if (a.size() != n_) {
        throw NttException(NttError::LengthMismatch, "ntt: " + context() + ": operand " + what +
                                                         " has " + std::to_string(a.size()) +
                                                         " elements, expected " +
                                                         std::to_string(n_));
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!field_->in_range(a[i])) {
            throw NttException(NttError::ValueOutOfRange,
                               "ntt: " + context() + ": operand " + what + "[" + std::to_string(i) +
                                   "] = " + std::to_string(a[i]) +
                                   " is not below p = " + std::to_string(field_->p));
        }
    }
}

Vec NttPlan::forward(Vec a) const {
    check_operand(a, "a");
    const Field& f = *field_;
    const std::size_t stop = variant_ == Variant::Incomplete ? 2 : 1;
    std::size_t j = 1;  // butterfly group, FIPS 203's i / FIPS 204's m
    for (std::size_t len = n_ / 2; len >= stop; len /= 2) {
        for (std::size_t start = 0; start < n_; start += 2 * len) {
            const std::uint64_t z = tw_.forward[j++];
            for (std::size_t x = start; x < start + len; ++x) {
                const std::uint64_t t = f.mul(z, a[x + len]);
                a[x + len] = f.sub(a[x], t);
                a[x] = f.add(a[x], t);
            }
        }
    }
    return a;
}

Vec NttPlan::inverse(Vec a) const {
    check_operand(a, "a");
    const Field& f = *field_;
    const std::size_t first = variant_ == Variant::Incomplete ? 2 : 1;
    for (std::size_t len = first; len <= n_ / 2; len *= 2) {
        const std::size_t groups = n_ / (2 * len);  // layer l has 2^l groups, numbered 2^l + g
        for (std::size_t g = 0; g < groups; ++g) {
            const std::uint64_t z = tw_.inverse[groups + g];
            const std::size_t start = 2 * len * g;
            for (std::size_t x = start; x < start + len; ++x) {
                const std::uint64_t t = a[x];
                a[x] = f.add(t, a[x + len]);
                a[x + len] = f.mul(z, f.sub(t, a[x + len]));
            }
        }
    }
    for (auto& v : a) v = f.mul(v, tw_.scale);
    return a;
}

Vec NttPlan::pointwise_mul(const Vec& a, const Vec& b) const {
    check_operand(a, "a");
    check_operand(b, "b");
    const Field& f = *field_;
    Vec c(n_);
    if (variant_ != Variant::Incomplete) {
        for (std::size_t i = 0; i < n_; ++i) c[i] = f.mul(a[i], b[i]);
        return c;
    }
    for (std::size_t i = 0; i < n_ / 2; ++i) {
        const std::uint64_t a0 = a[2 * i], a1 = a[2 * i + 1], b0 = b[2 * i], b1 = b[2 * i + 1];
        c[2 * i] = f.add(f.mul(a0, b0), f.mul(f.mul(a1, b1), tw_.gamma[i]));
        c[2 * i + 1] = f.add(f.mul(a0, b1), f.mul(a1, b0));
    }
    return c;
}

Vec NttPlan::pointwise_add(const Vec& a, const Vec& b) const {
    check_operand(a, "a");
    check_operand(b, "b");
    Vec c(n_);
    for (std::size_t i = 0; i < n_; ++i) c[i] = field_->add(a[i], b[i]);
    return c;
}

Vec NttPlan::pointwise_sub(const Vec& a, const Vec& b) const {
    check_operand(a, "a");
    check_operand(b, "b");
    Vec c(n_);
    for (std::size_t i = 0; i < n_; ++i) c[i] = field_->sub(a[i], b[i]);
    return c;
}

Vec NttPlan::multiply(const Vec& a, const Vec& b) const {
    return inverse(pointwise_mul(forward(a), forward(b)));
}

std::uint64_t NttPlan::evaluation_point(std::size_t i) const {
    if (i >= n_) {
        throw NttException(NttError::LengthMismatch, "ntt: " + context() + ": output index " +
                                                         std::to_string(i) + " is not below N");
    }
    const Field& f = *field_;
    switch (variant_) {
        case Variant::Cyclic:
            return f.pow(f.root_of_unity(n_), bit_reverse(i, log_n_));
        case Variant::Negacyclic:
            return f.pow(f.root_of_unity(2 * static_cast<std::uint64_t>(n_)),
                         2 * bit_reverse(i, log_n_) + 1);
        case Variant::Incomplete:
            return f.pow(f.root_of_unity(n_), 2 * bit_reverse(i / 2, log_n_ - 1) + 1);
    }
    return 0;
}

}  // namespace epoxy::ntt
