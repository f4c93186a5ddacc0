// SPDX-License-Identifier: Apache-2.0
// The Verilated accelerator shell with the copy/fill test engine as a SystemC/TLM-2.0 module:
// the one instantiation of BasicAccelTlm (accel_tlm.h) that epoxy_systemc provides, AccelTlm.
// The Verilated header and accel_tlm_impl.h come before anything that includes SystemC (see
// accel_tlm_impl.h).
#include "Vepoxy_accel_test_top.h"
#include "accel_tlm_impl.h"

namespace epoxy::sc {

template class BasicAccelTlm<Vepoxy_accel_test_top>;

}  // namespace epoxy::sc
