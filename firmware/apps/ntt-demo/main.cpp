// SPDX-License-Identifier: Apache-2.0
// ntt-demo: the NTT coprocessor from the glue core, through the same C++ driver the host tests
// use (epoxy/ntt.h over epoxy::MmioIo). Three jobs, each checked against this program's own
// software implementation of the same transforms (Montgomery arithmetic on the core), with
// cycles from mcycle and the speedup:
//   kyber      polynomial product mod x^256 + 1, q = 3329, the incomplete NTT (FIPS 203)
//   dilithium  polynomial product mod x^256 + 1, q = 8380417, the negacyclic NTT (FIPS 204)
//   lde        BabyBear low-degree extension: 1024 evaluations -> 4096 (inverse NTT, zero
//              padding, forward NTT) as one chained list of two descriptors
// A product is four descriptors queued at once (NTT a, NTT b, pointwise product, inverse NTT);
// the core sleeps in WFI until the block's DONE interrupt line rises (mie only: no trap is
// taken). For each job the block's busy cycles (PERF_BUSY) give the glue overhead: the cycles
// from the doorbell to the core seeing the result that the block was not working. Exits 0
// when every job matches, 1 otherwise. On the ISS the block is functional (no cycles): the
// cycle columns differ from the RTL's by design (the same-output test masks them).
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "epoxy/accel_shell.h"
#include "epoxy/csr.h"
#include "epoxy/memory_map.h"
#include "epoxy/mmio_io.h"
#include "epoxy/ntt.h"

namespace {

using epoxy::AccelError;
using epoxy::AccelShell;
using epoxy::AccelStatus;
using epoxy::Descriptor;
using epoxy::MmioIo;
using epoxy::ntt::NttField;
using epoxy::ntt::NttVariant;

// ---- Software reference: the golden model's transforms in Montgomery arithmetic ----------
// Values are kept in normal form in [0, p); a Montgomery product with a twiddle stored as
// w R mod p (R = 2^32) is the plain product. p < 2^31.
struct Field {
    uint32_t p;
    uint32_t pneg;  // -p^-1 mod 2^32
    uint32_t r2;    // R^2 mod p
    uint32_t g;     // generator of (Z/p)^*: omega_N = g^((p-1)/N)

