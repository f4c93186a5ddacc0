// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: OBI crossbar, NumMasters x NumSlaves, with an error responder.
//
// Each master presents, with its request, the index of the slave it addresses (decoded
// by the SoC from the generated memory map); index NumSlaves means "no slave" and is
// answered by the master's own error responder (grant at once, err one cycle later), so
// an unmapped or forbidden access never waits and never reaches a slave. Reach says which
// master can address which slave (the core's instruction port, for example, never reaches
// a device): a slave that only one master reaches gets that master's signals without a
// multiplexer, and a request outside Reach is answered by the error responder too.
//
// Arbitration is per slave and round-robin: among the masters requesting a slave in a
// cycle, the first at or after the slave's pointer wins, and the pointer then moves past
// the winner. Masters addressing different slaves are granted in the same cycle.
//
// Slave contract: every slave answers exactly one cycle after each grant (rvalid with
// rdata/err), in order, and may withhold the grant to stall. Because of that, the
// crossbar routes responses with one register per slave (who was granted last cycle) and
// needs no transaction IDs or outstanding-request limits: responses reach each master in
// request order even when it switches slaves every cycle. It deliberately has no
// registers in the request path (one cycle from request to data).
`default_nettype none

module epoxy_soc_xbar #(
  parameter int unsigned NumMasters = 2,
  parameter int unsigned NumSlaves  = 4,
  // bit m*NumSlaves + s: master m can address slave s
  parameter logic [NumMasters*NumSlaves-1:0] Reach = '1,
  // bit m: master m only reads (we 0, be all ones) and reaches only slaves that look at be
  // and wdata for writes alone (memories): its be and wdata are never routed (used by the
  // two-master form to drop those multiplexers)
  parameter logic [NumMasters-1:0] ReadOnly = '0,
  localparam int unsigned SelW = $clog2(NumSlaves + 1),
  localparam int unsigned MW   = (NumMasters > 1) ? $clog2(NumMasters) : 1
) (
  input  logic clk_i,
  input  logic rst_ni,

  // Masters
  input  logic [NumMasters-1:0]           m_req_i,
  input  logic [NumMasters*SelW-1:0]      m_sel_i,    // slave index per master, NumSlaves: error
  input  logic [NumMasters*32-1:0]        m_addr_i,
  input  logic [NumMasters-1:0]           m_we_i,
  input  logic [NumMasters*4-1:0]         m_be_i,
  input  logic [NumMasters*32-1:0]        m_wdata_i,
  output logic [NumMasters-1:0]           m_gnt_o,
  output logic [NumMasters-1:0]           m_rvalid_o,
  output logic [NumMasters*32-1:0]        m_rdata_o,
  output logic [NumMasters-1:0]           m_err_o,

  // Slaves
  output logic [NumSlaves-1:0]            s_req_o,
  output logic [NumSlaves*32-1:0]         s_addr_o,
  output logic [NumSlaves-1:0]            s_we_o,
  output logic [NumSlaves*4-1:0]          s_be_o,
  output logic [NumSlaves*32-1:0]         s_wdata_o,
  input  logic [NumSlaves-1:0]            s_gnt_i,
  input  logic [NumSlaves-1:0]            s_rvalid_i,
  input  logic [NumSlaves*32-1:0]         s_rdata_i,
  input  logic [NumSlaves-1:0]            s_err_i
);

  // ---- Request path: per-slave round-robin arbitration -----------------------------------
  logic [NumSlaves*MW-1:0] ptr_q;         // per slave: first master to consider
  logic [NumSlaves-1:0]    any;           // some master requests the slave
  logic [NumSlaves*MW-1:0] resp_owner_q;  // per slave: master of the response due now
  logic [NumSlaves-1:0]         resp_pending_q;
  logic [NumMasters-1:0]        err_pending_q;

  // Flat vectors (Yosys 0.23 reads no multi-dimensional packed ports): field i of a vector
  // of W-bit fields is v[i*W +: W].
  // Per master, per sel value (the error index and beyond included): a slave it may address.
  localparam int unsigned SelN = 1 << SelW;
  logic [SelN-1:0] ok_x [NumMasters];
  for (genvar m = 0; m < NumMasters; m++) begin : g_ok
    assign ok_x[m] = SelN'(Reach[m*NumSlaves +: NumSlaves]);
  end

  if (NumMasters == 2) begin : g_two
    // Two masters (the SoC's case), as whole-vector logic over the slaves (one bit per
    // slave: owner and pointer are 1 bit wide), which simulates much faster than the
    // general loops below and is the same function.
    logic [SelW-1:0]      sel0, sel1;
    logic [NumSlaves-1:0] req0, req1;  // master m requests slave s
    logic [NumSlaves-1:0] own1;        // master 1 wins slave s
    logic [NumSlaves-1:0] upd;         // slave s granted a request
    logic [NumSlaves-1:0] hit0, hit1;  // slave s's response is due to master m
    logic                 err0, err1;  // master m addresses no slave
    assign sel0 = m_sel_i[0 +: SelW];
    assign sel1 = m_sel_i[SelW +: SelW];
    localparam logic [NumSlaves-1:0] reach0 = Reach[0 +: NumSlaves];
    localparam logic [NumSlaves-1:0] reach1 = Reach[NumSlaves +: NumSlaves];
    assign req0 = m_req_i[0] ? ((NumSlaves'(1) << sel0) & reach0) : '0;  // 0: error index
    assign req1 = m_req_i[1] ? ((NumSlaves'(1) << sel1) & reach1) : '0;
    assign err0 = m_req_i[0] && !ok_x[0][sel0];
    assign err1 = m_req_i[1] && !ok_x[1][sel1];
    // With both requesting, the pointer decides (0: master 0 first, 1: master 1 first). A
    // slave that master 0 cannot reach belongs to master 1, and the other way round.
    assign own1 = (req1 & (~req0 | ptr_q) & reach1) | ~reach0;
    assign any  = req0 | req1;
    assign s_req_o = any;
    assign s_we_o  = (own1 & {NumSlaves{m_we_i[1]}}) | (~own1 & {NumSlaves{m_we_i[0]}});
    // A read-only master's be and wdata are never selected (see ReadOnly): the other
    // master's go to every slave unmultiplexed.
    logic [NumSlaves-1:0] own1_w;
    assign own1_w = ReadOnly[1] ? '0 : ReadOnly[0] ? '1 : own1;
    for (genvar s = 0; s < NumSlaves; s++) begin : g_slave
      assign s_addr_o[s*32 +: 32]  = own1[s] ? m_addr_i[32 +: 32]  : m_addr_i[0 +: 32];
      assign s_be_o[s*4 +: 4]      = own1_w[s] ? m_be_i[4 +: 4]      : m_be_i[0 +: 4];
      assign s_wdata_o[s*32 +: 32] = own1_w[s] ? m_wdata_i[32 +: 32] : m_wdata_i[0 +: 32];
    end
    assign m_gnt_o[0] = err0 || ((req0 & ~own1 & s_gnt_i) != '0);
    assign m_gnt_o[1] = err1 || ((req1 & own1 & s_gnt_i) != '0);

    assign upd = any & s_gnt_i;
`ifdef SYNTHESIS
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        ptr_q          <= '0;
        resp_owner_q   <= '0;
        resp_pending_q <= '0;
        err_pending_q  <= '0;
      end else begin
        resp_pending_q <= upd;
        resp_owner_q   <= (resp_owner_q & ~upd) | (own1 & upd);
        ptr_q          <= (ptr_q & ~upd) | (~own1 & upd);
        err_pending_q  <= {err1, err0};
      end
    end

    // Responses: the highest-numbered slave due wins (only one can be due per master).
    assign hit0 = resp_pending_q & ~resp_owner_q;
    assign hit1 = resp_pending_q & resp_owner_q;
    assign m_rvalid_o = {err_pending_q[1] || (hit1 != '0), err_pending_q[0] || (hit0 != '0)};
    always_comb begin
      m_rdata_o = '0;
      m_err_o   = err_pending_q;
      for (int s = 0; s < NumSlaves; s++) begin
        if (hit0[s]) begin
          m_rdata_o[0 +: 32] = s_rdata_i[s*32 +: 32];
          m_err_o[0]         = s_err_i[s];
        end
        if (hit1[s]) begin
          m_rdata_o[32 +: 32] = s_rdata_i[s*32 +: 32];
          m_err_o[1]          = s_err_i[s];
        end
      end
    end
