// SPDX-License-Identifier: Apache-2.0
// Simulation model of the iCE40 PLL with its input on a pad (SB_PLL40_PAD), for running a
// board top in Verilator: the output clock is the input clock and LOCK is 1. Cycle-level
// behaviour does not depend on the frequency (the UART's bit time is in cycles), so the
// board top simulates as built; only the period differs. Synthesis uses the real primitive
// (Yosys's cell library), never this file.
`default_nettype none

/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off UNUSEDSIGNAL */
module SB_PLL40_PAD #(
  parameter FEEDBACK_PATH                  = "SIMPLE",
  parameter DELAY_ADJUSTMENT_MODE_FEEDBACK = "FIXED",
  parameter DELAY_ADJUSTMENT_MODE_RELATIVE = "FIXED",
  parameter SHIFTREG_DIV_MODE              = 1'b0,
  parameter FDA_FEEDBACK                   = 4'b0000,
  parameter FDA_RELATIVE                   = 4'b0000,
  parameter PLLOUT_SELECT                  = "GENCLK",
  parameter DIVR                           = 4'b0000,
  parameter DIVF                           = 7'b0000000,
  parameter DIVQ                           = 3'b000,
  parameter FILTER_RANGE                   = 3'b000,
  parameter ENABLE_ICEGATE                 = 1'b0,
  parameter TEST_MODE                      = 1'b0,
  parameter EXTERNAL_DIVIDE_FACTOR         = 1
) (
  input  wire       PACKAGEPIN,
  output wire       PLLOUTCORE,
  output wire       PLLOUTGLOBAL,
  input  wire       EXTFEEDBACK,
  input  wire [7:0] DYNAMICDELAY,
  output wire       LOCK,
  input  wire       BYPASS,
  input  wire       RESETB,
  input  wire       LATCHINPUTVALUE,
  output wire       SDO,
  input  wire       SDI,
  input  wire       SCLK
);
  assign PLLOUTCORE   = PACKAGEPIN;
  assign PLLOUTGLOBAL = PACKAGEPIN;
  assign LOCK         = 1'b1;
  assign SDO          = 1'b0;
endmodule
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on UNUSEDPARAM */

`default_nettype wire
