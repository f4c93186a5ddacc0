// SPDX-License-Identifier: Apache-2.0
// Driver for the Epoxy accelerator shell (docs/accel-shell.md), one for the core and the host.
//
// epoxy::AccelShell<Io> is written once against a small register-access interface. On the
// core Io is volatile MMIO (epoxy/mmio_io.h); on the host it is a bus transactor into the
// Verilated shell (tests/accel/shell_transactor.h). Io provides:
//
//   uint32_t reg_read(uint32_t off);                    // register at byte offset off
//   void reg_write(uint32_t off, uint32_t v);
//   void mem_write(uint32_t addr, const uint32_t* words, size_t n);  // memory the DMA sees
//   void mem_read(uint32_t addr, uint32_t* words, size_t n);
//   void tick();                                        // one polling step
//
// Following OpenTitan's DIFs, every operation returns a status and none of them waits
// without a bound: the waits take a poll budget and return Timeout when it runs out.
// Register offsets and fields come from the generated epoxy/accel_regs.h only.
// Freestanding C++17: no library beyond <stdint.h>/<stddef.h>, no exceptions, RTTI or heap,
// so the same header builds for RV32IMC firmware and for host tests.
// It deliberately knows no engine: opcodes and the meaning of TYPE, LOG_N, LENGTH and the
// PARAM words belong to each accelerator's own layer above this one.
#ifndef EPOXY_DRIVERS_ACCEL_SHELL_H_
#define EPOXY_DRIVERS_ACCEL_SHELL_H_

#include <stddef.h>
#include <stdint.h>

#include "epoxy/accel_regs.h"

namespace epoxy {

// What every driver call returns.
enum class AccelStatus : uint8_t {
    Ok = 0,
    Busy,           // no room in the ring, or the shell is not in the state the call needs
    Timeout,        // the poll budget ran out before the shell got there
    DeviceError,    // the queue stopped on an error: last_error() gives its code and index
    BadArgument,    // a null pointer, a misaligned or wrapping ring, a bad mask or index
    WrongDevice,    // probe(): another accelerator, major version or descriptor size
    NotConfigured,  // submit()/replace() before configure_ring()
};

// ERR.CODE values (docs/accel-shell.md, "Error codes").
enum class AccelError : uint8_t {
    None = 0,
    BadOpcode = 1,
    BadSize = 2,
    BadType = 3,
    Misaligned = 4,
    OutOfRange = 5,
    DmaError = 6,
    DescFetchError = 7,
    BadQueue = 8,
};

// Interrupt sources, as bits of IRQ_STATUS; irq_enable() maps them onto CTRL.IRQ_EN_*.
constexpr uint32_t kAccelIrqDone = EPOXY_ACCEL_REGS__IRQ_STATUS__DONE_bm;
constexpr uint32_t kAccelIrqError = EPOXY_ACCEL_REGS__IRQ_STATUS__ERROR_bm;
constexpr uint32_t kAccelIrqDesc = EPOXY_ACCEL_REGS__IRQ_STATUS__DESC_bm;
constexpr uint32_t kAccelIrqAll = kAccelIrqDone | kAccelIrqError | kAccelIrqDesc;

// The register and descriptor layout this driver implements (VERSION.MAJOR).
constexpr uint32_t kAccelVersionMajor = 1;

// One descriptor: 32 bytes, eight little-endian words (docs/accel-shell.md, "Descriptor").
// The descriptor lives in memory, not in the register block, so its layout is defined here.
struct Descriptor {
    static constexpr uint32_t kOpcodeBp = 0, kFlagsBp = 8, kTypeBp = 16, kLogNBp = 24;
    static constexpr uint32_t kFlagIrq = 0x01;  // FLAGS bit 0: IRQ_STATUS.DESC on completion
    enum Word : uint8_t { kCtrl = 0, kSrc0, kSrc1, kDst, kLength, kParam0, kParam1, kParam2 };

    uint32_t word[8];