    explicit Field(uint32_t p_, uint32_t g_) : p(p_), pneg(0), r2(0), g(g_) {
        uint32_t inv = p;  // Newton: inv = p^-1 mod 2^k, k doubling
        for (int i = 0; i < 5; ++i) inv *= 2u - p * inv;
        pneg = 0u - inv;
        const uint64_t r = (uint64_t(1) << 32) % p;
        r2 = uint32_t((r * r) % p);
    }
    uint32_t mont(uint32_t a, uint32_t b) const {  // a b R^-1 mod p
        const uint64_t t = uint64_t(a) * b;
        const uint32_t m = uint32_t(t) * pneg;
        const uint32_t u = uint32_t((t + uint64_t(m) * p) >> 32);
        return u >= p ? u - p : u;
    }
    uint32_t to_mont(uint32_t a) const { return mont(a, r2); }
    uint32_t add(uint32_t a, uint32_t b) const {
        const uint32_t s = a + b;
        return s >= p ? s - p : s;
    }
    uint32_t sub(uint32_t a, uint32_t b) const { return a >= b ? a - b : a + p - b; }
    uint32_t mul(uint32_t a, uint32_t b) const { return mont(to_mont(a), b); }
    uint32_t pow(uint32_t b, uint32_t e) const {
        uint32_t r = 1, x = b;
        for (; e; e >>= 1) {
            if (e & 1) r = mul(r, x);
            x = mul(x, x);
        }
        return r;
    }
};

uint32_t bitrev(uint32_t x, uint32_t bits) {
    uint32_t r = 0;
    for (uint32_t i = 0; i < bits; ++i) r |= ((x >> i) & 1u) << (bits - 1 - i);
    return r;
}

constexpr uint32_t kMaxN = 4096;
// Montgomery-form tables of the model's make_twiddles: forward[j], inverse[j] (groups j), and
// for Incomplete gamma[i]. tw_small_inv: the inverse table of the LDE's smaller size.
uint32_t tw_fwd[kMaxN], tw_inv[kMaxN], gamma[kMaxN / 2], tw_small_inv[kMaxN / 4];
uint32_t powers[2 * kMaxN];  // root^i, normal form

// The model's tables (sw/models/ntt/ntt_model.h, make_twiddles) for N = 2^k, from the powers
// of the transform's root; returns the inverse's final scale (2^layers)^-1.
uint32_t make_tables(const Field& f, NttVariant v, uint32_t k) {
    const uint32_t n = 1u << k;
    const uint32_t order = v == NttVariant::Negacyclic ? 2 * n : n;
    const uint32_t groups = v == NttVariant::Incomplete ? n / 2 : n;
    const uint32_t root = f.pow(f.g, (f.p - 1) / order);
    powers[0] = 1;
    for (uint32_t i = 1; i < order; ++i) powers[i] = f.mul(powers[i - 1], root);
    for (uint32_t j = 1; j < groups; ++j) {
        uint32_t e;
        if (v == NttVariant::Cyclic) {
            const uint32_t l = 31 - uint32_t(__builtin_clz(j));
            e = bitrev(j - (1u << l), k - 1);
        } else if (v == NttVariant::Negacyclic) {
            e = bitrev(j, k);
        } else {
            e = bitrev(j, k - 1);
        }
        tw_fwd[j] = f.to_mont(powers[e]);
        tw_inv[j] = f.to_mont(e ? f.p - powers[order / 2 - e] : 1);  // root^-e = -root^(order/2 - e)
    }
    if (v == NttVariant::Incomplete)
        for (uint32_t i = 0; i < n / 2; ++i) gamma[i] = f.to_mont(powers[2 * bitrev(i, k - 1) + 1]);
    const uint32_t layers = v == NttVariant::Incomplete ? k - 1 : k;
    return f.p - ((f.p - 1) >> layers);  // (2^layers)^-1
}

void sw_forward(const Field& f, NttVariant v, uint32_t n, uint32_t* a) {
    const uint32_t stop = v == NttVariant::Incomplete ? 2 : 1;
    uint32_t j = 1;
    for (uint32_t len = n / 2; len >= stop; len /= 2)
        for (uint32_t start = 0; start < n; start += 2 * len) {
            const uint32_t z = tw_fwd[j++];
            for (uint32_t x = start; x < start + len; ++x) {
                const uint32_t t = f.mont(a[x + len], z);
                a[x + len] = f.sub(a[x], t);
                a[x] = f.add(a[x], t);
            }
        }
}

void sw_inverse(const Field& f, NttVariant v, uint32_t n, uint32_t* a, uint32_t scale,
                const uint32_t* tw_inv) {
    const uint32_t first = v == NttVariant::Incomplete ? 2 : 1;
    for (uint32_t len = first; len <= n / 2; len *= 2) {
        const uint32_t groups = n / (2 * len);
        for (uint32_t g = 0; g < groups; ++g) {
            const uint32_t z = tw_inv[groups + g];
            for (uint32_t x = 2 * len * g; x < 2 * len * g + len; ++x) {
                const uint32_t t = a[x];
                a[x] = f.add(t, a[x + len]);
                a[x + len] = f.mont(f.sub(t, a[x + len]), z);
            }
        }
    }
    const uint32_t s = f.to_mont(scale);
    for (uint32_t i = 0; i < n; ++i) a[i] = f.mont(a[i], s);
}

void sw_pointwise(const Field& f, NttVariant v, uint32_t n, uint32_t* c, const uint32_t* b) {
    if (v != NttVariant::Incomplete) {
        for (uint32_t i = 0; i < n; ++i) c[i] = f.mul(c[i], b[i]);
        return;
    }
    for (uint32_t i = 0; i < n / 2; ++i) {
        const uint32_t a0 = c[2 * i], a1 = c[2 * i + 1], b0 = b[2 * i], b1 = b[2 * i + 1];
        c[2 * i] = f.add(f.mul(a0, b0), f.mont(f.mul(a1, b1), gamma[i]));
        c[2 * i + 1] = f.add(f.mul(a0, b1), f.mul(a1, b0));
    }
}

// ---- Data (SRAM; the block's DMA reaches the SRAM only) ----------------------------------
alignas(64) uint32_t ring[8 * 16];  // 16 descriptors
uint32_t in_a[kMaxN], in_b[kMaxN], hw_a[kMaxN], hw_b[kMaxN], hw_out[kMaxN];
uint32_t sw_a[kMaxN], sw_b[kMaxN];

uint32_t rng_state = 12345;
uint32_t next_random(uint32_t p) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state % p;
}

