// SPDX-License-Identifier: Apache-2.0
// Functional model of the NTT coprocessor (accel/ntt: the accelerator shell plus the NTT
// engine) for the ISS: the same registers, queue semantics, error codes and results as the
// RTL block, with no cycles.
//
// Registers (docs/accel-shell.md, docs/accel-regs.md, epoxy/accel_regs.h) behave as the
// generated register block behind epoxy_accel_cpuif: the block decodes offset bits [5:2] only
// (the 4 KiB page repeats it every 64 bytes), an unmapped offset (0x3C), a write to a
// read-only register and a bus error answer false; byte and halfword accesses are legal and
// act on their byte lanes, as the cpuif turns byte enables into bit enables (unlike the
// SoC's other devices, which take only 32-bit accesses).
//
// Functional timing: a write that lets the queue run (QTAIL, the doorbell, or
// CTRL.CLEAR_ERROR) runs every pending descriptor at once, before the write returns, and
// leaves QHEAD, STATUS, ERR and IRQ_STATUS where the RTL queue ends up once it has drained
// or stopped on an error. STATUS.BUSY and STATUS.ABORTING therefore always read 0, and
// CTRL.ABORT returns to idle at once (QHEAD = QTAIL, error cleared). The PERF_* counters
// are not modelled and read 0.
//
// Each descriptor goes through the engine's checks in the RTL's order (epoxy_ntt_engine.sv,
// `check`): 1 BAD_OPCODE, 3 BAD_TYPE, 2 BAD_SIZE, 4 MISALIGNED, 5 OUT_OF_RANGE, with no
// memory access; then it loads operand a (LENGTH elements from SRC0, zero-padded to N) and
// operand b (N elements from SRC1, pointwise opcodes), word by word in address order, where
// the first failing word is 6 DMA_ERROR and the first element >= p is 16 BAD_VALUE (DST
// untouched in both cases), computes with the golden model (epoxy::ntt::NttPlan) and stores
// the N results to DST (a store bus error is 6 DMA_ERROR, the beats before it are written).
// The DMA moves beats as the RTL engine does: from the start of each range, dma_lanes
// consecutive words at a time (the last beat shorter), the descriptor one word per beat; a
// beat is answered with a bus error as a whole. It reaches the SRAM only, as the SoC's DMA
// decode, and with an IOPMP attached (attach_iopmp: the Machine's) only within its windows
// when it is enabled: any other beat is a bus error (6 for data, 7 DESC_FETCH_ERROR for the
// descriptor itself), and the IOPMP records the first refused one. Where the RTL differs: it
// has up to three beats in flight, so after a refused beat the next ones may already be on the
// bus; a store range that leaves a window and enters another may have those written, and a
// value >= p found in a beat after a refused one may be reported first. The ISS stops at the
// first refused beat.
#pragma once

#include <cstdint>
#include <memory>

namespace epoxy::iss {

class Memory;
class Iopmp;

// The engine's built parameters (epoxy_ntt_top's P, MaxLogN, Fields, MaxQLog2). The defaults
// are the SoC's (EPOXY_NTT_* in epoxy/memory_map.h; MaxQLog2 is epoxy_ntt_top's default).
struct NttConfig {
    unsigned p;          // butterfly units: 1, 2, 4 or 8 (sets MIN_LOG_N = 2 + log2 P)
    unsigned max_log_n;  // largest LOG_N, MIN_LOG_N .. 14
    unsigned fields;     // bit f: field code f built in (5 bits)
    unsigned max_qlog2;  // largest QSIZE.LOG2 (0 .. 15)
    unsigned dma_lanes = 1;  // SHELL_CAPS.DMA_LANES (the ISS moves data at once either way)
    static NttConfig soc();
};

class NttDevice {
public:
    static constexpr uint32_t kId = 0x4E545420u;       // 'NTT '
    static constexpr uint32_t kVersion = 0x00010000u;  // 1.0
    static constexpr uint32_t kWindow = 0x40u;         // bytes the register block decodes

    // `dma` is the memory the DMA master reaches (the SoC's SRAM). Throws
    // std::invalid_argument for a configuration the RTL cannot be built with.
    explicit NttDevice(Memory& dma, const NttConfig& config = NttConfig::soc());
    ~NttDevice();
    NttDevice(const NttDevice&) = delete;
    NttDevice& operator=(const NttDevice&) = delete;

    // Register port: `offset` is the address within the device's page, `size` 1, 2 or 4
    // (naturally aligned). The value is zero-extended (read) or its low `size` bytes are
    // stored (write). False: bus error.
    bool read(uint32_t offset, unsigned size, uint32_t& value) const;
    bool write(uint32_t offset, unsigned size, uint32_t value);

    // The IOPMP that checks the DMA's beats (nullptr: none, the SRAM rule only), and the
    // master bit the block has in it (Iopmp::kMasterNtt).
    void attach_iopmp(Iopmp* iopmp, uint32_t master) {
        iopmp_ = iopmp;
        iopmp_master_ = master;
    }

    // The interrupt line: the OR of the IRQ_STATUS bits enabled in CTRL.
    bool irq() const { return (irq_status_ & ctrl_en_) != 0; }
    // Back to the reset state (registers; the memory is not touched).
    void reset();

    uint32_t caps() const;
    uint32_t shell_caps() const;
    // Descriptors completed without error since reset (for statistics and tests).
    uint64_t completed() const { return completed_; }

private:
    uint32_t reg_value(uint32_t reg) const;
    void run_queue();
    void stop(uint8_t code);
    uint8_t execute(const uint32_t (&desc)[8]);
    uint8_t check(const uint32_t (&desc)[8]) const;
    bool dma_beat(uint32_t addr, unsigned words, bool write);

    struct Plans;  // golden-model plans by (field, variant, N), built on first use
    Memory& dma_;
    Iopmp* iopmp_ = nullptr;
    uint32_t iopmp_master_ = 0;
    NttConfig cfg_;
    unsigned min_log_n_;
    std::unique_ptr<Plans> plans_;

    // Register state (reset values as in the RDL and the queue).
    uint32_t ctrl_en_ = 0;     // CTRL.IRQ_EN_* (bits 2:0)
    uint32_t irq_status_ = 0;  // IRQ_STATUS (bits 2:0)
    uint32_t qbase_ = 0;       // QBASE (bits 31:5)
    uint32_t qlog2_ = 0;       // QSIZE.LOG2
    uint16_t qtail_ = 0, qhead_ = 0;
    bool error_ = false;  // STATUS.ERROR: the queue stopped on an error
    uint8_t err_code_ = 0;
    uint16_t err_index_ = 0;
    uint64_t completed_ = 0;
};

}  // namespace epoxy::iss
