// SPDX-License-Identifier: Apache-2.0
// Modular multiplier of the NTT coprocessor: r = a * b mod p for the field selected at run
// time, canonical operands in, canonical result out, three pipeline stages (a result every
// cycle, each exactly three cycles after its operands).
//   stage 1: the full product x = a * b (the only hard multiplier of the 32-bit fields)
//   stage 2: 32-bit fields: the Barrett quotient estimate qhat from the top bits of x, times
//            the field's constant m = floor(2^k / p) as shifts and adds (no multiplier);
//            Goldilocks: the fold x = lo + hi * 2^64 with 2^64 = 2^32 - 1, 2^96 = -1
//            (t0 = lo - hi_hi, t1 = hi_lo * (2^32 - 1))
//   stage 3: 32-bit fields: r = x - qhat * p on 33 bits (qhat * p as shifts and adds: the
//            moduli are sparse), then one conditional subtraction of p;
//            Goldilocks: t0 + t1 (a carry adds 2^32 - 1) and one conditional subtraction
// Each stage updates only when its operands are valid (valid_i, then delayed): the result
// stays put otherwise, and an idle multiplier costs no switching (nor simulation time).
// W = 64 when Goldilocks is built, else 32 (the Goldilocks path is then left out).
// The latency (3) is part of the contract: epoxy_ntt_butterfly, epoxy_ntt_pair_alu and
// epoxy_ntt_twiddle count on it.
//
// The 32-bit fields' reduction (docs/ntt.md, Size), with n = bitlength(p), k = 2n, m =
// floor(2^k / p) (0x88888887, 0x81020407, 0x802007, 0x13AF), phi = 2^k / p - m in [0, 1), x = a * b <= (p-1)^2,
// q = floor(x / p), and a shift t:
//   qhat = floor((x >> t) * m / 2^(k - t))
// Bound: with x = (x >> t) 2^t + l, l < 2^t,
//   x / p - (x >> t) m / 2^(k-t) = l / p + (x >> t) 2^t phi / 2^k
//                                 in [0, (2^t - 1) / p + x phi / 2^k]
// so qhat <= x / p (qhat <= q), and as the floor loses less than 1,
//   q - qhat <= x / p - qhat < 1 + (2^t - 1) / p + phi (p - 1)^2 / 2^k:
//   BabyBear   2^31 - 2^27 + 1          t 30: 1 + 0.533 + 0.348 = 1.88
//   KoalaBear  2^31 - 2^24 + 1          t 30: 1 + 0.504 + 0.046 = 1.55
//   Dilithium  2^23 - 2^13 + 1          t 22: 1 + 0.500 + 0.006 = 1.51
//   Kyber      2^11 + 2^10 + 2^8 + 1    t  8: 1 + 0.077 + 0.473 = 1.55  (t = 11 would give 2.09)
// so qhat is q or q - 1, r = x - qhat * p lies in [0, 2p) below 2^32, is exact from the low 33
// bits of x and of qhat * p, and one conditional subtraction of p leaves the canonical result,
// as with the full-width estimate. The products by m use m + 1, a few shifted sums (BabyBear
// 8 * 0x11 * 0x101 * 0x10001, KoalaBear 8 * 0x10204081, Dilithium 8 * 0x100401, Kyber
// 16 * (2^8 + 2^6 - 2^2 - 1)), minus the operand once. tests/ntt/modmul checks the result
// against 128-bit integer arithmetic (Kyber: every operand pair).
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

  // Barrett quotient estimate of x < p^2 (32-bit fields, header): (x >> t) * m >> (k - t)
  // with m * y computed as (m + 1) * y - y, (m + 1) * y as shifted sums. Each field has its
  // own chain, fed with its y only when the registered field code selects it (zero
  // otherwise, so the others' estimates are zero): an OR of the four picks the estimate, with
  // fewer LUTs than a multiplexer, and only the selected chain switches.
  /* verilator lint_off UNUSEDSIGNAL */
  function automatic logic [31:0] barrett_qhat(input logic [61:0] x, input logic [2:0] f);
    logic [31:0] yb, y;                 // BabyBear, KoalaBear: x >> 30
    logic [36:0] b1;                    // yb * 0x11 (yb: BabyBear's)
    logic [44:0] b2;                    // yb * 0x1111
    logic [60:0] b3;                    // yb * 0x11111111
    logic [63:0] bb;                    // yb * 0x88888887 (m, BabyBear)
    logic [39:0] k1;                    // y * 0x81 (y: KoalaBear's)
    logic [53:0] k2;                    // y * 0x204081
    logic [60:0] k3;                    // y * 0x10204081
    logic [63:0] kb;                    // y * 0x81020407 (m, KoalaBear)
    logic [23:0] yd;                    // Dilithium: x >> 22 (x < 2^46)
    logic [44:0] d1;                    // yd * 0x100401
    logic [47:0] dl;                    // yd * 0x802007 (m)
    logic [15:0] yk;                    // Kyber: x >> 8 (x < 2^24)
    logic [24:0] c1;                    // yk * 315
    logic [28:0] ky;                    // yk * 5039 (m)
    yb = (f == epoxy_ntt_pkg::FieldBabyBear[2:0]) ? x[61:30] : 32'd0;
    y  = (f == epoxy_ntt_pkg::FieldKoalaBear[2:0]) ? x[61:30] : 32'd0;
    b1 = 37'(yb) + 37'({yb, 4'd0});
    b2 = 45'(b1) + 45'({b1, 8'd0});
    b3 = 61'(b2) + 61'({b2, 16'd0});
    bb = {b3, 3'd0} - 64'(yb);
    k1 = 40'(y) + 40'({y, 7'd0});
    k2 = 54'(k1) + 54'({k1, 14'd0});
    k3 = 61'(k2) + 61'({y, 28'd0});
    kb = {k3, 3'd0} - 64'(y);
    yd = (f == epoxy_ntt_pkg::FieldDilithium[2:0]) ? x[45:22] : 24'd0;
    d1 = 45'(yd) + 45'({yd, 10'd0}) + 45'({yd, 20'd0});
    dl = {d1, 3'd0} - 48'(yd);
    yk = (f == epoxy_ntt_pkg::FieldKyber[2:0]) ? x[23:8] : 16'd0;
    c1 = 25'({yk, 8'd0}) + 25'({yk, 6'd0}) - 25'({yk, 2'd0}) - 25'(yk);
    ky = {c1, 4'd0} - 29'(yk);
    barrett_qhat = bb[63:32] | kb[63:32] | {8'd0, dl[47:24]} | {19'd0, ky[28:16]};
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
  logic [32:0] x2_q;                   // the low 33 bits of x are all stage 3 needs
  logic [31:0] qhat_q;
  logic [2:0]  f2_q;
  logic        v2_q;
  always_ff @(posedge clk_i) begin
    v2_q <= v1_q;
    if (v1_q) begin
      x2_q   <= prod_q[32:0];
      qhat_q <= barrett_qhat(prod_q[61:0], f1_q);
      f2_q   <= f1_q;
    end
  end

  // ---- Stage 3 ---------------------------------------------------------------------------------
  // 32-bit fields: r = x - qhat * p in [0, 2p) (header), exact modulo 2^33, with qhat * p from
  // the sparse form of p; then r - p (its bit 32 is the sign) or r.
  /* verilator lint_off UNUSEDSIGNAL */
  function automatic logic [31:0] barrett_rem(input logic [32:0] x, input logic [31:0] qhat,
                                              input logic [2:0] f);
    logic [32:0] q, qp, r, r1;
    q = 33'(qhat);
    case (f)
      epoxy_ntt_pkg::FieldBabyBear[2:0]:  qp = (q << 31) - (q << 27) + q;
      epoxy_ntt_pkg::FieldKoalaBear[2:0]: qp = (q << 31) - (q << 24) + q;
      epoxy_ntt_pkg::FieldDilithium[2:0]: qp = (q << 23) - (q << 13) + q;
      epoxy_ntt_pkg::FieldKyber[2:0]:     qp = (q << 11) + (q << 10) + (q << 8) + q;
      default:                            qp = 33'd0;
    endcase
    r  = x - qp;
    r1 = r - 33'(epoxy_ntt_pkg::field_p(f));
    barrett_rem = r1[32] ? r[31:0] : r1[31:0];
  endfunction
  /* verilator lint_on UNUSEDSIGNAL */

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
          r_q <= 64'(barrett_rem(x2_q, qhat_q, f2_q));
        end
      end
    end
  end else begin : g_small
    always_ff @(posedge clk_i) begin
      if (v2_q) r_q <= barrett_rem(x2_q, qhat_q, f2_q);
    end
    logic unused;
    assign unused = ^prod_q[2*W-1:62];
  end

endmodule

`default_nettype wire
