// SPDX-License-Identifier: Apache-2.0
// test-muldiv: the M extension's edge cases, each executed by the instruction itself (inline
// asm, so the compiler cannot fold or rewrite it): signed/unsigned high products at the
// extremes, division by zero (quotient all ones, remainder = dividend), signed overflow
// INT_MIN / -1 (quotient INT_MIN, remainder 0), rounding toward zero, and 2000 pseudo-random
// operand pairs against bit-serial software references that use no M instruction.
#include <stdint.h>

#include "test_common.h"

#define RTYPE(op)                                                                  \
    static uint32_t op##_(uint32_t a, uint32_t b) {                                \
        uint32_t r;                                                                \
        __asm__ volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));            \
        return r;                                                                  \
    }
RTYPE(mul)
RTYPE(mulh)
RTYPE(mulhsu)
RTYPE(mulhu)
RTYPE(div)
RTYPE(divu)
RTYPE(rem)
RTYPE(remu)

#define INT_MIN_ 0x80000000u
#define NEG(x) (0u - (uint32_t)(x))

// ---- References built from shifts and adds only --------------------------------------------

// 64-bit product of two unsigned 32-bit values, as hi:lo.
static void ref_mulu(uint32_t a, uint32_t b, uint32_t *hi, uint32_t *lo) {
    uint32_t h = 0, l = 0, ah = 0, al = a;  // (ah:al) = a << i
    for (int i = 0; i < 32; ++i) {
        if ((b >> i) & 1u) {
            uint32_t nl = l + al;
            h += ah + (nl < l);
            l = nl;
        }
        ah = (ah << 1) | (al >> 31);
        al <<= 1;
    }
    *hi = h;
    *lo = l;
}

// Restoring division of unsigned values (b != 0).
static void ref_divu(uint32_t a, uint32_t b, uint32_t *q, uint32_t *r) {
    uint32_t quo = 0, rem = 0;
    for (int i = 31; i >= 0; --i) {
        uint32_t carry = rem >> 31;
        rem = (rem << 1) | ((a >> i) & 1u);
        if (carry || rem >= b) {
            rem -= b;
            quo |= 1u << i;
        }
    }
    *q = quo;
    *r = rem;
}

// High word of the signed product via the unsigned one: subtract the operand that was read
// as unsigned when the other is negative (two's complement identity).
static uint32_t ref_mulh(uint32_t a, uint32_t b) {
    uint32_t hi, lo;
    ref_mulu(a, b, &hi, &lo);
    if (a >> 31) hi -= b;
    if (b >> 31) hi -= a;
    return hi;
}
static uint32_t ref_mulhsu(uint32_t a, uint32_t b) {
    uint32_t hi, lo;
    ref_mulu(a, b, &hi, &lo);
    if (a >> 31) hi -= b;
    return hi;
}

static void ref_div(uint32_t a, uint32_t b, uint32_t *q, uint32_t *r) {
    uint32_t ua = (a >> 31) ? NEG(a) : a, ub = (b >> 31) ? NEG(b) : b, uq, ur;
    ref_divu(ua, ub, &uq, &ur);
    *q = ((a ^ b) >> 31) ? NEG(uq) : uq;
    *r = (a >> 31) ? NEG(ur) : ur;
}

