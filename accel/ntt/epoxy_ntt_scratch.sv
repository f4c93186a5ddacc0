// SPDX-License-Identifier: Apache-2.0
// The NTT coprocessor's scratchpad: two buffers (ping-pong), each split into four banks
// (lower/upper half x even/odd row) of P lanes, every lane its own simple dual-port memory of
// 2^MaxLogN / (4P) words. Element position x (0 <= x < N) lives in global row x / P, lane
// x % P; rows 0 .. N/(2P)-1 are the lower half, the rest the upper half.
// Every access moves 2P elements of one buffer in one of two patterns (docs/ntt.md):
//   PatHalf, group c: lower-half row c and upper-half row c   (positions j and j + N/2)
//   PatAdj,  group c: global rows 2c and 2c+1                  (positions 2j and 2j + 1)
// for j = cP .. cP+P-1. Either pattern touches two different banks, so one read and one write
// per cycle (on any buffers) never conflict. Flat lane f (0 .. 2P-1) of an access is lane
// f % P of the first (f < P) or the second row. Reads return the data one cycle later.
`default_nettype none

module epoxy_ntt_scratch #(
  parameter int unsigned P       = 8,
  parameter int unsigned MaxLogN = 14,
  parameter int unsigned W       = 64,
  localparam int unsigned LogP   = $clog2(P),
  localparam int unsigned AW     = MaxLogN - LogP - 2,   // address bits of one lane memory
  localparam int unsigned CW     = MaxLogN - LogP - 1    // group index bits
) (
  input  logic             clk_i,
  input  logic [3:0]       log_n_i,      // the current N = 2^log_n
  // read port
  input  logic             rd_en_i,
  input  logic             rd_buf_i,
  input  logic             rd_adj_i,     // 1: PatAdj, 0: PatHalf
  input  logic [CW-1:0]    rd_c_i,
  output logic [2*P*W-1:0] rd_data_o,
  // write port
  input  logic             wr_buf_i,
  input  logic             wr_adj_i,
  input  logic [CW-1:0]    wr_c_i,
  input  logic [2*P-1:0]   wr_en_i,
  input  logic [2*P*W-1:0] wr_data_i
);

  // PatHalf: rows {h, e, addr} = {0, c&1, c>>1} and {1, c&1, c>>1}.
  // PatAdj:  global rows 2c and 2c+1: half h = (2c >= N/(2P)), local row lr = 2c - h*N/(2P)
  //          (even, as N/(2P) is): rows {h, 0, lr>>1} and {h, 1, lr>>1}.
  logic [CW:0] half_rows;  // N / (2P): rows per half
  assign half_rows = (CW+1)'(1) << (log_n_i - 4'(LogP) - 4'd1);

  // {h, e, addr} of the first row of an access (lr is even and below N/(2P): its lowest and
  // highest bits are not needed)
  /* verilator lint_off UNUSEDSIGNAL */
  function automatic logic [AW+1:0] map(input logic adj, input logic [CW-1:0] c,
                                        input logic [CW:0] hrows);
    logic [CW:0] g, lr;
    g  = {c, 1'b0};
    lr = (g >= hrows) ? g - hrows : g;
    if (!adj) map = {1'b0, c[0], c[AW:1]};
    else      map = {g >= hrows, 1'b0, lr[AW:1]};
  endfunction
  /* verilator lint_on UNUSEDSIGNAL */

  logic [AW+1:0] rd_map, wr_map;
  assign rd_map = map(rd_adj_i, rd_c_i, half_rows);
  assign wr_map = map(wr_adj_i, wr_c_i, half_rows);

  logic [AW-1:0] rd_addr, wr_addr;
  assign rd_addr = rd_map[AW-1:0];
  assign wr_addr = wr_map[AW-1:0];

  // Registered read data of every lane memory: lane l of bank b of buffer bf at
  // ((bf * 4 + b) * P + l) * W.
  logic [8*P*W-1:0] rd_q;

  for (genvar b = 0; b < 4; b++) begin : g_bank
    localparam logic Hb = b[1], Eb = b[0];   // bank b = {h, e}
    logic rd_hit, wr_row0, wr_row1;
    assign rd_hit  = rd_en_i && (rd_adj_i ? (rd_map[AW+1] == Hb) : (rd_map[AW] == Eb));
    assign wr_row0 = wr_adj_i ? (wr_map[AW+1] == Hb && !Eb) : (!Hb && wr_map[AW] == Eb);
    assign wr_row1 = wr_adj_i ? (wr_map[AW+1] == Hb &&  Eb) : ( Hb && wr_map[AW] == Eb);

    for (genvar bf = 0; bf < 2; bf++) begin : g_buf
      for (genvar l = 0; l < P; l++) begin : g_lane
        logic [W-1:0] mem [2**AW];
        logic [W-1:0] q;
        logic         we;
        assign we = (wr_buf_i == bf[0]) &&
                    ((wr_row0 && wr_en_i[l]) || (wr_row1 && wr_en_i[P+l]));
        always_ff @(posedge clk_i) begin
          if (we) mem[wr_addr] <= wr_row0 ? wr_data_i[l*W +: W] : wr_data_i[(P+l)*W +: W];
          if (rd_hit && rd_buf_i == bf[0]) q <= mem[rd_addr];
        end
        assign rd_q[((bf*4 + b)*P + l)*W +: W] = q;
      end
    end
  end

  // Row 0 of a read came from bank {h, e} of its map, row 1 from the partner bank.
  logic [2:0] sel0_q, sel1_q;   // {buffer, bank}
  always_ff @(posedge clk_i) begin
    if (rd_en_i) begin
      sel0_q <= {rd_buf_i, rd_map[AW+1:AW]};
      sel1_q <= {rd_buf_i, rd_adj_i ? {rd_map[AW+1], 1'b1} : {1'b1, rd_map[AW]}};
    end
  end
  assign rd_data_o = {rd_q[sel1_q*P*W +: P*W], rd_q[sel0_q*P*W +: P*W]};

endmodule

`default_nettype wire