    // Descriptor::op(OPCODE).src0(a).dst(b).length(n).param0(v).irq(): chained builders.
    static constexpr Descriptor op(uint8_t opcode) {
        return Descriptor{{uint32_t(opcode) << kOpcodeBp, 0, 0, 0, 0, 0, 0, 0}};
    }
    constexpr Descriptor& flags(uint8_t v) { return field(kFlagsBp, v); }
    constexpr Descriptor& type(uint8_t v) { return field(kTypeBp, v); }
    constexpr Descriptor& log_n(uint8_t v) { return field(kLogNBp, v); }
    constexpr Descriptor& irq() { return flags(uint8_t(get(kFlagsBp) | kFlagIrq)); }
    constexpr Descriptor& src0(uint32_t a) { return set(kSrc0, a); }
    constexpr Descriptor& src1(uint32_t a) { return set(kSrc1, a); }
    constexpr Descriptor& dst(uint32_t a) { return set(kDst, a); }
    constexpr Descriptor& length(uint32_t n) { return set(kLength, n); }
    constexpr Descriptor& param0(uint32_t v) { return set(kParam0, v); }
    constexpr Descriptor& param1(uint32_t v) { return set(kParam1, v); }
    constexpr Descriptor& param2(uint32_t v) { return set(kParam2, v); }

    constexpr uint8_t opcode() const { return get(kOpcodeBp); }
    constexpr uint8_t flags() const { return get(kFlagsBp); }
    constexpr uint8_t type() const { return get(kTypeBp); }
    constexpr uint8_t log_n() const { return get(kLogNBp); }

  private:
    constexpr Descriptor& set(Word w, uint32_t v) {
        word[w] = v;
        return *this;
    }
    constexpr Descriptor& field(uint32_t bp, uint8_t v) {
        word[kCtrl] = (word[kCtrl] & ~(0xFFu << bp)) | uint32_t(v) << bp;
        return *this;
    }
    constexpr uint8_t get(uint32_t bp) const { return uint8_t(word[kCtrl] >> bp); }
};
static_assert(sizeof(Descriptor) == 32, "a descriptor is eight 32-bit words");

// What probe() read.
struct AccelInfo {
    uint32_t id;
    uint16_t version_major, version_minor;
    uint32_t caps;       // the engine's CAPS (layout per accelerator)
    uint32_t dma_lanes;  // SHELL_CAPS
    uint32_t max_qlog2;
    uint32_t desc_bytes;
};

struct AccelPerf {
    uint32_t busy, stall, dma;  // PERF_BUSY, PERF_STALL, PERF_DMA
};

template <class Io>
class AccelShell {
  public:
    explicit AccelShell(Io& io) : io_(io) {}

    // Checks ID == expected_id, VERSION.MAJOR == kAccelVersionMajor and a 32-byte
    // descriptor (WrongDevice otherwise). info, if given, receives what was read.
    AccelStatus probe(uint32_t expected_id, AccelInfo* info = nullptr) {
        AccelInfo i{};
        i.id = field(reg(kId), EPOXY_ACCEL_REGS__ID__ID_bm, EPOXY_ACCEL_REGS__ID__ID_bp);
        const uint32_t version = reg(kVersion);
        i.version_major = uint16_t(field(version, EPOXY_ACCEL_REGS__VERSION__MAJOR_bm,
                                         EPOXY_ACCEL_REGS__VERSION__MAJOR_bp));
        i.version_minor = uint16_t(field(version, EPOXY_ACCEL_REGS__VERSION__MINOR_bm,
                                         EPOXY_ACCEL_REGS__VERSION__MINOR_bp));
        i.caps = reg(kCaps);
        const uint32_t sc = reg(kShellCaps);
        i.dma_lanes = field(sc, EPOXY_ACCEL_REGS__SHELL_CAPS__DMA_LANES_bm,
                            EPOXY_ACCEL_REGS__SHELL_CAPS__DMA_LANES_bp);
        i.max_qlog2 = field(sc, EPOXY_ACCEL_REGS__SHELL_CAPS__MAX_QLOG2_bm,
                            EPOXY_ACCEL_REGS__SHELL_CAPS__MAX_QLOG2_bp);
        i.desc_bytes = field(sc, EPOXY_ACCEL_REGS__SHELL_CAPS__DESC_BYTES_bm,
                             EPOXY_ACCEL_REGS__SHELL_CAPS__DESC_BYTES_bp);
        if (info != nullptr) *info = i;
        if (i.id != expected_id || i.version_major != kAccelVersionMajor ||
            i.desc_bytes != sizeof(Descriptor))
            return AccelStatus::WrongDevice;
        return AccelStatus::Ok;
    }

