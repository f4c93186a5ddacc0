// SPDX-License-Identifier: Apache-2.0
// Testbench of the NTT's modular multiplier alone (epoxy_ntt_modmul, Verilated with W =
// MODMUL_W and Fields = MODMUL_FIELDS): for every field built (bit f of MODMUL_FIELDS = field
// code f; Goldilocks only with W = 64), edge operands and random canonical pairs, each result
// against a * b mod p computed here with unsigned __int128 (not the RTL's algorithm).
// Operands are issued back to back (one per cycle) and also with gaps; the check is that each
// result appears exactly three clock edges after its operands and that r_o holds while
// valid_i is low. Exit status 0 when every check passes, 1 otherwise.
// Kyber (p = 3329) is also checked exhaustively: every pair (a, b) < p, 11 million products.
//   test_modmul [--random N] [--seed S]
#include MODMUL_TOP_HEADER

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <random>
#include <string>
#include <vector>

namespace {

using u64 = std::uint64_t;
using u128 = unsigned __int128;

struct Field {
    const char* name;
    unsigned code;  // field_i, the engine's field code
    u64 p;
};

// The engine's field codes (epoxy_ntt_pkg, sw/models/ntt) and moduli.
const Field kFields32[] = {
    {"BabyBear", 0, 0x78000001ull},
    {"KoalaBear", 1, 0x7F000001ull},
    {"Dilithium", 3, 8380417ull},
    {"Kyber", 4, 3329ull},
};
const Field kGoldilocks = {"Goldilocks", 2, 0xFFFFFFFF00000001ull};

constexpr int kLatency = 3;

u64 reference(u64 a, u64 b, u64 p) {
    return static_cast<u64>((u128)a * b % p);
}

// Integer square root of a 128-bit value (floor).
u64 isqrt128(u128 v) {
    u64 lo = 0, hi = ~0ull;
    while (lo < hi) {
        u64 mid = lo + (hi - lo) / 2 + 1;
        if ((u128)mid * mid <= v)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

class Bench {
  public:
    Bench() {
        dut_.clk_i = 0;
        dut_.valid_i = 0;
        dut_.field_i = 0;
        dut_.a_i = 0;
        dut_.b_i = 0;
        dut_.eval();
    }

    // One clock edge with the given inputs; returns r_o after the edge.
    u64 step(bool valid, unsigned field, u64 a, u64 b) {
        dut_.valid_i = valid;
        dut_.field_i = field;
        dut_.a_i = a;
        dut_.b_i = b;
        dut_.clk_i = 0;
        dut_.eval();
        dut_.clk_i = 1;
        dut_.eval();
        ++cycle_;
        return static_cast<u64>(dut_.r_o);
    }
    u64 cycle() const { return cycle_; }

  private:
    MODMUL_TOP dut_;
    u64 cycle_ = 0;
};

struct Op {
    u64 a, b, expect;
    u64 issued;  // cycle count after the issuing edge
};

class Checker {
  public:
    explicit Checker(Bench& bench) : bench_(bench) {}

    // Issue (a, b) in field f this cycle (or an idle cycle when op is null) and check whatever
    // is due: the output after the edge that is exactly kLatency edges after an issue must be
    // that op's result; after any other edge it must equal the previous output (hold).
    void cycle(const Field& f, const Op* op) {
        bool valid = op != nullptr;
        u64 a = valid ? op->a : rng_junk();
        u64 b = valid ? op->b : rng_junk();
        // Idle cycles drive junk operands (and another field code): they must be ignored.
        unsigned code = valid ? f.code : (f.code ^ 1u);
        u64 r = bench_.step(valid, code, a, b);
        if (valid) {
            Op o = *op;
            o.issued = bench_.cycle();
            pending_.push_back(o);
        }
        // Operands driven in cycle c are sampled at its closing edge e (the product register),
        // the quotient at e + 1, the result at e + 2: r_o shows it from edge e + kLatency - 1
        // on, i.e. in cycle c + kLatency, the contract the butterfly and pair unit rely on.
        if (!pending_.empty() && pending_.front().issued + kLatency - 1 == bench_.cycle()) {
            const Op& o = pending_.front();
            ++checked_;
            if (r != o.expect) fail(f, o, r, "wrong result");
            pending_.pop_front();
        } else if (have_last_ && r != last_) {
            ++failures_;
            if (failures_ <= 20)
                std::printf(
                    "FAIL %s: r_o changed from %llu to %llu with no result due (cycle %llu)\n",
                    f.name, (unsigned long long)last_, (unsigned long long)r,
                    (unsigned long long)bench_.cycle());
        }
        // A result that came early (or late) would change r_o when no result is due: the
        // hold rule above catches it, and the due check the wrong value.
        last_ = r;
        have_last_ = true;
    }

    void drain(const Field& f) {
        while (!pending_.empty()) cycle(f, nullptr);
    }

    u64 checked() const { return checked_; }
    u64 failures() const { return failures_; }
    void seed(u64 s) { junk_.seed(s ^ 0x5A5Aull); }

  private:
    u64 rng_junk() { return junk_(); }
    void fail(const Field& f, const Op& o, u64 got, const char* what) {
        ++failures_;
        if (failures_ <= 20)
            std::printf("FAIL %s: %s: %llu * %llu mod %llu = %llu, got %llu\n", f.name, what,
                        (unsigned long long)o.a, (unsigned long long)o.b, (unsigned long long)f.p,
                        (unsigned long long)o.expect, (unsigned long long)got);
    }

    Bench& bench_;
    std::deque<Op> pending_;
    std::mt19937_64 junk_{7};
    u64 last_ = 0;
    bool have_last_ = false;
    u64 checked_ = 0, failures_ = 0;
};

// Edge operands of field p: the values the reduction's bounds are tight at.
std::vector<std::pair<u64, u64>> edge_pairs(u64 p, unsigned w) {
    std::vector<u64> v = {0,     1,           2,           3,     p - 1,      p - 2,
                          p - 3, (p - 1) / 2, (p + 1) / 2, p / 3, 2 * (p / 3)};
    // Values near 2^(bitlength(p) - 1) and 2^bitlength(p) that are canonical.
    unsigned n = 0;
    while (n < 64 && (p >> n) != 0) ++n;
    for (unsigned s : {n - 1, n - 2}) {
        u64 c = 1ull << s;
        for (u64 d : {c - 1, c, c + 1})
            if (d < p) v.push_back(d);
    }
    if (w == 32) {
        for (u64 d : {0x7FFFFFFFull, 0x80000000ull, 0xFFFFFFFFull})
            if (d < p) v.push_back(d);
    }
    // 64-bit operands (Goldilocks): halves whose sum carries into bit 32 or just does not
    // (the Karatsuba pre-sums a_lo + a_hi), halves at 0 and 2^32 - 1, and the largest
    // pre-sums (their product sets the top bits of the middle product).
    if (n > 32) {
        for (u64 d : {0xFFFFFFFEFFFFFFFFull, 0xFFFFFFFEFFFFFFFEull, 0xFFFFFFFE00000001ull,
                      0xFFFFFFFE00000000ull, 0x8000000080000000ull, 0x800000007FFFFFFFull,
                      0x7FFFFFFF80000001ull, 0x00000001FFFFFFFFull, 0x00000001FFFFFFFEull,
                      0x7FFFFFFFFFFFFFFFull, 0xFFFFFFFFull, 0x100000000ull, 0x100000001ull,
                      0x123456789ABCDEF0ull, 0xEDCBA98765432101ull})
            if (d < p) v.push_back(d);
    }
    std::vector<std::pair<u64, u64>> pairs;
    for (u64 a : v)
        for (u64 b : v) pairs.emplace_back(a, b);
    // Products just below p^2 and just below multiples of p: a * b close to (q + 1) p - 1 for
    // the largest q, i.e. the remainder p - 1 with the largest quotient; and pairs whose
    // product is the largest below p^2 that factor (a, b) < p.
    for (u64 a = p - 1; a + 64 >= p && a > 0; --a)
        for (u64 b = p - 1; b + 8 >= p && b > 0; --b) pairs.emplace_back(a, b);
    // a * b = largest product with remainder p - 1 or p - 2 for a = p - 1 - i.
    for (u64 i = 0; i < 32 && i < p; ++i) {
        u64 a = p - 1 - i;
        for (u64 target_r : {p - 1, p - 2, u64{0}}) {
            // b with a * b mod p = target_r: b = target_r * a^-1 mod p.
            // a^-1 by Fermat (p prime): a^(p-2).
            if (a == 0) continue;
            u64 inv = 1, base = a, e = p - 2;
            while (e) {
                if (e & 1) inv = reference(inv, base, p);
                base = reference(base, base, p);
                e >>= 1;
            }
            pairs.emplace_back(a, reference(target_r, inv, p));
        }
    }
    // The largest products below p^2 near sqrt: around floor(sqrt(p^2 - 1)) = p - 1, and
    // values near sqrt(2^k) for quotients at powers of two.
    u64 sq = isqrt128((u128)p * p / 2);
    for (u64 d = 0; d < 16; ++d)
        if (sq + d < p && sq >= d) {
            pairs.emplace_back(sq + d, sq + d);
            pairs.emplace_back(sq - d, sq + d);
        }
    return pairs;
}

}  // namespace

int main(int argc, char** argv) {
    u64 random_count = 100000;
    u64 seed = 12345;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--random") && i + 1 < argc)
            random_count = std::strtoull(argv[++i], nullptr, 0);
        else if (!std::strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = std::strtoull(argv[++i], nullptr, 0);
        else {
            std::fprintf(stderr, "usage: %s [--random N] [--seed S]\n", argv[0]);
            return 2;
        }
    }

    // The fields built: a field left out of Fields may give any value (the engine rejects
    // its descriptors), so only these are checked.
    constexpr unsigned kBuilt = MODMUL_FIELDS;
    std::vector<Field> fields;
    for (const Field& f : kFields32)
        if (kBuilt >> f.code & 1u) fields.push_back(f);
    if (MODMUL_W == 64 && (kBuilt >> kGoldilocks.code & 1u)) fields.push_back(kGoldilocks);
    if (fields.empty()) {
        std::fprintf(stderr, "test_modmul: no field built (Fields = 0x%02x, W = %d)\n", kBuilt,
                     MODMUL_W);
        return 2;
    }

    Bench bench;
    Checker check(bench);
    check.seed(seed);
    std::mt19937_64 rng(seed);
    u64 total_failures = 0;

    for (const Field& f : fields) {
        u64 before_checked = check.checked();
        u64 before_fail = check.failures();
        auto issue = [&](u64 a, u64 b) {
            Op op{a, b, reference(a, b, f.p), 0};
            check.cycle(f, &op);
        };
        // Edge cases, back to back.
        auto edges = edge_pairs(f.p, MODMUL_W);
        for (auto& [a, b] : edges) issue(a, b);
        check.drain(f);
        // Random canonical pairs: mostly back to back, with idle gaps of 1..5 cycles now and then
        // (the outputs must hold through them).
        std::uniform_int_distribution<u64> elem(0, f.p - 1);
        std::uniform_int_distribution<int> gap(0, 15);
        for (u64 i = 0; i < random_count; ++i) {
            // A quarter of the operands near p - 1 (large products).
            u64 a = elem(rng), b = elem(rng);
            if ((i & 3) == 1) {
                a = f.p - 1 - (a & 0xFFFF) % f.p;
                b = f.p - 1 - (b & 0xFFFF) % f.p;
            }
            issue(a, b);
            int g = gap(rng);
            if (g >= 12)
                for (int k = 0; k < g - 11; ++k) check.cycle(f, nullptr);
        }
        check.drain(f);
        // Small fields: every pair.
        if (f.p < (1u << 12)) {
            for (u64 a = 0; a < f.p; ++a)
                for (u64 b = 0; b < f.p; ++b) issue(a, b);
            check.drain(f);
        }
        // Hold: a long idle stretch after the last result.
        for (int k = 0; k < 10; ++k) check.cycle(f, nullptr);
        u64 n = check.checked() - before_checked;
        u64 nf = check.failures() - before_fail;
        std::printf("%-10s p = %llu: %llu products (%zu edge), %llu failures\n", f.name,
                    (unsigned long long)f.p, (unsigned long long)n, edges.size(),
                    (unsigned long long)nf);
        total_failures += nf;
    }
    std::printf("modmul W = %d, Fields = 0x%02x: %llu products checked, %s\n", MODMUL_W,
                kBuilt, (unsigned long long)check.checked(),
                total_failures ? "FAILED" : "all passed");
    return total_failures ? 1 : 0;
}
