// SPDX-License-Identifier: Apache-2.0
// Modular multiplier of the NTT coprocessor: r = a * b mod p for the field selected at run
// time, canonical operands in, canonical result out, three pipeline stages (a result every
// cycle, each exactly three cycles after its operands).
//   stage 1: the full product a * b
//   stage 2: 32-bit fields: Barrett quotient estimate qhat = (x * m) >> k (q or q - 1);
//            Goldilocks: the fold x = lo + hi * 2^64 with 2^64 = 2^32 - 1, 2^96 = -1
//            (t0 = lo - hi_hi, t1 = hi_lo * (2^32 - 1))
//   stage 3: 32-bit fields: x - qhat * p and one conditional subtraction;
//            Goldilocks: t0 + t1 (a carry adds 2^32 - 1) and one conditional subtraction
// Each stage updates only when its operands are valid (valid_i, then delayed): the result
// stays put otherwise, and an idle multiplier costs no switching (nor simulation time).
// W = 64 when Goldilocks is built, else 32 (the Goldilocks path is then left out).
// The latency (3) is part of the contract: epoxy_ntt_butterfly, epoxy_ntt_pair_alu and
// epoxy_ntt_twiddle count on it.
`default_nettype none

module epoxy_ntt_modmul #(
  parameter int unsigned W = 64
) (
  input  logic         clk_i,
  input  logic         valid_i,
  input  logic [2:0]   field_i,
  input  logic [W-1:0] a_i,
  input  logic [W-1:0] b_i,
  output logic [W-1:0] r_o
);

  localparam logic [63:0] Eps = 64'h0000_0000_FFFF_FFFF;   // 2^64 mod p = 2^32 - 1
  localparam logic [63:0] Pg  = 64'hFFFF_FFFF_0000_0001;

  // Barrett quotient estimate of x < p^2 (32-bit fields): (x * m) >> k from two 32 x 32-bit
  // partial products (no temporaries wider than 64 bits; mid < 2^62).
  /* verilator lint_off UNUSEDSIGNAL */
  function automatic logic [31:0] barrett_qhat(input logic [61:0] x, input logic [2:0] f);
    logic [63:0] lo, hi, mid;
    lo  = 64'(x[31:0]) * 64'(epoxy_ntt_pkg::barrett_m(f));
    hi  = 64'(x[61:32]) * 64'(epoxy_ntt_pkg::barrett_m(f));
    mid = hi + (lo >> 32);                      // (x * m) >> 32
    case (epoxy_ntt_pkg::barrett_k(f))
      7'd62:   barrett_qhat = mid[61:30];
      7'd46:   barrett_qhat = mid[45:14];
      default: barrett_qhat = {mid[23:0], lo[31:24]};
    endcase
  endfunction
  /* verilator lint_on UNUSEDSIGNAL */

  // ---- Stage 1: the product ----------------------------------------------------------------
  logic [2*W-1:0] prod_q;
  logic [2:0]     f1_q;
  logic           v1_q;
  always_ff @(posedge clk_i) begin
    v1_q <= valid_i;
    if (valid_i) begin
      prod_q <= a_i * b_i;
      f1_q   <= field_i;
    end
  end

  // ---- Stage 2 ---------------------------------------------------------------------------------
  logic [61:0] x2_q;
  logic [31:0] qhat_q;
  logic [2:0]  f2_q;
  logic        v2_q;
  always_ff @(posedge clk_i) begin
    v2_q <= v1_q;
    if (v1_q) begin
      x2_q   <= prod_q[61:0];
      qhat_q <= barrett_qhat(prod_q[61:0], f1_q);
      f2_q   <= f1_q;
    end
  end

  // ---- Stage 3 ---------------------------------------------------------------------------------
  // 32-bit fields: x - qhat * p < 2p, then one conditional subtraction.
  function automatic logic [63:0] barrett_rem(input logic [61:0] x, input logic [31:0] qhat,
                                              input logic [2:0] f);
    logic [63:0] p, rem, sub;
    p   = epoxy_ntt_pkg::field_p(f);
    rem = {2'b00, x} - 64'(qhat) * p;
    sub = rem - p;
    barrett_rem = sub[63] ? rem : sub;
  endfunction

  logic [W-1:0] r_q;
  assign r_o = r_q;

  if (W == 64) begin : g_goldilocks
    logic [63:0] t0_q, t1_q;
    always_ff @(posedge clk_i) begin
      if (v1_q) begin : fold
        logic [63:0] lo, hi, d0;
        lo = prod_q[63:0];
        hi = prod_q[127:64];
        d0 = lo - {32'd0, hi[63:32]};                         // lo - hi_hi
        t0_q <= (lo < {32'd0, hi[63:32]}) ? d0 - Eps : d0;    // a borrow: -2^64 = -(2^32 - 1)
        t1_q <= {hi[31:0], 32'd0} - {32'd0, hi[31:0]};        // hi_lo * (2^32 - 1)
      end
    end

    always_ff @(posedge clk_i) begin
      if (v2_q) begin : result
        logic [64:0] s;
        logic [63:0] t2;
        if (f2_q == epoxy_ntt_pkg::FieldGoldilocks[2:0]) begin
          s  = {1'b0, t0_q} + {1'b0, t1_q};
          t2 = s[64] ? s[63:0] + Eps : s[63:0];               // a carry: 2^64 = 2^32 - 1
          r_q <= (t2 >= Pg) ? t2 - Pg : t2;
        end else begin
          r_q <= barrett_rem(x2_q, qhat_q, f2_q);
        end
      end
    end
  end else begin : g_small
    always_ff @(posedge clk_i) begin
      if (v2_q) begin : result
        /* verilator lint_off UNUSEDSIGNAL */
        logic [63:0] r;   // below p < 2^32
        /* verilator lint_on UNUSEDSIGNAL */
        r = barrett_rem(x2_q, qhat_q, f2_q);
        r_q <= r[W-1:0];
      end
    end
    logic unused;
    assign unused = ^prod_q[2*W-1:62];
  end

endmodule

`default_nettype wire
