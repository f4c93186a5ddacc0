// SPDX-License-Identifier: Apache-2.0
// epoxy-bench-vectors: writes firmware/bench/bench_vectors.h, the expected results of the
// firmware benchmark kernels, computed on the host by code that shares nothing with the
// firmware: GMP (mpz) for the 256-bit Montgomery products, OpenSSL for SHA-256, AES-128-CTR
// and secp256k1 point additions (EC_POINT_add), and plain 64-bit host arithmetic for the
// CRC-32 (bitwise), the matrix product and the naive O(n^2) DFTs over BabyBear.
//
//   epoxy-bench-vectors OUT.h
//
// Deterministic: the firmware's inputs come from xorshift32 with the seeds below (the
// firmware regenerates them from the same seeds), the 256-bit operands and the curve scalars
// from std::mt19937_64 seeded with kWideSeed (its output sequence is fixed by the C++
// standard). A ctest regenerates the header and fails when it differs from the committed one.
#include <gmp.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>

#include <array>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr uint32_t kCrcSeed = 0x12345678u;
constexpr uint32_t kCrcLen = 2048;
constexpr uint32_t kShaSeed = 0x5EED5A25u;
constexpr uint32_t kShaLen = 1024;
constexpr uint32_t kAesSeed = 0xAE5C7201u;
constexpr uint32_t kAesLen = 1024;
constexpr uint32_t kSortSeed = 0xC0FFEE11u;
constexpr uint32_t kMatmulSeed = 0x2545F491u;
constexpr int kMatmulN = 16;
constexpr uint32_t kNtt256Seed = 0xBABEBEA7u;
constexpr uint32_t kNtt1024Seed = 0xBABE1024u;
constexpr uint32_t kBabyBear = 0x78000001u;
constexpr int kModmulCount = 32;
constexpr int kEcaddCount = 8;
constexpr uint64_t kWideSeed = 20240601u;

const char* const kSecp256k1P = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
const char* const kBn254P = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47";

uint32_t xorshift32(uint32_t& s) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
}

std::vector<uint8_t> random_bytes(uint32_t& s, size_t n) {
    std::vector<uint8_t> v(n);
    for (auto& b : v) b = static_cast<uint8_t>(xorshift32(s));
    return v;
}

std::string hex32(uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08" PRIx32 "u", v);
    return buf;
}

// ---- GMP helpers ---------------------------------------------------------------------------

struct Mpz {
    mpz_t v;
    Mpz() { mpz_init(v); }
    explicit Mpz(const char* hex) { mpz_init_set_str(v, hex, 16); }
    ~Mpz() { mpz_clear(v); }
    Mpz(const Mpz&) = delete;
    Mpz& operator=(const Mpz&) = delete;
};

using Limbs = std::array<uint32_t, 8>;

Limbs limbs_of(const mpz_t z) {
    if (mpz_sgn(z) < 0 || mpz_sizeinbase(z, 2) > 256)
        throw std::runtime_error("value does not fit in 256 bits");
    Limbs l{};
    size_t count = 0;
    mpz_export(l.data(), &count, -1, sizeof(uint32_t), 0, 0, z);
    return l;
}

std::string limbs_text(const Limbs& l) {
    std::string s = "{";
    for (size_t i = 0; i < l.size(); ++i) s += (i ? ", " : "") + hex32(l[i]);
    return s + "}";
}

// A 256-bit draw from rng (four 64-bit words, least significant first), reduced mod bound.
void random_below(mpz_t out, const mpz_t bound, std::mt19937_64& rng) {
    std::array<uint64_t, 4> w{};
    for (auto& v : w) v = rng();
    mpz_import(out, w.size(), -1, sizeof(uint64_t), 0, 0, w.data());
    mpz_mod(out, out, bound);
}

// The modulus constants the firmware needs and the Montgomery products a b 2^-256 mod p.
struct ModmulSet {
    Limbs p, r2;
    uint32_t n0;
    std::vector<std::array<Limbs, 3>> cases;
};

