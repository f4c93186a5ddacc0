// SPDX-License-Identifier: Apache-2.0
// Epoxy core: instruction fetch and prefetch buffer, the OBI instruction port.
//
// Fetches aligned 32-bit words sequentially into a small FIFO and presents the
// instruction at the current pc to the decode stage: a compressed instruction from either
// half-word, a 32-bit one from one word or straddling two. A response arriving this cycle
// is visible at once (it bypasses the FIFO), so a redirect costs no extra cycle for the
// decode register behind this unit. Every word is checked by the PMP (time-shared, owned
// by the core, always on a registered address) before its request is issued; the core
// says whether this cycle's verdict is for this unit: pmp_seq_valid_i for the next
// sequential word (fetch_addr_q, which pmp_addr_o announces a cycle ahead),
// pmp_tgt_valid_i for target_i. A denied word never reaches the bus and enters the FIFO
// as an error entry one cycle after the check, so the execute stage sees an instruction
// access fault exactly when it reaches that instruction (mtval = pc, or pc + 2 when only
// the second half faults, as the ISS fetches in 16-bit parcels). A redirect (taken branch,
// jump, trap, mret, fence.i, PMP write) empties the FIFO and drops the responses of
// requests already in flight; the target's request goes out in the same cycle only for
// redirect_now_i (taken branch or jal: the target is the registered target_i, checked by
// the PMP this cycle), else one cycle later from fetch_addr_q. The sequential request of a
// cycle does not depend on whether the execute stage redirects (that would put the whole
// execute stage in front of the bus request): when it does, the request belongs to the
// old stream and its response is dropped like any other. With redirect_wait2_i the
// instruction is delivered only once two words are available, so the delay after a
// constant-time branch does not depend on the alignment of its target.
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
  input  logic        redirect_i,        // flush; the target's request goes out next cycle
  input  logic        redirect_now_i,    // ... except this one: request target_i at once
  input  logic        redirect_now_drop_i,  // late: an interrupt is taken instead, so the
                                         // target request made now belongs to a flushed stream
  input  logic [31:0] target_i,          // registered target for redirect_now_i
  input  logic        redirect_wait2_i,
  input  logic [31:0] redirect_pc_i,

  // Instruction to the execute stage
  output logic        valid_o,
  output logic [31:0] instr_o,           // compressed instructions in bits 15:0
  output logic        err_o,             // instruction access fault
  output logic        err_hi_o,          // only the second half faults: mtval = pc + 2
  output logic [31:0] pc_o,
  input  logic        consume_i,         // the instruction retires this cycle

  // PMP (shared): pmp_addr_o is next cycle's sequential word (the core registers it for
  // the check, which then sees fetch_addr_q); the verdict applies to this
  // unit's sequential request when pmp_seq_valid_i, to an unheld redirect's when
  // pmp_tgt_valid_i (both from registered state only)
  output logic [31:0] pmp_addr_o,
  input  logic        pmp_seq_valid_i,
  input  logic        pmp_tgt_valid_i,
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
  logic        redir, tgt_now, tgt_keep;
  logic [31:0] redir_pc;
  assign redir    = redirect_i || boot_q;
  assign redir_pc = boot_q ? boot_addr_i : redirect_pc_i;
  assign tgt_now  = redirect_now_i && !boot_q;           // the target is requested now
  assign tgt_keep = tgt_now && !redirect_now_drop_i;     // ... and starts the new stream
  logic unused_target;
  assign unused_target = ^target_i[1:0];

  // ---- Requests ------------------------------------------------------------------------
  logic [31:0] new_addr;
  logic        space_seq, space_tgt, seq_ok, tgt_ok, new_ok, deny_now, deny_push, granted;
  logic        stale_new, stale_req;
  logic        deny_q;  // a denied word's error entry enters the FIFO this cycle
  assign space_seq = ((CntW+1)'(count_q) + (CntW+1)'(inflight_q) + (CntW+1)'(deny_q)) <
                     (CntW+1)'(Depth);
  assign space_tgt = (inflight_q < CntW'(Depth));  // the redirect empties the FIFO
  assign pmp_addr_o = fetch_addr_d;
  assign seq_ok    = !pend_q && !boot_q && space_seq && pmp_seq_valid_i && pmp_allow_i;
  assign tgt_ok    = !pend_q && space_tgt && pmp_tgt_valid_i && pmp_allow_i;
  assign new_ok    = tgt_now ? tgt_ok : seq_ok;
  assign new_addr  = tgt_now ? {target_i[31:2], 2'b00} : fetch_addr_q;
  // A denied word enters the FIFO as an error only when nothing older is in flight, one
  // cycle later, unless a redirect flushes it.
  assign deny_now  = !pend_q && !boot_q && space_seq && pmp_seq_valid_i && !pmp_allow_i &&
                     (inflight_q == '0) && !tgt_now;
  assign deny_push = deny_q && !redir;

  assign instr_req_o  = pend_q || new_ok;
  assign instr_addr_o = pend_q ? pend_addr_q : new_addr;
  assign granted      = instr_req_o && instr_gnt_i;
  assign stale_new    = redir && !tgt_keep;  // a request of a flushed stream
  assign stale_req    = pend_q ? (pend_stale_q || redir) : stale_new;

  always_comb begin
    pend_d       = instr_req_o && !instr_gnt_i;
    pend_addr_d  = instr_addr_o;
    pend_stale_d = stale_req;

    // The next new request's address advances when a request is issued, granted or not (an
    // ungranted one is repeated from pend_addr_q), so it never waits for the bus's grant.
    fetch_addr_d = fetch_addr_q;
    if (redir) begin
      fetch_addr_d = {redir_pc[31:2], 2'b00};
      if (tgt_keep && tgt_ok) fetch_addr_d = {target_i[31:2], 2'b00} + 32'd4;
    end else if (new_ok || deny_now) begin
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
  // The words visible this cycle: the buffered ones, then the response arriving now.
  logic            rsp_push, have0, have1, avail1, avail2, is32, need1;
  logic [CntW-1:0] avail;
  logic [31:0]     ew0;
  logic [15:0]     ew1;  // only its low half can be part of an instruction
  logic            ee0, ee1;
  logic [15:0]     lo, hi;
  assign rsp_push = instr_rvalid_i && (discard_q == '0);
  assign avail    = count_q + CntW'(rsp_push);
  assign have0    = (count_q != '0);
  assign have1    = (count_q >= CntW'(2));
  assign avail1   = (avail != '0);
  assign avail2   = (avail >= CntW'(2));
  assign ew0      = have0 ? word_q[31:0]  : instr_rdata_i;
  assign ee0      = have0 ? werr_q[0]     : instr_err_i;
  assign ew1      = have1 ? word_q[47:32] : instr_rdata_i[15:0];
  assign ee1      = have1 ? werr_q[1]     : instr_err_i;
  assign lo    = pc_q[1] ? ew0[31:16] : ew0[15:0];
  assign hi    = pc_q[1] ? ew1[15:0]  : ew0[31:16];
  assign is32  = (lo[1:0] == 2'b11);
  assign need1 = pc_q[1] && is32;

  assign valid_o    = !boot_q && avail1 && (ee0 || !need1 || avail2) &&
                      (!wait2_q || avail2);
  assign err_o      = ee0 || (need1 && ee1);
  assign err_hi_o   = !ee0;
  assign instr_o    = is32 ? {hi, lo} : {16'd0, lo};
  assign pc_o       = pc_q;

  // ---- FIFO ----------------------------------------------------------------------------------
  // The arriving word (or denied-word error entry) is written behind the buffered ones,
  // then a consumed word is shifted out.
  logic                pop, push;
  logic [32*Depth-1:0] ins_word;
  logic [Depth-1:0]    ins_err;
  logic [CntW-1:0]     ins_count;
  assign pop  = consume_i && valid_o && (pc_q[1] || is32);
  assign push = rsp_push || deny_push;

  always_comb begin
    ins_word  = word_q;
    ins_err   = werr_q;
    if (push) begin
      ins_word[32*count_q[$clog2(Depth)-1:0] +: 32] = deny_push ? 32'd0 : instr_rdata_i;
      ins_err[count_q[$clog2(Depth)-1:0]]           = deny_push || instr_err_i;
    end
    ins_count = count_q + CntW'(push);

    word_d  = word_q;
    werr_d  = werr_q;
    count_d = count_q;
    pc_d    = pc_q;
    wait2_d = wait2_q && !avail2;
    if (redir) begin
      count_d = '0;
      pc_d    = redir_pc;
      wait2_d = redirect_wait2_i && !boot_q;
    end else begin
      word_d  = pop ? {32'd0, ins_word[32*Depth-1:32]} : ins_word;
      werr_d  = pop ? {1'b0, ins_err[Depth-1:1]} : ins_err;
      count_d = ins_count - CntW'(pop);
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
      deny_q       <= 1'b0;
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
      deny_q       <= deny_now && !redir;
    end
  end

  always_ff @(posedge clk_i) begin
    word_q <= word_d;
  end

endmodule

`default_nettype wire
