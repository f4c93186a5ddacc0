// SPDX-License-Identifier: Apache-2.0
// The member functions of epoxy::sc::BasicAccelTlm<Top> (see accel_tlm.h).
//
// Include order matters: the Verilated class header of Top (which includes verilated.h) comes
// first, then this header, and SystemC only after them. verilated.h switches to its SystemC
// flavour when SYSTEMC_VERSION is defined, but the models and the Verilator runtime here are
// plain C++ (built without --sc), so they must be seen as such; this header refuses to
// compile when SystemC came first. A file that instantiates the wrapper for a top:
//
//   #include "Vmy_top.h"
//   #include "accel_tlm_impl.h"
//   template class epoxy::sc::BasicAccelTlm<Vmy_top>;
#ifndef EPOXY_SIM_SYSTEMC_ACCEL_TLM_IMPL_H_
#define EPOXY_SIM_SYSTEMC_ACCEL_TLM_IMPL_H_

#if defined(SYSTEMC_VERSION) && !defined(VERILATOR_VERILATED_H_)
#error "accel_tlm_impl.h: include the Verilated class header and this header before SystemC"
#endif
#include "verilated.h"
// Only from here on SystemC (accel_tlm.h includes it).
#include <cstdio>
#include <cstring>
#include <string>

#include "accel_tlm.h"