    // Points the shell at a ring of 2^log2 descriptors at base. BadArgument when base is not
    // 32-byte aligned, log2 is above SHELL_CAPS.MAX_QLOG2 or the ring wraps the address
    // space; Busy unless the queue is empty and idle (a pending ring cannot move).
    AccelStatus configure_ring(uint32_t base, uint32_t log2) {
        if ((base & ~uint32_t(EPOXY_ACCEL_REGS__QBASE__ADDR_bm)) != 0)
            return AccelStatus::BadArgument;
        const uint32_t max_log2 = field(reg(kShellCaps), EPOXY_ACCEL_REGS__SHELL_CAPS__MAX_QLOG2_bm,
                                        EPOXY_ACCEL_REGS__SHELL_CAPS__MAX_QLOG2_bp);
        if (log2 > max_log2 || log2 > kLog2FieldMax) return AccelStatus::BadArgument;
        const uint64_t end = uint64_t(base) + (uint64_t(sizeof(Descriptor)) << log2);
        if (end > (uint64_t(1) << 32)) return AccelStatus::BadArgument;
        if (!idle_and_empty()) return AccelStatus::Busy;
        io_.reg_write(kQbase, base);
        io_.reg_write(
            kQsize, (log2 << EPOXY_ACCEL_REGS__QSIZE__LOG2_bp) & EPOXY_ACCEL_REGS__QSIZE__LOG2_bm);
        base_ = base;
        log2_ = log2;
        configured_ = true;
        return AccelStatus::Ok;
    }

    // Free ring slots now (the shell may free more while you look).
    AccelStatus free_slots(uint32_t* n) {
        if (n == nullptr) return AccelStatus::BadArgument;
        if (!configured_) return AccelStatus::NotConfigured;
        *n = size() - pending(head(), tail());
        return AccelStatus::Ok;
    }

    // Writes n descriptors into the free slots after QTAIL, ringing the doorbell (QTAIL)
    // after each one, so the block starts on the first descriptor while the core is still
    // writing the others (the glue's writes overlap the work instead of preceding it).
    // Busy (and nothing written) when the ring lacks room for all n or an abort is in
    // progress. The shell keeps its error stop: descriptors queued behind an error run after
    // clear_error().
    AccelStatus submit(const Descriptor* descs, size_t n) {
        if (descs == nullptr && n != 0) return AccelStatus::BadArgument;
        if (!configured_) return AccelStatus::NotConfigured;
        if (n == 0) return AccelStatus::Ok;
        if (reg(kStatus) & EPOXY_ACCEL_REGS__STATUS__ABORTING_bm) return AccelStatus::Busy;
        const uint32_t t = tail();
        if (n > size() - pending(head(), t)) return AccelStatus::Busy;
        for (size_t k = 0; k < n; ++k) {
            io_.mem_write(slot_addr(t + uint32_t(k)), descs[k].word, 8);
            io_.reg_write(kQtail, (t + uint32_t(k) + 1) & kIndexMask);  // the doorbell
        }
        return AccelStatus::Ok;
    }

    // Rewrites the pending descriptor at ring index `index` (QHEAD <= index < QTAIL) while
    // the queue is stopped on an error, e.g. the one it stopped at, before clear_error().
    // Busy while the queue runs (the shell may be reading that very slot); BadArgument for
    // an index that is not pending.
    AccelStatus replace(uint32_t index, const Descriptor& d) {
        if (!configured_) return AccelStatus::NotConfigured;
        if ((reg(kStatus) & EPOXY_ACCEL_REGS__STATUS__ERROR_bm) == 0) return AccelStatus::Busy;
        const uint32_t h = head();
        if (index > kIndexMask || pending(h, index) >= pending(h, tail()))
            return AccelStatus::BadArgument;
        io_.mem_write(slot_addr(index), d.word, 8);
        return AccelStatus::Ok;
    }

    // Polls STATUS at most max_polls times (Io::tick() between polls): Ok when the queue has
    // drained, DeviceError when it stopped on an error, Timeout when the budget ran out
    // (the work goes on; call again or abort()). max_polls = 0 is BadArgument.
    AccelStatus wait_idle(uint32_t max_polls) {
        if (max_polls == 0) return AccelStatus::BadArgument;
        for (uint32_t i = 0;; ++i) {
            const uint32_t s = reg(kStatus);
            if (s & EPOXY_ACCEL_REGS__STATUS__ERROR_bm) return AccelStatus::DeviceError;
            if ((s & (EPOXY_ACCEL_REGS__STATUS__BUSY_bm | EPOXY_ACCEL_REGS__STATUS__ABORTING_bm)) ==
                0)
                return AccelStatus::Ok;
            if (i + 1 >= max_polls) return AccelStatus::Timeout;
            io_.tick();
        }
    }

