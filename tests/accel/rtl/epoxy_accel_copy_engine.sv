// SPDX-License-Identifier: Apache-2.0
// A small real engine for testing the accelerator shell: word copy and fill.
//
// Opcodes: 0x01 COPY (LENGTH words from SRC0 to DST), 0x02 FILL (LENGTH words of PARAM0 at
// DST). Checks like a real engine: unknown opcode -> 1, LENGTH 0 or above 65536 -> 2,
// TYPE/LOG_N/FLAGS[7:1] non-zero -> 3, unaligned address -> 4, a range that wraps the
// address space -> 5, a bus error on its DMA -> 6. One word in flight at a time (read,
// then write). Abort stops after the current transaction (a request, once made, stays up
// until granted, as OBI requires). It is test RTL (tests/accel), not an accelerator.
`default_nettype none

module epoxy_accel_copy_engine (
  input  logic         clk_i,
  input  logic         rst_ni,
  input  logic         desc_valid_i,
  output logic         desc_ready_o,
  input  logic [255:0] desc_i,
  output logic         result_valid_o,
  output logic [7:0]   result_code_o,
  input  logic         abort_i,
  output logic         idle_o,
  output logic         stall_o,
  output logic         dma_req_o,
  input  logic         dma_gnt_i,
  output logic [31:0]  dma_addr_o,
  output logic         dma_we_o,
  output logic [3:0]   dma_be_o,
  output logic [31:0]  dma_wdata_o,
  input  logic         dma_rvalid_i,
  input  logic [31:0]  dma_rdata_i,
  input  logic         dma_err_i
);

  typedef enum logic [2:0] { StIdle, StRead, StReadWait, StWrite, StWriteWait, StDone } state_e;

  state_e      state_q;
  logic [7:0]  op_q, code_q;
  logic [31:0] src_q, dst_q, left_q, fill_q, data_q;

  logic [7:0]  d_op, d_type, d_log, d_flags;
  logic [31:0] d_src, d_dst, d_len, d_p0;
  logic [7:0]  check;
  assign d_op    = desc_i[7:0];
  assign d_flags = desc_i[15:8];
  assign d_type  = desc_i[23:16];
  assign d_log   = desc_i[31:24];
  assign d_src   = desc_i[63:32];
  assign d_dst   = desc_i[127:96];
  assign d_len   = desc_i[159:128];
  assign d_p0    = desc_i[191:160];

  always_comb begin
    check = 8'd0;
    if (d_op != 8'h01 && d_op != 8'h02)                        check = 8'd1;
    else if (d_len == 32'd0 || d_len > 32'h1_0000)             check = 8'd2;
    else if (d_type != 8'd0 || d_log != 8'd0 || d_flags[7:1] != 7'd0) check = 8'd3;
    else if (d_dst[1:0] != 2'd0 || (d_op == 8'h01 && d_src[1:0] != 2'd0)) check = 8'd4;
    else if ({3'b0, d_dst} + {1'b0, d_len, 2'b00} > 35'h1_0000_0000 ||
             (d_op == 8'h01 && {3'b0, d_src} + {1'b0, d_len, 2'b00} > 35'h1_0000_0000))
                                                                check = 8'd5;
  end

  assign desc_ready_o   = (state_q == StIdle);
  assign result_valid_o = (state_q == StDone);
  assign result_code_o  = code_q;
  assign idle_o         = (state_q == StIdle) || (state_q == StDone);
  assign stall_o        = (state_q == StReadWait) || (state_q == StWriteWait);
  assign dma_req_o      = (state_q == StRead) || (state_q == StWrite);
  assign dma_addr_o     = (state_q == StRead) ? src_q : dst_q;
  assign dma_we_o       = (state_q == StWrite);
  assign dma_be_o       = 4'hF;
  assign dma_wdata_o    = (op_q == 8'h02) ? fill_q : data_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q <= StIdle;
      op_q <= 8'd0; code_q <= 8'd0;
      src_q <= 32'd0; dst_q <= 32'd0; left_q <= 32'd0; fill_q <= 32'd0; data_q <= 32'd0;
    end else begin
      unique case (state_q)
        StIdle: if (desc_valid_i) begin
          op_q   <= d_op;
          src_q  <= d_src;
          dst_q  <= d_dst;
          left_q <= d_len;
          fill_q <= d_p0;
          code_q <= check;
          state_q <= (check != 8'd0) ? StDone : (d_op == 8'h01) ? StRead : StWrite;
        end
        StRead: if (dma_gnt_i) state_q <= StReadWait;
        StReadWait: if (dma_rvalid_i) begin
          data_q <= dma_rdata_i;
          if (dma_err_i) begin code_q <= 8'd6; state_q <= StDone; end
          else if (abort_i) state_q <= StIdle;
          else state_q <= StWrite;
        end
        StWrite: if (dma_gnt_i) state_q <= StWriteWait;
        StWriteWait: if (dma_rvalid_i) begin
          if (dma_err_i) begin code_q <= 8'd6; state_q <= StDone; end
          else if (abort_i) state_q <= StIdle;
          else if (left_q == 32'd1) state_q <= StDone;
          else begin
            left_q <= left_q - 32'd1;
            src_q  <= src_q + 32'd4;
            dst_q  <= dst_q + 32'd4;
            state_q <= (op_q == 8'h01) ? StRead : StWrite;
          end
        end
        StDone: state_q <= StIdle;
        default: state_q <= StIdle;
      endcase
    end
  end

  logic unused;
  assign unused = ^{desc_i[95:64], desc_i[255:192], d_flags[0]};  // FLAGS.IRQ: the shell's

endmodule

`default_nettype wire