ModmulSet modmul_set(const char* p_hex, std::mt19937_64& rng) {
    ModmulSet set;
    Mpz p(p_hex), r, r2, rinv, w, n0, a, b, c;
    mpz_setbit(r.v, 256);
    mpz_mul(r2.v, r.v, r.v);
    mpz_mod(r2.v, r2.v, p.v);
    if (mpz_invert(rinv.v, r.v, p.v) == 0) throw std::runtime_error("2^256 not invertible");
    mpz_setbit(w.v, 32);
    if (mpz_invert(n0.v, p.v, w.v) == 0) throw std::runtime_error("p is even");
    mpz_sub(n0.v, w.v, n0.v);  // -p^-1 mod 2^32
    set.p = limbs_of(p.v);
    set.r2 = limbs_of(r2.v);
    set.n0 = static_cast<uint32_t>(mpz_get_ui(n0.v));
    for (int i = 0; i < kModmulCount; ++i) {
        random_below(a.v, p.v, rng);
        random_below(b.v, p.v, rng);
        // Edge operands first: 0, 1, p - 1 (twice), then random.
        if (i == 0) mpz_set_ui(a.v, 0);
        if (i == 1) mpz_set_ui(a.v, 1);
        if (i == 2 || i == 3) mpz_sub_ui(a.v, p.v, 1);
        if (i == 3) mpz_sub_ui(b.v, p.v, 1);
        mpz_mul(c.v, a.v, b.v);
        mpz_mul(c.v, c.v, rinv.v);
        mpz_mod(c.v, c.v, p.v);
        set.cases.push_back({limbs_of(a.v), limbs_of(b.v), limbs_of(c.v)});
    }
    return set;
}

// ---- OpenSSL helpers -----------------------------------------------------------------------

template <typename T, void (*F)(T*)>
struct Deleter {
    void operator()(T* p) const { F(p); }
};
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using BnCtxPtr = std::unique_ptr<BN_CTX, Deleter<BN_CTX, BN_CTX_free>>;
using GroupPtr = std::unique_ptr<EC_GROUP, Deleter<EC_GROUP, EC_GROUP_free>>;
using PointPtr = std::unique_ptr<EC_POINT, Deleter<EC_POINT, EC_POINT_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>>;

void ossl(int ok, const char* what) {
    if (ok != 1) throw std::runtime_error(std::string("OpenSSL ") + what + " failed");
}

struct Affine {
    Limbs x{}, y{};
    bool infinity = false;
};

Limbs limbs_of(const BIGNUM* bn) {
    std::array<uint8_t, 32> le{};
    if (BN_bn2lebinpad(bn, le.data(), 32) != 32) throw std::runtime_error("BN_bn2lebinpad");
    Limbs l{};
    for (int i = 0; i < 32; ++i) l[i / 4] |= static_cast<uint32_t>(le[i]) << (8 * (i % 4));
    return l;
}

Affine affine(const EC_GROUP* g, const EC_POINT* p, BN_CTX* ctx) {
    Affine a;
    if (EC_POINT_is_at_infinity(g, p)) {
        a.infinity = true;
        return a;
    }
    BnPtr x(BN_new()), y(BN_new());
    ossl(EC_POINT_get_affine_coordinates(g, p, x.get(), y.get(), ctx), "get_affine");
    a.x = limbs_of(x.get());
    a.y = limbs_of(y.get());
    return a;
}

std::string affine_text(const Affine& a) {
    return "{" + limbs_text(a.x) + ",\n      " + limbs_text(a.y) + ", " + (a.infinity ? "1" : "0") +
           "}";
}

// P = k G with k random below the group order.
PointPtr random_point(const EC_GROUP* g, std::mt19937_64& rng, BN_CTX* ctx) {
    std::array<uint8_t, 32> be{};
    for (auto& b : be) b = static_cast<uint8_t>(rng());
    BnPtr k(BN_bin2bn(be.data(), 32, nullptr));
    ossl(BN_nnmod(k.get(), k.get(), EC_GROUP_get0_order(g), ctx), "BN_nnmod");
    PointPtr p(EC_POINT_new(g));
    ossl(EC_POINT_mul(g, p.get(), k.get(), nullptr, nullptr, ctx), "EC_POINT_mul");
    return p;
}

// ---- Output --------------------------------------------------------------------------------

