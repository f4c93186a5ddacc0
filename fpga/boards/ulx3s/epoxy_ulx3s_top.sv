// SPDX-License-Identifier: Apache-2.0
// Epoxy on the ULX3S (LFE5U-85F, CABGA381): board top.
//
// Clock: the 25 MHz oscillator, through the PLL (epoxy_ecp5_clock: EHXPLLL, dividers from ecppll, set by the
// flow from fpga/boards/ulx3s/board.toml) when UsePll is 1, else straight to the global
// clock. Reset: the PWR button (btn[0], low when pressed) or the PLL losing lock, through
// epoxy_fpga_reset. UART: the FT231X (ftdi_rxd is the FPGA's output, ftdi_txd its input),
// 115200 8N1 after reset; the FT231X's handshake pins are not wired to the FPGA as RTS, so
// there is no flow control. GPIO out: [7:0] the eight LEDs (active high); GPIO in: [5:0]
// the buttons FIRE1, FIRE2, UP, DOWN, LEFT, RIGHT (high when pressed). wifi_gpio0 is held
// high so that the ESP32 never enters its own bootloader. The PLL primitive is in
// fpga/common/epoxy_ecp5_clock.sv; fpga/sim_models/ stands in for it in Verilator.
`default_nettype none

module epoxy_ulx3s_top #(
  parameter bit          UsePll          = 1'b0,
  parameter int unsigned PllClkiDiv      = 1,
  parameter int unsigned PllClkfbDiv     = 1,
  parameter int unsigned PllClkopDiv     = 1,
  parameter int unsigned PllClkopCphase  = 0,
  parameter int unsigned PllClkopFphase  = 0,
  parameter int unsigned RomBytes        = 32'h0000_4000,
  parameter              RomInitFile     = "",
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
  parameter logic [15:0] UartClkDivReset = 16'd216,
  parameter bit          NttEnable       = 1'b0,
  parameter int unsigned NttP            = 1,
  parameter int unsigned NttMaxLogN      = 12,
  parameter logic [4:0]  NttFields       = 5'b11011
) (
  input  logic       clk_25m_i,      // G2
  input  logic [6:0] btn_i,          // [0] PWR (D6, low when pressed), FIRE1 R1, FIRE2 T1,
                                     // UP R18, DOWN V1, LEFT U1, RIGHT H16 (high when pressed)
  input  logic       uart_rx_i,      // M1 (ftdi_txd)
  output logic       uart_tx_o,      // L4 (ftdi_rxd)
  output logic [7:0] led_o,          // B2 C2 C1 D2 D1 E2 E1 H3
  output logic       wifi_gpio0_o    // L2
);

  // ---- Clock and reset -----------------------------------------------------------------
  logic clk, locked, rst_n;

  epoxy_ecp5_clock #(
    .UsePll      (UsePll),
    .ClkiDiv     (PllClkiDiv),
    .ClkfbDiv    (PllClkfbDiv),
    .ClkopDiv    (PllClkopDiv),
    .ClkopCphase (PllClkopCphase),
    .ClkopFphase (PllClkopFphase)
  ) u_clock (
    .clk_i    (clk_25m_i),
    .clk_o    (clk),
    .locked_o (locked)
  );

  epoxy_fpga_reset u_reset (
    .clk_i     (clk),
    .locked_i  (locked),
    .rst_req_i (!btn_i[0]),
    .rst_no    (rst_n)
  );

  // ---- SoC --------------------------------------------------------------------------------
  logic rx_ready;

  epoxy_fpga_soc #(
    .RomBytes        (RomBytes),
    .RomInitFile     (RomInitFile),
    .SramBytes       (SramBytes),
    .SramBanks       (SramBanks),
    .PmpEntries      (PmpEntries),
    .HpmCounters     (HpmCounters),
    .EarlyAddr       (EarlyAddr),
    .DivStepsPerCycle (DivStepsPerCycle),
    .FetchDepth      (FetchDepth),
    .MulCycles       (MulCycles),
    .FastBranch      (FastBranch),
    .UartFifoDepth   (UartFifoDepth),
    .GpioWidth       (8),
    .UartClkDivReset (UartClkDivReset),
    .NttEnable       (NttEnable),
    .NttP            (NttP),
    .NttMaxLogN      (NttMaxLogN),
    .NttFields       (NttFields)
  ) u_fpga_soc (
    .clk_i           (clk),
    .rst_ni          (rst_n),
    .uart_tx_o,
    .uart_rx_i,
    .uart_rx_ready_o (rx_ready),
    .gpio_o          (led_o),
    .gpio_i          ({2'd0, btn_i[6:1]})
  );

  assign wifi_gpio0_o = 1'b1;

  logic unused;
  assign unused = rx_ready;

endmodule

`default_nettype wire
