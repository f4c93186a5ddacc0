// SPDX-License-Identifier: Apache-2.0
// Epoxy core: RVC expansion.
//
// Turns a 16-bit compressed instruction into its 32-bit equivalent, case by case in the
// order of the RVC opcode map (unprivileged spec 20191213, chapter 16), with exactly the
// reserved encodings of the reference ISS (sw/iss/compressed.cpp) flagged illegal. A
// 32-bit instruction (low bits 11) passes through unchanged. It deliberately does not
// decode the expanded instruction: epoxy_core_decoder does that for both widths, so every
// legality rule of the 32-bit ISA is written once.
`default_nettype none

module epoxy_core_compressed_decoder (
  input  logic [31:0] instr_i,       // compressed instructions in bits 15:0
  output logic [31:0] instr_o,       // the 32-bit equivalent
  output logic        compressed_o,
  output logic        illegal_o      // reserved compressed encoding
);

  localparam logic [6:0] OpImm  = 7'h13;
  localparam logic [6:0] OpReg  = 7'h33;
  localparam logic [6:0] OpLoad = 7'h03;
  localparam logic [6:0] OpStor = 7'h23;
  localparam logic [6:0] OpLui  = 7'h37;
  localparam logic [6:0] OpJalr = 7'h67;
  localparam logic [6:0] OpJal  = 7'h6F;
  localparam logic [6:0] OpBr   = 7'h63;

  logic [15:0] c;
  assign c = instr_i[15:0];
  assign compressed_o = (instr_i[1:0] != 2'b11);

  // Compressed register fields rd'/rs1'/rs2' name x8..x15.
  logic [4:0] rd_p, rs1_p, rs2_p, rd_f, rs2_f;
  assign rd_p  = {2'b01, c[4:2]};
  assign rs1_p = {2'b01, c[9:7]};
  assign rs2_p = {2'b01, c[4:2]};
  assign rd_f  = c[11:7];
  assign rs2_f = c[6:2];

  // Immediates (sign-extended where the format says so).
  logic [11:0] lw_off, lwsp_off, swsp_off, addi4spn_imm, ci_imm, addi16sp_imm;
  logic [20:0] cj_off;
  logic [12:0] cb_off;
  logic        unused_off_lsb;
  assign unused_off_lsb = cj_off[0] ^ cb_off[0];
  assign lw_off       = {5'b0, c[5], c[12:10], c[6], 2'b00};
  assign lwsp_off     = {4'b0, c[3:2], c[12], c[6:4], 2'b00};
  assign swsp_off     = {4'b0, c[8:7], c[12:9], 2'b00};
  assign addi4spn_imm = {2'b0, c[10:7], c[12:11], c[5], c[6], 2'b00};
  assign ci_imm       = {{7{c[12]}}, c[6:2]};
  assign addi16sp_imm = {{3{c[12]}}, c[4:3], c[5], c[2], c[6], 4'b0000};
  assign cj_off = {{10{c[12]}}, c[8], c[10:9], c[6], c[7], c[2], c[11], c[5:3], 1'b0};
  assign cb_off = {{5{c[12]}}, c[6:5], c[2], c[11:10], c[4:3], 1'b0};

  // 32-bit encoders.
  function automatic logic [31:0] enc_i(logic [11:0] imm, logic [4:0] rs1, logic [2:0] f3,
                                        logic [4:0] rd, logic [6:0] op);
    enc_i = {imm, rs1, f3, rd, op};
  endfunction
  function automatic logic [31:0] enc_r(logic [6:0] f7, logic [4:0] rs2, logic [4:0] rs1,
                                        logic [2:0] f3, logic [4:0] rd, logic [6:0] op);
    enc_r = {f7, rs2, rs1, f3, rd, op};
  endfunction
  function automatic logic [31:0] enc_s(logic [11:0] imm, logic [4:0] rs2, logic [4:0] rs1,
                                        logic [2:0] f3, logic [6:0] op);
    enc_s = {imm[11:5], rs2, rs1, f3, imm[4:0], op};
  endfunction
  // Branch and jump offsets are even: the functions take them without bit 0.
  function automatic logic [31:0] enc_b(logic [12:1] imm, logic [4:0] rs1, logic [2:0] f3);
    enc_b = {imm[12], imm[10:5], 5'd0, rs1, f3, imm[4:1], imm[11], OpBr};
  endfunction
  function automatic logic [31:0] enc_j(logic [20:1] imm, logic [4:0] rd);
    enc_j = {imm[20], imm[10:1], imm[11], imm[19:12], rd, OpJal};
  endfunction

  always_comb begin
    instr_o   = instr_i;
    illegal_o = 1'b0;
    if (compressed_o) begin
      instr_o = 32'h0;
      unique case ({c[1:0], c[15:13]})
        // ---- Quadrant 0 ---------------------------------------------------------------
        5'b00_000: begin  // c.addi4spn (nzuimm = 0 is reserved, including c.unimp)
          instr_o   = enc_i(addi4spn_imm, 5'd2, 3'd0, rd_p, OpImm);
          illegal_o = (addi4spn_imm == 12'd0);
        end
        5'b00_010: instr_o = enc_i(lw_off, rs1_p, 3'd2, rd_p, OpLoad);   // c.lw
        5'b00_110: instr_o = enc_s(lw_off, rs2_p, rs1_p, 3'd2, OpStor);  // c.sw
        // ---- Quadrant 1 ---------------------------------------------------------------
        5'b01_000: instr_o = enc_i(ci_imm, rd_f, 3'd0, rd_f, OpImm);     // c.addi, c.nop
        5'b01_001: instr_o = enc_j(cj_off[20:1], 5'd1);                         // c.jal
        5'b01_010: instr_o = enc_i(ci_imm, 5'd0, 3'd0, rd_f, OpImm);     // c.li
        5'b01_011: begin
          if (rd_f == 5'd2) begin  // c.addi16sp (nzimm = 0 reserved)
            instr_o   = enc_i(addi16sp_imm, 5'd2, 3'd0, 5'd2, OpImm);
            illegal_o = (addi16sp_imm == 12'd0);
          end else begin  // c.lui (nzimm = 0 reserved)
            instr_o   = {{15{c[12]}}, c[6:2], rd_f, OpLui};
            illegal_o = (ci_imm == 12'd0);
          end
        end
        5'b01_100: begin
          unique case (c[11:10])
            2'b00: begin  // c.srli (shamt[5] = 1 reserved on RV32)
              instr_o   = enc_i({7'b0, c[6:2]}, rs1_p, 3'd5, rs1_p, OpImm);
              illegal_o = c[12];
            end
            2'b01: begin  // c.srai
              instr_o   = enc_i({7'b0100000, c[6:2]}, rs1_p, 3'd5, rs1_p, OpImm);
              illegal_o = c[12];
            end
            2'b10: instr_o = enc_i(ci_imm, rs1_p, 3'd7, rs1_p, OpImm);    // c.andi
            default: begin
              illegal_o = c[12];  // c.subw, c.addw: RV64 only
              unique case (c[6:5])
                2'b00:   instr_o = enc_r(7'h20, rs2_p, rs1_p, 3'd0, rs1_p, OpReg);  // c.sub
                2'b01:   instr_o = enc_r(7'h00, rs2_p, rs1_p, 3'd4, rs1_p, OpReg);  // c.xor
                2'b10:   instr_o = enc_r(7'h00, rs2_p, rs1_p, 3'd6, rs1_p, OpReg);  // c.or
                default: instr_o = enc_r(7'h00, rs2_p, rs1_p, 3'd7, rs1_p, OpReg);  // c.and
              endcase
            end
          endcase
        end
        5'b01_101: instr_o = enc_j(cj_off[20:1], 5'd0);                 // c.j
        5'b01_110: instr_o = enc_b(cb_off[12:1], rs1_p, 3'd0);          // c.beqz
        5'b01_111: instr_o = enc_b(cb_off[12:1], rs1_p, 3'd1);          // c.bnez
        // ---- Quadrant 2 ---------------------------------------------------------------
        5'b10_000: begin  // c.slli (shamt[5] = 1 reserved on RV32)
          instr_o   = enc_i({7'b0, c[6:2]}, rd_f, 3'd1, rd_f, OpImm);
          illegal_o = c[12];
        end
        5'b10_010: begin  // c.lwsp (rd = 0 reserved)
          instr_o   = enc_i(lwsp_off, 5'd2, 3'd2, rd_f, OpLoad);
          illegal_o = (rd_f == 5'd0);
        end
        5'b10_100: begin
          if (!c[12]) begin
            if (rs2_f == 5'd0) begin  // c.jr (rs1 = 0 reserved)
              instr_o   = enc_i(12'd0, rd_f, 3'd0, 5'd0, OpJalr);
              illegal_o = (rd_f == 5'd0);
            end else begin  // c.mv
              instr_o = enc_r(7'h00, rs2_f, 5'd0, 3'd0, rd_f, OpReg);
            end
          end else if (rs2_f == 5'd0) begin
            if (rd_f == 5'd0) instr_o = 32'h0010_0073;                  // c.ebreak
            else              instr_o = enc_i(12'd0, rd_f, 3'd0, 5'd1, OpJalr);  // c.jalr
          end else begin  // c.add
            instr_o = enc_r(7'h00, rs2_f, rd_f, 3'd0, rd_f, OpReg);
          end
        end
        5'b10_110: instr_o = enc_s(swsp_off, rs2_f, 5'd2, 3'd2, OpStor);  // c.swsp
        // c.fld, c.flw, c.fsd, c.fsw, c.fldsp, c.flwsp, c.fsdsp, c.fswsp and the reserved
        // quadrant-0 slot: no F or D.
        default: illegal_o = 1'b1;
      endcase
    end
  end

endmodule

`default_nettype wire