template <typename T, typename F>
void array_text(std::ostream& o, const std::vector<T>& v, int per_line, F fmt) {
    for (size_t i = 0; i < v.size(); ++i) {
        o << (i % per_line == 0 ? "    " : " ") << fmt(v[i]) << ",";
        if (i % per_line == static_cast<size_t>(per_line - 1) || i + 1 == v.size()) o << "\n";
    }
}

std::string byte_text(uint8_t b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", b);
    return buf;
}

std::vector<uint32_t> babybear_dft(uint32_t n, uint32_t seed) {
    const uint64_t p = kBabyBear;
    auto mulmod = [p](uint64_t a, uint64_t b) { return a * b % p; };
    auto powmod = [&](uint64_t b, uint64_t e) {
        uint64_t r = 1;
        for (; e; e >>= 1, b = mulmod(b, b))
            if (e & 1) r = mulmod(r, b);
        return r;
    };
    const uint64_t w = powmod(31, (p - 1) / n);
    if (powmod(w, n / 2) != p - 1) throw std::runtime_error("BabyBear root of wrong order");
    std::vector<uint64_t> x(n);
    uint32_t s = seed;
    for (auto& v : x) v = xorshift32(s) % kBabyBear;
    std::vector<uint32_t> y(n);
    for (uint32_t k = 0; k < n; ++k) {
        const uint64_t wk = powmod(w, k);
        uint64_t acc = 0, wjk = 1;
        for (uint32_t j = 0; j < n; ++j) {
            acc = (acc + mulmod(x[j], wjk)) % p;
            wjk = mulmod(wjk, wk);
        }
        y[k] = static_cast<uint32_t>(acc);
    }
    return y;
}

