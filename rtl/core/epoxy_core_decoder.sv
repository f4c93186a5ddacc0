// SPDX-License-Identifier: Apache-2.0
// Epoxy core: instruction decoder.
//
// Decodes one 32-bit instruction (already expanded from RVC) into epoxy_core_pkg::decoded_t:
// the instruction class, register fields and which of them are used, the immediate, and
// the operation of each functional unit. The legal encodings are exactly those of the
// reference ISS's instruction table (sw/iss/insns.cpp): RV32I, RV32M, Zicsr, Zifencei,
// ecall, ebreak, mret and wfi; everything else is flagged illegal. It deliberately does
// not check privilege or CSR existence: those depend on state and live in the execute
// stage and epoxy_core_csr.
`default_nettype none

module epoxy_core_decoder (
  input  logic [31:0]               instr_i,
  output epoxy_core_pkg::decoded_t  dec_o
);

  logic [6:0] opcode;
  logic [2:0] funct3;
  logic [6:0] funct7;
  assign opcode = instr_i[6:0];
  assign funct3 = instr_i[14:12];
  assign funct7 = instr_i[31:25];

  logic [31:0] imm_i, imm_s, imm_b, imm_u, imm_j;
  assign imm_i = {{20{instr_i[31]}}, instr_i[31:20]};
  assign imm_s = {{20{instr_i[31]}}, instr_i[31:25], instr_i[11:7]};
  assign imm_b = {{19{instr_i[31]}}, instr_i[31], instr_i[7], instr_i[30:25], instr_i[11:8], 1'b0};
  assign imm_u = {instr_i[31:12], 12'h000};
  assign imm_j = {{11{instr_i[31]}}, instr_i[31], instr_i[19:12], instr_i[20], instr_i[30:21], 1'b0};

  // The fields are decoded into narrow signals and the record is assembled once: a
  // simulator then writes the (84-bit) record as whole words, not field by field.
  logic                        d_illegal, d_rs1_used, d_rs2_used, d_op_b_imm;
  logic                        d_csr_imm, d_csr_write;
  epoxy_core_pkg::insn_class_e d_cls;
  logic [31:0]                 d_imm;
  epoxy_core_pkg::alu_op_e     d_alu_op;
  epoxy_core_pkg::op_a_sel_e   d_op_a_sel;
  epoxy_core_pkg::csr_op_e     d_csr_op;

  always_comb begin
    d_illegal   = 1'b0;
    d_rs1_used  = 1'b0;
    d_rs2_used  = 1'b0;
    d_csr_imm   = 1'b0;
    d_csr_write = 1'b0;
    d_cls       = epoxy_core_pkg::ClsAlu;
    d_alu_op    = epoxy_core_pkg::AluAdd;
    d_op_a_sel  = epoxy_core_pkg::OpARs1;
    d_op_b_imm  = 1'b1;
    d_imm       = imm_i;
    d_csr_op    = epoxy_core_pkg::CsrOpWrite;

    unique case (opcode)
      7'h37: begin  // lui
        d_op_a_sel = epoxy_core_pkg::OpAZero;
        d_imm      = imm_u;
      end
      7'h17: begin  // auipc
        d_op_a_sel = epoxy_core_pkg::OpAPc;
        d_imm      = imm_u;
      end
      7'h6F: begin  // jal
        d_cls      = epoxy_core_pkg::ClsJal;
        d_imm      = imm_j;
      end
      7'h67: begin  // jalr
        d_cls      = epoxy_core_pkg::ClsJalr;
        d_rs1_used = 1'b1;
        d_illegal  = (funct3 != 3'd0);
      end
      7'h63: begin  // branches
        d_cls      = epoxy_core_pkg::ClsBranch;
        d_rs1_used = 1'b1;
        d_rs2_used = 1'b1;
        d_imm      = imm_b;
        d_illegal  = (funct3 == 3'd2) || (funct3 == 3'd3);
      end
      7'h03: begin  // loads: address = rs1 + imm through the ALU
        d_cls      = epoxy_core_pkg::ClsLoad;
        d_rs1_used = 1'b1;
        d_illegal  = (funct3 == 3'd3) || (funct3 == 3'd6) || (funct3 == 3'd7);
      end
      7'h23: begin  // stores
        d_cls      = epoxy_core_pkg::ClsStore;
        d_rs1_used = 1'b1;
        d_rs2_used = 1'b1;
        d_imm      = imm_s;
        d_illegal  = (funct3 > 3'd2);
      end
      7'h13: begin  // register-immediate
        d_rs1_used = 1'b1;
        unique case (funct3)
          3'd0: d_alu_op = epoxy_core_pkg::AluAdd;
          3'd1: begin
            d_alu_op  = epoxy_core_pkg::AluSll;
            d_illegal = (funct7 != 7'h00);
          end
          3'd2: d_alu_op = epoxy_core_pkg::AluSlt;
          3'd3: d_alu_op = epoxy_core_pkg::AluSltu;
          3'd4: d_alu_op = epoxy_core_pkg::AluXor;
          3'd5: begin
            d_alu_op  = funct7[5] ? epoxy_core_pkg::AluSra : epoxy_core_pkg::AluSrl;
            d_illegal = (funct7 != 7'h00) && (funct7 != 7'h20);
          end
          3'd6: d_alu_op = epoxy_core_pkg::AluOr;
          default: d_alu_op = epoxy_core_pkg::AluAnd;
        endcase
      end
      7'h33: begin  // register-register and RV32M
        d_rs1_used = 1'b1;
        d_rs2_used = 1'b1;
        d_op_b_imm = 1'b0;
        if (funct7 == 7'h01) begin
          d_cls = funct3[2] ? epoxy_core_pkg::ClsDiv : epoxy_core_pkg::ClsMul;
        end else if (funct7 == 7'h00) begin
          unique case (funct3)
            3'd0: d_alu_op = epoxy_core_pkg::AluAdd;
            3'd1: d_alu_op = epoxy_core_pkg::AluSll;
            3'd2: d_alu_op = epoxy_core_pkg::AluSlt;
            3'd3: d_alu_op = epoxy_core_pkg::AluSltu;
            3'd4: d_alu_op = epoxy_core_pkg::AluXor;
            3'd5: d_alu_op = epoxy_core_pkg::AluSrl;
            3'd6: d_alu_op = epoxy_core_pkg::AluOr;
            default: d_alu_op = epoxy_core_pkg::AluAnd;
          endcase
        end else if (funct7 == 7'h20 && funct3 == 3'd0) begin
          d_alu_op = epoxy_core_pkg::AluSub;
        end else if (funct7 == 7'h20 && funct3 == 3'd5) begin
          d_alu_op = epoxy_core_pkg::AluSra;
        end else begin
          d_illegal = 1'b1;
        end
      end
      7'h0F: begin  // fence (any fields), fence.i
        d_cls     = funct3[0] ? epoxy_core_pkg::ClsFenceI : epoxy_core_pkg::ClsFence;
        d_illegal = (funct3[2:1] != 2'b00);
      end
      7'h73: begin  // system
        if (funct3 == 3'd0) begin
          unique case (instr_i)
            32'h0000_0073: d_cls = epoxy_core_pkg::ClsEcall;
            32'h0010_0073: d_cls = epoxy_core_pkg::ClsEbreak;
            32'h3020_0073: d_cls = epoxy_core_pkg::ClsMret;
            32'h1050_0073: d_cls = epoxy_core_pkg::ClsWfi;
            default:       d_illegal = 1'b1;
          endcase
        end else if (funct3 == 3'd4) begin
          d_illegal = 1'b1;
        end else begin
          d_cls       = epoxy_core_pkg::ClsCsr;
          d_csr_imm   = funct3[2];
          d_rs1_used  = !funct3[2];
          unique case (funct3[1:0])
            2'd1:    d_csr_op = epoxy_core_pkg::CsrOpWrite;
            2'd2:    d_csr_op = epoxy_core_pkg::CsrOpSet;
            default: d_csr_op = epoxy_core_pkg::CsrOpClear;
          endcase
          // csrrw/csrrwi always write; set/clear write only with a non-zero rs1/zimm field.
          d_csr_write = (funct3[1:0] == 2'd1) || (instr_i[19:15] != 5'd0);
        end
      end
      default: d_illegal = 1'b1;
    endcase
  end


  // mul_op and div_op are funct3[1:0] in both encodings (mul/mulh/mulhsu/mulhu,
  // div/divu/rem/remu).
  assign dec_o = {d_illegal, d_cls, d_rs1_used, d_rs2_used,  // field order of decoded_t
                   instr_i[19:15], instr_i[24:20], instr_i[11:7],   // rs1, rs2, rd
                   d_imm, d_alu_op, d_op_a_sel, d_op_b_imm, funct3,
                   funct3[1:0], funct3[1:0],                          // mul_op, div_op
                   d_csr_op, d_csr_imm, d_csr_write, instr_i[31:20]}; // ..., csr_addr

endmodule

`default_nettype wire
