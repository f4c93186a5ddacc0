// SPDX-License-Identifier: Apache-2.0
// The NTT coprocessor's pointwise unit: one pair of elements (a0, a1), (b0, b1) per cycle,
// results exactly Latency = 7 cycles later. Used for PMUL/PADD/PSUB and for the 1/N scaling
// of the inverse on its way out.
//   AluPass  (c0, c1) = (a0, a1)
//   AluAdd   (c0, c1) = (a0 + b0, a1 + b1)
//   AluSub   (c0, c1) = (a0 - b0, a1 - b1)
//   AluMul   (c0, c1) = (a0 * b0, a1 * b1)
//   AluPair  (a0 + a1 x)(b0 + b1 x) mod (x^2 - g): (a0 b0 + g a1 b1, a0 b1 + a1 b0)
// Cycles 0-2: the four products a0 b0, a1 b1, a0 b1, a1 b0; cycles 3-5: g * a1 b1;
// cycle 6: the final sums (the simple results are delayed to the same cycle).
`default_nettype none

module epoxy_ntt_pair_alu #(
  parameter int unsigned W = 64
) (
  input  logic         clk_i,
  input  logic [2:0]   field_i,
  input  logic [2:0]   op_i,
  input  logic [W-1:0] a0_i,
  input  logic [W-1:0] a1_i,
  input  logic [W-1:0] b0_i,
  input  logic [W-1:0] b1_i,
  input  logic [W-1:0] g_i,
  output logic [W-1:0] c0_o,
  output logic [W-1:0] c1_o
);
  import epoxy_ntt_pkg::field_p;

  localparam logic [2:0] AluPass = 3'd0, AluAdd = 3'd1, AluSub = 3'd2, AluMul = 3'd3,
                         AluPair = 3'd4;

  function automatic logic [W-1:0] add_mod(input logic [W-1:0] a, b, p);
    logic [W:0] s, t;
    s = {1'b0, a} + {1'b0, b};
    t = s - {1'b0, p};
    add_mod = t[W] ? s[W-1:0] : t[W-1:0];
  endfunction

  function automatic logic [W-1:0] sub_mod(input logic [W-1:0] a, b, p);
    logic [W:0] d;
    d = {1'b0, a} - {1'b0, b};
    sub_mod = d[W] ? d[W-1:0] + p : d[W-1:0];
  endfunction

  logic [63:0]  p0_full, p6_full;
  logic [W-1:0] p0, p6;
  assign p0_full = field_p(field_i);
  assign p0      = p0_full[W-1:0];

  // ---- Cycles 0-2: products; the simple results computed now and delayed -------------------
  logic [W-1:0] m00, m11, m01, m10;
  epoxy_ntt_modmul #(.W(W)) u_m00 (.clk_i, .field_i, .a_i (a0_i), .b_i (b0_i), .r_o (m00));
  epoxy_ntt_modmul #(.W(W)) u_m11 (.clk_i, .field_i, .a_i (a1_i), .b_i (b1_i), .r_o (m11));
  epoxy_ntt_modmul #(.W(W)) u_m01 (.clk_i, .field_i, .a_i (a0_i), .b_i (b1_i), .r_o (m01));
  epoxy_ntt_modmul #(.W(W)) u_m10 (.clk_i, .field_i, .a_i (a1_i), .b_i (b0_i), .r_o (m10));

  logic [W-1:0] s0, s1;
  always_comb begin
    unique case (op_i)
      AluPass: begin s0 = a0_i; s1 = a1_i; end
      AluAdd:  begin s0 = add_mod(a0_i, b0_i, p0); s1 = add_mod(a1_i, b1_i, p0); end
      AluSub:  begin s0 = sub_mod(a0_i, b0_i, p0); s1 = sub_mod(a1_i, b1_i, p0); end
      default: begin s0 = a0_i; s1 = a1_i; end   // AluPass; AluMul and AluPair unused
    endcase
  end

  logic [W-1:0] s0_d [6], s1_d [6], g_d [3];
  logic [2:0]   op_d [6], f_d [6];
  always_ff @(posedge clk_i) begin
    s0_d[0] <= s0;  s1_d[0] <= s1;  op_d[0] <= op_i;  f_d[0] <= field_i;  g_d[0] <= g_i;
    for (int i = 1; i < 6; i++) begin
      s0_d[i] <= s0_d[i-1];
      s1_d[i] <= s1_d[i-1];
      op_d[i] <= op_d[i-1];
      f_d[i]  <= f_d[i-1];
    end
    for (int i = 1; i < 3; i++) g_d[i] <= g_d[i-1];
  end

  // ---- Cycles 3-5: g * a1 b1; the other products delayed ------------------------------------------
  logic [W-1:0] mg;
  epoxy_ntt_modmul #(.W(W)) u_mg (.clk_i, .field_i (f_d[2]), .a_i (m11), .b_i (g_d[2]), .r_o (mg));

  logic [W-1:0] m00_d [3], m11_d [3], mx_d [3];
  assign p6_full = field_p(f_d[5]);
  assign p6      = p6_full[W-1:0];
  logic [63:0] p3_full;
  assign p3_full = field_p(f_d[2]);
  always_ff @(posedge clk_i) begin
    m00_d[0] <= m00;  m11_d[0] <= m11;  mx_d[0] <= add_mod(m01, m10, p3_full[W-1:0]);
    for (int i = 1; i < 3; i++) begin
      m00_d[i] <= m00_d[i-1];
      m11_d[i] <= m11_d[i-1];
      mx_d[i]  <= mx_d[i-1];
    end
  end

  // ---- Cycle 6: results ------------------------------------------------------------------------
  always_ff @(posedge clk_i) begin
    unique case (op_d[5])
      AluMul:  begin c0_o <= m00_d[2];                    c1_o <= m11_d[2]; end
      AluPair: begin c0_o <= add_mod(m00_d[2], mg, p6);   c1_o <= mx_d[2];  end
      default: begin c0_o <= s0_d[5];                     c1_o <= s1_d[5];  end
    endcase
  end

  if (W < 64) begin : g_narrow
    logic unused;
    assign unused = ^{p0_full[63:W], p6_full[63:W], p3_full[63:W]};
  end

endmodule

`default_nettype wire
