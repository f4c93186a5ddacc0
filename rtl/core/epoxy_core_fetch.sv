// SPDX-License-Identifier: Apache-2.0
// Epoxy core: instruction fetch and prefetch buffer, the OBI instruction port.
//
// Fetches aligned 32-bit words sequentially into a small FIFO and presents the
// instruction at the current pc: a compressed instruction from either half-word, a 32-bit
// one from one word or straddling two. Every word is checked by the fetch PMP port before
// its request is issued; a denied word never reaches the bus and enters the FIFO as an
// error entry, so the execute stage sees an instruction access fault exactly when it
// reaches that instruction (mtval = pc, or pc + 2 when only the second half faults, as
// the ISS fetches in 16-bit parcels). A redirect (taken branch, jump, trap, mret, fence.i,
// PMP write) empties the FIFO and drops the responses of requests already in flight; the
// target's request goes out in the same cycle unless the execute stage asks to hold it
// for one cycle (when privilege or PMP configuration change in that cycle). With
// redirect_wait2_i the instruction is delivered only once two words are buffered, so the
// delay after a constant-time branch does not depend on the alignment of its target.
// It deliberately has no branch prediction of any kind: the next fetch address is always
// the next sequential word or a resolved target given by the execute stage.
`default_nettype none

module epoxy_core_fetch #(
  parameter int unsigned Depth = 4   // FIFO words; 4 sustains one word per cycle
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [31:0] boot_addr_i,

  // Redirect from the execute stage
  input  logic        redirect_i,
  input  logic        redirect_hold_i,   // no request for the target this cycle
  input  logic        redirect_wait2_i,
  input  logic [31:0] redirect_pc_i,

  // Instruction to the execute stage
  output logic        valid_o,
  output logic [31:0] instr_o,           // compressed instructions in bits 15:0
  output logic        err_o,             // instruction access fault
  output logic [31:0] err_addr_o,        // mtval for the fault
  output logic [31:0] pc_o,
  input  logic        consume_i,         // the instruction retires this cycle

  // Fetch PMP port
  output logic [31:0] pmp_addr_o,
  input  logic        pmp_allow_i,

  // OBI instruction port (read-only)
  output logic        instr_req_o,
  input  logic        instr_gnt_i,
  output logic [31:0] instr_addr_o,
  input  logic        instr_rvalid_i,
  input  logic [31:0] instr_rdata_i,
  input  logic        instr_err_i
);

  localparam int unsigned CntW = $clog2(Depth + 1) + 1;

  logic              boot_q;
  logic [31:0]       pc_q, pc_d;
  logic [31:0]       fetch_addr_q, fetch_addr_d;   // next new request (word address)
  logic              pend_q, pend_d;               // last cycle's request was not granted
  logic              pend_stale_q, pend_stale_d;   // ... and belongs to a flushed stream
  logic [31:0]       pend_addr_q, pend_addr_d;
  logic [CntW-1:0]   inflight_q, inflight_d;       // granted, response not yet seen
  logic [CntW-1:0]   discard_q, discard_d;         // responses still to drop
  logic [CntW-1:0]   count_q, count_d;
  logic              wait2_q, wait2_d;
  logic [32*Depth-1:0]    word_q, word_d;          // datapath, no reset needed
  logic [Depth-1:0]       werr_q, werr_d;

  // The first cycle after reset acts as a redirect to the boot address.
  logic        redir, hold;
  logic [31:0] redir_pc;
  assign redir    = redirect_i || boot_q;
  assign redir_pc = boot_q ? boot_addr_i : redirect_pc_i;
  assign hold     = redirect_i && redirect_hold_i && !boot_q;

  // ---- Requests ------------------------------------------------------------------------
  logic [31:0] new_addr;
  logic        space, want_new, new_ok, new_deny, deny_push, granted, stale_req;
  assign new_addr  = redir ? {redir_pc[31:2], 2'b00} : fetch_addr_q;
  logic [CntW-1:0] count_eff;  // a redirect empties the FIFO this cycle
  assign count_eff = redir ? CntW'(0) : count_q;
  assign space     = (32'(count_eff) + 32'(inflight_q)) < Depth;
  assign want_new  = !pend_q && space && !hold;
  assign pmp_addr_o = new_addr;
  assign new_ok    = want_new && pmp_allow_i;
  assign new_deny  = want_new && !pmp_allow_i;
  // A denied word enters the FIFO as an error only when nothing older is in flight.
  assign deny_push = new_deny && (inflight_q == '0) && !redir;

  assign instr_req_o  = pend_q || new_ok;
  assign instr_addr_o = pend_q ? pend_addr_q : new_addr;
  assign granted      = instr_req_o && instr_gnt_i;
  assign stale_req    = pend_q && (pend_stale_q || redir);

  always_comb begin
    pend_d       = instr_req_o && !instr_gnt_i;
    pend_addr_d  = instr_addr_o;
    pend_stale_d = pend_q ? stale_req : 1'b0;

    fetch_addr_d = fetch_addr_q;
    if (redir) begin
      fetch_addr_d = {redir_pc[31:2], 2'b00};
      if (new_ok && instr_gnt_i) fetch_addr_d = {redir_pc[31:2], 2'b00} + 32'd4;
    end else if ((granted && !stale_req) || deny_push) begin
      fetch_addr_d = fetch_addr_q + 32'd4;
    end

    inflight_d = inflight_q + CntW'(granted) - CntW'(instr_rvalid_i);
    if (redir) begin
      discard_d = inflight_q - CntW'(instr_rvalid_i) + CntW'(granted && stale_req);
    end else begin
      discard_d = discard_q - CntW'(instr_rvalid_i && (discard_q != '0)) +
                  CntW'(granted && stale_req);
    end
  end

  // ---- Instruction alignment ---------------------------------------------------------------
  logic        have0, have1, is32, need1;
  logic [15:0] lo, hi;
  assign have0 = (count_q != '0);
  assign have1 = (count_q >= CntW'(2));
  assign lo    = pc_q[1] ? word_q[31:16] : word_q[15:0];
  assign hi    = pc_q[1] ? word_q[47:32]  : word_q[31:16];
  assign is32  = (lo[1:0] == 2'b11);
  assign need1 = pc_q[1] && is32;

  assign valid_o    = !boot_q && have0 && (werr_q[0] || !need1 || have1) &&
                      (!wait2_q || have1);
  assign err_o      = werr_q[0] || (need1 && werr_q[1]);
  assign err_addr_o = werr_q[0] ? pc_q : pc_q + 32'd2;
  assign instr_o    = is32 ? {hi, lo} : {16'd0, lo};
  assign pc_o       = pc_q;

  // ---- FIFO ----------------------------------------------------------------------------------
  logic            pop, rsp_push, push;
  logic [CntW-1:0] count_pop;
  assign pop      = consume_i && valid_o && (pc_q[1] || is32);
  assign rsp_push = instr_rvalid_i && (discard_q == '0);
  assign push     = rsp_push || deny_push;
  assign count_pop = count_q - CntW'(pop);

  always_comb begin
    word_d  = word_q;
    werr_d  = werr_q;
    count_d = count_q;
    pc_d    = pc_q;
    wait2_d = wait2_q && !have1;
    if (redir) begin
      count_d = '0;
      pc_d    = redir_pc;
      wait2_d = redirect_wait2_i && !boot_q;
    end else begin
      if (pop) begin
        word_d = {32'd0, word_q[32*Depth-1:32]};
        werr_d = {1'b0, werr_q[Depth-1:1]};
      end
      if (push) begin
        word_d[32*count_pop[$clog2(Depth)-1:0] +: 32] = deny_push ? 32'd0 : instr_rdata_i;
        werr_d[count_pop[$clog2(Depth)-1:0]] = deny_push || instr_err_i;
      end
      count_d = count_pop + CntW'(push);
      if (consume_i && valid_o) pc_d = pc_q + (is32 ? 32'd4 : 32'd2);
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      boot_q       <= 1'b1;
      pc_q         <= 32'd0;
      fetch_addr_q <= 32'd0;
      pend_q       <= 1'b0;
      pend_stale_q <= 1'b0;
      pend_addr_q  <= 32'd0;
      inflight_q   <= '0;
      discard_q    <= '0;
      count_q      <= '0;
      wait2_q      <= 1'b0;
      werr_q       <= '0;
    end else begin
      boot_q       <= 1'b0;
      pc_q         <= pc_d;
      fetch_addr_q <= fetch_addr_d;
      pend_q       <= pend_d;
      pend_stale_q <= pend_stale_d;
      pend_addr_q  <= pend_addr_d;
      inflight_q   <= inflight_d;
      discard_q    <= discard_d;
      count_q      <= count_d;
      wait2_q      <= wait2_d;
      werr_q       <= werr_d;
    end
  end

  always_ff @(posedge clk_i) begin
    word_q <= word_d;
  end

endmodule

`default_nettype wire
