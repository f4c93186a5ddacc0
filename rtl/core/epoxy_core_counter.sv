// SPDX-License-Identifier: Apache-2.0
// Epoxy core: one 64-bit performance counter (mcycle, minstret, mhpmcounter3/4).
//
// Counts up by one in each cycle with inc_i; a CSR write of one half (wr_lo_i or wr_hi_i,
// never both) replaces that half with wdata_i, and in that cycle the counter does not
// count (the other half keeps its value), as the ISS does. Written as two 32-bit halves,
// the upper one counting on the lower one's carry: each bit is then an incrementer bit and
// a write multiplexer under a per-half enable, which on the iCE40 is about half the logic
// of a 64-bit add followed by a 64-bit multiplexer for each kind of write.
`default_nettype none

module epoxy_core_counter (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        inc_i,
  input  logic        wr_lo_i,
  input  logic        wr_hi_i,
  input  logic [31:0] wdata_i,
  output logic [63:0] value_o
);

`ifdef SYNTHESIS
  logic [31:0] lo_q, hi_q;
  logic [32:0] lo_next;
  logic        count;
  assign lo_next = {1'b0, lo_q} + 33'd1;
  assign count   = inc_i && !wr_lo_i && !wr_hi_i;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      lo_q <= 32'd0;
      hi_q <= 32'd0;
    end else begin
      if (wr_lo_i)    lo_q <= wdata_i;
      else if (count) lo_q <= lo_next[31:0];
      if (wr_hi_i)                    hi_q <= wdata_i;
      else if (count && lo_next[32])  hi_q <= hi_q + 32'd1;
    end
  end

  assign value_o = {hi_q, lo_q};
`else
  // Simulation: the same counter as one 64-bit register (one add in Verilator instead of a
  // 33-bit add, a carry test and two 32-bit updates in every cycle).
  logic [63:0] count_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)      count_q <= 64'd0;
    else if (wr_lo_i) count_q[31:0]  <= wdata_i;
    else if (wr_hi_i) count_q[63:32] <= wdata_i;
    else if (inc_i)   count_q <= count_q + 64'd1;
  end
  assign value_o = count_q;
`endif

endmodule

`default_nettype wire
