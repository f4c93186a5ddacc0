// SPDX-License-Identifier: Apache-2.0
// Epoxy SoC: the IOPMP, the windows that bound what the accelerators' DMA may touch.
//
// Entries windows, each a BASE and an inclusive LIMIT (word addresses), the permissions R and
// W and a mask of the masters it applies to (bit 0 NTT, 1 MSM, 2 MATMUL: ENTRY_CFG[10:8]).
// With CTRL.ENABLE a DMA beat is allowed only when one entry that includes its master and the
// permission it needs (W for a write, R for a read) covers every word of the beat (its first
// word and its last enabled lane); dma_ok_o low sends the beat to the SoC's DMA error
// responder, so nothing of it reaches a memory, and the first such violation is held in
// ERR_INFO/ERR_ADDR until firmware writes 1 to ERR_INFO.VALID. With ENABLE clear (the reset
// value) every beat is allowed, and the SoC's decode (SRAM only) is the whole rule. The
// window compares depend only on the beat and the registers, so they run in parallel with the
// SoC's bank decode; the result gates the decode's bank select.
//
// Registers (memory_map.toml, docs/memory-map.md) sit behind the SoC's device adapter (aligned
// 32-bit accesses only). CTRL.LOCK and ENTRY_CFG.LOCK are set by writing 1 and stay set until
// reset: CTRL.LOCK freezes CTRL and every entry, an entry's LOCK its three registers; writes to
// frozen registers are ignored. The error record is never locked. CTRL.ENABLE and CTRL.LOCK are
// held as 4-bit codes and decoded fail-closed: any pattern but the "off" one reads as set (a
// flipped flop turns the checks on or the configuration frozen, never the other way).
//
// It deliberately has no privilege check (the bus carries none: the core's PMP keeps U-mode
// out of the page), no TOR/NAPOT modes, no priority between entries (any matching entry
// allows) and no interrupt (the accelerator reports DMA_ERROR with the descriptor's index).
`default_nettype none

module epoxy_soc_iopmp #(
  parameter int unsigned Entries = epoxy_soc_map_pkg::IopmpEntries,   // 1 .. 15
  parameter int unsigned Lanes   = 1,           // 32-bit lanes of a DMA beat: 1, 2 or 4
  parameter logic [2:0]  Masters = 3'b001       // the masters built (CAPS.MASTERS)
) (
  input  logic               clk_i,
  input  logic               rst_ni,

  // Device register interface (from epoxy_soc_reg_adapter)
  input  logic [11:0]        reg_offset_i,
  input  logic               reg_re_i,
  input  logic               reg_we_i,
  input  logic [31:0]        reg_wdata_i,
  output logic               reg_hit_o,
  output logic [31:0]        reg_rdata_o,

  // The DMA beat being requested (its enabled lanes a prefix) and its master (one-hot)
  input  logic               dma_req_i,
  input  logic [2:0]         dma_master_i,
  input  logic [31:0]        dma_addr_i,
  input  logic               dma_we_i,
  input  logic [4*Lanes-1:0] dma_be_i,
  output logic               dma_ok_o
);

  // The 4-bit codes of CTRL.ENABLE and CTRL.LOCK: Off, or anything else (On when written).
  localparam logic [3:0] MuOff = 4'b1001;
  localparam logic [3:0] MuOn  = 4'b0110;

  localparam int unsigned CfgR    = epoxy_soc_map_pkg::IopmpEntryCfgRBit;
  localparam int unsigned CfgW    = epoxy_soc_map_pkg::IopmpEntryCfgWBit;
  localparam int unsigned CfgLock = epoxy_soc_map_pkg::IopmpEntryCfgLockBit;
  localparam int unsigned CfgMst  = epoxy_soc_map_pkg::IopmpEntryCfgMastersBit;

  // ---- Registers ------------------------------------------------------------------------------
  logic [3:0]  enable_q, lock_q;
  logic        enabled, locked;
  // Entry e at [e*W +: W] (flat vectors, as the crossbar's ports)
  logic [Entries*30-1:0] base_q, limit_q;   // word addresses
  logic [Entries-1:0]    r_q, w_q, elock_q;
  logic [Entries*3-1:0]  mst_q;
  logic        err_valid_q, err_write_q;
  logic [2:0]  err_master_q;
  logic [29:0] err_addr_q;

  assign enabled = enable_q != MuOff;
  assign locked  = lock_q != MuOff;

  // ---- Check of the DMA beat --------------------------------------------------------------------
  // The beat's last word: the first plus the index of its last enabled lane (no wrap-around).
  // dma_ok_o matters only with a request (the decode's select is looked at only then), so the
  // compares sit under `if (dma_req_i && enabled)`: the same logic, and a simulator (epoxy-sim
  // evaluates this every cycle) skips them while the DMA is idle.
  logic [30:0]        last;
  logic [Entries-1:0] match;
  always_comb begin
    last     = {1'b0, dma_addr_i[31:2]};
    match    = '0;
    dma_ok_o = 1'b1;
    if (dma_req_i && enabled) begin
      for (int i = 1; i < Lanes; i++)
        if (dma_be_i[4*i +: 4] != 4'd0) last = {1'b0, dma_addr_i[31:2]} + 31'(i);
      for (int e = 0; e < Entries; e++)
        match[e] = (dma_addr_i[31:2] >= base_q[e*30 +: 30]) &&
                   (last <= {1'b0, limit_q[e*30 +: 30]}) &&
                   ((mst_q[e*3 +: 3] & dma_master_i) != 3'd0) &&
                   (dma_we_i ? w_q[e] : r_q[e]);
      dma_ok_o = (match != '0);
    end
  end
  logic violation;
  assign violation = !dma_ok_o;   // only with a request (above)

  // ---- Register reads ---------------------------------------------------------------------------
  // Entry e's registers at IopmpEntryBase + e * stride + {0, 4, 8} (the map's offsets).
  localparam logic [11:0] EntryFirst = epoxy_soc_map_pkg::IopmpEntryBase;
  localparam logic [11:0] Stride     = epoxy_soc_map_pkg::IopmpEntryBaseStride;
  localparam logic [3:0]  RegBase    = 4'd0;
  localparam logic [3:0]  RegLimit   = 4'(epoxy_soc_map_pkg::IopmpEntryLimit - EntryFirst);
  localparam logic [3:0]  RegCfg     = 4'(epoxy_soc_map_pkg::IopmpEntryCfg - EntryFirst);
  // The layout this module is written for (elaboration stops if the map changes it).
  if (epoxy_soc_map_pkg::IopmpEntryLimitStride != Stride ||
      epoxy_soc_map_pkg::IopmpEntryCfgStride != Stride || Stride != 12'h010 ||
      epoxy_soc_map_pkg::IopmpCapsEntriesWidth != 8 ||
      epoxy_soc_map_pkg::IopmpCapsMastersWidth != 3 ||
      epoxy_soc_map_pkg::IopmpErrInfoMasterWidth != 3 ||
      epoxy_soc_map_pkg::IopmpEntryCfgMastersWidth != 3 ||
      Entries < 1 || Entries > 15) begin : g_bad_map
    $error("epoxy_soc_iopmp: the register layout in memory_map.toml is not the one built");
  end
  logic [11:0] ent_off;
  logic [7:0]  ent_idx;
  logic [3:0]  ent_reg;    // the offset within the entry
  logic        ent_hit;
  assign ent_off = reg_offset_i - EntryFirst;
  assign ent_idx = ent_off[11:4];   // Stride is 16 (checked above): a slice, not a divider
  assign ent_reg = ent_off[3:0];
  assign ent_hit = (reg_offset_i >= EntryFirst) && (32'(ent_idx) < Entries);

  // The addressed entry register's value (an AND-OR multiplexer), needed only with a read
  // (reg_rdata_o is valid with reg_re_i): under `if (reg_re_i)` for the simulator, as above.
  logic [31:0] ent_rdata;
  always_comb begin
    ent_rdata = 32'd0;
    if (reg_re_i) for (int e = 0; e < Entries; e++) begin
      ent_rdata |= {32{ent_idx == 8'(e) && ent_reg == RegBase}} & {base_q[e*30 +: 30], 2'b00};
      ent_rdata |= {32{ent_idx == 8'(e) && ent_reg == RegLimit}} & {limit_q[e*30 +: 30], 2'b00};
      ent_rdata |= {32{ent_idx == 8'(e) && ent_reg == RegCfg}} &
                   ((32'(r_q[e]) << CfgR) | (32'(w_q[e]) << CfgW) |
                    (32'(elock_q[e]) << CfgLock) | (32'(mst_q[e*3 +: 3]) << CfgMst));
    end
  end

  always_comb begin
    reg_hit_o   = 1'b1;
    reg_rdata_o = 32'd0;
    unique case (reg_offset_i)
      epoxy_soc_map_pkg::IopmpCtrl: begin
        reg_rdata_o[epoxy_soc_map_pkg::IopmpCtrlEnableBit] = enabled;
        reg_rdata_o[epoxy_soc_map_pkg::IopmpCtrlLockBit]   = locked;
      end
      epoxy_soc_map_pkg::IopmpCaps:
        reg_rdata_o = (32'(Entries) << epoxy_soc_map_pkg::IopmpCapsEntriesBit) |
                      (32'(Masters) << epoxy_soc_map_pkg::IopmpCapsMastersBit);
      epoxy_soc_map_pkg::IopmpErrInfo:
        reg_rdata_o = (32'(err_valid_q) << epoxy_soc_map_pkg::IopmpErrInfoValidBit) |
                      (32'(err_write_q) << epoxy_soc_map_pkg::IopmpErrInfoWriteBit) |
                      (32'(err_master_q) << epoxy_soc_map_pkg::IopmpErrInfoMasterBit);
      epoxy_soc_map_pkg::IopmpErrAddr: reg_rdata_o = {err_addr_q, 2'b00};
      default: begin
        reg_hit_o   = ent_hit &&
                      (ent_reg == RegBase || ent_reg == RegLimit || ent_reg == RegCfg);
        reg_rdata_o = ent_rdata;
      end
    endcase
  end

  // ---- Register writes and the error record -----------------------------------------------------
  logic ctrl_we, err_clear;
  assign ctrl_we   = reg_we_i && reg_offset_i == epoxy_soc_map_pkg::IopmpCtrl && !locked;
  assign err_clear = reg_we_i && reg_offset_i == epoxy_soc_map_pkg::IopmpErrInfo &&
                     reg_wdata_i[epoxy_soc_map_pkg::IopmpErrInfoValidBit];

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      enable_q     <= MuOff;
      lock_q       <= MuOff;
      err_valid_q  <= 1'b0;
      err_write_q  <= 1'b0;
      err_master_q <= 3'd0;
      err_addr_q   <= 30'd0;
    end else begin
      if (ctrl_we) begin
        enable_q <= reg_wdata_i[epoxy_soc_map_pkg::IopmpCtrlEnableBit] ? MuOn : MuOff;
        if (reg_wdata_i[epoxy_soc_map_pkg::IopmpCtrlLockBit]) lock_q <= MuOn;
      end
      // A violation in the cycle of a clear is the next record (the clear came first).
      if (violation && (!err_valid_q || err_clear)) begin
        err_valid_q  <= 1'b1;
        err_write_q  <= dma_we_i;
        err_master_q <= dma_master_i;
        err_addr_q   <= dma_addr_i[31:2];
      end else if (err_clear) begin
        err_valid_q  <= 1'b0;
        err_write_q  <= 1'b0;
        err_master_q <= 3'd0;
        err_addr_q   <= 30'd0;
      end
    end
  end

  for (genvar e = 0; e < Entries; e++) begin : g_entry
    logic we;
    assign we = reg_we_i && ent_hit && 32'(ent_idx) == e && !locked && !elock_q[e];
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        base_q[e*30 +: 30]  <= 30'd0;
        limit_q[e*30 +: 30] <= 30'd0;
        r_q[e]              <= 1'b0;
        w_q[e]              <= 1'b0;
        elock_q[e]          <= 1'b0;
        mst_q[e*3 +: 3]     <= 3'd0;
      end else if (we) begin
        unique case (ent_reg)
          RegBase:  base_q[e*30 +: 30]  <= reg_wdata_i[31:2];
          RegLimit: limit_q[e*30 +: 30] <= reg_wdata_i[31:2];
          RegCfg: begin
            r_q[e]          <= reg_wdata_i[CfgR];
            w_q[e]          <= reg_wdata_i[CfgW];
            elock_q[e]      <= reg_wdata_i[CfgLock];
            mst_q[e*3 +: 3] <= reg_wdata_i[CfgMst +: 3];
          end
          default: ;
        endcase
      end
    end
  end

  // Lane 0 is in every beat (its byte enables do not matter), and
  // the DMA's addresses are word addresses.
  logic unused;
  assign unused = ^{dma_addr_i[1:0], dma_be_i[3:0]};

endmodule

`default_nettype wire
