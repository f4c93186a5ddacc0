// SPDX-License-Identifier: Apache-2.0
// The random instruction-stream generator: program layout, the body's instruction groups,
// the sections (U-mode, PMP, interrupts, MPRV, loops) and the trap handler.
//
// The body is a list of *groups*: short instruction sequences that are entered only at
// their first instruction. Random forward branches and jumps target the start of a later
// group in the same *region* (a stretch of M-mode code, or one U-mode section), so a
// branch never lands inside a set-up sequence, never skips the ecall that ends a U-mode
// section, and never enters U-mode code from M-mode. The only backward branches are the
// loop groups' own, on a counter register nothing else writes. See docs/rig.md.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "epoxy/memory_map.h"
#include "iss/compressed.h"
#include "iss/executor.h"
#include "iss/riscv.h"
#include "rig/encoder.h"
#include "rig/layout.h"
#include "rig/rig.h"

namespace epoxy::rig {

namespace rv = iss::rv;

namespace {

// ---- Deterministic random numbers: xoshiro256** seeded by splitmix64 ------------------------
// (std:: distributions are not specified bit-for-bit, so the same seed could give different
// programs with different standard libraries.)
class Rng {
  public:
    explicit Rng(uint64_t seed) {
        uint64_t x = seed;
        for (auto& w : s_) {
            x += 0x9E3779B97F4A7C15ull;
            uint64_t z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            w = z ^ (z >> 31);
        }
    }
    uint64_t next() {
        const uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    uint32_t u32() { return uint32_t(next() >> 32); }
    // Uniform in [0, n).
    uint32_t below(uint32_t n) { return uint32_t((uint64_t(u32()) * n) >> 32); }
    // Uniform in [lo, hi].
    int32_t range(int32_t lo, int32_t hi) { return lo + int32_t(below(uint32_t(hi - lo + 1))); }
    bool chance(unsigned percent) { return below(100) < percent; }
    template <typename T, size_t N>
    T pick(const std::array<T, N>& a) {
        return a[below(N)];
    }
    template <typename T, size_t N>
    T pick(const T (&a)[N]) {
        return a[below(N)];
    }

  private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<uint64_t, 4> s_{};
};

// Registers with a fixed role; random instructions read them but never write them.
constexpr unsigned kSp = 2;     // data-region pointer (c.lwsp/c.swsp/c.addi4spn base)
constexpr unsigned kGp = 3;     // trap-handler scratch
constexpr unsigned kTp = 4;     // resume point after an instruction-fetch fault
constexpr unsigned kLoop = 30;  // loop counter (t5)
constexpr unsigned kT6 = 31;    // trap-handler scratch
constexpr std::array<unsigned, 26> kPool = {1,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16,
                                            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29};

// Longest path through the trap handler, vector-table jump included (checked when emitted).
constexpr uint32_t kHandlerMax = 24;

constexpr uint32_t kTimer = EPOXY_TIMER_BASE;
constexpr uint32_t kMstatusMpp = rv::kMstatusMpp;  // 0x1800

enum class Kind : uint8_t {
    Alu,
    MulDiv,
    LoadStore,
    Compressed,
    Branch,
    Jump,
    Csr,
    System,
    Illegal,
    Misaligned,
    AccessFault,
    FetchFault,
    Loop,
    Umode,
    Pmp,
    Interrupt,
    Mprv,
    Mret,
};

enum class Fix : uint8_t { B, J, CB, CJ, PcRel };

struct Fixup {
    Fix kind;
    uint32_t at;        // offset of the instruction (the auipc for PcRel) in the code
    uint32_t templ;     // instruction with a zero offset
    size_t src = 0;     // group of the branch (random forward targets)
    size_t target = 0;  // target group (when label < 0)
    int label = -1;     // target label
    int32_t addend = 0;
};

struct Group {
    uint32_t start;  // address
    int region;
};

class Gen {
  public:
    explicit Gen(const RigConfig& cfg) : cfg_(cfg), rng_(cfg.seed) {}
    RigProgram run();

  private:
    // ---- Emission ----------------------------------------------------------------------
    uint32_t pc() const { return kCodeBase + uint32_t(code_.size()); }
    void e32(uint32_t w) {
        for (int i = 0; i < 4; ++i) code_.push_back(uint8_t(w >> (8 * i)));
        ++group_insns_;
    }
    void e16(uint16_t h) {
        code_.push_back(uint8_t(h));
        code_.push_back(uint8_t(h >> 8));
        ++group_insns_;
    }
    uint32_t read32(uint32_t off) const {
        uint32_t w;
        std::memcpy(&w, &code_[off], 4);
        return w;
    }
    void patch32(uint32_t off, uint32_t w) { std::memcpy(&code_[off], &w, 4); }
    void patch16(uint32_t off, uint16_t h) { std::memcpy(&code_[off], &h, 2); }
    void mark_nondet() { nondet_.push_back(pc()); }

    int new_label() {
        labels_.push_back(-1);
        return int(labels_.size() - 1);
    }
    void bind(int label) { labels_[size_t(label)] = pc(); }

    // Load a 32-bit constant.
    void li(unsigned rd, uint32_t v) {
        const int32_t sv = int32_t(v);
        if (sv >= -2048 && sv < 2048) {
            if (cfg_.compressed && rd != 0 && sv >= -32 && sv < 32 && rng_.chance(30))
                e16(enc::c::li(rd, sv));
            else
                e32(enc::addi(rd, 0, sv));
            return;
        }
        const uint32_t hi = (v + 0x800u) >> 12;
        e32(enc::lui(rd, hi));
        const int32_t lo = int32_t(v - (hi << 12));
        if (lo != 0) e32(enc::addi(rd, rd, lo));
    }
    // auipc rd + I-type at the next word, pointing at a label (+ addend).
    void pcrel_label(unsigned rd, int label, uint32_t itype, int32_t addend = 0) {
        fixes_.push_back(
            Fixup{Fix::PcRel, uint32_t(code_.size()), enc::auipc(rd, 0), 0, 0, label, addend});
        e32(enc::auipc(rd, 0));
        e32(itype);
    }
    // auipc rd + I-type pointing at a random later group of this region (+ addend).
    void pcrel_forward(unsigned rd, uint32_t itype, int32_t addend) {
        fixes_.push_back(Fixup{Fix::PcRel, uint32_t(code_.size()), enc::auipc(rd, 0),
                               groups_.size(), forward_target(), -1, addend});
        e32(enc::auipc(rd, 0));
        e32(itype);
    }
    void branch_forward(Fix kind, uint32_t templ) {
        fixes_.push_back(
            Fixup{kind, uint32_t(code_.size()), templ, groups_.size(), forward_target(), -1, 0});
        if (kind == Fix::CB || kind == Fix::CJ)
            e16(uint16_t(templ));
        else
            e32(templ);
    }
    size_t forward_target() {
        const size_t self = groups_.size();
        if (rng_.chance(10)) return self + 1;
        return self + 2 + rng_.below(rng_.chance(80) ? 3 : 12);
    }

    // ---- Groups ------------------------------------------------------------------------
    void begin() {
        group_start_ = pc();
        group_insns_ = 0;
    }
    void end(const char* kind, uint32_t iterations = 1, uint32_t extra_events = 0) {
        groups_.push_back(Group{group_start_, region_});
        body_insns_ += group_insns_;
        // Each executed instruction can trap once (handler run included); each interrupt
        // the group arms costs one more handler run.
        bound_ += uint64_t(group_insns_) * iterations * (1 + kHandlerMax) +
                  uint64_t(extra_events) * (1 + kHandlerMax);
        ++counts_[kind];
    }

