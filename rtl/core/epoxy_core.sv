// SPDX-License-Identifier: Apache-2.0
// Epoxy glue core: RV32IMC + Zicsr + Zifencei + Zicntr, M and U modes, 16-region PMP.
//
// Three pipeline stages: IF (epoxy_core_fetch: prefetch FIFO, alignment, response bypass)
// feeds ID, which expands and decodes the next instruction, forms its early address (the
// branch/jal target pc + imm, or a load/store address or jalr target rs1 + imm from the
// register file's asynchronous port when the instruction in EX does not write rs1) and
// presents its register addresses to the synchronous register file; at the clock edge all
// of that is registered into EX, which executes and retires one instruction at a time.
// Loads and stores stay in EX for a PMP-check-and-request cycle and the response (plus an
// address cycle first when ID could not form the address). One PMP checker, on registered
// addresses only, is time-shared between fetch and data. Non-speculative by construction:
// EX holds exactly one instruction and every side effect (register write, data request,
// CSR change, trap, target fetch of a jump) belongs to that instruction, which is the
// oldest one not yet retired; ID only decodes and adds (no side effect), so no younger
// instruction's side effect can start before an older instruction is known to retire.
// (With FastBranch 0 the instruction behind a taken branch enters EX before the branch's
// redirect and is discarded in the next cycle, the kill cycle, without any side effect.)
// Fetch is sequential or to a target the execute stage has resolved (an early jalr target
// is formed from rs1's architectural value and requested only when the jalr executes);
// there is no predictor, BTB or return stack. Constant time:
// the latency of every Zkt instruction and of div/divu/rem/remu does not depend on
// operand values, and with mepoxyctl.CTBRANCH (CSR 0x7C1 bit 0) taken and not-taken
// branches both redirect fetch and take the same cycles. An RVFI-style trace port emits
// one record per ISS step (retired instruction, trap, or interrupt); see docs/core.md.
// It deliberately has no caches, no debug module, no S-mode and no misaligned-access
// splitting (misaligned loads and stores trap, as in the reference ISS).
`default_nettype none

module epoxy_core #(
  parameter int unsigned NumAccelIrq = 3,  // accelerator interrupt lines, 1..16 (mip 16+)
  parameter int unsigned PmpEntries  = 16,   // PMP regions: 0, 4, 8 or 16 (the ISS has 16)
  parameter int unsigned HpmCounters = 1,    // mhpmcounter3/4 count stalls/bubbles (0: read 0)
  parameter int unsigned EarlyAddr   = 1,    // load/store/jalr address in ID (0: in EX, smaller)
  parameter int unsigned DivStepsPerCycle = 3,  // divider: 3 (13-cycle divide) or 1 (35, smaller)
  parameter int unsigned FetchDepth  = 4,    // prefetch FIFO words: 4, or 2 (smaller, slower)
  parameter int unsigned MulCycles   = 1,    // 1: single-cycle multiply; 2: product registered
  // Shifts as multiplications by a power of two in the multiplier (MulCycles cycles), with
  // no barrel shifter in the ALU: on by default with MulCycles 2 (the small FPGA options)
  parameter bit          ShiftViaMul = (MulCycles > 1),
  // 1: a taken branch requests its target in the cycle it executes (the branch comparator in
  // front of the instruction port); 0: the outcome is registered and the target requested
  // one cycle later (taken branches cost one cycle more, the comparator drives only a flop)
  parameter int unsigned FastBranch  = 1
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
  output logic                   perf_stall_o,  // event of mhpmcounter3 (EX busy, no record)
  output logic                   perf_bubble_o, // event of mhpmcounter4 (refill after a jump)

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

  localparam int unsigned PmpNE = (PmpEntries == 0) ? 1 : PmpEntries;

  // ---- IF: fetch ------------------------------------------------------------------------
  logic        if_valid, if_err, ex_advance;
  logic        if_err_hi;
  logic [31:0] if_instr, if_pc;
  logic        redirect, redirect_now, redirect_wait2;
  logic [31:0] redirect_pc;
  logic [31:0] fetch_seq_addr;
  logic        fetch_pmp_seq, fetch_pmp_tgt, pmp_allow, fetch_pmp_allow;
  logic [31:0] fetch_target;
  // FastBranch 0: a taken branch's outcome, target and the PMP's verdict on it, registered
  // in the cycle it executes; the next cycle (the kill cycle) redirects to that target and
  // discards whatever instruction entered EX behind the branch.
  logic        br_kill_d, br_kill_q, br_allow_q;
  logic [31:0] br_target_q;

  epoxy_core_fetch #(
    .Depth (FetchDepth)
  ) u_fetch (
    .clk_i,
    .rst_ni,
    .boot_addr_i,
    .redirect_i       (redirect),
    .redirect_now_i   (redirect_now),
    .redirect_now_drop_i (is_intr),
    .target_i         (fetch_target),
    .redirect_wait2_i (redirect_wait2),
    .redirect_pc_i    (redirect_pc),
    .valid_o          (if_valid),
    .instr_o          (if_instr),
    .err_o            (if_err),
    .err_hi_o         (if_err_hi),
    .pc_o             (if_pc),
    .consume_i        (ex_advance),
    .pmp_addr_o       (fetch_seq_addr),
    .pmp_seq_valid_i  (fetch_pmp_seq),
    .pmp_tgt_valid_i  (fetch_pmp_tgt),
    .pmp_allow_i      (fetch_pmp_allow),
    .instr_req_o,
    .instr_gnt_i,
    .instr_addr_o,
    .instr_rvalid_i,
    .instr_rdata_i,
    .instr_err_i
  );

  // ---- ID: expand, decode, target ------------------------------------------------------------
  logic [31:0]              id_instr32, id_target;
  logic                     ex_valid_q, ex_rd_wr_q, ex_mem_q, sleep_q, ex_leave;
  epoxy_core_pkg::decoded_t dec;
  logic                     id_compressed, id_c_illegal, id_cti, id_jump;
  epoxy_core_pkg::decoded_t id_dec;

  epoxy_core_compressed_decoder u_cdec (
    .instr_i      (if_instr),
    .instr_o      (id_instr32),
    .compressed_o (id_compressed),
    .illegal_o    (id_c_illegal)
  );

  epoxy_core_decoder u_dec (
    .instr_i (id_instr32),
    .dec_o   (id_dec)
  );

  // Early address: one adder forms the branch/jal target (pc + imm) or, from rs1 read
  // through the register file's asynchronous port, the address of a load or store and the
  // target of a jalr (rs1 + imm). The rs1 value is only used when the instruction in EX
  // cannot write rs1 at the edge where this one enters EX (id_rs1_ok); otherwise the
  // load/store forms its address in EX (one cycle more) and the jalr redirects from EX.
  // Nothing here has a side effect: the address is registered with the instruction and
  // only used once it is the oldest instruction (the PMP check and the request happen in EX).
  logic [31:0] id_rs1_val, id_sum;
  logic [4:0]  id_rs1_early;
  logic        id_base_rs1, id_mem, id_jalr, id_rs1_ok, id_clean, id_fast_mem, id_fast_jalr;
  // rs1's number straight from the instruction bits, not through the two decoders (this is
  // the start of the longest path: fetch, register read, adder, PMP address register). It
  // is right for every load, store and jalr, 32-bit or compressed (c.lw/c.sw: rs1', c.lwsp/
  // c.swsp: sp, c.jr/c.jalr: bits 11:7); id_clean checks it against the decoder anyway.
  always_comb begin
    if (if_instr[1:0] == 2'b11)      id_rs1_early = if_instr[19:15];
    else if (if_instr[1:0] == 2'b00) id_rs1_early = {2'b01, if_instr[9:7]};
    else if (if_instr[14])           id_rs1_early = 5'd2;
    else                             id_rs1_early = if_instr[11:7];
  end
  // The adder's base, also from the bits: pc for a branch or jal (32-bit opcodes 1100011 and
  // 1101111, compressed quadrant 1: c.j, c.jal, c.beqz, c.bnez), else rs1 (only loads,
  // stores and jalr use the sum then).
  assign id_base_rs1 = (if_instr[1:0] == 2'b11) ?
                       !((if_instr[6:4] == 3'b110) && (if_instr[3:2] != 2'b01) &&
                         (if_instr[3:2] != 2'b10)) :
                       (if_instr[1:0] != 2'b01);
  assign id_mem    = (id_dec.cls == epoxy_core_pkg::ClsLoad) ||
                     (id_dec.cls == epoxy_core_pkg::ClsStore);
  assign id_jalr   = (id_dec.cls == epoxy_core_pkg::ClsJalr);
  assign id_rs1_ok = !(ex_valid_q && ex_rd_wr_q && (dec.rd == id_dec.rs1));
  assign id_clean  = (EarlyAddr != 0) && !if_err && !id_c_illegal && !id_dec.illegal &&
                     id_rs1_ok && (id_rs1_early == id_dec.rs1);
  // A load/store does not start its check in EX's first cycle while the core sleeps in WFI
  // (or the instruction in EX is a WFI): the sleep must come first, as without the early address.
  assign id_fast_mem  = id_mem && id_clean && !sleep_q &&
                        !(ex_valid_q && (dec.cls == epoxy_core_pkg::ClsWfi));
  assign id_fast_jalr = id_jalr && id_clean;
  // The adder's immediate, also from the instruction bits and not through the two decoders
  // (the decoders' immediate mux ends a path of fetch alignment, expansion and decode that
  // was the core's longest): right for every instruction whose sum is used, i.e. loads,
  // stores, jalr, branches and jal, 32-bit or compressed (c.lw/c.sw, c.lwsp, c.swsp, c.j,
  // c.jal, c.beqz/c.bnez, c.jr/c.jalr). Lockstep against the ISS checks every use.
  logic [31:0] id_imm_early;
  logic [15:2] id_c;
  assign id_c = if_instr[15:2];
  always_comb begin
    if (if_instr[1:0] == 2'b11) begin
      if (!if_instr[6])     id_imm_early = if_instr[5] ?            // store : load
                                           {{20{if_instr[31]}}, if_instr[31:25], if_instr[11:7]} :
                                           {{20{if_instr[31]}}, if_instr[31:20]};
      else if (if_instr[3]) id_imm_early = {{11{if_instr[31]}}, if_instr[31], if_instr[19:12],
                                            if_instr[20], if_instr[30:21], 1'b0};  // jal
      else if (if_instr[2]) id_imm_early = {{20{if_instr[31]}}, if_instr[31:20]};   // jalr
      else                  id_imm_early = {{19{if_instr[31]}}, if_instr[31], if_instr[7],
                                            if_instr[30:25], if_instr[11:8], 1'b0}; // branch
    end else if (if_instr[1:0] == 2'b00) begin                                     // c.lw, c.sw
      id_imm_early = {25'd0, id_c[5], id_c[12:10], id_c[6], 2'b00};
    end else if (if_instr[1:0] == 2'b01) begin
      id_imm_early = id_c[14] ?
          {{24{id_c[12]}}, id_c[6:5], id_c[2], id_c[11:10], id_c[4:3], 1'b0} :     // c.beqz/bnez
          {{21{id_c[12]}}, id_c[8], id_c[10:9], id_c[6], id_c[7], id_c[2], id_c[11],
           id_c[5:3], 1'b0};                                                       // c.j, c.jal
    end else if (id_c[14:13] == 2'b10) begin
      id_imm_early = id_c[15] ? {24'd0, id_c[8:7], id_c[12:9], 2'b00} :           // c.swsp
                                {24'd0, id_c[3:2], id_c[12], id_c[6:4], 2'b00};    // c.lwsp
    end else begin
      id_imm_early = 32'd0;                                                        // c.jr, c.jalr
    end
  end
  // Without the early address (EarlyAddr 0) the sum is used only for branch and jal targets
  // (pc + imm): the load, store and jalr forms are never used, so they are left out.
  logic [31:0] id_imm_used;
  logic        id_base_rs1_used;
  assign id_base_rs1_used = (EarlyAddr != 0) && id_base_rs1;
  always_comb begin
    id_imm_used = id_imm_early;
    if (EarlyAddr == 0) begin
      if (if_instr[1:0] == 2'b11) begin
        id_imm_used = if_instr[3] ? {{11{if_instr[31]}}, if_instr[31], if_instr[19:12],
                                     if_instr[20], if_instr[30:21], 1'b0} :        // jal
                                    {{19{if_instr[31]}}, if_instr[31], if_instr[7],
                                     if_instr[30:25], if_instr[11:8], 1'b0};       // branch
      end else begin
        id_imm_used = id_c[14] ?
            {{24{id_c[12]}}, id_c[6:5], id_c[2], id_c[11:10], id_c[4:3], 1'b0} :   // c.beqz/bnez
            {{21{id_c[12]}}, id_c[8], id_c[10:9], id_c[6], id_c[7], id_c[2], id_c[11],
             id_c[5:3], 1'b0};                                                     // c.j, c.jal
      end
    end
  end
  assign id_sum    = (id_base_rs1_used ? id_rs1_val : if_pc) + id_imm_used;
  assign id_target = id_sum;
  // Instructions whose target is requested at once when they execute (checked by the PMP
  // while they are in EX): branch, jal, and jalr with an early target.
  assign id_cti    = (id_dec.cls == epoxy_core_pkg::ClsJal) ||
                     (id_dec.cls == epoxy_core_pkg::ClsBranch) || id_fast_jalr;
  // ... of which the jumps, decided here so that EX's same-cycle target request
  // (redirect_now) waits for no decoding: jal, or jalr with an early target, neither
  // faulting nor illegal.
  assign id_jump   = ((id_dec.cls == epoxy_core_pkg::ClsJal) && !if_err && !id_c_illegal &&
                      !id_dec.illegal) || id_fast_jalr;

  // ---- ID/EX register: the instruction in execute --------------------------------------------
  // Datapath fields have no reset; ex_valid_q says whether they mean anything.
  logic [31:0]              ex_pc_q, ex_insn_q, ex_target_q;
  logic                     ex_compressed_q, ex_illegal_q, ex_err_q, ex_err_hi_q, ex_cti_q;
  logic                     ex_jump_q;
  logic                     ex_csr_illegal_q, id_csr_illegal;

  always_ff @(posedge clk_i) begin
    if (ex_advance) begin
      dec             <= id_dec;
      ex_pc_q         <= if_pc;
      ex_insn_q       <= if_instr;  // compressed: the 16-bit parcel, zero-extended
      ex_target_q     <= {id_target[31:1], 1'b0};
      ex_compressed_q <= id_compressed;
      ex_illegal_q    <= id_c_illegal || id_dec.illegal;
      ex_err_q        <= if_err;
      ex_err_hi_q     <= if_err_hi;
      ex_csr_illegal_q <= id_csr_illegal;
      ex_cti_q        <= id_cti;
      ex_jump_q       <= id_jump;
      ex_mem_q        <= id_mem;
      ex_rd_wr_q      <= (id_dec.cls == epoxy_core_pkg::ClsAlu) ||
                         (id_dec.cls == epoxy_core_pkg::ClsMul) ||
                         (id_dec.cls == epoxy_core_pkg::ClsDiv) ||
                         (id_dec.cls == epoxy_core_pkg::ClsJal) || id_jalr ||
                         (id_dec.cls == epoxy_core_pkg::ClsLoad) ||
                         (id_dec.cls == epoxy_core_pkg::ClsCsr);
    end
  end

  logic unused_id;
  assign unused_id = id_target[0] ^ dec.illegal;  // dec.illegal: in ex_illegal_q

  logic [31:0] insn_len, link, err_addr, raw_insn;
  // A fetch fault's mtval is pc or pc + 2; the link adder forms the latter (a faulting
  // instruction never links).
  assign insn_len = (ex_compressed_q || ex_err_q) ? 32'd2 : 32'd4;
  assign link     = ex_pc_q + insn_len;
  assign err_addr = ex_err_hi_q ? link : ex_pc_q;
  assign raw_insn = ex_insn_q;

  // ---- Register file: read addresses from ID, captured as the instruction enters EX ------
  // (no write happens while an instruction stays in EX: registers are written only by the
  // instruction leaving it, so the captured values stay current)
  logic [31:0] rs1_data, rs2_data;
  logic        rf_we;
  logic [31:0] rf_wdata;

  epoxy_core_regfile #(
    .PortC (EarlyAddr != 0)
  ) u_rf (
    .clk_i,
    .re_i      (ex_advance),
    .raddr_a_i (id_dec.rs1),
    .rdata_a_o (rs1_data),
    .raddr_b_i (id_dec.rs2),
    .rdata_b_o (rs2_data),
    .raddr_c_i (id_rs1_early),
    .rdata_c_o (id_rs1_val),
    .we_i      (rf_we),
    .waddr_i   (dec.rd),
    .wdata_i   (rf_wdata)
  );

  // ---- EX: operands and ALU ------------------------------------------------------------------
  logic [31:0] op_a, op_b, alu_result;
  always_comb begin
    unique case (dec.op_a_sel)
      epoxy_core_pkg::OpAPc:   op_a = ex_pc_q;
      epoxy_core_pkg::OpAZero: op_a = 32'd0;
      default:                 op_a = rs1_data;
    endcase
  end
  assign op_b = dec.op_b_imm ? dec.imm : rs2_data;

  epoxy_core_alu #(
    .Shifter (!ShiftViaMul)
  ) u_alu (
    .op_i     (dec.alu_op),
    .a_i      (op_a),
    .b_i      (op_b),
    .result_o (alu_result)
  );

  // ---- EX: branch comparator, jalr target ---------------------------------------------------
  logic        cmp_eq, cmp_lt, cmp_ltu, branch_taken;
  assign cmp_eq  = (rs1_data == rs2_data);
  logic [32:0] cmp_diff;  // one subtractor for both orderings
  assign cmp_diff = {1'b0, rs1_data} - {1'b0, rs2_data};
  assign cmp_ltu  = cmp_diff[32];
  assign cmp_lt   = (rs1_data[31] != rs2_data[31]) ? rs1_data[31] : cmp_diff[31];
  logic unused_cmp;
  assign unused_cmp = ^cmp_diff[30:0];

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

  logic [31:0] jalr_target;  // the ALU forms rs1 + imm for jalr
  assign jalr_target = {alu_result[31:1], 1'b0};

  logic unused_bits;  // mtvec bit 1 always reads 0
  assign unused_bits = mtvec[1];

  // ---- EX: multiplier and divider --------------------------------------------------------
  logic [31:0] mul_result, div_result;
  logic        div_start, div_busy, div_done;
  // With MulCycles = 2 the product is registered (the multiplier and the register-file write
  // in one cycle is the core's longest path on ECP5): a multiply stays in EX for a second
  // cycle, as a division does, and retires from mul_result_q. Two cycles for every operand.
  logic        mul_start, mul_busy_q;
  logic [31:0] mul_result_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) mul_busy_q <= 1'b0;
    else         mul_busy_q <= (MulCycles > 1) && mul_start;
  end
  always_ff @(posedge clk_i) begin
    if ((MulCycles > 1) && mul_start) mul_result_q <= mul_result;
  end

  // With ShiftViaMul a shift is a multiplication by 2^e: sll by n is the low word of
  // a * 2^n; srl and sra by n > 0 are the high word of a * 2^(32 - n), unsigned or with a
  // signed a (mulhu, mulhsu); a shift by 0 is the low word of a * 1. e = n for sll, else
  // (32 - n) mod 32. The same multiplier latency for every operand (Zkt).
  logic                    is_shift;
  logic [4:0]              shamt, shexp;
  logic [31:0]             mul_b;
  epoxy_core_pkg::mul_op_e mul_op;
  assign is_shift = ShiftViaMul && (dec.cls == epoxy_core_pkg::ClsAlu) &&
                    ((dec.alu_op == epoxy_core_pkg::AluSll) ||
                     (dec.alu_op == epoxy_core_pkg::AluSrl) ||
                     (dec.alu_op == epoxy_core_pkg::AluSra));
  assign shamt    = op_b[4:0];
  assign shexp    = (dec.alu_op == epoxy_core_pkg::AluSll) ? shamt : (5'd0 - shamt);
  assign mul_b    = is_shift ? (32'd1 << shexp) : rs2_data;
  always_comb begin
    mul_op = dec.mul_op;
    if (is_shift) begin
      if ((dec.alu_op == epoxy_core_pkg::AluSll) || (shamt == 5'd0)) mul_op = epoxy_core_pkg::MulLow;
      else if (dec.alu_op == epoxy_core_pkg::AluSra)                  mul_op = epoxy_core_pkg::MulHsu;
      else                                                            mul_op = epoxy_core_pkg::MulHuu;
    end
  end

  epoxy_core_multiplier u_mul (
    .op_i     (mul_op),
    .a_i      (rs1_data),
    .b_i      (mul_b),
    .result_o (mul_result)
  );

  epoxy_core_divider #(
    .StepsPerCycle (DivStepsPerCycle)
  ) u_div (
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
  logic                  csr_commit, trap, is_intr, mret, retire;
  logic [31:0]           csr_rdata, trap_cause, trap_tval, irq_cause, trap_pc;
  logic                  irq_pending, irq_take, tw, ct_branch;
  logic                  ev_stall, ev_bubble;
  epoxy_core_pkg::priv_e priv, data_priv;
  logic [31:0]           mtvec, mepc;
  logic [8*PmpNE-1:0]    pmp_cfg;
  logic [32*PmpNE-1:0]   pmp_addr;
  logic [47:0]           rvfi_csr_waddr_q;
  logic [31:0]           rvfi_csr0_rdata, rvfi_mepc, rvfi_mcause, rvfi_mtval;

  // An interrupt taken while EX is empty belongs before the instruction fetch delivers next.
  assign trap_pc = ex_valid_q ? ex_pc_q : if_pc;

  epoxy_core_csr #(
    .NumAccelIrq (NumAccelIrq),
    .PmpEntries  (PmpEntries),
    .HpmCounters (HpmCounters)
  ) u_csr (
    .clk_i,
    .rst_ni,
    .csr_addr_i     (dec.csr_addr),
    .csr_op_i       (dec.csr_op),
    .csr_operand_i  (dec.csr_imm ? {27'd0, dec.rs1} : rs1_data),
    .csr_write_i    (dec.csr_write),
    .csr_commit_i   (csr_commit),
    .csr_rdata_o    (csr_rdata),
    .id_csr_addr_i    (id_dec.csr_addr),
    .id_csr_write_i   (id_dec.csr_write),
    .id_csr_illegal_o (id_csr_illegal),
    .trap_i         (trap),
    .trap_cause_i   (trap_cause),
    .trap_tval_i    (trap_tval),
    .trap_pc_i      (trap_pc),
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

  // ---- PMP: one checker, time-shared, registered addresses only --------------------------
  // Each cycle it checks exactly one of: the data address of a load/store in its check
  // cycle; the registered target of the branch, jal or early-target jalr in EX (so a taken
  // one can request its target at once); otherwise fetch's next sequential word. The choice
  // depends only on registered state (instruction class and phase; for the first check of
  // a load/store with an early address, the ID decision registered with it), never on
  // operand values. A denied data access traps one cycle after the check, so the verdict
  // drives only the requests.
  logic        is_store, mem_chk_q, mem_chk_d, mem_deny_q, mem_deny_d, mem_fast_q, mem_fast_d;
  logic        pmp_sel_data, pmp_sel_tgt;
  logic [31:0] mem_addr_q, mem_addr_d, pmp_acc_addr, pmp_acc_addr_d;
  logic        mem_addr_hold;
  logic        ex_valid_d, ex_cti_d;
  epoxy_core_pkg::access_e pmp_acc_type;
  assign is_store     = (dec.cls == epoxy_core_pkg::ClsStore);
  assign pmp_sel_data = mem_chk_q;
  assign pmp_sel_tgt  = !mem_chk_q && ex_valid_q && ex_cti_q;
  // The checked address is itself a register, loaded with next cycle's choice (the same
  // choice pmp_sel_data/pmp_sel_tgt make from the registers next cycle), so no select
  // logic sits in front of the checker.
  assign ex_valid_d = ex_advance || (ex_valid_q && !ex_leave && !redirect);
  assign ex_cti_d   = ex_advance ? id_cti : ex_cti_q;
  // mem_fast_d: a load/store with an early address enters EX and is checked next cycle.
  assign mem_fast_d = ex_advance && id_fast_mem;
  // The data address register is loaded every cycle it is not needed, from registered state
  // and the bus's rvalid only (not from ex_advance, which is late): it holds from the check
  // cycle until the response, and otherwise takes the ALU's sum for a load/store in its
  // address cycle in EX, else ID's early address (used if that instruction enters EX now).
  assign mem_addr_hold = mem_chk_q || mem_deny_q || (lsu_busy && !data_rvalid_i);
  assign mem_addr_d    = (ex_valid_q && ex_mem_q && !lsu_busy) ? alu_result : id_sum;
  assign pmp_acc_addr_d = mem_chk_d ? alu_result :
                          (ex_advance && (id_fast_mem || id_cti)) ? id_target :
                          (ex_valid_d && ex_cti_d) ? ex_target_q :
                          fetch_seq_addr;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) pmp_acc_addr <= 32'd0;
    else         pmp_acc_addr <= pmp_acc_addr_d;
  end
  assign pmp_acc_type = !pmp_sel_data ? epoxy_core_pkg::AccFetch :
                        is_store ? epoxy_core_pkg::AccStore : epoxy_core_pkg::AccLoad;

  epoxy_core_pmp #(
    .PmpEntries (PmpEntries)
  ) u_pmp (
    .cfg_i      (pmp_cfg),
    .addr_i     (pmp_addr),
    .acc_addr_i (pmp_acc_addr),
    .acc_type_i (pmp_acc_type),
    .priv_i     (pmp_sel_data ? data_priv : priv),
    .allow_o    (pmp_allow)
  );

  // Fetch may use the verdict for its sequential word, or for the target of a redirect
  // that is not held (only taken branches and jal, whose target was checked).
  assign fetch_pmp_seq = !pmp_sel_data && !pmp_sel_tgt;
  assign fetch_pmp_tgt = pmp_sel_tgt || br_kill_q;
  assign fetch_pmp_allow = br_kill_q ? br_allow_q : pmp_allow;
  assign fetch_target    = br_kill_q ? br_target_q : ex_target_q;

  // The taken branch's verdict: the PMP checks its target in the cycle it executes
  // (pmp_sel_tgt), as for FastBranch 1; no CSR write or privilege change can come between
  // that cycle and the kill cycle.
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      br_kill_q <= 1'b0;
    end else begin
      br_kill_q <= (FastBranch == 0) && br_kill_d;
    end
  end
  always_ff @(posedge clk_i) begin
    br_allow_q  <= pmp_allow;
    br_target_q <= ex_target_q;
  end

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
    .addr_i       (mem_addr_q),
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
  // division, check and issue a memory access, take an interrupt, sleep, or execute the
  // instruction in EX (for a load/store without an early address: register its address).
  // A load/store with an early address enters EX in its check cycle (mem_chk_q, mem_fast_q).
  logic sleep_d, bubble_q, bubble_d, asleep, control_redirect;

  always_comb begin
    rf_we            = 1'b0;
    rf_wdata         = alu_result;
    ex_leave         = 1'b0;
    redirect         = 1'b0;
    redirect_wait2   = 1'b0;
    redirect_pc      = ex_target_q;
    trap             = 1'b0;
    is_intr          = 1'b0;
    trap_cause       = 32'd0;
    trap_tval        = 32'd0;
    retire           = 1'b0;
    mret             = 1'b0;
    csr_commit       = 1'b0;
    lsu_start        = 1'b0;
    div_start        = 1'b0;
    mul_start        = 1'b0;
    sleep_d          = sleep_q;
    asleep           = 1'b0;
    control_redirect = 1'b0;
    mem_chk_d        = 1'b0;
    mem_deny_d       = 1'b0;
    br_kill_d        = 1'b0;

    if (br_kill_q) begin
      // Kill cycle after a taken branch (FastBranch 0): redirect to its target (requested
      // now, checked last cycle); the instruction that entered EX behind the branch does
      // nothing (no record, request, register or CSR write) and leaves. An interrupt waits
      // for the next instruction boundary. No memory access or division can be in progress.
      redirect         = 1'b1;
      redirect_pc      = br_target_q;
      control_redirect = 1'b1;
    end else if (lsu_busy) begin
      if (lsu_done) begin
        retire   = 1'b1;
        ex_leave = 1'b1;
        rf_we    = !is_store;
        rf_wdata = lsu_rdata;
      end else if (lsu_err) begin
        trap       = 1'b1;
        trap_cause = is_store ? epoxy_core_pkg::CauseStoreAccessFault
                              : epoxy_core_pkg::CauseLoadAccessFault;
        trap_tval  = mem_addr_q;
      end
    end else if (mem_deny_q) begin
      trap       = 1'b1;
      trap_cause = is_store ? epoxy_core_pkg::CauseStoreAccessFault
                            : epoxy_core_pkg::CauseLoadAccessFault;
      trap_tval  = mem_addr_q;
    end else if (mem_chk_q && !(mem_fast_q && irq_take)) begin
      // (an interrupt is taken before a load/store with an early address, as before any
      // instruction in its first EX cycle)
      if (lsu_misaligned) begin
        trap       = 1'b1;
        trap_cause = is_store ? epoxy_core_pkg::CauseStoreMisaligned
                              : epoxy_core_pkg::CauseLoadMisaligned;
        trap_tval  = mem_addr_q;
      end else begin
        lsu_start  = pmp_allow;
        mem_deny_d = !pmp_allow;
      end
    end else if (div_busy) begin
      if (div_done) begin
        retire   = 1'b1;
        ex_leave = 1'b1;
        rf_we    = 1'b1;
        rf_wdata = div_result;
      end
    end else if (mul_busy_q) begin
      retire   = 1'b1;
      ex_leave = 1'b1;
      rf_we    = 1'b1;
      rf_wdata = mul_result_q;
    end else if (irq_take) begin
      trap       = 1'b1;
      is_intr    = 1'b1;
      trap_cause = irq_cause;
      sleep_d    = 1'b0;
    end else if (sleep_q && !irq_pending) begin
      asleep = 1'b1;
    end else begin
      sleep_d = 1'b0;  // an enabled but masked interrupt wakes WFI without a trap
      if (ex_valid_q) begin
        if (ex_err_q) begin
          trap       = 1'b1;
          trap_cause = epoxy_core_pkg::CauseInsnAccessFault;
          trap_tval  = err_addr;
        end else if (ex_illegal_q) begin
          trap       = 1'b1;
          trap_cause = epoxy_core_pkg::CauseIllegalInsn;
          trap_tval  = raw_insn;
        end else begin
          unique case (dec.cls)
            epoxy_core_pkg::ClsAlu: begin
              if (is_shift && (MulCycles > 1)) begin
                mul_start = 1'b1;                 // retires from mul_result_q next cycle
              end else begin
                rf_we    = 1'b1;
                retire   = 1'b1;
                ex_leave = 1'b1;
                if (is_shift) rf_wdata = mul_result;
              end
            end
            epoxy_core_pkg::ClsMul: begin
              if (MulCycles > 1) begin
                mul_start = 1'b1;
              end else begin
                rf_we    = 1'b1;
                rf_wdata = mul_result;
                retire   = 1'b1;
                ex_leave = 1'b1;
              end
            end
            epoxy_core_pkg::ClsDiv: div_start = 1'b1;
            epoxy_core_pkg::ClsBranch: begin
              retire = 1'b1;
              if (ct_branch) begin
                // Both outcomes redirect (held) and wait for two words: same cycles.
                redirect         = 1'b1;
                redirect_wait2   = 1'b1;
                redirect_pc      = branch_taken ? ex_target_q : link;
                control_redirect = 1'b1;
              end else if (FastBranch == 0) begin
                // The next instruction may enter EX whatever the outcome; a taken branch
                // redirects in the kill cycle that follows.
                ex_leave  = 1'b1;
                br_kill_d = branch_taken;
              end else if (branch_taken) begin
                redirect         = 1'b1;
                control_redirect = 1'b1;
              end else begin
                ex_leave = 1'b1;
              end
            end
            epoxy_core_pkg::ClsJal: begin
              rf_we            = 1'b1;
              rf_wdata         = link;
              retire           = 1'b1;
              redirect         = 1'b1;
              control_redirect = 1'b1;
            end
            epoxy_core_pkg::ClsJalr: begin
              rf_we            = 1'b1;
              rf_wdata         = link;
              retire           = 1'b1;
              redirect         = 1'b1;
              redirect_pc      = ex_cti_q ? ex_target_q : jalr_target;  // early target?
              control_redirect = 1'b1;
            end
            epoxy_core_pkg::ClsLoad, epoxy_core_pkg::ClsStore: begin
              mem_chk_d = 1'b1;  // address registered now, checked and issued next cycle
            end
            epoxy_core_pkg::ClsCsr: begin
              if (ex_csr_illegal_q) begin
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
                if (dec.csr_write &&
                    epoxy_core_pkg::csr_in_range(dec.csr_addr, epoxy_core_pkg::CsrPmpcfg0,
                                                 12'h3EF)) begin
                  redirect    = 1'b1;
                  redirect_pc = link;
                end else begin
                  ex_leave = 1'b1;
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
              trap_tval  = ex_pc_q;
            end
            epoxy_core_pkg::ClsMret: begin
              if (priv != epoxy_core_pkg::PrivM) begin
                trap       = 1'b1;
                trap_cause = epoxy_core_pkg::CauseIllegalInsn;
                trap_tval  = raw_insn;
              end else begin
                mret        = 1'b1;
                retire      = 1'b1;
                redirect    = 1'b1;  // held: fetch under the new privilege, next cycle
                redirect_pc = mepc;
              end
            end
            epoxy_core_pkg::ClsWfi: begin
              if ((priv == epoxy_core_pkg::PrivU) && tw) begin
                trap       = 1'b1;
                trap_cause = epoxy_core_pkg::CauseIllegalInsn;
                trap_tval  = raw_insn;
              end else begin
                retire   = 1'b1;
                ex_leave = 1'b1;
                sleep_d  = 1'b1;
              end
            end
            epoxy_core_pkg::ClsFence: begin
              retire   = 1'b1;
              ex_leave = 1'b1;
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
      ex_leave      = 1'b0;
      lsu_start     = 1'b0;
      mem_chk_d     = 1'b0;
      mem_deny_d    = 1'b0;
      redirect      = 1'b1;  // held: fetch the vector in M-mode, next cycle
      redirect_pc   = (mtvec[0] && is_intr) ? {mtvec[31:2], 2'b00} + {25'd0, trap_cause[4:0], 2'b00}
                                            : {mtvec[31:2], 2'b00};
    end
  end

  // The one redirect whose target is requested in the same cycle: a taken branch (not
  // CTBRANCH; FastBranch 1), jal, or jalr with an early target executing in EX, with target
  // ex_target_q, checked by the PMP this cycle (pmp_sel_tgt); or the kill cycle after a taken
  // branch (FastBranch 0), with its registered target and verdict. Written from registered
  // state (and the comparator for FastBranch 1) so that the request does not wait for the
  // interrupt logic: when an interrupt is taken instead (is_intr), fetch treats the request
  // as one of the flushed stream (redirect_now_drop_i). In the cycle WFI's sleep ends the
  // jump's redirect is an ordinary held one (sleep_q). All other redirects are held one
  // cycle.
  assign redirect_now = (ex_valid_q && !sleep_q &&
                         (ex_jump_q ||
                          ((FastBranch != 0) && !ex_err_q && !ex_illegal_q &&
                           (dec.cls == epoxy_core_pkg::ClsBranch) && !ct_branch &&
                           branch_taken))) ||
                        br_kill_q;

  // The next instruction moves from ID into EX when EX is empty or its instruction leaves
  // without redirecting; a redirect flushes ID.
  assign ex_advance = if_valid && !redirect && (!ex_valid_q || ex_leave);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      ex_valid_q <= 1'b0;
      mem_chk_q  <= 1'b0;
      mem_fast_q <= 1'b0;
      mem_deny_q <= 1'b0;
      mem_addr_q <= 32'd0;
    end else begin
      if (ex_advance) begin
        ex_valid_q <= 1'b1;
      end else if (ex_leave || redirect) begin
        ex_valid_q <= 1'b0;
      end
      mem_chk_q  <= mem_chk_d || mem_fast_d;
      mem_fast_q <= mem_fast_d;
      mem_deny_q <= mem_deny_d;
      if (!mem_addr_hold) mem_addr_q <= mem_addr_d;
    end
  end

  // Performance events: a stall is a cycle with an instruction in EX that produces no
  // record (memory access or division in progress); a branch bubble is a cycle with EX
  // empty while fetch refills after a taken branch or a jump.
  // record = retire || trap, written out from registered state and the bus inputs only
  // (whether an instruction produces a record never depends on operand values), so the
  // trace registers' enable does not wait for the execute stage's datapath.
  logic record, record_ex;
  always_comb begin
    unique case (dec.cls)
      epoxy_core_pkg::ClsLoad, epoxy_core_pkg::ClsStore, epoxy_core_pkg::ClsDiv: record_ex = 1'b0;
      epoxy_core_pkg::ClsMul: record_ex = (MulCycles == 1);
      epoxy_core_pkg::ClsAlu: record_ex = !(is_shift && (MulCycles > 1));
      epoxy_core_pkg::ClsBranch,
      epoxy_core_pkg::ClsJal, epoxy_core_pkg::ClsJalr, epoxy_core_pkg::ClsCsr,
      epoxy_core_pkg::ClsEcall, epoxy_core_pkg::ClsEbreak, epoxy_core_pkg::ClsMret,
      epoxy_core_pkg::ClsWfi, epoxy_core_pkg::ClsFence, epoxy_core_pkg::ClsFenceI: record_ex = 1'b1;
      default: record_ex = 1'b0;
    endcase
  end
  assign record = br_kill_q  ? 1'b0 :
                  lsu_busy   ? (lsu_done || lsu_err) :
                  mem_deny_q ? 1'b1 :
                  (mem_chk_q && !(mem_fast_q && irq_take)) ? lsu_misaligned :
                  div_busy   ? div_done :
                  mul_busy_q ? 1'b1 :
                  irq_take   ? 1'b1 :
                  (sleep_q && !irq_pending) ? 1'b0 :
                  (ex_valid_q && (ex_err_q || ex_illegal_q || record_ex));
  assign ev_stall  = ex_valid_q && !record && !asleep && !br_kill_q;
  assign ev_bubble = br_kill_q ||
                     (bubble_q && !ex_valid_q && !lsu_busy && !div_busy && !mul_busy_q);
  assign perf_stall_o  = ev_stall;
  assign perf_bubble_o = ev_bubble;
  always_comb begin
    bubble_d = bubble_q;
    if (ex_valid_q || trap) bubble_d = 1'b0;
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
        rvfi_insn_o      <= (is_intr || ex_err_q) ? 32'd0 : raw_insn;
        rvfi_trap_o      <= trap && !is_intr;
        rvfi_intr_o      <= is_intr;
        rvfi_mode_o      <= priv;
        rvfi_rs1_addr_o  <= (!trap && dec.rs1_used) ? dec.rs1 : 5'd0;
        rvfi_rs2_addr_o  <= (!trap && dec.rs2_used) ? dec.rs2 : 5'd0;
        rvfi_rs1_rdata_o <= (!trap && dec.rs1_used) ? rs1_data : 32'd0;
        rvfi_rs2_rdata_o <= (!trap && dec.rs2_used) ? rs2_data : 32'd0;
        rvfi_rd_addr_o   <= (rf_we && dec.rd != 5'd0) ? dec.rd : 5'd0;
        rvfi_rd_wdata_o  <= (rf_we && dec.rd != 5'd0) ? rf_wdata : 32'd0;
        rvfi_pc_rdata_o  <= trap_pc;
        rvfi_pc_wdata_o  <= redirect ? redirect_pc : br_kill_d ? ex_target_q : link;
        rvfi_mem_addr_o  <= rvfi_mem_valid ? mem_addr_q : 32'd0;
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
