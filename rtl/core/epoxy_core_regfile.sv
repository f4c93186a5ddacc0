// SPDX-License-Identifier: Apache-2.0
// Epoxy core: integer register file, x1..x31, two read ports and one write port.
//
// Reads are combinational; the write lands at the clock edge, so an instruction reads the
// values left by every older instruction (the core writes registers only at retirement
// and never has two instructions past decode, so no forwarding is needed). x0 reads zero
// and ignores writes. The registers deliberately have no reset (SERV style: they are
// datapath state that software initialises, and leaving the reset out lets the storage
// map to plain flops or RAM); simulation starts them at zero like the ISS.
`default_nettype none

module epoxy_core_regfile (
  input  logic        clk_i,
  input  logic [4:0]  raddr_a_i,
  output logic [31:0] rdata_a_o,
  input  logic [4:0]  raddr_b_i,
  output logic [31:0] rdata_b_o,
  input  logic        we_i,
  input  logic [4:0]  waddr_i,
  input  logic [31:0] wdata_i
);

  logic [31:0] regs_q [32];

  always_ff @(posedge clk_i) begin
    if (we_i && (waddr_i != 5'd0)) regs_q[waddr_i] <= wdata_i;
  end

  assign rdata_a_o = (raddr_a_i == 5'd0) ? 32'd0 : regs_q[raddr_a_i];
  assign rdata_b_o = (raddr_b_i == 5'd0) ? 32'd0 : regs_q[raddr_b_i];

endmodule

`default_nettype wire
