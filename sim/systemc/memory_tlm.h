// SPDX-License-Identifier: Apache-2.0
// A word-addressed SystemC/TLM-2.0 memory for the accelerator's DMA (docs/systemc.md).
//
// Two target sockets onto the same storage: `socket` for the bus (the DMA initiator of
// AccelTlm) and `host_socket` for the host's debug accesses (preloading data, checking
// results). Both take b_transport and transport_dbg. An access must be word-aligned, a
// multiple of four bytes long, not streamed, and lie inside [base, base + 4 * words);
// anything else answers TLM_ADDRESS_ERROR_RESPONSE (or, for transport_dbg, 0 bytes) and
// leaves the memory untouched. Byte enables are honoured on writes. b_transport never
// waits; it annotates `latency` per transaction (AccelTlm turns it into grant wait states).
#ifndef EPOXY_SIM_SYSTEMC_MEMORY_TLM_H_
#define EPOXY_SIM_SYSTEMC_MEMORY_TLM_H_

#include <tlm_utils/simple_target_socket.h>

#include <cstdint>
#include <systemc>
#include <tlm>
#include <vector>

namespace epoxy::sc {

class MemoryTlm : public sc_core::sc_module {
  public:
    tlm_utils::simple_target_socket<MemoryTlm> socket;
    tlm_utils::simple_target_socket<MemoryTlm> host_socket;

    MemoryTlm(const sc_core::sc_module_name& name, uint32_t base, uint32_t words,
              const sc_core::sc_time& latency = sc_core::SC_ZERO_TIME);

    uint32_t base() const { return base_; }
    uint64_t size_bytes() const { return bytes_.size(); }
    uint64_t reads() const { return reads_; }    // successful bus reads
    uint64_t writes() const { return writes_; }  // successful bus writes
    uint64_t errors() const { return errors_; }  // bus accesses answered with an error

  private:
    void b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay);
    unsigned int transport_dbg(tlm::tlm_generic_payload& p);
    // Does the access and returns the response it deserves (the memory only changes on OK).
    tlm::tlm_response_status access(tlm::tlm_generic_payload& p);

    uint32_t base_;
    sc_core::sc_time latency_;
    std::vector<unsigned char> bytes_;
    uint64_t reads_ = 0, writes_ = 0, errors_ = 0;
};

}  // namespace epoxy::sc

#endif  // EPOXY_SIM_SYSTEMC_MEMORY_TLM_H_