    // The error the queue stopped on: its code and ring index, or None and 0 when
    // STATUS.ERROR is clear (ERR keeps stale values after clear_error()). Either pointer may
    // be null.
    AccelStatus last_error(AccelError* code, uint32_t* index) {
        uint32_t c = 0, i = 0;
        if (reg(kStatus) & EPOXY_ACCEL_REGS__STATUS__ERROR_bm) {
            const uint32_t e = reg(kErr);
            c = field(e, EPOXY_ACCEL_REGS__ERR__CODE_bm, EPOXY_ACCEL_REGS__ERR__CODE_bp);
            i = field(e, EPOXY_ACCEL_REGS__ERR__INDEX_bm, EPOXY_ACCEL_REGS__ERR__INDEX_bp);
        }
        if (code != nullptr) *code = AccelError(c);
        if (index != nullptr) *index = i;
        return AccelStatus::Ok;
    }

    // Lets a stopped queue continue from QHEAD (fix it first with replace(), or abort()).
    AccelStatus clear_error() { return pulse(EPOXY_ACCEL_REGS__CTRL__CLEAR_ERROR_bm); }

    // Stops the running descriptor, drops the rest of the queue (QHEAD = QTAIL) and clears
    // an error, then polls STATUS at most max_polls times for idle: Ok or Timeout.
    AccelStatus abort(uint32_t max_polls) {
        if (max_polls == 0) return AccelStatus::BadArgument;
        pulse(EPOXY_ACCEL_REGS__CTRL__ABORT_bm);
        constexpr uint32_t kBusyMask = EPOXY_ACCEL_REGS__STATUS__BUSY_bm |
                                       EPOXY_ACCEL_REGS__STATUS__ERROR_bm |
                                       EPOXY_ACCEL_REGS__STATUS__ABORTING_bm;
        for (uint32_t i = 0;; ++i) {
            if ((reg(kStatus) & kBusyMask) == 0) return AccelStatus::Ok;
            if (i + 1 >= max_polls) return AccelStatus::Timeout;
            io_.tick();
        }
    }

    // Interrupts: sources are kAccelIrq* bits. irq_status() reads IRQ_STATUS, irq_clear()
    // clears the given bits (write 1 to clear), irq_enable() sets exactly which sources
    // drive the interrupt line. A bit outside kAccelIrqAll is BadArgument.
    AccelStatus irq_status(uint32_t* pending_irqs) {
        if (pending_irqs == nullptr) return AccelStatus::BadArgument;
        *pending_irqs = reg(kIrqStatus) & kAccelIrqAll;
        return AccelStatus::Ok;
    }
    AccelStatus irq_clear(uint32_t mask) {
        if (mask & ~kAccelIrqAll) return AccelStatus::BadArgument;
        io_.reg_write(kIrqStatus, mask);
        return AccelStatus::Ok;
    }
    AccelStatus irq_enable(uint32_t mask) {
        if (mask & ~kAccelIrqAll) return AccelStatus::BadArgument;
        uint32_t ctrl = 0;
        if (mask & kAccelIrqDone) ctrl |= EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DONE_bm;
        if (mask & kAccelIrqError) ctrl |= EPOXY_ACCEL_REGS__CTRL__IRQ_EN_ERROR_bm;
        if (mask & kAccelIrqDesc) ctrl |= EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DESC_bm;
        io_.reg_write(kCtrl, ctrl);
        return AccelStatus::Ok;
    }
    AccelStatus irq_enabled(uint32_t* mask) {
        if (mask == nullptr) return AccelStatus::BadArgument;
        const uint32_t ctrl = reg(kCtrl);
        *mask = ((ctrl & EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DONE_bm) ? kAccelIrqDone : 0) |
                ((ctrl & EPOXY_ACCEL_REGS__CTRL__IRQ_EN_ERROR_bm) ? kAccelIrqError : 0) |
                ((ctrl & EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DESC_bm) ? kAccelIrqDesc : 0);
        return AccelStatus::Ok;
    }

    // Performance counters (cycles since the last perf_clear()).
    AccelStatus perf_read(AccelPerf* p) {
        if (p == nullptr) return AccelStatus::BadArgument;
        p->busy = reg(kPerfBusy);
        p->stall = reg(kPerfStall);
        p->dma = reg(kPerfDma);
        return AccelStatus::Ok;
    }
    AccelStatus perf_clear() { return pulse(EPOXY_ACCEL_REGS__CTRL__CLEAR_PERF_bm); }

    // Ring indices as the shell sees them (free-running, 16 bits).
    AccelStatus queue_indices(uint32_t* qhead, uint32_t* qtail) {
        if (qhead == nullptr || qtail == nullptr) return AccelStatus::BadArgument;
        *qhead = head();
        *qtail = tail();
        return AccelStatus::Ok;
    }

