// SPDX-License-Identifier: Apache-2.0
// Checks the test encoders themselves against encodings produced by GNU as (binutils 2.40).
#include <catch2/catch.hpp>

#include "rv/encode.h"

using namespace enc;

TEST_CASE("encode: 32-bit formats match the assembler", "[encode]") {
    struct Golden {
        uint32_t ours, theirs;
        const char* text;
    };
    const Golden table[] = {
        {addi(5, 0, -1), 0xfff00293, "addi x5,x0,-1"},
        {lui(7, 0xABCDE), 0xabcde3b7, "lui x7,0xabcde"},
        {auipc(3, 0xFFFFF), 0xfffff197, "auipc x3,0xfffff"},
        {jal(1, -2048), 0x801ff0ef, "jal x1,-2048"},
        {jal(0, 0x7FFFE), 0x7ff7f06f, "jal x0,0x7fffe"},
        {jal(5, -0x100000), 0x800002ef, "jal x5,-1MiB"},
        {jalr(1, 2, -1), 0xfff100e7, "jalr x1,-1(x2)"},
        {beq(1, 2, -4096), 0x80208063, "beq -4096"},
        {bne(3, 4, 4094), 0x7e419fe3, "bne +4094"},
        {blt(5, 6, 8), 0x0062c463, "blt +8"},
        {bge(7, 8, -2), 0xfe83dfe3, "bge -2"},
        {bltu(9, 10, 0x7FE), 0x7ea4ef63, "bltu +0x7fe"},
        {bgeu(11, 12, -0x800), 0x80c5f0e3, "bgeu -0x800"},
        {lb(1, 2, -2048), 0x80010083, "lb"},
        {lh(3, 4, 2047), 0x7ff21183, "lh"},
        {lw(5, 6, 4), 0x00432283, "lw"},
        {lbu(7, 8, -1), 0xfff44383, "lbu"},
        {lhu(9, 10, 16), 0x01055483, "lhu"},
        {sb(1, 2, -2048), 0x80110023, "sb"},
        {sh(3, 4, 2047), 0x7e321fa3, "sh"},
        {sw(5, 6, -4), 0xfe532e23, "sw"},
        {slti(1, 2, -5), 0xffb12093, "slti"},
        {sltiu(1, 2, 7), 0x00713093, "sltiu"},
        {xori(1, 2, -1), 0xfff14093, "xori"},
        {ori(3, 4, 0x555), 0x55526193, "ori"},
        {andi(5, 6, -256), 0xf0037293, "andi"},
        {slli(1, 2, 31), 0x01f11093, "slli"},
        {srli(3, 4, 1), 0x00125193, "srli"},
        {srai(5, 6, 17), 0x41135293, "srai"},
        {add(1, 2, 3), 0x003100b3, "add"},
        {sub(4, 5, 6), 0x40628233, "sub"},
        {sll(7, 8, 9), 0x009413b3, "sll"},
        {slt(10, 11, 12), 0x00c5a533, "slt"},
        {sltu(13, 14, 15), 0x00f736b3, "sltu"},
        {xor_(16, 17, 18), 0x0128c833, "xor"},
        {srl(19, 20, 21), 0x015a59b3, "srl"},
        {sra(22, 23, 24), 0x418bdb33, "sra"},
        {or_(25, 26, 27), 0x01bd6cb3, "or"},
        {and_(28, 29, 30), 0x01eefe33, "and"},
        {mul(1, 2, 3), 0x023100b3, "mul"},
        {mulh(4, 5, 6), 0x02629233, "mulh"},
        {mulhsu(7, 8, 9), 0x029423b3, "mulhsu"},
        {mulhu(10, 11, 12), 0x02c5b533, "mulhu"},
        {div(13, 14, 15), 0x02f746b3, "div"},
        {divu(16, 17, 18), 0x0328d833, "divu"},
        {rem(19, 20, 21), 0x035a69b3, "rem"},
        {remu(22, 23, 24), 0x038bfb33, "remu"},
        {csrrw(1, 0x340, 2), 0x340110f3, "csrrw"},
        {csrrs(3, 0x300, 4), 0x300221f3, "csrrs"},
        {csrrc(5, 0x304, 6), 0x304332f3, "csrrc"},
        {csrrwi(7, 0x305, 31), 0x305fd3f3, "csrrwi"},
        {csrrsi(8, 0x341, 1), 0x3410e473, "csrrsi"},
        {csrrci(9, 0xFFF, 17), 0xfff8f4f3, "csrrci"},
        {ecall(), 0x00000073, "ecall"},
        {ebreak(), 0x00100073, "ebreak"},
        {mret(), 0x30200073, "mret"},
        {wfi(), 0x10500073, "wfi"},
        {fence_i(), 0x0000100f, "fence.i"},
    };
    for (const Golden& g : table) {
        INFO(g.text);
        CHECK(g.ours == g.theirs);
    }
}

