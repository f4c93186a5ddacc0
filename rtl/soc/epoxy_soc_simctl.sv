// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: simulation control (EXIT, PUTC). Simulation only: the SoC instantiates it
// when its SimDevices parameter is set, and FPGA builds leave it out (its page then
// answers with a bus error).
//
// A write to EXIT pulses exit_o for one cycle with the code; a write to PUTC pulses
// putc_o with the character. The simulator acts on the pulses; the registers read 0.
`default_nettype none

module epoxy_soc_simctl (
  input  logic        clk_i,
  input  logic        rst_ni,

  input  logic [11:0] reg_offset_i,
  input  logic        reg_re_i,
  input  logic        reg_we_i,
  input  logic [31:0] reg_wdata_i,
  output logic        reg_hit_o,
  output logic [31:0] reg_rdata_o,

  output logic        exit_o,
  output logic [31:0] exit_code_o,
  output logic        putc_o,
  output logic [7:0]  putc_char_o
);

  assign reg_hit_o   = (reg_offset_i == epoxy_soc_map_pkg::SimctlExit) ||
                       (reg_offset_i == epoxy_soc_map_pkg::SimctlPutc);
  assign reg_rdata_o = 32'd0;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      exit_o      <= 1'b0;
      exit_code_o <= 32'd0;
      putc_o      <= 1'b0;
      putc_char_o <= 8'd0;
    end else begin
      // (The offsets are tested only on a write: this runs in every simulated cycle.)
      exit_o <= 1'b0;
      putc_o <= 1'b0;
      if (reg_we_i) begin
        if (reg_offset_i == epoxy_soc_map_pkg::SimctlExit) begin
          exit_o      <= 1'b1;
          exit_code_o <= reg_wdata_i;
        end
        if (reg_offset_i == epoxy_soc_map_pkg::SimctlPutc) begin
          putc_o      <= 1'b1;
          putc_char_o <= reg_wdata_i[7:0];
        end
      end
    end
  end

  logic unused;
  assign unused = reg_re_i;

endmodule

`default_nettype wire
