// SPDX-License-Identifier: Apache-2.0
// Epoxy accelerator shell: OBI slave port to the generated register block's passthrough
// CPU interface (accel/shell/gen/epoxy_accel_regs.sv, PeakRDL-regblock).
//
// Keeps the SoC crossbar's slave contract (docs/soc.md): every request is granted at once
// and answered exactly one cycle later. The register block answers a passthrough request
// in the same cycle (its read and write latencies are balanced and it never stalls), so
// this adapter only forwards the request and registers the acknowledgement, data and
// error. Byte enables become bit enables; an access to an unmapped offset, a write to a
// read-only register or a read of a write-only one comes back with err (the block is
// generated with --err-if-bad-addr --err-if-bad-rw). Only the offset inside the block's
// window reaches it (AddrWidth bits).
`default_nettype none

module epoxy_accel_cpuif #(
  parameter int unsigned AddrWidth = 6
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // OBI slave (from the crossbar)
  input  logic                 req_i,
  output logic                 gnt_o,
  input  logic [31:0]          addr_i,
  input  logic                 we_i,
  input  logic [3:0]           be_i,
  input  logic [31:0]          wdata_i,
  output logic                 rvalid_o,
  output logic [31:0]          rdata_o,
  output logic                 err_o,

  // PeakRDL passthrough CPU interface (to the register block)
  output logic                 cpuif_req_o,
  output logic                 cpuif_req_is_wr_o,
  output logic [AddrWidth-1:0] cpuif_addr_o,
  output logic [31:0]          cpuif_wr_data_o,
  output logic [31:0]          cpuif_wr_biten_o,
  input  logic                 cpuif_req_stall_wr_i,
  input  logic                 cpuif_req_stall_rd_i,
  input  logic                 cpuif_rd_ack_i,
  input  logic                 cpuif_rd_err_i,
  input  logic [31:0]          cpuif_rd_data_i,
  input  logic                 cpuif_wr_ack_i,
  input  logic                 cpuif_wr_err_i
);

  assign gnt_o             = 1'b1;
  assign cpuif_req_o       = req_i;
  assign cpuif_req_is_wr_o = we_i;
  assign cpuif_addr_o      = {addr_i[AddrWidth-1:2], 2'b00};
  assign cpuif_wr_data_o   = wdata_i;
  assign cpuif_wr_biten_o  = {{8{be_i[3]}}, {8{be_i[2]}}, {8{be_i[1]}}, {8{be_i[0]}}};

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rvalid_o <= 1'b0;
      rdata_o  <= 32'd0;
      err_o    <= 1'b0;
    end else begin
      rvalid_o <= req_i;
      rdata_o  <= cpuif_rd_ack_i ? cpuif_rd_data_i : 32'd0;
      // A request the block did not acknowledge in its cycle is an error too, so the
      // response is never lost.
      err_o    <= req_i && ((cpuif_rd_ack_i && cpuif_rd_err_i) ||
                            (cpuif_wr_ack_i && cpuif_wr_err_i) ||
                            !(cpuif_rd_ack_i || cpuif_wr_ack_i));
    end
  end

  // The block never stalls (it has no external registers); the crossbar holds the rest.
  logic unused;
  assign unused = ^{addr_i[31:AddrWidth], addr_i[1:0], cpuif_req_stall_wr_i, cpuif_req_stall_rd_i};

endmodule

`default_nettype wire