std::string generate() {
    std::ostringstream o;
    o << "// SPDX-License-Identifier: Apache-2.0\n"
         "// Expected results of the firmware benchmark kernels. GENERATED by\n"
         "// sw/tools/bench_vectors.cpp (build/bin/epoxy-bench-vectors OUT.h): do not edit; the\n"
         "// ctest bench.vectors-up-to-date fails when this copy is stale. Values from GMP and\n"
         "// OpenSSL and from plain host arithmetic; 256-bit numbers are 8 little-endian 32-bit\n"
         "// limbs; byte strings are in memory order.\n"
         "#ifndef EPOXY_BENCH_VECTORS_H\n#define EPOXY_BENCH_VECTORS_H\n\n#include <stdint.h>\n\n";

    // CRC-32, own bitwise implementation (reflected 0xEDB88320).
    {
        uint32_t s = kCrcSeed;
        const auto buf = random_bytes(s, kCrcLen);
        uint32_t crc = 0xFFFFFFFFu;
        for (uint8_t b : buf) {
            crc ^= b;
            for (int k = 0; k < 8; ++k) crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        o << "// crc32: CRC-32 of BENCH_CRC32_LEN xorshift32 bytes (host bitwise code)\n"
          << "#define BENCH_CRC32_SEED " << hex32(kCrcSeed) << "\n#define BENCH_CRC32_LEN "
          << kCrcLen << "\n#define BENCH_CRC32_EXPECTED " << hex32(~crc) << "\n\n";
    }
    // SHA-256 (OpenSSL EVP).
    {
        uint32_t s = kShaSeed;
        const auto msg = random_bytes(s, kShaLen);
        std::vector<uint8_t> md(32);
        unsigned int len = 0;
        ossl(EVP_Digest(msg.data(), msg.size(), md.data(), &len, EVP_sha256(), nullptr),
             "EVP_Digest");
        o << "// sha256: digest of BENCH_SHA256_LEN xorshift32 bytes (OpenSSL)\n"
          << "#define BENCH_SHA256_SEED " << hex32(kShaSeed) << "\n#define BENCH_SHA256_LEN "
          << kShaLen << "\nstatic const uint8_t bench_sha256_expected[32] = {\n";
        array_text(o, md, 16, byte_text);
        o << "};\n\n";
    }
    // AES-128-CTR (OpenSSL EVP): key, 12-byte nonce, plaintext from one xorshift32 stream;
    // the counter block is nonce || 00000000 and counts up big-endian.
    {
        uint32_t s = kAesSeed;
        const auto key = random_bytes(s, 16);
        auto iv = random_bytes(s, 12);
        iv.resize(16, 0);
        const auto pt = random_bytes(s, kAesLen);
        std::vector<uint8_t> ct(kAesLen);
        CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
        int n1 = 0, n2 = 0;
        ossl(EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_ctr(), nullptr, key.data(), iv.data()),
             "EncryptInit");
        ossl(EVP_EncryptUpdate(ctx.get(), ct.data(), &n1, pt.data(), static_cast<int>(pt.size())),
             "EncryptUpdate");
        ossl(EVP_EncryptFinal_ex(ctx.get(), ct.data() + n1, &n2), "EncryptFinal");
        if (n1 + n2 != static_cast<int>(kAesLen)) throw std::runtime_error("AES-CTR length");
        o << "// aes128: AES-128-CTR ciphertext of BENCH_AES128_LEN bytes (OpenSSL); key (16),\n"
             "// nonce (12) and plaintext are consecutive xorshift32 bytes\n"
          << "#define BENCH_AES128_SEED " << hex32(kAesSeed) << "\n#define BENCH_AES128_LEN "
          << kAesLen << "\nstatic const uint8_t bench_aes128_ctr_expected[" << kAesLen << "] = {\n";
        array_text(o, ct, 16, byte_text);
        o << "};\n\n";
    }
    o << "// sort: inputs from xorshift32 seeded with BENCH_SORT_SEED + n (checked on the core)\n"
      << "#define BENCH_SORT_SEED " << hex32(kSortSeed) << "\n\n";
    // Matrix product with 64-bit accumulators.
    {
        std::vector<int64_t> a(kMatmulN * kMatmulN), b(kMatmulN * kMatmulN);
        uint32_t s = kMatmulSeed;
        for (auto& v : a) v = static_cast<int64_t>(xorshift32(s) % 2001u) - 1000;
        for (auto& v : b) v = static_cast<int64_t>(xorshift32(s) % 2001u) - 1000;
        std::vector<int32_t> c;
        for (int i = 0; i < kMatmulN; ++i)
            for (int j = 0; j < kMatmulN; ++j) {
                int64_t acc = 0;
                for (int k = 0; k < kMatmulN; ++k) acc += a[i * kMatmulN + k] * b[k * kMatmulN + j];
                c.push_back(static_cast<int32_t>(acc));
            }
        o << "// matmul: C = A B, A and B from xorshift32 (mod 2001, minus 1000), 64-bit host "
             "sums\n"
          << "#define BENCH_MATMUL_SEED " << hex32(kMatmulSeed) << "\n#define BENCH_MATMUL_N "
          << kMatmulN << "\nstatic const int32_t bench_matmul_expected[" << kMatmulN << "]["
          << kMatmulN << "] = {\n";
        for (int i = 0; i < kMatmulN; ++i) {
            o << "    {";
            for (int j = 0; j < kMatmulN; ++j) o << (j ? ", " : "") << c[i * kMatmulN + j];
            o << "},\n";
        }
        o << "};\n\n";
    }
    // BabyBear DFTs, natural order.
    for (uint32_t n : {256u, 1024u}) {
        const uint32_t seed = n == 256 ? kNtt256Seed : kNtt1024Seed;
        const auto y = babybear_dft(n, seed);
        o << "// ntt" << n << ": Y[k] = sum_j x[j] w^(jk) mod 0x78000001, w = 31^((p-1)/" << n
          << "), x[j] = xorshift32 mod p\n// (naive O(n^2) DFT with 64-bit remainders)\n"
          << "#define BENCH_NTT" << n << "_SEED " << hex32(seed) << "\n"
          << "static const uint32_t bench_ntt" << n << "_expected[" << n << "] = {\n";
        array_text(o, y, 8, hex32);
        o << "};\n\n";
    }
    // 256-bit Montgomery products (GMP).
    std::mt19937_64 rng(kWideSeed);
    const ModmulSet k1 = modmul_set(kSecp256k1P, rng);
    const ModmulSet bn = modmul_set(kBn254P, rng);
    o << "// modmul256: c = a b 2^-256 mod p (GMP), operands from std::mt19937_64 seeded with "
      << kWideSeed << "\n"
      << "#define BENCH_MODMUL_COUNT " << kModmulCount << "\n"
      << "typedef struct {\n    uint32_t a[8], b[8], c[8];\n} bench_modmul_t;\n\n";
    for (const auto& [name, set] : {std::pair{"secp256k1", &k1}, std::pair{"bn254", &bn}}) {
        std::string upper = name;
        for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        o << "static const uint32_t bench_" << name << "_p[8] = " << limbs_text(set->p) << ";\n"
          << "static const uint32_t bench_" << name << "_r2[8] = " << limbs_text(set->r2)
          << ";  // 2^512 mod p\n"
          << "#define BENCH_" << upper << "_N0 " << hex32(set->n0) << "  // -p^-1 mod 2^32\n"
          << "static const bench_modmul_t bench_modmul_" << name << "[" << kModmulCount
          << "] = {\n";
        for (const auto& c : set->cases)
            o << "    {" << limbs_text(c[0]) << ",\n     " << limbs_text(c[1]) << ",\n     "
              << limbs_text(c[2]) << "},\n";
        o << "};\n\n";
    }
    // secp256k1 additions (OpenSSL EC_POINT_add).
    {
        BnCtxPtr ctx(BN_CTX_new());
        GroupPtr g(EC_GROUP_new_by_curve_name(NID_secp256k1));
        if (!ctx || !g) throw std::runtime_error("OpenSSL: no secp256k1 group");
        o << "// ecadd: sum = p + q on secp256k1 (OpenSSL EC_POINT_add), p, q = k G for random k;\n"
             "// cases 0-3 generic, 4 p + p, 5 p + (-p), 6 O + q, 7 p + O\n"
          << "#define BENCH_ECADD_COUNT " << kEcaddCount << "\n"
          << "typedef struct {\n    uint32_t x[8], y[8];\n    uint32_t infinity;  // 1: the "
             "point at infinity (x, y unused)\n} bench_ec_affine_t;\n"
          << "typedef struct {\n    bench_ec_affine_t p, q, sum;\n} bench_ecadd_case_t;\n"
          << "static const bench_ecadd_case_t bench_ecadd_cases[" << kEcaddCount << "] = {\n";
        for (int i = 0; i < kEcaddCount; ++i) {
            PointPtr p = random_point(g.get(), rng, ctx.get());
            PointPtr q = random_point(g.get(), rng, ctx.get());
            if (i == 4) ossl(EC_POINT_copy(q.get(), p.get()), "EC_POINT_copy");
            if (i == 5) {
                ossl(EC_POINT_copy(q.get(), p.get()), "EC_POINT_copy");
                ossl(EC_POINT_invert(g.get(), q.get(), ctx.get()), "EC_POINT_invert");
            }
            if (i == 6) ossl(EC_POINT_set_to_infinity(g.get(), p.get()), "set_to_infinity");
            if (i == 7) ossl(EC_POINT_set_to_infinity(g.get(), q.get()), "set_to_infinity");
            PointPtr r(EC_POINT_new(g.get()));
            ossl(EC_POINT_add(g.get(), r.get(), p.get(), q.get(), ctx.get()), "EC_POINT_add");
            o << "    {" << affine_text(affine(g.get(), p.get(), ctx.get())) << ",\n     "
              << affine_text(affine(g.get(), q.get(), ctx.get())) << ",\n     "
              << affine_text(affine(g.get(), r.get(), ctx.get())) << "},\n";
        }
        o << "};\n\n";
    }
    o << "#endif  // EPOXY_BENCH_VECTORS_H\n";
    return o.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: epoxy-bench-vectors OUT.h\n");
        return 2;
    }
    std::string text;
    try {
        text = generate();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "epoxy-bench-vectors: %s\n", e.what());
        return 1;
    }
    std::ofstream out(argv[1], std::ios::binary);
    out << text;
    out.close();
    if (!out) {
        std::fprintf(stderr, "epoxy-bench-vectors: %s: cannot write\n", argv[1]);
        return 1;
    }
    return 0;
}
