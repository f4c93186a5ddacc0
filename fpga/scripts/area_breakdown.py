# SPDX-License-Identifier: Apache-2.0
"""Per-block area of a hierarchical (synth_* -noflatten) Yosys netlist.

    python3 area_breakdown.py STAT.json TOP [--device-luts N] > area_breakdown.txt

STAT.json is `stat -json` of a design synthesised with -noflatten. Every block is listed
with its own cells and its total (own + the blocks inside it), indented by depth, with the
LUT4 (SB_LUT4 / LUT4), carry, flip-flop, block RAM and DSP counts. Cross-module optimisation
does not happen with -noflatten, so the sum is somewhat above a flat synthesis's figure.
"""
import argparse
import json
import re


def load_modules(path):
    """The "modules" object of `stat -json`. Yosys 0.23 writes the design hierarchy after it
    as plain text (not JSON) when the design is hierarchical, so decode only that object."""
    text = open(path).read()
    start = text.index("{", text.index('"modules"'))
    mods = json.JSONDecoder().raw_decode(text, start)[0]
    # Module keys carry Yosys's leading backslash for plain names; cell types do not.
    return {(n[1:] if n.startswith("\\") else n): m for n, m in mods.items()}


def kinds(cells):
    """Counts by kind from a num_cells_by_type dict (iCE40 or ECP5 primitives)."""
    k = {"lut4": 0, "carry": 0, "ff": 0, "bram": 0, "spram": 0, "dsp": 0}
    for t, n in cells.items():
        if t in ("SB_LUT4", "LUT4"):
            k["lut4"] += n
        elif t in ("SB_CARRY", "CCU2C"):
            k["carry"] += n
        elif t.startswith("SB_DFF") or t == "TRELLIS_FF":
            k["ff"] += n
        elif t in ("SB_RAM40_4K", "DP16KD", "PDPW16KD"):
            k["bram"] += n
        elif t == "SB_SPRAM256KA":
            k["spram"] += n
        elif t in ("SB_MAC16", "MULT18X18D"):
            k["dsp"] += n
    return k


def pretty(name):
    """$paramod$hash\\epoxy_x or $paramod\\epoxy_x\\P=... -> epoxy_x (P=...)."""
    m = re.match(r"\$paramod(\$[0-9a-f]+)?\\([^\\]+)(.*)", name)
    if not m:
        return name
    params = m.group(3).replace("\\", " ")
    params = re.sub(r"32'([01]+)", lambda v: str(int(v.group(1), 2)), params)
    return m.group(2) + (" (" + params.strip() + ")" if params.strip() else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("stat")
    ap.add_argument("top")
    ap.add_argument("--device-luts", type=int, default=None)
    args = ap.parse_args()
    mods = load_modules(args.stat)
    own = {}
    subs = {}
    for name, m in mods.items():
        cells = m.get("num_cells_by_type", {})
        own[name] = kinds(cells)
        subs[name] = {t: n for t, n in cells.items() if t in mods}
    total = {}

    def tot(name):
        if name not in total:
            t = dict(own[name])
            for s, n in subs[name].items():
                st = tot(s)
                for k in t:
                    t[k] += n * st[k]
            total[name] = t
        return total[name]

    top = next((n for n in mods if n == args.top or n.endswith("\\" + args.top)), args.top)
    rows = []

    def walk(name, depth, count):
        t = tot(name)
        label = "  " * depth + pretty(name) + (f" x{count}" if count > 1 else "")
        rows.append((label, t, own[name]))
        for s, n in sorted(subs[name].items(), key=lambda kv: -tot(kv[0])["lut4"] * kv[1]):
            walk(s, depth + 1, n)

    walk(top, 0, 1)
    w = max(len(r[0]) for r in rows) + 2
    hdr = f"{'block (total per instance, x count)':<{w}}{'LUT4':>7}{'own':>7}{'carry':>7}{'FF':>7}{'BRAM':>6}{'SPRAM':>6}{'DSP':>5}"
    print(hdr)
    print("-" * len(hdr))
    for label, t, o in rows:
        print(f"{label:<{w}}{t['lut4']:>7}{o['lut4']:>7}{t['carry']:>7}{t['ff']:>7}"
              f"{t['bram']:>6}{t['spram']:>6}{t['dsp']:>5}")
    if args.device_luts:
        luts = tot(top)["lut4"]
        print(f"\nLUT4 {luts} of {args.device_luts} ({100.0 * luts / args.device_luts:.0f} %): "
              + ("fits" if luts <= args.device_luts else f"over by {luts - args.device_luts}"))
    print("('own' = LUT4 in the block itself, outside its sub-blocks; x count = instances, the "
          "row gives one.)")


if __name__ == "__main__":
    main()
