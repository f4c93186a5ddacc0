// SPDX-License-Identifier: Apache-2.0
// The DMA memory (see memory_tlm.h).
#include "memory_tlm.h"

#include <cstring>

namespace epoxy::sc {

MemoryTlm::MemoryTlm(const sc_core::sc_module_name& name, uint32_t base, uint32_t words,
                     const sc_core::sc_time& latency)
    : sc_core::sc_module(name),
      socket("socket"),
      host_socket("host_socket"),
      base_(base),
      latency_(latency),
      bytes_(4ull * words, 0) {
    socket.register_b_transport(this, &MemoryTlm::b_transport);
    socket.register_transport_dbg(this, &MemoryTlm::transport_dbg);
    host_socket.register_b_transport(this, &MemoryTlm::b_transport);
    host_socket.register_transport_dbg(this, &MemoryTlm::transport_dbg);
}

tlm::tlm_response_status MemoryTlm::access(tlm::tlm_generic_payload& p) {
    const uint64_t addr = p.get_address();
    const uint64_t len = p.get_data_length();
    if ((addr & 3) != 0 || len == 0 || (len & 3) != 0 || addr < base_ ||
        addr - base_ + len > bytes_.size())
        return tlm::TLM_ADDRESS_ERROR_RESPONSE;
    if (p.get_streaming_width() != 0 && p.get_streaming_width() < len)
        return tlm::TLM_BURST_ERROR_RESPONSE;
    unsigned char* const mem = &bytes_[addr - base_];
    unsigned char* const data = p.get_data_ptr();
    const unsigned char* const be = p.get_byte_enable_ptr();
    const unsigned be_len = p.get_byte_enable_length();
    if (be != nullptr && be_len == 0) return tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE;
    switch (p.get_command()) {
        case tlm::TLM_READ_COMMAND:
            std::memcpy(data, mem, len);
            break;
        case tlm::TLM_WRITE_COMMAND:
            for (uint64_t i = 0; i < len; ++i)
                if (be == nullptr || be[i % be_len] == TLM_BYTE_ENABLED) mem[i] = data[i];
            break;
        default:  // TLM_IGNORE_COMMAND
            break;
    }
    return tlm::TLM_OK_RESPONSE;
}

void MemoryTlm::b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
    const tlm::tlm_response_status s = access(p);
    p.set_response_status(s);
    if (s != tlm::TLM_OK_RESPONSE)
        ++errors_;
    else if (p.is_read())
        ++reads_;
    else if (p.is_write())
        ++writes_;
    delay += latency_;
}

unsigned int MemoryTlm::transport_dbg(tlm::tlm_generic_payload& p) {
    const tlm::tlm_response_status s = access(p);
    p.set_response_status(s);
    return s == tlm::TLM_OK_RESPONSE ? p.get_data_length() : 0;
}

}  // namespace epoxy::sc
