// SPDX-License-Identifier: Apache-2.0
// Epoxy core: fixed-latency iterative divider.
//
// div, divu, rem and remu by restoring division on the operands' magnitudes, StepsPerCycle
// quotient bits per cycle (that many chained restoring steps; the dividend gets a leading
// zero bit so that 33 steps make 33 / StepsPerCycle cycles: 11 with the default 3, 33 with
// 1 for small FPGA builds), followed by a sign fix-up. The latency is the same for every
// operand value, division by zero and INT_MIN / -1 included (Zkt-style constant time):
// one cycle to load, exactly 33 / StepsPerCycle iteration cycles, one cycle presenting the
// result (done_o): 13 cycles in all with 3 steps per cycle, 35 with 1. There is
// deliberately no early-out, no special path for small or zero operands, and no operand
// cache. The RISC-V results for the corner cases fall out of the datapath: restoring
// division by zero yields an all-ones quotient and the dividend as remainder, and the
// quotient's sign is not applied when the divisor is zero; INT_MIN / -1 gives magnitude
// 2^31 with positive sign, which is INT_MIN again, remainder 0.
`default_nettype none

module epoxy_core_divider #(
  parameter int unsigned StepsPerCycle = 3   // 1, 3 or 11 (divides the 33 steps)
) (
  input  logic                    clk_i,
  input  logic                    rst_ni,
  input  logic                    start_i,   // pulse: operands valid, begin
  input  epoxy_core_pkg::div_op_e op_i,
  input  logic [31:0]             a_i,       // dividend
  input  logic [31:0]             b_i,       // divisor
  output logic                    busy_o,
  output logic                    done_o,    // result valid this cycle (one cycle)
  output logic [31:0]             result_o
);

  typedef enum logic [1:0] {
    DivIdle = 2'b00,
    DivIter = 2'b01,
    DivDone = 2'b10
  } div_state_e;

  div_state_e state_q, state_d;
  logic [5:0] count_q, count_d;

  // Datapath registers: no reset needed, they are always loaded before use.
  logic [31:0] rem_q, rem_d;    // partial remainder
  logic [32:0] quo_q, quo_d;    // dividend shifting out at the top, quotient shifting in
  logic [31:0] dsr_q, dsr_d;    // divisor magnitude
  logic        neg_quo_q, neg_quo_d, neg_rem_q, neg_rem_d, want_rem_q, want_rem_d;

  logic is_signed;
  assign is_signed = (op_i == epoxy_core_pkg::DivDiv) || (op_i == epoxy_core_pkg::DivRem);

  localparam int unsigned K     = StepsPerCycle;
  localparam int unsigned Iters = 33 / K;

  // K chained restoring steps. A partial remainder is always below the divisor, so it fits
  // in 32 bits after each step. Step k shifts in dividend bit quo_q[32 - k] and gives
  // quotient bit qbit[K - 1 - k].
  logic [31:0]  rem_next;
  logic [K-1:0] qbit;
  always_comb begin
    logic [32:0] shifted, trial;
    rem_next = rem_q;
    qbit     = '0;
    shifted  = '0;
    trial    = '0;
`ifndef SYNTHESIS
    // Simulation: the steps only while dividing (their results are used only then), so
    // that Verilator does not evaluate them in every cycle.
    if (state_q == DivIter)
`endif
    for (int k = 0; k < K; k++) begin
      shifted         = {rem_next, quo_q[32 - k]};
      trial           = shifted - {1'b0, dsr_q};
      rem_next        = trial[32] ? shifted[31:0] : trial[31:0];
      qbit[K - 1 - k] = !trial[32];
    end
  end

  always_comb begin
    state_d    = state_q;
    count_d    = count_q;
    rem_d      = rem_q;
    quo_d      = quo_q;
    dsr_d      = dsr_q;
    neg_quo_d  = neg_quo_q;
    neg_rem_d  = neg_rem_q;
    want_rem_d = want_rem_q;
    unique case (state_q)
      DivIdle: begin
        if (start_i) begin
          rem_d      = 32'd0;
          quo_d      = {1'b0, (is_signed && a_i[31]) ? (32'd0 - a_i) : a_i};
          dsr_d      = (is_signed && b_i[31]) ? (32'd0 - b_i) : b_i;
          neg_quo_d  = is_signed && (a_i[31] ^ b_i[31]) && (b_i != 32'd0);
          neg_rem_d  = is_signed && a_i[31];
          want_rem_d = op_i[1];
          count_d    = 6'd0;
          state_d    = DivIter;
        end
      end
      DivIter: begin
        rem_d   = rem_next;
        quo_d   = 33'({quo_q, qbit});
        count_d = count_q + 6'd1;
        if (count_q == 6'(Iters - 1)) state_d = DivDone;
      end
      DivDone: state_d = DivIdle;
      default: state_d = DivIdle;
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q <= DivIdle;
      count_q <= 6'd0;
    end else begin
      state_q <= state_d;
      count_q <= count_d;
    end
  end

  always_ff @(posedge clk_i) begin
    rem_q      <= rem_d;
    quo_q      <= quo_d;
    dsr_q      <= dsr_d;
    neg_quo_q  <= neg_quo_d;
    neg_rem_q  <= neg_rem_d;
    want_rem_q <= want_rem_d;
  end

  // One negation for both results.
  logic [31:0] magnitude;
  logic        negate;
  assign magnitude = want_rem_q ? rem_q : quo_q[31:0];
  assign negate    = want_rem_q ? neg_rem_q : neg_quo_q;

  assign busy_o   = (state_q != DivIdle);
  assign done_o   = (state_q == DivDone);
  assign result_o = negate ? (32'd0 - magnitude) : magnitude;

endmodule

`default_nettype wire