    // ---- Operand choice ----------------------------------------------------------------
    void reshuffle_hot() {
        hot_[0] = 8 + rng_.below(8);
        hot_[1] = 8 + rng_.below(8);
        hot_[2] = rng_.pick(kPool);
        hot_[3] = rng_.pick(kPool);
    }
    unsigned rd() {
        const uint32_t k = rng_.below(100);
        if (k < 3) return 0;
        if (k < 60) return hot_[rng_.below(4)];
        return rng_.pick(kPool);
    }
    unsigned rd_nz() {
        unsigned r = rd();
        return r ? r : rng_.pick(kPool);
    }
    unsigned rs() {
        const uint32_t k = rng_.below(100);
        if (k < 5) return 0;
        if (k < 55) return hot_[rng_.below(4)];
        if (k < 90) return rng_.pick(kPool);
        return rng_.below(32);
    }
    unsigned crd() {  // x8..x15
        if (rng_.chance(60)) {
            const unsigned h = hot_[rng_.below(2)];
            if (h >= 8 && h <= 15) return h;
        }
        return 8 + rng_.below(8);
    }
    unsigned base_reg() { return rng_.pick(kPool); }  // a pool register to hold an address
    int32_t imm12() {
        switch (rng_.below(10)) {
            case 0:
                return 0;
            case 1:
                return -1;
            case 2:
                return 1;
            case 3:
                return rng_.chance(50) ? 2047 : -2048;
            case 4:
                return rng_.range(-16, 16);
            default:
                return rng_.range(-2048, 2047);
        }
    }
    int32_t imm6() { return rng_.range(-32, 31); }
    int32_t imm6_nz() {
        int32_t v = 0;
        while (v == 0) v = imm6();
        return v;
    }
    uint32_t interesting() {
        switch (rng_.below(12)) {
            case 0:
                return 0;
            case 1:
                return 1;
            case 2:
                return ~0u;
            case 3:
                return 0x80000000u;
            case 4:
                return 0x7FFFFFFFu;
            case 5:
                return 1u << rng_.below(32);
            case 6:
                return ~(1u << rng_.below(32));
            case 7:
                return uint32_t(rng_.range(-16, 16));
            case 8:
                return kDataPtr + uint32_t(rng_.range(-64, 64) * 4);
            case 9:
                return 0x80000001u;
            default:
                return rng_.u32();
        }
    }
    // An aligned offset from sp that stays inside the data region.
    int32_t sp_offset(unsigned size) {
        return rng_.range(-2048 / int32_t(size), 2047 / int32_t(size) - 1) * int32_t(size);
    }

    // ---- Groups of the body ---------------------------------------------------------------
    Kind pick_kind();
    void emit(Kind k);
    void alu();
    void alu_one();
    void muldiv();
    void load_store();
    void mem_one(bool misaligned_ok);
    void compressed();
    bool compressed_one();
    void branch();
    void jump();
    void csr();
    void csr_one();
    void system();
    void illegal();
    void illegal_one();
    void misaligned();
    void access_fault();
    void fetch_fault();
    void loop();
    void umode_section();
    void pmp_section();
    void interrupt_section();
    void arm_interrupt(bool msi, unsigned rb);
    bool platform_irqs() const { return cfg_.external_irqs || cfg_.local_irqs != 0; }
    void arm_platform_irq(unsigned rb);
    void mprv();
    void mret_forward();

    void prologue();
    void exit_group();
    void handler();
    void resolve();

