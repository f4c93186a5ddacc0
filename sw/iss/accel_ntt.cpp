// SPDX-License-Identifier: Apache-2.0
// The ISS's NTT coprocessor: the accelerator shell's registers and queue, and the NTT
// engine's checks and operations through the golden model (see accel_ntt.h).
#include "iss/accel_ntt.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <stdexcept>
#include <tuple>

#include "epoxy/accel_regs.h"
#include "epoxy/memory_map.h"
#include "epoxy/ntt.h"
#include "iss/iopmp.h"
#include "iss/machine.h"
#include "models/ntt/ntt_model.h"

namespace epoxy::iss {

namespace {

namespace ntt = epoxy::ntt;

// Register offsets (the generated struct) and the fields the model keeps.
constexpr uint32_t kRegId = offsetof(epoxy_accel_regs_t, ID);
constexpr uint32_t kRegVersion = offsetof(epoxy_accel_regs_t, VERSION);
constexpr uint32_t kRegCaps = offsetof(epoxy_accel_regs_t, CAPS);
constexpr uint32_t kRegShellCaps = offsetof(epoxy_accel_regs_t, SHELL_CAPS);
constexpr uint32_t kRegCtrl = offsetof(epoxy_accel_regs_t, CTRL);
constexpr uint32_t kRegStatus = offsetof(epoxy_accel_regs_t, STATUS);
constexpr uint32_t kRegErr = offsetof(epoxy_accel_regs_t, ERR);
constexpr uint32_t kRegIrqStatus = offsetof(epoxy_accel_regs_t, IRQ_STATUS);
constexpr uint32_t kRegQbase = offsetof(epoxy_accel_regs_t, QBASE);
constexpr uint32_t kRegQsize = offsetof(epoxy_accel_regs_t, QSIZE);
constexpr uint32_t kRegQhead = offsetof(epoxy_accel_regs_t, QHEAD);
constexpr uint32_t kRegQtail = offsetof(epoxy_accel_regs_t, QTAIL);
constexpr uint32_t kRegPerfBusy = offsetof(epoxy_accel_regs_t, PERF_BUSY);
constexpr uint32_t kRegPerfStall = offsetof(epoxy_accel_regs_t, PERF_STALL);
constexpr uint32_t kRegPerfDma = offsetof(epoxy_accel_regs_t, PERF_DMA);

constexpr uint32_t kIrqEnMask = EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DONE_bm |
                                EPOXY_ACCEL_REGS__CTRL__IRQ_EN_ERROR_bm |
                                EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DESC_bm;
constexpr uint32_t kIrqAll = EPOXY_ACCEL_REGS__IRQ_STATUS__DONE_bm |
                             EPOXY_ACCEL_REGS__IRQ_STATUS__ERROR_bm |
                             EPOXY_ACCEL_REGS__IRQ_STATUS__DESC_bm;
static_assert(kIrqEnMask == kIrqAll, "CTRL.IRQ_EN_* line up with IRQ_STATUS");

// The codes the shell and the engine report (epoxy::AccelError, epoxy/ntt.h; docs/ntt.md).
constexpr uint8_t as_code(AccelError e) { return uint8_t(e); }
constexpr uint8_t kErrNone = as_code(AccelError::None);
constexpr uint8_t kErrDma = as_code(AccelError::DmaError);
constexpr uint8_t kErrDescFetch = as_code(AccelError::DescFetchError);
constexpr uint8_t kErrBadQueue = as_code(AccelError::BadQueue);
constexpr uint8_t kErrValue = as_code(ntt::kErrBadValue);

constexpr uint32_t kFlagIrq = Descriptor::kFlagIrq;  // descriptor FLAGS bit 0

unsigned log2_exact(unsigned x) {
    unsigned l = 0;
    while ((1u << l) < x) ++l;
    return l;
}

}  // namespace

NttConfig NttConfig::soc() {
    return NttConfig{EPOXY_NTT_P, EPOXY_NTT_MAX_LOG_N, EPOXY_NTT_FIELDS, 8, EPOXY_NTT_DMA_LANES};
}

struct NttDevice::Plans {
    std::map<std::tuple<unsigned, unsigned, unsigned>, std::unique_ptr<ntt::NttPlan>> by_config;
    const ntt::NttPlan& get(unsigned field, unsigned variant, unsigned log_n) {
        auto& p = by_config[std::make_tuple(field, variant, log_n)];
        if (!p) {
            p = std::make_unique<ntt::NttPlan>(ntt::FieldId(field), ntt::Variant(variant),
                                               std::size_t(1) << log_n);
        }
        return *p;
    }
};

NttDevice::NttDevice(Memory& dma, const NttConfig& config)
    : dma_(dma), cfg_(config), plans_(std::make_unique<Plans>()) {
    const unsigned p = cfg_.p;
    if (p != 1 && p != 2 && p != 4 && p != 8)
        throw std::invalid_argument("NttDevice: P must be 1, 2, 4 or 8");
    min_log_n_ = 2 + log2_exact(p);
    if (cfg_.max_log_n < min_log_n_ || cfg_.max_log_n > ntt::kMaxLogN)
        throw std::invalid_argument("NttDevice: MaxLogN must be in 2 + log2(P) .. 14");
    if (cfg_.fields == 0 || cfg_.fields > 0x1Fu)
        throw std::invalid_argument("NttDevice: Fields must be a non-zero 5-bit mask");
    if (cfg_.max_qlog2 > 15) throw std::invalid_argument("NttDevice: MaxQLog2 must be <= 15");
}

NttDevice::~NttDevice() = default;

void NttDevice::reset() {
    ctrl_en_ = 0;
    irq_status_ = 0;
    qbase_ = 0;
    qlog2_ = 0;
    qtail_ = 0;
    qhead_ = 0;
    error_ = false;
    err_code_ = 0;
    err_index_ = 0;
    completed_ = 0;
}

// epoxy_ntt_engine: caps_o = {MinLogN, 3'b000, Fields, MaxLogN, P}.
uint32_t NttDevice::caps() const {
    return ntt::encode_caps(ntt::NttCaps{cfg_.p, cfg_.max_log_n, min_log_n_, cfg_.fields & 0x1Fu});
}

// epoxy_accel_shell: the DMA lanes, MaxQLog2, 32-byte descriptors.
uint32_t NttDevice::shell_caps() const {
    return (cfg_.dma_lanes << EPOXY_ACCEL_REGS__SHELL_CAPS__DMA_LANES_bp) |
           (cfg_.max_qlog2 << EPOXY_ACCEL_REGS__SHELL_CAPS__MAX_QLOG2_bp) |
           (32u << EPOXY_ACCEL_REGS__SHELL_CAPS__DESC_BYTES_bp);
}

// The readback of register `reg` (an offset of the 64-byte block); the caller checked it.
uint32_t NttDevice::reg_value(uint32_t reg) const {
    switch (reg) {
        case kRegId: return kId;
        case kRegVersion: return kVersion;
        case kRegCaps: return caps();
        case kRegShellCaps: return shell_caps();
        case kRegCtrl: return ctrl_en_;  // the write-only pulses read 0
        case kRegStatus:  // BUSY and ABORTING are never seen: the work is done at once
            return error_ ? EPOXY_ACCEL_REGS__STATUS__ERROR_bm : 0u;
        case kRegErr:
            return uint32_t(err_code_) << EPOXY_ACCEL_REGS__ERR__CODE_bp |
                   uint32_t(err_index_) << EPOXY_ACCEL_REGS__ERR__INDEX_bp;
        case kRegIrqStatus: return irq_status_;
        case kRegQbase: return qbase_;
        case kRegQsize: return qlog2_;
        case kRegQhead: return qhead_;
        case kRegQtail: return qtail_;
        case kRegPerfBusy:
        case kRegPerfStall:
        case kRegPerfDma: return 0;  // cycles are not modelled
        default: return 0;
    }
}

bool NttDevice::read(uint32_t offset, unsigned size, uint32_t& value) const {
    // The cpuif passes address bits [5:2] (AddrWidth 6); offset 0x3C is unmapped.
    const uint32_t reg = offset & (kWindow - 4u);
    if (reg > kRegPerfDma) return false;
    const uint32_t word = reg_value(reg);
    const unsigned shift = 8u * (offset & 3u);
    const uint32_t mask = size >= 4 ? 0xFFFFFFFFu : ((1u << (8u * size)) - 1u);
    value = (word >> shift) & mask;
    return true;
}

bool NttDevice::write(uint32_t offset, unsigned size, uint32_t value) {
    const uint32_t reg = offset & (kWindow - 4u);
    const unsigned shift = 8u * (offset & 3u);
    // Byte enables to bit enables, as epoxy_accel_cpuif does.
    const uint32_t biten = (size >= 4 ? 0xFFFFFFFFu : ((1u << (8u * size)) - 1u)) << shift;
    const uint32_t data = (value << shift) & biten;
    auto merge = [&](uint32_t old, uint32_t field_mask) {
        return ((old & ~biten) | data) & field_mask;
    };
    switch (reg) {
        case kRegCtrl: {
            ctrl_en_ = merge(ctrl_en_, kIrqEnMask);
            // The single-pulse fields: the queue sees ABORT before CLEAR_ERROR (StHalt).
            if (data & EPOXY_ACCEL_REGS__CTRL__ABORT_bm) {
                qhead_ = qtail_;  // the descriptor stops, the rest of the queue is dropped
                error_ = false;   // ERR keeps its values, as in the RTL
            } else if ((data & EPOXY_ACCEL_REGS__CTRL__CLEAR_ERROR_bm) && error_) {
                error_ = false;
            }
            // CTRL.CLEAR_PERF: the counters are always 0.
            break;
        }
        case kRegIrqStatus: irq_status_ &= ~(data & kIrqAll); break;  // write 1 to clear
        case kRegQbase: qbase_ = merge(qbase_, EPOXY_ACCEL_REGS__QBASE__ADDR_bm); break;
        case kRegQsize: qlog2_ = merge(qlog2_, EPOXY_ACCEL_REGS__QSIZE__LOG2_bm); break;
        case kRegQtail:
            qtail_ = uint16_t(merge(qtail_, EPOXY_ACCEL_REGS__QTAIL__INDEX_bm));
            break;
        default: return false;  // read-only (ID .. ERR, QHEAD, PERF_*) or unmapped (0x3C)
    }
    run_queue();
    return true;
}

void NttDevice::stop(uint8_t code) {
    error_ = true;
    err_code_ = code;
    err_index_ = qhead_;
    irq_status_ |= EPOXY_ACCEL_REGS__IRQ_STATUS__ERROR_bm;
}

// epoxy_accel_queue from StIdle until it is idle with QHEAD == QTAIL or halted on an error.
void NttDevice::run_queue() {
    while (!error_ && qhead_ != qtail_) {
        if (qlog2_ > cfg_.max_qlog2) {
            stop(kErrBadQueue);
            return;
        }
        const uint32_t slot = qhead_ & ((1u << qlog2_) - 1u);
        const uint32_t addr = qbase_ + slot * 32u;  // 32-bit address arithmetic, as the RTL
        uint32_t desc[8];
        bool fetch_error = false;
        for (unsigned i = 0; i < 8; ++i) {
            const uint32_t a = addr + 4u * i;
            if (dma_beat(a, 1, false)) {
                desc[i] = dma_.read(a, 4);
            } else {
                desc[i] = 0;
                fetch_error = true;  // all eight reads are answered before the queue stops
            }
        }
        if (fetch_error) {
            stop(kErrDescFetch);
            return;
        }
        const uint8_t code = execute(desc);
        if (code != kErrNone) {
            stop(code);
            return;
        }
        ++completed_;
        qhead_ = uint16_t(qhead_ + 1u);
        if (desc[0] & (kFlagIrq << 8))
            irq_status_ |= EPOXY_ACCEL_REGS__IRQ_STATUS__DESC_bm;
        if (qhead_ == qtail_) irq_status_ |= EPOXY_ACCEL_REGS__IRQ_STATUS__DONE_bm;
    }
}

// The engine's checks on the descriptor alone, in its order: the driver's prediction of them
// (epoxy/ntt.h, itself checked against the RTL by tests/ntt).
uint8_t NttDevice::check(const uint32_t (&d)[8]) const {
    Descriptor desc{};
    for (unsigned i = 0; i < 8; ++i) desc.word[i] = d[i];
    return as_code(ntt::check(desc, ntt::decode_caps(caps())));
}

// One DMA beat of `words` words from `addr`: inside the SRAM, and allowed by the IOPMP (which
// records a refused beat whatever the SRAM says, as the RTL's checks run side by side).
bool NttDevice::dma_beat(uint32_t addr, unsigned words, bool write) {
    bool ok = dma_.contains(addr, 4u * words);
    if (iopmp_ && !iopmp_->check(addr, words, write, iopmp_master_)) ok = false;
    return ok;
}

uint8_t NttDevice::execute(const uint32_t (&d)[8]) {
    const uint8_t code = check(d);
    if (code != kErrNone) return code;

    const uint8_t op = uint8_t(d[0]);
    const unsigned type = (d[0] >> 16) & 0xFFu, log_n = d[0] >> 24;
    const unsigned field = type & 0x0Fu, variant = type >> 4;
    const bool wide = field == 2;
    const std::size_t n = std::size_t(1) << log_n;
    const uint64_t p = ntt::field(ntt::FieldId(field)).p;

    // Load: beat by beat in address order, each element checked once its words are in; the
    // first refused beat or element >= p stops it.
    const unsigned per = wide ? 2u : 1u, lanes = cfg_.dma_lanes ? cfg_.dma_lanes : 1u;
    auto load = [&](uint32_t addr, std::size_t count, ntt::Vec& out) -> uint8_t {
        const std::size_t words = count * per;
        std::size_t e = 0;
        uint64_t v = 0;
        for (std::size_t i = 0; i < words; i += lanes) {
            const unsigned cnt = unsigned(std::min<std::size_t>(lanes, words - i));
            const uint32_t a = addr + 4u * uint32_t(i);
            if (!dma_beat(a, cnt, false)) return kErrDma;
            for (unsigned k = 0; k < cnt; ++k) {
                const std::size_t word = i + k;
                v |= uint64_t(dma_.read(a + 4u * k, 4)) << (32u * (word % per));
                if (word % per == per - 1) {
                    if (v >= p) return kErrValue;
                    out[e++] = v;
                    v = 0;
                }
            }
        }
        return kErrNone;
    };
    ntt::Vec a(n, 0), b;
    if (const uint8_t c = load(d[1], d[4], a); c != kErrNone) return c;  // then N - LENGTH zeros
    if (ntt::has_src1(op)) {
        b.assign(n, 0);
        if (const uint8_t c = load(d[2], n, b); c != kErrNone) return c;
    }

    // check() and the loads above leave nothing for the model to reject.
    ntt::Vec r;
    const ntt::NttPlan& plan = plans_->get(field, variant, log_n);
    switch (op) {
        case ntt::kOpForward: r = plan.forward(std::move(a)); break;
        case ntt::kOpInverse: r = plan.inverse(std::move(a)); break;
        case ntt::kOpPmul: r = plan.pointwise_mul(a, b); break;
        case ntt::kOpPadd: r = plan.pointwise_add(a, b); break;
        default: r = plan.pointwise_sub(a, b); break;
    }

    // Store: beat by beat; a refused beat stops it with the beats before it written.
    const std::size_t words = n * per;
    for (std::size_t i = 0; i < words; i += lanes) {
        const unsigned cnt = unsigned(std::min<std::size_t>(lanes, words - i));
        const uint32_t at = d[3] + 4u * uint32_t(i);
        if (!dma_beat(at, cnt, true)) return kErrDma;
        for (unsigned k = 0; k < cnt; ++k) {
            const std::size_t word = i + k;
            dma_.write(at + 4u * k, 4, uint32_t(r[word / per] >> (32u * (word % per))));
        }
    }
    return kErrNone;
}

}  // namespace epoxy::iss
