// SPDX-License-Identifier: Apache-2.0
// Epoxy core: integer register file, x1..x31, two (or three) read ports and one write port.
//
// Reads a and b are synchronous: the decode stage presents the addresses of its
// instruction, and at the edge where that instruction enters execute (re_i) the values are
// captured and then held while it stays there (nothing writes the registers meanwhile), so
// the storage maps to block RAM (iCE40, without port c) or LUT RAM plus flops (ECP5) and
// the execute stage starts from registered operands. A write at the same edge as a read of the same register
// is forwarded (the read returns the new value), so an instruction always sees the values
// left by every older instruction; the core writes registers only at retirement and never
// has two instructions in execute, so nothing else is needed. A third, asynchronous read
// port (c, parameter PortC) gives the decode stage the current value of its instruction's
// rs1 for the early address of a load, store or jalr; it has no forwarding (the core does
// not use it when the instruction in execute writes that register). x0 reads zero and
// ignores writes. The registers deliberately have no reset (SERV style: datapath state that
// software initialises); simulation starts them at zero like the ISS.
`default_nettype none

module epoxy_core_regfile #(
  parameter bit PortC = 1'b1   // 0: no asynchronous port (rdata_c_o reads 0)
) (
  input  logic        clk_i,
  input  logic        re_i,        // capture the values at raddr_a_i/raddr_b_i this edge
  input  logic [4:0]  raddr_a_i,
  output logic [31:0] rdata_a_o,   // value at raddr_a_i as of the last capturing edge
  input  logic [4:0]  raddr_b_i,
  output logic [31:0] rdata_b_o,
  input  logic [4:0]  raddr_c_i,   // asynchronous: the value stored now
  output logic [31:0] rdata_c_o,
  input  logic        we_i,
  input  logic [4:0]  waddr_i,
  input  logic [31:0] wdata_i
);

  // A read of the register written at the same edge is forwarded below, so what the RAM
  // itself returns then does not matter: no_rw_check tells Yosys so (otherwise it emulates
  // read-before-write on the iCE40 with a delayed write and a bypass: 72 flops, 71 LUTs).
  (* no_rw_check *)
  logic [31:0] regs_q [32];
  logic        wr;
  assign wr = we_i && (waddr_i != 5'd0);

`ifdef SYNTHESIS
  logic [31:0] ram_a_q, ram_b_q, fwd_data_q;
  logic        zero_a_q, zero_b_q, fwd_a_q, fwd_b_q;

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
`else
  // Simulation: the same values, with x0 and the forwarding resolved at the capturing edge,
  // so that the read registers hold the results (Verilator would otherwise update seven
  // registers at the edge and select between them in every cycle).
  logic [31:0] rd_a_q, rd_b_q;
  always_ff @(posedge clk_i) begin
    if (wr) regs_q[waddr_i] <= wdata_i;
    if (re_i) begin
      rd_a_q <= (raddr_a_i == 5'd0) ? 32'd0 :
                (wr && (waddr_i == raddr_a_i)) ? wdata_i : regs_q[raddr_a_i];
      rd_b_q <= (raddr_b_i == 5'd0) ? 32'd0 :
                (wr && (waddr_i == raddr_b_i)) ? wdata_i : regs_q[raddr_b_i];
    end
  end

  assign rdata_a_o = rd_a_q;
  assign rdata_b_o = rd_b_q;
`endif

  // iCE40 block RAM has no asynchronous read: with this port Yosys puts the whole register
  // file in flops there (ECP5 LUT RAM gets one more copy).
  if (PortC) begin : g_port_c
    assign rdata_c_o = (raddr_c_i == 5'd0) ? 32'd0 : regs_q[raddr_c_i];
  end else begin : g_no_port_c
    logic unused_c;
    assign unused_c  = ^raddr_c_i;
    assign rdata_c_o = 32'd0;
  end

endmodule

`default_nettype wire
