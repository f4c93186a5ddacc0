// SPDX-License-Identifier: Apache-2.0
// One butterfly unit of the NTT coprocessor, fully pipelined: a butterfly every cycle, its
// results exactly Latency = 5 cycles after its operands.
//   ct_i = 1, Cooley-Tukey (forward):      (u, v) -> (u + w*v, u - w*v)
//   ct_i = 0, Gentleman-Sande (inverse):   (u, v) -> (u + v, w*(u - v)), or w*(v - u) when
//             neg_i is set (the inverse twiddle is -w: the table holds w, see docs/ntt.md)
// stage 0: the sums (u + v, +-(u - v)); stages 1-3: epoxy_ntt_modmul; stage 4: u +- w*v.
// Stages update only for valid operands (valid_i, delayed alongside): idle, nothing moves.
`default_nettype none

module epoxy_ntt_butterfly #(
  parameter int unsigned W      = 64,
  parameter logic [4:0]  Fields = 5'b11111     // field codes built in (epoxy_ntt_modmul)
) (
  input  logic         clk_i,
  input  logic         valid_i,
  input  logic [2:0]   field_i,
  input  logic         ct_i,
  input  logic         neg_i,
  input  logic [W-1:0] u_i,
  input  logic [W-1:0] v_i,
  input  logic [W-1:0] w_i,
  output logic [W-1:0] x_o,
  output logic [W-1:0] y_o
);

  // a + b and a - b mod p for canonical a, b, in W bits (no wider temporaries: a carry out
  // of a + b means the sum is above p).
  function automatic logic [W-1:0] add_mod(input logic [W-1:0] a, b, p);
    logic [W-1:0] s;
    s = a + b;
    add_mod = (s < a || s >= p) ? s - p : s;
  endfunction

  function automatic logic [W-1:0] sub_mod(input logic [W-1:0] a, b, p);
    sub_mod = (a < b) ? a - b + p : a - b;
  endfunction

  logic [63:0] p0_full, p4_full;
  logic [W-1:0] p0, p4;
  assign p0_full = epoxy_ntt_pkg::field_p(field_i);
  assign p0      = p0_full[W-1:0];

  // ---- Stage 0 --------------------------------------------------------------------------------
  logic [W-1:0] keep_q, mul_q, w_q;
  logic [2:0]   f_q;
  logic         ct_q, v_q;
  always_ff @(posedge clk_i) begin
    v_q <= valid_i;
    if (valid_i) begin
      keep_q <= ct_i ? u_i : add_mod(u_i, v_i, p0);
      mul_q  <= ct_i ? v_i : (neg_i ? sub_mod(v_i, u_i, p0) : sub_mod(u_i, v_i, p0));
      w_q    <= w_i;
      f_q    <= field_i;
      ct_q   <= ct_i;
    end
  end

  // ---- Stages 1-3: the product, with the other operand delayed alongside ------------------------
  logic [W-1:0] prod;
  epoxy_ntt_modmul #(.W(W), .Fields(Fields)) u_mul (.clk_i, .valid_i (v_q), .field_i (f_q),
                                                    .a_i (mul_q), .b_i (w_q), .r_o (prod));

  logic [W-1:0] keep_d [3];
  logic [2:0]   f_d    [3];
  logic [2:0]   ct_d, v_d;
  always_ff @(posedge clk_i) begin
    v_d <= {v_d[1:0], v_q};
    if (v_q)    begin keep_d[0] <= keep_q;    f_d[0] <= f_q;    ct_d[0] <= ct_q;    end
    if (v_d[0]) begin keep_d[1] <= keep_d[0]; f_d[1] <= f_d[0]; ct_d[1] <= ct_d[0]; end
    if (v_d[1]) begin keep_d[2] <= keep_d[1]; f_d[2] <= f_d[1]; ct_d[2] <= ct_d[1]; end
  end

  // ---- Stage 4 --------------------------------------------------------------------------------
  assign p4_full = epoxy_ntt_pkg::field_p(f_d[2]);
  assign p4      = p4_full[W-1:0];
  always_ff @(posedge clk_i) begin
    if (v_d[2]) begin
      x_o <= ct_d[2] ? add_mod(keep_d[2], prod, p4) : keep_d[2];
      y_o <= ct_d[2] ? sub_mod(keep_d[2], prod, p4) : prod;
    end
  end

  if (W < 64) begin : g_narrow
    logic unused;
    assign unused = ^{p0_full[63:W], p4_full[63:W]};
  end

endmodule

`default_nettype wire
