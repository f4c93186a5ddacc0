// SPDX-License-Identifier: Apache-2.0
// The NTT block (the shell + the NTT engine, top epoxy_ntt_top, Verilated by tests/ntt as
// EPOXY_NTT_TOP, e.g. Vepoxy_ntt_p2) behind both platforms of ntt_main.cpp: the SystemC/TLM-2.0
// wrapper BasicAccelTlm and the plain Verilator BasicShellTransactor, instantiated once here.
// The Verilated header and the _impl headers come before anything that includes SystemC
// (sim/systemc/accel_tlm_impl.h).
#include EPOXY_NTT_TOP_HEADER
#include "accel_tlm_impl.h"
#include "shell_transactor_impl.h"

template class epoxy::sc::BasicAccelTlm<EPOXY_NTT_TOP>;
template class epoxy::test::BasicShellTransactor<EPOXY_NTT_TOP>;
