// SPDX-License-Identifier: Apache-2.0
// Epoxy on an FPGA board: the board-independent part of every board top.
//
// Instantiates epoxy_soc as a board runs it: the first pc is the boot ROM's base (the
// bootloader), no simulation devices, the board's memory sizes, core options and
// accelerators, and the UART's bit time after reset set for the board's clock. The
// simulation and trace outputs (sim-control, RVFI, bus and performance events) are left
// open, so synthesis removes what drives them. It deliberately has no clock or reset
// generation and no vendor primitive: a board top (fpga/boards/<board>/) brings the clock
// (PLL), the synchronised reset (epoxy_fpga_reset) and the pins, so a Verilator testbench
// can run a board top with simulation models of its primitives (fpga/sim_models/).
`default_nettype none

module epoxy_fpga_soc #(
  parameter int unsigned RomBytes        = 32'h0000_4000,
  parameter              RomInitFile     = "",   // $readmemh image; untyped for Yosys 0.23
  parameter int unsigned SramBytes       = 32'h0004_0000,
  parameter int unsigned SramBanks       = 4,
  parameter int unsigned PmpEntries      = 16,
  parameter int unsigned HpmCounters     = 1,
  parameter int unsigned EarlyAddr       = 1,
  parameter int unsigned DivStepsPerCycle = 3,
  parameter int unsigned FetchDepth      = 4,
  parameter int unsigned MulCycles       = 1,
  parameter int unsigned FastBranch      = 1,
  parameter int unsigned UartFifoDepth   = 16,
  parameter int unsigned GpioWidth       = epoxy_soc_map_pkg::GpioPins,
  parameter logic [15:0] UartClkDivReset = 16'd103,  // 115200 baud at 12 MHz
  parameter bit          NttEnable       = 1'b0,
  parameter int unsigned NttP            = 1,
  parameter int unsigned NttMaxLogN      = 12,
  parameter logic [4:0]  NttFields       = 5'b11011    // no Goldilocks: 32-bit datapath
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,           // synchronised (epoxy_fpga_reset)

  output logic                 uart_tx_o,
  input  logic                 uart_rx_i,
  output logic                 uart_rx_ready_o,  // RTS-style, for boards that wire it
  output logic [GpioWidth-1:0] gpio_o,
  input  logic [GpioWidth-1:0] gpio_i
);

  /* verilator lint_off PINCONNECTEMPTY */   // the simulation and trace outputs
  epoxy_soc #(
    .SramBytes       (SramBytes),
    .SramBanks       (SramBanks),
    .RomBytes        (RomBytes),
    .RomInitFile     (RomInitFile),
    .SimDevices      (1'b0),
    .PmpEntries      (PmpEntries),
    .HpmCounters     (HpmCounters),
    .EarlyAddr       (EarlyAddr),
    .DivStepsPerCycle (DivStepsPerCycle),
    .FetchDepth      (FetchDepth),
    .MulCycles       (MulCycles),
    .FastBranch      (FastBranch),
    .UartFifoDepth   (UartFifoDepth),
    .GpioWidth       (GpioWidth),
    .UartClkDivReset (UartClkDivReset),
    .NttEnable       (NttEnable),
    .NttP            (NttP),
    .NttMaxLogN      (NttMaxLogN),
    .NttFields       (NttFields)
  ) u_soc (
    .clk_i,
    .rst_ni,
    .boot_addr_i       (epoxy_soc_map_pkg::RomBase),
    .uart_tx_o,
    .uart_rx_i,
    .uart_rx_ready_o,
    .gpio_o,
    .gpio_i,
    .irq_external_i    (1'b0),
    // Simulation and trace outputs: unused on a board.
    .sim_exit_o        (),
    .sim_exit_code_o   (),
    .sim_putc_o        (),
    .sim_putc_char_o   (),
    .uart_clkdiv_o     (),
    .bus_req_o         (),
    .bus_gnt_o         (),
    .ntt_busy_o        (),
    .core_sleeping_o   (),
    .core_stall_o      (),
    .core_bubble_o     (),
    .rvfi_valid_o      (),
    .rvfi_order_o      (),
    .rvfi_insn_o       (),
    .rvfi_trap_o       (),
    .rvfi_intr_o       (),
    .rvfi_mode_o       (),
    .rvfi_rs1_addr_o   (),
    .rvfi_rs2_addr_o   (),
    .rvfi_rs1_rdata_o  (),
    .rvfi_rs2_rdata_o  (),
    .rvfi_rd_addr_o    (),
    .rvfi_rd_wdata_o   (),
    .rvfi_pc_rdata_o   (),
    .rvfi_pc_wdata_o   (),
    .rvfi_mem_addr_o   (),
    .rvfi_mem_rmask_o  (),
    .rvfi_mem_wmask_o  (),
    .rvfi_mem_rdata_o  (),
    .rvfi_mem_wdata_o  (),
    .rvfi_csr_wvalid_o (),
    .rvfi_csr_waddr_o  (),
    .rvfi_csr_wdata_o  ()
  );
  /* verilator lint_on PINCONNECTEMPTY */

endmodule

`default_nettype wire
