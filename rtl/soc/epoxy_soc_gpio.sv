// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: general-purpose pins, Width outputs (LEDs) and Width inputs (buttons).
//
// OUT is read/write, IN is read-only (writes ignored) and passes the pins through a
// two-flop synchroniser. It deliberately has no direction control, no interrupts and no
// debouncing (firmware polls).
`default_nettype none

module epoxy_soc_gpio #(
  parameter int unsigned Width = 8   // 1..32
) (
  input  logic             clk_i,
  input  logic             rst_ni,

  input  logic [11:0]      reg_offset_i,
  input  logic             reg_re_i,
  input  logic             reg_we_i,
  input  logic [31:0]      reg_wdata_i,
  output logic             reg_hit_o,
  output logic [31:0]      reg_rdata_o,

  output logic [Width-1:0] gpio_o,
  input  logic [Width-1:0] gpio_i
);

  logic [Width-1:0] out_q, in_meta_q, in_q;

  always_comb begin
    reg_hit_o   = 1'b1;
    reg_rdata_o = 32'd0;
    unique case (reg_offset_i)
      epoxy_soc_map_pkg::GpioOut: reg_rdata_o[Width-1:0] = out_q;
      epoxy_soc_map_pkg::GpioIn:  reg_rdata_o[Width-1:0] = in_q;
      default:                    reg_hit_o = 1'b0;
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      out_q     <= '0;
      in_meta_q <= '0;
      in_q      <= '0;
    end else begin
      in_meta_q <= gpio_i;
      in_q      <= in_meta_q;
      if (reg_we_i && reg_offset_i == epoxy_soc_map_pkg::GpioOut) out_q <= reg_wdata_i[Width-1:0];
    end
  end

  assign gpio_o = out_q;

  logic unused;
  assign unused = ^{reg_re_i, reg_wdata_i};

endmodule

`default_nettype wire
