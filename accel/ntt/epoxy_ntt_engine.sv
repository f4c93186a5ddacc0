// SPDX-License-Identifier: Apache-2.0
// The NTT engine: what the accelerator shell (accel/shell) runs for each descriptor
// (docs/ntt.md). One descriptor = load, compute, store:
//   load     operand a from SRC0 over the DMA into scratch buffer 0 (LENGTH elements, then
//            zeros up to N), every element checked against p: up to min(2P, DmaLanes) elements
//            per cycle (one scratch access: the elements of one aligned run of 2P);
//   compute  NTT_FWD / NTT_INV: log2 N passes (one fewer for Incomplete) of the constant-
//            geometry (Pease) network over the ping-pong buffers, P butterflies per cycle;
//            PMUL / PADD / PSUB: operand b streamed from SRC1 through the pair unit, the
//            results written back in place;
//   store    the result to DST over the DMA (the inverse scaled by 1/N on the way): up to
//            four elements per cycle (32-bit fields with four lanes and P >= 2), else two.
// The twiddle table (epoxy_ntt_twiddle) is regenerated only when the field changes or a
// larger table is needed. Checks on a descriptor and the codes reported are in docs/ntt.md.
// Abort: no new DMA request; idle once the outstanding ones have been answered.
// DMA: DmaLanes 32-bit lanes. A beat moves up to DmaLanes consecutive words from any word
// address (only the last beat of a range is shorter; dma_be_o enables a prefix of the lanes).
// Loaded and streamed words go through a small input buffer: a beat is requested only when
// the buffer has room for the words of every beat in flight, so nothing is ever dropped when
// the scratchpad takes fewer elements per cycle than the DMA brings (P = 1 with 4 lanes, the
// two-elements-per-cycle stream). The store reads the consecutive result elements of one
// scratch access and multiplies them by 1/N (inverse) or 1 in the pair unit's four first-stage
// multipliers: SMax elements per cycle (4 with four lanes and P >= 2, else 2), into the store
// FIFO; it sends a beat once the FIFO holds its words.
`default_nettype none

module epoxy_ntt_engine #(
  parameter int unsigned P       = 8,       // butterfly units: 1, 2, 4 or 8
  parameter int unsigned MaxLogN = 14,      // largest transform 2^MaxLogN
  parameter logic [4:0]  Fields  = 5'b11111, // field codes built in (bit 2: Goldilocks, W=64)
  parameter int unsigned DmaLanes = 1,      // 32-bit DMA lanes: 1, 2 or 4
  localparam int unsigned DW     = 32 * DmaLanes
) (
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
  output logic [31:0]  caps_o,
  output logic         dma_req_o,
  input  logic         dma_gnt_i,
  output logic [31:0]  dma_addr_o,
  output logic         dma_we_o,
  output logic [DW/8-1:0] dma_be_o,
  output logic [DW-1:0] dma_wdata_o,
  input  logic         dma_rvalid_i,
  input  logic [DW-1:0] dma_rdata_i,
  input  logic         dma_err_i
);

  localparam int unsigned LogP    = $clog2(P);
  localparam int unsigned W       = Fields[2] ? 64 : 32;
  localparam int unsigned MinLogN = LogP + 2;
  localparam int unsigned CW      = MaxLogN - LogP - 1;   // group index bits
  localparam int unsigned TAW     = MaxLogN - LogP;       // twiddle bank address bits
  localparam int unsigned NW      = MaxLogN + 1;          // element index / count bits
  localparam int unsigned MaxOut  = 4;                    // DMA requests in flight
  localparam int unsigned FifoDepth = 32;                 // store FIFO, elements
  localparam int unsigned BW      = (LogP > 0) ? LogP : 1; // a bank or lane index
  localparam int unsigned L       = DmaLanes;
  localparam int unsigned LW      = $clog2(L + 1);        // a beat's word count
  localparam int unsigned IbDepth = (4 * L > 8) ? 4 * L : 8;   // input buffer, words
  localparam int unsigned IbView  = IbDepth + L;          // buffered + arriving words
  localparam int unsigned IbCW    = $clog2(IbView + 1);
  localparam int unsigned KMax    = (L < 2 * P) ? L : 2 * P;
  localparam int unsigned K       = (KMax > 2) ? KMax : 2; // elements taken per cycle at most
  // Store: 32-bit elements per cycle. Four only when four lanes can carry them and one scratch
  // access holds them (2P >= 4); two otherwise, and always for Goldilocks (two elements are
  // four words, all the lanes there are).
  localparam int unsigned SMax    = (L >= 4 && P >= 2) ? 4 : 2;

  assign caps_o = {8'(MinLogN), 3'b000, Fields, 8'(MaxLogN), 8'(P)};

  // ---- Descriptor decode and checks ---------------------------------------------------------------
  logic [7:0]  d_op, d_flags, d_type, d_log;
  logic [31:0] d_src0, d_src1, d_dst, d_len;
  logic [3:0]  d_field, d_var;
  assign d_op    = desc_i[7:0];
  assign d_flags = desc_i[15:8];
  assign d_type  = desc_i[23:16];
  assign d_log   = desc_i[31:24];
  assign d_src0  = desc_i[63:32];
  assign d_src1  = desc_i[95:64];
  assign d_dst   = desc_i[127:96];
  assign d_len   = desc_i[159:128];
  assign d_field = d_type[3:0];
  assign d_var   = d_type[7:4];

  logic        d_ntt, d_pw, d_wide;
  logic [5:0]  d_limit;
  logic [32:0] d_n;
  logic [2:0]  d_esz_log;
  logic [34:0] d_src0_end, d_src1_end, d_dst_end;
  logic [7:0]  check;
  assign d_ntt     = (d_op == epoxy_ntt_pkg::OpFwd) || (d_op == epoxy_ntt_pkg::OpInv);
  assign d_pw      = (d_op == epoxy_ntt_pkg::OpPmul) || (d_op == epoxy_ntt_pkg::OpPadd) ||
                     (d_op == epoxy_ntt_pkg::OpPsub);
  assign d_wide    = (d_field == epoxy_ntt_pkg::FieldGoldilocks);
  assign d_esz_log = d_wide ? 3'd3 : 3'd2;
  assign d_limit   = (d_var == epoxy_ntt_pkg::VarNegacyclic)
                     ? epoxy_ntt_pkg::field_adicity(d_field[2:0]) - 6'd1
                     : epoxy_ntt_pkg::field_adicity(d_field[2:0]);
  assign d_n       = 33'd1 << d_log[4:0];
  assign d_src0_end = {3'b0, d_src0} + ({3'b0, d_len} << d_esz_log);
  assign d_src1_end = {3'b0, d_src1} + ({2'b0, d_n} << d_esz_log);
  assign d_dst_end  = {3'b0, d_dst} + ({2'b0, d_n} << d_esz_log);

  always_comb begin
    check = epoxy_ntt_pkg::ErrNone;
    if (!d_ntt && !d_pw)                                          check = epoxy_ntt_pkg::ErrOpcode;
    else if (d_flags[7:1] != 7'd0 || desc_i[255:160] != 96'd0)    check = epoxy_ntt_pkg::ErrType;
    else if (d_field > 4'd4 || !Fields[d_field[2:0]])             check = epoxy_ntt_pkg::ErrType;
    else if (d_var > 4'd2)                                        check = epoxy_ntt_pkg::ErrType;
    else if (d_log < 8'(MinLogN) || d_log > 8'(MaxLogN) || d_log > {2'b0, d_limit})
                                                                  check = epoxy_ntt_pkg::ErrSize;
    else if (d_len == 32'd0 || {1'b0, d_len} > d_n)               check = epoxy_ntt_pkg::ErrSize;
    else if (((d_src0 | d_dst | (d_pw ? d_src1 : 32'd0)) & ((32'd1 << d_esz_log) - 32'd1))
             != 32'd0)                                            check = epoxy_ntt_pkg::ErrAlign;
    else if (d_src0_end > 35'h1_0000_0000 || d_dst_end > 35'h1_0000_0000 ||
             (d_pw && d_src1_end > 35'h1_0000_0000))              check = epoxy_ntt_pkg::ErrRange;
  end

  // ---- State --------------------------------------------------------------------------------
  typedef enum logic [3:0] {
    SIdle, SGen, SGenWait, SLoad, SZero, SStream, SCompute, SDrain, SStore, SFlush, SDone, SAbort
  } state_e;
  state_e state_q;

  logic [7:0]    op_q, code_q;
  logic [2:0]    field_q;
  logic [1:0]    var_q;
  logic [3:0]    log_q;
  logic [31:0]   dst_q, src1_q;
  logic [NW-1:0] len_q;
  logic          wide_q;

  logic          fwd, inv, incomplete, negacyclic, d_ntt_q;
  logic [3:0]    layers;
  logic [NW-1:0] n_elems;
  logic [CW:0]   groups;         // N / (2P)
  logic [63:0]   p_full;
  logic [W-1:0]  p_w, scale;
  assign d_ntt_q    = (op_q == epoxy_ntt_pkg::OpFwd) || (op_q == epoxy_ntt_pkg::OpInv);
  assign fwd        = (op_q == epoxy_ntt_pkg::OpFwd);
  assign inv        = (op_q == epoxy_ntt_pkg::OpInv);
  assign incomplete = (var_q == epoxy_ntt_pkg::VarIncomplete[1:0]);
  assign negacyclic = (var_q == epoxy_ntt_pkg::VarNegacyclic[1:0]);
  assign layers     = incomplete ? log_q - 4'd1 : log_q;
  assign n_elems    = NW'(1) << log_q;
  assign groups     = (CW+1)'(1) << (log_q - 4'(LogP) - 4'd1);
  assign p_full     = epoxy_ntt_pkg::field_p(field_q);
  assign p_w        = p_full[W-1:0];
  assign scale      = p_w - ((p_w - W'(1)) >> layers);   // (2^layers)^-1 = p - (p-1)/2^layers

  // ---- Twiddle table ------------------------------------------------------------------------------
  logic           tw_valid_q;
  logic [2:0]     tw_field_q;
  logic [3:0]     tw_log_q;
  logic           tw_busy, tw_start;
  logic [3:0]     tf_need;
  logic [TAW-1:0] tw_rd_off;
  logic [P*W-1:0] tw_rd_data;
  assign tf_need = negacyclic ? log_q : log_q - 4'd1;
  logic tw_start_q;
  assign tw_start = (state_q == SGen) &&
                    (d_ntt_q || (op_q == epoxy_ntt_pkg::OpPmul && incomplete)) &&
                    !(tw_valid_q && tw_field_q == field_q && tw_log_q >= tf_need);
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) tw_start_q <= 1'b0;
    else         tw_start_q <= tw_start;
  end


  epoxy_ntt_twiddle #(.P(P), .MaxLogN(MaxLogN), .W(W), .Fields(Fields)) u_twiddle (
    .clk_i, .rst_ni,
    .gen_start_i (tw_start), .gen_field_i (field_q), .gen_tf_log_i (tf_need),
    .clear_i (state_q == SAbort), .busy_o (tw_busy),
    .rd_off_i (tw_rd_off), .rd_data_o (tw_rd_data)
  );

  // ---- Scratchpad ---------------------------------------------------------------------------------
  logic             rd_en, rd_buf, rd_adj;
  logic [CW-1:0]    rd_c;
  logic [2*P*W-1:0] rd_data;
  logic             wr_buf, wr_adj;
  logic [CW-1:0]    wr_c;
  logic [2*P-1:0]   wr_en;
  logic [2*P*W-1:0] wr_data;

  epoxy_ntt_scratch #(.P(P), .MaxLogN(MaxLogN), .W(W)) u_scratch (
    .clk_i, .log_n_i (log_q),
    .rd_en_i (rd_en), .rd_buf_i (rd_buf), .rd_adj_i (rd_adj), .rd_c_i (rd_c),
    .rd_data_o (rd_data),
    .wr_buf_i (wr_buf), .wr_adj_i (wr_adj), .wr_c_i (wr_c), .wr_en_i (wr_en),
    .wr_data_i (wr_data)
  );

  // ---- DMA channel ---------------------------------------------------------------------------------
  logic [31:0]   dma_addr_q;
  logic [NW:0]   dma_left_q;     // words still to request
  logic [NW:0]   rcv_left_q;     // load, stream: words still to receive
  logic [2:0]    out_q;          // beats granted, not yet answered
  logic          stop_q;         // an error: no new requests
  logic          dma_issue;
  logic [LW-1:0] beat_words;     // words of the next beat: DmaLanes, or what is left
  logic [6:0]    fifo_words;     // store: words ready in the store FIFO
  logic [IbCW-1:0] ib_cnt_q;     // input buffer: words held
  logic [NW-1:0] elem_q;         // elements received (load, stream) or zero-filled
  logic          ib_room;        // input buffer: room for every beat in flight and one more
  logic          word_hi_q;      // store: next word is the high half of a Goldilocks element
  assign beat_words = (dma_left_q < (NW+1)'(L)) ? LW'(dma_left_q) : LW'(L);
  assign ib_room    = 32'(ib_cnt_q) + 32'(out_q) * L + L <= IbDepth;
  assign dma_issue = !abort_i && !stop_q && dma_left_q != '0 && out_q < 3'(MaxOut) &&
                     (((state_q == SLoad) || (state_q == SStream)) && ib_room ||
                      ((state_q == SStore) && 7'(beat_words) <= fifo_words));
  // OBI: a request stays up, unchanged, until it is granted, even when an error or an abort
  // stops the engine meanwhile (the address, byte enables and write data hold by
  // construction: they move only on a grant).
  logic req_hold_q, we_hold_q;
  assign dma_req_o   = dma_issue || req_hold_q;
  assign dma_addr_o  = dma_addr_q;
  assign dma_we_o    = req_hold_q ? we_hold_q : (state_q == SStore);
  for (genvar i = 0; i < L; i++) begin : g_be
    assign dma_be_o[4*i +: 4] = (LW'(i) < beat_words) ? 4'hF : 4'h0;
  end
  assign stall_o     = dma_req_o && !dma_gnt_i;

  logic dma_granted, dma_quiet;
  assign dma_granted = dma_req_o && dma_gnt_i;
  assign dma_quiet   = (out_q == 3'd0) && !req_hold_q;   // nothing requested or in flight

  // ---- Input buffer (load and stream) ---------------------------------------------------------
  // The words held (ib_q[0] the oldest), then the words of this cycle's response: the view the
  // load and the stream take whole elements from, in order; what they leave is held.
  logic [31:0]     ib_q [IbDepth];
  logic [31:0]     view [IbView];
  logic            in_take;      // a response with data for the load or the stream
  logic [LW-1:0]   in_words;
  logic [IbCW-1:0] view_cnt;     // words in the view
  logic [IbCW-1:0] avail;        // whole elements in the view
  logic [W-1:0]    el   [K];     // the first K elements of the view
  logic [K-1:0]    el_bad;       // element k is in the view and >= p
  logic            in_bad;       // an element taken (or the stream's first) is >= p
  assign in_take  = dma_rvalid_i && !dma_err_i && !stop_q &&
                    ((state_q == SLoad) || (state_q == SStream));
  assign in_words = !in_take ? '0 :
                    (rcv_left_q < (NW+1)'(L)) ? LW'(rcv_left_q) : LW'(L);
  assign view_cnt = ib_cnt_q + IbCW'(in_words);
  always_comb begin
    for (int i = 0; i < IbView; i++) begin
      view[i] = 32'd0;
      if (i < IbDepth && IbCW'(i) < ib_cnt_q) view[i] = ib_q[i < IbDepth ? i : 0];
      else
        for (int j = 0; j < L; j++)
          if (IbCW'(i) == ib_cnt_q + IbCW'(j)) view[i] = dma_rdata_i[32*j +: 32];
    end
  end
  assign avail = wide_q ? view_cnt >> 1 : view_cnt;
  for (genvar k = 0; k < K; k++) begin : g_el
    if (W == 64) begin : g_w64
      assign el[k] = wide_q ? {view[2*k+1], view[2*k]} : W'(view[k]);
    end else begin : g_w32
      assign el[k] = view[k];
    end
    assign el_bad[k] = (IbCW'(k) < avail) && (el[k] >= p_w);
  end
  if (W == 32) begin : g_view_unused
    logic unused;
    always_comb begin
      unused = 1'b0;
      for (int i = K; i < IbView; i++) unused = unused ^ (^view[i]);
    end
  end

  // ---- Load: elements taken per cycle ---------------------------------------------------------
  // Elements [2Pc, 2Pc + 2P) are one scratch access of group c: PatAdj (positions 2Pc ..), or
  // PatHalf when the Incomplete inverse's load rotates positions right by one bit (element e
  // to e/2, plus N/2 when e is odd). A cycle takes what the view holds, at most K and never
  // past the end of the run.
  logic          load_rot;
  logic [NW-1:0] run_off, run_room, ld_take_n;
  assign load_rot  = inv && incomplete;
  assign run_off   = elem_q & NW'(2 * P - 1);
  assign run_room  = NW'(2 * P) - run_off;
  always_comb begin
    ld_take_n = NW'(avail);
    if (ld_take_n > run_room) ld_take_n = run_room;
    if (ld_take_n > NW'(K))   ld_take_n = NW'(K);
  end
  // Flat lane f of the access takes run position f (PatAdj), or 2f and 2(f - P) + 1 (PatHalf).
  logic [2*P-1:0]   ld_en;
  logic [2*P*W-1:0] ld_data;
  for (genvar f = 0; f < 2 * P; f++) begin : g_ld_lane
    localparam int unsigned PosRot = (f >= P) ? 2 * (f - P) + 1 : 2 * f;
    logic [NW-1:0] pos, k;
    assign pos = load_rot ? NW'(PosRot) : NW'(f);
    assign k   = pos - run_off;
    assign ld_en[f] = (pos >= run_off) && (k < ld_take_n);
    assign ld_data[f*W +: W] = el[32'(k) % K];
  end
  logic ld_any_bad;
  always_comb begin
    ld_any_bad = 1'b0;
    for (int k = 0; k < K; k++) if (NW'(k) < ld_take_n && el_bad[k]) ld_any_bad = 1'b1;
  end

  // Zero fill: the position of element e (rotated as above), one at a time, or whole PatAdj
  // groups.
  logic [NW-1:0] ld_pos, ld_in_half;
  logic          ld_h;
  assign ld_pos    = load_rot ? ((elem_q >> 1) | ((elem_q & NW'(1)) << (log_q - 4'd1))) : elem_q;
  assign ld_h      = (ld_pos >= (n_elems >> 1));
  assign ld_in_half = ld_h ? ld_pos - (n_elems >> 1) : ld_pos;
  logic [2*P-1:0] ld_onehot;     // flat lane of the element: lane (pos mod P) of row 0 or 1
  assign ld_onehot = (2*P)'(1) << ((ld_h ? P : 0) + 32'(ld_in_half) % P);

  // ---- Compute sequencing -------------------------------------------------------------------------
  logic [3:0]  st_q;             // passes issued
  logic [CW:0] c_q;              // next group (compute), next pair's group (store)
  logic        cur_q;            // buffer holding the current data
  logic [3:0]  stage;            // layer s of this pass
  logic        drain_between;
  assign stage         = fwd ? st_q : layers - 4'd1 - st_q;
  assign drain_between = (groups < (CW+1)'(16));   // too few groups to hide the pipeline

  localparam int unsigned CDepth = 6;   // compute pipe: issue -> write
  logic [CDepth-1:0] cp_v_q;
  logic [CW-1:0]     cp_c_q  [CDepth];
  logic              cp_fwd_q[CDepth];
  logic              cp_dst_q[CDepth];
  logic [P*BW-1:0]   cp_bank_q;    // twiddle bank per lane (stage 1)
  logic [P-1:0]      cp_neg_q;
  logic              compute_issue;
  assign compute_issue = (state_q == SCompute) && !abort_i &&
                         !(drain_between && (st_q != 4'd0) && (c_q == '0) && (cp_v_q != '0));

  // Twiddle of lane l in layer s: j = cP + l, g = j mod 2^s;
  //   Cyclic: e = br_s(g) << (tf - s); Negacyclic, Incomplete: e = (2 br_s(g) + 1) << (tf - s - 1)
  //   forward: R[e]; inverse: R[Tf - e] with the difference negated (R[0] = 1 for e = 0).
  function automatic logic [MaxLogN-1:0] bitrev(input logic [MaxLogN-1:0] x);
    for (int i = 0; i < MaxLogN; i++) bitrev[i] = x[MaxLogN-1-i];
  endfunction

  logic [P*BW-1:0]       ln_bank;
  logic [P-1:0]          ln_neg;
  logic [TAW-1:0]        ln_off0;
  logic                  off_unused;
  logic [P-1:0]          bank_unused;
  for (genvar l = 0; l < P; l++) begin : g_tw
    logic [MaxLogN-1:0] j, g, br;
    logic [NW-1:0]      e, idx, tf, bank_full;
    assign j  = (MaxLogN'(c_q[CW-1:0]) << LogP) | MaxLogN'(l);
    assign g  = j & ((MaxLogN'(1) << stage) - MaxLogN'(1));
    assign br = bitrev(g) >> (4'(MaxLogN) - stage);
    assign tf = NW'(1) << tw_log_q;
    assign e  = (var_q == epoxy_ntt_pkg::VarCyclic[1:0]) ? NW'(br) << (tw_log_q - stage)
                                          : NW'({br, 1'b1}) << (tw_log_q - stage - 4'd1);
    assign idx = (fwd || e == '0) ? e : tf - e;
    assign bank_full = idx >> (tw_log_q - 4'(LogP));
    assign ln_bank[l*BW +: BW] = bank_full[BW-1:0];
    assign bank_unused[l] = ^bank_full[NW-1:BW];
    assign ln_neg[l] = !fwd && (e != '0);
    if (l == 0) begin : g_off
      logic [NW-1:0] off;
      assign off = idx & ((NW'(1) << (tw_log_q - 4'(LogP))) - NW'(1));
      assign ln_off0 = off[TAW-1:0];
      assign off_unused = ^off[NW-1:TAW];
    end
  end

  // ---- Pair pipe (stream and store) ---------------------------------------------------------------
  localparam int unsigned ADepth = 8;   // issue -> ALU result (stream)
  localparam int unsigned SDepth = 4;   // issue -> products (store): read 1 + multipliers 3
  logic [ADepth-1:0] ap_v_q;
  logic              ap_store_q [ADepth];   // 1: store (to the FIFO), 0: stream (write back)
  logic [CW-1:0]     ap_c_q     [ADepth];
  logic [BW-1:0]     ap_l_q     [ADepth];   // pair's lane (stream), first element / 2 (store)
  logic              ap_half_q;             // stage 1: read pattern was PatHalf
  logic [W-1:0]      ap_b0_q, ap_b1_q;
  logic [BW-1:0]     ap_gbank_q;
  logic              ap_gneg_q;
  logic              stream_issue;
  logic              store_issue;
  logic [NW-1:0]     st_el_q;               // store: next output element
  logic              st_quad;               // store: four elements per cycle (else two)
  logic [2:0]        st_n;                  // store: elements per cycle
  logic [5:0]        fifo_count_q;
  logic [3:0]        store_inflight_q;
  // The stream takes a pair of operand b's elements per cycle, both from the view.
  logic stream_bad;
  assign stream_bad   = (state_q == SStream) && !stop_q && (el_bad[0] || el_bad[1]);
  assign stream_issue = (state_q == SStream) && !stop_q && (avail >= IbCW'(2)) && !stream_bad;
  assign in_bad       = stream_bad || ((state_q == SLoad) && !stop_q && ld_any_bad);

  // Words taken from the view this cycle, what the input buffer keeps.
  logic          ld_wr;
  logic [NW-1:0] pop_el;
  logic [IbCW-1:0] pop_words;
  assign ld_wr     = (state_q == SLoad) && !stop_q && (ld_take_n != '0) && !ld_any_bad;
  assign pop_el    = ld_wr ? ld_take_n : stream_issue ? NW'(2) : '0;
  assign pop_words = wide_q ? IbCW'(pop_el << 1) : IbCW'(pop_el);

  // The store issues st_n output elements per cycle while the FIFO has room for them and for
  // every issue still in the pipe. At full rate that is st_n waiting for their beat, SDepth
  // issues in flight and this one: 6 x 4 = 24 <= FifoDepth, so only a slow DMA throttles it.
  logic              store_rot;
  assign store_rot   = fwd && incomplete;
  assign st_quad     = (SMax == 4) && !wide_q;
  assign st_n        = st_quad ? 3'd4 : 3'd2;
  assign store_issue = (state_q == SStore) && !abort_i && !stop_q && (st_el_q < n_elems) &&
                       ({1'b0, fifo_count_q} + (7'(store_inflight_q) << (st_quad ? 2 : 1)) +
                        7'(st_n) <= 7'(FifoDepth));

  // Pair q (stream: elements 2q, 2q+1; store: output elements 2q, 2q+1 and, four at a time,
  // 2q+2, 2q+3) is in group q / P, lane pair l = q mod P: output element 2l + k of the group
  // is PatAdj flat lane 2l + k, or PatHalf lane l + k/2 of row k mod 2 when the store undoes
  // the Incomplete forward's rotation. So one access holds 2P consecutive output elements.
  logic [NW-1:0] sq;            // the pair being issued (the store's first pair)
  assign sq = stream_issue ? (elem_q >> 1) : (st_el_q >> 1);

  // Incomplete gamma of pair q: e = (2 br_{k-1}(q) + 1) << (tf + 1 - k); -R[e - Tf] if e >= Tf
  logic [MaxLogN-1:0] gq_br;
  logic [NW:0]        gq_e, gq_idx, gq_bank_full;
  logic [NW:0]        gq_tf;
  logic               gq_neg;
  logic [NW:0]        gq_off;
  assign gq_br   = bitrev(sq[MaxLogN-1:0]) >> (4'(MaxLogN) - (log_q - 4'd1));
  assign gq_tf   = (NW+1)'(1) << tw_log_q;
  assign gq_e    = (NW+1)'({gq_br, 1'b1}) << (tw_log_q + 4'd1 - log_q);
  assign gq_neg  = (gq_e >= gq_tf);
  assign gq_idx  = gq_neg ? gq_e - gq_tf : gq_e;
  assign gq_bank_full = gq_idx >> (tw_log_q - 4'(LogP));
  assign gq_off  = gq_idx & (((NW+1)'(1) << (tw_log_q - 4'(LogP))) - (NW+1)'(1));

  // ---- Scratch and twiddle read port ------------------------------------------------------------
  always_comb begin
    rd_en = 1'b0;  rd_buf = cur_q;  rd_adj = 1'b1;  rd_c = c_q[CW-1:0];
    tw_rd_off = ln_off0;
    if (compute_issue) begin
      rd_en  = 1'b1;
      rd_adj = !fwd;
    end else if (stream_issue || store_issue) begin
      rd_en  = 1'b1;
      rd_adj = !(store_issue && store_rot);
      rd_c   = CW'(sq >> LogP);
      tw_rd_off = gq_off[TAW-1:0];
    end
  end

  // ---- Butterflies ----------------------------------------------------------------------------------
  logic [P*W-1:0] bf_x, bf_y;
  for (genvar l = 0; l < P; l++) begin : g_bf
    logic [W-1:0] u, v, w, wsel;
    logic [BW-1:0] bank;   // always 0 when P = 1
    assign u = cp_fwd_q[0] ? rd_data[l*W +: W]     : rd_data[(2*l)*W +: W];
    assign v = cp_fwd_q[0] ? rd_data[(P+l)*W +: W] : rd_data[(2*l+1)*W +: W];
    assign bank = cp_bank_q[l*BW +: BW];
    if (P > 1) begin : g_sel
      assign wsel = tw_rd_data[32'(bank) * W +: W];
    end else begin : g_one
      assign wsel = tw_rd_data[W-1:0];
      logic unused;
      assign unused = ^bank;
    end
    assign w = wsel;
    epoxy_ntt_butterfly #(.W(W), .Fields(Fields)) u_bf (
      .clk_i, .valid_i (cp_v_q[0]), .field_i (field_q), .ct_i (cp_fwd_q[0]), .neg_i (cp_neg_q[l]),
      .u_i (u), .v_i (v), .w_i (w), .x_o (bf_x[l*W +: W]), .y_o (bf_y[l*W +: W])
    );
  end

  // ---- Pair unit --------------------------------------------------------------------------------------
  // Operands a0..a3: the pair (stream) or the st_n consecutive output elements (store) of the
  // access read the cycle before (a2, a3 only for a store of four: lane pair l1 is even then).
  logic [W-1:0] pa_a0, pa_a1, pa_a2, pa_a3, pa_b0, pa_b1, pa_g, pa_c0, pa_c1, g_raw;
  logic [W-1:0] pa_m [4];
  logic [2:0]   pa_op;
  int unsigned l1, l2;
  assign l1    = 32'(ap_l_q[0]) % P;
  assign l2    = (l1 + 1) % P;
  assign pa_a0 = ap_half_q ? rd_data[l1*W +: W]       : rd_data[(2*l1)*W +: W];
  assign pa_a1 = ap_half_q ? rd_data[(P + l1)*W +: W] : rd_data[(2*l1 + 1)*W +: W];
  assign pa_a2 = ap_half_q ? rd_data[l2*W +: W]       : rd_data[(2*l2)*W +: W];
  assign pa_a3 = ap_half_q ? rd_data[(P + l2)*W +: W] : rd_data[(2*l2 + 1)*W +: W];
  assign pa_b0 = ap_b0_q;
  assign pa_b1 = ap_b1_q;
  assign g_raw = tw_rd_data[32'(ap_gbank_q) % P * W +: W];
  assign pa_g  = ap_gneg_q ? p_w - g_raw : g_raw;
  always_comb begin
    if (ap_store_q[0])          pa_op = st_quad ? 3'd5 : 3'd3;     // AluMul4 / AluMul by b
    else if (op_q == epoxy_ntt_pkg::OpPadd)    pa_op = 3'd1;
    else if (op_q == epoxy_ntt_pkg::OpPsub)    pa_op = 3'd2;
    else if (incomplete)        pa_op = 3'd4;
    else                        pa_op = 3'd3;
  end

  epoxy_ntt_pair_alu #(.W(W), .Fields(Fields), .Mul4(SMax == 4)) u_alu (
    .clk_i, .valid_i (ap_v_q[0]), .field_i (field_q), .op_i (pa_op), .a0_i (pa_a0),
    .a1_i (pa_a1), .a2_i (pa_a2), .a3_i (pa_a3),
    .b0_i (pa_b0), .b1_i (pa_b1), .g_i (pa_g), .c0_o (pa_c0), .c1_o (pa_c1),
    .m0_o (pa_m[0]), .m1_o (pa_m[1]), .m2_o (pa_m[2]), .m3_o (pa_m[3])
  );

  // ---- Scratch write port ---------------------------------------------------------------------------
  logic          zero_row;      // zero fill by whole PatAdj groups
  assign zero_row = !load_rot && (elem_q[LogP:0] == '0) &&
                    ({1'b0, elem_q} + (NW+1)'(2*P) <= {1'b0, n_elems});

  always_comb begin
    wr_buf  = 1'b0;
    wr_adj  = 1'b0;
    wr_c    = ld_in_half[LogP +: CW];
    wr_en   = '0;
    wr_data = '0;
    if (cp_v_q[CDepth-1]) begin
      wr_buf = cp_dst_q[CDepth-1];
      wr_adj = cp_fwd_q[CDepth-1];
      wr_c   = cp_c_q[CDepth-1];
      wr_en  = '1;
      for (int l = 0; l < P; l++) begin
        if (cp_fwd_q[CDepth-1]) begin
          wr_data[(2*l)*W +: W]   = bf_x[l*W +: W];
          wr_data[(2*l+1)*W +: W] = bf_y[l*W +: W];
        end else begin
          wr_data[l*W +: W]       = bf_x[l*W +: W];
          wr_data[(P+l)*W +: W]   = bf_y[l*W +: W];
        end
      end
    end else if (ap_v_q[ADepth-1] && !ap_store_q[ADepth-1]) begin
      wr_buf = 1'b0;
      wr_adj = 1'b1;
      wr_c   = ap_c_q[ADepth-1];
      wr_en  = (2*P)'(2'b11) << {ap_l_q[ADepth-1], 1'b0};
      wr_data = {P{pa_c1, pa_c0}};
    end else if (ld_wr) begin
      wr_adj = !load_rot;
      wr_c   = CW'(elem_q >> (LogP + 1));
      wr_en  = ld_en;
      wr_data = ld_data;
    end else if (state_q == SZero) begin
      wr_data = '0;
      if (zero_row) begin
        wr_adj = 1'b1;
        wr_c   = CW'(elem_q >> (LogP + 1));
        wr_en  = '1;
      end else begin
        wr_en  = ld_onehot;
      end
    end
  end

  // ---- Store FIFO (elements) -------------------------------------------------------------------------
  logic [W-1:0] fifo_mem [FifoDepth];
  logic [4:0]   fifo_rd_q, fifo_wr_q;
  logic         fifo_push, st_grant;
  logic [5:0]   fifo_pop;       // elements sent by the granted beat
  logic [LW:0]  st_words;       // word_hi_q + the beat's words
  assign fifo_words = wide_q ? {fifo_count_q, 1'b0} - 7'(word_hi_q) : 7'(fifo_count_q);
  assign fifo_push  = ap_v_q[SDepth-1] && ap_store_q[SDepth-1];   // st_n products ready
  assign st_grant   = dma_granted && (state_q == SStore);
  assign st_words   = (LW+1)'(word_hi_q) + (LW+1)'(beat_words);
  assign fifo_pop   = !st_grant ? 6'd0 : wide_q ? 6'(st_words[LW:1]) : 6'(beat_words);
  // Word j of a beat: element j (32-bit), or half (word_hi_q + j) of the Goldilocks elements.
  for (genvar j = 0; j < L; j++) begin : g_wdata
    logic [LW:0]  wj;
    logic [W-1:0] e;
    assign wj = (LW+1)'(j) + (wide_q ? (LW+1)'(word_hi_q) : '0);
    assign e  = fifo_mem[fifo_rd_q + (wide_q ? 5'(wj[LW:1]) : 5'(wj))];
    if (W == 64) begin : g_w64
      assign dma_wdata_o[32*j +: 32] = (wide_q && wj[0]) ? e[63:32] : e[31:0];
    end else begin : g_w32
      assign dma_wdata_o[32*j +: 32] = e;
    end
  end

  // Datapath storage, no reset: only entries counted in fifo_count_q are ever read. A push is
  // aligned (st_n elements at a multiple of st_n: the write pointer starts at 0 and moves by
  // st_n within a descriptor), so entry e only ever takes product e mod st_n: a 2:1 choice per
  // entry (none with SMax = 2), not a mux over every product at every offset.
  always_ff @(posedge clk_i) begin
    for (int e = 0; e < FifoDepth; e++)
      if (fifo_push && (st_quad ? (5'(e) >> 2) == (fifo_wr_q >> 2)
                                : (5'(e) >> 1) == (fifo_wr_q >> 1)))
        fifo_mem[e] <= pa_m[st_quad ? e % 4 : e % 2];
  end
  if (SMax < 4) begin : g_m_unused
    logic unused;
    assign unused = ^{pa_m[2], pa_m[3]};
  end

  // ---- Control ----------------------------------------------------------------------------------------
  logic          last_group, load_done, begin_next, begin_store;
  logic [NW-1:0] zero_step;
  assign last_group  = (c_q == groups - (CW+1)'(1));
  assign load_done   = (state_q == SLoad) && !stop_q && !abort_i && (elem_q == len_q) &&
                       (out_q == 3'd0);
  assign zero_step   = zero_row ? NW'(2*P) : NW'(1);
  assign begin_next  = !abort_i && ((load_done && len_q == n_elems) ||
                       ((state_q == SZero) && (elem_q + zero_step == n_elems)));
  assign begin_store = !abort_i &&
                       (((state_q == SStream) && !stop_q && elem_q == n_elems &&
                         ap_v_q == '0 && !stream_issue && out_q == 3'd0) ||
                        ((state_q == SDrain) && cp_v_q == '0));

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q <= SIdle;
      op_q <= 8'd0;  code_q <= 8'd0;  field_q <= 3'd0;  var_q <= 2'd0;  log_q <= 4'(MinLogN);
      dst_q <= 32'd0;  src1_q <= 32'd0;  len_q <= '0;  wide_q <= 1'b0;
      tw_valid_q <= 1'b0;  tw_field_q <= 3'd0;  tw_log_q <= 4'(MinLogN);
      dma_addr_q <= 32'd0;  dma_left_q <= '0;  out_q <= 3'd0;  stop_q <= 1'b0;
      req_hold_q <= 1'b0;  we_hold_q <= 1'b0;
      word_hi_q <= 1'b0;  elem_q <= '0;  rcv_left_q <= '0;  ib_cnt_q <= '0;
      st_q <= 4'd0;  c_q <= '0;  cur_q <= 1'b0;
      cp_v_q <= '0;  ap_v_q <= '0;
      st_el_q <= '0;  fifo_count_q <= 6'd0;  store_inflight_q <= 4'd0;
      fifo_rd_q <= 5'd0;  fifo_wr_q <= 5'd0;
    end else begin
      // DMA bookkeeping (every state)
      req_hold_q <= dma_req_o && !dma_gnt_i;
      we_hold_q  <= dma_we_o;
      out_q <= out_q + 3'(dma_granted) - 3'(dma_rvalid_i);
      if (dma_granted) begin
        dma_addr_q <= dma_addr_q + {30'(beat_words), 2'b00};
        dma_left_q <= dma_left_q - (NW+1)'(beat_words);
      end
      if (dma_rvalid_i && dma_err_i && state_q != SAbort && !stop_q) begin
        stop_q <= 1'b1;
        code_q <= epoxy_ntt_pkg::ErrDma;
      end

      // Incoming words: the input buffer keeps what the load and the stream did not take.
      rcv_left_q <= rcv_left_q - (NW+1)'(in_words);
      ib_cnt_q   <= view_cnt - pop_words;
      for (int i = 0; i < IbDepth; i++)
        if (32'(i) + 32'(pop_words) < IbView) ib_q[i] <= view[32'(i) + 32'(pop_words)];
      if (in_bad) begin
        stop_q <= 1'b1;
        code_q <= epoxy_ntt_pkg::ErrValue;
      end else begin
        elem_q <= elem_q + pop_el;
      end

      // Pipes
      cp_v_q <= {cp_v_q[CDepth-2:0], compute_issue};
      for (int i = CDepth - 1; i > 0; i--) begin
        cp_c_q[i]   <= cp_c_q[i-1];
        cp_fwd_q[i] <= cp_fwd_q[i-1];
        cp_dst_q[i] <= cp_dst_q[i-1];
      end
      cp_c_q[0]   <= c_q[CW-1:0];
      cp_fwd_q[0] <= fwd;
      cp_dst_q[0] <= !cur_q;
      cp_bank_q   <= ln_bank;
      cp_neg_q    <= ln_neg;

      ap_v_q <= {ap_v_q[ADepth-2:0], stream_issue || store_issue};
      for (int i = ADepth - 1; i > 0; i--) begin
        ap_store_q[i] <= ap_store_q[i-1];
        ap_c_q[i]     <= ap_c_q[i-1];
        ap_l_q[i]     <= ap_l_q[i-1];
      end
      ap_store_q[0] <= store_issue;
      ap_c_q[0]     <= CW'(sq >> LogP);
      ap_l_q[0]     <= BW'(32'(sq) % P);
      ap_half_q     <= store_issue && store_rot;
      ap_b0_q       <= stream_issue ? el[0] : inv ? scale : W'(1);   // store: 1/N or 1
      ap_b1_q       <= stream_issue ? el[1] : inv ? scale : W'(1);
      ap_gbank_q    <= gq_bank_full[BW-1:0];
      ap_gneg_q     <= gq_neg;

      // Store FIFO
      fifo_count_q <= fifo_count_q + (fifo_push ? 6'(st_n) : 6'd0) - fifo_pop;
      if (fifo_push) fifo_wr_q <= fifo_wr_q + 5'(st_n);
      fifo_rd_q <= fifo_rd_q + 5'(fifo_pop);
      store_inflight_q <= store_inflight_q + 4'(store_issue) - 4'(fifo_push);
      if (st_grant && wide_q) word_hi_q <= st_words[0];
      if (store_issue) st_el_q <= st_el_q + NW'(st_n);

      unique case (state_q)
        SIdle: if (desc_valid_i) begin
          op_q    <= d_op;
          code_q  <= check;
          field_q <= d_field[2:0];
          var_q   <= d_var[1:0];
          log_q   <= d_log[3:0];
          dst_q   <= d_dst;
          src1_q  <= d_src1;
          len_q   <= d_len[NW-1:0];
          wide_q  <= d_wide;
          dma_addr_q <= d_src0;
          dma_left_q <= (NW+1)'(d_len[NW-1:0]) << (d_wide ? 1 : 0);
          rcv_left_q <= (NW+1)'(d_len[NW-1:0]) << (d_wide ? 1 : 0);
          ib_cnt_q <= '0;
          stop_q  <= 1'b0;
          elem_q  <= '0;
          cur_q   <= 1'b0;
          st_q    <= 4'd0;
          c_q     <= '0;
          fifo_count_q <= 6'd0;
          fifo_rd_q <= 5'd0;
          fifo_wr_q <= 5'd0;
          store_inflight_q <= 4'd0;
          state_q <= (check != epoxy_ntt_pkg::ErrNone) ? SDone : SGen;
        end
        SGen: state_q <= tw_start ? SGenWait : SLoad;
        SGenWait: if (!tw_busy && !tw_start_q) begin
          tw_valid_q <= 1'b1;
          tw_field_q <= field_q;
          tw_log_q   <= tf_need;
          state_q    <= SLoad;
        end
        SLoad: begin
          if (stop_q) state_q <= SFlush;
          else if (load_done && len_q != n_elems) state_q <= SZero;
        end
        SZero: elem_q <= elem_q + zero_step;
        SCompute: if (compute_issue) begin
          if (last_group) begin
            c_q   <= '0;
            cur_q <= !cur_q;
            st_q  <= st_q + 4'd1;
            if (st_q == layers - 4'd1) state_q <= SDrain;
          end else begin
            c_q <= c_q + (CW+1)'(1);
          end
        end
        SStream: if (stop_q) state_q <= SFlush;
        SDrain: ;                                        // until begin_store
        SStore: begin
          if (stop_q) state_q <= SFlush;
          else if (dma_left_q == '0 && dma_quiet) state_q <= SDone;
        end
        SFlush: if (dma_quiet && ap_v_q == '0 && cp_v_q == '0) state_q <= SDone;
        SDone: state_q <= SIdle;
        SAbort: if (dma_quiet && ap_v_q == '0 && cp_v_q == '0) state_q <= SIdle;
        default: state_q <= SIdle;
      endcase

      if (tw_start) tw_valid_q <= 1'b0;

      // Load finished: start the transform, or stream operand b from SRC1.
      if (begin_next) begin
        if (d_ntt_q) begin
          state_q <= SCompute;
        end else begin
          state_q    <= SStream;
          dma_addr_q <= src1_q;
          dma_left_q <= (NW+1)'(n_elems) << (wide_q ? 1 : 0);
          rcv_left_q <= (NW+1)'(n_elems) << (wide_q ? 1 : 0);
          ib_cnt_q   <= '0;
          elem_q     <= '0;
        end
      end
      // Results complete in the scratchpad: store them to DST.
      if (begin_store) begin
        state_q    <= SStore;
        dma_addr_q <= dst_q;
        dma_left_q <= (NW+1)'(n_elems) << (wide_q ? 1 : 0);
        st_el_q    <= '0;
        word_hi_q  <= 1'b0;
      end

      if (abort_i && state_q != SIdle && state_q != SDone && state_q != SAbort) begin
        state_q <= SAbort;
        if (state_q == SGen || state_q == SGenWait) tw_valid_q <= 1'b0;
      end
    end
  end

  assign desc_ready_o   = (state_q == SIdle);
  assign result_valid_o = (state_q == SDone);
  assign result_code_o  = code_q;
  assign idle_o         = (state_q == SIdle) || (state_q == SDone) ||
                          ((state_q == SAbort) && dma_quiet);

  logic unused;
  assign unused = ^{d_flags[0], off_unused, bank_unused, gq_bank_full[NW:BW], gq_off[NW:TAW],
                    p_full, ap_gbank_q, cp_bank_q};   // (the last three only for P = 1, W = 32)

endmodule

`default_nettype wire
