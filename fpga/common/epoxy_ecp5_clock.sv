// SPDX-License-Identifier: Apache-2.0
// Epoxy on the ECP5 boards: the SoC clock, from the board's oscillator through the PLL
// (EHXPLLL, one output, feedback from CLKOP; dividers from ecppll, set by the flow from the
// board's board.toml) when UsePll is 1, else the oscillator itself. locked_o is the PLL's
// LOCK (1 without the PLL); the board top's epoxy_fpga_reset holds the SoC in reset without
// it. Shared by the ULX3S and OrangeCrab tops; fpga/sim_models/EHXPLLL.sv stands in for the
// primitive in simulation.
`default_nettype none

module epoxy_ecp5_clock #(
  parameter bit          UsePll      = 1'b0,
  parameter int unsigned ClkiDiv     = 1,
  parameter int unsigned ClkfbDiv    = 1,
  parameter int unsigned ClkopDiv    = 1,
  parameter int unsigned ClkopCphase = 0,
  parameter int unsigned ClkopFphase = 0
) (
  input  logic clk_i,     // the board's oscillator
  output logic clk_o,     // the SoC clock
  output logic locked_o
);

  if (UsePll) begin : g_pll
    /* verilator lint_off PINCONNECTEMPTY */   // unused PLL outputs
    logic clkop;
    EHXPLLL #(
      .PLLRST_ENA      ("DISABLED"),
      .INTFB_WAKE      ("DISABLED"),
      .STDBY_ENABLE    ("DISABLED"),
      .DPHASE_SOURCE   ("DISABLED"),
      .OUTDIVIDER_MUXA ("DIVA"),
      .OUTDIVIDER_MUXB ("DIVB"),
      .OUTDIVIDER_MUXC ("DIVC"),
      .OUTDIVIDER_MUXD ("DIVD"),
      .CLKI_DIV        (ClkiDiv),
      .CLKOP_ENABLE    ("ENABLED"),
      .CLKOP_DIV       (ClkopDiv),
      .CLKOP_CPHASE    (ClkopCphase),
      .CLKOP_FPHASE    (ClkopFphase),
      .FEEDBK_PATH     ("CLKOP"),
      .CLKFB_DIV       (ClkfbDiv)
    ) u_pll (
      .RST          (1'b0),
      .STDBY        (1'b0),
      .CLKI         (clk_i),
      .CLKOP        (clkop),
      .CLKOS        (),
      .CLKOS2       (),
      .CLKOS3       (),
      .CLKFB        (clkop),
      .CLKINTFB     (),
      .PHASESEL0    (1'b0),
      .PHASESEL1    (1'b0),
      .PHASEDIR     (1'b1),
      .PHASESTEP    (1'b1),
      .PHASELOADREG (1'b1),
      .PLLWAKESYNC  (1'b0),
      .ENCLKOP      (1'b0),
      .ENCLKOS      (1'b0),
      .ENCLKOS2     (1'b0),
      .ENCLKOS3     (1'b0),
      .LOCK         (locked_o),
      .INTLOCK      (),
      .REFCLK       ()
    );
    assign clk_o = clkop;
    /* verilator lint_on PINCONNECTEMPTY */
  end else begin : g_no_pll
    logic unused_pll;
    assign unused_pll = ^{32'(ClkiDiv), 32'(ClkfbDiv), 32'(ClkopDiv),
                          32'(ClkopCphase), 32'(ClkopFphase)};
    assign clk_o    = clk_i;
    assign locked_o = 1'b1;
  end

endmodule

`default_nettype wire
