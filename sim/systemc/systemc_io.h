// SPDX-License-Identifier: Apache-2.0
// SystemC back end of the accelerator shell driver: epoxy::AccelShell<SystemcIo> runs the
// same driver code as on the core (MmioIo) and on the plain Verilator bench
// (ShellTransactor), from inside an SC_THREAD (docs/systemc.md).
//
//   reg_read/reg_write  one 32-bit b_transport through reg_socket (bind it to
//                       AccelTlm::reg_socket); a bus error is counted, not thrown, as the
//                       plain back end does, so tests can provoke one on purpose
//   mem_write/mem_read  transport_dbg through mem_socket (bind it to MemoryTlm::host_socket):
//                       no simulated time; an access outside the memory throws
//                       std::out_of_range naming the address
//   tick()              waits for the next rising edge of clk (bind it to AccelTlm::clock())
//
// Every call except mem_* waits, so they may only be called from an SC_THREAD.
#ifndef EPOXY_SIM_SYSTEMC_SYSTEMC_IO_H_
#define EPOXY_SIM_SYSTEMC_SYSTEMC_IO_H_

#include <tlm_utils/simple_initiator_socket.h>

#include <cstddef>
#include <cstdint>
#include <systemc>
#include <tlm>

namespace epoxy::sc {

class SystemcIo : public sc_core::sc_module {
  public:
    tlm_utils::simple_initiator_socket<SystemcIo> reg_socket;
    tlm_utils::simple_initiator_socket<SystemcIo> mem_socket;
    sc_core::sc_in<bool> clk;

    explicit SystemcIo(const sc_core::sc_module_name& name);

    // ---- The driver's Io interface ----
    uint32_t reg_read(uint32_t off);
    void reg_write(uint32_t off, uint32_t v);
    void mem_write(uint32_t addr, const uint32_t* words, size_t n);
    void mem_read(uint32_t addr, uint32_t* words, size_t n);
    void tick();

    // ---- Counters ----
    uint64_t reg_reads() const { return reg_reads_; }
    uint64_t reg_errors() const { return reg_errors_; }
    uint64_t reg_cycles() const { return reg_cycles_; }  // clock cycles spent in reg_*

  private:
    bool reg_access(uint32_t off, bool we, uint32_t* data);  // false on a bus error
    void mem_access(tlm::tlm_command cmd, uint32_t addr, uint32_t* words, size_t n);

    uint64_t reg_reads_ = 0, reg_errors_ = 0, reg_cycles_ = 0;
};

}  // namespace epoxy::sc

#endif  // EPOXY_SIM_SYSTEMC_SYSTEMC_IO_H_
