// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: UART, 8 data bits, no parity, 1 stop bit, with TX and RX FIFOs.
//
// Registers (rtl/soc/memory_map.toml): TXDATA pushes a byte (dropped when the TX FIFO is
// full), RXDATA pops the oldest received byte ([31] set when there is none), STATUS shows
// TX full and RX valid, CLKDIV is the bit time in clock cycles minus one (reset value a
// parameter, so a board starts at its baud rate). The transmitter sends back-to-back
// frames while its FIFO holds bytes. The receiver synchronises rx_i, waits for a falling
// edge, checks the start bit in its middle and samples each bit in its middle; a frame
// whose stop bit is low is a framing error and is dropped. rx_ready_o (an RTS-style
// output) is high while the RX FIFO has room for two more bytes, so a sender that honours
// it never overruns the FIFO. It deliberately has no parity, no interrupts and no
// hardware flow control input.
`default_nettype none

module epoxy_soc_uart #(
  parameter int unsigned FifoDepth   = 16,
  parameter logic [15:0] ClkDivReset = 16'd0
) (
  input  logic        clk_i,
  input  logic        rst_ni,

  input  logic [11:0] reg_offset_i,
  input  logic        reg_re_i,
  input  logic        reg_we_i,
  input  logic [31:0] reg_wdata_i,
  output logic        reg_hit_o,
  output logic [31:0] reg_rdata_o,

  output logic        tx_o,
  input  logic        rx_i,
  output logic        rx_ready_o,
  output logic [15:0] clkdiv_o
);

  localparam int unsigned CW = $clog2(FifoDepth) + 1;

  logic [15:0] clkdiv_q;
  assign clkdiv_o = clkdiv_q;

  // ---- Registers ------------------------------------------------------------------------
  logic       tx_push, rx_pop;
  logic [7:0] tx_head, rx_head;
  logic       tx_empty, tx_full, rx_empty, rx_full;
  logic [CW-1:0] rx_count, tx_count_unused;

  always_comb begin
    reg_hit_o   = 1'b1;
    reg_rdata_o = 32'd0;
    tx_push     = 1'b0;
    rx_pop      = 1'b0;
    unique case (reg_offset_i)
      epoxy_soc_map_pkg::UartTxdata: tx_push = reg_we_i;
      epoxy_soc_map_pkg::UartRxdata: begin
        rx_pop      = reg_re_i;
        reg_rdata_o = rx_empty ? (32'd1 << epoxy_soc_map_pkg::UartRxdataEmptyBit)
                               : {24'd0, rx_head};
      end
      epoxy_soc_map_pkg::UartStatus: begin
        reg_rdata_o[epoxy_soc_map_pkg::UartStatusTxFullBit]  = tx_full;
        reg_rdata_o[epoxy_soc_map_pkg::UartStatusRxValidBit] = !rx_empty;
      end
      epoxy_soc_map_pkg::UartClkdiv: reg_rdata_o = {16'd0, clkdiv_q};
      default: reg_hit_o = 1'b0;
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) clkdiv_q <= ClkDivReset;
    else if (reg_we_i && reg_offset_i == epoxy_soc_map_pkg::UartClkdiv) clkdiv_q <= reg_wdata_i[15:0];
  end

  // ---- Transmitter ------------------------------------------------------------------------
  logic       tx_pop;
  logic [8:0] tx_shift_q;   // {data, start} shifted out LSB first; stop bit after
  logic [3:0] tx_bits_q;    // bits left in the frame, 0: idle
  logic [15:0] tx_tick_q;

  epoxy_soc_fifo #(.Width(8), .Depth(FifoDepth)) u_tx_fifo (
    .clk_i, .rst_ni,
    .push_i (tx_push), .wdata_i (reg_wdata_i[7:0]),
    .pop_i  (tx_pop),  .rdata_o (tx_head),
    .empty_o(tx_empty), .full_o (tx_full), .count_o (tx_count_unused)
  );

  assign tx_pop = (tx_bits_q == 4'd0) && !tx_empty;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      tx_shift_q <= 9'h1FF;
      tx_bits_q  <= 4'd0;
      tx_tick_q  <= 16'd0;
      tx_o       <= 1'b1;
    end else if (tx_pop) begin
      tx_shift_q <= {1'b1, tx_head};   // after the start bit: 8 data bits, then stop (1)
      tx_bits_q  <= 4'd10;
      tx_tick_q  <= clkdiv_q;
      tx_o       <= 1'b0;              // start bit
    end else if (tx_bits_q != 4'd0) begin
      if (tx_tick_q != 16'd0) begin
        tx_tick_q <= tx_tick_q - 16'd1;
      end else begin
        tx_tick_q  <= clkdiv_q;
        tx_bits_q  <= tx_bits_q - 4'd1;
        tx_o       <= (tx_bits_q == 4'd1) ? 1'b1 : tx_shift_q[0];
        tx_shift_q <= {1'b1, tx_shift_q[8:1]};
      end
    end
  end

  // ---- Receiver -----------------------------------------------------------------------------
  logic [1:0]  rx_sync_q;
  logic        rx_s;
  logic        rx_busy_q;
  logic [3:0]  rx_bit_q;     // 0: start bit, 1..8: data, 9: stop
  logic [15:0] rx_tick_q;
  logic [7:0]  rx_data_q;
  logic        rx_push;

  logic [16:0] rx_half_w;
  logic [15:0] rx_half;   // cycles from the start edge to the middle of the start bit, minus 1
  assign rx_s      = rx_sync_q[1];
  assign rx_half_w = ((17'(clkdiv_q) + 17'd1) >> 1) - 17'd1;
  assign rx_half   = rx_half_w[15:0];

  epoxy_soc_fifo #(.Width(8), .Depth(FifoDepth)) u_rx_fifo (
    .clk_i, .rst_ni,
    .push_i (rx_push), .wdata_i (rx_data_q),   // unchanged until the next frame's data
    .pop_i  (rx_pop),  .rdata_o (rx_head),
    .empty_o(rx_empty), .full_o (rx_full), .count_o (rx_count)
  );

  assign rx_ready_o = rx_count <= CW'(FifoDepth - 2);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rx_sync_q <= 2'b11;
      rx_busy_q <= 1'b0;
      rx_bit_q  <= 4'd0;
      rx_tick_q <= 16'd0;
      rx_data_q <= 8'd0;
      rx_push   <= 1'b0;
    end else begin
      rx_sync_q <= {rx_sync_q[0], rx_i};
      rx_push   <= 1'b0;
      if (!rx_busy_q) begin
        if (!rx_s) begin
          // Start bit seen at cycle t: its middle is t + (clkdiv + 1) / 2. With one cycle
          // per bit that is t itself, so the start bit counts as checked.
          rx_busy_q <= 1'b1;
          if (clkdiv_q == 16'd0) begin
            rx_bit_q  <= 4'd1;
            rx_tick_q <= 16'd0;
          end else begin
            rx_bit_q  <= 4'd0;
            rx_tick_q <= rx_half;
          end
        end
      end else if (rx_tick_q != 16'd0) begin
        rx_tick_q <= rx_tick_q - 16'd1;
      end else begin
        rx_tick_q <= clkdiv_q;
        rx_bit_q  <= rx_bit_q + 4'd1;
        if (rx_bit_q == 4'd0) begin
          if (rx_s) rx_busy_q <= 1'b0;   // glitch, not a start bit
        end else if (rx_bit_q == 4'd9) begin
          rx_busy_q <= 1'b0;
          rx_push   <= rx_s;             // stop bit high: good frame (else dropped)
        end else begin
          rx_data_q <= {rx_s, rx_data_q[7:1]};
        end
      end
    end
  end

  logic unused;
  assign unused = ^{reg_wdata_i[31:16], rx_full, tx_count_unused, rx_half_w[16]};

endmodule

`default_nettype wire
