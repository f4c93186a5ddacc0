// SPDX-License-Identifier: Apache-2.0
// RV32M: multiplies (low and the three high halves) and divides with their special cases.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;

namespace {

struct Case {
    uint32_t a, b, expect;
};

// x3 = op(x1 = a, x2 = b); also checks the record names x3.
void check(uint32_t insn, std::initializer_list<Case> cases) {
    for (const Case& c : cases) {
        Harness h;
        h.set_x(1, c.a);
        h.set_x(2, c.b);
        const Retire r = exec1(h, insn);
        INFO("a=0x" << std::hex << c.a << " b=0x" << c.b);
        REQUIRE(r.kind == StepKind::Retired);
        CHECK(r.rd == 3);
        CHECK(h.x(3) == c.expect);
        CHECK(r.rd_value == c.expect);
    }
}

}  // namespace

// Expected products from exact 64-bit arithmetic on the operands (spec 7.1).
TEST_CASE("rv32m: mul returns the low 32 bits", "[rv32m]") {
    check(enc::mul(3, 1, 2), {{3, 5, 15},
                              {0x12345678, 0x9ABCDEF0, 0x242D2080},
                              {0x80000000, 0x80000000, 0},
                              {0xFFFFFFFF, 0xFFFFFFFF, 1},
                              {0x80000000, 0xFFFFFFFF, 0x80000000},
                              {3, 0xFFFFFFFB, 0xFFFFFFF1}});
}

TEST_CASE("rv32m: mulh is signed x signed", "[rv32m]") {
    check(enc::mulh(3, 1, 2), {{0x12345678, 0x9ABCDEF0, 0xF8CC93D6},
                               {0x80000000, 0x80000000, 0x40000000},
                               {0xFFFFFFFF, 0xFFFFFFFF, 0},
                               {0x80000000, 0xFFFFFFFF, 0},
                               {0x7FFFFFFF, 0x7FFFFFFF, 0x3FFFFFFF},
                               {0xFFFFFFFF, 2, 0xFFFFFFFF},
                               {0x80000000, 1, 0xFFFFFFFF},
                               {3, 0xFFFFFFFB, 0xFFFFFFFF}});
}

TEST_CASE("rv32m: mulhsu is signed rs1 x unsigned rs2", "[rv32m]") {
    check(enc::mulhsu(3, 1, 2), {{0x12345678, 0x9ABCDEF0, 0x0B00EA4E},
                                 {0x80000000, 0x80000000, 0xC0000000},
                                 {0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF},
                                 {0x80000000, 0xFFFFFFFF, 0x80000000},
                                 {0xFFFFFFFF, 2, 0xFFFFFFFF},
                                 {3, 0xFFFFFFFB, 2}});
}

TEST_CASE("rv32m: mulhu is unsigned x unsigned", "[rv32m]") {
    check(enc::mulhu(3, 1, 2), {{0x12345678, 0x9ABCDEF0, 0x0B00EA4E},
                                {0x80000000, 0x80000000, 0x40000000},
                                {0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFE},
                                {0x80000000, 0xFFFFFFFF, 0x7FFFFFFF},
                                {0xFFFFFFFF, 2, 1},
                                {0x80000000, 1, 0}});
}

TEST_CASE("rv32m: div rounds toward zero", "[rv32m]") {
    check(enc::div(3, 1, 2), {{20, 6, 3},
                              {uint32_t(-7), 2, uint32_t(-3)},
                              {7, uint32_t(-2), uint32_t(-3)},
                              {uint32_t(-7), uint32_t(-2), 3},
                              {0x80000000, 2, 0xC0000000}});
}

TEST_CASE("rv32m: divu is unsigned", "[rv32m]") {
    check(enc::divu(3, 1, 2), {{20, 6, 3},
                               {0xFFFFFFF9, 2, 0x7FFFFFFC},
                               {0x80000000, 0xFFFFFFFF, 0},
                               {0xFFFFFFFF, 1, 0xFFFFFFFF}});
}

TEST_CASE("rv32m: rem takes the sign of the dividend", "[rv32m]") {
    check(enc::rem(3, 1, 2), {{20, 6, 2},
                              {uint32_t(-7), 2, uint32_t(-1)},
                              {7, uint32_t(-2), 1},
                              {uint32_t(-7), uint32_t(-2), uint32_t(-1)}});
}

TEST_CASE("rv32m: remu is unsigned", "[rv32m]") {
    check(enc::remu(3, 1, 2), {{20, 6, 2},
                               {0xFFFFFFF9, 2, 1},
                               {0x80000000, 0xFFFFFFFF, 0x80000000},
                               {0xFFFFFFFF, 0x10, 0xF}});
}

TEST_CASE("rv32m: division by zero", "[rv32m]") {
    SECTION("div -> -1") {
        check(enc::div(3, 1, 2),
              {{5, 0, 0xFFFFFFFF}, {uint32_t(-5), 0, 0xFFFFFFFF}, {0, 0, 0xFFFFFFFF}});
    }
    SECTION("divu -> all ones") {
        check(enc::divu(3, 1, 2), {{5, 0, 0xFFFFFFFF}, {0x80000000, 0, 0xFFFFFFFF}});
    }
    SECTION("rem -> dividend") {
        check(enc::rem(3, 1, 2),
              {{5, 0, 5}, {uint32_t(-5), 0, uint32_t(-5)}, {0x80000000, 0, 0x80000000}});
    }
    SECTION("remu -> dividend") {
        check(enc::remu(3, 1, 2), {{5, 0, 5}, {0xFFFFFFFF, 0, 0xFFFFFFFF}});
    }
}

TEST_CASE("rv32m: signed overflow INT_MIN / -1", "[rv32m]") {
    SECTION("div -> INT_MIN") {
        check(enc::div(3, 1, 2), {{0x80000000, 0xFFFFFFFF, 0x80000000}});
    }
    SECTION("rem -> 0") {
        check(enc::rem(3, 1, 2), {{0x80000000, 0xFFFFFFFF, 0}});
    }
}

TEST_CASE("rv32m: rd == rs1 == rs2 reads before writing", "[rv32m]") {
    Harness h;
    h.set_x(7, 0xFFFFFFF0);  // -16
    exec1(h, enc::mul(7, 7, 7));
    CHECK(h.x(7) == 256);
}
