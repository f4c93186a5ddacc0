// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: an accelerator's DMA port into the SRAM banks.
//
// The DMA master presents, with its request, the bank it addresses (decoded by the SoC; Banks
// means "not the SRAM" and is answered by this module's error responder: grant at once, err
// one cycle later). In front of each bank, a two-master round-robin arbiter shares the bank
// between the main crossbar's port for that bank (master 0) and the DMA (master 1): with both
// requesting, the pointer decides, and it moves past the winner, so the two alternate. This
// is exactly epoxy_soc_xbar's rule for two masters, and like the crossbar it keeps the slave
// contract (a bank answers one cycle after its grant, so a register per bank routes the
// response) with no register in the request path: neither side pays a cycle. Written as
// whole-vector logic over the banks (one bit per bank), which simulates fast.
`default_nettype none

module epoxy_soc_dma_arb #(
  parameter int unsigned Banks = 4,
  localparam int unsigned SelW = $clog2(Banks + 1)
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

  // The DMA master
  input  logic                  d_req_i,
  input  logic [SelW-1:0]       d_sel_i,     // bank, or Banks: not the SRAM (error)
  input  logic [31:0]           d_addr_i,
  input  logic                  d_we_i,
  input  logic [3:0]            d_be_i,
  input  logic [31:0]           d_wdata_i,
  output logic                  d_gnt_o,
  output logic                  d_rvalid_o,
  output logic [31:0]           d_rdata_o,
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

  logic [Banks-1:0] d_req, own_d, upd, ptr_q, pend_q, owner_q, d_hit;
  logic             d_bad, d_bad_q;

  assign d_req  = d_req_i ? (Banks'(1) << d_sel_i) : '0;   // 0 for the error index
  assign d_bad  = d_req_i && (d_sel_i >= SelW'(Banks));
  assign own_d  = d_req & (~c_req_i | ptr_q);               // the DMA wins bank b
  assign upd    = (c_req_i | d_req) & b_gnt_i;

  assign b_req_o = c_req_i | d_req;
  assign b_we_o  = (own_d & {Banks{d_we_i}}) | (~own_d & c_we_i);
  for (genvar b = 0; b < Banks; b++) begin : g_bank
    assign b_addr_o[b*32 +: 32]  = own_d[b] ? d_addr_i  : c_addr_i[b*32 +: 32];
    assign b_be_o[b*4 +: 4]      = own_d[b] ? d_be_i    : c_be_i[b*4 +: 4];
    assign b_wdata_o[b*32 +: 32] = own_d[b] ? d_wdata_i : c_wdata_i[b*32 +: 32];
  end
  assign c_gnt_o = c_req_i & ~own_d & b_gnt_i;
  assign d_gnt_o = d_bad || ((d_req & own_d & b_gnt_i) != '0);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      ptr_q   <= '0;
      pend_q  <= '0;
      owner_q <= '0;
      d_bad_q <= 1'b0;
    end else begin
      pend_q  <= upd;
      owner_q <= (owner_q & ~upd) | (own_d & upd);
      ptr_q   <= (ptr_q & ~upd) | (~own_d & upd);
      d_bad_q <= d_bad;
    end
  end

  // Responses: each bank's goes to whoever it granted last cycle.
  assign d_hit      = pend_q & owner_q;
  assign c_rvalid_o = b_rvalid_i & pend_q & ~owner_q;
  assign c_rdata_o  = b_rdata_i;
  assign c_err_o    = b_err_i;
  assign d_rvalid_o = d_bad_q || (d_hit != '0);
  always_comb begin
    d_rdata_o = 32'd0;
    d_err_o   = d_bad_q;
    for (int b = 0; b < Banks; b++) begin
      if (d_hit[b]) begin
        d_rdata_o = b_rdata_i[b*32 +: 32];
        d_err_o   = b_err_i[b];
      end
    end
  end

endmodule

`default_nettype wire
