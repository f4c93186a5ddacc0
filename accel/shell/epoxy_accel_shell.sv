// SPDX-License-Identifier: Apache-2.0
// Epoxy accelerator shell: what every coprocessor shares (docs/accel-shell.md).
//
// An OBI slave port for the generated register block (epoxy_accel_regs, via
// epoxy_accel_cpuif), the descriptor queue (epoxy_accel_queue), one OBI DMA master port
// shared by the queue (descriptor reads, only while the engine is idle) and the engine
// (its data), the interrupt line (the OR of the IRQ_STATUS bits enabled in CTRL) and the
// performance counters. The engine plugs in through the descriptor handshake, its result,
// the abort/idle pair and an OBI-like DMA client port of DmaLanes 32-bit lanes; its contract:
// accept a descriptor, run it, and report its result only when none of its DMA transactions
// is still in flight; while abort is high, stop issuing and report idle once drained.
// A DMA beat of a wide port (DmaLanes > 1) moves the consecutive words addr, addr + 4, ...
// on lanes 0, 1, ...: the enabled lanes (dma_be_o, four bits per lane) are always a prefix,
// the address needs only word alignment, and one err answers the whole beat. The queue's
// descriptor fetch uses lane 0 only. SHELL_CAPS.DMA_LANES reports DmaLanes. The shell does
// not bound its DMA itself: the SoC's IOPMP does (rtl/soc/epoxy_soc_iopmp.sv, docs/soc.md).
`default_nettype none

module epoxy_accel_shell #(
  parameter logic [31:0] AccelId      = 32'h4E54_5420,  // 'NTT '
  parameter logic [15:0] VersionMajor = 16'd1,
  parameter logic [15:0] VersionMinor = 16'd0,
  parameter int unsigned MaxQLog2     = 8,
  parameter int unsigned DmaLanes     = 1,              // 32-bit DMA lanes: 1, 2 or 4
  localparam int unsigned DW          = 32 * DmaLanes   // DMA data width
) (
  input  logic         clk_i,
  input  logic         rst_ni,

  // Register port (OBI slave, from the crossbar)
  input  logic         reg_req_i,
  output logic         reg_gnt_o,
  input  logic [31:0]  reg_addr_i,
  input  logic         reg_we_i,
  input  logic [3:0]   reg_be_i,
  input  logic [31:0]  reg_wdata_i,
  output logic         reg_rvalid_o,
  output logic [31:0]  reg_rdata_o,
  output logic         reg_err_o,

  // DMA port (OBI master, to the crossbar)
  output logic         dma_req_o,
  input  logic         dma_gnt_i,
  output logic [31:0]  dma_addr_o,
  output logic         dma_we_o,
  output logic [DW/8-1:0] dma_be_o,
  output logic [DW-1:0] dma_wdata_o,
  input  logic         dma_rvalid_i,
  input  logic [DW-1:0] dma_rdata_i,
  input  logic         dma_err_i,

  output logic         irq_o,
  output logic         busy_o,          // STATUS.BUSY: descriptors pending or running

  // Engine
  input  logic [31:0]  engine_caps_i,   // CAPS register value
  output logic         desc_valid_o,
  input  logic         desc_ready_i,
  output logic [255:0] desc_o,
  input  logic         result_valid_i,
  input  logic [7:0]   result_code_i,
  output logic         engine_abort_o,
  input  logic         engine_idle_i,
  input  logic         engine_stall_i,  // waiting for data (PERF_STALL)
  input  logic         eng_req_i,       // the engine's DMA requests
  output logic         eng_gnt_o,
  input  logic [31:0]  eng_addr_i,
  input  logic         eng_we_i,
  input  logic [DW/8-1:0] eng_be_i,
  input  logic [DW-1:0] eng_wdata_i,
  output logic         eng_rvalid_o,
  output logic [DW-1:0] eng_rdata_o,
  output logic         eng_err_o
);

  epoxy_accel_regs_pkg::epoxy_accel_regs__in_t  hwif_in;
  epoxy_accel_regs_pkg::epoxy_accel_regs__out_t hwif_out;

  // ---- Register block ----------------------------------------------------------------------
  logic        cpuif_req, cpuif_req_is_wr, cpuif_stall_wr, cpuif_stall_rd;
  logic        cpuif_rd_ack, cpuif_rd_err, cpuif_wr_ack, cpuif_wr_err;
  logic [5:0]  cpuif_addr;
  logic [31:0] cpuif_wr_data, cpuif_wr_biten, cpuif_rd_data;

  epoxy_accel_cpuif #(.AddrWidth(6)) u_cpuif (
    .clk_i, .rst_ni,
    .req_i (reg_req_i), .gnt_o (reg_gnt_o), .addr_i (reg_addr_i), .we_i (reg_we_i),
    .be_i (reg_be_i), .wdata_i (reg_wdata_i), .rvalid_o (reg_rvalid_o),
    .rdata_o (reg_rdata_o), .err_o (reg_err_o),
    .cpuif_req_o (cpuif_req), .cpuif_req_is_wr_o (cpuif_req_is_wr),
    .cpuif_addr_o (cpuif_addr), .cpuif_wr_data_o (cpuif_wr_data),
    .cpuif_wr_biten_o (cpuif_wr_biten), .cpuif_req_stall_wr_i (cpuif_stall_wr),
    .cpuif_req_stall_rd_i (cpuif_stall_rd), .cpuif_rd_ack_i (cpuif_rd_ack),
    .cpuif_rd_err_i (cpuif_rd_err), .cpuif_rd_data_i (cpuif_rd_data),
    .cpuif_wr_ack_i (cpuif_wr_ack), .cpuif_wr_err_i (cpuif_wr_err)
  );

  epoxy_accel_regs u_regs (
    .clk (clk_i), .arst_n (rst_ni),
    .s_cpuif_req (cpuif_req), .s_cpuif_req_is_wr (cpuif_req_is_wr),
    .s_cpuif_addr (cpuif_addr), .s_cpuif_wr_data (cpuif_wr_data),
    .s_cpuif_wr_biten (cpuif_wr_biten), .s_cpuif_req_stall_wr (cpuif_stall_wr),
    .s_cpuif_req_stall_rd (cpuif_stall_rd), .s_cpuif_rd_ack (cpuif_rd_ack),
    .s_cpuif_rd_err (cpuif_rd_err), .s_cpuif_rd_data (cpuif_rd_data),
    .s_cpuif_wr_ack (cpuif_wr_ack), .s_cpuif_wr_err (cpuif_wr_err),
    .hwif_in, .hwif_out
  );

  // ---- Queue ---------------------------------------------------------------------------------
  logic [15:0] qhead, err_index;
  logic [7:0]  err_code;
  logic        busy, error, aborting, irq_done, irq_error, irq_desc;
  logic        fetch_req, fetch_gnt, fetch_rvalid, fetch_err, fetch_active;
  logic [31:0] fetch_addr;

  epoxy_accel_queue #(.MaxQLog2(MaxQLog2)) u_queue (
    .clk_i, .rst_ni,
    .qbase_i (hwif_out.QBASE.ADDR.value), .qlog2_i (hwif_out.QSIZE.LOG2.value),
    .qtail_i (hwif_out.QTAIL.INDEX.value),
    .abort_i (hwif_out.CTRL.ABORT.value), .clear_error_i (hwif_out.CTRL.CLEAR_ERROR.value),
    .qhead_o (qhead), .busy_o (busy), .error_o (error), .aborting_o (aborting),
    .err_code_o (err_code), .err_index_o (err_index),
    .irq_done_o (irq_done), .irq_error_o (irq_error), .irq_desc_o (irq_desc),
    .fetch_req_o (fetch_req), .fetch_gnt_i (fetch_gnt), .fetch_addr_o (fetch_addr),
    .fetch_rvalid_i (fetch_rvalid), .fetch_rdata_i (dma_rdata_i[31:0]), .fetch_err_i (fetch_err),
    .fetch_active_o (fetch_active),
    .desc_valid_o, .desc_ready_i, .desc_o, .result_valid_i, .result_code_i,
    .engine_abort_o, .engine_idle_i
  );

  // ---- DMA port: the queue while it fetches, else the engine ---------------------------------
  assign dma_req_o    = fetch_active ? fetch_req : eng_req_i;
  assign dma_addr_o   = fetch_active ? fetch_addr : eng_addr_i;
  assign dma_we_o     = fetch_active ? 1'b0 : eng_we_i;
  assign dma_be_o     = fetch_active ? (DW/8)'(4'hF) : eng_be_i;   // the fetch: lane 0
  assign dma_wdata_o  = fetch_active ? '0 : eng_wdata_i;
  assign fetch_gnt    = fetch_active && dma_gnt_i;
  assign fetch_rvalid = fetch_active && dma_rvalid_i;
  assign fetch_err    = dma_err_i;
  assign eng_gnt_o    = !fetch_active && dma_gnt_i;
  assign eng_rvalid_o = !fetch_active && dma_rvalid_i;
  assign eng_rdata_o  = dma_rdata_i;
  assign eng_err_o    = dma_err_i;

  // ---- Performance counters --------------------------------------------------------------------
  logic [31:0] perf_busy_q, perf_stall_q, perf_dma_q;
  logic [4:0]  dma_inflight_q;   // requests granted, responses not yet received
  logic        dma_cycle;
  assign dma_cycle = dma_req_o || (dma_inflight_q != 5'd0);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      perf_busy_q    <= 32'd0;
      perf_stall_q   <= 32'd0;
      perf_dma_q     <= 32'd0;
      dma_inflight_q <= 5'd0;
    end else begin
      dma_inflight_q <= dma_inflight_q + 5'((dma_req_o && dma_gnt_i) ? 1 : 0)
                                       - 5'(dma_rvalid_i ? 1 : 0);
      if (hwif_out.CTRL.CLEAR_PERF.value) begin
        perf_busy_q  <= 32'd0;
        perf_stall_q <= 32'd0;
        perf_dma_q   <= 32'd0;
      end else begin
        if (busy) perf_busy_q <= perf_busy_q + 32'd1;
        if (busy && engine_stall_i) perf_stall_q <= perf_stall_q + 32'd1;
        if (dma_cycle) perf_dma_q <= perf_dma_q + 32'd1;
      end
    end
  end

  // ---- Register inputs and the interrupt ------------------------------------------------------
  // Every field is assigned (no '0 default: Verilator 5.006 cannot assign a constant to the
  // generated unpacked structs).
  always_comb begin
    hwif_in.ID.ID.next                   = AccelId;
    hwif_in.VERSION.MAJOR.next           = VersionMajor;
    hwif_in.VERSION.MINOR.next           = VersionMinor;
    hwif_in.CAPS.VALUE.next              = engine_caps_i;
    hwif_in.SHELL_CAPS.DMA_LANES.next    = 8'(DmaLanes);
    hwif_in.SHELL_CAPS.MAX_QLOG2.next    = 4'(MaxQLog2);
    hwif_in.SHELL_CAPS.DESC_BYTES.next   = 8'd32;
    hwif_in.STATUS.BUSY.next             = busy;
    hwif_in.STATUS.ERROR.next            = error;
    hwif_in.STATUS.ABORTING.next         = aborting;
    hwif_in.ERR.CODE.next                = err_code;
    hwif_in.ERR.INDEX.next               = err_index;
    hwif_in.IRQ_STATUS.DONE.hwset        = irq_done;
    hwif_in.IRQ_STATUS.ERROR.hwset       = irq_error;
    hwif_in.IRQ_STATUS.DESC.hwset        = irq_desc;
    hwif_in.QHEAD.INDEX.next             = qhead;
    hwif_in.PERF_BUSY.COUNT.next         = perf_busy_q;
    hwif_in.PERF_STALL.COUNT.next        = perf_stall_q;
    hwif_in.PERF_DMA.COUNT.next          = perf_dma_q;
  end

  assign busy_o = busy;

  assign irq_o = (hwif_out.IRQ_STATUS.DONE.value  && hwif_out.CTRL.IRQ_EN_DONE.value) ||
                 (hwif_out.IRQ_STATUS.ERROR.value && hwif_out.CTRL.IRQ_EN_ERROR.value) ||
                 (hwif_out.IRQ_STATUS.DESC.value  && hwif_out.CTRL.IRQ_EN_DESC.value);

  logic unused;
  assign unused = hwif_out.QTAIL.INDEX.swmod;

endmodule

`default_nettype wire
