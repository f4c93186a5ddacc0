// SPDX-License-Identifier: Apache-2.0
// Epoxy core: control and status registers, privilege mode, trap entry/exit, interrupts.
//
// Implements exactly the CSR set and WARL rules of the reference ISS (sw/iss/hart_csr.cpp):
// mstatus (MIE, MPIE, MPP in {M,U}, MPRV, TW), misa, mie/mip, mtvec (direct/vectored),
// mscratch, mepc, mcause, mtval, mcounteren, mcountinhibit, menvcfg(h)/mstatush (zero),
// the ID CSRs (zero), cycle/time/instret and their h halves and machine forms, the HPM
// range, and PmpEntries (0, 4, 8 or 16) PMP entries: pmpcfg0..15 and pmpaddr0..63 all
// exist, entries at or above PmpEntries read zero and ignore writes (as the ISS's entries
// 16..63 do). Differences from the ISS, all documented in docs/core.md: mhpmcounter3
// counts stall cycles and mhpmcounter4 branch bubble cycles unless HpmCounters is 0 (the
// ISS hardwires both to 0); mie/mip have one platform interrupt bit per
// accelerator at 16+; the custom M-mode CSR 0x7C1 (mepoxyctl) holds the constant-time
// branch bit; mcycle counts clock cycles rather than ISS steps. It also evaluates the
// access rules of a CSR instruction (privilege, read-only, mcounteren, existence) and
// chooses the interrupt to take. It deliberately does not sequence instructions: the
// execute stage decides when a write, trap or mret commits.
`default_nettype none

module epoxy_core_csr #(
  parameter int unsigned NumAccelIrq = 3,
  parameter int unsigned PmpEntries  = 16,
  parameter int unsigned HpmCounters = 1    // 0: mhpmcounter3/4 read zero, as in the ISS
) (
  input  logic                                          clk_i,
  input  logic                                          rst_ni,

  // CSR instruction (execute stage)
  input  logic [11:0]                                   csr_addr_i,
  input  epoxy_core_pkg::csr_op_e                       csr_op_i,
  input  logic [31:0]                                   csr_operand_i,
  input  logic                                          csr_write_i,   // instruction writes
  input  logic                                          csr_commit_i,  // perform it now
  output logic [31:0]                                   csr_rdata_o,   // old value, to rd
  input  logic [11:0]                                   id_csr_addr_i, // the next instruction's
  input  logic                                          id_csr_write_i,
  output logic                                          id_csr_illegal_o, // its access rules

  // Trap entry and mret
  input  logic                                          trap_i,
  input  logic [31:0]                                   trap_cause_i,
  input  logic [31:0]                                   trap_tval_i,
  input  logic [31:0]                                   trap_pc_i,
  input  logic                                          mret_i,
  input  logic                                          retire_i,      // instruction retired

  // Performance events
  input  logic                                          ev_stall_i,
  input  logic                                          ev_bubble_i,

  // Interrupt lines and time
  input  logic                                          irq_software_i,
  input  logic                                          irq_timer_i,
  input  logic                                          irq_external_i,
  input  logic [NumAccelIrq-1:0]                        irq_accel_i,
  input  logic [63:0]                                   time_i,
  output logic                                          irq_pending_o, // (mip & mie) != 0
  output logic                                          irq_take_o,    // and globally enabled
  output logic [31:0]                                   irq_cause_o,

  // State for the rest of the core
  output epoxy_core_pkg::priv_e                         priv_o,
  output epoxy_core_pkg::priv_e                         data_priv_o,   // MPRV applied
  output logic                                          mstatus_tw_o,
  output logic [31:0]                                   mtvec_o,
  output logic [31:0]                                   mepc_o,
  output logic                                          ct_branch_o,
  output logic [8*((PmpEntries == 0) ? 1 : PmpEntries)-1:0]  pmp_cfg_o,   // entry i: 8i+7..8i
  output logic [32*((PmpEntries == 0) ? 1 : PmpEntries)-1:0] pmp_addr_o,  // entry i: 32i+31..32i

  // Trace: the value after the last write of the CSR at rvfi_addr_i (read the cycle after
  // the write), and the trap CSRs
  input  logic [11:0]                                   rvfi_addr_i,
  output logic [31:0]                                   rvfi_rdata_o,
  output logic [31:0]                                   rvfi_mepc_o,
  output logic [31:0]                                   rvfi_mcause_o,
  output logic [31:0]                                   rvfi_mtval_o
);

  localparam int unsigned N = (PmpEntries == 0) ? 1 : PmpEntries;  // stored entries
  localparam int          PmpN = PmpEntries;                        // signed, for loops

  // WARL/WLRL fields that hold fewer bits than 32 (the ISS masks the same way): mcounteren
  // and mcountinhibit have a bit only for the counters that count (cycle, time, instret,
  // and mhpmcounter3/4; mcountinhibit has no TM bit); mcause holds the interrupt bit and a
  // 5-bit code (every cause this core raises is below 32).
  localparam logic [31:0] CounterenMask = 32'h0000_001F;
  localparam logic [31:0] InhibitMask   = 32'h0000_001D;
  localparam logic [31:0] McauseMask    = 32'h8000_001F;

  // Writable mie bits, which are also the mip bits that exist.
  localparam logic [31:0] IrqMask =
      32'((1 << epoxy_core_pkg::IrqMSoft) | (1 << epoxy_core_pkg::IrqMTimer) | (1 << epoxy_core_pkg::IrqMExt)) |
      (((32'd1 << NumAccelIrq) - 32'd1) << epoxy_core_pkg::IrqAccel0);

  // ---- State ------------------------------------------------------------------------------
  epoxy_core_pkg::priv_e       priv_q;
  logic        mstatus_mie_q, mstatus_mpie_q;
  epoxy_core_pkg::priv_e       mstatus_mpp_q;
  logic        mstatus_mprv_q, mstatus_tw_q;
  logic [31:0] mie_q, mip_q;
  logic [31:0] mtvec_q, mscratch_q, mepc_q;
  logic [31:0] mcause_q, mtval_q;
  logic [31:0] mcounteren_q, mcountinhibit_q;
  logic [63:0] mcycle_q, minstret_q;
  logic [63:0] hpm3_q, hpm4_q;
  logic        ct_branch_q;
  logic [8*N-1:0]  pmp_cfg_q;
  logic [32*N-1:0] pmp_addr_q;
  // All 16 entries as software sees them: the unimplemented ones read zero.
  logic [127:0]    cfg_all;
  logic [511:0]    addr_all;
  assign cfg_all  = (PmpEntries == 0) ? 128'd0 : 128'(pmp_cfg_q);
  assign addr_all = (PmpEntries == 0) ? 512'd0 : 512'(pmp_addr_q);

  logic [31:0] mstatus;
  assign mstatus = (32'(mstatus_mie_q)  << epoxy_core_pkg::MstatusMie)  |
                   (32'(mstatus_mpie_q) << epoxy_core_pkg::MstatusMpie) |
                   (32'(mstatus_mpp_q)  << epoxy_core_pkg::MstatusMppLo) |
                   (32'(mstatus_mprv_q) << epoxy_core_pkg::MstatusMprv) |
                   (32'(mstatus_tw_q)   << epoxy_core_pkg::MstatusTw);

  // ---- Read port (the instruction's CSR) ---------------------------------------------------
  logic [31:0] rdata0;   // the old value, for rd and for the write below

  logic [11:0] ra;
  logic [31:0] rdv;
  assign ra = csr_addr_i;
  always_comb begin
    rdv   = 32'd0;
    unique case (ra)
      epoxy_core_pkg::CsrCycle, epoxy_core_pkg::CsrMcycle:             rdv = mcycle_q[31:0];
      epoxy_core_pkg::CsrCycleH, epoxy_core_pkg::CsrMcycleH:           rdv = mcycle_q[63:32];
      epoxy_core_pkg::CsrInstret, epoxy_core_pkg::CsrMinstret:         rdv = minstret_q[31:0];
      epoxy_core_pkg::CsrInstretH, epoxy_core_pkg::CsrMinstretH:       rdv = minstret_q[63:32];
      epoxy_core_pkg::CsrHpmCounter3, epoxy_core_pkg::CsrMhpmCounter3:   rdv = hpm3_q[31:0];
      epoxy_core_pkg::CsrHpmCounter3H, epoxy_core_pkg::CsrMhpmCounter3H: rdv = hpm3_q[63:32];
      epoxy_core_pkg::CsrHpmCounter4, epoxy_core_pkg::CsrMhpmCounter4:   rdv = hpm4_q[31:0];
      epoxy_core_pkg::CsrHpmCounter4H, epoxy_core_pkg::CsrMhpmCounter4H: rdv = hpm4_q[63:32];
      epoxy_core_pkg::CsrTime:                         rdv = time_i[31:0];
      epoxy_core_pkg::CsrTimeH:                        rdv = time_i[63:32];
      epoxy_core_pkg::CsrMstatus:                      rdv = mstatus;
      epoxy_core_pkg::CsrMisa:                         rdv = epoxy_core_pkg::MisaValue;
      epoxy_core_pkg::CsrMie:                          rdv = mie_q;
      epoxy_core_pkg::CsrMip:                          rdv = mip_q;
      epoxy_core_pkg::CsrMtvec:                        rdv = mtvec_q;
      epoxy_core_pkg::CsrMcounteren:                   rdv = mcounteren_q;
      epoxy_core_pkg::CsrMcountinhibit:                rdv = mcountinhibit_q;
      epoxy_core_pkg::CsrMscratch:                     rdv = mscratch_q;
      epoxy_core_pkg::CsrMepc:                         rdv = mepc_q;
      epoxy_core_pkg::CsrMcause:                       rdv = mcause_q;
      epoxy_core_pkg::CsrMtval:                        rdv = mtval_q;
      epoxy_core_pkg::CsrMepoxyctl:                    rdv = {31'd0, ct_branch_q};
      epoxy_core_pkg::CsrMenvcfg, epoxy_core_pkg::CsrMenvcfgh, epoxy_core_pkg::CsrMstatush: rdv = 32'd0;
      default: begin
        if (epoxy_core_pkg::csr_in_range(ra, epoxy_core_pkg::CsrMvendorid, epoxy_core_pkg::CsrMconfigptr) ||
            epoxy_core_pkg::csr_in_range(ra, epoxy_core_pkg::CsrHpmCounter3, 12'hC1F) ||
            epoxy_core_pkg::csr_in_range(ra, epoxy_core_pkg::CsrHpmCounter3H, 12'hC9F) ||
            epoxy_core_pkg::csr_in_range(ra, epoxy_core_pkg::CsrMhpmCounter3, 12'hB1F) ||
            epoxy_core_pkg::csr_in_range(ra, epoxy_core_pkg::CsrMhpmCounter3H, 12'hB9F) ||
            epoxy_core_pkg::csr_in_range(ra, epoxy_core_pkg::CsrMhpmEvent3, epoxy_core_pkg::CsrMhpmEvent31)) begin
          rdv = 32'd0;  // exist and read zero (event selectors are fixed)
        end else if (epoxy_core_pkg::csr_in_range(ra, epoxy_core_pkg::CsrPmpcfg0, 12'h3AF)) begin
          rdv = (ra[3:2] == 2'b00) ? cfg_all[32*ra[1:0] +: 32] : 32'd0;
        end else if (epoxy_core_pkg::csr_in_range(ra, epoxy_core_pkg::CsrPmpaddr0, 12'h3EF)) begin
          rdv = !ra[6] ? addr_all[32*ra[3:0] +: 32] : 32'd0;
        end
      end
    endcase
  end
  assign rdata0   = rdv;

  assign csr_rdata_o   = rdata0;
  assign rvfi_mepc_o   = mepc_q;
  assign rvfi_mcause_o = mcause_q;
  assign rvfi_mtval_o  = mtval_q;

  logic unused_pc_lsb;
  assign unused_pc_lsb   = trap_pc_i[0];  // pcs are even; mepc[0] is always 0

  // ---- Access rules ------------------------------------------------------------------------
  // Evaluated in the decode stage for the next instruction, registered into execute: the
  // privilege and mcounteren it uses can only change by a trap, an mret (both flush the
  // decode stage) or an M-mode write (mcounteren only matters in U-mode).
  logic [11:0] ia;
  logic        is_counter, counter_gated, iexists;
  assign ia = id_csr_addr_i;
  always_comb begin
    iexists = 1'b1;
    unique case (ia)
      epoxy_core_pkg::CsrCycle, epoxy_core_pkg::CsrMcycle,
      epoxy_core_pkg::CsrCycleH, epoxy_core_pkg::CsrMcycleH,
      epoxy_core_pkg::CsrInstret, epoxy_core_pkg::CsrMinstret,
      epoxy_core_pkg::CsrInstretH, epoxy_core_pkg::CsrMinstretH,
      epoxy_core_pkg::CsrHpmCounter3, epoxy_core_pkg::CsrMhpmCounter3,
      epoxy_core_pkg::CsrHpmCounter3H, epoxy_core_pkg::CsrMhpmCounter3H,
      epoxy_core_pkg::CsrHpmCounter4, epoxy_core_pkg::CsrMhpmCounter4,
      epoxy_core_pkg::CsrHpmCounter4H, epoxy_core_pkg::CsrMhpmCounter4H,
      epoxy_core_pkg::CsrTime, epoxy_core_pkg::CsrTimeH, epoxy_core_pkg::CsrMstatus,
      epoxy_core_pkg::CsrMisa, epoxy_core_pkg::CsrMie, epoxy_core_pkg::CsrMip,
      epoxy_core_pkg::CsrMtvec, epoxy_core_pkg::CsrMcounteren, epoxy_core_pkg::CsrMcountinhibit,
      epoxy_core_pkg::CsrMscratch, epoxy_core_pkg::CsrMepc, epoxy_core_pkg::CsrMcause,
      epoxy_core_pkg::CsrMtval, epoxy_core_pkg::CsrMepoxyctl, epoxy_core_pkg::CsrMenvcfg,
      epoxy_core_pkg::CsrMenvcfgh, epoxy_core_pkg::CsrMstatush: iexists = 1'b1;
      default: begin
        iexists = epoxy_core_pkg::csr_in_range(ia, epoxy_core_pkg::CsrMvendorid, epoxy_core_pkg::CsrMconfigptr) ||
                  epoxy_core_pkg::csr_in_range(ia, epoxy_core_pkg::CsrHpmCounter3, 12'hC1F) ||
                  epoxy_core_pkg::csr_in_range(ia, epoxy_core_pkg::CsrHpmCounter3H, 12'hC9F) ||
                  epoxy_core_pkg::csr_in_range(ia, epoxy_core_pkg::CsrMhpmCounter3, 12'hB1F) ||
                  epoxy_core_pkg::csr_in_range(ia, epoxy_core_pkg::CsrMhpmCounter3H, 12'hB9F) ||
                  epoxy_core_pkg::csr_in_range(ia, epoxy_core_pkg::CsrMhpmEvent3, epoxy_core_pkg::CsrMhpmEvent31) ||
                  epoxy_core_pkg::csr_in_range(ia, epoxy_core_pkg::CsrPmpcfg0, 12'h3AF) ||
                  epoxy_core_pkg::csr_in_range(ia, epoxy_core_pkg::CsrPmpaddr0, 12'h3EF);
      end
    endcase
  end
  assign is_counter = epoxy_core_pkg::csr_in_range(ia, epoxy_core_pkg::CsrCycle, 12'hC1F) ||
                      epoxy_core_pkg::csr_in_range(ia, epoxy_core_pkg::CsrCycleH, 12'hC9F);
  assign counter_gated = (priv_q == epoxy_core_pkg::PrivU) && is_counter && !mcounteren_q[ia[4:0]];

  assign id_csr_illegal_o = ((priv_q == epoxy_core_pkg::PrivU) && (ia[9:8] != 2'b00)) ||
                            (id_csr_write_i && (ia[11:10] == 2'b11)) ||
                            counter_gated || !iexists;

  // ---- Write value ------------------------------------------------------------------------
  logic [31:0] wdata;
  always_comb begin
    unique case (csr_op_i)
      epoxy_core_pkg::CsrOpSet:   wdata = rdata0 | csr_operand_i;
      epoxy_core_pkg::CsrOpClear: wdata = rdata0 & ~csr_operand_i;
      default:    wdata = csr_operand_i;
    endcase
  end

  // wr: the instruction's write commits (the trace records it); wr_en: it changes the CSR
  // (a trap or an mret in the same cycle takes precedence).
  logic wr, wr_en;
  assign wr    = csr_commit_i && csr_write_i;
  assign wr_en = wr && !trap_i && !mret_i;

  // PMP write rules, per entry at fixed positions, as functions so that they are evaluated
  // only under the write enables. pmpcfgK holds entries 4K..4K+3: a byte changes unless its
  // entry is unimplemented or locked, or the new value is R=0, W=1 (reserved).
  function automatic logic cfg_entry_ok(logic [127:0] cfg, logic [31:0] wd, int e);
    cfg_entry_ok = !cfg[8*e + 7] && !(wd[8*(e%4) + 1] && !wd[8*(e%4)]);
  endfunction

  // pmpaddr e changes unless entry e is unimplemented or locked, or entry e+1 (if any) is a
  // locked TOR entry (which uses it as its base).
  function automatic logic addr_entry_ok(logic [127:0] cfg, int e);
    addr_entry_ok = !cfg[8*e + 7] &&
                    !((e != 15) && cfg[8*((e + 1) % 16) + 7] &&
                      (cfg[8*((e + 1) % 16) + 3 +: 2] == 2'b01));
  endfunction

  logic pmpcfg_sel, pmpaddr_sel;
  assign pmpcfg_sel  = epoxy_core_pkg::csr_in_range(csr_addr_i, epoxy_core_pkg::CsrPmpcfg0, 12'h3A3);
  assign pmpaddr_sel = epoxy_core_pkg::csr_in_range(csr_addr_i, epoxy_core_pkg::CsrPmpaddr0, 12'h3BF);

`ifndef SYNTHESIS
  // Simulation: the same rules for the one entry (pmpaddr) or four entries (pmpcfg) that
  // the CSR number selects, reading the configuration in place. Verilator expands the
  // per-entry loops above into a test of every entry with its own copy of the 128-bit
  // configuration: about 70 KB of machine code inside the simulator's per-cycle functions,
  // which costs instruction cache misses in every cycle even though it runs only on a write.
  function automatic logic sim_cfg_ok(int e, int k);   // entry e, from byte k of wdata
    sim_cfg_ok = (e < PmpN) && !cfg_all[8*e + 7] && !(wdata[8*k + 1] && !wdata[8*k]);
  endfunction
  function automatic logic sim_addr_ok(int e);
    sim_addr_ok = (e < PmpN) && !cfg_all[8*e + 7] &&
                  !((e != 15) && cfg_all[8*((e + 1) % 16) + 7] &&
                    (cfg_all[8*((e + 1) % 16) + 3 +: 2] == 2'b01));
  endfunction
`endif

  // ---- State updates ------------------------------------------------------------------------
  // Each register is written only when something changes it: a trap, an mret, or an
  // instruction's write of that CSR.
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      priv_q          <= epoxy_core_pkg::PrivM;
      mstatus_mie_q   <= 1'b0;
      mstatus_mpie_q  <= 1'b0;
      mstatus_mpp_q   <= epoxy_core_pkg::PrivU;
      mstatus_mprv_q  <= 1'b0;
      mstatus_tw_q    <= 1'b0;
      mie_q           <= 32'd0;
      mtvec_q         <= 32'd0;
      mscratch_q      <= 32'd0;
      mepc_q          <= 32'd0;
      mcause_q        <= 32'd0;
      mtval_q         <= 32'd0;
      mcounteren_q    <= 32'd0;
      mcountinhibit_q <= 32'd0;
      ct_branch_q     <= 1'b0;
    end else if (trap_i) begin
      mepc_q         <= {trap_pc_i[31:1], 1'b0};
      mcause_q       <= trap_cause_i & McauseMask;
      mtval_q        <= trap_tval_i;
      mstatus_mpie_q <= mstatus_mie_q;
      mstatus_mie_q  <= 1'b0;
      mstatus_mpp_q  <= priv_q;
      priv_q         <= epoxy_core_pkg::PrivM;
    end else if (mret_i) begin
      mstatus_mie_q  <= mstatus_mpie_q;
      mstatus_mpie_q <= 1'b1;
      mstatus_mpp_q  <= epoxy_core_pkg::PrivU;
      if (mstatus_mpp_q != epoxy_core_pkg::PrivM) mstatus_mprv_q <= 1'b0;
      priv_q         <= mstatus_mpp_q;
    end else if (wr) begin
      unique case (csr_addr_i)
        epoxy_core_pkg::CsrMstatus: begin
          mstatus_mie_q  <= wdata[epoxy_core_pkg::MstatusMie];
          mstatus_mpie_q <= wdata[epoxy_core_pkg::MstatusMpie];
          // MPP holds only M or U; anything else becomes U.
          mstatus_mpp_q  <= (wdata[epoxy_core_pkg::MstatusMppHi:epoxy_core_pkg::MstatusMppLo] == 2'b11) ? epoxy_core_pkg::PrivM : epoxy_core_pkg::PrivU;
          mstatus_mprv_q <= wdata[epoxy_core_pkg::MstatusMprv];
          mstatus_tw_q   <= wdata[epoxy_core_pkg::MstatusTw];
        end
        epoxy_core_pkg::CsrMie:           mie_q           <= wdata & IrqMask;
        epoxy_core_pkg::CsrMtvec:         mtvec_q         <= {wdata[31:2], 1'b0, wdata[0]};
        epoxy_core_pkg::CsrMcounteren:    mcounteren_q    <= wdata & CounterenMask;
        epoxy_core_pkg::CsrMcountinhibit: mcountinhibit_q <= wdata & InhibitMask;
        epoxy_core_pkg::CsrMscratch:      mscratch_q      <= wdata;
        epoxy_core_pkg::CsrMepc:          mepc_q          <= {wdata[31:1], 1'b0};
        epoxy_core_pkg::CsrMcause:        mcause_q        <= wdata & McauseMask;
        epoxy_core_pkg::CsrMtval:         mtval_q         <= wdata;
        epoxy_core_pkg::CsrMepoxyctl:     ct_branch_q     <= wdata[0];
        // Counters and PMP below; everything else that exists takes the write and keeps
        // its fixed value.
        default: ;
      endcase
    end
  end

  // Interrupt lines are sampled once per cycle; mip is read-only.
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      mip_q <= 32'd0;
    end else begin
      mip_q <= IrqMask & (32'({irq_accel_i}) << epoxy_core_pkg::IrqAccel0 |
                          32'({irq_external_i}) << epoxy_core_pkg::IrqMExt |
                          32'({irq_timer_i}) << epoxy_core_pkg::IrqMTimer |
                          32'({irq_software_i}) << epoxy_core_pkg::IrqMSoft);
    end
  end

  // Counters tick; an explicit write of a half overrides this cycle's tick of that counter.
  // A write of mcountinhibit already applies its IR bit to the writing instruction (as the
  // ISS and Spike do); the other bits take effect from the next cycle.
  logic ir_inhibit;
  assign ir_inhibit = (wr_en && (csr_addr_i == epoxy_core_pkg::CsrMcountinhibit)) ? wdata[2]
                                                                                 : mcountinhibit_q[2];

  epoxy_core_counter u_mcycle (
    .clk_i, .rst_ni,
    .inc_i   (!mcountinhibit_q[0]),
    .wr_lo_i (wr_en && (csr_addr_i == epoxy_core_pkg::CsrMcycle)),
    .wr_hi_i (wr_en && (csr_addr_i == epoxy_core_pkg::CsrMcycleH)),
    .wdata_i (wdata),
    .value_o (mcycle_q)
  );

  epoxy_core_counter u_minstret (
    .clk_i, .rst_ni,
    .inc_i   (retire_i && !ir_inhibit),
    .wr_lo_i (wr_en && (csr_addr_i == epoxy_core_pkg::CsrMinstret)),
    .wr_hi_i (wr_en && (csr_addr_i == epoxy_core_pkg::CsrMinstretH)),
    .wdata_i (wdata),
    .value_o (minstret_q)
  );

  if (HpmCounters != 0) begin : g_hpm
    epoxy_core_counter u_hpm3 (
      .clk_i, .rst_ni,
      .inc_i   (ev_stall_i && !mcountinhibit_q[3]),
      .wr_lo_i (wr_en && (csr_addr_i == epoxy_core_pkg::CsrMhpmCounter3)),
      .wr_hi_i (wr_en && (csr_addr_i == epoxy_core_pkg::CsrMhpmCounter3H)),
      .wdata_i (wdata),
      .value_o (hpm3_q)
    );
    epoxy_core_counter u_hpm4 (
      .clk_i, .rst_ni,
      .inc_i   (ev_bubble_i && !mcountinhibit_q[4]),
      .wr_lo_i (wr_en && (csr_addr_i == epoxy_core_pkg::CsrMhpmCounter4)),
      .wr_hi_i (wr_en && (csr_addr_i == epoxy_core_pkg::CsrMhpmCounter4H)),
      .wdata_i (wdata),
      .value_o (hpm4_q)
    );
  end else begin : g_no_hpm
    assign hpm3_q = 64'd0;
    assign hpm4_q = 64'd0;
    logic unused_hpm;
    assign unused_hpm = ev_stall_i ^ ev_bubble_i;
  end

  // PMP entries: only an instruction's write of pmpcfgK or pmpaddrK changes them.
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      pmp_cfg_q  <= '0;
      pmp_addr_q <= '0;
    end else if (wr_en && pmpcfg_sel) begin
`ifdef SYNTHESIS
      for (int e = 0; e < PmpN; e++) begin
        if ((csr_addr_i[1:0] == 2'(e / 4)) && cfg_entry_ok(cfg_all, wdata, e)) begin
          pmp_cfg_q[8*e +: 8] <= wdata[8*(e%4) +: 8] & 8'h9F;
        end
      end
`else
      for (int k = 0; k < 4; k++) begin
        if (sim_cfg_ok(4 * 32'(csr_addr_i[1:0]) + k, k)) begin
          pmp_cfg_q[8*(4*32'(csr_addr_i[1:0]) + k) +: 8] <= wdata[8*k +: 8] & 8'h9F;
        end
      end
`endif
    end else if (wr_en && pmpaddr_sel) begin
`ifdef SYNTHESIS
      for (int e = 0; e < PmpN; e++) begin
        if ((csr_addr_i[3:0] == 4'(e)) && addr_entry_ok(cfg_all, e)) begin
          pmp_addr_q[32*e +: 32] <= wdata;
        end
      end
`else
      if (sim_addr_ok(32'(csr_addr_i[3:0]))) pmp_addr_q[32*32'(csr_addr_i[3:0]) +: 32] <= wdata;
`endif
    end
  end

  // ---- Trace: the value after a write ------------------------------------------------------
  // The write's effect is a function of the written value and the old one (rdata0), so the
  // trace needs no second read port: wval_q holds it from the write's edge. mstatus and
  // mip (also reported after traps and mret, or changed by the interrupt lines) are read
  // live instead.
  logic [31:0] wval_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      wval_q <= 32'd0;
    end else if (wr) begin
      unique case (csr_addr_i)
        epoxy_core_pkg::CsrMie:           wval_q <= wdata & IrqMask;
        epoxy_core_pkg::CsrMtvec:         wval_q <= {wdata[31:2], 1'b0, wdata[0]};
        epoxy_core_pkg::CsrMcountinhibit: wval_q <= wdata & InhibitMask;
        epoxy_core_pkg::CsrMcounteren:    wval_q <= wdata & CounterenMask;
        epoxy_core_pkg::CsrMcause:        wval_q <= wdata & McauseMask;
        epoxy_core_pkg::CsrMepc:          wval_q <= {wdata[31:1], 1'b0};
        epoxy_core_pkg::CsrMepoxyctl:     wval_q <= {31'd0, wdata[0]};
        epoxy_core_pkg::CsrMscratch, epoxy_core_pkg::CsrMtval, epoxy_core_pkg::CsrMcycle, epoxy_core_pkg::CsrMcycleH,
        epoxy_core_pkg::CsrMinstret, epoxy_core_pkg::CsrMinstretH,
        epoxy_core_pkg::CsrMhpmCounter3, epoxy_core_pkg::CsrMhpmCounter3H,
        epoxy_core_pkg::CsrMhpmCounter4, epoxy_core_pkg::CsrMhpmCounter4H: begin
          wval_q <= (HpmCounters != 0) ? wdata : rdata0;
        end
        default: begin
          wval_q <= rdata0;  // fixed values stay, and the parts of pmp writes not taken
`ifdef SYNTHESIS
          if (pmpcfg_sel) begin
            for (int e = 0; e < PmpN; e++) begin
              if ((csr_addr_i[1:0] == 2'(e / 4)) && cfg_entry_ok(cfg_all, wdata, e)) begin
                wval_q[8*(e%4) +: 8] <= wdata[8*(e%4) +: 8] & 8'h9F;
              end
            end
          end else if (pmpaddr_sel) begin
            for (int e = 0; e < PmpN; e++) begin
              if ((csr_addr_i[3:0] == 4'(e)) && addr_entry_ok(cfg_all, e)) wval_q <= wdata;
            end
          end
`endif
        end
      endcase
`ifndef SYNTHESIS
      // (The pmp numbers fall in the default arm above; tested once here, as Verilator
      // would repeat the default arm's code for many of the case's values.)
      if (pmpcfg_sel) begin
        for (int k = 0; k < 4; k++) begin
          if (sim_cfg_ok(4 * 32'(csr_addr_i[1:0]) + k, k)) begin
            wval_q[8*k +: 8] <= wdata[8*k +: 8] & 8'h9F;
          end
        end
      end else if (pmpaddr_sel) begin
        if (sim_addr_ok(32'(csr_addr_i[3:0]))) wval_q <= wdata;
      end
`endif
    end
  end

  assign rvfi_rdata_o = (rvfi_addr_i == epoxy_core_pkg::CsrMstatus) ? mstatus :
                        (rvfi_addr_i == epoxy_core_pkg::CsrMip)     ? mip_q   :
                        (rvfi_addr_i == 12'd0)                      ? 32'd0   : wval_q;

  // ---- Interrupts: MEI > MSI > MTI > accelerator 0 > accelerator 1 > ... ---------------------
  logic [31:0] pending;
  assign pending = mip_q & mie_q;
  assign irq_pending_o = (pending != 32'd0);
  assign irq_take_o = irq_pending_o && ((priv_q == epoxy_core_pkg::PrivU) || mstatus_mie_q);

  always_comb begin
    irq_cause_o = 32'h8000_0000;
    if (pending != 32'd0) begin  // rare: evaluate the priority only then
      for (int i = 31; i >= 16; i--) begin
        if (pending[i]) irq_cause_o = 32'h8000_0000 | 32'(i);
      end
      if (pending[epoxy_core_pkg::IrqMTimer])     irq_cause_o = 32'h8000_0000 | 32'(epoxy_core_pkg::IrqMTimer);
      if (pending[epoxy_core_pkg::IrqMSoft])      irq_cause_o = 32'h8000_0000 | 32'(epoxy_core_pkg::IrqMSoft);
      if (pending[epoxy_core_pkg::IrqMExt])       irq_cause_o = 32'h8000_0000 | 32'(epoxy_core_pkg::IrqMExt);
    end
  end

  // ---- Outputs -------------------------------------------------------------------------------
  assign priv_o       = priv_q;
  assign data_priv_o  = mstatus_mprv_q ? mstatus_mpp_q : priv_q;
  assign mstatus_tw_o = mstatus_tw_q;
  assign mtvec_o      = mtvec_q;
  assign mepc_o       = mepc_q;
  assign ct_branch_o  = ct_branch_q;
  assign pmp_cfg_o    = pmp_cfg_q;
  assign pmp_addr_o   = pmp_addr_q;

endmodule

`default_nettype wire