    const RigConfig& cfg_;
    Rng rng_;
    std::vector<uint8_t> code_;
    std::vector<Group> groups_;
    std::vector<Fixup> fixes_;
    std::vector<int64_t> labels_;
    std::vector<uint32_t> nondet_;
    std::map<std::string, uint32_t> counts_;
    std::array<unsigned, 4> hot_{};
    uint32_t group_start_ = 0, group_insns_ = 0;
    uint32_t body_insns_ = 0;
    uint64_t bound_ = 0;
    int region_ = 0;
    bool user_ = false;  // generating a U-mode section's body
    bool tw_ = false;    // mstatus.TW in the current U-mode section
    int label_handler_ = -1, label_irq_ = -1, label_vectors_ = -1, label_exit_ = -1;
    bool vectored_ = false;
    std::array<uint32_t, 16> pmpaddr_{};  // the generator's copy of pmpaddr0..15
};

// ---- Choosing what comes next ----------------------------------------------------------------

Kind Gen::pick_kind() {
    const RigWeights& w = cfg_.weights;
    const bool m = !user_;
    const std::array<std::pair<Kind, unsigned>, 18> table = {{
        {Kind::Alu, w.alu},
        {Kind::MulDiv, w.muldiv},
        {Kind::LoadStore, w.load_store},
        {Kind::Compressed, cfg_.compressed ? w.compressed : 0},
        {Kind::Branch, w.branch},
        {Kind::Jump, w.jump},
        {Kind::Csr, w.csr},
        {Kind::System, w.system},
        {Kind::Illegal, cfg_.traps ? w.illegal : 0},
        {Kind::Misaligned, cfg_.misaligned ? w.misaligned : 0},
        {Kind::AccessFault, cfg_.traps ? w.access_fault : 0},
        {Kind::FetchFault, cfg_.traps ? w.fetch_fault : 0},
        {Kind::Loop, w.loop},
        {Kind::Umode, m && cfg_.umode ? w.umode : 0},
        {Kind::Pmp, m && cfg_.pmp ? w.pmp : 0},
        {Kind::Interrupt, m && cfg_.interrupts ? w.interrupt : 0},
        {Kind::Mprv, m && cfg_.umode ? w.mprv : 0},
        {Kind::Mret, m ? w.mret : 0},
    }};
    uint32_t total = 0;
    for (const auto& e : table) total += e.second;
    if (total == 0) throw RigError("every kind of instruction group has weight 0");
    uint32_t x = rng_.below(total);
    for (const auto& e : table) {
        if (x < e.second) return e.first;
        x -= e.second;
    }
    return Kind::Alu;
}

void Gen::emit(Kind k) {
    switch (k) {
        case Kind::Alu:
            return alu();
        case Kind::MulDiv:
            return muldiv();
        case Kind::LoadStore:
            return load_store();
        case Kind::Compressed:
            return compressed();
        case Kind::Branch:
            return branch();
        case Kind::Jump:
            return jump();
        case Kind::Csr:
            return csr();
        case Kind::System:
            return system();
        case Kind::Illegal:
            return illegal();
        case Kind::Misaligned:
            return misaligned();
        case Kind::AccessFault:
            return access_fault();
        case Kind::FetchFault:
            return fetch_fault();
        case Kind::Loop:
            return loop();
        case Kind::Umode:
            return umode_section();
        case Kind::Pmp:
            return pmp_section();
        case Kind::Interrupt:
            return interrupt_section();
        case Kind::Mprv:
            return mprv();
        case Kind::Mret:
            return mret_forward();
    }
}

// ---- Arithmetic ------------------------------------------------------------------------------

void Gen::alu_one() {
    const uint32_t k = rng_.below(100);
    if (k < 6) {
        e32(enc::lui(rd(), rng_.chance(20) ? 0x80000u : rng_.u32() & 0xFFFFFu));
    } else if (k < 10) {
        e32(enc::auipc(rd(), rng_.u32() & 0xFFFFFu));
    } else if (k < 55) {
        static constexpr std::array<uint32_t, 6> kF3 = {0, 2, 3, 4, 6, 7};
        e32(enc::op_imm(rng_.pick(kF3), rd(), rs(), imm12()));
    } else if (k < 67) {
        // slli / srli / srai: funct7 in imm[11:5], shamt in imm[4:0].
        static constexpr std::array<std::pair<uint32_t, uint32_t>, 3> kShift = {
            {{1, 0x00}, {5, 0x00}, {5, 0x20}}};
        const auto s = rng_.pick(kShift);
        const uint32_t sh = rng_.chance(20) ? (rng_.chance(50) ? 0 : 31) : rng_.below(32);
        e32(enc::r(s.second, sh, rs(), s.first, rd(), enc::kOpImm));
    } else {
        static constexpr std::array<std::pair<uint32_t, uint32_t>, 10> kOps = {{
            {0x00, 0},
            {0x20, 0},
            {0x00, 1},
            {0x00, 2},
            {0x00, 3},
            {0x00, 4},
            {0x00, 5},
            {0x20, 5},
            {0x00, 6},
            {0x00, 7},
        }};
        const auto o = rng_.pick(kOps);
        e32(enc::op(o.first, o.second, rd(), rs(), rs()));
    }
}

void Gen::alu() {
    begin();
    if (rng_.chance(10))
        li(rd_nz(), interesting());
    else
        alu_one();
    end("alu");
}

void Gen::muldiv() {
    begin();
    unsigned a = rs(), b = rs();
    if (rng_.chance(40)) {
        a = rng_.pick(kPool);
        li(a, interesting());
    }
    if (rng_.chance(40)) {
        b = rng_.pick(kPool);
        li(b, rng_.chance(30) ? (rng_.chance(50) ? ~0u : 0u) : interesting());
    }
    if (rng_.chance(5)) b = 0;  // division by x0
    e32(enc::op(0x01, rng_.below(8), rd(), a, b));
    end("muldiv");
}

// ---- Memory ------------------------------------------------------------------------------------

// One sp-relative load or store (used in loops, MPRV sections and load_store groups).
void Gen::mem_one(bool misaligned_ok) {
    static constexpr std::array<uint32_t, 5> kLoads = {0, 1, 2, 4, 5};
    const bool is_store = rng_.chance(45);
    const uint32_t f3 = is_store ? rng_.below(3) : rng_.pick(kLoads);
    const unsigned size = 1u << (f3 & 3);
    int32_t off = sp_offset(size);
    if (misaligned_ok && size > 1 && rng_.chance(30)) off += rng_.range(1, int32_t(size) - 1);
    if (is_store)
        e32(enc::store(f3, rs(), kSp, off));
    else
        e32(enc::load(f3, rd(), kSp, off));
}

void Gen::load_store() {
    begin();
    if (rng_.chance(55)) {
        mem_one(false);
    } else {
        // A pool register set to a data address just before it is used (a load-use hazard).
        static constexpr std::array<uint32_t, 5> kLoads = {0, 1, 2, 4, 5};
        const unsigned b = base_reg();
        e32(enc::addi(b, kSp, rng_.range(-256, 255) * 4));
        const bool is_store = rng_.chance(45);
        const uint32_t f3 = is_store ? rng_.below(3) : rng_.pick(kLoads);
        const int32_t size = 1 << (f3 & 3);
        const int32_t off = rng_.range(-1024 / size, 1023 / size) * size;
        if (is_store)
            e32(enc::store(f3, rs(), b, off));
        else
            e32(enc::load(f3, rd(), b, off));
    }
    end("load_store");
}

void Gen::misaligned() {
    begin();
    const uint32_t k = rng_.below(100);
    static constexpr std::array<uint32_t, 3> kLoadF3 = {1, 2, 5};  // lh, lw, lhu
    const bool is_store = rng_.chance(45);
    const uint32_t f3 = is_store ? 1 + rng_.below(2) : rng_.pick(kLoadF3);
    const int32_t size = 1 << (f3 & 3);
    if (k < 60) {
        const int32_t off = sp_offset(unsigned(size)) + rng_.range(1, size - 1);
        if (is_store)
            e32(enc::store(f3, rs(), kSp, off));
        else
            e32(enc::load(f3, rd(), kSp, off));
    } else if (k < 85 && cfg_.compressed) {
        // c.lw / c.sw through a base register that is not word-aligned.
        const unsigned b = crd();
        e32(enc::addi(b, kSp, rng_.range(-256, 255) * 4 + rng_.range(1, 3)));
        const uint32_t uimm = rng_.below(32) * 4;
        if (is_store)
            e16(enc::c::sw(crd(), b, uimm));
        else
            e16(enc::c::lw(crd(), b, uimm));
    } else {
        // Misaligned and unmapped/device at once: the ISS reports the misalignment (its
        // documented priority; the spec lets either win).
        static constexpr std::array<uint32_t, 3> kAddr = {0x40000000u, kTimer + 8, 0x00004000u};
        const uint32_t a = rng_.pick(kAddr) + uint32_t(rng_.range(1, size - 1));
        const unsigned b = base_reg();
        e32(enc::lui(b, (a + 0x800u) >> 12));
        const int32_t lo = int32_t(a - (((a + 0x800u) >> 12) << 12));
        if (is_store)
            e32(enc::store(f3, rs(), b, lo));
        else
            e32(enc::load(f3, rd(), b, lo));
    }
    end("misaligned");
}

void Gen::access_fault() {
    begin();
    struct Target {
        uint32_t addr;
        bool load_ok, store_ok;  // word access allowed by the bus
        bool nondet;             // the value read depends on timing
    };
    static constexpr Target kTargets[] = {
        {0x40000000u, false, false, false},                        // unmapped
        {0xFFFFFFFCu, false, false, false},                        // top of the address space
        {EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE, false, false, false},  // just past SRAM
        {EPOXY_ROM_BASE + EPOXY_ROM_SIZE, false, false, false},    // just past the ROM
        {kTimer + 0x14, false, false, false},                      // hole in the timer page
        {EPOXY_GPIO_BASE + 0x8, false, false, false},              // hole in the GPIO page
        {EPOXY_IOPMP_BASE + 0x10, false, false, false},            // hole in the IOPMP page
        {EPOXY_GPIO_BASE + EPOXY_GPIO_OUT, true, true, false},
        {EPOXY_GPIO_BASE + EPOXY_GPIO_IN, true, true, false},      // stores ignored
        {EPOXY_ROM_BASE + 0x100, false, false, false},             // ROM: stores fault
        {EPOXY_UART_BASE + EPOXY_UART_RXDATA, true, false, false},
        {EPOXY_UART_BASE + EPOXY_UART_CLKDIV, true, true, false},
        {kTimer + EPOXY_TIMER_MTIMECMP, true, false, false},
        {kTimer + EPOXY_TIMER_MTIMECMPH, true, false, false},
        {kTimer + EPOXY_TIMER_MSIP, true, false, false},
        {kTimer + EPOXY_TIMER_MTIME, true, false, true},
        {kTimer + EPOXY_TIMER_MTIMEH, true, false, true},
        {EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT, true, false, false},  // reads 0; never stored
        {EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_PUTC, true, false, false},
    };
    Target t = rng_.pick(kTargets);
    // ROM reads would see boot-ROM contents the core may not share: only store to the ROM.
    const bool rom = t.addr < EPOXY_ROM_BASE + EPOXY_ROM_SIZE;
    bool is_store = rom || rng_.chance(40);
    uint32_t f3;
    if (is_store) {
        // A word store only where the bus takes it harmlessly (CLKDIV) or faults.
        f3 = rng_.below(3);
        if (f3 == 2 && !t.store_ok && t.load_ok) f3 = rng_.below(2);  // wrong size: fault
    } else {
        static constexpr std::array<uint32_t, 5> kLoads = {0, 1, 2, 4, 5};
        f3 = rng_.pick(kLoads);
    }
    const unsigned b = base_reg();
    const uint32_t hi = (t.addr + 0x800u) >> 12;
    e32(enc::lui(b, hi));
    const int32_t lo = int32_t(t.addr - (hi << 12));
    if (is_store) {
        e32(enc::store(f3, rs(), b, lo));
    } else {
        if (t.nondet && f3 == 2) mark_nondet();
        e32(enc::load(f3, rd(), b, lo));
    }
    end("access_fault");
}

// ---- Compressed --------------------------------------------------------------------------------

// One RVC instruction with no group around it; false if the choice needs a group.
bool Gen::compressed_one() {
    switch (rng_.below(17)) {
        case 0:
            e16(enc::c::addi4spn(crd(), 4 * (1 + rng_.below(255))));
            return true;
        case 1:
            e16(enc::c::nop());
            return true;
        case 2:
            e16(enc::c::addi(rng_.chance(5) ? 0 : rd_nz(), imm6_nz()));
            return true;
        case 3:
            e16(enc::c::li(rd(), imm6()));
            return true;
        case 4: {
            unsigned r = rd_nz();
            e16(enc::c::lui(r == kSp ? 1 : r, imm6_nz()));
            return true;
        }
        case 5:
            e16(enc::c::alu_imm(rng_.below(2), crd(), rng_.chance(5) ? 0 : 1 + rng_.below(31)));
            return true;
        case 6:
            e16(enc::c::alu_imm(2, crd(), uint32_t(imm6())));
            return true;
        case 7:
            e16(enc::c::ca(rng_.below(4), crd(), crd()));
            return true;
        case 8:
            e16(enc::c::slli(rd(), rng_.chance(5) ? 0 : 1 + rng_.below(31)));
            return true;
        case 9:
            e16(enc::c::lwsp(rd_nz(), 4 * rng_.below(64)));
            return true;
        case 10:
            e16(enc::c::swsp(rs(), 4 * rng_.below(64)));
            return true;
        case 11: {
            unsigned s = rs();
            e16(enc::c::mv(rd(), s ? s : 1));
            return true;
        }
        case 12: {
            unsigned s = rs();
            e16(enc::c::add(rd(), s ? s : 1));
            return true;
        }
        case 13:
            if (!cfg_.traps) return false;
            e16(enc::c::ebreak());
            return true;
        default:
            return false;
    }
}

void Gen::compressed() {
    begin();
    if (!compressed_one()) {
        switch (rng_.below(3)) {
            case 0: {  // c.lw / c.sw through a base register set with c.addi4spn
                const unsigned b = crd();
                e16(enc::c::addi4spn(b, 4 * (1 + rng_.below(255))));
                const uint32_t uimm = 4 * rng_.below(32);
                if (rng_.chance(50))
                    e16(enc::c::lw(crd(), b, uimm));
                else
                    e16(enc::c::sw(crd(), b, uimm));
                break;
            }
            case 1: {  // c.lw / c.sw below sp
                const unsigned b = crd();
                e32(enc::addi(b, kSp, -4 * int32_t(rng_.below(256))));
                const uint32_t uimm = 4 * rng_.below(32);
                if (rng_.chance(50))
                    e16(enc::c::lw(crd(), b, uimm));
                else
                    e16(enc::c::sw(crd(), b, uimm));
                break;
            }
            default: {  // c.addi16sp out and back, with one sp-relative access between
                int32_t d = 0;
                while (d == 0) d = rng_.range(-31, 31) * 16;
                e16(enc::c::addi16sp(d));
                if (rng_.chance(50))
                    e16(enc::c::lwsp(rd_nz(), 4 * rng_.below(64)));
                else
                    e16(enc::c::swsp(rs(), 4 * rng_.below(64)));
                e16(enc::c::addi16sp(-d));
                break;
            }
        }
    }
    end("compressed");
}

// ---- Control flow
// --------------------------------------------------------------------------------

void Gen::branch() {
    begin();
    if (cfg_.compressed && rng_.chance(30)) {
        branch_forward(Fix::CB, rng_.chance(50) ? enc::c::beqz(crd(), 0) : enc::c::bnez(crd(), 0));
    } else {
        static constexpr std::array<uint32_t, 6> kF3 = {0, 1, 4, 5, 6, 7};
        const unsigned a = rs();
        const unsigned b = rng_.chance(15) ? a : rs();  // equal operands now and then
        branch_forward(Fix::B, enc::branch(rng_.pick(kF3), a, b, 0));
    }
    end("branch");
}

void Gen::jump() {
    begin();
    const uint32_t k = rng_.below(cfg_.compressed ? 6 : 2);
    switch (k) {
        case 0: {  // jal
            const uint32_t x = rng_.below(10);
            const unsigned link = x < 3 ? 0 : x < 6 ? 1 : rd();
            branch_forward(Fix::J, enc::jal(link, 0));
            break;
        }
        case 1: {  // auipc + addi + jalr with an offset, sometimes odd (bit 0 is cleared)
            const unsigned b = base_reg();
            const int32_t off = rng_.range(-64, 64);
            const unsigned link = rng_.chance(20) ? b : rng_.chance(30) ? 1 : rd();
            pcrel_forward(b, enc::addi(b, b, 0), -off + (off & 1));
            e32(enc::jalr(link, b, off));
            break;
        }
        case 2:
            branch_forward(Fix::CJ, enc::c::j(0));
            break;
        case 3:
            branch_forward(Fix::CJ, enc::c::jal(0));
            break;
        default: {  // c.jr / c.jalr
            const unsigned b = base_reg();
            pcrel_forward(b, enc::addi(b, b, 0), 0);
            e16(k == 4 ? enc::c::jr(b) : enc::c::jalr(b));
            break;
        }
    }
    end("jump");
}

void Gen::mret_forward() {
    begin();
    const unsigned b = base_reg();
    unsigned t = base_reg();
    if (t == b) t = b == 5 ? 6 : 5;
    // mstatus = MPP=M, MPIE=0, MIE=0: the mret returns to M-mode with interrupts off.
    e32(enc::lui(t, 2));
    e32(enc::addi(t, t, -2048));
    e32(enc::csrw(rv::kMstatus, t));
    pcrel_forward(b, enc::addi(b, b, 0), 0);
    e32(enc::csrw(rv::kMepc, b));
    e32(enc::kMret);
    end("mret");
}

void Gen::fetch_fault() {
    begin();
    const int resume = new_label();
    // In U-mode tp already holds the end of the section, where M-mode resumes.
    if (!user_) pcrel_label(kTp, resume, enc::addi(kTp, kTp, 0));
    static constexpr std::array<uint32_t, 5> kTargets = {
        0x40000000u, EPOXY_UART_BASE, EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE, 0xFFFFF000u, kStraddle};
    uint32_t a = rng_.pick(kTargets);
    if (a == kStraddle && !cfg_.compressed) a = 0x40000000u;
    const unsigned b = base_reg();
    li(b, a);
    if (cfg_.compressed && rng_.chance(40))
        e16(rng_.chance(50) ? enc::c::jr(b) : enc::c::jalr(b));
    else
        e32(enc::jalr(rng_.chance(50) ? 0 : rd(), b, 0));
    end("fetch_fault");
    bind(resume);
}

void Gen::loop() {
    begin();
    const uint32_t n = 1 + rng_.below(4);
    e32(enc::addi(kLoop, 0, int32_t(n)));
    const uint32_t top = pc();
    const uint32_t body = 2 + rng_.below(5);
    for (uint32_t i = 0; i < body; ++i) {
        const uint32_t k = rng_.below(10);
        if (k < 4)
            alu_one();
        else if (k < 5)
            e32(enc::op(0x01, rng_.below(8), rd(), rs(), rs()));
        else if (k < 7)
            mem_one(cfg_.misaligned);
        else if (k < 8 && cfg_.compressed)
            while (!compressed_one()) {
            }
        else if (k < 9)
            csr_one();
        else if (cfg_.traps)
            illegal_one();
        else
            alu_one();
    }
    e32(enc::addi(kLoop, kLoop, -1));
    const int32_t back = int32_t(top) - int32_t(pc());
    switch (rng_.below(3)) {
        case 0:
            e32(enc::branch(1, kLoop, 0, back));
            break;  // bne t5, x0
        case 1:
            e32(enc::branch(4, 0, kLoop, back));
            break;  // blt x0, t5
        default:
            e32(enc::branch(6, 0, kLoop, back));
            break;  // bltu x0, t5
    }
    end("loop", n);
}

// ---- CSRs and system -------------------------------------------------------------------------

void Gen::csr_one() {
    static constexpr uint16_t kReadable[] = {
        rv::kMstatus,
        rv::kMisa,
        rv::kMie,
        rv::kMip,
        rv::kMtvec,
        rv::kMscratch,
        rv::kMepc,
        rv::kMcause,
        rv::kMtval,
        rv::kMcounteren,
        rv::kMcountinhibit,
        rv::kMhartid,
        rv::kMvendorid,
        rv::kMarchid,
        rv::kMimpid,
        rv::kMconfigptr,
        rv::kMenvcfg,
        rv::kMenvcfgh,
        rv::kMstatush,
        rv::kPmpcfg0,
        rv::kPmpcfg0 + 1,
        rv::kPmpcfg0 + 2,
        rv::kPmpcfg0 + 3,
        rv::kPmpcfg0 + 7,
        rv::kPmpaddr0,
        rv::kPmpaddr0 + 3,
        rv::kPmpaddr0 + 9,
        rv::kPmpaddr0 + 14,
        rv::kPmpaddr0 + 15,
        rv::kPmpaddr0 + 30,
        rv::kMhpmCounter3,
        rv::kMhpmCounter3H + 1,
        rv::kMhpmCounter3 + 5,
        rv::kMhpmEvent3 + 2,
        rv::kHpmCounter3,
        rv::kHpmCounter3H,
        rv::kCycle,
        rv::kTime,
        rv::kInstret,
        rv::kCycleH,
        rv::kTimeH,
        rv::kInstretH,
        rv::kMcycle,
        rv::kMinstret,
        rv::kMcycleH,
        rv::kMinstretH,
        // Absent: stvec, satp, dcsr, fflags, a custom M CSR, a user custom CSR.
        0x105,
        0x180,
        0x7B0,
        0x001,
        0x7C0,
        0x800,
        rv::kMscratch,
        rv::kMepc,
    };
    static constexpr uint16_t kWritable[] = {
        rv::kMscratch,  rv::kMscratch,     rv::kMepc,           rv::kMcause,   rv::kMtval,
        rv::kMie,       rv::kMcounteren,   rv::kMcycle,         rv::kMinstret, rv::kMcycleH,
        rv::kMinstretH, rv::kMhpmCounter3, rv::kMhpmEvent3 + 5, rv::kMisa,     rv::kMenvcfg,
        rv::kMstatush,  rv::kMip,          rv::kMscratch,
    };
    // Writes to these are illegal (read-only space, or absent).
    static constexpr uint16_t kReadOnly[] = {rv::kMhartid, rv::kMvendorid, rv::kCycle,
                                             rv::kTime,    rv::kInstret,   0x7B0};
    // Counters that count cycles, time or core events (the core's mhpmcounter3/4 count
    // stalls; the ISS's read 0), instret, and mip (lines sampled at a different time).
    const auto nondet = [](uint16_t a) {
        const uint16_t low = a & 0xF7Fu;  // fold the high halves (0xB8x/0xC8x) onto 0xB0x/0xC0x
        return a == rv::kMip || low == rv::kMcycle || low == rv::kMinstret ||
               low == rv::kMhpmCounter3 || low == rv::kMhpmCounter3 + 1 ||
               (low >= rv::kCycle && low <= rv::kHpmCounter3 + 1);
    };
    const uint32_t k = rng_.below(100);
    uint16_t a;
    uint32_t f3;
    unsigned src;
    if (k < 50) {  // read only: csrrs/csrrc with x0, csrrsi/csrrci with 0
        a = rng_.pick(kReadable);
        f3 = rng_.pick(std::array<uint32_t, 4>{2, 3, 6, 7});
        src = 0;
    } else if (k < 92 || !cfg_.traps) {
        a = rng_.pick(kWritable);
        f3 = rng_.pick(std::array<uint32_t, 6>{1, 2, 3, 5, 6, 7});
        src = f3 >= 5 ? rng_.below(32) : rs();
    } else {
        a = rng_.pick(kReadOnly);
        f3 = rng_.pick(std::array<uint32_t, 2>{1, 5});
        src = rng_.below(32);
    }
    if (nondet(a)) mark_nondet();
    e32(enc::csr(f3, rd(), a, src));
}

void Gen::csr() {
    begin();
    csr_one();
    end("csr");
}

void Gen::system() {
    begin();
    const uint32_t k = rng_.below(100);
    if (k < 35) {
        e32(rng_.chance(10) ? enc::fence(3, 3, 8) : enc::fence(rng_.below(16), rng_.below(16)));
    } else if (k < 55) {
        e32(enc::fence_i());
    } else if (!cfg_.traps) {
        e32(enc::fence(15, 15));
    } else if (k < 75) {
        e32(enc::kEbreak);
    } else if (user_) {
        // No ecall inside a U-mode body: it would end the section early. mret and (with
        // mstatus.TW) wfi are illegal in U-mode instead.
        e32(tw_ && rng_.chance(50) ? enc::kWfi : enc::kMret);
    } else {
        e32(enc::kEcall);
    }
    end("system");
}

void Gen::illegal_one() {
    if (cfg_.compressed && rng_.chance(40)) {
        for (;;) {
            uint16_t h = 0;
            switch (rng_.below(11)) {
                case 0:
                    h = 0x0000;
                    break;
                case 1:
                    h = uint16_t(enc::c::p(8 + rng_.below(8)) << 2);
                    break;  // c.addi4spn 0
                case 2: {   // c.fld, c.flw, reserved, c.fsd, c.fsw
                    static constexpr std::array<uint32_t, 5> kF3 = {1, 3, 4, 5, 7};
                    h = uint16_t((rng_.pick(kF3) << 13) | ((rng_.u32() & 0x7FF) << 2));
                    break;
                }
                case 3:
                    h = uint16_t(0x4002 | (rng_.below(2) << 12) | (rng_.below(32) << 2));
                    break;
                case 4:
                    h = 0x8002;
                    break;  // c.jr x0
                case 5:
                    h = 0x6101;
                    break;  // c.addi16sp 0
                case 6: {
                    unsigned r = rng_.pick(kPool);
                    h = uint16_t((3u << 13) | (r << 7) | 1u);  // c.lui rd, 0
                    break;
                }
                case 7:
                    h = enc::c::alu_imm(rng_.below(2), 8 + rng_.below(8), 0x20 | rng_.below(32));
                    break;
                case 8:
                    h = enc::c::slli(rng_.pick(kPool), 0x20 | rng_.below(32));
                    break;
                case 9:
                    h = enc::c::ca(rng_.below(4), 8 + rng_.below(8), 8 + rng_.below(8), 1);
                    break;
                default: {  // c.fldsp, c.flwsp, c.fsdsp, c.fswsp
                    static constexpr std::array<uint32_t, 4> kF3 = {1, 3, 5, 7};
                    h = uint16_t((rng_.pick(kF3) << 13) | ((rng_.u32() & 0x7FF) << 2) | 2u);
                    break;
                }
            }
            if (iss::expand_compressed(h) == 0) {
                e16(h);
                return;
            }
        }
    }
    for (;;) {
        const uint32_t rnd = rng_.u32();
        const uint32_t f3 = rng_.below(8);
        uint32_t w = 0;
        switch (rng_.below(10)) {
            case 0: {  // opcodes of extensions this hart lacks (F, D, A, V, RV64, fused FP)
                static constexpr std::array<uint32_t, 11> kOps = {
                    0x07, 0x27, 0x2F, 0x43, 0x47, 0x4B, 0x4F, 0x53, 0x1B, 0x3B, 0x57};
                w = (rnd & ~0x7Fu) | rng_.pick(kOps);
                break;
            }
            case 1:
                w = enc::load(rng_.pick(std::array<uint32_t, 3>{3, 6, 7}), rnd & 31,
                              (rnd >> 5) & 31, 0);
                break;
            case 2:
                w = enc::store(3 + rng_.below(5), rnd & 31, (rnd >> 5) & 31, 0);
                break;
            case 3:
                w = enc::branch(2 + rng_.below(2), rnd & 31, (rnd >> 5) & 31, 8);
                break;
            case 4:
                w = enc::i(0, (rnd >> 5) & 31, 1 + rng_.below(7), rnd & 31, enc::kJalr);
                break;
            case 5: {  // shift-immediate with a funct7 that is not 0 / 0x20
                const uint32_t f7 = 1 + rng_.below(127);
                w = enc::r(f7, rnd & 31, (rnd >> 5) & 31, rng_.chance(50) ? 1 : 5, (rnd >> 10) & 31,
                           enc::kOpImm);
                break;
            }
            case 6:
                w = enc::r(2 + rng_.below(30), rnd & 31, (rnd >> 5) & 31, f3, (rnd >> 10) & 31,
                           enc::kOp);
                break;
            case 7:
                w = enc::i(int32_t(rnd >> 20), 0, 2 + rng_.below(6), 0, enc::kMiscMem);
                break;
            case 8:
                w = (rnd & ~0x707Fu) | (4u << 12) | enc::kSystem;
                break;  // SYSTEM funct3 4
            default: {  // uret, sret, sfence.vma, dret-like and other privileged funct12s
                static constexpr std::array<uint32_t, 5> kPriv = {
                    0x00200073u, 0x10200073u, 0x12000073u, 0x7B200073u, 0x00000873u};
                w = rng_.pick(kPriv);
                break;
            }
        }
        if (iss::decode(w) == nullptr) {
            e32(w);
            return;
        }
    }
}

void Gen::illegal() {
    begin();
    illegal_one();
    end("illegal");
}

// ---- Sections ----------------------------------------------------------------------------------

// Make MSI or MTI pending (not yet taken: M-mode runs with mstatus.MIE=0), read the device
// back so the store has reached it, and enable the source in mie.
void Gen::arm_interrupt(bool msi, unsigned rb) {
    unsigned v = base_reg();
    if (v == rb) v = rb == 5 ? 6 : 5;
    e32(enc::lui(rb, kTimer >> 12));
    if (msi) {
        e32(enc::addi(v, 0, 1));
        e32(enc::store(2, v, rb, EPOXY_TIMER_MSIP));
        e32(enc::load(2, v, rb, EPOXY_TIMER_MSIP));
        e32(enc::csrsi(rv::kMie, rv::kMipMsip));
    } else {
        e32(enc::store(2, 0, rb, EPOXY_TIMER_MTIMECMPH));
        e32(enc::store(2, 0, rb, EPOXY_TIMER_MTIMECMP));
        e32(enc::load(2, v, rb, EPOXY_TIMER_MTIMECMP));
        e32(enc::addi(v, 0, int32_t(rv::kMipMtip)));
        e32(enc::csrs(rv::kMie, v));
    }
}

// Raise MEI or a local line through the sim interrupt source, read it back, enable it in
// mie. Like arm_interrupt, it is taken once interrupts are enabled.
void Gen::arm_platform_irq(unsigned rb) {
    unsigned v = base_reg();
    if (v == rb) v = rb == 5 ? 6 : 5;
    uint32_t bit = rv::kMipMeip;
    if (cfg_.local_irqs != 0 && (!cfg_.external_irqs || rng_.chance(75)))
        bit = 1u << (rv::kIrqLocal0 + rng_.below(std::min(cfg_.local_irqs, 16u)));
    e32(enc::lui(rb, EPOXY_SIMIRQ_BASE >> 12));
    li(v, bit);
    e32(enc::store(2, v, rb, EPOXY_SIMIRQ_SET));
    e32(enc::csrs(rv::kMie, v));
    // Read back so the store has reached the device (a timing-dependent value on a core
    // whose testbench also raises lines at random: the harness synchronises it).
    e32(enc::load(2, v, rb, EPOXY_SIMIRQ_PENDING));
}

void Gen::interrupt_section() {
    begin();
    const unsigned rb = base_reg();
    if (cfg_.async_interrupts && rng_.chance(30)) {
        // A timer interrupt some steps from now: taken wherever interrupts are next enabled
        // (a U-mode section, or the next interrupt section). Timing-dependent on a core.
        unsigned v = base_reg();
        if (v == rb) v = rb == 5 ? 6 : 5;
        e32(enc::lui(rb, kTimer >> 12));
        e32(enc::store(2, 0, rb, EPOXY_TIMER_MTIMECMPH));
        e32(enc::store(2, 0, rb, EPOXY_TIMER_MTIMEH));
        e32(enc::store(2, 0, rb, EPOXY_TIMER_MTIME));
        e32(enc::addi(v, 0, rng_.range(4, 200)));
        e32(enc::store(2, v, rb, EPOXY_TIMER_MTIMECMP));
        e32(enc::addi(v, 0, int32_t(rv::kMipMtip)));
        e32(enc::csrs(rv::kMie, v));
        end("interrupt_async", 1, 1);
        return;
    }
    const bool msi = rng_.chance(50);
    if (platform_irqs() && rng_.chance(40))
        arm_platform_irq(rb);
    else
        arm_interrupt(msi, rb);
    const uint32_t k = rng_.below(3);
    if (k == 1) {
        // WFI with the interrupt pending and enabled in mie but masked by mstatus.MIE:
        // it completes at once, without a trap.
        e32(enc::kWfi);
    } else if (k == 2) {
        // Both sources pending: MSI has priority, and the handler clears both.
        arm_interrupt(!msi, rb);
    }
    e32(enc::csrsi(rv::kMstatus, rv::kMstatusMie));  // taken right after this instruction
    e32(enc::csrci(rv::kMstatus, rv::kMstatusMie));
    end(k == 1 ? "interrupt_wfi" : "interrupt", 1, 2);
}

void Gen::mprv() {
    begin();
    const unsigned a = base_reg();
    unsigned b = base_reg();
    if (b == a) b = a == 5 ? 6 : 5;
    e32(enc::lui(a, rv::kMstatusMprv >> 12));
    e32(enc::csrs(rv::kMstatus, a));
    e32(enc::lui(b, 2));
    e32(enc::addi(b, b, -2048));
    e32(enc::csrc(rv::kMstatus, b));  // MPP = U: loads and stores are checked as U-mode
    const uint32_t n = 1 + rng_.below(3);
    for (uint32_t i = 0; i < n; ++i) {
        // Keep `a` intact for the csrc below: loads write a register other than `a`.
        static constexpr std::array<uint32_t, 5> kLoads = {0, 1, 2, 4, 5};
        if (rng_.chance(50)) {
            e32(enc::store(rng_.below(3), rs(), kSp, sp_offset(4)));
        } else {
            unsigned d = rd();
            if (d == a) d = 0;
            e32(enc::load(rng_.pick(kLoads), d, kSp, sp_offset(4)));
        }
    }
    e32(enc::csrc(rv::kMstatus, a));
    end("mprv");
}

void Gen::umode_section() {
    // Entry, in M-mode: tp = the section's end (where M-mode resumes after a fetch fault),
    // mepc = the first U-mode instruction, mstatus = MPP=U, MPIE=0, TW random.
    begin();
    const int end_label = new_label();
    const int body_label = new_label();
    uint32_t events = 0;
    if (cfg_.interrupts && rng_.chance(20)) {
        arm_interrupt(rng_.chance(50), base_reg());  // taken at the first U-mode instruction
        events = 1;
    }
    tw_ = rng_.chance(40);
    pcrel_label(kTp, end_label, enc::addi(kTp, kTp, 0));
    const unsigned b = base_reg();
    pcrel_label(b, body_label, enc::addi(b, b, 0));
    e32(enc::csrw(rv::kMepc, b));
    if (tw_) {
        e32(enc::lui(b, rv::kMstatusTw >> 12));
        e32(enc::csrw(rv::kMstatus, b));
    } else {
        e32(enc::csrw(rv::kMstatus, 0));
    }
    e32(enc::kMret);
    end("umode_enter", 1, events);

    ++region_;
    user_ = true;
    bind(body_label);
    const uint32_t n = 4 + rng_.below(37);
    for (uint32_t i = 0; i < n && body_insns_ < cfg_.insns; ++i) emit(pick_kind());
    begin();
    e32(enc::kEcall);  // back to M-mode: the handler returns after it with MPP=M
    end("umode_exit");
    user_ = false;

    ++region_;
    bind(end_label);
    begin();
    li(kSp, kDataPtr);  // in case a fetch fault cut a c.addi16sp pair short
    end("umode_resume");
}

void Gen::pmp_section() {
    begin();
    const unsigned ra = base_reg();
    unsigned rb = base_reg();
    if (rb == ra) rb = ra == 5 ? 6 : 5;
    auto napot = [](uint32_t base, uint32_t size) { return (base >> 2) | ((size >> 3) - 1); };
    auto set_entry = [&](unsigned i, uint32_t addr, uint8_t cfg) {
        const uint16_t cfg_csr = uint16_t(rv::kPmpcfg0 + i / 4);
        const unsigned shift = 8 * (i % 4);
        li(ra, 0xFFu << shift);
        e32(enc::csrc(cfg_csr, ra));  // entry off while its address changes
        li(rb, addr);
        e32(enc::csrw(uint16_t(rv::kPmpaddr0 + i), rb));
        pmpaddr_[i] = addr;
        if (cfg) {
            li(ra, uint32_t(cfg) << shift);
            e32(enc::csrs(cfg_csr, ra));
        }
    };
    auto perms = [&]() -> uint8_t {
        if (rng_.chance(8)) return rv::kPmpW;  // reserved R=0,W=1: WARL, the entry stays off
        return uint8_t(rng_.below(8));
    };
    const uint32_t n = 1 + rng_.below(4);
    for (uint32_t e = 0; e < n; ++e) {
        const unsigned i = rng_.below(14);
        const uint32_t k = rng_.below(100);
        uint8_t mode = rv::kPmpNapot;
        uint32_t addr = 0;
        if (k < 10) {
            mode = rv::kPmpOff;
            addr = rng_.u32() >> 2;
        } else if (k < 30) {  // NA4 on a word of the data region, or on msip
            mode = rv::kPmpNa4;
            addr = (rng_.chance(85) ? kDataPtr + uint32_t(rng_.range(-512, 511) * 4)
                                    : kTimer + EPOXY_TIMER_MSIP) >>
                   2;
        } else if (k < 55) {  // TOR above the previous entry's address, if that is data
            const uint32_t base = i == 0 ? 0 : pmpaddr_[i - 1] << 2;
            if (base >= kDataBase && base < kDataBase + kDataSize - 8) {
                mode = rv::kPmpTor;
                const uint32_t top =
                    std::min(base + 4 * (1 + rng_.below(512)), kDataBase + kDataSize);
                addr = top >> 2;
            } else {
                addr = napot(kDataBase + 0x1000, 0x1000);
            }
        } else if (k < 85) {                          // NAPOT inside the data region
            const unsigned log = 3 + rng_.below(11);  // 8 B .. 8 KiB
            const uint32_t size = 1u << log;
            const uint32_t base = kDataBase + (rng_.below(kDataSize / size) * size);
            addr = napot(base, size);
        } else if (k < 93) {  // a device page
            addr = napot(rng_.chance(50) ? kTimer : EPOXY_UART_BASE, EPOXY_DEVICE_PAGE);
        } else {  // part of the code: U-mode fetches there may fault
            const unsigned log = 8 + rng_.below(9);  // 256 B .. 64 KiB
            const uint32_t size = 1u << log;
            addr = napot(kCodeBase + rng_.below(0x30000 / size) * size, size);
        }
        set_entry(i, addr, uint8_t((mode << rv::kPmpAShift) | perms()));
    }
    if (rng_.chance(25)) {
        // Entry 14 keeps the whole SRAM executable for U-mode; R and W vary.
        uint8_t p = uint8_t(rv::kPmpX | (rng_.chance(80) ? rv::kPmpR : 0));
        if ((p & rv::kPmpR) && rng_.chance(70)) p |= rv::kPmpW;
        set_entry(14, napot(EPOXY_SRAM_BASE, EPOXY_SRAM_SIZE),
                  uint8_t((rv::kPmpNapot << rv::kPmpAShift) | p));
    }
    if (rng_.chance(20)) {
        // Entry 15: everything else (devices), sometimes off.
        const uint8_t p = rng_.chance(70) ? uint8_t(rv::kPmpR | rv::kPmpW) : uint8_t(rv::kPmpR);
        set_entry(15, 0x1FFFFFFFu,
                  rng_.chance(25) ? 0 : uint8_t((rv::kPmpNapot << rv::kPmpAShift) | p));
    }
    if (rng_.chance(15)) {
        // Entries that do not exist: writes are ignored, reads give 0.
        e32(enc::csrw(uint16_t(rv::kPmpcfg0 + 4 + rng_.below(12)), ra));
        e32(enc::csrw(uint16_t(rv::kPmpaddr0 + 16 + rng_.below(48)), rb));
    }
    end("pmp");
}

// ---- Fixed parts
// ---------------------------------------------------------------------------------

void Gen::prologue() {
    group_insns_ = 0;
    vectored_ = rng_.chance(50);
    pcrel_label(kT6, vectored_ ? label_vectors_ : label_handler_, enc::addi(kT6, kT6, 0),
                vectored_ ? 1 : 0);  // mtvec.MODE = 1: vectored
    e32(enc::csrw(rv::kMtvec, kT6));
    e32(enc::csrw(rv::kMstatus, 0));
    e32(enc::csrw(rv::kMie, 0));
    e32(enc::csrw(rv::kMcountinhibit, 0));
    // Reset values the specification leaves open: set them, so reads agree with a core.
    for (uint16_t a : {rv::kMscratch, rv::kMepc, rv::kMcause, rv::kMtval}) {
        li(kT6, rng_.u32() & ~1u);
        e32(enc::csrw(a, kT6));
    }
    static constexpr std::array<uint32_t, 4> kCounteren = {0, 7, 5, 2};
    li(kT6, rng_.chance(20) ? rng_.u32() : rng_.pick(kCounteren));
    e32(enc::csrw(rv::kMcounteren, kT6));
    // Timer quiet: mtimecmp = all ones, msip = 0.
    e32(enc::lui(kT6, kTimer >> 12));
    e32(enc::addi(kGp, 0, -1));
    e32(enc::store(2, kGp, kT6, EPOXY_TIMER_MTIMECMP));
    e32(enc::store(2, kGp, kT6, EPOXY_TIMER_MTIMECMPH));
    e32(enc::store(2, 0, kT6, EPOXY_TIMER_MSIP));
    // PMP: entries 0..13 off, 14 = SRAM RWX, 15 = everything RW (devices for U-mode).
    for (unsigned i = 0; i < 14; ++i) e32(enc::csrw(uint16_t(rv::kPmpaddr0 + i), 0));
    const uint32_t sram = (EPOXY_SRAM_BASE >> 2) | ((EPOXY_SRAM_SIZE >> 3) - 1);
    pmpaddr_[14] = sram;
    pmpaddr_[15] = 0x1FFFFFFFu;
    li(kT6, sram);
    e32(enc::csrw(rv::kPmpaddr0 + 14, kT6));
    li(kT6, 0x1FFFFFFFu);
    e32(enc::csrw(rv::kPmpaddr0 + 15, kT6));
    for (unsigned n = 0; n < 3; ++n) e32(enc::csrw(uint16_t(rv::kPmpcfg0 + n), 0));
    const uint8_t napot = rv::kPmpNapot << rv::kPmpAShift;
    li(kT6, (uint32_t(napot | rv::kPmpR | rv::kPmpW) << 24) |
                (uint32_t(napot | rv::kPmpR | rv::kPmpW | rv::kPmpX) << 16));
    e32(enc::csrw(rv::kPmpcfg0 + 3, kT6));
    // Fixed-role registers, then every pool register with an interesting value.
    li(kSp, kDataPtr);
    pcrel_label(kTp, label_exit_, enc::addi(kTp, kTp, 0));
    e32(enc::addi(kLoop, 0, 0));
    e32(enc::addi(kT6, 0, 0));
    for (unsigned r : kPool) li(r, interesting());
    bound_ += uint64_t(group_insns_);
}

void Gen::exit_group() {
    begin();
    bind(label_exit_);
    if (cfg_.traps) e32(enc::kEcall);  // from M-mode: cause 11, skipped by the handler
    e32(enc::lui(kT6, EPOXY_SIMCTL_BASE >> 12));
    e32(enc::store(2, 0, kT6, EPOXY_SIMCTL_EXIT));
    e32(enc::jal(0, 0));  // never reached: sim-control stops the run
    end("exit");
}

void Gen::handler() {
    // Direct mode: mtvec -> handler. Vectored: the table's entries jump to the handler,
    // except MSI (3) and MTI (7), which jump straight to the interrupt path.
    while (pc() % 128) {  // padding, never executed
        if (pc() % 4)
            e16(enc::c::nop());
        else
            e32(enc::addi(0, 0, 0));
    }
    bind(label_vectors_);
    for (unsigned i = 0; i < 32; ++i) {
        const int target =
            (i == rv::kIrqMSoft || i == rv::kIrqMTimer) ? label_irq_ : label_handler_;
        fixes_.push_back(Fixup{Fix::J, uint32_t(code_.size()), enc::jal(0, 0), 0, 0, target, 0});
        e32(enc::jal(0, 0));
    }
    const int skip = new_label(), len2 = new_label(), fetch = new_label();
    auto fwd = [&](uint32_t templ, int label) {
        fixes_.push_back(Fixup{Fix::B, uint32_t(code_.size()), templ, 0, 0, label, 0});
        e32(templ);
    };
    bind(label_handler_);
    e32(enc::csrr(kGp, rv::kMcause));
    fwd(enc::branch(4, kGp, 0, 0), label_irq_);  // blt gp, x0: an interrupt
    e32(enc::addi(kT6, 0, 1));
    fwd(enc::branch(7, kT6, kGp, 0), fetch);  // bgeu 1, cause: fetch misaligned/access fault
    e32(enc::addi(kT6, 0, int32_t(rv::kEcallU)));
    fwd(enc::branch(1, kGp, kT6, 0), skip);  // not an ecall from U-mode
    e32(enc::lui(kT6, 2));
    e32(enc::addi(kT6, kT6, -2048));
    e32(enc::csrs(rv::kMstatus, kT6));  // return to M-mode after the ecall
    bind(skip);
    // Skip the faulting instruction: 2 or 4 bytes, from the low bits of its first parcel.
    e32(enc::csrr(kGp, rv::kMepc));
    e32(enc::load(5, kT6, kGp, 0));  // lhu t6, 0(gp)
    e32(enc::op_imm(7, kT6, kT6, 3));
    e32(enc::addi(kGp, kGp, 2));
    e32(enc::addi(kT6, kT6, -3));
    fwd(enc::branch(1, kT6, 0, 0), len2);
    e32(enc::addi(kGp, kGp, 2));
    bind(len2);
    e32(enc::csrw(rv::kMepc, kGp));
    e32(enc::kMret);
    // The fetch itself faulted: there is no instruction to skip. Resume in M-mode at tp.
    bind(fetch);
    e32(enc::csrw(rv::kMepc, kTp));
    e32(enc::lui(kT6, 2));
    e32(enc::addi(kT6, kT6, -2048));
    e32(enc::csrs(rv::kMstatus, kT6));
    e32(enc::kMret);
    // Interrupts: quiet both sources (mtimecmp = all ones, msip = 0), read back, return.
    bind(label_irq_);
    e32(enc::lui(kT6, kTimer >> 12));
    e32(enc::addi(kGp, 0, -1));
    e32(enc::store(2, kGp, kT6, EPOXY_TIMER_MTIMECMP));
    e32(enc::store(2, kGp, kT6, EPOXY_TIMER_MTIMECMPH));
    e32(enc::store(2, 0, kT6, EPOXY_TIMER_MSIP));
    e32(enc::load(2, kGp, kT6, EPOXY_TIMER_MSIP));
    if (platform_irqs()) {
        // Acknowledge every line of the sim interrupt source (MEI and the local lines).
        e32(enc::lui(kT6, EPOXY_SIMIRQ_BASE >> 12));
        e32(enc::addi(kGp, 0, -1));
        e32(enc::store(2, kGp, kT6, EPOXY_SIMIRQ_CLEAR));
    }
    e32(enc::kMret);
}

void Gen::resolve() {
    // Last group of each region, for clamping random forward targets.
    std::vector<size_t> region_last(groups_.size());
    for (size_t g = groups_.size(); g-- > 0;)
        region_last[g] = (g + 1 < groups_.size() && groups_[g + 1].region == groups_[g].region)
                             ? region_last[g + 1]
                             : g;
    auto fits = [](Fix k, int64_t off) {
        switch (k) {
            case Fix::B:
                return off >= -4096 && off < 4096;
            case Fix::J:
                return off >= -(1 << 20) && off < (1 << 20);
            case Fix::CB:
                return off >= -256 && off < 256;
            case Fix::CJ:
                return off >= -2048 && off < 2048;
            case Fix::PcRel:
                return true;
        }
        return false;
    };
    for (const Fixup& f : fixes_) {
        const uint32_t at_pc = kCodeBase + f.at;
        uint32_t target;
        if (f.label >= 0) {
            target = uint32_t(labels_[size_t(f.label)]);
        } else {
            size_t t = std::min(f.target, region_last[f.src]);
            if (t <= f.src) throw RigError("internal: a branch group ends its region");
            while (!fits(f.kind, int64_t(groups_[t].start) - int64_t(at_pc)) && t > f.src + 1) --t;
            target = groups_[t].start;
        }
        const int32_t off = int32_t(target - at_pc);
        if (!fits(f.kind, off))
            throw RigError(fmt::format("internal: branch at 0x{:08x} out of range", at_pc));
        switch (f.kind) {
            case Fix::B:
                patch32(f.at, f.templ | enc::b(off, 0, 0, 0));
                break;
            case Fix::J:
                patch32(f.at, f.templ | enc::j(off, 0));
                break;
            case Fix::CB:
                patch16(f.at, uint16_t(f.templ | enc::c::cb(0, 8, off)));
                break;
            case Fix::CJ:
                patch16(f.at, uint16_t(f.templ | enc::c::cj(0, off)));
                break;
            case Fix::PcRel: {
                const uint32_t d = target + uint32_t(f.addend) - at_pc;
                const uint32_t hi = (d + 0x800u) >> 12;
                const int32_t lo = int32_t(d - (hi << 12));
                patch32(f.at, f.templ | (hi << 12));
                patch32(f.at + 4, enc::with_imm_i(read32(f.at + 4), lo));
                break;
            }
        }
    }
}

RigProgram Gen::run() {
    if (cfg_.insns > kMaxInsns)
        throw RigError(
            fmt::format("--insns {} is too many: at most {} fit in the SRAM beside "
                        "the data region",
                        cfg_.insns, kMaxInsns));
    label_handler_ = new_label();
    label_irq_ = new_label();
    label_vectors_ = new_label();
    label_exit_ = new_label();
    reshuffle_hot();

    RigProgram p;
    p.config = cfg_;
    p.entry = kCodeBase;
    prologue();
    const uint32_t body = pc();
    uint32_t n = 0;
    while (body_insns_ < cfg_.insns) {
        if (++n % 48 == 0) reshuffle_hot();
        emit(pick_kind());
    }
    exit_group();
    const uint32_t exit_addr = uint32_t(labels_[size_t(label_exit_)]);
    handler();
    bound_ += 64;
    resolve();
    if (pc() > kDataBase)
        throw RigError(
            fmt::format("internal: code (0x{:x} bytes) overlaps the data region", code_.size()));

    // Data region: random bytes, with a 32-bit opcode parcel in the last halfword of SRAM
    // so a jump there straddles the end of SRAM.
    Segment data{kDataBase, std::vector<uint8_t>(kDataSize), false};
    for (auto& b : data.bytes) b = uint8_t(rng_.u32());
    data.bytes[kDataSize - 2] = 0x03;
    data.bytes[kDataSize - 1] = 0x00;

    p.segments.push_back(Segment{kCodeBase, code_, true});
    p.segments.push_back(std::move(data));
    p.symbols = {
        {"rig_prologue", kCodeBase},
        {"rig_body", body},
        {"rig_exit", exit_addr},
        {"rig_trap_vector", uint32_t(labels_[size_t(label_vectors_)])},
        {"rig_handler", uint32_t(labels_[size_t(label_handler_)])},
        {"rig_irq", uint32_t(labels_[size_t(label_irq_)])},
        {"rig_code_end", pc()},
        {"rig_data", kDataBase},
        {"rig_data_ptr", kDataPtr},
        {"rig_data_end", kDataBase + kDataSize},
    };
    std::sort(nondet_.begin(), nondet_.end());
    nondet_.erase(std::unique(nondet_.begin(), nondet_.end()), nondet_.end());
    p.nondeterministic_pcs = std::move(nondet_);
    p.body_insns = body_insns_;
    p.max_steps = bound_;
    p.group_counts = counts_;
    return p;
}

}  // namespace

RigProgram generate(const RigConfig& config) {
    return Gen(config).run();
}

std::string describe(const RigConfig& c) {
    const RigWeights& w = c.weights;
    return fmt::format(
        "seed={} insns={} compressed={} traps={} interrupts={} pmp={} umode={} misaligned={} "
        "async_interrupts={} weights=alu:{},muldiv:{},load_store:{},compressed:{},branch:{},"
        "jump:{},csr:{},system:{},illegal:{},misaligned:{},access_fault:{},fetch_fault:{},"
        "loop:{},umode:{},pmp:{},interrupt:{},mprv:{},mret:{}",
        c.seed, c.insns, int(c.compressed), int(c.traps), int(c.interrupts), int(c.pmp),
        int(c.umode), int(c.misaligned), int(c.async_interrupts), w.alu, w.muldiv, w.load_store,
        w.compressed, w.branch, w.jump, w.csr, w.system, w.illegal, w.misaligned, w.access_fault,
        w.fetch_fault, w.loop, w.umode, w.pmp, w.interrupt, w.mprv, w.mret) +
           (c.external_irqs || c.local_irqs
                ? fmt::format(" external_irqs={} local_irqs={}", int(c.external_irqs),
                              c.local_irqs)
                : std::string());
}

}  // namespace epoxy::rig
