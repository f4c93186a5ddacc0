// SPDX-License-Identifier: Apache-2.0
// The Verilated Epoxy SoC (rtl/soc) as a C++ object: load an ELF (and/or a ROM image), run
// cycle by cycle, observe retirements, UART bytes, sim-control events, and collect statistics.
//
// The SoC is one of two Verilated models of the same RTL (rtl/soc/CMakeLists.txt): without
// tracing, or with FST tracing for a waveform (slower even when idle), chosen at construction.
// The ELF is loaded by the ISS's loader (same checks, same messages) into an iss::Machine,
// whose ROM and SRAM images are then written into the SoC's memories through their
// Verilator-public arrays (ROM: u_rom.mem_q; SRAM: word w in bank w % banks at w / banks).
// The UART's pins are connected to a bit-level line model (uart_line.h). Used by
// epoxy-sim and by the SoC tests.
//
// The NTT coprocessor (accel/ntt/epoxy_ntt_top) is a second Verilated model, Vepoxy_ntt_soc,
// connected to the SoC's EPOXY_SOC_NTT_EXTERNAL ports. The block's outputs depend only on its
// flops, so each cycle the block takes the SoC's settled outputs and its clock edge first,
// and the SoC takes the block's new outputs into flops at its own edge (epoxy_soc.sv): the
// pair is the SoC with the block inside, cycle for cycle. The block's model is evaluated only while it
// is active (a register access, DMA traffic, work queued) and for kQuietCycles after; an idle
// block changes no state, so skipping it changes nothing but the simulation time (checked by
// the ctest soc.ntt-skip-identical with set_always_eval_ntt()).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "iss/retire.h"
#include "uart_line.h"

class VerilatedContext;
class VerilatedFstC;
class Vepoxy_soc;
class Vepoxy_soc_traced;
class Vepoxy_ntt_soc;

namespace epoxy::socsim {

// Instruction classes of the stall breakdown: the stall cycles (the core's mhpmcounter3
// event: EX busy with a load, store or division and no record yet) are charged to the
// class of the instruction that was in EX, i.e. of the next record.
enum class InsnClass : unsigned { Alu, Mul, Div, Load, Store, Branch, Jump, Csr, System, Trap, Interrupt, Count };
const char* class_name(InsnClass c);
InsnClass classify(const iss::Retire& r);

struct PortStats {
    uint64_t transactions = 0;  // requests granted
    uint64_t wait_cycles = 0;   // cycles with a request not granted
};

struct SocStats {
    uint64_t cycles = 0, instret = 0, records = 0, traps = 0, interrupts = 0;
    // Every cycle is exactly one of: a record, a stall, a bubble (fetch refilling after a
    // taken branch or jump: mhpmcounter4's event), asleep in WFI, or another fetch wait
    // (after traps, mret, fence.i, or bus wait states on the instruction port).
    uint64_t stall_cycles = 0, bubble_cycles = 0, sleep_cycles = 0;
    std::array<uint64_t, unsigned(InsnClass::Count)> class_records{}, class_stall_cycles{};
    std::array<PortStats, 3> ports{};  // [0] core data, [1] core instruction, [2] NTT DMA
    uint64_t ntt_busy_cycles = 0;       // NTT coprocessor: descriptors pending or running
    uint64_t ntt_eval_cycles = 0;       // cycles the NTT block's model was evaluated
};

class SocSim {
  public:
    // Loads `elf_path` (iss::ElfError on a bad file). `context` is the caller's. `traced`
    // builds the model with tracing, which open_trace() needs. `rom_hex`, when not empty, is
    // a $readmemh image that replaces the whole ROM after the ELF is loaded (RomHexError on a
    // bad file); without an ELF (`elf_path` empty) the core starts at the ROM's base, as on a
    // board.
    SocSim(VerilatedContext& context, const std::string& elf_path, bool traced = false,
           const std::string& rom_hex = {});
    ~SocSim();
    SocSim(const SocSim&) = delete;
    SocSim& operator=(const SocSim&) = delete;

    // FST waveform of cycles [start, end) (end 0: to the end). Call before reset(), on a
    // SocSim constructed with `traced`.
    void open_trace(const std::string& path, uint64_t start, uint64_t end);
    void reset();
    // One clock cycle. True when the core reported a record at this edge (in `record`).
    bool step(iss::Retire& record);
    void finish();

    void set_console(std::function<void(char)> sink) { console_ = std::move(sink); }
    void push_uart_input(const std::string& bytes) { uart_.push_input(bytes); }

    // Non-empty when the firmware can never make progress again: asleep in WFI for 32
    // cycles with no enabled interrupt that could become pending (only the timer can raise one on its
    // own; the software and sim interrupt sources are set by the hart itself), or a fault
    // fetching the trap vector. mie and mtimecmp are tracked from the retirement records.
    std::string deadlock() const;
    // False when deadlock() is certainly empty: a cheap per-cycle test before calling it.
    bool may_deadlock() const { return sleep_run_ >= 32 || !trap_loop_.empty(); }

    bool exit_requested() const { return exit_requested_; }
    uint32_t exit_code() const { return exit_code_; }
    uint64_t cycles() const { return stats_.cycles; }
    const SocStats& stats() const { return stats_; }
    const UartLine& uart() const { return uart_; }
    uint32_t entry() const { return entry_; }
    // Evaluate the NTT block every cycle, never skipping it (a check of the skipping).
    void set_always_eval_ntt(bool on) { always_eval_ntt_ = on; }

  private:
    void load_memories(const std::string& elf_path, const std::string& rom_hex);
    void dump_trace(uint64_t time);
    void track_wakeup_sources(const iss::Retire& r);
    InsnClass record_class(const iss::Retire& r);
    template <class Model> void reset_model(Model& s);
    template <class Model> bool step_model(Model& s, iss::Retire& record);
    template <class Model> void soc_outputs_to_ntt(Model& s);
    template <class Model> void ntt_outputs_to_soc(Model& s);
    template <class Model> bool ntt_must_run(Model& s);

    static constexpr uint64_t kQuietCycles = 16;

    VerilatedContext& context_;
    std::unique_ptr<Vepoxy_soc> soc_;            // exactly one of the two models exists
    std::unique_ptr<Vepoxy_soc_traced> traced_;
    std::unique_ptr<Vepoxy_ntt_soc> ntt_;
    uint64_t ntt_quiet_ = 0;  // cycles since the block's last activity
    bool always_eval_ntt_ = false;
    std::unique_ptr<VerilatedFstC> trace_;
    uint64_t trace_start_ = 0, trace_end_ = 0;
    UartLine uart_;
    std::function<void(char)> console_;
    bool rx_level_ = true;
    bool exit_requested_ = false;
    uint32_t exit_code_ = 0;
    uint32_t entry_ = 0;
    uint64_t stall_since_record_ = 0;
    uint64_t sleep_run_ = 0;  // consecutive cycles asleep in WFI
    uint32_t mie_ = 0;
    uint64_t mtimecmp_ = ~0ull;
    std::string trap_loop_;
    SocStats stats_;
    static constexpr uint8_t kUnknownClass = 0xFF;
    std::vector<uint8_t> rvc_class_ = std::vector<uint8_t>(1 << 16, kUnknownClass);
};

}  // namespace epoxy::socsim
