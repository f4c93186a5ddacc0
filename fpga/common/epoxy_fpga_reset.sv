// SPDX-License-Identifier: Apache-2.0
// Epoxy on an FPGA board: reset synchroniser.
//
// rst_no is asserted at once (asynchronously) while the clock is not locked or a reset is
// requested (a button: asynchronous, may bounce), and released synchronously, Stages clock
// edges after both have gone, so every flop of the SoC leaves reset in the same cycle. The
// flops start at 0 when the FPGA is configured (iCE40 and ECP5), so the SoC is also held in
// reset for Stages cycles after configuration. It deliberately does not debounce: a bounce
// only lengthens the reset.
`default_nettype none

module epoxy_fpga_reset #(
  parameter int unsigned Stages = 4   // >= 2
) (
  input  logic clk_i,
  input  logic locked_i,    // PLL lock (1 without a PLL)
  input  logic rst_req_i,   // active high, asynchronous
  output logic rst_no       // active low, asynchronous assertion, synchronous release
);

  logic             arst;
  logic [Stages-1:0] sync_q;

  assign arst = !locked_i || rst_req_i;

  always_ff @(posedge clk_i or posedge arst) begin
    if (arst) sync_q <= '0;
    else      sync_q <= {sync_q[Stages-2:0], 1'b1};
  end

  assign rst_no = sync_q[Stages-1];

endmodule

`default_nettype wire
