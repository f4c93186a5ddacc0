// SPDX-License-Identifier: Apache-2.0
// Epoxy glue core: RV32IMC + Zicsr + Zifencei + Zicntr, M and U modes, 16-region PMP.
//
// Two pipeline stages and a memory phase: IF (epoxy_core_fetch: prefetch FIFO, alignment)
// feeds EX, which expands, decodes, reads registers, executes and retires one instruction
// at a time; loads and stores stay in EX while their single OBI transaction completes.
// Non-speculative by construction: EX holds exactly one instruction and every side effect
// (register write, data request, CSR change, trap) belongs to that instruction, which is
// the oldest one not yet retired, so no younger instruction's side effect can start
// before an older instruction is known to retire. Fetch is sequential or to a target the
// execute stage has resolved; there is no predictor, BTB or return stack. Constant time:
// the latency of every Zkt instruction and of div/divu/rem/remu does not depend on
// operand values, and with mepoxyctl.CTBRANCH (CSR 0x7C1 bit 0) taken and not-taken
// branches both redirect fetch and take the same cycles. An RVFI-style trace port emits
// one record per ISS step (retired instruction, trap, or interrupt); see docs/core.md.
// It deliberately has no caches, no debug module, no S-mode and no misaligned-access
// splitting (misaligned loads and stores trap, as in the reference ISS).
`default_nettype none

module epoxy_core #(
  parameter int unsigned NumAccelIrq = 3   // accelerator interrupt lines, 1..16 (mip 16+)
) (
  input  logic                   clk_i,
  input  logic                   rst_ni,
  input  logic [31:0]            boot_addr_i,  // first pc after reset

  // OBI instruction port (read-only: no we/be/wdata)
  output logic                   instr_req_o,
  input  logic                   instr_gnt_i,
  output logic [31:0]            instr_addr_o,
  input  logic                   instr_rvalid_i,
  input  logic [31:0]            instr_rdata_i,
  input  logic                   instr_err_i,

  // OBI data port
  output logic                   data_req_o,
  input  logic                   data_gnt_i,
  output logic [31:0]            data_addr_o,
  output logic                   data_we_o,
  output logic [3:0]             data_be_o,
  output logic [31:0]            data_wdata_o,
  input  logic                   data_rvalid_i,
  input  logic [31:0]            data_rdata_i,
  input  logic                   data_err_i,

  // Interrupts and time
  input  logic                   irq_software_i,
  input  logic                   irq_timer_i,
  input  logic                   irq_external_i,
  input  logic [NumAccelIrq-1:0] irq_accel_i,
  input  logic [63:0]            time_i,
  output logic                   sleeping_o,   // in WFI, waiting for an interrupt

  // RVFI trace: one record per retired instruction, trap or interrupt
  output logic                   rvfi_valid_o,
  output logic [63:0]            rvfi_order_o,
  output logic [31:0]            rvfi_insn_o,
  output logic                   rvfi_trap_o,
  output logic                   rvfi_intr_o,
  output logic [1:0]             rvfi_mode_o,
  output logic [4:0]             rvfi_rs1_addr_o,
  output logic [4:0]             rvfi_rs2_addr_o,
  output logic [31:0]            rvfi_rs1_rdata_o,
  output logic [31:0]            rvfi_rs2_rdata_o,
  output logic [4:0]             rvfi_rd_addr_o,
  output logic [31:0]            rvfi_rd_wdata_o,
  output logic [31:0]            rvfi_pc_rdata_o,
  output logic [31:0]            rvfi_pc_wdata_o,
  output logic [31:0]            rvfi_mem_addr_o,
  output logic [3:0]             rvfi_mem_rmask_o,
  output logic [3:0]             rvfi_mem_wmask_o,
  output logic [31:0]            rvfi_mem_rdata_o,
  output logic [31:0]            rvfi_mem_wdata_o,
  output logic [3:0]             rvfi_csr_wvalid_o,  // slots in ascending CSR number
  output logic [47:0]            rvfi_csr_waddr_o,   // slot i: bits 12i+11..12i
  output logic [127:0]           rvfi_csr_wdata_o    // slot i: bits 32i+31..32i, after write
);

  // ---- IF: fetch ------------------------------------------------------------------------
  logic        if_valid, if_err, consume;
  logic [31:0] if_instr, if_err_addr, if_pc;
  logic        redirect, redirect_hold, redirect_wait2;
  logic [31:0] redirect_pc;
  logic [31:0] fetch_pmp_addr;
  logic        fetch_pmp_allow;

  epoxy_core_fetch u_fetch (
    .clk_i,
    .rst_ni,
    .boot_addr_i,
    .redirect_i       (redirect),
    .redirect_hold_i  (redirect_hold),
    .redirect_wait2_i (redirect_wait2),
    .redirect_pc_i    (redirect_pc),
    .valid_o          (if_valid),
    .instr_o          (if_instr),
    .err_o            (if_err),
    .err_addr_o       (if_err_addr),
    .pc_o             (if_pc),
    .consume_i        (consume),
    .pmp_addr_o       (fetch_pmp_addr),
    .pmp_allow_i      (fetch_pmp_allow),
    .instr_req_o,
    .instr_gnt_i,
    .instr_addr_o,
    .instr_rvalid_i,
    .instr_rdata_i,
    .instr_err_i
  );

  // ---- EX: expand and decode ----------------------------------------------------------------
  logic [31:0]              instr32;
  logic                     compressed, c_illegal, illegal;
  epoxy_core_pkg::decoded_t dec;
  logic [31:0]              insn_len;

  epoxy_core_compressed_decoder u_cdec (
    .instr_i      (if_instr),
    .instr_o      (instr32),
    .compressed_o (compressed),
    .illegal_o    (c_illegal)
  );

  epoxy_core_decoder u_dec (
    .instr_i (instr32),
    .dec_o   (dec)
  );

  assign illegal  = c_illegal || dec.illegal;
  assign insn_len = compressed ? 32'd2 : 32'd4;

  // ---- EX: registers and operands ----------------------------------------------------------
  logic [31:0] rs1_data, rs2_data;
  logic        rf_we;
  logic [31:0] rf_wdata;

  epoxy_core_regfile u_rf (
    .clk_i,
    .raddr_a_i (dec.rs1),
    .rdata_a_o (rs1_data),
    .raddr_b_i (dec.rs2),
    .rdata_b_o (rs2_data),
    .we_i      (rf_we),
    .waddr_i   (dec.rd),
    .wdata_i   (rf_wdata)
  );

  logic [31:0] op_a, op_b, alu_result;
  always_comb begin
    unique case (dec.op_a_sel)
      epoxy_core_pkg::OpAPc:   op_a = if_pc;
      epoxy_core_pkg::OpAZero: op_a = 32'd0;
      default:                 op_a = rs1_data;
    endcase
  end
  assign op_b = dec.op_b_imm ? dec.imm : rs2_data;

  epoxy_core_alu u_alu (
    .op_i     (dec.alu_op),
    .a_i      (op_a),
    .b_i      (op_b),
    .result_o (alu_result)
  );

  // ---- EX: branch comparator, target and link adders ---------------------------------------
  logic        cmp_eq, cmp_lt, cmp_ltu, branch_taken;
  logic [31:0] target, link;
  assign cmp_eq  = (rs1_data == rs2_data);
  assign cmp_ltu = (rs1_data < rs2_data);
  assign cmp_lt  = ($signed(rs1_data) < $signed(rs2_data));

  always_comb begin
    unique case (dec.funct3)
      3'd0:    branch_taken = cmp_eq;
      3'd1:    branch_taken = !cmp_eq;
      3'd4:    branch_taken = cmp_lt;
      3'd5:    branch_taken = !cmp_lt;
      3'd6:    branch_taken = cmp_ltu;
      3'd7:    branch_taken = !cmp_ltu;
      default: branch_taken = 1'b0;
    endcase
  end

  logic [31:0] target_base, target_sum;
  assign target_base = (dec.cls == epoxy_core_pkg::ClsJalr) ? rs1_data : if_pc;
  assign target_sum  = target_base + dec.imm;
  assign target      = {target_sum[31:1], 1'b0};
  assign link        = if_pc + insn_len;

  logic unused_bits;  // jump targets clear bit 0; mtvec bit 1 always reads 0
  assign unused_bits = target_sum[0] ^ mtvec[1];

  // ---- EX: multiplier and divider --------------------------------------------------------
  logic [31:0] mul_result, div_result;
  logic        div_start, div_busy, div_done;

  epoxy_core_multiplier u_mul (
    .op_i     (dec.mul_op),
    .a_i      (rs1_data),
    .b_i      (rs2_data),
    .result_o (mul_result)
  );

  epoxy_core_divider u_div (
    .clk_i,
    .rst_ni,
    .start_i  (div_start),
    .op_i     (dec.div_op),
    .a_i      (rs1_data),
    .b_i      (rs2_data),
    .busy_o   (div_busy),
    .done_o   (div_done),
    .result_o (div_result)
  );

  // ---- EX: CSRs, privilege, interrupts ---------------------------------------------------
  logic                  csr_commit, csr_illegal, trap, is_intr, mret, retire;
  logic [31:0]           csr_rdata, trap_cause, trap_tval, irq_cause;
  logic                  irq_pending, irq_take, tw, ct_branch;
  logic                  ev_stall, ev_bubble;
  epoxy_core_pkg::priv_e priv, data_priv;
  logic [31:0]           mtvec, mepc;
  logic [8*epoxy_core_pkg::PmpEntries-1:0]  pmp_cfg;
  logic [32*epoxy_core_pkg::PmpEntries-1:0] pmp_addr;
  logic [47:0]           rvfi_csr_waddr_q;
  logic [31:0]           rvfi_csr0_rdata, rvfi_mepc, rvfi_mcause, rvfi_mtval;

  epoxy_core_csr #(
    .NumAccelIrq (NumAccelIrq)
  ) u_csr (
    .clk_i,
    .rst_ni,
    .csr_addr_i     (dec.csr_addr),
    .csr_op_i       (dec.csr_op),
    .csr_operand_i  (dec.csr_imm ? {27'd0, dec.rs1} : rs1_data),
    .csr_write_i    (dec.csr_write),
    .csr_commit_i   (csr_commit),
    .csr_rdata_o    (csr_rdata),
    .csr_illegal_o  (csr_illegal),
    .trap_i         (trap),
    .trap_cause_i   (trap_cause),
    .trap_tval_i    (trap_tval),
    .trap_pc_i      (if_pc),
    .mret_i         (mret),
    .retire_i       (retire),
    .ev_stall_i     (ev_stall),
    .ev_bubble_i    (ev_bubble),
    .irq_software_i,
    .irq_timer_i,
    .irq_external_i,
    .irq_accel_i,
    .time_i,
    .irq_pending_o  (irq_pending),
    .irq_take_o     (irq_take),
    .irq_cause_o    (irq_cause),
    .priv_o         (priv),
    .data_priv_o    (data_priv),
    .mstatus_tw_o   (tw),
    .mtvec_o        (mtvec),
    .mepc_o         (mepc),
    .ct_branch_o    (ct_branch),
    .pmp_cfg_o      (pmp_cfg),
    .pmp_addr_o     (pmp_addr),
    .rvfi_addr_i    (rvfi_csr_waddr_q[11:0]),
    .rvfi_rdata_o   (rvfi_csr0_rdata),
    .rvfi_mepc_o    (rvfi_mepc),
    .rvfi_mcause_o  (rvfi_mcause),
    .rvfi_mtval_o   (rvfi_mtval)
  );

  // ---- PMP: one checker for fetch, one for data ----------------------------------------
  logic data_pmp_allow;
  logic is_store;
  assign is_store = (dec.cls == epoxy_core_pkg::ClsStore);

  epoxy_core_pmp u_pmp_fetch (
    .cfg_i      (pmp_cfg),
    .addr_i     (pmp_addr),
    .acc_addr_i (fetch_pmp_addr),
    .acc_type_i (epoxy_core_pkg::AccFetch),
    .priv_i     (priv),
    .allow_o    (fetch_pmp_allow)
  );

  epoxy_core_pmp u_pmp_data (
    .cfg_i      (pmp_cfg),
    .addr_i     (pmp_addr),
    .acc_addr_i (alu_result),
    .acc_type_i (is_store ? epoxy_core_pkg::AccStore : epoxy_core_pkg::AccLoad),
    .priv_i     (data_priv),
    .allow_o    (data_pmp_allow)
  );

  // ---- EX: load/store unit ---------------------------------------------------------------
  logic        lsu_start, lsu_misaligned, lsu_busy, lsu_done, lsu_err;
  logic [31:0] lsu_rdata, lsu_raw_rdata;
  logic [3:0]  lsu_mask;

  epoxy_core_lsu u_lsu (
    .clk_i,
    .rst_ni,
    .start_i      (lsu_start),
    .we_i         (is_store),
    .funct3_i     (dec.funct3),
    .addr_i       (alu_result),
    .wdata_i      (rs2_data),
    .misaligned_o (lsu_misaligned),
    .busy_o       (lsu_busy),
    .done_o       (lsu_done),
    .err_o        (lsu_err),
    .rdata_o      (lsu_rdata),
    .raw_rdata_o  (lsu_raw_rdata),
    .mask_o       (lsu_mask),
    .data_req_o,
    .data_gnt_i,
    .data_addr_o,
    .data_we_o,
    .data_be_o,
    .data_wdata_o,
    .data_rvalid_i,
    .data_rdata_i,
    .data_err_i
  );

  // ---- EX: sequencing ------------------------------------------------------------------
  // One instruction at a time. Each cycle exactly one of: finish a memory access or a
  // division, take an interrupt, sleep, or execute the instruction at the fetch output.
  logic sleep_q, sleep_d, bubble_q, bubble_d, asleep, control_redirect;
  logic [31:0] raw_insn;
  assign raw_insn = if_instr;  // compressed: the 16-bit parcel, zero-extended

  always_comb begin
    rf_we            = 1'b0;
    rf_wdata         = alu_result;
    consume          = 1'b0;
    redirect         = 1'b0;
    redirect_hold    = 1'b0;
    redirect_wait2   = 1'b0;
    redirect_pc      = target;
    trap             = 1'b0;
    is_intr          = 1'b0;
    trap_cause       = 32'd0;
    trap_tval        = 32'd0;
    retire           = 1'b0;
    mret             = 1'b0;
    csr_commit       = 1'b0;
    lsu_start        = 1'b0;
    div_start        = 1'b0;
    sleep_d          = sleep_q;
    asleep           = 1'b0;
    control_redirect = 1'b0;

    if (lsu_busy) begin
      if (lsu_done) begin
        retire   = 1'b1;
        consume  = 1'b1;
        rf_we    = !is_store;
        rf_wdata = lsu_rdata;
      end else if (lsu_err) begin
        trap       = 1'b1;
        trap_cause = is_store ? epoxy_core_pkg::CauseStoreAccessFault
                              : epoxy_core_pkg::CauseLoadAccessFault;
        trap_tval  = alu_result;
      end
    end else if (div_busy) begin
      if (div_done) begin
        retire   = 1'b1;
        consume  = 1'b1;
        rf_we    = 1'b1;
        rf_wdata = div_result;
      end
    end else if (irq_take) begin
      trap       = 1'b1;
      is_intr    = 1'b1;
      trap_cause = irq_cause;
      sleep_d    = 1'b0;
    end else if (sleep_q && !irq_pending) begin
      asleep = 1'b1;
    end else begin
      sleep_d = 1'b0;  // an enabled but masked interrupt wakes WFI without a trap
      if (if_valid) begin
        if (if_err) begin
          trap       = 1'b1;
          trap_cause = epoxy_core_pkg::CauseInsnAccessFault;
          trap_tval  = if_err_addr;
        end else if (illegal) begin
          trap       = 1'b1;
          trap_cause = epoxy_core_pkg::CauseIllegalInsn;
          trap_tval  = raw_insn;
        end else begin
          unique case (dec.cls)
            epoxy_core_pkg::ClsAlu: begin
              rf_we   = 1'b1;
              retire  = 1'b1;
              consume = 1'b1;
            end
            epoxy_core_pkg::ClsMul: begin
              rf_we    = 1'b1;
              rf_wdata = mul_result;
              retire   = 1'b1;
              consume  = 1'b1;
            end
            epoxy_core_pkg::ClsDiv: div_start = 1'b1;
            epoxy_core_pkg::ClsBranch: begin
              retire = 1'b1;
              if (ct_branch) begin
                // Both outcomes redirect and wait for two words: same cycles either way.
                redirect         = 1'b1;
                redirect_wait2   = 1'b1;
                redirect_pc      = branch_taken ? target : link;
                control_redirect = 1'b1;
              end else if (branch_taken) begin
                redirect         = 1'b1;
                control_redirect = 1'b1;
              end else begin
                consume = 1'b1;
              end
            end
            epoxy_core_pkg::ClsJal, epoxy_core_pkg::ClsJalr: begin
              rf_we            = 1'b1;
              rf_wdata         = link;
              retire           = 1'b1;
              redirect         = 1'b1;
              control_redirect = 1'b1;
            end
            epoxy_core_pkg::ClsLoad, epoxy_core_pkg::ClsStore: begin
              if (lsu_misaligned) begin
                trap       = 1'b1;
                trap_cause = is_store ? epoxy_core_pkg::CauseStoreMisaligned
                                      : epoxy_core_pkg::CauseLoadMisaligned;
                trap_tval  = alu_result;
              end else if (!data_pmp_allow) begin
                trap       = 1'b1;
                trap_cause = is_store ? epoxy_core_pkg::CauseStoreAccessFault
                                      : epoxy_core_pkg::CauseLoadAccessFault;
                trap_tval  = alu_result;
              end else begin
                lsu_start = 1'b1;
              end
            end
            epoxy_core_pkg::ClsCsr: begin
              if (csr_illegal) begin
                trap       = 1'b1;
                trap_cause = epoxy_core_pkg::CauseIllegalInsn;
                trap_tval  = raw_insn;
              end else begin
                csr_commit = 1'b1;
                rf_we      = 1'b1;
                rf_wdata   = csr_rdata;
                retire     = 1'b1;
                // A PMP write changes what may be fetched: refetch under the new rules,
                // one cycle later so the fetch PMP check sees them.
                if (dec.csr_write && (dec.csr_addr >= epoxy_core_pkg::CsrPmpcfg0) &&
                    (dec.csr_addr <= 12'h3EF)) begin
                  redirect      = 1'b1;
                  redirect_hold = 1'b1;
                  redirect_pc   = link;
                end else begin
                  consume = 1'b1;
                end
              end
            end
            epoxy_core_pkg::ClsEcall: begin
              trap       = 1'b1;
              trap_cause = (priv == epoxy_core_pkg::PrivM) ? epoxy_core_pkg::CauseEcallM
                                                            : epoxy_core_pkg::CauseEcallU;
            end
            epoxy_core_pkg::ClsEbreak: begin
              trap       = 1'b1;
              trap_cause = epoxy_core_pkg::CauseBreakpoint;
              trap_tval  = if_pc;
            end
            epoxy_core_pkg::ClsMret: begin
              if (priv != epoxy_core_pkg::PrivM) begin
                trap       = 1'b1;
                trap_cause = epoxy_core_pkg::CauseIllegalInsn;
                trap_tval  = raw_insn;
              end else begin
                mret          = 1'b1;
                retire        = 1'b1;
                redirect      = 1'b1;
                redirect_hold = 1'b1;  // fetch under the new privilege, next cycle
                redirect_pc   = mepc;
              end
            end
            epoxy_core_pkg::ClsWfi: begin
              if ((priv == epoxy_core_pkg::PrivU) && tw) begin
                trap       = 1'b1;
                trap_cause = epoxy_core_pkg::CauseIllegalInsn;
                trap_tval  = raw_insn;
              end else begin
                retire  = 1'b1;
                consume = 1'b1;
                sleep_d = 1'b1;
              end
            end
            epoxy_core_pkg::ClsFence: begin
              retire  = 1'b1;
              consume = 1'b1;
            end
            epoxy_core_pkg::ClsFenceI: begin
              // Older stores are complete; drop words prefetched before them.
              retire      = 1'b1;
              redirect    = 1'b1;
              redirect_pc = link;
            end
            default: ;
          endcase
        end
      end
    end

    if (trap) begin
      rf_we         = 1'b0;
      retire        = 1'b0;
      consume       = 1'b0;
      redirect      = 1'b1;
      redirect_hold = 1'b1;  // fetch the vector in M-mode, next cycle
      redirect_pc   = (mtvec[0] && is_intr) ? {mtvec[31:2], 2'b00} + {25'd0, trap_cause[4:0], 2'b00}
                                            : {mtvec[31:2], 2'b00};
    end
  end

  // Performance events: a stall is a cycle with an instruction in EX that produces no
  // record (memory access or division in progress); a branch bubble is a cycle with EX
  // empty while fetch refills after a taken branch or a jump.
  logic record;
  assign record    = retire || trap;
  assign ev_stall  = if_valid && !record && !asleep;
  assign ev_bubble = bubble_q && !if_valid && !lsu_busy && !div_busy;
  always_comb begin
    bubble_d = bubble_q;
    if (if_valid || trap) bubble_d = 1'b0;
    if (control_redirect) bubble_d = 1'b1;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      sleep_q  <= 1'b0;
      bubble_q <= 1'b0;
    end else begin
      sleep_q  <= sleep_d;
      bubble_q <= bubble_d;
    end
  end

  assign sleeping_o = sleep_q;

  // ---- Trace (RVFI), registered: a record appears the cycle after its instruction -------
  logic [3:0] rvfi_csr_wvalid_q;
  logic       rvfi_mem_valid;
  logic       rvfi_any_q;  // a record has been reported since reset (order counts from 0)

  assign rvfi_mem_valid = lsu_done;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rvfi_valid_o      <= 1'b0;
      rvfi_order_o      <= 64'd0;
      rvfi_insn_o       <= 32'd0;
      rvfi_trap_o       <= 1'b0;
      rvfi_intr_o       <= 1'b0;
      rvfi_mode_o       <= 2'b11;
      rvfi_rs1_addr_o   <= 5'd0;
      rvfi_rs2_addr_o   <= 5'd0;
      rvfi_rs1_rdata_o  <= 32'd0;
      rvfi_rs2_rdata_o  <= 32'd0;
      rvfi_rd_addr_o    <= 5'd0;
      rvfi_rd_wdata_o   <= 32'd0;
      rvfi_pc_rdata_o   <= 32'd0;
      rvfi_pc_wdata_o   <= 32'd0;
      rvfi_mem_addr_o   <= 32'd0;
      rvfi_mem_rmask_o  <= 4'd0;
      rvfi_mem_wmask_o  <= 4'd0;
      rvfi_mem_rdata_o  <= 32'd0;
      rvfi_mem_wdata_o  <= 32'd0;
      rvfi_csr_wvalid_q <= 4'd0;
      rvfi_csr_waddr_q  <= '0;
      rvfi_any_q        <= 1'b0;
    end else begin
      rvfi_valid_o <= record;
      if (record) begin
        // Count every record, not only back-to-back ones (cycles without a record in
        // between, e.g. after a taken branch, must not stall the count).
        rvfi_any_q       <= 1'b1;
        rvfi_order_o     <= rvfi_order_o + 64'(rvfi_any_q);
        rvfi_insn_o      <= (is_intr || if_err) ? 32'd0 : raw_insn;
        rvfi_trap_o      <= trap && !is_intr;
        rvfi_intr_o      <= is_intr;
        rvfi_mode_o      <= priv;
        rvfi_rs1_addr_o  <= (!trap && dec.rs1_used) ? dec.rs1 : 5'd0;
        rvfi_rs2_addr_o  <= (!trap && dec.rs2_used) ? dec.rs2 : 5'd0;
        rvfi_rs1_rdata_o <= (!trap && dec.rs1_used) ? rs1_data : 32'd0;
        rvfi_rs2_rdata_o <= (!trap && dec.rs2_used) ? rs2_data : 32'd0;
        rvfi_rd_addr_o   <= (rf_we && dec.rd != 5'd0) ? dec.rd : 5'd0;
        rvfi_rd_wdata_o  <= (rf_we && dec.rd != 5'd0) ? rf_wdata : 32'd0;
        rvfi_pc_rdata_o  <= if_pc;
        rvfi_pc_wdata_o  <= redirect ? redirect_pc : link;
        rvfi_mem_addr_o  <= rvfi_mem_valid ? alu_result : 32'd0;
        rvfi_mem_rmask_o <= (rvfi_mem_valid && !is_store) ? lsu_mask : 4'd0;
        rvfi_mem_wmask_o <= (rvfi_mem_valid && is_store) ? lsu_mask : 4'd0;
        rvfi_mem_rdata_o <= (rvfi_mem_valid && !is_store) ? lsu_raw_rdata : 32'd0;
        rvfi_mem_wdata_o <= (rvfi_mem_valid && is_store) ?
                            (rs2_data & {{8{lsu_mask[3]}}, {8{lsu_mask[2]}},
                                         {8{lsu_mask[1]}}, {8{lsu_mask[0]}}}) : 32'd0;
        if (trap) begin
          rvfi_csr_wvalid_q <= 4'b1111;
          rvfi_csr_waddr_q  <= {epoxy_core_pkg::CsrMtval, epoxy_core_pkg::CsrMcause,
                                epoxy_core_pkg::CsrMepc, epoxy_core_pkg::CsrMstatus};
        end else if (mret) begin
          rvfi_csr_wvalid_q <= 4'b0001;
          rvfi_csr_waddr_q  <= {36'd0, epoxy_core_pkg::CsrMstatus};
        end else if (csr_commit && dec.csr_write) begin
          rvfi_csr_wvalid_q <= 4'b0001;
          rvfi_csr_waddr_q  <= {36'd0, dec.csr_addr};
        end else begin
          rvfi_csr_wvalid_q <= 4'b0000;
          rvfi_csr_waddr_q  <= '0;
        end
      end
    end
  end

  assign rvfi_csr_wvalid_o = rvfi_csr_wvalid_q;
  assign rvfi_csr_waddr_o  = rvfi_csr_waddr_q;
  assign rvfi_csr_wdata_o  = {rvfi_mtval, rvfi_mcause, rvfi_mepc, rvfi_csr0_rdata};

endmodule

`default_nettype wire
