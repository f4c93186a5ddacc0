// SPDX-License-Identifier: Apache-2.0
// Epoxy on the OrangeCrab r0.2 (LFE5U-25F, CSFBGA285): board top.
//
// Clock: the 48 MHz oscillator, through the PLL (epoxy_ecp5_clock: EHXPLLL, dividers from ecppll, set by the
// flow from fpga/boards/orangecrab/board.toml) when UsePll is 1, else straight to the
// global clock. Reset: the user button (low when pressed) or the PLL losing lock, through
// epoxy_fpga_reset; holding the button for DfuHoldCycles clock cycles (about 2 s) pulls
// the board's FPGA_RESET line (PROGRAMN), which reconfigures the FPGA from flash into its
// DFU bootloader, ready for `make flash BOARD=orangecrab`. UART: the board has no USB-UART
// bridge, so it is on the Feather header's TX and RX pins (IO_1 = TX, the FPGA's output;
// IO_0 = RX, its input; 3.3 V) and the RTS-style flow control on IO_5 (low: do not send).
// GPIO out: [0] red, [1] green, [2] blue of the RGB LED (active low on the board);
// GPIO in: none. The PLL primitive is in fpga/common/epoxy_ecp5_clock.sv;
// fpga/sim_models/ stands in for it in Verilator.
`default_nettype none

module epoxy_orangecrab_top #(
  parameter bit          UsePll          = 1'b0,
  parameter int unsigned PllClkiDiv      = 1,
  parameter int unsigned PllClkfbDiv     = 1,
  parameter int unsigned PllClkopDiv     = 1,
  parameter int unsigned PllClkopCphase  = 0,
  parameter int unsigned PllClkopFphase  = 0,
  parameter int unsigned RomBytes        = 32'h0000_4000,
  parameter              RomInitFile     = "",
  parameter int unsigned SramBytes       = 32'h0001_0000,
  parameter int unsigned SramBanks       = 4,
  parameter int unsigned PmpEntries      = 16,
  parameter int unsigned HpmCounters     = 1,
  parameter int unsigned EarlyAddr       = 1,
  parameter int unsigned DivStepsPerCycle = 3,
  parameter int unsigned FetchDepth      = 4,
  parameter int unsigned MulCycles       = 1,
  parameter int unsigned FastBranch      = 1,
  parameter int unsigned UartFifoDepth   = 16,
  parameter logic [15:0] UartClkDivReset = 16'd416,
  parameter int unsigned DfuHoldCycles   = 96_000_000,
  parameter bit          NttEnable       = 1'b0,
  parameter int unsigned NttP            = 1,
  parameter int unsigned NttMaxLogN      = 12,
  parameter logic [4:0]  NttFields       = 5'b11011
) (
  input  logic       clk_48m_i,      // A9
  input  logic       btn_n_i,        // J17, user button, low when pressed
  output logic       fpga_reset_n_o, // V17, low: reconfigure (PROGRAMN) into the bootloader
  input  logic       uart_rx_i,      // N17, Feather IO_0 (RX)
  output logic       uart_tx_o,      // M18, Feather IO_1 (TX)
  output logic       uart_rts_n_o,   // B10, Feather IO_5: low while the SoC can take bytes
  output logic       led_red_n_o,    // K4
  output logic       led_green_n_o,  // M3
  output logic       led_blue_n_o    // J3
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
    .clk_i    (clk_48m_i),
    .clk_o    (clk),
    .locked_o (locked)
  );

  epoxy_fpga_reset u_reset (
    .clk_i     (clk),
    .locked_i  (locked),
    .rst_req_i (!btn_n_i),
    .rst_no    (rst_n)
  );

  // A long press reboots into the DFU bootloader. The button is sampled through two flops
  // (it is asynchronous); the counter restarts whenever the button is released.
  localparam int unsigned HoldW = $clog2(DfuHoldCycles + 1);
  logic             btn_meta_q, btn_q, dfu_q;
  logic [HoldW-1:0] hold_q;

  always_ff @(posedge clk) begin
    btn_meta_q <= !btn_n_i;
    btn_q      <= btn_meta_q;
    if (!btn_q) begin
      hold_q <= '0;
      dfu_q  <= 1'b0;
    end else if (hold_q == HoldW'(DfuHoldCycles)) begin
      dfu_q  <= 1'b1;
    end else begin
      hold_q <= hold_q + 1'b1;
    end
  end

  assign fpga_reset_n_o = !dfu_q;

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
    .uart_rx_ready_o (rx_ready),
    .gpio_o          (gpio_out),
    .gpio_i          (8'd0)
  );

  assign uart_rts_n_o  = !rx_ready;
  assign led_red_n_o   = !gpio_out[0];
  assign led_green_n_o = !gpio_out[1];
  assign led_blue_n_o  = !gpio_out[2];

  logic unused;
  assign unused = ^gpio_out[7:3];

endmodule

`default_nettype wire
