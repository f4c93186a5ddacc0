// SPDX-License-Identifier: Apache-2.0
// The NTT coprocessor: the accelerator shell (accel/shell) with the NTT engine. Its ports are
// the shell's: the register port (OBI slave), the DMA port (OBI master) and the interrupt.
// This is the block the SoC instantiates and the host tests Verilate (docs/ntt.md). DmaLanes
// sets the DMA width (32 x DmaLanes bits) of the shell and the engine alike.
// The DMA response (rvalid, rdata, err) is registered on its way in: the shell and the engine
// see it one cycle after the bus gives it, so that no path runs from a memory's read data
// through the engine's input checks (element >= p) and stream logic. The OBI response latency
// is open, and both count requests in flight until they see the response, so this costs one
// cycle per read stream and changes nothing else.
`default_nettype none

module epoxy_ntt_top #(
  parameter int unsigned P        = 8,
  parameter int unsigned MaxLogN  = 14,
  parameter logic [4:0]  Fields   = 5'b11111,
  parameter int unsigned MaxQLog2 = 8,
  parameter int unsigned DmaLanes = 1,       // 32-bit DMA lanes: 1, 2 or 4 (SHELL_CAPS.DMA_LANES)
  localparam int unsigned DW      = 32 * DmaLanes
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        reg_req_i,
  output logic        reg_gnt_o,
  input  logic [31:0] reg_addr_i,
  input  logic        reg_we_i,
  input  logic [3:0]  reg_be_i,
  input  logic [31:0] reg_wdata_i,
  output logic        reg_rvalid_o,
  output logic [31:0] reg_rdata_o,
  output logic        reg_err_o,
  output logic        dma_req_o,
  input  logic        dma_gnt_i,
  output logic [31:0] dma_addr_o,
  output logic        dma_we_o,
  output logic [DW/8-1:0] dma_be_o,
  output logic [DW-1:0] dma_wdata_o,
  input  logic        dma_rvalid_i,
  input  logic [DW-1:0] dma_rdata_i,
  input  logic        dma_err_i,
  output logic        irq_o,
  output logic        busy_o         // descriptors pending or running (for statistics)
);

  logic         desc_valid, desc_ready, result_valid, engine_abort, engine_idle, engine_stall;
  logic [255:0] desc;
  logic [7:0]   result_code;
  logic [31:0]  caps;
  logic         eng_req, eng_gnt, eng_we, eng_rvalid, eng_err;
  logic [31:0]  eng_addr;
  logic [DW-1:0] eng_wdata, eng_rdata;
  logic [DW/8-1:0] eng_be;

  logic          rsp_valid_q, rsp_err_q;   // the bus's DMA response, a cycle later
  logic [DW-1:0] rsp_rdata_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rsp_valid_q <= 1'b0;
      rsp_err_q   <= 1'b0;
    end else begin
      rsp_valid_q <= dma_rvalid_i;
      rsp_err_q   <= dma_rvalid_i && dma_err_i;
    end
  end
  always_ff @(posedge clk_i) if (dma_rvalid_i) rsp_rdata_q <= dma_rdata_i;

  epoxy_accel_shell #(.AccelId(32'h4E54_5420), .MaxQLog2(MaxQLog2), .DmaLanes(DmaLanes)) u_shell (
    .clk_i, .rst_ni,
    .reg_req_i, .reg_gnt_o, .reg_addr_i, .reg_we_i, .reg_be_i, .reg_wdata_i,
    .reg_rvalid_o, .reg_rdata_o, .reg_err_o,
    .dma_req_o, .dma_gnt_i, .dma_addr_o, .dma_we_o, .dma_be_o, .dma_wdata_o,
    .dma_rvalid_i (rsp_valid_q), .dma_rdata_i (rsp_rdata_q), .dma_err_i (rsp_err_q),
    .irq_o, .busy_o,
    .engine_caps_i (caps),
    .desc_valid_o (desc_valid), .desc_ready_i (desc_ready), .desc_o (desc),
    .result_valid_i (result_valid), .result_code_i (result_code),
    .engine_abort_o (engine_abort), .engine_idle_i (engine_idle),
    .engine_stall_i (engine_stall),
    .eng_req_i (eng_req), .eng_gnt_o (eng_gnt), .eng_addr_i (eng_addr), .eng_we_i (eng_we),
    .eng_be_i (eng_be), .eng_wdata_i (eng_wdata), .eng_rvalid_o (eng_rvalid),
    .eng_rdata_o (eng_rdata), .eng_err_o (eng_err)
  );

  epoxy_ntt_engine #(.P(P), .MaxLogN(MaxLogN), .Fields(Fields), .DmaLanes(DmaLanes)) u_engine (
    .clk_i, .rst_ni,
    .desc_valid_i (desc_valid), .desc_ready_o (desc_ready), .desc_i (desc),
    .result_valid_o (result_valid), .result_code_o (result_code),
    .abort_i (engine_abort), .idle_o (engine_idle), .stall_o (engine_stall), .caps_o (caps),
    .dma_req_o (eng_req), .dma_gnt_i (eng_gnt), .dma_addr_o (eng_addr), .dma_we_o (eng_we),
    .dma_be_o (eng_be), .dma_wdata_o (eng_wdata), .dma_rvalid_i (eng_rvalid),
    .dma_rdata_i (eng_rdata), .dma_err_i (eng_err)
  );

endmodule

`default_nettype wire
