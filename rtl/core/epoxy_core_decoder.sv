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

  always_comb begin
    dec_o           = '0;
    dec_o.illegal   = 1'b0;
    dec_o.cls       = epoxy_core_pkg::ClsAlu;
    dec_o.rs1       = instr_i[19:15];
    dec_o.rs2       = instr_i[24:20];
    dec_o.rd        = instr_i[11:7];
    dec_o.funct3    = funct3;
    dec_o.alu_op    = epoxy_core_pkg::AluAdd;
    dec_o.op_a_sel  = epoxy_core_pkg::OpARs1;
    dec_o.op_b_imm  = 1'b1;
    dec_o.imm       = imm_i;
    unique case (funct3[1:0])
      2'd0:    dec_o.mul_op = epoxy_core_pkg::MulLow;
      2'd1:    dec_o.mul_op = epoxy_core_pkg::MulHss;
      2'd2:    dec_o.mul_op = epoxy_core_pkg::MulHsu;
      default: dec_o.mul_op = epoxy_core_pkg::MulHuu;
    endcase
    unique case (funct3[1:0])
      2'd0:    dec_o.div_op = epoxy_core_pkg::DivDiv;
      2'd1:    dec_o.div_op = epoxy_core_pkg::DivDivu;
      2'd2:    dec_o.div_op = epoxy_core_pkg::DivRem;
      default: dec_o.div_op = epoxy_core_pkg::DivRemu;
    endcase
    dec_o.csr_op    = epoxy_core_pkg::CsrOpWrite;
    dec_o.csr_addr  = instr_i[31:20];

    unique case (opcode)
      7'h37: begin  // lui
        dec_o.op_a_sel = epoxy_core_pkg::OpAZero;
        dec_o.imm      = imm_u;
      end
      7'h17: begin  // auipc
        dec_o.op_a_sel = epoxy_core_pkg::OpAPc;
        dec_o.imm      = imm_u;
      end
      7'h6F: begin  // jal
        dec_o.cls      = epoxy_core_pkg::ClsJal;
        dec_o.imm      = imm_j;
      end
      7'h67: begin  // jalr
        dec_o.cls      = epoxy_core_pkg::ClsJalr;
        dec_o.rs1_used = 1'b1;
        dec_o.illegal  = (funct3 != 3'd0);
      end
      7'h63: begin  // branches
        dec_o.cls      = epoxy_core_pkg::ClsBranch;
        dec_o.rs1_used = 1'b1;
        dec_o.rs2_used = 1'b1;
        dec_o.imm      = imm_b;
        dec_o.illegal  = (funct3 == 3'd2) || (funct3 == 3'd3);
      end
      7'h03: begin  // loads: address = rs1 + imm through the ALU
        dec_o.cls      = epoxy_core_pkg::ClsLoad;
        dec_o.rs1_used = 1'b1;
        dec_o.illegal  = (funct3 == 3'd3) || (funct3 == 3'd6) || (funct3 == 3'd7);
      end
      7'h23: begin  // stores
        dec_o.cls      = epoxy_core_pkg::ClsStore;
        dec_o.rs1_used = 1'b1;
        dec_o.rs2_used = 1'b1;
        dec_o.imm      = imm_s;
        dec_o.illegal  = (funct3 > 3'd2);
      end
      7'h13: begin  // register-immediate
        dec_o.rs1_used = 1'b1;
        unique case (funct3)
          3'd0: dec_o.alu_op = epoxy_core_pkg::AluAdd;
          3'd1: begin
            dec_o.alu_op  = epoxy_core_pkg::AluSll;
            dec_o.illegal = (funct7 != 7'h00);
          end
          3'd2: dec_o.alu_op = epoxy_core_pkg::AluSlt;
          3'd3: dec_o.alu_op = epoxy_core_pkg::AluSltu;
          3'd4: dec_o.alu_op = epoxy_core_pkg::AluXor;
          3'd5: begin
            dec_o.alu_op  = funct7[5] ? epoxy_core_pkg::AluSra : epoxy_core_pkg::AluSrl;
            dec_o.illegal = (funct7 != 7'h00) && (funct7 != 7'h20);
          end
          3'd6: dec_o.alu_op = epoxy_core_pkg::AluOr;
          default: dec_o.alu_op = epoxy_core_pkg::AluAnd;
        endcase
      end
      7'h33: begin  // register-register and RV32M
        dec_o.rs1_used = 1'b1;
        dec_o.rs2_used = 1'b1;
        dec_o.op_b_imm = 1'b0;
        if (funct7 == 7'h01) begin
          dec_o.cls = funct3[2] ? epoxy_core_pkg::ClsDiv : epoxy_core_pkg::ClsMul;
        end else if (funct7 == 7'h00) begin
          unique case (funct3)
            3'd0: dec_o.alu_op = epoxy_core_pkg::AluAdd;
            3'd1: dec_o.alu_op = epoxy_core_pkg::AluSll;
            3'd2: dec_o.alu_op = epoxy_core_pkg::AluSlt;
            3'd3: dec_o.alu_op = epoxy_core_pkg::AluSltu;
            3'd4: dec_o.alu_op = epoxy_core_pkg::AluXor;
            3'd5: dec_o.alu_op = epoxy_core_pkg::AluSrl;
            3'd6: dec_o.alu_op = epoxy_core_pkg::AluOr;
            default: dec_o.alu_op = epoxy_core_pkg::AluAnd;
          endcase
        end else if (funct7 == 7'h20 && funct3 == 3'd0) begin
          dec_o.alu_op = epoxy_core_pkg::AluSub;
        end else if (funct7 == 7'h20 && funct3 == 3'd5) begin
          dec_o.alu_op = epoxy_core_pkg::AluSra;
        end else begin
          dec_o.illegal = 1'b1;
        end
      end
      7'h0F: begin  // fence (any fields), fence.i
        dec_o.cls     = funct3[0] ? epoxy_core_pkg::ClsFenceI : epoxy_core_pkg::ClsFence;
        dec_o.illegal = (funct3[2:1] != 2'b00);
      end
      7'h73: begin  // system
        if (funct3 == 3'd0) begin
          unique case (instr_i)
            32'h0000_0073: dec_o.cls = epoxy_core_pkg::ClsEcall;
            32'h0010_0073: dec_o.cls = epoxy_core_pkg::ClsEbreak;
            32'h3020_0073: dec_o.cls = epoxy_core_pkg::ClsMret;
            32'h1050_0073: dec_o.cls = epoxy_core_pkg::ClsWfi;
            default:       dec_o.illegal = 1'b1;
          endcase
        end else if (funct3 == 3'd4) begin
          dec_o.illegal = 1'b1;
        end else begin
          dec_o.cls       = epoxy_core_pkg::ClsCsr;
          dec_o.csr_imm   = funct3[2];
          dec_o.rs1_used  = !funct3[2];
          unique case (funct3[1:0])
            2'd1:    dec_o.csr_op = epoxy_core_pkg::CsrOpWrite;
            2'd2:    dec_o.csr_op = epoxy_core_pkg::CsrOpSet;
            default: dec_o.csr_op = epoxy_core_pkg::CsrOpClear;
          endcase
          // csrrw/csrrwi always write; set/clear write only with a non-zero rs1/zimm field.
          dec_o.csr_write = (funct3[1:0] == 2'd1) || (instr_i[19:15] != 5'd0);
        end
      end
      default: dec_o.illegal = 1'b1;
    endcase
  end

endmodule

`default_nettype wire
