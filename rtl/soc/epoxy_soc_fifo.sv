// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: small synchronous FIFO (power-of-two depth) for the UART.
//
// Push and pop in the same cycle are both honoured. A push when full and a pop when empty
// are ignored (the UART counts neither: TX drops a byte written while full, as documented
// for TXDATA, and RX only pops a byte it has shown). Storage has no reset.
`default_nettype none

module epoxy_soc_fifo #(
  parameter int unsigned Width = 8,
  parameter int unsigned Depth = 16   // power of two, >= 2
) (
  input  logic             clk_i,
  input  logic             rst_ni,
  input  logic             push_i,
  input  logic [Width-1:0] wdata_i,
  input  logic             pop_i,
  output logic [Width-1:0] rdata_o,   // oldest entry (valid when !empty_o)
  output logic             empty_o,
  output logic             full_o,
  output logic [$clog2(Depth):0] count_o
);

  localparam int unsigned AW = $clog2(Depth);

  logic [Width-1:0] mem_q [Depth];
  logic [AW-1:0]    rptr_q, wptr_q;
  logic [AW:0]      count_q;
  logic             do_push, do_pop;

  assign empty_o = (count_q == '0);
  assign full_o  = (count_q == (AW + 1)'(Depth));
  assign count_o = count_q;
  assign do_push = push_i && !full_o;
  assign do_pop  = pop_i && !empty_o;
  assign rdata_o = mem_q[rptr_q];

  // Storage: no reset.
  always_ff @(posedge clk_i) begin
    if (do_push) mem_q[wptr_q] <= wdata_i;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rptr_q  <= '0;
      wptr_q  <= '0;
      count_q <= '0;
    end else begin
      if (do_push) wptr_q <= wptr_q + AW'(1);
      if (do_pop) rptr_q <= rptr_q + AW'(1);
      count_q <= count_q + (AW + 1)'(do_push) - (AW + 1)'(do_pop);
    end
  end

endmodule

`default_nettype wire
