// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: the glue core, its OBI crossbar, boot ROM, banked SRAM and peripherals.
//
// Masters: the core's data port (0) and instruction port (1) on the main crossbar; with
// NttEnable, the NTT coprocessor's DMA port reaches the SRAM only, through
// epoxy_soc_dma_arb: its address selects a bank or the module's error responder (the
// accelerator cannot touch devices, the ROM or its own registers), and a two-master
// round-robin arbiter in front of each SRAM bank shares it with the main crossbar's port.
// The IOPMP (epoxy_soc_iopmp, with the NTT) checks every beat against its windows in
// parallel with that decode and, when it refuses one, turns its bank select into the error
// responder's; its registers are a device page like the others.
// The DMA is NttDmaLanes 32-bit words wide: a beat's consecutive words sit in as many different
// banks (NttDmaLanes <= SramBanks) and are served in one cycle when the DMA wins all of them.
// Every stage keeps the slave contract (answer one cycle after the grant): no extra cycle. Slaves: the boot ROM, SramBanks word-interleaved SRAM banks (bank
// = address bits [2 +: log2(SramBanks)], so sequential fetch and data accesses to nearby
// words usually go to different banks and proceed in the same cycle), the UART, the
// machine timer, GPIO, and with SimDevices the sim-control device and the sim interrupt
// source. Addresses come from the generated package epoxy_soc_map_pkg (single source:
// rtl/soc/memory_map.toml). The decode answers with a bus error (through the crossbar's
// error responder, never reaching a slave): unmapped addresses, SRAM addresses beyond
// SramBytes, the IOPMP page without the NTT, sim-only pages when SimDevices is 0, and instruction
// fetches from device pages. Devices reject non-word accesses themselves and the ROM
// rejects writes. Interrupts: timer MTI/MSI, MEI from irq_external_i or the sim source,
// accelerator lines from the sim source ORed with the accelerators' (the NTT on local line
// NttIrq). The NTT coprocessor (accel/ntt: the accelerator shell and the NTT engine) answers
// at its page of the memory map with the shell's registers.
//
// It deliberately has no debug module, no caches and no clock or reset generation (a
// board top provides a clock and a synchronised active-low reset).
`default_nettype none

module epoxy_soc #(
  parameter int unsigned SramBytes   = 32'h0004_0000,  // up to the map's SRAM size
  parameter int unsigned SramBanks   = 4,              // power of two
  parameter int unsigned RomBytes    = 32'h0000_4000,  // up to the map's ROM size
  parameter              RomInitFile = "",             // $readmemh image (bootloader); untyped for Yosys
  parameter bit          SimDevices  = 1'b1,           // sim-control and sim interrupt source
  parameter int unsigned PmpEntries  = 16,
  parameter int unsigned HpmCounters = 1,
  parameter int unsigned EarlyAddr   = 1,              // core: 0 for small iCE40 builds
  parameter int unsigned DivStepsPerCycle = 3,         // core: 1 for small iCE40 builds
  parameter int unsigned FetchDepth  = 4,              // core: 2 for small iCE40 builds
  parameter int unsigned MulCycles   = 1,              // core: 2 registers the product (Fmax)
  parameter int unsigned FastBranch  = 1,              // core: 0 registers a branch's outcome (Fmax)
  parameter int unsigned UartFifoDepth = 16,           // UART TX and RX FIFO bytes
  parameter int unsigned GpioWidth   = epoxy_soc_map_pkg::GpioPins,
  parameter logic [15:0] UartClkDivReset = 16'd0,
  parameter bit          NttEnable   = 1'b1,           // the NTT coprocessor
  parameter int unsigned NttP        = epoxy_soc_map_pkg::NttP,
  parameter int unsigned NttMaxLogN  = epoxy_soc_map_pkg::NttMaxLogN,
  parameter logic [4:0]  NttFields   = 5'(epoxy_soc_map_pkg::NttFields),
  // 32-bit DMA lanes of the NTT block (1, 2 or 4; at most SramBanks): 4 with 4 or more banks
  parameter int unsigned NttDmaLanes = (SramBanks >= epoxy_soc_map_pkg::NttDmaLanes) ?
                                       epoxy_soc_map_pkg::NttDmaLanes : SramBanks
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,
  input  logic [31:0]          boot_addr_i,       // first pc (a board ties it to the ROM)

  // Board pins
  output logic                 uart_tx_o,
  input  logic                 uart_rx_i,
  output logic                 uart_rx_ready_o,   // RTS-style: room in the RX FIFO
  output logic [GpioWidth-1:0] gpio_o,
  input  logic [GpioWidth-1:0] gpio_i,
  input  logic                 irq_external_i,

  // Simulation: sim-control events, UART bit time, bus activity per master port
  output logic                 sim_exit_o,
  output logic [31:0]          sim_exit_code_o,
  output logic                 sim_putc_o,
  output logic [7:0]           sim_putc_char_o,
  output logic [15:0]          uart_clkdiv_o,
  output logic [2:0]           bus_req_o,         // [0] core data, [1] core instruction, [2] NTT DMA
  output logic [2:0]           bus_gnt_o,
  output logic                 ntt_busy_o,        // NTT: descriptors pending or running
  output logic                 core_sleeping_o,
  output logic                 core_stall_o,      // EX busy without a record (load, store, div)
  output logic                 core_bubble_o,     // EX empty while fetch refills after a jump

  // RVFI trace of the core (see rtl/core/epoxy_core.sv)
  output logic                 rvfi_valid_o,
  output logic [63:0]          rvfi_order_o,
  output logic [31:0]          rvfi_insn_o,
  output logic                 rvfi_trap_o,
  output logic                 rvfi_intr_o,
  output logic [1:0]           rvfi_mode_o,
  output logic [4:0]           rvfi_rs1_addr_o,
  output logic [4:0]           rvfi_rs2_addr_o,
  output logic [31:0]          rvfi_rs1_rdata_o,
  output logic [31:0]          rvfi_rs2_rdata_o,
  output logic [4:0]           rvfi_rd_addr_o,
  output logic [31:0]          rvfi_rd_wdata_o,
  output logic [31:0]          rvfi_pc_rdata_o,
  output logic [31:0]          rvfi_pc_wdata_o,
  output logic [31:0]          rvfi_mem_addr_o,
  output logic [3:0]           rvfi_mem_rmask_o,
  output logic [3:0]           rvfi_mem_wmask_o,
  output logic [31:0]          rvfi_mem_rdata_o,
  output logic [31:0]          rvfi_mem_wdata_o,
  output logic [3:0]           rvfi_csr_wvalid_o,
  output logic [47:0]          rvfi_csr_waddr_o,
  output logic [127:0]         rvfi_csr_wdata_o
`ifdef EPOXY_SOC_NTT_EXTERNAL
  ,
  // Simulation only (epoxy-sim): the NTT coprocessor's ports, for the same epoxy_ntt_top
  // Verilated as a model of its own that the simulator evaluates only while it is active
  // (docs/epoxy-sim.md). Every output of epoxy_ntt_top is a function of its flops (its
  // register port always grants), so its outputs arrive here as the values after each clock
  // edge, which the SoC holds in flops of its own: the simulator clocks the block first and
  // gives the SoC the block's new outputs with the same edge. Its register port ...
  output logic                 ntt_reg_req_o,
  output logic [31:0]          ntt_reg_addr_o,
  output logic                 ntt_reg_we_o,
  output logic [3:0]           ntt_reg_be_o,
  output logic [31:0]          ntt_reg_wdata_o,
  input  logic                 ntt_reg_gnt_i,
  input  logic                 ntt_reg_rvalid_i,
  input  logic [31:0]          ntt_reg_rdata_i,
  input  logic                 ntt_reg_err_i,
  // ... its DMA port (into the SRAM banks' arbiters) ...
  input  logic                 ntt_dma_req_i,
  input  logic [31:0]          ntt_dma_addr_i,
  input  logic                 ntt_dma_we_i,
  input  logic [4*NttDmaLanes-1:0]  ntt_dma_be_i,
  input  logic [32*NttDmaLanes-1:0] ntt_dma_wdata_i,
  output logic                 ntt_dma_gnt_o,
  output logic                 ntt_dma_rvalid_o,
  output logic [32*NttDmaLanes-1:0] ntt_dma_rdata_o,
  output logic                 ntt_dma_err_o,
  // ... and its interrupt and busy outputs.
  input  logic                 ntt_irq_i,
  input  logic                 ntt_busy_i
