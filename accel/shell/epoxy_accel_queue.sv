// SPDX-License-Identifier: Apache-2.0
// Epoxy accelerator shell: the descriptor queue controller.
//
// Runs the ring of 32-byte descriptors at QBASE (2^QLOG2 entries) from QHEAD up to QTAIL:
// for each one it reads the eight words through its OBI read port, hands them to the
// engine, waits for the engine's result and advances QHEAD. Head and tail are free-running
// 16-bit indices (the ring slot is index mod 2^QLOG2), so the queue is empty exactly when
// they are equal. A failing descriptor (the engine's error code, a bus error while reading
// it, or a ring larger than MaxQLog2) stops the queue with its code and index until
// CLEAR_ERROR. ABORT works in every state: it stops fetching, tells the engine to stop,
// waits for every read already on the bus and for the engine to become idle (OBI has no
// cancel, so nothing is left hanging), then sets QHEAD = QTAIL and clears the error.
// It deliberately fetches only while the engine is idle, so the shell's DMA port never
// has the queue's and the engine's transactions in flight together.
`default_nettype none

module epoxy_accel_queue #(
  parameter int unsigned MaxQLog2 = 8   // largest ring: 2^MaxQLog2 descriptors (<= 15)
) (
  input  logic         clk_i,
  input  logic         rst_ni,

  // Configuration and commands (from the register block)
  input  logic [26:0]  qbase_i,        // QBASE[31:5]
  input  logic [3:0]   qlog2_i,
  input  logic [15:0]  qtail_i,
  input  logic         abort_i,        // one-cycle pulses
  input  logic         clear_error_i,

  // State (to the register block)
  output logic [15:0]  qhead_o,
  output logic         busy_o,
  output logic         error_o,
  output logic         aborting_o,
  output logic [7:0]   err_code_o,
  output logic [15:0]  err_index_o,
  output logic         irq_done_o,     // one-cycle pulses (IRQ_STATUS hwset)
  output logic         irq_error_o,
  output logic         irq_desc_o,

  // Descriptor reads (OBI master, read-only)
  output logic         fetch_req_o,
  input  logic         fetch_gnt_i,
  output logic [31:0]  fetch_addr_o,
  input  logic         fetch_rvalid_i,
  input  logic [31:0]  fetch_rdata_i,
  input  logic         fetch_err_i,
  output logic         fetch_active_o, // reads issued or in flight: the DMA port is ours

  // Engine
  output logic         desc_valid_o,
  input  logic         desc_ready_i,
  output logic [255:0] desc_o,         // word i at [32i +: 32]
  input  logic         result_valid_i, // the engine finished the descriptor it accepted
  input  logic [7:0]   result_code_i,  // 0: done, else an error code
  output logic         engine_abort_o, // stop and drain (level)
  input  logic         engine_idle_i   // no work and nothing in flight
);

  localparam logic [7:0] ErrDescFetch = 8'd7;
  localparam logic [7:0] ErrBadQueue  = 8'd8;

  typedef enum logic [2:0] {
    StIdle, StFetch, StDispatch, StRun, StHalt, StAbort
  } state_e;

  state_e      state_q, state_d;
  logic [15:0] head_q, head_d;
  logic        error_q, error_d;
  logic [7:0]  code_q, code_d;
  logic [15:0] index_q, index_d;
  logic [3:0]  issued_q, issued_d;     // reads granted (0..8)
  logic [3:0]  received_q, received_d; // responses received (0..8)
  logic        fetch_err_q, fetch_err_d;
  logic [255:0] desc_q;
  logic [15:0] slot;

  assign slot = head_q & ((16'd1 << qlog2_i) - 16'd1);
  // OBI: a request stays up, at the same address, until it is granted, even when an abort
  // ends the fetch meanwhile or software rewrites QBASE (fetch_hold_q: requested last cycle,
  // not granted).
  logic        fetch_hold_q;
  logic [31:0] fetch_addr_q;
  assign fetch_addr_o = fetch_hold_q ? fetch_addr_q
                                     : {qbase_i, 5'd0} + {11'd0, slot, 5'd0} + {26'd0, issued_q[2:0], 2'd0};
  assign fetch_req_o  = ((state_q == StFetch) && (issued_q != 4'd8)) || fetch_hold_q;
  assign fetch_active_o = (state_q == StFetch) || (issued_q != received_q) || fetch_hold_q;
  assign desc_valid_o = (state_q == StDispatch);
  assign desc_o       = desc_q;
  assign engine_abort_o = (state_q == StAbort);

  always_comb begin
    state_d     = state_q;
    head_d      = head_q;
    error_d     = error_q;
    code_d      = code_q;
    index_d     = index_q;
    issued_d    = issued_q + ((fetch_req_o && fetch_gnt_i) ? 4'd1 : 4'd0);
    received_d  = received_q + (fetch_rvalid_i ? 4'd1 : 4'd0);
    fetch_err_d = fetch_err_q || (fetch_rvalid_i && fetch_err_i);
    irq_done_o  = 1'b0;
    irq_error_o = 1'b0;
    irq_desc_o  = 1'b0;

    unique case (state_q)
      StIdle: begin
        issued_d    = 4'd0;
        received_d  = 4'd0;
        fetch_err_d = 1'b0;
        if (abort_i) begin
          state_d = StAbort;
        end else if (head_q != qtail_i) begin
          if (qlog2_i > 4'(MaxQLog2)) begin
            error_d     = 1'b1;
            code_d      = ErrBadQueue;
            index_d     = head_q;
            irq_error_o = 1'b1;
            state_d     = StHalt;
          end else begin
            state_d = StFetch;
          end
        end
      end
      StFetch: begin
        if (abort_i) begin
          state_d = StAbort;
        end else if (received_d == 4'd8) begin
          if (fetch_err_d) begin
            error_d     = 1'b1;
            code_d      = ErrDescFetch;
            index_d     = head_q;
            irq_error_o = 1'b1;
            state_d     = StHalt;
          end else begin
            state_d = StDispatch;
          end
        end
      end
      StDispatch: begin
        if (abort_i) state_d = StAbort;
        else if (desc_ready_i) state_d = StRun;
      end
      StRun: begin
        if (abort_i) begin
          state_d = StAbort;
        end else if (result_valid_i) begin
          if (result_code_i == 8'd0) begin
            head_d     = head_q + 16'd1;
            irq_desc_o = desc_q[8];          // FLAGS.IRQ
            irq_done_o = (head_q + 16'd1 == qtail_i);
            state_d    = StIdle;
          end else begin
            error_d     = 1'b1;
            code_d      = result_code_i;
            index_d     = head_q;
            irq_error_o = 1'b1;
            state_d     = StHalt;
          end
        end
      end
      StHalt: begin
        if (abort_i) begin
          state_d = StAbort;
        end else if (clear_error_i) begin
          error_d = 1'b0;
          state_d = StIdle;
        end
      end
      StAbort: begin
        // Drain: every read requested is granted and answered, and the engine stops.
        if (!fetch_hold_q && issued_d == received_d && engine_idle_i) begin
          head_d  = qtail_i;
          error_d = 1'b0;
          state_d = StIdle;
        end
      end
      default: state_d = StIdle;
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q     <= StIdle;
      head_q      <= 16'd0;
      error_q     <= 1'b0;
      code_q      <= 8'd0;
      index_q     <= 16'd0;
      issued_q    <= 4'd0;
      received_q  <= 4'd0;
      fetch_err_q <= 1'b0;
      fetch_hold_q <= 1'b0;
      fetch_addr_q <= 32'd0;
    end else begin
      state_q     <= state_d;
      head_q      <= head_d;
      error_q     <= error_d;
      code_q      <= code_d;
      index_q     <= index_d;
      issued_q    <= issued_d;
      received_q  <= received_d;
      fetch_err_q <= fetch_err_d;
      fetch_hold_q <= fetch_req_o && !fetch_gnt_i;
      fetch_addr_q <= fetch_addr_o;
    end
  end

  // The descriptor words, in response order (responses come back in request order).
  always_ff @(posedge clk_i) begin
    if (fetch_rvalid_i && state_q == StFetch && received_q < 4'd8) begin
      desc_q[32*received_q[2:0] +: 32] <= fetch_rdata_i;
    end
  end

  assign qhead_o     = head_q;
  // Busy also in the idle cycle between two descriptors (work is pending), so software
  // that polls BUSY never sees a false "done".
  assign busy_o      = (state_q != StHalt) && ((state_q != StIdle) || (head_q != qtail_i));
  assign error_o     = error_q;
  assign aborting_o  = (state_q == StAbort);
  assign err_code_o  = code_q;
  assign err_index_o = index_q;

endmodule

`default_nettype wire
