// SPDX-License-Identifier: Apache-2.0
// The NTT coprocessor's pointwise unit: one pair of elements (a0, a1), (b0, b1) per cycle,
// results exactly Latency = 7 cycles later. Used for PMUL/PADD/PSUB, and through its four
// first-stage products for the store (the inverse's 1/N scaling, or a multiplication by 1).
//   AluPass  (c0, c1) = (a0, a1)
//   AluAdd   (c0, c1) = (a0 + b0, a1 + b1)
//   AluSub   (c0, c1) = (a0 - b0, a1 - b1)
//   AluMul   (c0, c1) = (a0 * b0, a1 * b1)
//   AluPair  (a0 + a1 x)(b0 + b1 x) mod (x^2 - g): (a0 b0 + g a1 b1, a0 b1 + a1 b0)
//   AluMul4  only the products below, with a2 and a3 in place of a0 and a1 in the cross
//            products: (m0, m1, m2, m3) = (a0 b0, a1 b1, a2 b1, a3 b0); c0, c1 meaningless
// Cycles 0-2: the four products m0..m3 = a0 b0, a1 b1, a0 b1, a1 b0 (AluMul4: a2 b1, a3 b0),
// on m0_o..m3_o exactly 3 cycles after the operands, for every op (the store takes AluMul's
// or AluMul4's from there, four cycles before c0, c1 would be ready); cycles 3-5: g * a1 b1;
// cycle 6: the final sums (the simple results are delayed to the same cycle). Stages update
// only for valid operands (valid_i, delayed alongside): idle, nothing moves. Mul4 = 0 leaves
// AluMul4's two operand muxes out (a build whose store takes two elements per cycle).
`default_nettype none

module epoxy_ntt_pair_alu #(
  parameter int unsigned W      = 64,
  parameter logic [4:0]  Fields = 5'b11111,  // field codes built in (epoxy_ntt_modmul)
  parameter bit          Mul4   = 1'b1       // AluMul4 built (else a2_i, a3_i are ignored)
) (
  input  logic         clk_i,
  input  logic         valid_i,
  input  logic [2:0]   field_i,
  input  logic [2:0]   op_i,
  input  logic [W-1:0] a0_i,
  input  logic [W-1:0] a1_i,
  input  logic [W-1:0] a2_i,     // AluMul4 only
  input  logic [W-1:0] a3_i,     // AluMul4 only
  input  logic [W-1:0] b0_i,
  input  logic [W-1:0] b1_i,
  input  logic [W-1:0] g_i,
  output logic [W-1:0] c0_o,
  output logic [W-1:0] c1_o,
  output logic [W-1:0] m0_o,     // the first-stage products, 3 cycles after the operands
  output logic [W-1:0] m1_o,
  output logic [W-1:0] m2_o,
  output logic [W-1:0] m3_o
);

  localparam logic [2:0] AluPass = 3'd0, AluAdd = 3'd1, AluSub = 3'd2, AluMul = 3'd3,
                         AluPair = 3'd4, AluMul4 = 3'd5;

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

  logic [63:0]  p0_full, p6_full;
  logic [W-1:0] p0, p6;
  assign p0_full = epoxy_ntt_pkg::field_p(field_i);
  assign p0      = p0_full[W-1:0];

  // ---- Cycles 0-2: products; the simple results computed now and delayed -------------------
  // AluMul4 puts a2, a3 on the cross-product multipliers (two W-bit muxes, no multiplier more).
  logic [W-1:0] m00, m11, m01, m10, x0, x1;
  assign x0 = (Mul4 && op_i == AluMul4) ? a2_i : a0_i;
  assign x1 = (Mul4 && op_i == AluMul4) ? a3_i : a1_i;
  if (!Mul4) begin : g_no_mul4
    logic unused;
    assign unused = ^{a2_i, a3_i};
  end
  epoxy_ntt_modmul #(.W(W), .Fields(Fields)) u_m00 (.clk_i, .valid_i, .field_i, .a_i (a0_i),
                                                  .b_i (b0_i), .r_o (m00));
  epoxy_ntt_modmul #(.W(W), .Fields(Fields)) u_m11 (.clk_i, .valid_i, .field_i, .a_i (a1_i),
                                                  .b_i (b1_i), .r_o (m11));
  epoxy_ntt_modmul #(.W(W), .Fields(Fields)) u_m01 (.clk_i, .valid_i, .field_i, .a_i (x0),
                                                  .b_i (b1_i), .r_o (m01));
  epoxy_ntt_modmul #(.W(W), .Fields(Fields)) u_m10 (.clk_i, .valid_i, .field_i, .a_i (x1),
                                                  .b_i (b0_i), .r_o (m10));
  assign m0_o = m00;
  assign m1_o = m11;
  assign m2_o = m01;
  assign m3_o = m10;

  logic [W-1:0] s0, s1;
  always_comb begin
    unique case (op_i)
      AluPass: begin s0 = a0_i; s1 = a1_i; end
      AluAdd:  begin s0 = add_mod(a0_i, b0_i, p0); s1 = add_mod(a1_i, b1_i, p0); end
      AluSub:  begin s0 = sub_mod(a0_i, b0_i, p0); s1 = sub_mod(a1_i, b1_i, p0); end
      default: begin s0 = a0_i; s1 = a1_i; end   // AluPass; AluMul, AluPair, AluMul4 unused
    endcase
  end

  logic [W-1:0] s0_d [6], s1_d [6], g_d [3];
  logic [2:0]   op_d [6], f_d [6];
  logic [6:0]   v_d;   // v_d[i]: stage i holds a valid pair (v_d[0] = valid_i)
  logic [6:1]   v_q;
  assign v_d = {v_q, valid_i};
  always_ff @(posedge clk_i) begin
    v_q <= v_d[5:0];
    if (valid_i) begin
      s0_d[0] <= s0;  s1_d[0] <= s1;  op_d[0] <= op_i;  f_d[0] <= field_i;  g_d[0] <= g_i;
    end
    for (int i = 1; i < 6; i++) begin
      if (v_d[i]) begin
        s0_d[i] <= s0_d[i-1];
        s1_d[i] <= s1_d[i-1];
        op_d[i] <= op_d[i-1];
        f_d[i]  <= f_d[i-1];
      end
    end
    for (int i = 1; i < 3; i++) if (v_d[i]) g_d[i] <= g_d[i-1];
  end

  // ---- Cycles 3-5: g * a1 b1; the other products delayed ------------------------------------------
  logic [W-1:0] mg;
  epoxy_ntt_modmul #(.W(W), .Fields(Fields)) u_mg (.clk_i, .valid_i (v_d[3]), .field_i (f_d[2]),
                                                   .a_i (m11), .b_i (g_d[2]), .r_o (mg));

  logic [W-1:0] m00_d [3], m11_d [3], mx_d [3];
  assign p6_full = epoxy_ntt_pkg::field_p(f_d[5]);
  assign p6      = p6_full[W-1:0];
  logic [63:0] p3_full;
  assign p3_full = epoxy_ntt_pkg::field_p(f_d[2]);
  always_ff @(posedge clk_i) begin
    if (v_d[3]) begin
      m00_d[0] <= m00;  m11_d[0] <= m11;  mx_d[0] <= add_mod(m01, m10, p3_full[W-1:0]);
    end
    for (int i = 1; i < 3; i++) begin
      if (v_d[i+3]) begin
        m00_d[i] <= m00_d[i-1];
        m11_d[i] <= m11_d[i-1];
        mx_d[i]  <= mx_d[i-1];
      end
    end
  end

  // ---- Cycle 6: results ------------------------------------------------------------------------
  always_ff @(posedge clk_i) begin
    if (v_d[6]) unique case (op_d[5])
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
