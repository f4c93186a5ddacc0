// SPDX-License-Identifier: Apache-2.0
// Equivalence harness for epoxy_core_pkg (tests/equiv/equiv_check.py): the package's one
// function with two forms, csr_in_range, with all three arguments free, so the check covers
// every call (epoxy_core_csr and epoxy_core call it with constant bounds).
`default_nettype none

module equiv_env_pkg (
  input  logic [11:0] a_i,
  input  logic [11:0] lo_i,
  input  logic [11:0] hi_i,
  output logic        in_range_o
);

  assign in_range_o = epoxy_core_pkg::csr_in_range(a_i, lo_i, hi_i);

endmodule

`default_nettype wire
