// SPDX-License-Identifier: Apache-2.0
// Epoxy core: integer ALU.
//
// One combinational result per cycle for every RV32I arithmetic, logic, shift and compare
// operation; it also forms load/store addresses (rs1 + imm) and lui/auipc results. Every
// operation takes the same single cycle whatever the operands (Zkt). It deliberately does
// not compare for branches: the execute stage has its own comparator and target adder so
// a branch resolves without waiting on the ALU's result mux.
`default_nettype none

module epoxy_core_alu #(
  parameter bit Shifter = 1'b1   // 0: no shifter (the core shifts in its multiplier instead)
) (
  input  epoxy_core_pkg::alu_op_e op_i,
  input  logic [31:0]             a_i,
  input  logic [31:0]             b_i,
  output logic [31:0]             result_o
);

`ifdef SYNTHESIS
  // One adder for add, sub, slt and sltu: a + b, or a + ~b + 1 = a - b, whose carry out is
  // set when a >= b (unsigned).
  logic        sub;
  logic [32:0] sum;
  assign sub = (op_i != epoxy_core_pkg::AluAdd);
  assign sum = {1'b0, a_i} + {1'b0, b_i ^ {32{sub}}} + {32'd0, sub};

  logic lt_signed, lt_unsigned;
  assign lt_unsigned = !sum[32];
  assign lt_signed   = (a_i[31] != b_i[31]) ? a_i[31] : sum[31];

  logic [4:0] shamt;
  assign shamt = b_i[4:0];

  // One right shifter for all three shifts: a left shift is a right shift of the
  // bit-reversed operand, reversed back; sra fills with the sign.
  logic        shift_left, shift_fill;
  logic [31:0] shift_in, shift_right, shift_left_res;
  logic [32:0] shift_ext;

  // Bit reversal as five swap stages with constant masks: only wiring in synthesis, as a
  // bit-by-bit loop is, but about 20 word operations in simulation instead of 32 single-bit
  // updates (Verilator evaluates the ALU every cycle).
  function automatic logic [31:0] reverse32(logic [31:0] x);
    logic [31:0] y;
    y = {x[15:0], x[31:16]};
    y = ((y & 32'h00FF00FF) << 8) | ((y >> 8) & 32'h00FF00FF);
    y = ((y & 32'h0F0F0F0F) << 4) | ((y >> 4) & 32'h0F0F0F0F);
    y = ((y & 32'h33333333) << 2) | ((y >> 2) & 32'h33333333);
    reverse32 = ((y & 32'h55555555) << 1) | ((y >> 1) & 32'h55555555);
  endfunction

  assign shift_in       = shift_left ? reverse32(a_i) : a_i;
  assign shift_left_res = reverse32(shift_right);
  assign shift_left  = (op_i == epoxy_core_pkg::AluSll);
  assign shift_fill  = (op_i == epoxy_core_pkg::AluSra) && a_i[31];
  assign shift_ext   = $unsigned($signed({shift_fill, shift_in}) >>> shamt);
  assign shift_right = shift_ext[31:0];

  logic unused_shift;
  assign unused_shift = shift_ext[32];

  always_comb begin
    result_o = sum[31:0];
    unique case (op_i)
      epoxy_core_pkg::AluAdd:  result_o = sum[31:0];
      epoxy_core_pkg::AluSub:  result_o = sum[31:0];
      // (Without the shifter the shift results are constants and the shifter is removed.)
      epoxy_core_pkg::AluSll:  result_o = Shifter ? shift_left_res : 32'd0;
      epoxy_core_pkg::AluSlt:  result_o = {31'b0, lt_signed};
      epoxy_core_pkg::AluSltu: result_o = {31'b0, lt_unsigned};
      epoxy_core_pkg::AluXor:  result_o = a_i ^ b_i;
      epoxy_core_pkg::AluSrl:  result_o = Shifter ? shift_right : 32'd0;
      epoxy_core_pkg::AluSra:  result_o = Shifter ? shift_right : 32'd0;
      epoxy_core_pkg::AluOr:   result_o = a_i | b_i;
      epoxy_core_pkg::AluAnd:  result_o = a_i & b_i;
      default:                 result_o = sum[31:0];
    endcase
  end

`else
  // Simulation: the same function with the operators a simulator evaluates directly, and
  // only the selected operation evaluated (Verilator would otherwise form the adder and
  // both bit reversals of the one-shifter form above in every cycle). An encoding outside
  // the enumeration gives a - b, as the adder with sub set does above.
  always_comb begin
    unique case (op_i)
      epoxy_core_pkg::AluAdd:  result_o = a_i + b_i;
      epoxy_core_pkg::AluSll:  result_o = Shifter ? a_i << b_i[4:0] : 32'd0;
      epoxy_core_pkg::AluSlt:  result_o = {31'b0, $signed(a_i) < $signed(b_i)};
      epoxy_core_pkg::AluSltu: result_o = {31'b0, a_i < b_i};
      epoxy_core_pkg::AluXor:  result_o = a_i ^ b_i;
      epoxy_core_pkg::AluSrl:  result_o = Shifter ? a_i >> b_i[4:0] : 32'd0;
      epoxy_core_pkg::AluSra:  result_o = Shifter ? $unsigned($signed(a_i) >>> b_i[4:0]) : 32'd0;
      epoxy_core_pkg::AluOr:   result_o = a_i | b_i;
      epoxy_core_pkg::AluAnd:  result_o = a_i & b_i;
      default:                 result_o = a_i - b_i;   // AluSub
    endcase
  end
`endif

endmodule

`default_nettype wire
