// SPDX-License-Identifier: Apache-2.0
// Epoxy core: single-cycle multiplier.
//
// mul, mulh, mulhsu and mulhu as one 33 x 33 signed product: each operand is extended by
// one bit, with its sign or with zero as the operation says, so one array serves all four.
// Purely combinational, so the latency is one cycle for every operand value (Zkt). It
// deliberately has no pipeline registers or early-out; on iCE40/ECP5 Yosys maps it to DSP
// blocks where the flow allows, otherwise to LUTs.
`default_nettype none

module epoxy_core_multiplier (
  input  epoxy_core_pkg::mul_op_e op_i,
  input  logic [31:0]             a_i,
  input  logic [31:0]             b_i,
  output logic [31:0]             result_o
);

  logic a_signed, b_signed;
  assign a_signed = (op_i == epoxy_core_pkg::MulHss) || (op_i == epoxy_core_pkg::MulHsu);
  assign b_signed = (op_i == epoxy_core_pkg::MulHss);

  logic signed [32:0] a_ext, b_ext;
  assign a_ext = $signed({a_signed & a_i[31], a_i});
  assign b_ext = $signed({b_signed & b_i[31], b_i});

  // Only bits 63:0 of the 66-bit product are needed (bits 65:64 are copies of the sign),
  // and the low 64 bits of a product depend only on the low 64 bits of the operands, so the
  // product is formed at 64 bits (one native multiply in simulation).
  logic [63:0] product_u;
  assign product_u = $unsigned(64'(a_ext) * 64'(b_ext));

  assign result_o = (op_i == epoxy_core_pkg::MulLow) ? product_u[31:0] : product_u[63:32];

endmodule

`default_nettype wire
