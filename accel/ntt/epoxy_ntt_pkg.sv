// SPDX-License-Identifier: Apache-2.0
// Constants of the NTT coprocessor (docs/ntt.md): opcodes, field and variant codes, the
// engine's error code, and per-field constants (modulus, two-adicity, a root of unity of
// order 2^two-adicity, Barrett constants). Field and variant codes are the golden model's
// (sw/models/ntt); the roots follow from its generators (rho = g^((p-1) / 2^s)).
// Modules name these epoxy_ntt_pkg::X, never through `import`: Yosys 0.23 (make synth-ntt)
// does not parse an import inside a module.
`default_nettype none

package epoxy_ntt_pkg;

  // Opcodes (descriptor word 0, bits 7:0)
  localparam logic [7:0] OpFwd  = 8'h10;  // forward NTT, natural -> bit-reversed
  localparam logic [7:0] OpInv  = 8'h11;  // inverse NTT, bit-reversed -> natural, scaled
  localparam logic [7:0] OpPmul = 8'h20;  // pointwise product (pairs for Incomplete)
  localparam logic [7:0] OpPadd = 8'h21;  // pointwise sum
  localparam logic [7:0] OpPsub = 8'h22;  // pointwise difference SRC0 - SRC1

  // Field codes (TYPE[3:0]) and variant codes (TYPE[7:4])
  localparam logic [3:0] FieldBabyBear   = 4'd0;
  localparam logic [3:0] FieldKoalaBear  = 4'd1;
  localparam logic [3:0] FieldGoldilocks = 4'd2;
  localparam logic [3:0] FieldDilithium  = 4'd3;
  localparam logic [3:0] FieldKyber      = 4'd4;
  localparam logic [3:0] VarCyclic     = 4'd0;
  localparam logic [3:0] VarNegacyclic = 4'd1;
  localparam logic [3:0] VarIncomplete = 4'd2;

  // Result codes: the shell's (docs/accel-shell.md) and the engine's own
  localparam logic [7:0] ErrNone      = 8'd0;
  localparam logic [7:0] ErrOpcode    = 8'd1;
  localparam logic [7:0] ErrSize      = 8'd2;
  localparam logic [7:0] ErrType      = 8'd3;
  localparam logic [7:0] ErrAlign     = 8'd4;
  localparam logic [7:0] ErrRange     = 8'd5;
  localparam logic [7:0] ErrDma       = 8'd6;
  localparam logic [7:0] ErrValue     = 8'd16;  // an input element >= p

  // The modulus p.
  function automatic logic [63:0] field_p(input logic [2:0] f);
    case (f)
      FieldBabyBear[2:0]:    field_p = 64'h0000_0000_7800_0001;
      FieldKoalaBear[2:0]:    field_p = 64'h0000_0000_7F00_0001;
      FieldGoldilocks[2:0]:    field_p = 64'hFFFF_FFFF_0000_0001;
      FieldDilithium[2:0]:    field_p = 64'd8380417;
      FieldKyber[2:0]:    field_p = 64'd3329;
      default: field_p = 64'd0;
    endcase
  endfunction

  // Two-adicity s: 2^s divides p - 1.
  function automatic logic [5:0] field_adicity(input logic [2:0] f);
    case (f)
      FieldBabyBear[2:0]:    field_adicity = 6'd27;
      FieldKoalaBear[2:0]:    field_adicity = 6'd24;
      FieldGoldilocks[2:0]:    field_adicity = 6'd32;
      FieldDilithium[2:0]:    field_adicity = 6'd13;
      FieldKyber[2:0]:    field_adicity = 6'd8;
      default: field_adicity = 6'd0;
    endcase
  endfunction

  // rho = g^((p-1) / 2^s): a root of unity of order exactly 2^s (Kyber: 17, FIPS 203's zeta).
  function automatic logic [63:0] field_rho(input logic [2:0] f);
    case (f)
      FieldBabyBear[2:0]:    field_rho = 64'h0000_0000_1A42_7A41;
      FieldKoalaBear[2:0]:    field_rho = 64'h0000_0000_6AC4_9F88;
      FieldGoldilocks[2:0]:    field_rho = 64'h1856_29DC_DA58_878C;
      FieldDilithium[2:0]:    field_rho = 64'h0000_0000_001D_4636;
      FieldKyber[2:0]:    field_rho = 64'd17;
      default: field_rho = 64'd0;
    endcase
  endfunction

endpackage

`default_nettype wire
