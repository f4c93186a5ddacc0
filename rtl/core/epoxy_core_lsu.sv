// SPDX-License-Identifier: Apache-2.0
// Epoxy core: load/store unit, the OBI data port.
//
// Performs one naturally aligned load or store at a time: it flags misaligned addresses
// (the execute stage turns them into traps before anything reaches the bus), drives the
// OBI request with a word-aligned address, byte enables and the store data in its byte
// lanes, holds the request until it is granted, waits for the response, and returns the
// load value sign- or zero-extended, or the bus error. The request goes out only when the
// execute stage starts it, and the execute stage starts it only for the oldest instruction
// after its PMP check (on the registered address the core gives as addr_i) has passed,
// so the unit never makes a speculative access. It
// deliberately does not split misaligned accesses (the ISS traps on them), buffer stores,
// or allow a second transaction before the first one's response.
`default_nettype none

module epoxy_core_lsu (
  input  logic        clk_i,
  input  logic        rst_ni,

  // Execute stage
  input  logic        start_i,      // begin the access this cycle (only when idle)
  input  logic        we_i,
  input  logic [2:0]  funct3_i,     // size in [1:0], unsigned in [2]
  input  logic [31:0] addr_i,
  input  logic [31:0] wdata_i,
  output logic        misaligned_o,
  output logic        busy_o,       // a request is in flight; addr/data inputs must hold
  output logic        done_o,       // the response arrived without error
  output logic        err_o,        // the response was a bus error
  output logic [31:0] rdata_o,      // load result, extended
  output logic [31:0] raw_rdata_o,  // loaded bytes, zero-extended and shifted to bit 0
  output logic [3:0]  mask_o,       // bytes accessed, aligned to bit 0 (for the trace)

  // OBI data port
  output logic        data_req_o,
  input  logic        data_gnt_i,
  output logic [31:0] data_addr_o,
  output logic        data_we_o,
  output logic [3:0]  data_be_o,
  output logic [31:0] data_wdata_o,
  input  logic        data_rvalid_i,
  input  logic [31:0] data_rdata_i,
  input  logic        data_err_i
);

  typedef enum logic [1:0] {
    LsuIdle = 2'b00,
    LsuGnt  = 2'b01,   // request presented, waiting for the grant
    LsuResp = 2'b10    // granted, waiting for rvalid
  } lsu_state_e;

  lsu_state_e state_q, state_d;

  logic [1:0] size;
  assign size = funct3_i[1:0];

  always_comb begin
    unique case (size)
      2'd0:    misaligned_o = 1'b0;
      2'd1:    misaligned_o = addr_i[0];
      default: misaligned_o = (addr_i[1:0] != 2'b00);
    endcase
  end

  always_comb begin
    unique case (size)
      2'd0:    mask_o = 4'b0001;
      2'd1:    mask_o = 4'b0011;
      default: mask_o = 4'b1111;
    endcase
  end

  // ---- Request --------------------------------------------------------------------------
  assign data_req_o   = (state_q == LsuIdle) ? start_i : (state_q == LsuGnt);
  assign data_addr_o  = {addr_i[31:2], 2'b00};
  assign data_we_o    = we_i;
  assign data_be_o    = mask_o << addr_i[1:0];
  assign data_wdata_o = wdata_i << {addr_i[1:0], 3'b000};

  always_comb begin
    state_d = state_q;
    unique case (state_q)
      LsuIdle: if (start_i) state_d = data_gnt_i ? LsuResp : LsuGnt;
      LsuGnt:  if (data_gnt_i) state_d = LsuResp;
      LsuResp: if (data_rvalid_i) state_d = LsuIdle;
      default: state_d = LsuIdle;
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) state_q <= LsuIdle;
    else         state_q <= state_d;
  end

  // ---- Response ----------------------------------------------------------------------------
  assign busy_o = (state_q != LsuIdle);
  assign done_o = (state_q == LsuResp) && data_rvalid_i && !data_err_i;
  assign err_o  = (state_q == LsuResp) && data_rvalid_i && data_err_i;

  logic [31:0] shifted;
  assign shifted = data_rdata_i >> {addr_i[1:0], 3'b000};

  always_comb begin
    unique case (size)
      2'd0:    raw_rdata_o = {24'd0, shifted[7:0]};
      2'd1:    raw_rdata_o = {16'd0, shifted[15:0]};
      default: raw_rdata_o = shifted;
    endcase
  end

  always_comb begin
    unique case (size)
      2'd0:    rdata_o = funct3_i[2] ? raw_rdata_o : {{24{shifted[7]}}, shifted[7:0]};
      2'd1:    rdata_o = funct3_i[2] ? raw_rdata_o : {{16{shifted[15]}}, shifted[15:0]};
      default: rdata_o = shifted;
    endcase
  end

endmodule

`default_nettype wire