TEST_CASE("encode: compressed parcels match the assembler", "[encode]") {
    struct Golden {
        uint16_t ours, theirs;
        const char* text;
    };
    const Golden table[] = {
        {c::addi4spn(8, 1020), 0x1fe0, "c.addi4spn x8,1020"},
        {c::addi4spn(15, 4), 0x005c, "c.addi4spn x15,4"},
        {c::lw(9, 10, 124), 0x5d64, "c.lw"},
        {c::sw(11, 12, 64), 0xc22c, "c.sw"},
        {c::nop(), 0x0001, "c.nop"},
        {c::addi(5, -32), 0x1281, "c.addi"},
        {c::addi(31, 31), 0x0ffd, "c.addi x31"},
        {c::jal(-2048), 0x3001, "c.jal -2048"},
        {c::jal(2046), 0x2ffd, "c.jal 2046"},
        {c::li(6, -1), 0x537d, "c.li"},
        {c::addi16sp(-512), 0x7101, "c.addi16sp -512"},
        {c::addi16sp(496), 0x617d, "c.addi16sp 496"},
        {c::lui(7, -32), 0x7381, "c.lui 0xfffe0"},
        {c::lui(3, 0x1F), 0x61fd, "c.lui 0x1f"},
        {c::srli(8, 31), 0x807d, "c.srli"},
        {c::srai(9, 1), 0x8485, "c.srai"},
        {c::andi(10, -32), 0x9901, "c.andi"},
        {c::sub(8, 15), 0x8c1d, "c.sub"},
        {c::xor_(9, 14), 0x8cb9, "c.xor"},
        {c::or_(10, 13), 0x8d55, "c.or"},
        {c::and_(11, 12), 0x8df1, "c.and"},
        {c::j(-2), 0xbffd, "c.j -2"},
        {c::j(1000), 0xa6e5, "c.j 1000"},
        {c::beqz(8, -256), 0xd001, "c.beqz -256"},
        {c::bnez(15, 254), 0xeffd, "c.bnez 254"},
        {c::beqz(9, 2), 0xc089, "c.beqz 2"},
        {c::slli(1, 31), 0x00fe, "c.slli"},
        {c::lwsp(2, 252), 0x517e, "c.lwsp 252"},
        {c::lwsp(31, 0), 0x4f82, "c.lwsp 0"},
        {c::jr(1), 0x8082, "c.jr"},
        {c::mv(5, 6), 0x829a, "c.mv"},
        {c::ebreak(), 0x9002, "c.ebreak"},
        {c::jalr(7), 0x9382, "c.jalr"},
        {c::add(8, 9), 0x9426, "c.add"},
        {c::swsp(31, 252), 0xdffe, "c.swsp 252"},
        {c::swsp(1, 4), 0xc206, "c.swsp 4"},
    };
    for (const Golden& g : table) {
        INFO(g.text);
        CHECK(g.ours == g.theirs);
    }
}