uint32_t addr(const void* p) { return uint32_t(uintptr_t(p)); }

// Made in main(): no global constructors (the SDK has no C++ start-up code).
AccelShell<MmioIo>* g_shell = nullptr;

struct HwRun {
    AccelStatus status;
    uint64_t cycles;      // doorbell to the core seeing the queue idle
    uint64_t busy;        // PERF_BUSY over the same run
    AccelError error;
    uint32_t index;
};

// Submit a chained list, sleep until the DONE/ERROR line rises, then read the status.
HwRun run_list(const Descriptor* list, size_t count) {
    AccelShell<MmioIo>& shell = *g_shell;
    HwRun r{};
    shell.perf_clear();
    const uint64_t t0 = epoxy_rdcycle64();
    r.status = shell.submit(list, count);
    if (r.status == AccelStatus::Ok) {
        // Bounded: each WFI returns once the line is pending, and the ISS's functional block
        // has finished before the doorbell store retires.
        for (int i = 0; i < 1000; ++i) {
            uint32_t pending = 0;
            shell.irq_status(&pending);
            if (pending) break;
            __asm__ volatile("wfi");
        }
        r.status = shell.wait_idle(1000000);
    }
    r.cycles = epoxy_rdcycle64() - t0;
    epoxy::AccelPerf perf{};
    shell.perf_read(&perf);
    r.busy = perf.busy;
    shell.last_error(&r.error, &r.index);
    uint32_t pending = 0;
    shell.irq_status(&pending);
    shell.irq_clear(pending);
    return r;
}

bool same(const uint32_t* x, const uint32_t* y, uint32_t n, const char* what) {
    for (uint32_t i = 0; i < n; ++i) {
        if (x[i] != y[i]) {
            printf("  %s: element %lu differs: %lu, expected %lu\n", what, (unsigned long)i,
                   (unsigned long)x[i], (unsigned long)y[i]);
            return false;
        }
    }
    return true;
}

void print_row(const char* name, uint32_t n, uint64_t sw, const HwRun& hw, bool ok) {
    const uint64_t speedup10 = hw.cycles ? (10 * sw + hw.cycles / 2) / hw.cycles : 0;
    const uint64_t glue = hw.cycles > hw.busy ? hw.cycles - hw.busy : 0;
    const uint64_t glue_pm = hw.cycles ? (1000 * glue + hw.cycles / 2) / hw.cycles : 0;
    printf("%-10s %5lu %10lu cyc %9lu cyc %6lu.%01lux  glue %3lu.%01lu%%  %s\n", name,
           (unsigned long)n, (unsigned long)sw, (unsigned long)hw.cycles,
           (unsigned long)(speedup10 / 10), (unsigned long)(speedup10 % 10),
           (unsigned long)(glue_pm / 10), (unsigned long)(glue_pm % 10), ok ? "PASS" : "FAIL");
}

// A polynomial product mod x^N + 1 in software and on the block.
bool product(const char* name, const Field& f, NttField field, NttVariant v, uint32_t k) {
    const uint32_t n = 1u << k;
    for (uint32_t i = 0; i < n; ++i) {
        in_a[i] = next_random(f.p);
        in_b[i] = next_random(f.p);
    }
    // Software (tables made beforehand, as a library would): two forward transforms, the
    // pointwise product, the inverse.
    const uint32_t scale = make_tables(f, v, k);
    const uint64_t s0 = epoxy_rdcycle64();
    for (uint32_t i = 0; i < n; ++i) {
        sw_a[i] = in_a[i];
        sw_b[i] = in_b[i];
    }
    sw_forward(f, v, n, sw_a);
    sw_forward(f, v, n, sw_b);
    sw_pointwise(f, v, n, sw_a, sw_b);
    sw_inverse(f, v, n, sw_a, scale, tw_inv);
    const uint64_t sw = epoxy_rdcycle64() - s0;

    namespace ntt = epoxy::ntt;
    const Descriptor list[] = {
        ntt::forward(field, v, k, addr(in_a), addr(hw_a)),
        ntt::forward(field, v, k, addr(in_b), addr(hw_b)),
        ntt::pmul(field, v, k, addr(hw_a), addr(hw_b), addr(hw_a)),
        ntt::inverse(field, v, k, addr(hw_a), addr(hw_out)),
    };
    const HwRun hw = run_list(list, 4);
    bool ok = hw.status == AccelStatus::Ok && unsigned(hw.error) == 0;
    if (!ok)
        printf("  %s: status %u, error %u at descriptor %lu\n", name, unsigned(hw.status),
               unsigned(hw.error), (unsigned long)hw.index);
    ok = ok && same(hw_out, sw_a, n, name);
    print_row(name, n, sw, hw, ok);
    return ok;
}

