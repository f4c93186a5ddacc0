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

  logic [N-1:0] match;
  logic [N-1:0] perm;
  logic [N-1:0] below;  // the access is below pmpaddr[i]

  for (genvar i = 0; i < N; i++) begin : g_entry
    logic [31:0] napot_mask;
    logic        ge_base, lt_top;
    logic [1:0]  mode;  // pmpcfg.A, values of epoxy_core_pkg::pmp_mode_e
    logic [7:0]  cfg;
    logic [31:0] pmpaddr;
    assign cfg     = cfg_i[8*i +: 8];
    assign pmpaddr = addr_i[32*i +: 32];

    logic unused_cfg;  // bits 6:5 are reserved and always written as 0
    assign unused_cfg = ^cfg[6:5];

    assign mode = cfg[4:3];
    // TOR: entry 0's lower bound is address 0, which every access is above.
    if (i == 0) begin : g_first
      assign ge_base = 1'b1;
    end else begin : g_rest
      assign ge_base = !below[i-1];
    end
    // k trailing ones in pmpaddr: the region is 2^(k+1) words; pmpaddr ^ (pmpaddr + 1)
    // has exactly the low k+1 bits set.
    assign napot_mask = pmpaddr ^ (pmpaddr + 32'd1);
    assign below[i] = (word < pmpaddr);
    assign lt_top   = below[i];

    always_comb begin
      unique case (mode)
        epoxy_core_pkg::PmpTor:   match[i] = ge_base && lt_top;
        epoxy_core_pkg::PmpNa4:   match[i] = (word == pmpaddr);
        epoxy_core_pkg::PmpNapot: match[i] = ((word & ~napot_mask) == (pmpaddr & ~napot_mask));
        default:                  match[i] = 1'b0;
      endcase
    end

    always_comb begin
      if ((priv_i == epoxy_core_pkg::PrivM) && !cfg[7]) begin
        perm[i] = 1'b1;  // unlocked entries do not bind M-mode
      end else begin
        unique case (acc_type_i)
          epoxy_core_pkg::AccFetch: perm[i] = cfg[2];
          epoxy_core_pkg::AccLoad:  perm[i] = cfg[0];
          epoxy_core_pkg::AccStore: perm[i] = cfg[1];
          default:                  perm[i] = 1'b0;
        endcase
      end
    end
  end

  // Lowest-numbered match decides, as a balanced tree (heap order, leaf N + i is entry i):
  // each node holds "some entry below matches" and the permission of the lowest match.
  logic [2*N-1:0] tree_m, tree_p;
  always_comb begin
    tree_m = '0;
    tree_p = '0;
    for (int i = 0; i < N; i++) begin
      tree_m[N + i] = match[i];
      tree_p[N + i] = perm[i];
    end
    for (int k = N - 1; k >= 1; k--) begin
      tree_m[k] = tree_m[2*k] || tree_m[2*k + 1];
      tree_p[k] = tree_m[2*k] ? tree_p[2*k] : tree_p[2*k + 1];
    end
    if ((PmpEntries != 0) && tree_m[1]) begin
      allow_o = tree_p[1];
    end else begin
      allow_o = (priv_i == epoxy_core_pkg::PrivM) || (PmpEntries == 0);
    end
  end

  logic unused_tree;
  assign unused_tree = tree_m[0] ^ tree_p[0];

endmodule

`default_nettype wire
