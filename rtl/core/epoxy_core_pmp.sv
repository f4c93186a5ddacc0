// SPDX-License-Identifier: Apache-2.0
// Epoxy core: physical memory protection check (one port).
//
// Decides whether one access is allowed, exactly as the reference ISS (sw/iss/pmp.cpp):
// PmpEntries (0, 4, 8 or 16; the ISS has 16) entries, OFF/TOR/NA4/NAPOT, the lowest-
// numbered matching entry decides, M-mode is checked only against locked entries and is
// allowed when nothing matches, U-mode is denied when nothing matches (with no entries at
// all every access is allowed, as the privileged spec says). The core has one instance,
// time-shared between fetch and data accesses, always on registered addresses; the
// configuration is held in epoxy_core_csr. TOR entries share their comparators: entry i's
// lower bound test is the complement of entry i-1's upper bound test. Granularity is 4
// bytes and every access it is asked about is a naturally aligned word or smaller within
// one word (fetches are whole words, misaligned data accesses trap before this check), so
// every region either contains all bytes of the access or none and the check works on
// word addresses: the ISS's "partial match fails" rule can never apply. It deliberately
// holds no state.
`default_nettype none

module epoxy_core_pmp #(
  parameter int unsigned PmpEntries = 16  // 0, 4, 8 or 16 (0: one all-zero entry in the ports)
) (
  input  logic [8*((PmpEntries == 0) ? 1 : PmpEntries)-1:0]  cfg_i,   // pmpcfg, entry 0 lowest
  input  logic [32*((PmpEntries == 0) ? 1 : PmpEntries)-1:0] addr_i,  // pmpaddr (bits 33:2)
  input  logic [31:0]                                  acc_addr_i,
  input  epoxy_core_pkg::access_e                      acc_type_i,
  input  epoxy_core_pkg::priv_e                        priv_i,
  output logic                                         allow_o
);

  localparam int unsigned N = (PmpEntries == 0) ? 1 : PmpEntries;

  // The access as a 34-bit physical word address: bits 33:32 of a 32-bit address are 0.
  logic [31:0] word;
  assign word = {2'b00, acc_addr_i[31:2]};

  logic unused_low_bits;
  assign unused_low_bits = ^acc_addr_i[1:0];

  // One entry's match and permission, as functions so that simulation evaluates only the
  // test of the entry's mode (OFF entries cost nothing). base is pmpaddr[i-1], the lower
  // bound of a TOR entry (first: entry 0, whose lower bound is address 0). Identical
  // comparisons of neighbouring entries are shared in synthesis.
  function automatic logic entry_match(logic [1:0] mode, logic [31:0] w, logic [31:0] pa,
                                       logic [31:0] base, logic first);
    logic [31:0] napot_mask;
    // k trailing ones in pmpaddr: the region is 2^(k+1) words; pmpaddr ^ (pmpaddr + 1)
    // has exactly the low k+1 bits set.
    napot_mask = pa ^ (pa + 32'd1);
    unique case (mode)
      epoxy_core_pkg::PmpTor:   entry_match = (first || !(w < base)) && (w < pa);
      epoxy_core_pkg::PmpNa4:   entry_match = (w == pa);
      epoxy_core_pkg::PmpNapot: entry_match = ((w & ~napot_mask) == (pa & ~napot_mask));
      default:                  entry_match = 1'b0;
    endcase
  endfunction

  // locked: pmpcfg.L; xwr: pmpcfg.X, W, R.
  function automatic logic entry_perm(logic locked, logic [2:0] xwr, epoxy_core_pkg::access_e acc,
                                      epoxy_core_pkg::priv_e priv);
    if ((priv == epoxy_core_pkg::PrivM) && !locked) begin
      entry_perm = 1'b1;  // unlocked entries do not bind M-mode
    end else begin
      unique case (acc)
        epoxy_core_pkg::AccFetch: entry_perm = xwr[2];
        epoxy_core_pkg::AccLoad:  entry_perm = xwr[0];
        epoxy_core_pkg::AccStore: entry_perm = xwr[1];
        default:                  entry_perm = 1'b0;
      endcase
    end
  endfunction

  logic unused_cfg;  // bits 6:5 of each entry are reserved and always written as 0
  always_comb begin
    unused_cfg = 1'b0;
    for (int i = 0; i < N; i++) unused_cfg = unused_cfg ^ (^cfg_i[8*i + 5 +: 2]);
  end

  // The search can only change the answer when some entry is on and the access is not an
  // M-mode one with no entry locked (unlocked entries allow M-mode whether they match or
  // not). Testing that first costs two masked reductions; in simulation it skips the
  // per-entry search for the common case (M-mode firmware, PMP unused or unlocked).
  localparam logic [8*N-1:0] ModeBits   = {N{8'h18}};  // pmpcfg.A of every entry
  localparam logic [8*N-1:0] LockedBits = {N{8'h80}};  // pmpcfg.L of every entry
  logic search;
  assign search = ((cfg_i & ModeBits) != '0) &&
                  ((priv_i != epoxy_core_pkg::PrivM) || ((cfg_i & LockedBits) != '0));

  // Lowest-numbered match decides: entries are tried from entry 0 up, and the first match
  // ends the search.
  logic found, found_perm;
  always_comb begin
    found      = 1'b0;
    found_perm = 1'b0;
    if (search) begin
      for (int i = 0; i < N; i++) begin
        if (!found && entry_match(cfg_i[8*i + 3 +: 2], word, addr_i[32*i +: 32],
                                  addr_i[32*((i == 0) ? 0 : i - 1) +: 32], i == 0)) begin
          found      = 1'b1;
          found_perm = entry_perm(cfg_i[8*i + 7], cfg_i[8*i +: 3], acc_type_i, priv_i);
        end
      end
    end
    if ((PmpEntries != 0) && found) begin
      allow_o = found_perm;
    end else begin
      allow_o = (priv_i == epoxy_core_pkg::PrivM) || (PmpEntries == 0);
    end
  end

endmodule

`default_nettype wire
