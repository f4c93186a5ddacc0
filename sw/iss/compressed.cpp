// SPDX-License-Identifier: Apache-2.0
// RVC expansion, one case per compressed instruction, in the order of the RVC opcode map
// (unprivileged spec 20191213, chapter 16).
#include "iss/compressed.h"

namespace epoxy::iss {

namespace {

// Field helpers: bit b of c, and bits [hi:lo] of c.
constexpr uint32_t bit(uint32_t c, unsigned b) { return (c >> b) & 1u; }
constexpr uint32_t bits(uint32_t c, unsigned hi, unsigned lo) {
    return (c >> lo) & ((1u << (hi - lo + 1)) - 1u);
}
constexpr uint32_t sext(uint32_t v, unsigned width) {
    const uint32_t m = 1u << (width - 1);
    return (v ^ m) - m;
}
// Compressed register fields rd'/rs1'/rs2' name x8..x15.
constexpr uint32_t creg(uint32_t field) { return field + 8; }

// 32-bit encoders.
constexpr uint32_t r_type(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd,
                          uint32_t op) {
    return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
constexpr uint32_t i_type(uint32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
    return ((imm & 0xFFFu) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
constexpr uint32_t s_type(uint32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t op) {
    return (bits(imm, 11, 5) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) |
           (bits(imm, 4, 0) << 7) | op;
}
constexpr uint32_t b_type(uint32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3) {
    return (bit(imm, 12) << 31) | (bits(imm, 10, 5) << 25) | (rs2 << 20) | (rs1 << 15) |
           (f3 << 12) | (bits(imm, 4, 1) << 8) | (bit(imm, 11) << 7) | 0x63u;
}
constexpr uint32_t j_type(uint32_t imm, uint32_t rd) {
    return (bit(imm, 20) << 31) | (bits(imm, 10, 1) << 21) | (bit(imm, 11) << 20) |
           (bits(imm, 19, 12) << 12) | (rd << 7) | 0x6Fu;
}

constexpr uint32_t kOpImm = 0x13, kOp = 0x33, kLoad = 0x03, kStore = 0x23, kLui = 0x37,
                   kJalr = 0x67;
constexpr uint32_t kIllegal = 0;

// CJ-format jump offset: imm[11|4|9:8|10|6|7|3:1|5].
uint32_t cj_offset(uint32_t c) {
    uint32_t imm = (bit(c, 12) << 11) | (bit(c, 11) << 4) | (bits(c, 10, 9) << 8) |
                   (bit(c, 8) << 10) | (bit(c, 7) << 6) | (bit(c, 6) << 7) |
                   (bits(c, 5, 3) << 1) | (bit(c, 2) << 5);
    return sext(imm, 12);
}
// CB-format branch offset: imm[8|4:3] at 12:10, imm[7:6|2:1|5] at 6:2.
uint32_t cb_offset(uint32_t c) {
    uint32_t imm = (bit(c, 12) << 8) | (bits(c, 11, 10) << 3) | (bits(c, 6, 5) << 6) |
                   (bits(c, 4, 3) << 1) | (bit(c, 2) << 5);
    return sext(imm, 9);
}
// CI-format 6-bit immediate imm[5] at 12, imm[4:0] at 6:2.
uint32_t ci_imm(uint32_t c) { return sext((bit(c, 12) << 5) | bits(c, 6, 2), 6); }

uint32_t quadrant0(uint32_t c) {
    const uint32_t rd_p = creg(bits(c, 4, 2)), rs1_p = creg(bits(c, 9, 7));
    // c.lw / c.sw offset: uimm[5:3] at 12:10, uimm[2] at 6, uimm[6] at 5.
    const uint32_t lw_off = (bits(c, 12, 10) << 3) | (bit(c, 6) << 2) | (bit(c, 5) << 6);
    switch (bits(c, 15, 13)) {
        case 0: {  // c.addi4spn: nzuimm[5:4|9:6|2|3]
            uint32_t imm = (bits(c, 12, 11) << 4) | (bits(c, 10, 7) << 6) |
                           (bit(c, 6) << 2) | (bit(c, 5) << 3);
            if (imm == 0) return kIllegal;  // includes the all-zero instruction
            return i_type(imm, 2, 0, rd_p, kOpImm);
        }
        case 2: return i_type(lw_off, rs1_p, 2, rd_p, kLoad);           // c.lw
        case 6: return s_type(lw_off, rd_p, rs1_p, 2, kStore);          // c.sw (rs2' at 4:2)
        default: return kIllegal;  // c.fld, c.flw, reserved, c.fsd, c.fsw: no F/D
    }
}

uint32_t quadrant1(uint32_t c) {
    const uint32_t rd = bits(c, 11, 7);
    const uint32_t rd_p = creg(bits(c, 9, 7)), rs2_p = creg(bits(c, 4, 2));
    switch (bits(c, 15, 13)) {
        case 0: return i_type(ci_imm(c), rd, 0, rd, kOpImm);   // c.addi / c.nop (HINTs legal)
        case 1: return j_type(cj_offset(c), 1);                // c.jal (RV32 only)
        case 2: return i_type(ci_imm(c), 0, 0, rd, kOpImm);    // c.li
        case 3:
            if (rd == 2) {  // c.addi16sp: nzimm[9] at 12, nzimm[4|6|8:7|5] at 6:2
                uint32_t imm = (bit(c, 12) << 9) | (bit(c, 6) << 4) | (bit(c, 5) << 6) |
                               (bits(c, 4, 3) << 7) | (bit(c, 2) << 5);
                if (imm == 0) return kIllegal;
                return i_type(sext(imm, 10), 2, 0, 2, kOpImm);
            } else {  // c.lui: nzimm[17] at 12, nzimm[16:12] at 6:2
                uint32_t imm = ci_imm(c);
                if (imm == 0) return kIllegal;
                return ((imm & 0xFFFFFu) << 12) | (rd << 7) | kLui;
            }
        case 4: {
            const uint32_t shamt = bits(c, 6, 2);
            switch (bits(c, 11, 10)) {
                case 0:  // c.srli; shamt[5]=1 is reserved on RV32
                    if (bit(c, 12)) return kIllegal;
                    return i_type(shamt, rd_p, 5, rd_p, kOpImm);
                case 1:  // c.srai
                    if (bit(c, 12)) return kIllegal;
                    return i_type(0x400u | shamt, rd_p, 5, rd_p, kOpImm);
                case 2: return i_type(ci_imm(c), rd_p, 7, rd_p, kOpImm);  // c.andi
                default:
                    if (bit(c, 12)) return kIllegal;  // c.subw / c.addw: RV64 only
                    switch (bits(c, 6, 5)) {
                        case 0: return r_type(0x20, rs2_p, rd_p, 0, rd_p, kOp);  // c.sub
                        case 1: return r_type(0, rs2_p, rd_p, 4, rd_p, kOp);     // c.xor
                        case 2: return r_type(0, rs2_p, rd_p, 6, rd_p, kOp);     // c.or
                        default: return r_type(0, rs2_p, rd_p, 7, rd_p, kOp);    // c.and
                    }
            }
        }
        case 5: return j_type(cj_offset(c), 0);               // c.j
        case 6: return b_type(cb_offset(c), 0, rd_p, 0);      // c.beqz
        default: return b_type(cb_offset(c), 0, rd_p, 1);     // c.bnez
    }
}

uint32_t quadrant2(uint32_t c) {
    const uint32_t rd = bits(c, 11, 7), rs2 = bits(c, 6, 2);
    switch (bits(c, 15, 13)) {
        case 0:  // c.slli; shamt[5]=1 is reserved on RV32
            if (bit(c, 12)) return kIllegal;
            return i_type(rs2, rd, 1, rd, kOpImm);
        case 2: {  // c.lwsp: uimm[5] at 12, uimm[4:2|7:6] at 6:2; rd=0 reserved
            if (rd == 0) return kIllegal;
            uint32_t imm = (bit(c, 12) << 5) | (bits(c, 6, 4) << 2) | (bits(c, 3, 2) << 6);
            return i_type(imm, 2, 2, rd, kLoad);
        }
        case 4:
            if (!bit(c, 12)) {
                if (rs2 == 0) {  // c.jr; rs1=0 reserved
                    if (rd == 0) return kIllegal;
                    return i_type(0, rd, 0, 0, kJalr);
                }
                return r_type(0, rs2, 0, 0, rd, kOp);  // c.mv
            }
            if (rs2 == 0) {
                if (rd == 0) return 0x00100073u;        // c.ebreak
                return i_type(0, rd, 0, 1, kJalr);      // c.jalr
            }
            return r_type(0, rs2, rd, 0, rd, kOp);      // c.add
        case 6: {  // c.swsp: uimm[5:2|7:6] at 12:7
            uint32_t imm = (bits(c, 12, 9) << 2) | (bits(c, 8, 7) << 6);
            return s_type(imm, rs2, 2, 2, kStore);
        }
        default: return kIllegal;  // c.fldsp, c.flwsp, c.fsdsp, c.fswsp: no F/D
    }
}

}  // namespace

uint32_t expand_compressed(uint16_t c) {
    switch (c & 3u) {
        case 0: return quadrant0(c);
        case 1: return quadrant1(c);
        case 2: return quadrant2(c);
        default: return kIllegal;  // not a compressed instruction
    }
}

}  // namespace epoxy::iss
