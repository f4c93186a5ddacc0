// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: one word-wide memory bank with an OBI slave port (SRAM bank or boot ROM).
//
// Grants every request at once and answers exactly one cycle later (the crossbar's slave
// contract). `word_addr_i` is the word index inside this bank (the SoC strips the bank
// bits). With Writable = 0 (the boot ROM) a write is answered with err and changes
// nothing. The storage has no reset and maps to block RAM (iCE40 EBR/SPRAM, ECP5 DP16KD);
// InitFile, when set, preloads it with $readmemh (a board's bootloader). Simulators load
// programs into `mem_q` directly (it is public to Verilator: docs/soc.md).
`default_nettype none

module epoxy_soc_ram #(
  parameter int unsigned Words    = 1024,
  parameter bit          Writable = 1'b1,
  parameter              InitFile = ""   // untyped: Yosys 0.23 has no string type
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,
  input  logic                     req_i,
  output logic                     gnt_o,
  input  logic [$clog2(Words)-1:0] word_addr_i,
  input  logic                     we_i,
  input  logic [3:0]               be_i,
  input  logic [31:0]              wdata_i,
  output logic                     rvalid_o,
  output logic [31:0]              rdata_o,
  output logic                     err_o
);

  logic [31:0] mem_q [Words] /* verilator public_flat_rw */;

  initial begin
    if (InitFile != "") $readmemh(InitFile, mem_q);
  end

  assign gnt_o = 1'b1;

  // Storage and read data: no reset (block RAM). A write leaves rdata_o as it was (OBI:
  // rdata is meaningful only for reads; the core and the DMA ignore it on writes), i.e. the
  // port is "no change" on write, which is what the iCE40 UP5K's SPRAM does: Yosys
  // (synth_ice40 -spram) then maps a 16K-word bank to two SB_SPRAM256KA (byte enables to
  // their nibble masks); EBR and ECP5 DP16KD support the mode too.
`ifdef SYNTHESIS
  always_ff @(posedge clk_i) begin
    if (req_i) begin
      if (we_i && Writable) begin
        for (int b = 0; b < 4; b++) begin
          if (be_i[b]) mem_q[word_addr_i][8*b +: 8] <= wdata_i[8*b +: 8];
        end
      end else begin
        rdata_o <= mem_q[word_addr_i];
      end
    end
  end
`else
  // The same write as one masked word: Verilator keeps one pending write per bank instead
  // of one per byte lane, each of which it would set up and test every cycle.
  always_ff @(posedge clk_i) begin
    if (req_i) begin
      if (we_i && Writable) begin : b_write
        logic [31:0] lanes;
        lanes = {{8{be_i[3]}}, {8{be_i[2]}}, {8{be_i[1]}}, {8{be_i[0]}}};
        mem_q[word_addr_i] <= (mem_q[word_addr_i] & ~lanes) | (wdata_i & lanes);
      end else begin
        rdata_o <= mem_q[word_addr_i];
      end
    end
  end
`endif

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rvalid_o <= 1'b0;
      err_o    <= 1'b0;
    end else begin
      rvalid_o <= req_i;
      err_o    <= req_i && we_i && !Writable;
    end
  end

endmodule

`default_nettype wire
