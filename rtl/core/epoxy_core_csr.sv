// SPDX-License-Identifier: Apache-2.0
// Epoxy core: control and status registers, privilege mode, trap entry/exit, interrupts.
//
// Implements exactly the CSR set and WARL rules of the reference ISS (sw/iss/hart_csr.cpp):
// mstatus (MIE, MPIE, MPP in {M,U}, MPRV, TW), misa, mie/mip, mtvec (direct/vectored),
// mscratch, mepc, mcause, mtval, mcounteren, mcountinhibit, menvcfg(h)/mstatush (zero),
// the ID CSRs (zero), cycle/time/instret and their h halves and machine forms, the HPM
// range, and 16 PMP entries (pmpcfg0..15, pmpaddr0..63). Differences from the ISS, all
// documented in docs/core.md: mhpmcounter3 counts stall cycles and mhpmcounter4 branch
// bubble cycles (the ISS hardwires both to 0); mie/mip have one platform interrupt bit per
// accelerator at 16+; the custom M-mode CSR 0x7C1 (mepoxyctl) holds the constant-time
// branch bit; mcycle counts clock cycles rather than ISS steps. It also evaluates the
// access rules of a CSR instruction (privilege, read-only, mcounteren, existence) and
// chooses the interrupt to take. It deliberately does not sequence instructions: the
// execute stage decides when a write, trap or mret commits.
`default_nettype none

module epoxy_core_csr #(
  parameter int unsigned NumAccelIrq = 3
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
  output logic                                          csr_illegal_o,

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
  output logic [8*epoxy_core_pkg::PmpEntries-1:0]       pmp_cfg_o,   // entry i: bits 8i+7..8i
  output logic [32*epoxy_core_pkg::PmpEntries-1:0]      pmp_addr_o,  // entry i: bits 32i+31..32i

  // Trace: a second read port and the trap CSRs, read the cycle after a write
  input  logic [11:0]                                   rvfi_addr_i,
  output logic [31:0]                                   rvfi_rdata_o,
  output logic [31:0]                                   rvfi_mepc_o,
  output logic [31:0]                                   rvfi_mcause_o,
  output logic [31:0]                                   rvfi_mtval_o
);

  localparam int unsigned N = epoxy_core_pkg::PmpEntries;

  // Writable mie bits, which are also the mip bits that exist.
  localparam logic [31:0] IrqMask =
      32'((1 << epoxy_core_pkg::IrqMSoft) | (1 << epoxy_core_pkg::IrqMTimer) | (1 << epoxy_core_pkg::IrqMExt)) |
      (((32'd1 << NumAccelIrq) - 32'd1) << epoxy_core_pkg::IrqAccel0);

  // ---- State ------------------------------------------------------------------------------
  epoxy_core_pkg::priv_e       priv_q, priv_d;
  logic        mstatus_mie_q, mstatus_mie_d, mstatus_mpie_q, mstatus_mpie_d;
  epoxy_core_pkg::priv_e       mstatus_mpp_q, mstatus_mpp_d;
  logic        mstatus_mprv_q, mstatus_mprv_d, mstatus_tw_q, mstatus_tw_d;
  logic [31:0] mie_q, mie_d, mip_q;
  logic [31:0] mtvec_q, mtvec_d, mscratch_q, mscratch_d, mepc_q, mepc_d;
  logic [31:0] mcause_q, mcause_d, mtval_q, mtval_d;
  logic [31:0] mcounteren_q, mcounteren_d, mcountinhibit_q, mcountinhibit_d;
  logic [63:0] mcycle_q, mcycle_d, minstret_q, minstret_d;
  logic [63:0] hpm3_q, hpm3_d, hpm4_q, hpm4_d;
  logic        ct_branch_q, ct_branch_d;
  logic [8*N-1:0]  pmp_cfg_q, pmp_cfg_d;
  logic [32*N-1:0] pmp_addr_q, pmp_addr_d;

  logic [31:0] mstatus;
  always_comb begin
    mstatus = 32'd0;
    mstatus[epoxy_core_pkg::MstatusMie]                  = mstatus_mie_q;
    mstatus[epoxy_core_pkg::MstatusMpie]                 = mstatus_mpie_q;
    mstatus[epoxy_core_pkg::MstatusMppHi:epoxy_core_pkg::MstatusMppLo]   = mstatus_mpp_q;
    mstatus[epoxy_core_pkg::MstatusMprv]                 = mstatus_mprv_q;
    mstatus[epoxy_core_pkg::MstatusTw]                   = mstatus_tw_q;
  end

  // ---- Read ports (0: instruction, 1: trace) -----------------------------------------------
  logic [31:0] rdata0;   // port 0's value, the old value for the write below
  logic        rexists0;
  logic        unused_rexists1;

  for (genvar p = 0; p < 2; p++) begin : g_read
    logic [11:0] a;
    logic [31:0] rd;
    logic        ex;
    assign a = (p == 0) ? csr_addr_i : rvfi_addr_i;
    always_comb begin
      rd   = 32'd0;
      ex = 1'b1;
      unique case (a)
        epoxy_core_pkg::CsrCycle, epoxy_core_pkg::CsrMcycle:             rd = mcycle_q[31:0];
        epoxy_core_pkg::CsrCycleH, epoxy_core_pkg::CsrMcycleH:           rd = mcycle_q[63:32];
        epoxy_core_pkg::CsrInstret, epoxy_core_pkg::CsrMinstret:         rd = minstret_q[31:0];
        epoxy_core_pkg::CsrInstretH, epoxy_core_pkg::CsrMinstretH:       rd = minstret_q[63:32];
        epoxy_core_pkg::CsrHpmCounter3, epoxy_core_pkg::CsrMhpmCounter3:   rd = hpm3_q[31:0];
        epoxy_core_pkg::CsrHpmCounter3H, epoxy_core_pkg::CsrMhpmCounter3H: rd = hpm3_q[63:32];
        epoxy_core_pkg::CsrHpmCounter4, epoxy_core_pkg::CsrMhpmCounter4:   rd = hpm4_q[31:0];
        epoxy_core_pkg::CsrHpmCounter4H, epoxy_core_pkg::CsrMhpmCounter4H: rd = hpm4_q[63:32];
        epoxy_core_pkg::CsrTime:                         rd = time_i[31:0];
        epoxy_core_pkg::CsrTimeH:                        rd = time_i[63:32];
        epoxy_core_pkg::CsrMstatus:                      rd = mstatus;
        epoxy_core_pkg::CsrMisa:                         rd = epoxy_core_pkg::MisaValue;
        epoxy_core_pkg::CsrMie:                          rd = mie_q;
        epoxy_core_pkg::CsrMip:                          rd = mip_q;
        epoxy_core_pkg::CsrMtvec:                        rd = mtvec_q;
        epoxy_core_pkg::CsrMcounteren:                   rd = mcounteren_q;
        epoxy_core_pkg::CsrMcountinhibit:                rd = mcountinhibit_q;
        epoxy_core_pkg::CsrMscratch:                     rd = mscratch_q;
        epoxy_core_pkg::CsrMepc:                         rd = mepc_q;
        epoxy_core_pkg::CsrMcause:                       rd = mcause_q;
        epoxy_core_pkg::CsrMtval:                        rd = mtval_q;
        epoxy_core_pkg::CsrMepoxyctl:                    rd = {31'd0, ct_branch_q};
        epoxy_core_pkg::CsrMenvcfg, epoxy_core_pkg::CsrMenvcfgh, epoxy_core_pkg::CsrMstatush: rd = 32'd0;
        default: begin
          if ((a >= epoxy_core_pkg::CsrMvendorid && a <= epoxy_core_pkg::CsrMconfigptr) ||
              (a >= epoxy_core_pkg::CsrHpmCounter3 && a <= 12'hC1F) ||
              (a >= epoxy_core_pkg::CsrHpmCounter3H && a <= 12'hC9F) ||
              (a >= epoxy_core_pkg::CsrMhpmCounter3 && a <= 12'hB1F) ||
              (a >= epoxy_core_pkg::CsrMhpmCounter3H && a <= 12'hB9F) ||
              (a >= epoxy_core_pkg::CsrMhpmEvent3 && a <= epoxy_core_pkg::CsrMhpmEvent31)) begin
            rd = 32'd0;  // exist and read zero (event selectors are fixed)
          end else if (a >= epoxy_core_pkg::CsrPmpcfg0 && a <= 12'h3AF) begin
            rd = (a[3:2] == 2'b00) ? pmp_cfg_q[32*a[1:0] +: 32] : 32'd0;
          end else if (a >= epoxy_core_pkg::CsrPmpaddr0 && a <= 12'h3EF) begin
            rd = (a <= 12'h3BF) ? pmp_addr_q[32*a[3:0] +: 32] : 32'd0;
          end else begin
            ex = 1'b0;
          end
        end
      endcase
    end
    if (p == 0) begin : g_port0
      assign rdata0          = rd;
      assign rexists0        = ex;
    end else begin : g_port1
      assign rvfi_rdata_o    = rd;
      assign unused_rexists1 = ex;
    end
  end

  assign csr_rdata_o   = rdata0;
  assign rvfi_mepc_o   = mepc_q;
  assign rvfi_mcause_o = mcause_q;
  assign rvfi_mtval_o  = mtval_q;

  logic unused_pc_lsb;
  assign unused_pc_lsb   = trap_pc_i[0];  // pcs are even; mepc[0] is always 0

  // ---- Access rules ------------------------------------------------------------------------
  logic is_counter, counter_gated;
  assign is_counter = (csr_addr_i >= epoxy_core_pkg::CsrCycle && csr_addr_i <= 12'hC1F) ||
                      (csr_addr_i >= epoxy_core_pkg::CsrCycleH && csr_addr_i <= 12'hC9F);
  assign counter_gated = (priv_q == epoxy_core_pkg::PrivU) && is_counter && !mcounteren_q[csr_addr_i[4:0]];

  assign csr_illegal_o = ((priv_q == epoxy_core_pkg::PrivU) && (csr_addr_i[9:8] != 2'b00)) ||
                         (csr_write_i && (csr_addr_i[11:10] == 2'b11)) ||
                         counter_gated || !rexists0;

  // ---- Write value ------------------------------------------------------------------------
  logic [31:0] wdata;
  always_comb begin
    unique case (csr_op_i)
      epoxy_core_pkg::CsrOpSet:   wdata = rdata0 | csr_operand_i;
      epoxy_core_pkg::CsrOpClear: wdata = rdata0 & ~csr_operand_i;
      default:    wdata = csr_operand_i;
    endcase
  end

  logic wr;
  assign wr = csr_commit_i && csr_write_i;

  // ---- Next state ---------------------------------------------------------------------------
  always_comb begin
    priv_d          = priv_q;
    mstatus_mie_d   = mstatus_mie_q;
    mstatus_mpie_d  = mstatus_mpie_q;
    mstatus_mpp_d   = mstatus_mpp_q;
    mstatus_mprv_d  = mstatus_mprv_q;
    mstatus_tw_d    = mstatus_tw_q;
    mie_d           = mie_q;
    mtvec_d         = mtvec_q;
    mscratch_d      = mscratch_q;
    mepc_d          = mepc_q;
    mcause_d        = mcause_q;
    mtval_d         = mtval_q;
    mcounteren_d    = mcounteren_q;
    mcountinhibit_d = mcountinhibit_q;
    ct_branch_d     = ct_branch_q;
    pmp_cfg_d       = pmp_cfg_q;
    pmp_addr_d      = pmp_addr_q;

    // Counters tick first; an explicit write below overrides this cycle's tick.
    mcycle_d   = mcountinhibit_q[0] ? mcycle_q : mcycle_q + 64'd1;
    minstret_d = (mcountinhibit_q[2] || !retire_i) ? minstret_q : minstret_q + 64'd1;
    hpm3_d     = (mcountinhibit_q[3] || !ev_stall_i) ? hpm3_q : hpm3_q + 64'd1;
    hpm4_d     = (mcountinhibit_q[4] || !ev_bubble_i) ? hpm4_q : hpm4_q + 64'd1;

    if (trap_i) begin
      mepc_d         = {trap_pc_i[31:1], 1'b0};
      mcause_d       = trap_cause_i;
      mtval_d        = trap_tval_i;
      mstatus_mpie_d = mstatus_mie_q;
      mstatus_mie_d  = 1'b0;
      mstatus_mpp_d  = priv_q;
      priv_d         = epoxy_core_pkg::PrivM;
    end else if (mret_i) begin
      mstatus_mie_d  = mstatus_mpie_q;
      mstatus_mpie_d = 1'b1;
      mstatus_mpp_d  = epoxy_core_pkg::PrivU;
      if (mstatus_mpp_q != epoxy_core_pkg::PrivM) mstatus_mprv_d = 1'b0;
      priv_d         = mstatus_mpp_q;
    end else if (wr) begin
      unique case (csr_addr_i)
        epoxy_core_pkg::CsrMstatus: begin
          mstatus_mie_d  = wdata[epoxy_core_pkg::MstatusMie];
          mstatus_mpie_d = wdata[epoxy_core_pkg::MstatusMpie];
          // MPP holds only M or U; anything else becomes U.
          mstatus_mpp_d  = (wdata[epoxy_core_pkg::MstatusMppHi:epoxy_core_pkg::MstatusMppLo] == 2'b11) ? epoxy_core_pkg::PrivM : epoxy_core_pkg::PrivU;
          mstatus_mprv_d = wdata[epoxy_core_pkg::MstatusMprv];
          mstatus_tw_d   = wdata[epoxy_core_pkg::MstatusTw];
        end
        epoxy_core_pkg::CsrMie:           mie_d           = wdata & IrqMask;
        epoxy_core_pkg::CsrMtvec:         mtvec_d         = {wdata[31:2], 1'b0, wdata[0]};
        epoxy_core_pkg::CsrMcounteren:    mcounteren_d    = wdata;
        epoxy_core_pkg::CsrMcountinhibit: begin
          mcountinhibit_d = {wdata[31:2], 1'b0, wdata[0]};
          // The new IR bit already applies to the writing instruction (as the ISS, Spike).
          minstret_d      = (wdata[2] || !retire_i) ? minstret_q : minstret_q + 64'd1;
        end
        epoxy_core_pkg::CsrMscratch:      mscratch_d      = wdata;
        epoxy_core_pkg::CsrMepc:          mepc_d          = {wdata[31:1], 1'b0};
        epoxy_core_pkg::CsrMcause:        mcause_d        = wdata;
        epoxy_core_pkg::CsrMtval:         mtval_d         = wdata;
        epoxy_core_pkg::CsrMcycle:        mcycle_d        = {mcycle_q[63:32], wdata};
        epoxy_core_pkg::CsrMcycleH:       mcycle_d        = {wdata, mcycle_q[31:0]};
        epoxy_core_pkg::CsrMinstret:      minstret_d      = {minstret_q[63:32], wdata};
        epoxy_core_pkg::CsrMinstretH:     minstret_d      = {wdata, minstret_q[31:0]};
        epoxy_core_pkg::CsrMhpmCounter3:  hpm3_d          = {hpm3_q[63:32], wdata};
        epoxy_core_pkg::CsrMhpmCounter3H: hpm3_d          = {wdata, hpm3_q[31:0]};
        epoxy_core_pkg::CsrMhpmCounter4:  hpm4_d          = {hpm4_q[63:32], wdata};
        epoxy_core_pkg::CsrMhpmCounter4H: hpm4_d          = {wdata, hpm4_q[31:0]};
        epoxy_core_pkg::CsrMepoxyctl:     ct_branch_d     = wdata[0];
        default: begin
          if (csr_addr_i >= epoxy_core_pkg::CsrPmpcfg0 && csr_addr_i <= 12'h3A3) begin
            for (int b = 0; b < 4; b++) begin
              // Locked entries ignore writes; R=0, W=1 is reserved and leaves the entry.
              if (!pmp_cfg_q[32*csr_addr_i[1:0] + 8*b + 7] &&
                  !(wdata[8*b+1] && !wdata[8*b])) begin
                pmp_cfg_d[32*csr_addr_i[1:0] + 8*b +: 8] = wdata[8*b +: 8] & 8'h9F;
              end
            end
          end else if (csr_addr_i >= epoxy_core_pkg::CsrPmpaddr0 && csr_addr_i <= 12'h3BF) begin
            // A locked entry, or a locked TOR entry above it, protects this address.
            if (!pmp_cfg_q[8*csr_addr_i[3:0] + 7] &&
                !((csr_addr_i[3:0] != 4'hF) && pmp_cfg_q[8*(csr_addr_i[3:0] + 4'd1) + 7] &&
                  (pmp_cfg_q[8*(csr_addr_i[3:0] + 4'd1) + 3 +: 2] == 2'b01))) begin
              pmp_addr_d[32*csr_addr_i[3:0] +: 32] = wdata;
            end
          end
          // Everything else that exists takes the write and keeps its fixed value.
        end
      endcase
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      priv_q          <= epoxy_core_pkg::PrivM;
      mstatus_mie_q   <= 1'b0;
      mstatus_mpie_q  <= 1'b0;
      mstatus_mpp_q   <= epoxy_core_pkg::PrivU;
      mstatus_mprv_q  <= 1'b0;
      mstatus_tw_q    <= 1'b0;
      mie_q           <= 32'd0;
      mip_q           <= 32'd0;
      mtvec_q         <= 32'd0;
      mscratch_q      <= 32'd0;
      mepc_q          <= 32'd0;
      mcause_q        <= 32'd0;
      mtval_q         <= 32'd0;
      mcounteren_q    <= 32'd0;
      mcountinhibit_q <= 32'd0;
      mcycle_q        <= 64'd0;
      minstret_q      <= 64'd0;
      hpm3_q          <= 64'd0;
      hpm4_q          <= 64'd0;
      ct_branch_q     <= 1'b0;
      pmp_cfg_q       <= '0;
      pmp_addr_q      <= '0;
    end else begin
      priv_q          <= priv_d;
      mstatus_mie_q   <= mstatus_mie_d;
      mstatus_mpie_q  <= mstatus_mpie_d;
      mstatus_mpp_q   <= mstatus_mpp_d;
      mstatus_mprv_q  <= mstatus_mprv_d;
      mstatus_tw_q    <= mstatus_tw_d;
      mie_q           <= mie_d;
      // Interrupt lines are sampled once per cycle; mip is read-only.
      mip_q           <= IrqMask & (32'({irq_accel_i}) << epoxy_core_pkg::IrqAccel0 |
                                    32'({irq_external_i}) << epoxy_core_pkg::IrqMExt |
                                    32'({irq_timer_i}) << epoxy_core_pkg::IrqMTimer |
                                    32'({irq_software_i}) << epoxy_core_pkg::IrqMSoft);
      mtvec_q         <= mtvec_d;
      mscratch_q      <= mscratch_d;
      mepc_q          <= mepc_d;
      mcause_q        <= mcause_d;
      mtval_q         <= mtval_d;
      mcounteren_q    <= mcounteren_d;
      mcountinhibit_q <= mcountinhibit_d;
      mcycle_q        <= mcycle_d;
      minstret_q      <= minstret_d;
      hpm3_q          <= hpm3_d;
      hpm4_q          <= hpm4_d;
      ct_branch_q     <= ct_branch_d;
      pmp_cfg_q       <= pmp_cfg_d;
      pmp_addr_q      <= pmp_addr_d;
    end
  end

  // ---- Interrupts: MEI > MSI > MTI > accelerator 0 > accelerator 1 > ... ---------------------
  logic [31:0] pending;
  assign pending = mip_q & mie_q;
  assign irq_pending_o = (pending != 32'd0);
  assign irq_take_o = irq_pending_o && ((priv_q == epoxy_core_pkg::PrivU) || mstatus_mie_q);

  always_comb begin
    irq_cause_o = 32'h8000_0000;
    for (int i = 31; i >= 16; i--) begin
      if (pending[i]) irq_cause_o = 32'h8000_0000 | 32'(i);
    end
    if (pending[epoxy_core_pkg::IrqMTimer])     irq_cause_o = 32'h8000_0000 | 32'(epoxy_core_pkg::IrqMTimer);
    if (pending[epoxy_core_pkg::IrqMSoft])      irq_cause_o = 32'h8000_0000 | 32'(epoxy_core_pkg::IrqMSoft);
    if (pending[epoxy_core_pkg::IrqMExt])       irq_cause_o = 32'h8000_0000 | 32'(epoxy_core_pkg::IrqMExt);
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