`endif
);

  localparam int unsigned NumLocal   = epoxy_soc_map_pkg::NumLocalIrqs;
  localparam int unsigned NumMasters = 2;
  localparam int unsigned BankBits   = $clog2(SramBanks);
  localparam int unsigned BankWords  = SramBytes / 4 / SramBanks;
  localparam int unsigned RomWords   = RomBytes / 4;

  // Slave indices
  localparam int unsigned SlvRom    = 0;
  localparam int unsigned SlvSram   = 1;                 // .. SlvSram + SramBanks - 1
  localparam int unsigned SlvDev    = SlvSram + SramBanks;  // every device page
  localparam int unsigned SlvNtt    = SlvDev + 1;
  localparam int unsigned NumSlaves = SlvDev + 2;
  localparam int unsigned SelW      = $clog2(NumSlaves + 1);
  localparam int unsigned MstData   = 0;
  localparam int unsigned MstInstr  = 1;

  // ---- Core -------------------------------------------------------------------------------
  logic        instr_req, instr_gnt, instr_rvalid, instr_err;
  logic [31:0] instr_addr, instr_rdata;
  logic        data_req, data_gnt, data_we, data_rvalid, data_err;
  logic [3:0]  data_be;
  logic [31:0] data_addr, data_wdata, data_rdata;
  logic        irq_timer, irq_software, irq_sim_ext;
  logic [NumLocal-1:0] irq_sim_local;
  logic [63:0] mtime;
  logic [NumLocal-1:0] irq_ntt_lines;
  logic        dma_req, dma_gnt, dma_we, dma_rvalid, dma_err;   // the NTT's DMA port
  logic [4*NttDmaLanes-1:0]  dma_be;
  logic [31:0]               dma_addr;
  logic [32*NttDmaLanes-1:0] dma_wdata, dma_rdata;

  // The core uses the boot address in its first cycle out of reset only. With the define
  // EPOXY_SOC_BOOT_ADDR_REG (epoxy-sim's build, which holds boot_addr_i constant and clocks
  // the SoC in reset) it comes from a flop: Verilator evaluates logic fed combinationally by
  // a top-level input again in every eval() call, two per cycle.
  logic [31:0] boot_addr;
`ifdef EPOXY_SOC_BOOT_ADDR_REG
  logic [31:0] boot_addr_q;
  always_ff @(posedge clk_i) boot_addr_q <= boot_addr_i;
  assign boot_addr = boot_addr_q;
