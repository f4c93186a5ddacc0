// SPDX-License-Identifier: Apache-2.0
// The driver's SystemC back end (see systemc_io.h).
#include "systemc_io.h"

#include <cstdio>
#include <stdexcept>
#include <string>

#include "accel_tlm.h"

namespace epoxy::sc {

namespace {
std::string hex(uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%08llx", static_cast<unsigned long long>(v));
    return buf;
}
}  // namespace

SystemcIo::SystemcIo(const sc_core::sc_module_name& name)
    : sc_core::sc_module(name), reg_socket("reg_socket"), mem_socket("mem_socket"), clk("clk") {}

bool SystemcIo::reg_access(uint32_t off, bool we, uint32_t* data) {
    tlm::tlm_generic_payload p;
    CycleExtension ext;
    p.set_command(we ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    p.set_address(off);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(data));
    p.set_data_length(4);
    p.set_streaming_width(4);
    p.set_byte_enable_ptr(nullptr);
    p.set_dmi_allowed(false);
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    p.set_extension(&ext);
    // The payload frees the extensions it still holds when it dies; ext lives on the stack,
    // so take it back on every way out (an SC_REPORT_ERROR throws through here).
    struct Release {
        tlm::tlm_generic_payload& p;
        CycleExtension* ext;
        ~Release() { p.clear_extension(ext); }
    } release{p, &ext};
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    reg_socket->b_transport(p, delay);
    if (delay != sc_core::SC_ZERO_TIME) wait(delay);
    reg_cycles_ += ext.cycles;
    return !p.is_response_error();
}

uint32_t SystemcIo::reg_read(uint32_t off) {
    uint32_t v = 0;
    ++reg_reads_;
    if (!reg_access(off, false, &v)) ++reg_errors_;
    return v;
}

void SystemcIo::reg_write(uint32_t off, uint32_t v) {
    if (!reg_access(off, true, &v)) ++reg_errors_;
}

void SystemcIo::mem_access(tlm::tlm_command cmd, uint32_t addr, uint32_t* words, size_t n) {
    if (n == 0) return;
    tlm::tlm_generic_payload p;
    p.set_command(cmd);
    p.set_address(addr);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(words));
    p.set_data_length(unsigned(4 * n));
    p.set_streaming_width(unsigned(4 * n));
    p.set_byte_enable_ptr(nullptr);
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    if (mem_socket->transport_dbg(p) != 4 * n)
        throw std::out_of_range("SystemcIo: " + std::to_string(n) + " words at " + hex(addr) +
                                " are not inside the memory");
}

void SystemcIo::mem_write(uint32_t addr, const uint32_t* words, size_t n) {
    // transport_dbg takes a non-const data pointer; a write only reads from it.
    mem_access(tlm::TLM_WRITE_COMMAND, addr, const_cast<uint32_t*>(words), n);
}

void SystemcIo::mem_read(uint32_t addr, uint32_t* words, size_t n) {
    mem_access(tlm::TLM_READ_COMMAND, addr, words, n);
}

void SystemcIo::tick() {
    wait(clk.posedge_event());
}

}  // namespace epoxy::sc