// BabyBear low-degree extension by 4: evaluations (bit-reversed order, as the forward NTT
// leaves them) -> coefficients -> evaluations on the 4x larger domain.
bool lde(uint32_t k) {
    const Field f(0x78000001u, 31);
    const uint32_t n = 1u << k, m = 4 * n;
    for (uint32_t i = 0; i < n; ++i) in_a[i] = next_random(f.p);
    const uint32_t scale = make_tables(f, NttVariant::Cyclic, k);
    for (uint32_t j = 0; j < n; ++j) tw_small_inv[j] = tw_inv[j];
    make_tables(f, NttVariant::Cyclic, k + 2);
    const uint64_t s0 = epoxy_rdcycle64();
    for (uint32_t i = 0; i < n; ++i) sw_a[i] = in_a[i];
    sw_inverse(f, NttVariant::Cyclic, n, sw_a, scale, tw_small_inv);
    for (uint32_t i = n; i < m; ++i) sw_a[i] = 0;
    sw_forward(f, NttVariant::Cyclic, m, sw_a);
    const uint64_t sw = epoxy_rdcycle64() - s0;

    namespace ntt = epoxy::ntt;
    const Descriptor list[] = {
        ntt::inverse(NttField::BabyBear, NttVariant::Cyclic, k, addr(in_a), addr(hw_a)),
        ntt::forward(NttField::BabyBear, NttVariant::Cyclic, k + 2, addr(hw_a), addr(hw_out), n),
    };
    const HwRun hw = run_list(list, 2);
    bool ok = hw.status == AccelStatus::Ok && unsigned(hw.error) == 0;
    if (!ok)
        printf("  lde: status %u, error %u at descriptor %lu\n", unsigned(hw.status),
               unsigned(hw.error), (unsigned long)hw.index);
    // The extension contains the original evaluations: in bit-reversed order, the first N
    // of the 4N outputs are the points of the smaller domain, in the input's order.
    ok = ok && same(hw_out, in_a, n, "lde keeps the original evaluations");
    ok = ok && same(hw_out, sw_a, m, "lde");
    print_row("lde", m, sw, hw, ok);
    return ok;
}

}  // namespace

int main() {
    MmioIo io(EPOXY_NTT_BASE);
    AccelShell<MmioIo> shell(io);
    g_shell = &shell;
    printf("\nEpoxy NTT coprocessor demo: the glue core in software, then the block\n");
    printf("=====================================================================\n");
    epoxy::ntt::NttCaps caps{};
    epoxy::AccelInfo info{};
    if (epoxy::ntt::probe(shell, &caps, &info) != AccelStatus::Ok) {
        printf("no NTT coprocessor at 0x%08lx\n", (unsigned long)EPOXY_NTT_BASE);
        return 1;
    }
    printf("block: P = %lu butterflies, N = 2^%lu .. 2^%lu, fields 0x%02lx\n",
           (unsigned long)caps.p, (unsigned long)caps.min_log_n, (unsigned long)caps.max_log_n,
           (unsigned long)caps.fields);
    if (shell.configure_ring(addr(ring), 4) != AccelStatus::Ok) {
        printf("ring set-up failed\n");
        return 1;
    }
    shell.irq_enable(epoxy::kAccelIrqDone | epoxy::kAccelIrqError);
    epoxy_csr_set(mie, 1u << (16 + EPOXY_NTT_IRQ));  // WFI wakes on the line; no trap (MIE 0)

    printf("\n%-10s %5s %14s %13s %8s  %-11s %s\n", "job", "N", "software", "coprocessor",
           "speedup", "glue", "result");
    bool ok = product("kyber", Field(3329, 147), NttField::Kyber, NttVariant::Incomplete, 8);
    ok = product("dilithium", Field(8380417, 874), NttField::Dilithium, NttVariant::Negacyclic, 8) &&
         ok;
    ok = lde(10) && ok;
    printf("\n%s\n", ok ? "all jobs PASS" : "FAIL");
    return ok ? 0 : 1;
}