`else
  assign boot_addr = boot_addr_i;
`endif

  epoxy_core #(
    .NumAccelIrq (NumLocal),
    .PmpEntries  (PmpEntries),
    .HpmCounters (HpmCounters),
    .EarlyAddr   (EarlyAddr),
    .DivStepsPerCycle (DivStepsPerCycle),
    .FetchDepth  (FetchDepth),
    .MulCycles   (MulCycles),
    .FastBranch  (FastBranch)
  ) u_core (
    .clk_i, .rst_ni,
    .boot_addr_i    (boot_addr),
    .instr_req_o    (instr_req),
    .instr_gnt_i    (instr_gnt),
    .instr_addr_o   (instr_addr),
    .instr_rvalid_i (instr_rvalid),
    .instr_rdata_i  (instr_rdata),
    .instr_err_i    (instr_err),
    .data_req_o     (data_req),
    .data_gnt_i     (data_gnt),
    .data_addr_o    (data_addr),
    .data_we_o      (data_we),
    .data_be_o      (data_be),
    .data_wdata_o   (data_wdata),
    .data_rvalid_i  (data_rvalid),
    .data_rdata_i   (data_rdata),
    .data_err_i     (data_err),
    .irq_software_i (irq_software),
    .irq_timer_i    (irq_timer),
    .irq_external_i (irq_external_i || irq_sim_ext),
    .irq_accel_i    (irq_sim_local | irq_ntt_lines),
    .time_i         (mtime),
    .sleeping_o     (core_sleeping_o),
    .perf_stall_o   (core_stall_o),
    .perf_bubble_o  (core_bubble_o),
    .rvfi_valid_o, .rvfi_order_o, .rvfi_insn_o, .rvfi_trap_o, .rvfi_intr_o, .rvfi_mode_o,
    .rvfi_rs1_addr_o, .rvfi_rs2_addr_o, .rvfi_rs1_rdata_o, .rvfi_rs2_rdata_o,
    .rvfi_rd_addr_o, .rvfi_rd_wdata_o, .rvfi_pc_rdata_o, .rvfi_pc_wdata_o,
    .rvfi_mem_addr_o, .rvfi_mem_rmask_o, .rvfi_mem_wmask_o, .rvfi_mem_rdata_o,
    .rvfi_mem_wdata_o, .rvfi_csr_wvalid_o, .rvfi_csr_waddr_o, .rvfi_csr_wdata_o
  );

  // ---- Address decode (from the generated memory map) ------------------------------------
  // Inside the SRAM as built (SramBytes), and the word-interleaved bank of an SRAM address.
  // (With a power-of-two size, which the boards use, the bound is a mask: a comparison
  // operator becomes a carry chain in synthesis even against a constant.)
  localparam logic SramPow2 = (SramBytes & (SramBytes - 1)) == 0;
  localparam logic RomPow2  = (RomBytes & (RomBytes - 1)) == 0;
  function automatic logic in_built_sram(logic [31:0] addr);
    in_built_sram = epoxy_soc_map_pkg::in_sram(addr) &&
                    (SramPow2 ? ((addr & (epoxy_soc_map_pkg::SramSize - 32'd1) &
                                  ~(SramBytes - 32'd1)) == 32'd0)
                              : (addr - epoxy_soc_map_pkg::SramBase < SramBytes));
  endfunction
  function automatic logic in_built_rom(logic [31:0] addr);
    in_built_rom = RomPow2 ? ((addr & (epoxy_soc_map_pkg::RomSize - 32'd1) &
                               ~(RomBytes - 32'd1)) == 32'd0)
                           : (addr - epoxy_soc_map_pkg::RomBase < RomBytes);
  endfunction
  /* verilator lint_off UNUSEDSIGNAL */   // only the bank bits of the word address
  function automatic logic [BankBits:0] sram_bank(logic [31:0] addr);
    sram_bank = (BankBits == 0) ? '0 : (BankBits+1)'(addr[2 +: (BankBits > 0 ? BankBits : 1)]);
  endfunction
  /* verilator lint_on UNUSEDSIGNAL */

  function automatic logic [SelW-1:0] decode(logic [31:0] addr, logic fetch);
    logic [SelW-1:0] sel;
    sel = SelW'(NumSlaves);  // error responder
    if (epoxy_soc_map_pkg::in_rom(addr)) begin
      if (in_built_rom(addr)) sel = SelW'(SlvRom);
    end else if (epoxy_soc_map_pkg::in_sram(addr)) begin
      if (in_built_sram(addr)) sel = SelW'(SlvSram) + SelW'(sram_bank(addr));
    end else if (!fetch) begin
      if (epoxy_soc_map_pkg::in_uart(addr) || epoxy_soc_map_pkg::in_timer(addr) ||
          epoxy_soc_map_pkg::in_gpio(addr) || (NttEnable && epoxy_soc_map_pkg::in_iopmp(addr)) ||
          (SimDevices && (epoxy_soc_map_pkg::in_simctl(addr) ||
                          epoxy_soc_map_pkg::in_simirq(addr))))  sel = SelW'(SlvDev);
      else if (epoxy_soc_map_pkg::in_ntt(addr) && NttEnable)    sel = SelW'(SlvNtt);
    end
    decode = sel;
  endfunction

  // An accelerator's DMA: the SRAM banks only (SramBanks: the error responder). A beat's
  // words (a prefix of the lanes) must all be inside the SRAM: its first and its last word.
  localparam int unsigned DmaSelW = $clog2(SramBanks + 1);
  function automatic logic [DmaSelW-1:0] decode_dma(logic [31:0] addr,
                                                    logic [4*NttDmaLanes-1:0] be);
    logic [32:0] last;
    last = {1'b0, addr};
    for (int i = 1; i < NttDmaLanes; i++)
      if (be[4*i +: 4] != 4'd0) last = {1'b0, addr} + 33'(4 * i);
    decode_dma = (in_built_sram(addr) && !last[32] && in_built_sram(last[31:0]))
                 ? DmaSelW'(sram_bank(addr)) : DmaSelW'(SramBanks);
  endfunction
  logic [DmaSelW-1:0] dma_sel;   // decode_dma of the DMA's request, gated by the IOPMP (below)

  // ---- Crossbar ----------------------------------------------------------------------------
  // Flat vectors, field i at [i*W +: W] (see epoxy_soc_xbar).
  logic [NumMasters-1:0]      m_req, m_we, m_gnt, m_rvalid, m_err;
  logic [NumMasters*SelW-1:0] m_sel;
  logic [NumMasters*32-1:0]   m_addr, m_wdata, m_rdata;
  logic [NumMasters*4-1:0]    m_be;
  logic [NumSlaves-1:0]       s_req, s_we, s_gnt, s_rvalid, s_err;
  logic [NumSlaves*32-1:0]    s_addr, s_wdata, s_rdata;
  logic [NumSlaves*4-1:0]     s_be;

  assign m_req[MstData]                 = data_req;
  assign m_sel[MstData*SelW +: SelW]    = decode(data_addr, 1'b0);
  assign m_addr[MstData*32 +: 32]       = data_addr;
  assign m_we[MstData]                  = data_we;
  assign m_be[MstData*4 +: 4]           = data_be;
  assign m_wdata[MstData*32 +: 32]      = data_wdata;
  assign data_gnt                       = m_gnt[MstData];
  assign data_rvalid                    = m_rvalid[MstData];
  assign data_rdata                     = m_rdata[MstData*32 +: 32];
  assign data_err                       = m_err[MstData];

  assign m_req[MstInstr]                = instr_req;
  assign m_sel[MstInstr*SelW +: SelW]   = decode(instr_addr, 1'b1);
  assign m_addr[MstInstr*32 +: 32]      = instr_addr;
  assign m_we[MstInstr]                 = 1'b0;
  assign m_be[MstInstr*4 +: 4]          = 4'hF;
  assign m_wdata[MstInstr*32 +: 32]     = 32'd0;
  assign instr_gnt                      = m_gnt[MstInstr];
  assign instr_rvalid                   = m_rvalid[MstInstr];
  assign instr_rdata                    = m_rdata[MstInstr*32 +: 32];
  assign instr_err                      = m_err[MstInstr];

  assign bus_req_o = {dma_req, m_req};
  assign bus_gnt_o = {dma_gnt, m_gnt};

  // The instruction port reaches the memories only (decode() never selects a device for a
  // fetch), so the devices' ports need no multiplexer.
  localparam logic [NumSlaves-1:0] MemSlaves = NumSlaves'((1 << (SlvSram + SramBanks)) - 1);
  localparam logic [NumMasters*NumSlaves-1:0] Reach =
      ((NumMasters*NumSlaves)'({NumSlaves{1'b1}}) << (MstData * NumSlaves)) |
      ((NumMasters*NumSlaves)'(MemSlaves) << (MstInstr * NumSlaves));

  epoxy_soc_xbar #(.NumMasters(NumMasters), .NumSlaves(NumSlaves), .Reach(Reach),
                   .ReadOnly(NumMasters'(1) << MstInstr)) u_xbar (
    .clk_i, .rst_ni,
    .m_req_i (m_req), .m_sel_i (m_sel), .m_addr_i (m_addr), .m_we_i (m_we), .m_be_i (m_be),
    .m_wdata_i (m_wdata), .m_gnt_o (m_gnt), .m_rvalid_o (m_rvalid), .m_rdata_o (m_rdata),
    .m_err_o (m_err),
    .s_req_o (s_req), .s_addr_o (s_addr), .s_we_o (s_we), .s_be_o (s_be),
    .s_wdata_o (s_wdata), .s_gnt_i (s_gnt), .s_rvalid_i (s_rvalid), .s_rdata_i (s_rdata),
    .s_err_i (s_err)
  );

  // The memories use only their word index (the bank and region bits were decoded).
  logic unused_addr;
  assign unused_addr = ^s_addr;

  // ---- Memories ------------------------------------------------------------------------------
  epoxy_soc_ram #(.Words(RomWords), .Writable(1'b0), .InitFile(RomInitFile)) u_rom (
    .clk_i, .rst_ni,
    .req_i (s_req[SlvRom]), .gnt_o (s_gnt[SlvRom]),
    .word_addr_i (s_addr[SlvRom*32 + 2 +: $clog2(RomWords)]),
    .we_i (s_we[SlvRom]), .be_i (s_be[SlvRom*4 +: 4]), .wdata_i (s_wdata[SlvRom*32 +: 32]),
    .rvalid_o (s_rvalid[SlvRom]), .rdata_o (s_rdata[SlvRom*32 +: 32]), .err_o (s_err[SlvRom])
  );

  // SRAM bank ports: the main crossbar's, or with the NTT the per-bank arbiters'.
  logic [SramBanks-1:0]    bk_req, bk_we, bk_gnt, bk_rvalid, bk_err;
  logic [SramBanks*32-1:0] bk_addr, bk_wdata, bk_rdata;
  logic [SramBanks*4-1:0]  bk_be;

  if (NttEnable) begin : g_dma
    // A beat's words must fall in different banks: elaboration stops otherwise.
    if (NttDmaLanes > SramBanks ||
        (NttDmaLanes != 1 && NttDmaLanes != 2 && NttDmaLanes != 4)) begin : g_bad_lanes
      $error("epoxy_soc: NttDmaLanes must be 1, 2 or 4 and at most SramBanks");
    end
    epoxy_soc_dma_arb #(.Banks(SramBanks), .Lanes(NttDmaLanes)) u_dma_arb (
      .clk_i, .rst_ni,
      .c_req_i (s_req[SlvSram +: SramBanks]), .c_addr_i (s_addr[SlvSram*32 +: SramBanks*32]),
      .c_we_i (s_we[SlvSram +: SramBanks]), .c_be_i (s_be[SlvSram*4 +: SramBanks*4]),
      .c_wdata_i (s_wdata[SlvSram*32 +: SramBanks*32]), .c_gnt_o (s_gnt[SlvSram +: SramBanks]),
      .c_rvalid_o (s_rvalid[SlvSram +: SramBanks]),
      .c_rdata_o (s_rdata[SlvSram*32 +: SramBanks*32]), .c_err_o (s_err[SlvSram +: SramBanks]),
      .d_req_i (dma_req), .d_sel_i (dma_sel), .d_addr_i (dma_addr),
      .d_we_i (dma_we), .d_be_i (dma_be), .d_wdata_i (dma_wdata), .d_gnt_o (dma_gnt),
      .d_rvalid_o (dma_rvalid), .d_rdata_o (dma_rdata), .d_err_o (dma_err),
      .b_req_o (bk_req), .b_addr_o (bk_addr), .b_we_o (bk_we), .b_be_o (bk_be),
      .b_wdata_o (bk_wdata), .b_gnt_i (bk_gnt), .b_rvalid_i (bk_rvalid), .b_rdata_i (bk_rdata),
      .b_err_i (bk_err)
    );
  end else begin : g_no_dma
    assign bk_req    = s_req[SlvSram +: SramBanks];
    assign bk_addr   = s_addr[SlvSram*32 +: SramBanks*32];
    assign bk_we     = s_we[SlvSram +: SramBanks];
    assign bk_be     = s_be[SlvSram*4 +: SramBanks*4];
    assign bk_wdata  = s_wdata[SlvSram*32 +: SramBanks*32];
    assign s_gnt[SlvSram +: SramBanks]              = bk_gnt;
    assign s_rvalid[SlvSram +: SramBanks]           = bk_rvalid;
    assign s_rdata[SlvSram*32 +: SramBanks*32]      = bk_rdata;
    assign s_err[SlvSram +: SramBanks]              = bk_err;
    assign dma_gnt    = 1'b0;
    assign dma_rvalid = 1'b0;
    assign dma_rdata  = '0;
    assign dma_err    = 1'b0;
    logic unused_dma;
    assign unused_dma = ^{dma_we, dma_be, dma_addr, dma_wdata};
  end

  logic unused_bk;   // as above: the banks use only their word index
  assign unused_bk = ^bk_addr;

  for (genvar b = 0; b < SramBanks; b++) begin : g_sram
    epoxy_soc_ram #(.Words(BankWords), .Writable(1'b1)) u_bank (
      .clk_i, .rst_ni,
      .req_i (bk_req[b]), .gnt_o (bk_gnt[b]),
      .word_addr_i (bk_addr[b*32 + 2 + BankBits +: $clog2(BankWords)]),
      .we_i (bk_we[b]), .be_i (bk_be[b*4 +: 4]), .wdata_i (bk_wdata[b*32 +: 32]),
      .rvalid_o (bk_rvalid[b]), .rdata_o (bk_rdata[b*32 +: 32]), .err_o (bk_err[b])
    );
  end

  // ---- Peripherals --------------------------------------------------------------------------
  // One crossbar slave and one register adapter for all the device pages (word accesses
  // only, err for unknown offsets): the page number selects the device. Only the core's
  // data port reaches them, one access at a time, so a single adapter (one read-data
  // register) serves them all.
  localparam int unsigned NumDev = 6;   // uart, timer, gpio, simctl, simirq, iopmp
  logic [NumDev-1:0]    reg_re, reg_we, reg_hit, dev_sel;   // per device
  logic [NumDev*32-1:0] reg_rdata;
  logic [11:0]          dev_offset;
  logic                 dev_re, dev_we, dev_hit;
  logic [31:0]          dev_wdata, dev_rdata;
  logic [31:0]          dev_addr;

  assign dev_addr = s_addr[SlvDev*32 +: 32];
  epoxy_soc_reg_adapter u_dev_adapter (
    .clk_i, .rst_ni,
    .req_i (s_req[SlvDev]), .gnt_o (s_gnt[SlvDev]),
    .addr_i (dev_addr),
    .we_i (s_we[SlvDev]), .be_i (s_be[SlvDev*4 +: 4]),
    .wdata_i (s_wdata[SlvDev*32 +: 32]),
    .rvalid_o (s_rvalid[SlvDev]), .rdata_o (s_rdata[SlvDev*32 +: 32]),
    .err_o (s_err[SlvDev]),
    .reg_offset_o (dev_offset), .reg_re_o (dev_re), .reg_we_o (dev_we),
    .reg_wdata_o (dev_wdata), .reg_hit_i (dev_hit), .reg_rdata_i (dev_rdata)
  );

  // The device of the page (the decode sent only existing devices' pages here).
  assign dev_sel = {epoxy_soc_map_pkg::in_iopmp(dev_addr),
                    epoxy_soc_map_pkg::in_simirq(dev_addr), epoxy_soc_map_pkg::in_simctl(dev_addr),
                    epoxy_soc_map_pkg::in_gpio(dev_addr), epoxy_soc_map_pkg::in_timer(dev_addr),
                    epoxy_soc_map_pkg::in_uart(dev_addr)};
  assign reg_re  = {NumDev{dev_re}} & dev_sel;
  assign reg_we  = {NumDev{dev_we}} & dev_sel;
  assign dev_hit = (dev_sel & reg_hit) != '0;
  always_comb begin
    dev_rdata = 32'd0;
    for (int d = 0; d < NumDev; d++) dev_rdata |= {32{dev_sel[d]}} & reg_rdata[d*32 +: 32];
  end

  epoxy_soc_uart #(.ClkDivReset(UartClkDivReset), .FifoDepth(UartFifoDepth)) u_uart (
    .clk_i, .rst_ni,
    .reg_offset_i (dev_offset), .reg_re_i (reg_re[0]), .reg_we_i (reg_we[0]),
    .reg_wdata_i (dev_wdata), .reg_hit_o (reg_hit[0]),
    .reg_rdata_o (reg_rdata[0*32 +: 32]),
    .tx_o (uart_tx_o), .rx_i (uart_rx_i), .rx_ready_o (uart_rx_ready_o),
    .clkdiv_o (uart_clkdiv_o)
  );

  epoxy_soc_timer u_timer (
    .clk_i, .rst_ni,
    .reg_offset_i (dev_offset), .reg_re_i (reg_re[1]), .reg_we_i (reg_we[1]),
    .reg_wdata_i (dev_wdata), .reg_hit_o (reg_hit[1]),
    .reg_rdata_o (reg_rdata[1*32 +: 32]),
    .time_o (mtime), .irq_timer_o (irq_timer), .irq_software_o (irq_software)
  );

  epoxy_soc_gpio #(.Width(GpioWidth)) u_gpio (
    .clk_i, .rst_ni,
    .reg_offset_i (dev_offset), .reg_re_i (reg_re[2]), .reg_we_i (reg_we[2]),
    .reg_wdata_i (dev_wdata), .reg_hit_o (reg_hit[2]),
    .reg_rdata_o (reg_rdata[2*32 +: 32]),
    .gpio_o, .gpio_i
  );

  if (SimDevices) begin : g_sim
    epoxy_soc_simctl u_simctl (
      .clk_i, .rst_ni,
      .reg_offset_i (dev_offset), .reg_re_i (reg_re[3]), .reg_we_i (reg_we[3]),
      .reg_wdata_i (dev_wdata), .reg_hit_o (reg_hit[3]),
    .reg_rdata_o (reg_rdata[3*32 +: 32]),
      .exit_o (sim_exit_o), .exit_code_o (sim_exit_code_o),
      .putc_o (sim_putc_o), .putc_char_o (sim_putc_char_o)
    );
    epoxy_soc_simirq #(.NumLocal(NumLocal)) u_simirq (
      .clk_i, .rst_ni,
      .reg_offset_i (dev_offset), .reg_re_i (reg_re[4]), .reg_we_i (reg_we[4]),
      .reg_wdata_i (dev_wdata), .reg_hit_o (reg_hit[4]),
    .reg_rdata_o (reg_rdata[4*32 +: 32]),
      .irq_external_o (irq_sim_ext), .irq_local_o (irq_sim_local)
    );
  end else begin : g_no_sim
    // Never selected by the decode; tied off.
    logic unused_sim;
    assign unused_sim       = ^{reg_re[4:3], reg_we[4:3]};
    assign reg_hit[4:3]     = '0;
    assign reg_rdata[159:96] = '0;
    assign sim_exit_o       = 1'b0;
    assign sim_exit_code_o  = 32'd0;
    assign sim_putc_o       = 1'b0;
    assign sim_putc_char_o  = 8'd0;
    assign irq_sim_ext      = 1'b0;
    assign irq_sim_local    = '0;
  end

  // ---- NTT coprocessor --------------------------------------------------------------------------
  if (NttEnable) begin : g_ntt
    logic irq_ntt;
    logic [DmaSelW-1:0] dma_sel_dec;   // the request's SRAM bank, or the error responder
    logic               dma_ok;        // the IOPMP allows the request
`ifdef EPOXY_SOC_NTT_EXTERNAL
    assign ntt_reg_req_o   = s_req[SlvNtt];
    assign ntt_reg_addr_o  = s_addr[SlvNtt*32 +: 32];
    assign ntt_reg_we_o    = s_we[SlvNtt];
    assign ntt_reg_be_o    = s_be[SlvNtt*4 +: 4];
    assign ntt_reg_wdata_o = s_wdata[SlvNtt*32 +: 32];
    assign ntt_dma_gnt_o    = dma_gnt;
    assign ntt_dma_rvalid_o = dma_rvalid;
    assign ntt_dma_rdata_o  = dma_rdata;
    assign ntt_dma_err_o    = dma_err;
    // The block's outputs after each edge (see the ports).
    logic        reg_gnt_q, reg_rvalid_q, reg_err_q, dma_req_q, dma_we_q, irq_q, busy_q;
    logic [31:0] reg_rdata_q, dma_addr_q;
    logic [32*NttDmaLanes-1:0] dma_wdata_q;
    logic [4*NttDmaLanes-1:0]  dma_be_q;
    logic [DmaSelW-1:0] dma_sel_q;
    always_ff @(posedge clk_i) begin
      reg_gnt_q    <= ntt_reg_gnt_i;
      reg_rvalid_q <= ntt_reg_rvalid_i;
      reg_rdata_q  <= ntt_reg_rdata_i;
      reg_err_q    <= ntt_reg_err_i;
      dma_req_q    <= ntt_dma_req_i;
      irq_q        <= ntt_irq_i;
      busy_q       <= ntt_busy_i;
      // A request's fields and its decode (from the block's new outputs) are looked at only
      // with the request: taken only then, not in every cycle.
      if (ntt_dma_req_i) begin
        dma_addr_q  <= ntt_dma_addr_i;
        dma_we_q    <= ntt_dma_we_i;
        dma_be_q    <= ntt_dma_be_i;
        dma_wdata_q <= ntt_dma_wdata_i;
        dma_sel_q   <= decode_dma(ntt_dma_addr_i, ntt_dma_be_i);
      end
    end
    assign dma_sel_dec              = dma_sel_q;
    assign s_gnt[SlvNtt]            = reg_gnt_q;
    assign s_rvalid[SlvNtt]         = reg_rvalid_q;
    assign s_rdata[SlvNtt*32 +: 32] = reg_rdata_q;
    assign s_err[SlvNtt]            = reg_err_q;
    assign dma_req                  = dma_req_q;
    assign dma_addr                 = dma_addr_q;
    assign dma_we                   = dma_we_q;
    assign dma_be                   = dma_be_q;
    assign dma_wdata                = dma_wdata_q;
    assign irq_ntt                  = irq_q;
    assign ntt_busy_o               = busy_q;
    logic unused_params;   // the external model is built with the same values (epoxy-sim)
    assign unused_params = ^{32'(NttP), 32'(NttMaxLogN), NttFields};   // and NttDmaLanes
`else
    assign dma_sel_dec = decode_dma(dma_addr, dma_be);
    epoxy_ntt_top #(.P(NttP), .MaxLogN(NttMaxLogN), .Fields(NttFields),
                    .DmaLanes(NttDmaLanes)) u_ntt (
      .clk_i, .rst_ni,
      .reg_req_i (s_req[SlvNtt]), .reg_gnt_o (s_gnt[SlvNtt]),
      .reg_addr_i (s_addr[SlvNtt*32 +: 32]), .reg_we_i (s_we[SlvNtt]),
      .reg_be_i (s_be[SlvNtt*4 +: 4]), .reg_wdata_i (s_wdata[SlvNtt*32 +: 32]),
      .reg_rvalid_o (s_rvalid[SlvNtt]), .reg_rdata_o (s_rdata[SlvNtt*32 +: 32]),
      .reg_err_o (s_err[SlvNtt]),
      .dma_req_o (dma_req), .dma_gnt_i (dma_gnt), .dma_addr_o (dma_addr), .dma_we_o (dma_we),
      .dma_be_o (dma_be), .dma_wdata_o (dma_wdata), .dma_rvalid_i (dma_rvalid),
      .dma_rdata_i (dma_rdata), .dma_err_i (dma_err),
      .irq_o (irq_ntt), .busy_o (ntt_busy_o)
    );
