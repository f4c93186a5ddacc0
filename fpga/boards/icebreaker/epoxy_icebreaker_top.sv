// SPDX-License-Identifier: Apache-2.0
// Epoxy on the iCEBreaker (iCE40UP5K-SG48): board top.
//
// Clock: the 12 MHz oscillator, through the PLL (SB_PLL40_PAD, DIVR/DIVF/DIVQ/FILTER_RANGE
// from icepll, set by the flow from fpga/boards/icebreaker/board.toml) when UsePll is 1,
// else straight to the global clock. Reset: the user button (BTN_N) or the PLL losing lock,
// through epoxy_fpga_reset. UART: the FTDI's second channel (115200 8N1 after reset).
// GPIO out: [0] red LED, [1] green LED (both active low on the board), [6:2] LED1..LED5
// of the PMOD2 break-off; GPIO in: [2:0] BTN1..BTN3 of the PMOD2 break-off. The SRAM is
// inferred as the UP5K's four SB_SPRAM256KA (synth_ice40 -spram; docs/fpga.md).
// Vendor primitives stay here, so fpga/sim_models/ can stand in for them in Verilator.
`default_nettype none

module epoxy_icebreaker_top #(
  parameter bit          UsePll          = 1'b0,
  parameter logic [3:0]  PllDivr         = 4'd0,
  parameter logic [6:0]  PllDivf         = 7'd0,
  parameter logic [2:0]  PllDivq         = 3'd0,
  parameter logic [2:0]  PllFilterRange  = 3'd1,
  parameter int unsigned RomBytes        = 32'h0000_2000,
  parameter              RomInitFile     = "",
  parameter int unsigned SramBytes       = 32'h0002_0000,
  parameter int unsigned SramBanks       = 2,
  parameter int unsigned PmpEntries      = 0,
  parameter int unsigned HpmCounters     = 0,
  parameter int unsigned EarlyAddr       = 0,
  parameter int unsigned DivStepsPerCycle = 1,
  parameter int unsigned FetchDepth      = 2,
  parameter int unsigned MulCycles       = 1,
  parameter int unsigned FastBranch      = 1,
  parameter int unsigned UartFifoDepth   = 16,
  parameter logic [15:0] UartClkDivReset = 16'd103,
  parameter bit          NttEnable       = 1'b0,
  parameter int unsigned NttP            = 1,
  parameter int unsigned NttMaxLogN      = 8,
  parameter logic [4:0]  NttFields       = 5'b11011
) (
  input  logic       clk_12m_i,      // pin 35
  input  logic       btn_n_i,        // pin 10, user button, low when pressed: reset
  input  logic       uart_rx_i,      // pin 6, from the FTDI
  output logic       uart_tx_o,      // pin 9, to the FTDI
  output logic       led_red_n_o,    // pin 11
  output logic       led_green_n_o,  // pin 37
  output logic [4:0] pmod2_led_o,    // LED1..LED5: pins 27, 25, 21, 23, 26
  input  logic [2:0] pmod2_btn_i     // BTN1..BTN3: pins 20, 19, 18, high when pressed
);

  // ---- Clock and reset -----------------------------------------------------------------
  logic clk, locked, rst_n;

  if (UsePll) begin : g_pll
    /* verilator lint_off PINCONNECTEMPTY */   // unused PLL outputs
    SB_PLL40_PAD #(
      .FEEDBACK_PATH ("SIMPLE"),
      .PLLOUT_SELECT ("GENCLK"),
      .DIVR          (PllDivr),
      .DIVF          (PllDivf),
      .DIVQ          (PllDivq),
      .FILTER_RANGE  (PllFilterRange)
    ) u_pll (
      .PACKAGEPIN      (clk_12m_i),
      .PLLOUTCORE      (),
      .PLLOUTGLOBAL    (clk),
      .EXTFEEDBACK     (1'b0),
      .DYNAMICDELAY    (8'd0),
      .LOCK            (locked),
      .BYPASS          (1'b0),
      .RESETB          (1'b1),
      .LATCHINPUTVALUE (1'b0),
      .SDO             (),
      .SDI             (1'b0),
      .SCLK            (1'b0)
    );
    /* verilator lint_on PINCONNECTEMPTY */
  end else begin : g_no_pll
    logic unused_pll;
    assign unused_pll = ^{PllDivr, PllDivf, PllDivq, PllFilterRange};
    assign clk    = clk_12m_i;
    assign locked = 1'b1;
  end

  epoxy_fpga_reset u_reset (
    .clk_i     (clk),
    .locked_i  (locked),
    .rst_req_i (!btn_n_i),
    .rst_no    (rst_n)
  );

  // ---- SoC --------------------------------------------------------------------------------
  logic [7:0] gpio_out;
  logic       rx_ready;

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
    .uart_rx_ready_o (rx_ready),   // no RTS line to the FTDI on this board
    .gpio_o          (gpio_out),
    .gpio_i          ({5'd0, pmod2_btn_i})
  );

  assign led_red_n_o   = !gpio_out[0];
  assign led_green_n_o = !gpio_out[1];
  assign pmod2_led_o   = gpio_out[6:2];

  logic unused;
  assign unused = ^{gpio_out[7], rx_ready};

endmodule

`default_nettype wire
