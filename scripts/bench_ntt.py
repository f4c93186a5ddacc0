#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# NTT coprocessor benchmark (`make bench`, after scripts/bench_core.cmake): builds and runs the
# cycle benchmark programs epoxy_ntt_perf_p1/p2/p4/p8 (one 32-bit DMA lane) and
# epoxy_ntt_perf_p4_l4/p8_l4 (four lanes; P = 4 with four lanes is the SoC's block)
# (tests/ntt/ntt_perf.cpp, the Verilated block driven through the C++ driver, every result
# checked against the golden model), runs the ntt-demo firmware on epoxy-sim for the glue
# overhead, and merges everything into one JSON:
#   rows            per (P, lanes, field, variant, N, op): busy, DMA, compute = busy - DMA, cold
#                   busy, the butterfly limit (N/2) log2(N) / P and the utilisations
#   utilisation     per configuration, the minimum compute utilisation over the transforms with
#                   N >= 1024 against the 90% target, and the minimum with data movement
#   lanes           one lane against four for the P measured both ways: busy cycles and
#                   utilisation with data movement per field and N (NTT_FWD)
#   speedup         the core benchmark's ntt1024 kernel (BabyBear forward + inverse, N = 1024,
#                   cycles from core.json) over the block's NTT_FWD + NTT_INV busy cycles
#   glue            ntt-demo's rows (kyber, dilithium, lde = the chained list) against 5%
# then prints markdown tables and writes the plot (scripts/plot_ntt_bench.py) next to the JSON.
#
#   python3 scripts/bench_ntt.py [--build build] [--out build/bench/ntt.json] [--jobs 2]
#                                [--core-json build/bench/core.json] [--no-build]
#
# Python 3 standard library only. Exit 0 when every result matched the model and every program
# ran; the targets' pass/fail is reported, not turned into an exit code.
import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import plot_ntt_bench  # noqa: E402  (same directory)

PS = (1, 2, 4, 8)                 # one DMA lane
WIDE = ((4, 4), (8, 4))           # (P, lanes) measured with a wider DMA
CONFIGS = [(p, 1) for p in PS] + list(WIDE)
SOC_DMA_LANES = 4                 # epoxy_soc's NttDmaLanes in epoxy-sim (rtl/soc/CMakeLists.txt)


def prog_name(p, lanes):
    return f"epoxy_ntt_perf_p{p}" + ("" if lanes == 1 else f"_l{lanes}")
UTIL_TARGET = 0.90
UTIL_MIN_N = 1024
GLUE_TARGET_PERCENT = 5.0
CHAINED_JOB = "lde"
DEMO_ROW = re.compile(
    r"^(kyber|dilithium|lde)\s+(\d+)\s+(\d+) cyc\s+(\d+) cyc\s+([\d.]+)x\s+glue\s+([\d.]+)%\s+"
    r"(PASS|FAIL)\s*$", re.M)


def fail(msg):
    sys.exit("bench_ntt: " + msg)


def run(cmd, what):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        fail(f"{what} failed (exit {r.returncode}): {' '.join(cmd)}\n{r.stdout[-4000:]}"
             f"{r.stderr[-4000:]}")
    return r


