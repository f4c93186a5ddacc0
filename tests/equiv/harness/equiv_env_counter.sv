// SPDX-License-Identifier: Apache-2.0
// Equivalence harness for epoxy_core_counter (tests/equiv/equiv_check.py): the counter with
// its input contract applied, identically for both forms. The contract (epoxy_core_counter.sv:
// "a CSR write of one half (wr_lo_i or wr_hi_i, never both)") holds in the core because
// epoxy_core_csr decodes the two enables from different CSR numbers; outside it the two
// forms differ on purpose (with both set, the synthesis form writes both halves, the
// simulation form only the lower one).
`default_nettype none

module equiv_env_counter (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        inc_i,
  input  logic        wr_lo_i,
  input  logic        wr_hi_i,
  input  logic [31:0] wdata_i,
  output logic [63:0] value_o
);

  epoxy_core_counter u_dut (
    .clk_i, .rst_ni, .inc_i,
    .wr_lo_i (wr_lo_i),
    .wr_hi_i (wr_hi_i && !wr_lo_i),   // never both
    .wdata_i,
    .value_o
  );

endmodule

`default_nettype wire