`else
    // Simulation: the same responses routed by master instead of by slave. A slave is due
    // to master m exactly when m was granted it (not the error responder) last cycle, so
    // each master keeps the index of the slave it was granted and selects its response
    // with it, instead of Verilator testing every slave for both masters in every cycle.
    logic [1:0]      got_q;        // master m was granted a slave last cycle ...
    logic [SelW-1:0] got_sel_q [2];   // ... this one
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        ptr_q         <= '0;
        err_pending_q <= '0;
        got_q         <= '0;
      end else begin
        ptr_q         <= (ptr_q & ~upd) | (~own1 & upd);
        err_pending_q <= {err1, err0};
        got_q         <= m_gnt_o & ~{err1, err0};
      end
    end
    always_ff @(posedge clk_i) begin
      got_sel_q[0] <= sel0;
      got_sel_q[1] <= sel1;
    end
    assign m_rvalid_o = err_pending_q | got_q;
    logic [SelN-1:0] err_x;   // indexable by any sel value
    assign err_x = SelN'(s_err_i);
    always_comb begin
      m_rdata_o = '0;
      m_err_o   = err_pending_q;
      for (int m = 0; m < 2; m++) begin
        if (got_q[m]) begin
          m_rdata_o[m*32 +: 32] = s_rdata_i[32*got_sel_q[m] +: 32];
          m_err_o[m]            = err_x[got_sel_q[m]];
        end
      end
    end
    assign resp_owner_q   = '0;   // (the synthesis form's response registers)
    assign resp_pending_q = '0;
    assign hit0           = '0;
    assign hit1           = '0;
    logic unused_resp;
    assign unused_resp = ^{resp_owner_q, resp_pending_q, hit0, hit1};
`endif
  end else begin : g_any
    logic [NumSlaves*MW-1:0] owner;       // per slave: winner this cycle
    always_comb begin
      for (int s = 0; s < NumSlaves; s++) begin
        any[s]            = 1'b0;
        owner[s*MW +: MW] = '0;
        // The first requester at or after the pointer wins, else the first before it: two
        // descending scans, the later assignment winning.
        for (int m = NumMasters - 1; m >= 0; m--) begin
          if (m_req_i[m] && Reach[m*NumSlaves + s] && m_sel_i[m*SelW +: SelW] == SelW'(s) &&
              MW'(m) < ptr_q[s*MW +: MW]) begin
            any[s]            = 1'b1;
            owner[s*MW +: MW] = MW'(m);
          end
        end
        for (int m = NumMasters - 1; m >= 0; m--) begin
          if (m_req_i[m] && Reach[m*NumSlaves + s] && m_sel_i[m*SelW +: SelW] == SelW'(s) &&
              MW'(m) >= ptr_q[s*MW +: MW]) begin
            any[s]            = 1'b1;
            owner[s*MW +: MW] = MW'(m);
          end
        end
        s_req_o[s]           = any[s];
        s_addr_o[s*32 +: 32]  = m_addr_i[owner[s*MW +: MW]*32 +: 32];
        s_we_o[s]            = m_we_i[owner[s*MW +: MW]];
        s_be_o[s*4 +: 4]      = m_be_i[owner[s*MW +: MW]*4 +: 4];
        s_wdata_o[s*32 +: 32] = m_wdata_i[owner[s*MW +: MW]*32 +: 32];
      end
      for (int m = 0; m < NumMasters; m++) begin
        m_gnt_o[m] = 1'b0;
        if (m_req_i[m]) begin
          if (!ok_x[m][m_sel_i[m*SelW +: SelW]]) begin
            m_gnt_o[m] = 1'b1;   // error responder: never busy
          end else begin
            for (int s = 0; s < NumSlaves; s++) begin
              if (m_sel_i[m*SelW +: SelW] == SelW'(s) && owner[s*MW +: MW] == MW'(m) && s_gnt_i[s])
                m_gnt_o[m] = 1'b1;
            end
          end
        end
      end
    end

    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        ptr_q          <= '0;
        resp_owner_q   <= '0;
        resp_pending_q <= '0;
        err_pending_q  <= '0;
      end else begin
        for (int s = 0; s < NumSlaves; s++) begin
          resp_pending_q[s] <= any[s] && s_gnt_i[s];
          if (any[s] && s_gnt_i[s]) begin
            resp_owner_q[s*MW +: MW] <= owner[s*MW +: MW];
            ptr_q[s*MW +: MW]        <= (owner[s*MW +: MW] == MW'(NumMasters - 1)) ? '0
                                        : owner[s*MW +: MW] + MW'(1);
          end
        end
        for (int m = 0; m < NumMasters; m++) begin
          err_pending_q[m] <= m_req_i[m] && !ok_x[m][m_sel_i[m*SelW +: SelW]];
        end
      end
    end

    // ---- Response path -------------------------------------------------------------------------
    always_comb begin
      for (int m = 0; m < NumMasters; m++) begin
        m_rvalid_o[m]        = err_pending_q[m];
        m_err_o[m]           = err_pending_q[m];
        m_rdata_o[m*32 +: 32] = 32'd0;
        for (int s = 0; s < NumSlaves; s++) begin
          if (resp_pending_q[s] && resp_owner_q[s*MW +: MW] == MW'(m)) begin
            m_rvalid_o[m]        = 1'b1;
            m_rdata_o[m*32 +: 32] = s_rdata_i[s*32 +: 32];
            m_err_o[m]           = s_err_i[s];
          end
        end
      end
    end
  end

  // The slave's rvalid is implied by the contract (resp_pending_q); it is only checked.
  logic unused;
  assign unused = ^s_rvalid_i;

endmodule

`default_nettype wire
