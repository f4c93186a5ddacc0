// SPDX-License-Identifier: Apache-2.0
// The bus transactor into the Verilated accelerator shell with the copy/fill test engine:
// the one instantiation of BasicShellTransactor (shell_transactor.h) that tests/accel and
// tests/systemc link.
#include "shell_transactor.h"

#include "Vepoxy_accel_test_top.h"
#include "shell_transactor_impl.h"

namespace epoxy::test {

template class BasicShellTransactor<Vepoxy_accel_test_top>;

}  // namespace epoxy::test