`endif
    assign irq_ntt_lines = NumLocal'(irq_ntt) << epoxy_soc_map_pkg::NttIrq;

    // The IOPMP: device 5 of the adapter, and the check of the DMA's request (in both forms
    // of the block: here the request comes from the block's flops or from the SoC's own).
    epoxy_soc_iopmp #(.Lanes(NttDmaLanes), .Masters(3'b001)) u_iopmp (
      .clk_i, .rst_ni,
      .reg_offset_i (dev_offset), .reg_re_i (reg_re[5]), .reg_we_i (reg_we[5]),
      .reg_wdata_i (dev_wdata), .reg_hit_o (reg_hit[5]),
      .reg_rdata_o (reg_rdata[5*32 +: 32]),
      .dma_req_i (dma_req), .dma_master_i (3'b001), .dma_addr_i (dma_addr),
      .dma_we_i (dma_we), .dma_be_i (dma_be), .dma_ok_o (dma_ok)
    );
    assign dma_sel = dma_ok ? dma_sel_dec : DmaSelW'(SramBanks);
  end else begin : g_no_ntt
    // Never selected by the decode; tied off like an absent device.
    assign s_gnt[SlvNtt]             = 1'b0;
    assign s_rvalid[SlvNtt]          = 1'b0;
    assign s_rdata[SlvNtt*32 +: 32]  = 32'd0;
    assign s_err[SlvNtt]             = 1'b0;
    assign irq_ntt_lines             = '0;
    assign ntt_busy_o                = 1'b0;
    assign dma_req                   = 1'b0;
    assign dma_addr                  = 32'd0;
    assign dma_we                    = 1'b0;
    assign dma_be                    = '0;
    assign dma_wdata                 = '0;
    assign dma_sel                   = DmaSelW'(SramBanks);
    assign reg_hit[5]                = 1'b0;   // no IOPMP: the decode never selects its page
    assign reg_rdata[5*32 +: 32]     = 32'd0;
    logic unused_ntt;
    assign unused_ntt = ^{s_req[SlvNtt], s_we[SlvNtt], s_be[SlvNtt*4 +: 4],
                          s_wdata[SlvNtt*32 +: 32], dma_gnt, dma_rvalid, dma_rdata, dma_err,
                          dma_sel, reg_re[5], reg_we[5]};
`ifdef EPOXY_SOC_NTT_EXTERNAL
    assign ntt_reg_req_o    = 1'b0;
    assign ntt_reg_addr_o   = 32'd0;
    assign ntt_reg_we_o     = 1'b0;
    assign ntt_reg_be_o     = 4'd0;
    assign ntt_reg_wdata_o  = 32'd0;
    assign ntt_dma_gnt_o    = 1'b0;
    assign ntt_dma_rvalid_o = 1'b0;
    assign ntt_dma_rdata_o  = '0;
    assign ntt_dma_err_o    = 1'b0;
    logic unused_ext;
    assign unused_ext = ^{ntt_reg_gnt_i, ntt_reg_rvalid_i, ntt_reg_rdata_i, ntt_reg_err_i,
                          ntt_dma_req_i, ntt_dma_addr_i, ntt_dma_we_i, ntt_dma_be_i,
                          ntt_dma_wdata_i, ntt_irq_i, ntt_busy_i};
`endif
  end

endmodule

`default_nettype wire
