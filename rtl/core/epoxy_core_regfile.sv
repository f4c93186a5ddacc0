// SPDX-License-Identifier: Apache-2.0
// Epoxy core: integer register file, x1..x31, two read ports and one write port.
//
// Reads are synchronous: the decode stage presents the addresses of its instruction, and
// at the edge where that instruction enters execute (re_i) the values are captured and
// then held while it stays there (nothing writes the registers meanwhile), so
// the storage maps to block RAM (iCE40) or LUT RAM plus flops (ECP5) and the execute stage
// starts from registered operands. A write at the same edge as a read of the same register
// is forwarded (the read returns the new value), so an instruction always sees the values
// left by every older instruction; the core writes registers only at retirement and never
// has two instructions in execute, so nothing else is needed. x0 reads zero and ignores
// writes. The registers deliberately have no reset (SERV style: datapath state that
// software initialises); simulation starts them at zero like the ISS.
`default_nettype none

module epoxy_core_regfile (
  input  logic        clk_i,
  input  logic        re_i,        // capture the values at raddr_a_i/raddr_b_i this edge
  input  logic [4:0]  raddr_a_i,
  output logic [31:0] rdata_a_o,   // value at raddr_a_i as of the last capturing edge
  input  logic [4:0]  raddr_b_i,
  output logic [31:0] rdata_b_o,
  input  logic        we_i,
  input  logic [4:0]  waddr_i,
  input  logic [31:0] wdata_i
);

  logic [31:0] regs_q [32];
  logic [31:0] ram_a_q, ram_b_q, fwd_data_q;
  logic        zero_a_q, zero_b_q, fwd_a_q, fwd_b_q;
  logic        wr;
  assign wr = we_i && (waddr_i != 5'd0);

  // Storage and read registers: no reset (RAM-mappable).
  always_ff @(posedge clk_i) begin
    if (wr) regs_q[waddr_i] <= wdata_i;
    if (re_i) begin
      ram_a_q    <= regs_q[raddr_a_i];
      ram_b_q    <= regs_q[raddr_b_i];
      fwd_data_q <= wdata_i;
      zero_a_q   <= (raddr_a_i == 5'd0);
      zero_b_q   <= (raddr_b_i == 5'd0);
      fwd_a_q    <= wr && (waddr_i == raddr_a_i);
      fwd_b_q    <= wr && (waddr_i == raddr_b_i);
    end
  end

  assign rdata_a_o = zero_a_q ? 32'd0 : fwd_a_q ? fwd_data_q : ram_a_q;
  assign rdata_b_o = zero_b_q ? 32'd0 : fwd_b_q ? fwd_data_q : ram_b_q;

endmodule

`default_nettype wire
