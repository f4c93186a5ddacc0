// SPDX-License-Identifier: Apache-2.0
// The Verilated accelerator (the shell + an engine) as a SystemC module with TLM-2.0 sockets
// (docs/systemc.md).
//
// BasicAccelTlm<Top> wraps any Verilated top with the shell's ports (clk_i, rst_ni, the reg_*
// OBI slave port, the dma_* OBI master port, irq_o), as tests/accel's BasicShellTransactor
// does: AccelTlm is the shell with the copy/fill test engine (epoxy_accel_test_top,
// instantiated in accel_tlm.cpp); tests/systemc wraps the NTT block (epoxy_ntt_top) the same
// way. The member functions are in accel_tlm_impl.h: a file that instantiates the wrapper for
// another top includes the Verilated class header first, then accel_tlm_impl.h, before
// anything that pulls in SystemC (see there).
//
// The module owns the plain C++ Verilator model and its own clock (sc_clock, period given at
// construction). One SC_THREAD steps the model once per rising edge, exactly as the plain
// Verilator bench does (tests/accel/shell_transactor_impl.h), so both run the same cycles:
//   - reg_socket (target): each b_transport is one OBI transaction on the shell's register
//     port, request in one cycle, answer in the next (the crossbar's slave contract). The
//     call blocks until the answer (the model must step to produce it), so the two cycles
//     are consumed, not annotated on top; the cycles taken go into a CycleExtension if the
//     initiator attached one. Shell err -> TLM_ADDRESS_ERROR_RESPONSE.
//   - dma_socket (initiator): each OBI DMA request becomes one 32-bit b_transport when the
//     request appears; the target's annotated delay becomes grant wait states (rounded up to
//     whole cycles), the response comes one cycle after the grant, and an error response
//     becomes the OBI err. The DMA target must not wait() (it would stall the clock). A
//     request withdrawn or changed before its grant (an OBI violation) is warned about and
//     counted, and its answer dropped.
//   - irq_o follows the interrupt line after every rising edge.
// It deliberately does not model temporal decoupling or DMI: the point is cycle equality
// with the plain Verilator run, not speed.
#ifndef EPOXY_SIM_SYSTEMC_ACCEL_TLM_H_
#define EPOXY_SIM_SYSTEMC_ACCEL_TLM_H_

#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include <cstdint>
#include <memory>
#include <systemc>
#include <tlm>

class VerilatedContext;
class Vepoxy_accel_test_top;  // the copy/fill test top (AccelTlm)

namespace epoxy::sc {

// Optional extension on a register transaction: BasicAccelTlm writes the clock cycles the OBI
// exchange took (2 when the port was free) into it.
struct CycleExtension : tlm::tlm_extension<CycleExtension> {
    uint64_t cycles = 0;
    // The TLM-2.0 API hands ownership of the clone to the caller as a raw pointer.
    tlm::tlm_extension_base* clone() const override { return new CycleExtension(*this); }
    void copy_from(const tlm::tlm_extension_base& other) override {
        cycles = static_cast<const CycleExtension&>(other).cycles;
    }
};

// Top: a Verilated class (built without --sc) with the shell's ports.
template <class Top>
class BasicAccelTlm : public sc_core::sc_module {
  public:
    tlm_utils::simple_target_socket<BasicAccelTlm> reg_socket;     // registers: offsets 0x00..
    tlm_utils::simple_initiator_socket<BasicAccelTlm> dma_socket;  // the shell's DMA master
    sc_core::sc_out<bool> irq_o;

    // reg_base: the address the register port sees for offset 0 (the shell decodes only
    // the offset; the default is where the plain Verilator bench puts it).
    BasicAccelTlm(const sc_core::sc_module_name& name,
                  const sc_core::sc_time& clock_period = sc_core::sc_time(10, sc_core::SC_NS),
                  uint32_t reg_base = 0x30000000u);
    ~BasicAccelTlm() override;
    BasicAccelTlm(const BasicAccelTlm&) = delete;
    BasicAccelTlm& operator=(const BasicAccelTlm&) = delete;

    // The module's clock: bind an sc_in<bool> to it to wait for its edges.
    const sc_core::sc_clock& clock() const { return clk_; }
    const sc_core::sc_time& period() const { return period_; }
    uint64_t cycles() const { return cycles_; }          // rising edges stepped so far
    uint64_t dma_reads() const { return dma_reads_; }    // granted without a bus error
    uint64_t dma_writes() const { return dma_writes_; }  // granted without a bus error
    // DMA requests withdrawn or changed before their grant (an OBI violation, warned about;
    // possible only when the target annotates a delay).
    uint64_t dma_violations() const { return dma_violations_; }

  private:
    enum class RegPhase { Idle, Posted, Answer };

    void run();    // SC_THREAD: one cycle per rising edge
    void cycle();  // the register port's phase, then step()
    void step();   // one clock cycle with the DMA port answered (as BasicShellTransactor::cycle)
    void dma_request();
    bool same_dma_request() const;  // the request in flight is still presented, unchanged
    void dma_violation();
    void reg_b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay);

    sc_core::sc_time period_;
    sc_core::sc_clock clk_;
    uint32_t reg_base_;
    std::unique_ptr<VerilatedContext> ctx_;
    std::unique_ptr<Top> top_;

    // Register port: one transaction at a time, handed from the caller's thread to run().
    RegPhase phase_ = RegPhase::Idle;
    sc_core::sc_time req_time_;  // when it was posted
    uint32_t req_addr_ = 0, req_wdata_ = 0;
    bool req_we_ = false;
    uint8_t req_be_ = 0xF;
    uint32_t rsp_rdata_ = 0;
    bool rsp_err_ = false;
    sc_core::sc_event reg_done_;

    // DMA port: the answer to the request in flight.
    tlm::tlm_generic_payload dma_payload_;
    unsigned char dma_data_[4] = {}, dma_be_[4] = {};
    int wait_left_ = -1;  // grant wait states left; -1: no request seen yet
    bool pend_we_ = false, pend_err_ = false;
    uint32_t pend_addr_ = 0, pend_wdata_ = 0, pend_rdata_ = 0;
    uint8_t pend_be_ = 0;
    bool resp_valid_ = false, resp_err_ = false;
    uint32_t resp_data_ = 0;

    uint64_t cycles_ = 0, dma_reads_ = 0, dma_writes_ = 0, dma_violations_ = 0;
};

// The shell with the copy/fill test engine (tests/systemc's comparison with tests/accel's
// ShellTransactor), instantiated once in accel_tlm.cpp.
extern template class BasicAccelTlm<Vepoxy_accel_test_top>;
using AccelTlm = BasicAccelTlm<Vepoxy_accel_test_top>;

}  // namespace epoxy::sc

#endif  // EPOXY_SIM_SYSTEMC_ACCEL_TLM_H_