def pct(x):
    return "-" if x is None else f"{100 * x:.1f}%"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", default="build")
    ap.add_argument("--out", default=None)
    ap.add_argument("--core-json", default=None)
    ap.add_argument("--jobs", default="2")
    ap.add_argument("--no-build", action="store_true")
    a = ap.parse_args()
    build = a.build
    out = a.out or os.path.join(build, "bench", "ntt.json")
    core_json = a.core_json or os.path.join(build, "bench", "core.json")
    out_dir = os.path.dirname(out) or "."
    os.makedirs(out_dir, exist_ok=True)
    t0 = time.time()

    if not a.no_build:
        print("bench_ntt: building epoxy_ntt_perf_p{1,2,4,8} and _p{4,8}_l4 (the first time, or "
              "after an RTL change, five Verilated configurations: minutes)", flush=True)
        run(["cmake", "--build", build, "--target", "epoxy_ntt_perf", "-j", str(a.jobs)],
            "building the NTT benchmark")

    # ---- The block: one program per configuration ----
    rows, configs = [], []
    for p, lanes in CONFIGS:
        name = prog_name(p, lanes)
        prog = os.path.join(build, "bin", name)
        part = os.path.join(out_dir, name.replace("epoxy_ntt_perf_", "ntt-") + ".json")
        t = time.time()
        run([prog, "--out", part], name)
        with open(part) as f:
            doc = json.load(f)
        if not doc["all_verified"]:
            fail(f"{prog}: not every result matched the model")
        configs.append(dict(doc["config"], program=doc["program"],
                            seconds=round(time.time() - t, 1)))
        rows.extend(doc["rows"])

    def find(p, field, variant, n, op, lanes=1):
        for r in rows:
            if (r["p"], r["lanes"], r["field"], r["variant"], r["n"], r["op"]) == \
                    (p, lanes, field, variant, n, op):
                return r
        fail(f"no row P={p} lanes={lanes} {field} {variant} N={n} {op}")

    # ---- Utilisation summary ----
    util = []
    for p, lanes in CONFIGS:
        big = [r for r in rows if r["p"] == p and r["lanes"] == lanes and r["limit"] is not None
               and r["n"] >= UTIL_MIN_N]
        worst = min(big, key=lambda r: r["util_compute"])
        worst_dma = min(big, key=lambda r: r["util_with_dma"])
        util.append({
            "p": p, "lanes": lanes,
            "min_util_compute": worst["util_compute"],
            "at": {k: worst[k] for k in ("field", "variant", "n", "op")},
            "min_util_with_dma": worst_dma["util_with_dma"],
            "at_with_dma": {k: worst_dma[k] for k in ("field", "variant", "n", "op")},
            "target": UTIL_TARGET,
            "pass": worst["util_compute"] >= UTIL_TARGET,
        })

    # ---- Speedup over the software NTT (core benchmark, ntt1024) ----
    if not os.path.exists(core_json):
        fail(f"{core_json} does not exist (the core benchmark writes it: make bench)")
    with open(core_json) as f:
        core = json.load(f)
    kernel = next((k for k in core["kernels"] if k["name"] == "ntt1024"), None)
    if kernel is None:
        fail(f"no ntt1024 kernel in {core_json}")
    speedup = {"software": {"kernel": "ntt1024", "cycles": kernel["cycles"],
                            "what": kernel.get("what", ""), "simulator": core.get("simulator"),
                            "source": core_json},
               "block": []}
    for p, lanes in CONFIGS:
        fwd = find(p, "BabyBear", "Cyclic", 1024, "NTT_FWD", lanes)
        inv = find(p, "BabyBear", "Cyclic", 1024, "NTT_INV", lanes)
        hw = fwd["busy"] + inv["busy"]
        hw_cold = fwd["cold_busy"] + inv["cold_busy"]
        speedup["block"].append({
            "p": p, "lanes": lanes, "fwd_busy": fwd["busy"], "inv_busy": inv["busy"], "cycles": hw,
            "speedup": round(kernel["cycles"] / hw, 1),
            "cold_cycles": hw_cold, "speedup_cold": round(kernel["cycles"] / hw_cold, 1)})

    # ---- One DMA lane against more (NTT_FWD, warm) ----
    lane_rows = []
    for p, lanes in WIDE:
        for r in rows:
            if r["p"] != p or r["lanes"] != 1 or r["op"] != "NTT_FWD" or r["limit"] is None:
                continue
            w = find(p, r["field"], r["variant"], r["n"], "NTT_FWD", lanes)
            lane_rows.append({
                "p": p, "lanes": lanes, "field": r["field"], "variant": r["variant"],
                "n": r["n"], "busy_1": r["busy"], "dma_1": r["dma"],
                "util_with_dma_1": r["util_with_dma"], "busy_l": w["busy"], "dma_l": w["dma"],
                "util_with_dma_l": w["util_with_dma"], "util_compute_l": w["util_compute"],
                "speedup": round(r["busy"] / w["busy"], 2)})

    # ---- Glue overhead of the chained demo (ntt-demo on epoxy-sim) ----
    sim = os.path.join(build, "bin", "epoxy-sim")
    elf = os.path.join(build, "firmware", "bin", "ntt-demo.elf")
    for f in (sim, elf):
        if not os.path.exists(f):
            fail(f"{f} does not exist (build first: make build)")
    demo = run([sim, elf], "ntt-demo on epoxy-sim").stdout
    m = re.search(r"block: P = (\d+) butterflies", demo)
    glue_rows = []
    for g in DEMO_ROW.finditer(demo):
        glue_rows.append({
            "job": g[1], "n": int(g[2]), "software_cycles": int(g[3]),
            "coprocessor_cycles": int(g[4]), "speedup": float(g[5]),
            "glue_percent": float(g[6]), "result": g[7],
            "chained": g[1] == CHAINED_JOB,
            "pass": g[7] == "PASS" and float(g[6]) < GLUE_TARGET_PERCENT})
    if sorted(r["job"] for r in glue_rows) != ["dilithium", "kyber", "lde"]:
        fail(f"ntt-demo printed no kyber/dilithium/lde rows:\n{demo}")
    if any(r["result"] != "PASS" for r in glue_rows):
        fail(f"an ntt-demo job failed:\n{demo}")
    chained = next(r for r in glue_rows if r["chained"])
    glue = {"program": elf, "simulator": sim, "block_p": int(m[1]) if m else None,
            "block_dma_lanes": SOC_DMA_LANES,
            "target_percent": GLUE_TARGET_PERCENT, "chained_job": CHAINED_JOB,
            "chained_pass": chained["pass"], "rows": glue_rows}

    # Provenance: the commit and whether the block's RTL differs from it (read-only git).
    source = {}
    try:
        root = os.path.dirname(HERE)
        source["commit"] = subprocess.run(
            ["git", "-C", root, "rev-parse", "HEAD"], stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True, check=True).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", root, "diff", "--name-only", "HEAD", "--", "accel"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True).stdout
        source["accel_changed_since_commit"] = changed.split()
    except (OSError, subprocess.CalledProcessError):
        pass

    doc = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
        "what": "NTT coprocessor (epoxy_ntt_top) cycles per descriptor, Verilated, driven "
                "from the host through epoxy::AccelShell and epoxy/ntt.h; busy = PERF_BUSY, "
                "dma = PERF_DMA, compute = busy - dma, warm twiddle table (cold_* = first run "
                "after another field's table); limit = (N/2) log2(N) / P ((N/2)(log2(N)-1)/P "
                "Incomplete); util_with_dma = limit / busy, util_compute = limit / compute",
        "source": source,
        "configs": configs,
        "targets": {
            "utilisation_compute_min": UTIL_TARGET, "utilisation_min_n": UTIL_MIN_N,
            "utilisation_pass": all(u["pass"] for u in util),
            "glue_percent_max": GLUE_TARGET_PERCENT, "glue_chained_pass": chained["pass"],
        },
        "utilisation": util,
        "lanes": lane_rows,
        "speedup": speedup,
        "glue": glue,
        "rows": rows,
        "seconds": round(time.time() - t0, 1),
    }
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    svg = os.path.join(out_dir, "ntt-bench.svg")
    plot_ntt_bench.write_svg(doc, svg)

    # ---- Tables ----
    print("\nNTT_FWD busy cycles (warm) and utilisation without / with data movement "
          "(NTT_INV: the same cycles)\n")
    hdr = "| field | variant | N |" + "".join(f" P={p} cycles | P={p} util |" for p in PS)
    print(hdr)
    print("|---|---|---:|" + "---:|---:|" * len(PS))
    for r in rows:
        if r["p"] != PS[0] or r["lanes"] != 1 or r["op"] != "NTT_FWD":
            continue
        cells = ""
        for p in PS:
            x = find(p, r["field"], r["variant"], r["n"], "NTT_FWD")
            cells += f" {x['busy']} | {pct(x['util_compute'])} / {pct(x['util_with_dma'])} |"
        print(f"| {r['field']} | {r['variant']} | {r['n']} |{cells}")
    print("\n| P | DMA lanes | min util w/o data movement, N >= 1024 | at | target 90% | "
          "min util with data movement |")
    print("|---:|---:|---:|---|---|---:|")
    for u in util:
        at = u["at"]
        print(f"| {u['p']} | {u['lanes']} | {pct(u['min_util_compute'])} | {at['field']} "
              f"{at['variant']} N={at['n']} {at['op']} | {'pass' if u['pass'] else 'FAIL'} | "
              f"{pct(u['min_util_with_dma'])} |")
    print("\nOne DMA lane against four: NTT_FWD busy cycles (DMA cycles) and utilisation with "
          "data movement\n")
    print("| P | field | variant | N | 1 lane | util | 4 lanes | util | faster |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for x in lane_rows:
        print(f"| {x['p']} | {x['field']} | {x['variant']} | {x['n']} | {x['busy_1']} "
              f"({x['dma_1']}) | {pct(x['util_with_dma_1'])} | {x['busy_l']} ({x['dma_l']}) | "
              f"{pct(x['util_with_dma_l'])} | {x['speedup']}x |")
    print(f"\nSpeedup over the software NTT (ntt1024: BabyBear forward + inverse, N = 1024, "
          f"{kernel['cycles']} cycles on {core.get('simulator')})\n")
    print("| P | DMA lanes | NTT_FWD + NTT_INV cycles | speedup | cold (table generated) | "
          "speedup |")
    print("|---:|---:|---:|---:|---:|---:|")
    for s in speedup["block"]:
        print(f"| {s['p']} | {s['lanes']} | {s['cycles']} | {s['speedup']}x | "
              f"{s['cold_cycles']} | {s['speedup_cold']}x |")
    print(f"\nntt-demo on epoxy-sim (block P = {glue['block_p']}, {SOC_DMA_LANES} DMA lanes): "
          f"glue overhead, target "
          f"< {GLUE_TARGET_PERCENT:g}% for the chained list ({CHAINED_JOB})\n")
    print("| job | N | software cycles | coprocessor cycles | speedup | glue | < 5% |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for g in glue_rows:
        print(f"| {g['job']}{' (chained)' if g['chained'] else ''} | {g['n']} | "
              f"{g['software_cycles']} | {g['coprocessor_cycles']} | {g['speedup']}x | "
              f"{g['glue_percent']}% | {'pass' if g['pass'] else 'no'} |")
    print(f"\nutilisation target (>= 90% w/o data movement, N >= 1024, every P): "
          f"{'pass' if doc['targets']['utilisation_pass'] else 'FAIL'}; glue target "
          f"(chained list < 5%): {'pass' if chained['pass'] else 'FAIL'}")
    print(f"written: {out}, {svg} ({doc['seconds']} s)")


if __name__ == "__main__":
    main()
