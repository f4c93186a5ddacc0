// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: OBI slave port to a simple device register interface.
//
// Every device of the SoC sits behind one of these. It grants every request at once and
// answers exactly one cycle later (the crossbar's slave contract, docs/soc.md). Only
// naturally aligned 32-bit data accesses reach the device: any other byte-enable pattern,
// and any offset the device does not decode (reg_hit_i low), is answered with err and has
// no effect. The device sees a one-cycle read or write strobe with the page offset and
// returns its read data and hit combinationally. A read with side effects (a FIFO pop)
// happens only when the access is legal.
`default_nettype none

module epoxy_soc_reg_adapter (
  input  logic        clk_i,
  input  logic        rst_ni,

  // OBI slave port (from the crossbar)
  input  logic        req_i,
  output logic        gnt_o,
  input  logic [31:0] addr_i,
  input  logic        we_i,
  input  logic [3:0]  be_i,
  input  logic [31:0] wdata_i,
  output logic        rvalid_o,
  output logic [31:0] rdata_o,
  output logic        err_o,

  // Device register interface
  output logic [11:0] reg_offset_o,  // byte offset in the device's 4 KiB page
  output logic        reg_re_o,      // read strobe (legal access)
  output logic        reg_we_o,      // write strobe (legal access)
  output logic [31:0] reg_wdata_o,
  input  logic        reg_hit_i,     // the device has a register at reg_offset_o
  input  logic [31:0] reg_rdata_i    // its value (valid with reg_re_o)
);

  logic legal;
  assign legal = req_i && (be_i == 4'hF) && (addr_i[1:0] == 2'b00) && reg_hit_i;

  assign gnt_o        = 1'b1;
  assign reg_offset_o = addr_i[11:0];
  assign reg_re_o     = legal && !we_i;
  assign reg_we_o     = legal && we_i;
  assign reg_wdata_o  = wdata_i;

  // The crossbar has already decoded the page; only the offset matters here.
  logic unused;
  assign unused = ^addr_i[31:12];

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rvalid_o <= 1'b0;
      err_o    <= 1'b0;
      rdata_o  <= 32'd0;
    end else begin
      rvalid_o <= req_i;
      err_o    <= req_i && !legal;
      rdata_o  <= (req_i && legal && !we_i) ? reg_rdata_i : 32'd0;
    end
  end

endmodule

`default_nettype wire
