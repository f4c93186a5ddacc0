// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: machine timer (CLINT-style mtime, mtimecmp, msip).
//
// mtime counts clock cycles from reset; MTI is pending while mtime >= mtimecmp (mtimecmp
// resets to all ones, so nothing is pending until software sets it), and MSIP[0] drives
// the machine software interrupt. Both halves of mtime and mtimecmp are writable; a write
// to a half takes effect at once and mtime keeps counting from the written value. time_o
// feeds the core's time/timeh CSRs. It deliberately has no prescaler.
`default_nettype none

module epoxy_soc_timer (
  input  logic        clk_i,
  input  logic        rst_ni,

  input  logic [11:0] reg_offset_i,
  input  logic        reg_re_i,
  input  logic        reg_we_i,
  input  logic [31:0] reg_wdata_i,
  output logic        reg_hit_o,
  output logic [31:0] reg_rdata_o,

  output logic [63:0] time_o,
  output logic        irq_timer_o,
  output logic        irq_software_o
);

  // mtimecmp is stored inverted: mtime >= mtimecmp is then the carry out of
  // mtime + ~mtimecmp + 1, a carry chain straight from the two registers (no inverters in
  // front of it: 64 logic cells less on the iCE40).
  logic [63:0] mtime_q, mtimecmp_n_q;
  logic        msip_q;

  always_comb begin
    reg_hit_o   = 1'b1;
    reg_rdata_o = 32'd0;
    unique case (reg_offset_i)
      epoxy_soc_map_pkg::TimerMtime:     reg_rdata_o = mtime_q[31:0];
      epoxy_soc_map_pkg::TimerMtimeh:    reg_rdata_o = mtime_q[63:32];
      epoxy_soc_map_pkg::TimerMtimecmp:  reg_rdata_o = ~mtimecmp_n_q[31:0];
      epoxy_soc_map_pkg::TimerMtimecmph: reg_rdata_o = ~mtimecmp_n_q[63:32];
      epoxy_soc_map_pkg::TimerMsip:      reg_rdata_o = {31'd0, msip_q};
      default:                           reg_hit_o = 1'b0;
    endcase
  end

  logic        wr_lo, wr_hi;
  assign wr_lo   = reg_we_i && (reg_offset_i == epoxy_soc_map_pkg::TimerMtime);
  assign wr_hi   = reg_we_i && (reg_offset_i == epoxy_soc_map_pkg::TimerMtimeh);
`ifdef SYNTHESIS
  logic [32:0] lo_next;
  assign lo_next = {1'b0, mtime_q[31:0]} + 33'd1;
`endif

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      mtime_q    <= 64'd0;
      mtimecmp_n_q <= '0;  // mtimecmp = all ones
      msip_q     <= 1'b0;
    end else begin
      // mtime counts in two halves (one write multiplexer per bit on the iCE40): the upper
      // half takes the lower half's carry, also in the cycle the lower half is written.
`ifdef SYNTHESIS
      mtime_q[31:0]  <= wr_lo ? reg_wdata_i : lo_next[31:0];
      mtime_q[63:32] <= wr_hi ? reg_wdata_i : mtime_q[63:32] + {31'd0, lo_next[32]};
`else
      // (Simulation: the same as one 64-bit increment, then the written half.)
      mtime_q <= mtime_q + 64'd1;
      if (wr_lo) mtime_q[31:0]  <= reg_wdata_i;
      if (wr_hi) mtime_q[63:32] <= reg_wdata_i;
`endif
      if (reg_we_i) begin
        unique case (reg_offset_i)
          epoxy_soc_map_pkg::TimerMtimecmp:  mtimecmp_n_q[31:0]  <= ~reg_wdata_i;
          epoxy_soc_map_pkg::TimerMtimecmph: mtimecmp_n_q[63:32] <= ~reg_wdata_i;
          epoxy_soc_map_pkg::TimerMsip:      msip_q            <= reg_wdata_i[0];
          default: ;
        endcase
      end
    end
  end

  assign time_o         = mtime_q;
`ifdef SYNTHESIS
  logic [64:0] cmp_sum;
  assign cmp_sum        = 65'(mtime_q) + 65'(mtimecmp_n_q) + 65'd1;
  assign irq_timer_o    = cmp_sum[64];
  logic unused_sum;
  assign unused_sum     = ^cmp_sum[63:0];
`else
  // The same comparison in the form a simulator evaluates fastest (a 65-bit sum is three
  // words in Verilator, and mtime changes every cycle).
  assign irq_timer_o    = mtime_q >= ~mtimecmp_n_q;
`endif
  assign irq_software_o = msip_q;

  logic unused;
  assign unused = reg_re_i;

endmodule

`default_nettype wire
