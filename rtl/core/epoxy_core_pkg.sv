// SPDX-License-Identifier: Apache-2.0
// Epoxy glue core: shared types and constants.
//
// Holds the decoded-instruction record passed from the decoder to the execute stage, the
// operation enums of the functional units and the architectural constants (CSR numbers,
// trap causes, privilege encodings) the core needs. It deliberately holds no logic.
`default_nettype none

package epoxy_core_pkg;

  // ---- Privilege modes (the 2-bit encoding of the privileged spec: U=00, M=11) ----------
  // The two legal values differ in both bits, so a single flipped bit never yields the
  // other legal mode.
  typedef enum logic [1:0] {
    PrivU = 2'b00,
    PrivM = 2'b11
  } priv_e;

  // ---- ALU ------------------------------------------------------------------------------
  typedef enum logic [3:0] {
    AluAdd,
    AluSub,
    AluSll,
    AluSlt,
    AluSltu,
    AluXor,
    AluSrl,
    AluSra,
    AluOr,
    AluAnd
  } alu_op_e;

  typedef enum logic [1:0] {
    OpARs1,
    OpAPc,
    OpAZero
  } op_a_sel_e;

  // ---- Multiplier and divider -------------------------------------------------------------
  typedef enum logic [1:0] {
    MulLow  = 2'b00,  // mul
    MulHss  = 2'b01,  // mulh
    MulHsu  = 2'b10,  // mulhsu
    MulHuu  = 2'b11   // mulhu
  } mul_op_e;

  typedef enum logic [1:0] {
    DivDiv  = 2'b00,
    DivDivu = 2'b01,
    DivRem  = 2'b10,
    DivRemu = 2'b11
  } div_op_e;

  // ---- CSR instruction operations ----------------------------------------------------------
  typedef enum logic [1:0] {
    CsrOpWrite,
    CsrOpSet,
    CsrOpClear
  } csr_op_e;

  // ---- Instruction classes (one per execute-stage behaviour) ------------------------------
  typedef enum logic [3:0] {
    ClsAlu,     // ALU result to rd (also lui, auipc)
    ClsMul,
    ClsDiv,
    ClsBranch,
    ClsJal,
    ClsJalr,
    ClsLoad,
    ClsStore,
    ClsCsr,
    ClsEcall,
    ClsEbreak,
    ClsMret,
    ClsWfi,
    ClsFence,
    ClsFenceI
  } insn_class_e;

  // The decoded instruction: everything the execute stage needs, nothing it can derive.
  typedef struct packed {
    logic        illegal;
    insn_class_e cls;
    logic        rs1_used;
    logic        rs2_used;
    logic [4:0]  rs1;
    logic [4:0]  rs2;
    logic [4:0]  rd;
    logic [31:0] imm;
    alu_op_e     alu_op;
    op_a_sel_e   op_a_sel;
    logic        op_b_imm;     // operand b is the immediate, else rs2
    logic [2:0]  funct3;       // branch condition, load/store size and sign
    mul_op_e     mul_op;
    div_op_e     div_op;
    csr_op_e     csr_op;
    logic        csr_imm;      // operand is the zero-extended rs1 field
    logic        csr_write;    // the CSR instruction writes (csrrw*, or rs1/zimm != 0)
    logic [11:0] csr_addr;
  } decoded_t;

  // ---- Trap causes (privileged spec 1.12, table 3.6) --------------------------------------
  localparam logic [31:0] CauseInsnAccessFault  = 32'd1;
  localparam logic [31:0] CauseIllegalInsn      = 32'd2;
  localparam logic [31:0] CauseBreakpoint       = 32'd3;
  localparam logic [31:0] CauseLoadMisaligned   = 32'd4;
  localparam logic [31:0] CauseLoadAccessFault  = 32'd5;
  localparam logic [31:0] CauseStoreMisaligned  = 32'd6;
  localparam logic [31:0] CauseStoreAccessFault = 32'd7;
  localparam logic [31:0] CauseEcallU           = 32'd8;
  localparam logic [31:0] CauseEcallM           = 32'd11;

  // Interrupt numbers (mip/mie bits).
  localparam int unsigned IrqMSoft  = 3;
  localparam int unsigned IrqMTimer = 7;
  localparam int unsigned IrqMExt   = 11;
  localparam int unsigned IrqAccel0 = 16;  // platform-defined local interrupts 16..31

  // ---- CSR numbers ----------------------------------------------------------------------------
  localparam logic [11:0] CsrCycle         = 12'hC00;
  localparam logic [11:0] CsrTime          = 12'hC01;
  localparam logic [11:0] CsrInstret       = 12'hC02;
  localparam logic [11:0] CsrHpmCounter3   = 12'hC03;
  localparam logic [11:0] CsrHpmCounter4   = 12'hC04;
  localparam logic [11:0] CsrCycleH        = 12'hC80;
  localparam logic [11:0] CsrTimeH         = 12'hC81;
  localparam logic [11:0] CsrInstretH      = 12'hC82;
  localparam logic [11:0] CsrHpmCounter3H  = 12'hC83;
  localparam logic [11:0] CsrHpmCounter4H  = 12'hC84;
  localparam logic [11:0] CsrMvendorid     = 12'hF11;
  localparam logic [11:0] CsrMconfigptr    = 12'hF15;
  localparam logic [11:0] CsrMstatus       = 12'h300;
  localparam logic [11:0] CsrMisa          = 12'h301;
  localparam logic [11:0] CsrMie           = 12'h304;
  localparam logic [11:0] CsrMtvec         = 12'h305;
  localparam logic [11:0] CsrMcounteren    = 12'h306;
  localparam logic [11:0] CsrMenvcfg       = 12'h30A;
  localparam logic [11:0] CsrMstatush      = 12'h310;
  localparam logic [11:0] CsrMenvcfgh      = 12'h31A;
  localparam logic [11:0] CsrMcountinhibit = 12'h320;
  localparam logic [11:0] CsrMhpmEvent3    = 12'h323;
  localparam logic [11:0] CsrMhpmEvent31   = 12'h33F;
  localparam logic [11:0] CsrMscratch      = 12'h340;
  localparam logic [11:0] CsrMepc          = 12'h341;
  localparam logic [11:0] CsrMcause        = 12'h342;
  localparam logic [11:0] CsrMtval         = 12'h343;
  localparam logic [11:0] CsrMip           = 12'h344;
  localparam logic [11:0] CsrPmpcfg0       = 12'h3A0;
  localparam logic [11:0] CsrPmpaddr0      = 12'h3B0;
  localparam logic [11:0] CsrMcycle        = 12'hB00;
  localparam logic [11:0] CsrMinstret      = 12'hB02;
  localparam logic [11:0] CsrMhpmCounter3  = 12'hB03;
  localparam logic [11:0] CsrMhpmCounter4  = 12'hB04;
  localparam logic [11:0] CsrMcycleH       = 12'hB80;
  localparam logic [11:0] CsrMinstretH     = 12'hB82;
  localparam logic [11:0] CsrMhpmCounter3H = 12'hB83;
  localparam logic [11:0] CsrMhpmCounter4H = 12'hB84;
  // Custom M-mode read/write CSR (0x7C0..0x7FF is the custom machine range). 0x7C0 itself
  // is kept unimplemented because firmware/tests/isa/traps.S checks that it traps.
  localparam logic [11:0] CsrMepoxyctl     = 12'h7C1;

  // mstatus bit positions.
  localparam int unsigned MstatusMie  = 3;
  localparam int unsigned MstatusMpie = 7;
  localparam int unsigned MstatusMppLo = 11;
  localparam int unsigned MstatusMppHi = 12;
  localparam int unsigned MstatusMprv = 17;
  localparam int unsigned MstatusTw   = 21;

  // misa: MXL=1, extensions I, M, C, U.
  localparam logic [31:0] MisaValue = 32'h4010_1104;

  // PMP
  typedef enum logic [1:0] {
    PmpOff   = 2'b00,
    PmpTor   = 2'b01,
    PmpNa4   = 2'b10,
    PmpNapot = 2'b11
  } pmp_mode_e;

  // lo <= a <= hi for constant lo and hi, as AND/OR logic: Yosys maps a comparison
  // operator to a carry chain even against a constant (on the iCE40 about 25 logic cells
  // for a 12-bit range, against 2 to 4 LUTs for this), and the core decodes CSR numbers
  // by range in several places. Bit i from the bottom: a[i:0] >= lo[i:0] holds if a[i] is
  // above lo[i], or equal and the bits below compare >=; <= hi likewise.
  // (Simulators get the two comparisons, which Verilator evaluates in two instructions
  // instead of the 24 steps of the loop: the same function.)
  function automatic logic csr_in_range(logic [11:0] a, logic [11:0] lo, logic [11:0] hi);
`ifdef SYNTHESIS
    logic ge, le;
    ge = 1'b1;
    le = 1'b1;
    for (int i = 0; i < 12; i++) begin
      ge = lo[i] ? (a[i] && ge) : (a[i] || ge);
      le = hi[i] ? (!a[i] || le) : (!a[i] && le);
    end
    csr_in_range = ge && le;
`else
    csr_in_range = (a >= lo) && (a <= hi);
`endif
  endfunction

  typedef enum logic [1:0] {
    AccFetch,
    AccLoad,
    AccStore
  } access_e;

endpackage

`default_nettype wire