  private:
    // Offsets from the generated struct, never typed by hand.
    static constexpr uint32_t kId = offsetof(epoxy_accel_regs_t, ID);
    static constexpr uint32_t kVersion = offsetof(epoxy_accel_regs_t, VERSION);
    static constexpr uint32_t kCaps = offsetof(epoxy_accel_regs_t, CAPS);
    static constexpr uint32_t kShellCaps = offsetof(epoxy_accel_regs_t, SHELL_CAPS);
    static constexpr uint32_t kCtrl = offsetof(epoxy_accel_regs_t, CTRL);
    static constexpr uint32_t kStatus = offsetof(epoxy_accel_regs_t, STATUS);
    static constexpr uint32_t kErr = offsetof(epoxy_accel_regs_t, ERR);
    static constexpr uint32_t kIrqStatus = offsetof(epoxy_accel_regs_t, IRQ_STATUS);
    static constexpr uint32_t kQbase = offsetof(epoxy_accel_regs_t, QBASE);
    static constexpr uint32_t kQsize = offsetof(epoxy_accel_regs_t, QSIZE);
    static constexpr uint32_t kQhead = offsetof(epoxy_accel_regs_t, QHEAD);
    static constexpr uint32_t kQtail = offsetof(epoxy_accel_regs_t, QTAIL);
    static constexpr uint32_t kPerfBusy = offsetof(epoxy_accel_regs_t, PERF_BUSY);
    static constexpr uint32_t kPerfStall = offsetof(epoxy_accel_regs_t, PERF_STALL);
    static constexpr uint32_t kPerfDma = offsetof(epoxy_accel_regs_t, PERF_DMA);

    static constexpr uint32_t kIndexMask =
        EPOXY_ACCEL_REGS__QTAIL__INDEX_bm >> EPOXY_ACCEL_REGS__QTAIL__INDEX_bp;
    static constexpr uint32_t kLog2FieldMax =
        EPOXY_ACCEL_REGS__QSIZE__LOG2_bm >> EPOXY_ACCEL_REGS__QSIZE__LOG2_bp;
    static constexpr uint32_t kIrqEnMask = EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DONE_bm |
                                           EPOXY_ACCEL_REGS__CTRL__IRQ_EN_ERROR_bm |
                                           EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DESC_bm;
    static_assert(kIndexMask ==
                      (EPOXY_ACCEL_REGS__QHEAD__INDEX_bm >> EPOXY_ACCEL_REGS__QHEAD__INDEX_bp),
                  "QHEAD and QTAIL count alike");

    static constexpr uint32_t field(uint32_t v, uint32_t bm, uint32_t bp) { return (v & bm) >> bp; }
    uint32_t reg(uint32_t off) { return io_.reg_read(off); }
    uint32_t head() {
        return field(reg(kQhead), EPOXY_ACCEL_REGS__QHEAD__INDEX_bm,
                     EPOXY_ACCEL_REGS__QHEAD__INDEX_bp);
    }
    uint32_t tail() {
        return field(reg(kQtail), EPOXY_ACCEL_REGS__QTAIL__INDEX_bm,
                     EPOXY_ACCEL_REGS__QTAIL__INDEX_bp);
    }
    uint32_t size() const { return uint32_t(1) << log2_; }
    // Descriptors from h up to t, modulo the 16-bit indices.
    static uint32_t pending(uint32_t h, uint32_t t) { return (t - h) & kIndexMask; }
    uint32_t slot_addr(uint32_t index) const {
        return base_ + uint32_t(sizeof(Descriptor)) * (index & (size() - 1));
    }
    bool idle_and_empty() {
        const uint32_t s = reg(kStatus);
        return (s & (EPOXY_ACCEL_REGS__STATUS__BUSY_bm | EPOXY_ACCEL_REGS__STATUS__ERROR_bm |
                     EPOXY_ACCEL_REGS__STATUS__ABORTING_bm)) == 0 &&
               head() == tail();
    }
    // CTRL mixes stored interrupt enables with write-1 pulses: keep the enables as they are.
    AccelStatus pulse(uint32_t bits) {
        io_.reg_write(kCtrl, (reg(kCtrl) & kIrqEnMask) | bits);
        return AccelStatus::Ok;
    }

    Io& io_;
    uint32_t base_ = 0, log2_ = 0;
    bool configured_ = false;
};

}  // namespace epoxy

#endif  // EPOXY_DRIVERS_ACCEL_SHELL_H_
