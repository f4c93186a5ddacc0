// SPDX-License-Identifier: Apache-2.0
// Modular multiplier of the NTT coprocessor: r = a * b mod p for the field selected at run
// time, canonical operands in, canonical result out, three pipeline stages (a result every
// cycle, each exactly three cycles after its operands).
//   stage 1: the products: pl = a_lo * b_lo, which is x = a * b for the 32-bit fields (the
//            only hard multiplier); Goldilocks also ph = a_hi * b_hi and pm = (a_lo + a_hi) *
//            (b_lo + b_hi) (Karatsuba, three products of 32 x 32 and 33 x 33 bits, below)
//   stage 2: 32-bit fields: the Barrett quotient estimate qhat from the top bits of x, times
//            the field's constant m = floor(2^k / p) as shifts and adds (no multiplier);
//            Goldilocks: x mod p from the three products without forming x (below), as two
//            terms t0 < 2^64, t1 < 2^36
//   stage 3: 32-bit fields: r = x - qhat * p on 33 bits (qhat * p as shifts and adds: the
//            moduli are sparse), then one conditional subtraction of p;
//            Goldilocks: t0 + t1 (a carry adds 2^32 - 1) and one conditional subtraction
// Each stage updates only when its operands are valid (valid_i, then delayed): the result
// stays put otherwise, and an idle multiplier costs no switching (nor simulation time).
// Fields (bit f = field code f, as the engine's) says which fields are built: the Barrett
// chain and the subtraction of a field not built are left out, and the Goldilocks path needs
// Fields[2] and W = 64 (the engine sets W = 64 exactly when Goldilocks is built; W = 64
// without it keeps only a_lo * b_lo). A field not built gives a meaningless result (the
// engine rejects its descriptors with BAD_TYPE).
// The latency (3) is part of the contract: epoxy_ntt_butterfly, epoxy_ntt_pair_alu and
// epoxy_ntt_twiddle count on it.
//
// Goldilocks, p = 2^64 - 2^32 + 1, in 32-bit limbs: L = pl = L1 2^32 + L0, H = ph = H1 2^32 +
// H0, pm = P2 2^64 + P1 2^32 + P0 (P2 <= 3). x = L + (pm - L - H) 2^32 + H 2^64, and with
// 2^64 = 2^32 - 1 and 2^96 = -1 (mod p) the middle term's subtraction folds into the limbs:
//   x = 2^32 pm - (2^32 - 1) L - H = 2^32 (P0 + P1 - L0 - H1) + (L0 + L1 - P1 - P2 - H0)
// Adding 3p = (3 * 2^32 - 3) 2^32 + 3, rebalanced as 2^32 (3 * 2^32 - 5) + (2^33 + 3), makes
// both coefficients non-negative and below 2^35 for any 64-bit operands:
//   ea = P0 + P1 - L0 - H1 + 3 * 2^32 - 5,  eb = L0 + L1 - P1 - P2 - H0 + 2^33 + 3,
// and x + 3p = ea 2^32 + eb. With ea = ea_hi 2^32 + ea_lo (eb likewise), ea 2^32 = ea_lo 2^32
// + ea_hi 2^64 = ea_lo 2^32 + ea_hi (2^32 - 1) (mod p), so x = t0 + t1 (mod p) with
//   t0 = ea_lo 2^32 + eb_lo (a concatenation), t1 = (ea_hi + eb_hi) 2^32 - ea_hi < 2^36:
// two 35-bit sums of five limbs each in stage 2 instead of the old 64-bit fold; stage 3 is
// the old one (t0 + t1 < 2^65 - 2^32, so one carry correction and one subtraction of p).
// The products are 32 x 32, 32 x 32 and 33 x 33 bits: 4 MULT18X18D each on the ECP5 (Yosys
// splits an operand at 18 bits), 12 in all where the 64 x 64 product took 16. Measured
// 2026-11-25 (docs/ntt.md, Size; Yosys 0.23 synth_ecp5, nextpnr-ecp5 out of context): this
// module alone (W = 64, all fields) 16 -> 12 MULT18X18D, 3,070 -> 2,727 LUT4 placed, Fmax
// 48.9 -> 52.1 MHz (seed 1; 46.9 -> 54.5 seed 2), stage 1 critical in both; the engine with
// P = 4 and all five fields 160 -> 120 MULT18X18D (fits the 85F's 156), P = 1 112 -> 84.
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
  parameter int unsigned W      = 64,          // 64 only with Goldilocks (Fields[2]), else 32
  parameter logic [4:0]  Fields = 5'b11111     // field codes built in (epoxy_ntt_engine's)
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
  localparam bit          Gl  = (W == 64) && Fields[2];    // the Goldilocks path is built

  // Barrett quotient estimate of x < p^2 (32-bit fields, header): (x >> t) * m >> (k - t)
  // with m * y computed as (m + 1) * y - y, (m + 1) * y as shifted sums. Each field has its
  // own chain, fed with its y only when the registered field code selects it (zero
  // otherwise, so the others' estimates are zero): an OR of the four picks the estimate, with
  // fewer LUTs than a multiplexer, and only the selected chain switches. A field not in Fields
  // feeds its chain a constant zero, so synthesis removes the chain.
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
    yb = (Fields[0] && f == epoxy_ntt_pkg::FieldBabyBear[2:0])  ? x[61:30] : 32'd0;
    y  = (Fields[1] && f == epoxy_ntt_pkg::FieldKoalaBear[2:0]) ? x[61:30] : 32'd0;
    b1 = 37'(yb) + 37'({yb, 4'd0});
    b2 = 45'(b1) + 45'({b1, 8'd0});
    b3 = 61'(b2) + 61'({b2, 16'd0});
    bb = {b3, 3'd0} - 64'(yb);
    k1 = 40'(y) + 40'({y, 7'd0});
    k2 = 54'(k1) + 54'({k1, 14'd0});
    k3 = 61'(k2) + 61'({y, 28'd0});
    kb = {k3, 3'd0} - 64'(y);
    yd = (Fields[3] && f == epoxy_ntt_pkg::FieldDilithium[2:0]) ? x[45:22] : 24'd0;
    d1 = 45'(yd) + 45'({yd, 10'd0}) + 45'({yd, 20'd0});
    dl = {d1, 3'd0} - 48'(yd);
    yk = (Fields[4] && f == epoxy_ntt_pkg::FieldKyber[2:0]) ? x[23:8] : 16'd0;
    c1 = 25'({yk, 8'd0}) + 25'({yk, 6'd0}) - 25'({yk, 2'd0}) - 25'(yk);
    ky = {c1, 4'd0} - 29'(yk);
    barrett_qhat = bb[63:32] | kb[63:32] | {8'd0, dl[47:24]} | {19'd0, ky[28:16]};
  endfunction
  /* verilator lint_on UNUSEDSIGNAL */

  // ---- Stage 1: the product ----------------------------------------------------------------
  // pl = a_lo * b_lo is the whole product for the 32-bit fields (their operands are below
  // 2^31). Goldilocks adds ph = a_hi * b_hi and pm = (a_lo + a_hi) * (b_lo + b_hi) (Karatsuba:
  // a * b = pl + (pm - pl - ph) 2^32 + ph 2^64; stage 2 never forms the middle term, header).
  logic [63:0] pl_q;
  logic [2:0]  f1_q;
  logic        v1_q;
  always_ff @(posedge clk_i) begin
    v1_q <= valid_i;
    if (valid_i) begin
      pl_q <= 64'(a_i[31:0]) * 64'(b_i[31:0]);
      f1_q <= field_i;
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
      x2_q   <= pl_q[32:0];
      qhat_q <= barrett_qhat(pl_q[61:0], f1_q);
      f2_q   <= f1_q;
    end
  end

  // ---- Stage 3 ---------------------------------------------------------------------------------
  // 32-bit fields: r = x - qhat * p in [0, 2p) (header), exact modulo 2^33, with qhat * p from
  // the sparse form of p; then r - p (its bit 32 is the sign) or r. A field not in Fields
  // subtracts nothing (its result is meaningless; the engine rejects its descriptors).
  /* verilator lint_off UNUSEDSIGNAL */
  function automatic logic [31:0] barrett_rem(input logic [32:0] x, input logic [31:0] qhat,
                                              input logic [2:0] f);
    logic [32:0] q, qp, pv, r, r1;
    q  = 33'(qhat);
    qp = 33'd0;
    pv = 33'd0;
    case (f)
      epoxy_ntt_pkg::FieldBabyBear[2:0]:
        if (Fields[0]) begin qp = (q << 31) - (q << 27) + q; pv = 33'h0_7800_0001; end
      epoxy_ntt_pkg::FieldKoalaBear[2:0]:
        if (Fields[1]) begin qp = (q << 31) - (q << 24) + q; pv = 33'h0_7F00_0001; end
      epoxy_ntt_pkg::FieldDilithium[2:0]:
        if (Fields[3]) begin qp = (q << 23) - (q << 13) + q; pv = 33'd8380417; end
      epoxy_ntt_pkg::FieldKyber[2:0]:
        if (Fields[4]) begin qp = (q << 11) + (q << 10) + (q << 8) + q; pv = 33'd3329; end
      default: ;
    endcase
    r  = x - qp;
    r1 = r - pv;
    barrett_rem = r1[32] ? r[31:0] : r1[31:0];
  endfunction
  /* verilator lint_on UNUSEDSIGNAL */

  logic [W-1:0] r_q;
  assign r_o = r_q;

  if (Gl) begin : g_goldilocks
    // Stage 1: the two other Karatsuba products, 32 x 32 and 33 x 33 (4 MULT18X18D each on
    // the ECP5, as pl: 12 in all instead of 16 for one 64 x 64 product).
    logic [63:0] ph_q;
    logic [65:0] pm_q;
    logic [32:0] sa, sb;
    assign sa = 33'(a_i[31:0]) + 33'(a_i[63:32]);
    assign sb = 33'(b_i[31:0]) + 33'(b_i[63:32]);
    always_ff @(posedge clk_i) begin
      if (valid_i) begin
        ph_q <= 64'(a_i[63:32]) * 64'(b_i[63:32]);
        pm_q <= 66'(sa) * 66'(sb);
      end
    end

    // Stage 2: x = a * b mod p straight from the three products in 32-bit limbs (header):
    // x = ea 2^32 + eb - 3p with ea, eb in [0, 2^35); then ea 2^32 = ea_lo 2^32 + ea_hi 2^64
    // and 2^64 = 2^32 - 1 give t0 = {ea_lo, eb_lo}, t1 = (ea_hi + eb_hi) 2^32 - ea_hi < 2^36.
    logic [63:0] t0_q;
    logic [35:0] t1_q;
    always_ff @(posedge clk_i) begin
      if (v1_q) begin : fold
        logic [34:0] ea, eb;
        ea = 35'(pm_q[31:0]) + 35'(pm_q[63:32]) - 35'(pl_q[31:0]) - 35'(ph_q[63:32])
           + 35'h2_FFFF_FFFB;                                 // + 3 * 2^32 - 5
        eb = 35'(pl_q[31:0]) + 35'(pl_q[63:32]) - 35'(pm_q[63:32]) - 35'(pm_q[65:64])
           - 35'(ph_q[31:0]) + 35'h2_0000_0003;               // + 2^33 + 3
        t0_q <= {ea[31:0], eb[31:0]};
        t1_q <= {4'(ea[34:32]) + 4'(eb[34:32]), 32'd0} - 36'(ea[34:32]);
      end
    end

    // Stage 3: t0 + t1 below 2^64 + 2^36, a carry adds 2^64 = 2^32 - 1, one subtraction of p.
    always_ff @(posedge clk_i) begin
      if (v2_q) begin : result
        logic [64:0] s;
        logic [63:0] t2;
        if (f2_q == epoxy_ntt_pkg::FieldGoldilocks[2:0]) begin
          s  = {1'b0, t0_q} + 65'(t1_q);
          t2 = s[64] ? s[63:0] + Eps : s[63:0];               // a carry: 2^64 = 2^32 - 1
          r_q <= (t2 >= Pg) ? t2 - Pg : t2;
        end else begin
          r_q <= W'(barrett_rem(x2_q, qhat_q, f2_q));
        end
      end
    end
  end else begin : g_small
    always_ff @(posedge clk_i) begin
      if (v2_q) r_q <= W'(barrett_rem(x2_q, qhat_q, f2_q));
    end
    logic unused;
    assign unused = ^pl_q[63:62];
    if (W > 32) begin : g_wide
      logic unused_hi;                          // W = 64 without Goldilocks: no high halves
      assign unused_hi = ^{a_i[W-1:32], b_i[W-1:32]};
    end
  end

endmodule

`default_nettype wire