int main(void) {
    // ---- Multiplication ----
    CHECK(1, mul_(INT_MIN_, NEG(1)) == INT_MIN_);
    CHECK(2, mul_(0xFFFFFFFFu, 0xFFFFFFFFu) == 1u);
    CHECK(3, mul_(0x12345678u, 0x9ABCDEF0u) == 0x242D2080u);
    CHECK(4, mulh_(NEG(1), NEG(1)) == 0u);
    CHECK(5, mulh_(INT_MIN_, INT_MIN_) == 0x40000000u);
    CHECK(6, mulh_(INT_MIN_, NEG(1)) == 0u);            // +2^31: fits in the low word
    CHECK(7, mulh_(INT_MIN_, 1u) == 0xFFFFFFFFu);        // -2^31: sign fills the high word
    CHECK(8, mulh_(0x7FFFFFFFu, 0x7FFFFFFFu) == 0x3FFFFFFFu);
    CHECK(9, mulh_(0x7FFFFFFFu, INT_MIN_) == 0xC0000000u);
    CHECK(10, mulhu_(0xFFFFFFFFu, 0xFFFFFFFFu) == 0xFFFFFFFEu);
    CHECK(11, mulhu_(INT_MIN_, 2u) == 1u);
    CHECK(12, mulhu_(0u, 0xFFFFFFFFu) == 0u);
    CHECK(13, mulhsu_(NEG(1), 0xFFFFFFFFu) == 0xFFFFFFFFu);  // -(2^32 - 1)
    CHECK(14, mulhsu_(INT_MIN_, 0xFFFFFFFFu) == 0x80000000u);
    CHECK(15, mulhsu_(2u, INT_MIN_) == 1u);                // rs2 is unsigned: +2^31
    CHECK(16, mulhsu_(NEG(2), INT_MIN_) == 0xFFFFFFFFu);   // -2^32 -> hi = -1
    CHECK(17, mulhsu_(0x7FFFFFFFu, 0xFFFFFFFFu) == 0x7FFFFFFEu);

    // ---- Division by zero: quotient all ones, remainder the dividend ----
    CHECK(20, div_(1234u, 0u) == 0xFFFFFFFFu);
    CHECK(21, div_(NEG(1234), 0u) == 0xFFFFFFFFu);
    CHECK(22, div_(0u, 0u) == 0xFFFFFFFFu);
    CHECK(23, divu_(1234u, 0u) == 0xFFFFFFFFu);
    CHECK(24, divu_(0xFFFFFFFFu, 0u) == 0xFFFFFFFFu);
    CHECK(25, rem_(NEG(1234), 0u) == NEG(1234));
    CHECK(26, rem_(INT_MIN_, 0u) == INT_MIN_);
    CHECK(27, remu_(0xDEADBEEFu, 0u) == 0xDEADBEEFu);

    // ---- Signed overflow ----
    CHECK(30, div_(INT_MIN_, NEG(1)) == INT_MIN_);
    CHECK(31, rem_(INT_MIN_, NEG(1)) == 0u);
    CHECK(32, divu_(INT_MIN_, NEG(1)) == 0u);               // unsigned: no overflow
    CHECK(33, remu_(INT_MIN_, NEG(1)) == INT_MIN_);

    // ---- Rounding toward zero; the remainder takes the dividend's sign ----
    CHECK(40, div_(NEG(7), 2u) == NEG(3));
    CHECK(41, rem_(NEG(7), 2u) == NEG(1));
    CHECK(42, div_(7u, NEG(2)) == NEG(3));
    CHECK(43, rem_(7u, NEG(2)) == 1u);
    CHECK(44, div_(NEG(7), NEG(2)) == 3u);
    CHECK(45, rem_(NEG(7), NEG(2)) == NEG(1));
    CHECK(46, divu_(0xFFFFFFF9u, 2u) == 0x7FFFFFFCu);
    CHECK(47, remu_(0xFFFFFFF9u, 2u) == 1u);
    CHECK(48, div_(INT_MIN_, 2u) == 0xC0000000u);
    CHECK(49, div_(INT_MIN_, INT_MIN_) == 1u);

    // ---- Random operands against the references ----
    uint32_t s = 0x1F2E3D4Cu;
    for (int i = 0; i < 2000; ++i) {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        uint32_t a = s;
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        uint32_t b = s >> (s & 31u);  // divisors of every size, sometimes 0 or 1
        if ((i & 15) == 1) a = INT_MIN_ | (a & 1u);
        if ((i & 15) == 2) b = NEG(1);
        uint32_t hi, lo, q, r;
        ref_mulu(a, b, &hi, &lo);
        CHECK(60, mul_(a, b) == lo);
        CHECK(61, mulhu_(a, b) == hi);
        CHECK(62, mulh_(a, b) == ref_mulh(a, b));
        CHECK(63, mulhsu_(a, b) == ref_mulhsu(a, b));
        if (b != 0) {
            ref_divu(a, b, &q, &r);
            CHECK(64, divu_(a, b) == q);
            CHECK(65, remu_(a, b) == r);
            if (!(a == INT_MIN_ && b == NEG(1))) {
                ref_div(a, b, &q, &r);
                CHECK(66, div_(a, b) == q);
                CHECK(67, rem_(a, b) == r);
            }
        }
    }
    test_pass("test-muldiv");
    return 0;
}
