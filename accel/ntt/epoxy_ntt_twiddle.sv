// SPDX-License-Identifier: Apache-2.0
// The NTT coprocessor's twiddle table and its generator.
//
// The table holds R[i] = r^i, 0 <= i < Tf = 2^tf_log, for a root r of order 2 Tf of the
// current field; every twiddle, inverse twiddle and Incomplete gamma of every N the table
// covers is +-R[i] for some i (docs/ntt.md). It is split into P banks of Tf/P entries,
// bank b holding i in [b Tf/P, (b+1) Tf/P), so that the P butterflies of one group always
// read one common offset in P different banks (or the same entry). The engine asks for a
// table with gen_start_i; generation finds r by squaring the field's rho (order
// 2^two-adicity) and then writes one entry per cycle with three interleaved chains
// R[i + 3] = R[i] * r^3 through one modular multiplier (its latency is 3): about Tf + 30
// cycles. clear_i (abort) stops a generation.
`default_nettype none

module epoxy_ntt_twiddle #(
  parameter int unsigned P       = 8,
  parameter int unsigned MaxLogN = 14,
  parameter int unsigned W       = 64,
  parameter logic [4:0]  Fields  = 5'b11111,  // field codes built in (epoxy_ntt_modmul)
  localparam int unsigned LogP   = $clog2(P),
  localparam int unsigned TAW    = MaxLogN - LogP      // address bits of one bank
) (
  input  logic           clk_i,
  input  logic           rst_ni,
  input  logic           gen_start_i,
  input  logic [2:0]     gen_field_i,
  input  logic [3:0]     gen_tf_log_i,   // LogP + 1 .. MaxLogN
  input  logic           clear_i,
  output logic           busy_o,
  input  logic [TAW-1:0] rd_off_i,
  output logic [P*W-1:0] rd_data_o       // bank b at b*W, one cycle after rd_off_i
);

  typedef enum logic [1:0] { GenIdle, GenSquare, GenBoot, GenRun } gen_e;
  gen_e            state_q;
  logic [2:0]      field_q;
  logic [3:0]      tf_log_q;
  logic [5:0]      count_q;     // squarings left
  logic [2:0]      tick_q;
  logic [MaxLogN:0] t_q;        // entry being written in GenRun
  logic [W-1:0]    x_q, r_q, r2_q, r3_q;

  logic [W-1:0] mul_a, mul_b, mul_r;
  epoxy_ntt_modmul #(.W(W), .Fields(Fields)) u_mul (.clk_i, .valid_i (state_q != GenIdle),
                                                    .field_i (field_q), .a_i (mul_a), .b_i (mul_b),
                                                    .r_o (mul_r));

  always_comb begin
    mul_a = x_q;
    mul_b = x_q;
    unique case (state_q)
      GenBoot: begin mul_a = (tick_q == 3'd3) ? mul_r : r_q;  mul_b = r_q; end
      GenRun: begin
        mul_b = r3_q;
        if (t_q == '0)              mul_a = W'(1);
        else if (t_q == (MaxLogN+1)'(1)) mul_a = r_q;
        else if (t_q == (MaxLogN+1)'(2)) mul_a = r2_q;
        else                        mul_a = mul_r;
      end
      default: ;
    endcase
  end

  logic [63:0] rho;
  assign rho = epoxy_ntt_pkg::field_rho(gen_field_i);

  logic [MaxLogN:0] tf;
  assign tf = (MaxLogN+1)'(1) << tf_log_q;

  // The entry written this cycle (GenRun): R[t]
  logic           wr_en;
  logic [W-1:0]   wr_data;
  logic [3:0]     bank_shift;
  logic [MaxLogN:0] wr_bank_full;
  logic [LogP:0]  wr_bank;
  logic [TAW-1:0] wr_off;
  logic [MaxLogN:0] wr_off_full;
  assign wr_en        = (state_q == GenRun);
  assign wr_data      = (t_q == '0) ? W'(1) : (t_q == (MaxLogN+1)'(1)) ? r_q :
                        (t_q == (MaxLogN+1)'(2)) ? r2_q : mul_r;
  assign bank_shift   = tf_log_q - 4'(LogP);
  assign wr_bank_full = t_q >> bank_shift;
  assign wr_bank      = wr_bank_full[LogP:0];
  assign wr_off_full  = t_q & (((MaxLogN+1)'(1) << bank_shift) - (MaxLogN+1)'(1));
  assign wr_off       = wr_off_full[TAW-1:0];

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q  <= GenIdle;
      field_q  <= 3'd0;
      tf_log_q <= 4'd0;
      count_q  <= 6'd0;
      tick_q   <= 3'd0;
      t_q      <= '0;
      x_q      <= '0;
      r_q      <= '0;
      r2_q     <= '0;
      r3_q     <= '0;
    end else if (clear_i) begin
      state_q <= GenIdle;
    end else begin
      unique case (state_q)
        GenIdle: if (gen_start_i) begin
          field_q  <= gen_field_i;
          tf_log_q <= gen_tf_log_i;
          x_q      <= rho[W-1:0];
          count_q  <= epoxy_ntt_pkg::field_adicity(gen_field_i) - 6'(gen_tf_log_i) - 6'd1;
          tick_q   <= 3'd0;
          state_q  <= GenSquare;
        end
        GenSquare: begin
          if (count_q == 6'd0) begin
            r_q     <= x_q;
            tick_q  <= 3'd0;
            state_q <= GenBoot;
          end else if (tick_q == 3'd3) begin
            x_q     <= mul_r;
            count_q <= count_q - 6'd1;
            tick_q  <= 3'd0;
          end else begin
            tick_q <= tick_q + 3'd1;
          end
        end
        GenBoot: begin
          tick_q <= tick_q + 3'd1;
          if (tick_q == 3'd3) r2_q <= mul_r;
          if (tick_q == 3'd6) begin
            r3_q    <= mul_r;
            t_q     <= '0;
            state_q <= GenRun;
          end
        end
        GenRun: begin
          t_q <= t_q + (MaxLogN+1)'(1);
          if (t_q == tf - (MaxLogN+1)'(1)) state_q <= GenIdle;
        end
        default: state_q <= GenIdle;
      endcase
    end
  end

  assign busy_o = (state_q != GenIdle);

  // ---- The banks ---------------------------------------------------------------------------------
  for (genvar b = 0; b < P; b++) begin : g_bank
    logic [W-1:0] mem [2**TAW];
    logic [W-1:0] q;
    always_ff @(posedge clk_i) begin
      if (wr_en && wr_bank == (LogP+1)'(b)) mem[wr_off] <= wr_data;
      q <= mem[rd_off_i];
    end
    assign rd_data_o[b*W +: W] = q;
  end

  logic unused;
  assign unused = ^{wr_bank_full[MaxLogN:LogP+1], wr_off_full[MaxLogN:TAW], rho[63:W-1]};

endmodule

`default_nettype wire