namespace epoxy::sc {

namespace detail {
inline std::string hex(uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%08llx", static_cast<unsigned long long>(v));
    return buf;
}
inline constexpr const char* kAccelTlmMsgType = "/epoxy/sc/AccelTlm";
}  // namespace detail

template <class Top>
BasicAccelTlm<Top>::BasicAccelTlm(const sc_core::sc_module_name& name,
                                  const sc_core::sc_time& clock_period, uint32_t reg_base)
    : sc_core::sc_module(name),
      reg_socket("reg_socket"),
      dma_socket("dma_socket"),
      irq_o("irq_o"),
      period_(clock_period),
      // First rising edge one period in, not at time 0: a driver that starts at time 0
      // then sees its first access on cycle 1, as on the plain Verilator bench.
      clk_("clk", clock_period, 0.5, clock_period, true),
      reg_base_(reg_base),
      ctx_(std::make_unique<VerilatedContext>()),
      top_(std::make_unique<Top>(ctx_.get(), "top")) {
    if (clock_period == sc_core::SC_ZERO_TIME)
        SC_REPORT_FATAL(detail::kAccelTlmMsgType,
                        (std::string(this->name()) + ": clock period is zero").c_str());
    reg_socket.register_b_transport(this, &BasicAccelTlm::reg_b_transport);
    // Reset as the plain Verilator bench does: asynchronous, no clock edge inside it.
    top_->clk_i = 0;
    top_->rst_ni = 0;
    top_->eval();
    top_->rst_ni = 1;
    top_->eval();
    SC_HAS_PROCESS(BasicAccelTlm);
    SC_THREAD(run);
}

template <class Top>
BasicAccelTlm<Top>::~BasicAccelTlm() = default;

template <class Top>
void BasicAccelTlm<Top>::run() {
    irq_o.write(top_->irq_o);
    for (;;) {
        wait(clk_.posedge_event());
        cycle();
        irq_o.write(top_->irq_o);
    }
}

template <class Top>
void BasicAccelTlm<Top>::cycle() {
    Top& t = *top_;
    bool answered = false;
    if (phase_ == RegPhase::Posted && req_time_ < sc_core::sc_time_stamp()) {
        // The request cycle: the register port grants at once.
        t.reg_req_i = 1;
        t.reg_addr_i = reg_base_ + req_addr_;
        t.reg_we_i = req_we_;
        t.reg_be_i = req_be_;
        t.reg_wdata_i = req_wdata_;
        t.clk_i = 0;
        t.eval();
        if (!t.reg_gnt_o)
            SC_REPORT_ERROR(detail::kAccelTlmMsgType,
                            (std::string(name()) + ": register port: no grant for offset " +
                             detail::hex(req_addr_))
                                .c_str());
        phase_ = RegPhase::Answer;
    } else if (phase_ == RegPhase::Answer) {
        // The answer comes exactly one cycle after the grant.
        t.reg_req_i = 0;
        t.clk_i = 0;
        t.eval();
        if (!t.reg_rvalid_o)
            SC_REPORT_ERROR(detail::kAccelTlmMsgType,
                            (std::string(name()) +
                             ": register port: no answer one cycle after the grant "
                             "for offset " +
                             detail::hex(req_addr_))
                                .c_str());
        rsp_rdata_ = t.reg_rdata_o;
        rsp_err_ = t.reg_err_o;
        answered = true;
    }
    step();
    if (answered) {
        phase_ = RegPhase::Idle;
        reg_done_.notify();
    }
}

template <class Top>
void BasicAccelTlm<Top>::step() {
    Top& t = *top_;
    t.clk_i = 0;
    // The DMA response due this cycle (granted last cycle).
    t.dma_rvalid_i = resp_valid_;
    t.dma_rdata_i = resp_data_;
    t.dma_err_i = resp_err_;
    t.dma_gnt_i = 0;
    t.eval();
    bool grant = false;
    // A request seen in an earlier cycle and not yet granted must still be there, unchanged.
    if (wait_left_ >= 0 && !same_dma_request()) dma_violation();
    if (t.dma_req_o) {
        if (wait_left_ < 0) dma_request();  // new request: do it now, grant after the delay
        if (wait_left_ == 0)
            grant = true;
        else
            --wait_left_;
    }
    t.dma_gnt_i = grant;
    t.eval();
    resp_valid_ = false;
    if (grant) {
        wait_left_ = -1;
        if (!pend_err_) ++(pend_we_ ? dma_writes_ : dma_reads_);
        resp_valid_ = true;
        resp_err_ = pend_err_;
        resp_data_ = pend_rdata_;
    }
    t.clk_i = 1;
    t.eval();
    ++cycles_;
}

template <class Top>
bool BasicAccelTlm<Top>::same_dma_request() const {
    const Top& t = *top_;
    return t.dma_req_o && bool(t.dma_we_o) == pend_we_ && uint32_t(t.dma_addr_o) == pend_addr_ &&
           (!pend_we_ ||
            (uint32_t(t.dma_wdata_o) == pend_wdata_ && (t.dma_be_o & 0xF) == pend_be_));
}

// The request in flight was withdrawn or changed before its grant, which OBI forbids. Its TLM
// transaction is already done (a write has reached the target); drop its answer so that the
// next request is served afresh, count it and warn.
template <class Top>
void BasicAccelTlm<Top>::dma_violation() {
    const Top& t = *top_;
    ++dma_violations_;
    wait_left_ = -1;
    SC_REPORT_WARNING(detail::kAccelTlmMsgType,
                      (std::string(name()) + ": OBI violation: the DMA " +
                       (pend_we_ ? "write to " : "read of ") + detail::hex(pend_addr_) +
                       (t.dma_req_o ? " changed" : " was withdrawn") + " before its grant (cycle " +
                       std::to_string(cycles_) + "); its TLM transaction was already done")
                          .c_str());
}

// One OBI DMA request as one 32-bit TLM transaction. OBI holds the request stable until the
// grant, so doing it when it first appears is the same as doing it at the grant (step()
// checks that the request stays, and reports it when it does not).
template <class Top>
void BasicAccelTlm<Top>::dma_request() {
    Top& t = *top_;
    tlm::tlm_generic_payload& p = dma_payload_;
    const bool we = t.dma_we_o;
    const uint32_t addr = t.dma_addr_o;
    const uint32_t wdata = t.dma_wdata_o;
    pend_we_ = we;
    pend_addr_ = addr;
    pend_wdata_ = wdata;
    pend_be_ = uint8_t(t.dma_be_o & 0xF);
    std::memcpy(dma_data_, &wdata, 4);  // the host is little-endian, as the bus
    p.set_command(we ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    p.set_address(addr);
    p.set_data_ptr(dma_data_);
    p.set_data_length(4);
    p.set_streaming_width(4);
    if (we) {
        for (int b = 0; b < 4; ++b)
            dma_be_[b] = ((t.dma_be_o >> b) & 1) ? TLM_BYTE_ENABLED : TLM_BYTE_DISABLED;
        p.set_byte_enable_ptr(dma_be_);
        p.set_byte_enable_length(4);
    } else {
        p.set_byte_enable_ptr(nullptr);
        p.set_byte_enable_length(0);
    }
    p.set_dmi_allowed(false);
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    const sc_core::sc_time before = sc_core::sc_time_stamp();
    dma_socket->b_transport(p, delay);
    if (sc_core::sc_time_stamp() != before)
        SC_REPORT_ERROR(
            detail::kAccelTlmMsgType,
            (std::string(name()) + ": the DMA target waited inside " + "b_transport for address " +
             detail::hex(addr) + "; it must annotate its delay instead")
                .c_str());
    pend_err_ = p.is_response_error();
    pend_rdata_ = 0;
    if (!pend_err_ && !we) std::memcpy(&pend_rdata_, dma_data_, 4);
    // The annotated delay, rounded up to whole cycles, is the number of grant wait states.
    const uint64_t per = period_.value();
    wait_left_ = int((delay.value() + per - 1) / per);
}

template <class Top>
void BasicAccelTlm<Top>::reg_b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
    // We are about to synchronise with the clock: consume the initiator's offset first.
    if (delay != sc_core::SC_ZERO_TIME) wait(delay);
    delay = sc_core::SC_ZERO_TIME;
    const tlm::tlm_command cmd = p.get_command();
    const uint64_t addr = p.get_address();
    if (p.get_data_length() != 4 || p.get_streaming_width() != 4) {
        p.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
        return;
    }
    if ((addr & 3) != 0 || addr > 0xFFFFFFFFull - reg_base_) {
        p.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    uint8_t be = 0xF;
    if (p.get_byte_enable_ptr() != nullptr) {
        const unsigned len = p.get_byte_enable_length();
        if (len == 0) {
            p.set_response_status(tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
            return;
        }
        be = 0;
        for (unsigned b = 0; b < 4; ++b)
            if (p.get_byte_enable_ptr()[b % len] == TLM_BYTE_ENABLED) be |= uint8_t(1u << b);
    }
    if (cmd == tlm::TLM_IGNORE_COMMAND) {
        p.set_response_status(tlm::TLM_OK_RESPONSE);
        return;
    }
    while (phase_ != RegPhase::Idle) wait(reg_done_);  // another initiator's is in flight
    // run() presents the request on the first rising edge strictly after now: a caller
    // woken by an edge may run before or after run() in that edge's delta, and this keeps
    // the outcome independent of that order.
    req_time_ = sc_core::sc_time_stamp();
    req_addr_ = uint32_t(addr);
    req_we_ = cmd == tlm::TLM_WRITE_COMMAND;
    req_be_ = be;
    req_wdata_ = 0;
    if (req_we_) std::memcpy(&req_wdata_, p.get_data_ptr(), 4);
    phase_ = RegPhase::Posted;
    const uint64_t start = cycles_;
    wait(reg_done_);
    if (!req_we_) std::memcpy(p.get_data_ptr(), &rsp_rdata_, 4);
    if (CycleExtension* ext = p.get_extension<CycleExtension>()) ext->cycles = cycles_ - start;
    p.set_response_status(rsp_err_ ? tlm::TLM_ADDRESS_ERROR_RESPONSE : tlm::TLM_OK_RESPONSE);
}

}  // namespace epoxy::sc

#endif  // EPOXY_SIM_SYSTEMC_ACCEL_TLM_IMPL_H_
