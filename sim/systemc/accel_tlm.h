// SPDX-License-Identifier: Apache-2.0
// The Verilated accelerator (shell + engine, top module epoxy_accel_test_top) as a SystemC
// module with TLM-2.0 sockets (docs/systemc.md).
//
// AccelTlm owns the plain C++ Verilator model and its own clock (sc_clock, period given at
// construction). One SC_THREAD steps the model once per rising edge, exactly as the plain
// Verilator bench does (tests/accel/shell_transactor.cpp), so both run the same cycles:
//   - reg_socket (target): each b_transport is one OBI transaction on the shell's register
//     port, request in one cycle, answer in the next (the crossbar's slave contract). The
//     call blocks until the answer (the model must step to produce it), so the two cycles
//     are consumed, not annotated on top; the cycles taken go into a CycleExtension if the
//     initiator attached one. Shell err -> TLM_ADDRESS_ERROR_RESPONSE.
//   - dma_socket (initiator): each OBI DMA request becomes one 32-bit b_transport when the
//     request appears; the target's annotated delay becomes grant wait states (rounded up to
//     whole cycles), the response comes one cycle after the grant, and an error response
//     becomes the OBI err. The DMA target must not wait() (it would stall the clock).
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
class Vepoxy_accel_test_top;

namespace epoxy::sc {

// Optional extension on a register transaction: AccelTlm writes the clock cycles the OBI
// exchange took (2 when the port was free) into it.
struct CycleExtension : tlm::tlm_extension<CycleExtension> {
    uint64_t cycles = 0;
    // The TLM-2.0 API hands ownership of the clone to the caller as a raw pointer.
    tlm::tlm_extension_base* clone() const override { return new CycleExtension(*this); }
    void copy_from(const tlm::tlm_extension_base& other) override {
        cycles = static_cast<const CycleExtension&>(other).cycles;
    }
};

class AccelTlm : public sc_core::sc_module {
  public:
    tlm_utils::simple_target_socket<AccelTlm> reg_socket;     // registers: offsets 0x00..
    tlm_utils::simple_initiator_socket<AccelTlm> dma_socket;  // the shell's DMA master
    sc_core::sc_out<bool> irq_o;

    // reg_base: the address the register port sees for offset 0 (the shell decodes only
    // the offset; the default is where the plain Verilator bench puts it).
    AccelTlm(const sc_core::sc_module_name& name,
             const sc_core::sc_time& clock_period = sc_core::sc_time(10, sc_core::SC_NS),
             uint32_t reg_base = 0x30000000u);
    ~AccelTlm() override;
    AccelTlm(const AccelTlm&) = delete;
    AccelTlm& operator=(const AccelTlm&) = delete;

    // The module's clock: bind an sc_in<bool> to it to wait for its edges.
    const sc_core::sc_clock& clock() const { return clk_; }
    const sc_core::sc_time& period() const { return period_; }
    uint64_t cycles() const { return cycles_; }  // rising edges stepped so far
    uint64_t dma_reads() const { return dma_reads_; }
    uint64_t dma_writes() const { return dma_writes_; }

  private:
    enum class RegPhase { Idle, Posted, Answer };

    void run();    // SC_THREAD: one cycle per rising edge
    void cycle();  // the register port's phase, then step()
    void step();   // one clock cycle with the DMA port answered (as ShellTransactor::cycle)
    void dma_request();
    void reg_b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay);

    sc_core::sc_time period_;
    sc_core::sc_clock clk_;
    uint32_t reg_base_;
    std::unique_ptr<VerilatedContext> ctx_;
    std::unique_ptr<Vepoxy_accel_test_top> top_;

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
    bool pend_err_ = false;
    uint32_t pend_rdata_ = 0;
    bool resp_valid_ = false, resp_err_ = false;
    uint32_t resp_data_ = 0;

    uint64_t cycles_ = 0, dma_reads_ = 0, dma_writes_ = 0;
};

}  // namespace epoxy::sc

#endif  // EPOXY_SIM_SYSTEMC_ACCEL_TLM_H_
