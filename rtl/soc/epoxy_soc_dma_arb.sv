// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: an accelerator's DMA port into the SRAM banks.
//
// The DMA master presents, with its request, the bank of its first word (decoded by the SoC;
// Banks means "not the SRAM" and is answered by this module's error responder: grant at once,
// err one cycle later). In front of each bank, a two-master round-robin arbiter shares the bank
// between the main crossbar's port for that bank (master 0) and the DMA (master 1): with both
// requesting, the pointer decides, and it moves past the winner, so the two alternate. This
// is exactly epoxy_soc_xbar's rule for two masters, and like the crossbar it keeps the slave
// contract (a bank answers one cycle after its grant, so a register per bank routes the
// response) with no register in the request path: neither side pays a cycle.
//
// A DMA beat is up to Lanes consecutive words (lanes enabled by d_be_i, a prefix) from any word
// address: with the SRAM word-interleaved, word i goes to bank (first + i) mod Banks, so the
// words of a beat are in different banks as long as Lanes <= Banks (required). The beat is
// granted only when it wins every bank it needs (all or nothing); otherwise the core keeps its
// banks that cycle and the pointers of the banks the core was granted turn to the DMA, so the
// beat waits at most Banks cycles. With the DMA idle, the core's banks see exactly what they
// did without it. The banks' gnt must not depend on their req (the SRAM grants always).
// Written as whole-vector logic over the banks (one bit per bank), which simulates fast.
`default_nettype none

module epoxy_soc_dma_arb #(
  parameter int unsigned Banks = 4,
  parameter int unsigned Lanes = 1,          // 32-bit DMA lanes, at most Banks
  localparam int unsigned SelW = $clog2(Banks + 1),
  localparam int unsigned BkW  = (Banks > 1) ? $clog2(Banks) : 1
) (
  input  logic                  clk_i,
  input  logic                  rst_ni,

  // The main crossbar's port of each bank (flat vectors, bank b at [b*W +: W])
  input  logic [Banks-1:0]      c_req_i,
  input  logic [Banks*32-1:0]   c_addr_i,
  input  logic [Banks-1:0]      c_we_i,
  input  logic [Banks*4-1:0]    c_be_i,
  input  logic [Banks*32-1:0]   c_wdata_i,
  output logic [Banks-1:0]      c_gnt_o,
  output logic [Banks-1:0]      c_rvalid_o,
  output logic [Banks*32-1:0]   c_rdata_o,
  output logic [Banks-1:0]      c_err_o,

  // The DMA master (lane i at [i*32 +: 32], its byte enables at [i*4 +: 4])
  input  logic                  d_req_i,
  input  logic [SelW-1:0]       d_sel_i,     // bank of the first word, or Banks: error
  input  logic [31:0]           d_addr_i,
  input  logic                  d_we_i,
  input  logic [Lanes*4-1:0]    d_be_i,
  input  logic [Lanes*32-1:0]   d_wdata_i,
  output logic                  d_gnt_o,
  output logic                  d_rvalid_o,
  output logic [Lanes*32-1:0]   d_rdata_o,
  output logic                  d_err_o,

  // The banks
  output logic [Banks-1:0]      b_req_o,
  output logic [Banks*32-1:0]   b_addr_o,
  output logic [Banks-1:0]      b_we_o,
  output logic [Banks*4-1:0]    b_be_o,
  output logic [Banks*32-1:0]   b_wdata_o,
  input  logic [Banks-1:0]      b_gnt_i,
  input  logic [Banks-1:0]      b_rvalid_i,
  input  logic [Banks*32-1:0]   b_rdata_i,
  input  logic [Banks-1:0]      b_err_i
);

  logic [Banks-1:0] d_want, own_d, upd, ptr_q, pend_q, owner_q, d_hit;
  logic             d_bad, d_bad_q, d_go;
  logic [BkW-1:0]   first, first_q;
  logic [BkW-1:0]   lane_of [Banks];   // the beat's lane that bank b serves

  assign first = BkW'(d_sel_i);
`ifdef SYNTHESIS
  assign d_bad = d_req_i && (d_sel_i >= SelW'(Banks));
  for (genvar b = 0; b < Banks; b++) begin : g_want
    assign lane_of[b] = BkW'(b) - first;   // (b - first) mod Banks (a power of two)
    assign d_want[b]  = d_req_i && !d_bad && (32'(lane_of[b]) < Lanes) &&
                        (d_be_i[4*(32'(lane_of[b]) % Lanes) +: 4] != 4'd0);
  end
  // The beat goes when every bank it needs is the DMA's: free of the core, or its turn.
  assign d_go   = (d_want != '0) && ((d_want & ~((~c_req_i | ptr_q) & b_gnt_i)) == '0);
  assign own_d  = d_go ? d_want : '0;

  for (genvar b = 0; b < Banks; b++) begin : g_bank
    logic [31:0] lane_addr;
    int unsigned ln;
    assign ln        = 32'(lane_of[b]) % Lanes;
    assign lane_addr = d_addr_i + {30'(lane_of[b]), 2'b00};
    assign b_addr_o[b*32 +: 32]  = own_d[b] ? lane_addr : c_addr_i[b*32 +: 32];
    assign b_be_o[b*4 +: 4]      = own_d[b] ? d_be_i[ln*4 +: 4] : c_be_i[b*4 +: 4];
    assign b_wdata_o[b*32 +: 32] = own_d[b] ? d_wdata_i[ln*32 +: 32] : c_wdata_i[b*32 +: 32];
  end
`else
  // Simulation: the same function, with the beat's logic evaluated only while the DMA
  // requests (rarely); otherwise the banks take the core's ports as they are. Verilator
  // would evaluate every lane's address, byte enables and data in every cycle.
  always_comb begin
    d_bad     = 1'b0;
    d_want    = '0;
    d_go      = 1'b0;
    own_d     = '0;
    b_addr_o  = c_addr_i;
    b_be_o    = c_be_i;
    b_wdata_o = c_wdata_i;
    for (int b = 0; b < Banks; b++) lane_of[b] = '0;
    if (d_req_i) begin
      d_bad = d_sel_i >= SelW'(Banks);
      for (int b = 0; b < Banks; b++) lane_of[b] = BkW'(b) - first;   // as above
      for (int b = 0; b < Banks; b++) begin
        d_want[b] = !d_bad && (32'(lane_of[b]) < Lanes) &&
                    (d_be_i[4*(32'(lane_of[b]) % Lanes) +: 4] != 4'd0);
      end
      d_go  = (d_want != '0) && ((d_want & ~((~c_req_i | ptr_q) & b_gnt_i)) == '0);
      own_d = d_go ? d_want : '0;
      for (int b = 0; b < Banks; b++) begin
        if (own_d[b]) begin
          b_addr_o[b*32 +: 32]  = d_addr_i + {30'(lane_of[b]), 2'b00};
          b_be_o[b*4 +: 4]      = d_be_i[4*(32'(lane_of[b]) % Lanes) +: 4];
          b_wdata_o[b*32 +: 32] = d_wdata_i[32*(32'(lane_of[b]) % Lanes) +: 32];
        end
      end
    end
  end
`endif
  assign upd     = (c_req_i | own_d) & b_gnt_i;
  assign b_req_o = c_req_i | own_d;
  assign b_we_o  = (own_d & {Banks{d_we_i}}) | (~own_d & c_we_i);
  assign c_gnt_o = c_req_i & ~own_d & b_gnt_i;
  assign d_gnt_o = d_bad || d_go;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      ptr_q   <= '0;
      pend_q  <= '0;
      owner_q <= '0;
      d_bad_q <= 1'b0;
      first_q <= '0;
    end else begin
      pend_q  <= upd;
      owner_q <= (owner_q & ~upd) | (own_d & upd);
      ptr_q   <= (ptr_q & ~upd) | (~own_d & upd);
      d_bad_q <= d_bad;
      if (d_go) first_q <= first;
    end
  end

  // Responses: each bank's goes to whoever it granted last cycle; lane i of the DMA's from
  // bank (first + i) mod Banks (lanes the beat did not use carry whatever that bank answered).
  assign d_hit      = pend_q & owner_q;
  assign c_rvalid_o = b_rvalid_i & pend_q & ~owner_q;
  assign c_rdata_o  = b_rdata_i;
  assign c_err_o    = b_err_i;
  assign d_rvalid_o = d_bad_q || (d_hit != '0);
  assign d_err_o    = d_bad_q || ((d_hit & b_err_i) != '0);
  if (Banks > 1) begin : g_rdata
    for (genvar i = 0; i < Lanes; i++) begin : g_lane
      logic [BkW-1:0] bank;
      assign bank = first_q + BkW'(i);
      assign d_rdata_o[i*32 +: 32] = b_rdata_i[32'(bank)*32 +: 32];
    end
  end else begin : g_rdata_one
    assign d_rdata_o = {Lanes{b_rdata_i[31:0]}};   // Lanes = 1 (epoxy_soc checks)
    logic unused;
    assign unused = ^first_q;
  end

endmodule

`default_nettype wire
