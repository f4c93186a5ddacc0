// SPDX-License-Identifier: Apache-2.0
// Modular multiplier of the NTT coprocessor: r = a * b mod p for the field selected at run
// time, canonical operands in, canonical result out, three pipeline stages (a result every
// cycle, each exactly Latency = 3 cycles after its operands).
//   stage 1: the full product a * b
//   stage 2: 32-bit fields: Barrett quotient estimate qhat = (x * m) >> k (q or q - 1);
//            Goldilocks: the fold x = lo + hi * 2^64 with 2^64 = 2^32 - 1, 2^96 = -1
//            (t0 = lo - hi_hi, t1 = hi_lo * (2^32 - 1))
//   stage 3: 32-bit fields: x - qhat * p and one conditional subtraction;
//            Goldilocks: t0 + t1 (a carry adds 2^32 - 1) and one conditional subtraction
// W = 64 when Goldilocks is built, else 32 (the Goldilocks path is then left out).
// The latency (3) is part of the contract: epoxy_ntt_butterfly and epoxy_ntt_pair_alu count
// on it.
`default_nettype none

module epoxy_ntt_modmul #(
  parameter int unsigned W = 64
) (
  input  logic         clk_i,
  input  logic [2:0]   field_i,
  input  logic [W-1:0] a_i,
  input  logic [W-1:0] b_i,
  output logic [W-1:0] r_o
);
  import epoxy_ntt_pkg::field_p;
  import epoxy_ntt_pkg::barrett_m;
  import epoxy_ntt_pkg::barrett_k;

  // ---- Stage 1: the product ----------------------------------------------------------------
  logic [2*W-1:0] prod_q;
  logic [2:0]     f1_q;
  always_ff @(posedge clk_i) begin
    prod_q <= a_i * b_i;
    f1_q   <= field_i;
  end

  // ---- Stage 2: Barrett estimate (32-bit fields) ---------------------------------------------
  logic [61:0] x1;
  logic [93:0] xm;
  logic [31:0] qhat;
  assign x1 = prod_q[61:0];
  assign xm = x1 * barrett_m(f1_q);
  always_comb begin
    case (barrett_k(f1_q))
      7'd62:   qhat = xm[93:62];
      7'd46:   qhat = xm[77:46];
      default: qhat = xm[55:24];
    endcase
  end

  logic unused_xm;
  assign unused_xm = ^xm[23:0];

  logic [61:0] x2_q;
  logic [31:0] qhat_q;
  logic [2:0]  f2_q;
  always_ff @(posedge clk_i) begin
    x2_q   <= x1;
    qhat_q <= qhat;
    f2_q   <= f1_q;
  end

  // ---- Stage 3: remainder (32-bit fields) ----------------------------------------------------
  logic [63:0] p32, rem, rem_sub;
  assign p32     = field_p(f2_q);
  assign rem     = {2'b00, x2_q} - 64'(qhat_q) * p32;   // < 2p
  assign rem_sub = rem - p32;

  logic [W-1:0] r_q;
  assign r_o = r_q;

  if (W == 64) begin : g_goldilocks
    localparam logic [63:0] Eps = 64'h0000_0000_FFFF_FFFF;   // 2^64 mod p = 2^32 - 1
    localparam logic [63:0] Pg  = 64'hFFFF_FFFF_0000_0001;
    logic [63:0] lo, hi, t0, t1;
    logic [64:0] d0;
    assign lo = prod_q[63:0];
    assign hi = prod_q[127:64];
    assign d0 = {1'b0, lo} - {33'd0, hi[63:32]};             // lo - hi_hi
    assign t0 = d0[64] ? d0[63:0] - Eps : d0[63:0];          // a borrow: -2^64 = -(2^32 - 1)
    assign t1 = {hi[31:0], 32'd0} - {32'd0, hi[31:0]};       // hi_lo * (2^32 - 1)

    logic [63:0] t0_q, t1_q;
    always_ff @(posedge clk_i) begin
      t0_q <= t0;
      t1_q <= t1;
    end

    logic [64:0] s;
    logic [63:0] t2, gl;
    assign s  = {1'b0, t0_q} + {1'b0, t1_q};
    assign t2 = s[64] ? s[63:0] + Eps : s[63:0];             // a carry: 2^64 = 2^32 - 1
    assign gl = (t2 >= Pg) ? t2 - Pg : t2;

    always_ff @(posedge clk_i) begin
      if (f2_q == 3'd2) r_q <= gl;
      else              r_q <= rem_sub[63] ? rem : rem_sub;
    end
  end else begin : g_small
    always_ff @(posedge clk_i) r_q <= rem_sub[63] ? rem[W-1:0] : rem_sub[W-1:0];
    logic unused;
    assign unused = ^{prod_q[2*W-1:62], rem[63:W], rem_sub[62:W]};
  end

endmodule

`default_nettype wire
