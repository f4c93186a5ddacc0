// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: simulation interrupt source. Simulation only (SimDevices), like simctl.
//
// Holds one level per platform interrupt line at its mip bit position: [11] the machine
// external interrupt, [16+i] local (accelerator) line i. SET raises lines, CLEAR lowers
// them (the program's acknowledgement), PENDING reads them. The same device exists in the
// ISS and the core testbench, so interrupt tests run unchanged on all three.
`default_nettype none

module epoxy_soc_simirq #(
  parameter int unsigned NumLocal = 3   // 1..16
) (
  input  logic                clk_i,
  input  logic                rst_ni,

  input  logic [11:0]         reg_offset_i,
  input  logic                reg_re_i,
  input  logic                reg_we_i,
  input  logic [31:0]         reg_wdata_i,
  output logic                reg_hit_o,
  output logic [31:0]         reg_rdata_o,

  output logic                irq_external_o,
  output logic [NumLocal-1:0] irq_local_o
);

  localparam logic [31:0] Lines = 32'hFFFF_0800;  // MEIP and 16 local lines

  logic [31:0] pending_q;

  always_comb begin
    reg_hit_o   = 1'b1;
    reg_rdata_o = 32'd0;
    unique case (reg_offset_i)
      epoxy_soc_map_pkg::SimirqPending: reg_rdata_o = pending_q;
      epoxy_soc_map_pkg::SimirqSet,
      epoxy_soc_map_pkg::SimirqClear:   reg_rdata_o = 32'd0;
      default:                          reg_hit_o = 1'b0;
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      pending_q <= 32'd0;
    end else if (reg_we_i) begin
      if (reg_offset_i == epoxy_soc_map_pkg::SimirqSet)   pending_q <= pending_q | (reg_wdata_i & Lines);
      if (reg_offset_i == epoxy_soc_map_pkg::SimirqClear) pending_q <= pending_q & ~reg_wdata_i;
    end
  end

  assign irq_external_o = pending_q[11];
  assign irq_local_o    = pending_q[16 +: NumLocal];

  logic unused;
  assign unused = reg_re_i;

endmodule

`default_nettype wire
