#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Prove that each RTL file's synthesis form and simulation form are the same logic.

Several RTL files carry two forms of the same logic under `ifdef SYNTHESIS: the form Yosys
synthesises for the FPGA and a form Verilator evaluates faster (docs/epoxy-sim.md,
"Simulation speed"). Every simulation test runs the second form, every bitstream the first.
This script proves, with Yosys, that the two readings of the current file (read_verilog -sv,
which defines SYNTHESIS, against read_verilog -sv -nosynthesis) are equivalent, for every
parameter set in CHECKS below (the values the project builds). One ctest per module,
equiv.<module> (tests/equiv/CMakeLists.txt); equiv.coverage fails when a file under rtl/ or
accel/ has a SYNTHESIS form that no check covers, equiv.selftest when a check accepts an
edited simulation form.

Kinds of check (per module, in CHECKS):

  induction      A complete proof (every cycle, forever) from the start state simulation and
                 FPGA share: registers zero (Verilator --x-initial fast, the FPGA's power-up)
                 and reset low in the first cycle. Ports, registers and memory words with the
                 same name in both forms are paired (equiv_make; every other signal name is
                 hidden first, so intermediate signals computed differently are not paired).
                 Base case: every pair is equal in cycles 1..BASE from that start state
                 (equiv_miter -trigger, sat -seq BASE). Induction step: pairs equal in N
                 consecutive cycles are equal in the next (equiv_simple -short -seq N, then
                 equiv_induct -seq N for what is left). BASE >= N makes the two a proof for
                 all cycles; BASE = N + 1 here. A form may keep registers the other has not
                 (the counter as one 64-bit register instead of two halves, the crossbar's
                 responses routed by master): they are not paired, and the induction closes
                 when the paired signals pin them down within N cycles. Registers paired by
                 name must hold equal values, which is stricter than equal outputs.
  combinational  No registers: equiv_simple proves every output for all inputs.
  bounded        Not a proof for all cycles: a miter of the two forms, outputs equal in the
                 first BASE cycles from the start state above (sat -seq BASE). For a pair of
                 forms whose induction does not close; no module needs it today.

Before the proofs, identical cells of the two forms are merged (opt_merge: the logic the
forms share), which keeps the SAT problems small; asynchronous resets are modelled by
async2sync (the reset value visible in the cycle the reset is low).

Modules whose inputs have a contract get a harness (tests/equiv/harness/) that applies it to
both forms alike. A module's check reads its dependencies (packages, submodules) in their
synthesis form on both sides; those have their own checks (epoxy_core_counter, epoxy_core_pkg),
so each file's pair of forms is proven on its own and the whole design follows.

  equiv_check.py MODULE [--work DIR]     run one module's check (what ctest runs)
  equiv_check.py MODULE --params N       only parameter set N (0-based)
  equiv_check.py MODULE --mutate A B     check a copy of the module's file (in the work
                                         directory) with text A replaced by B
  equiv_check.py --coverage              every SYNTHESIS form is covered by a check
  equiv_check.py --selftest              the edits in SELFTEST are each rejected
  equiv_check.py --list                  the module names (CMake reads them)

The generated Yosys scripts stay in the work directory (<module>.<n>.ys and .log; by default
build/equiv-work/<module>, under ctest <build>/tests/equiv/<module>), so one check can be
rerun by hand: yosys -l x.log <work>/<module>.<n>.ys
"""
import argparse
import pathlib
import re
import resource
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent

PKG = "rtl/core/epoxy_core_pkg.sv"
MAP_PKG = "rtl/soc/epoxy_soc_map_pkg.sv"


def xbar_soc(banks):
    """epoxy_soc's crossbar parameters for SramBanks = banks (rtl/soc/epoxy_soc.sv): slaves
    ROM, the banks, the device page, the NTT; master 0 (data) reaches every slave, master 1
    (instructions, read-only) the memories only."""
    slaves = banks + 3
    mem = (1 << (1 + banks)) - 1
    reach = (mem << slaves) | ((1 << slaves) - 1)
    return {"NumMasters": 2, "NumSlaves": slaves,
            "Reach": f"{2 * slaves}'h{reach:x}", "ReadOnly": "2'b10"}


# Per module: top (the module, or its harness), target (the file whose two forms are
# compared: read with -nosynthesis for the simulation form), files (in read order; all but
# the target are read alike on both sides), params (parameter sets, chparam on top), kind
# (see above), n (induction step depth), base (cycles of the base case or bounded check),
# reset (the active-low reset input, low in cycle 1; None without one), memory (map
# memories to one register per word).
CHECKS = {
    "epoxy_core_pkg": {
        # csr_in_range: bit-by-bit range test (LUTs, not carry chains) vs two comparisons.
        "top": "equiv_env_pkg",
        "target": PKG,
        "files": [PKG, "tests/equiv/harness/equiv_env_pkg.sv"],
        "params": [{}],
        "kind": "combinational",
    },
    "epoxy_core_alu": {
        # One adder and one shifter with bit reversal vs plain operators. Shifter 0: the small
        # iCE40 core (MulCycles 2 -> ShiftViaMul); 1: every other build.
        "top": "epoxy_core_alu",
        "target": "rtl/core/epoxy_core_alu.sv",
        "files": [PKG, "rtl/core/epoxy_core_alu.sv"],
        "params": [{"Shifter": 1}, {"Shifter": 0}],
        "kind": "combinational",
    },
    "epoxy_core_counter": {
        # Two 32-bit halves with a carry vs one 64-bit register (not paired by name: the
        # output is the whole state, so the induction pins it down in one cycle).
        "top": "equiv_env_counter",
        "target": "rtl/core/epoxy_core_counter.sv",
        "files": ["rtl/core/epoxy_core_counter.sv", "tests/equiv/harness/equiv_env_counter.sv"],
        "params": [{}],
        "kind": "induction", "n": 1, "base": 2, "reset": "rst_ni",
    },
    "epoxy_core_regfile": {
        # Read registers with zero/forward flags vs read registers holding the result (not
        # paired: a read output holds until the next capture, which rewrites it from the
        # paired storage). PortC 0: the small iCE40 core (EarlyAddr 0).
        "top": "epoxy_core_regfile",
        "target": "rtl/core/epoxy_core_regfile.sv",
        "files": ["rtl/core/epoxy_core_regfile.sv"],
        "params": [{"PortC": 1}, {"PortC": 0}],
        "kind": "induction", "n": 1, "base": 2, "reset": None, "memory": True,
    },
    "epoxy_core_divider": {
        # The restoring steps evaluated always vs only while dividing. StepsPerCycle 3: the
        # default; 1: the small iCE40 core; 11: the third value the divider allows.
        "top": "epoxy_core_divider",
        "target": "rtl/core/epoxy_core_divider.sv",
        "files": [PKG, "rtl/core/epoxy_core_divider.sv"],
        "params": [{"StepsPerCycle": 3}, {"StepsPerCycle": 1}, {"StepsPerCycle": 11}],
        "kind": "induction", "n": 1, "base": 2, "reset": "rst_ni",
    },
    "epoxy_core_csr": {
        # PMP write rules as per-entry loops vs per addressed entry, for the trace value too.
        # PmpEntries 16 with HpmCounters 1: the default (simulators, OrangeCrab, ULX3S); 0 and
        # 0: the iCEBreaker; 4: soc.synth_no_latches (8, allowed but built nowhere, is left out
        # for time). The package and the counter are read in their synthesis form (own checks).
        "top": "epoxy_core_csr",
        "target": "rtl/core/epoxy_core_csr.sv",
        "files": [PKG, "rtl/core/epoxy_core_counter.sv", "rtl/core/epoxy_core_csr.sv"],
        "params": [{"PmpEntries": 16, "HpmCounters": 1}, {"PmpEntries": 0, "HpmCounters": 0},
                   {"PmpEntries": 4, "HpmCounters": 1}],
        "kind": "induction", "n": 1, "base": 2, "reset": "rst_ni",
    },
    "epoxy_soc_timer": {
        # mtime in two halves with a carry vs one 64-bit increment; mtime >= mtimecmp as the
        # carry of a 65-bit sum vs a comparison.
        "top": "epoxy_soc_timer",
        "target": "rtl/soc/epoxy_soc_timer.sv",
        "files": [MAP_PKG, "rtl/soc/epoxy_soc_timer.sv"],
        "params": [{}],
        "kind": "induction", "n": 1, "base": 2, "reset": "rst_ni",
    },
    "epoxy_soc_ram": {
        # Per-byte-lane writes vs one masked word. Words only sets the address width (the same
        # logic per word), so a 4-word memory stands for the banks and the ROM; Writable 1:
        # SRAM banks, 0: the boot ROM.
        "top": "epoxy_soc_ram",
        "target": "rtl/soc/epoxy_soc_ram.sv",
        "files": ["rtl/soc/epoxy_soc_ram.sv"],
        "params": [{"Words": 4, "Writable": 1}, {"Words": 4, "Writable": 0}],
        "kind": "induction", "n": 1, "base": 2, "reset": "rst_ni", "memory": True,
    },
    "epoxy_soc_xbar": {
        # Two masters: responses routed by slave (owner and pending per slave) vs by master
        # (granted slave per master), different registers (not paired). The SoC's crossbar
        # for SramBanks 4 (simulators, ECP5 boards), 2 and 1 (iCEBreaker), and the defaults.
        # (Three or more masters have no second form.)
        "top": "epoxy_soc_xbar",
        "target": "rtl/soc/epoxy_soc_xbar.sv",
        "files": ["rtl/soc/epoxy_soc_xbar.sv"],
        "params": [xbar_soc(4), xbar_soc(2), xbar_soc(1), {}],
        "kind": "induction", "n": 1, "base": 2, "reset": "rst_ni",
    },
    "epoxy_soc_dma_arb": {
        # The DMA beat's lanes evaluated always vs only while the DMA requests. Banks and
        # Lanes as epoxy_soc builds it with the NTT (Lanes = min(4, SramBanks)): 4/4 (the
        # simulators' SoC, tests/soc's unit test), 2/2 and 1/1 (the NTT with fewer banks).
        "top": "epoxy_soc_dma_arb",
        "target": "rtl/soc/epoxy_soc_dma_arb.sv",
        "files": ["rtl/soc/epoxy_soc_dma_arb.sv"],
        "params": [{"Banks": 4, "Lanes": 4}, {"Banks": 2, "Lanes": 2}, {"Banks": 1, "Lanes": 1}],
        "kind": "induction", "n": 1, "base": 2, "reset": "rst_ni",
    },
}

# Preprocessor uses of SYNTHESIS, for --coverage.
SYNTH_RE = re.compile(r"`(ifdef|ifndef|elsif)\s+SYNTHESIS\b")
SCAN_DIRS = ("rtl", "accel")
SCAN_EXT = (".sv", ".v", ".svh", ".vh")

# --selftest: edits of a simulation form that each check must reject (run on copies of the
# files in the work directory, one parameter set each). If the RTL changes so that a text is
# no longer found exactly once, pick another edit of that form.
SELFTEST = [
    ("epoxy_core_counter", "count_q <= count_q + 64'd1", "count_q <= count_q + 64'd2", 0),
    ("epoxy_core_pkg", "csr_in_range = (a >= lo)", "csr_in_range = (a > lo)", 0),
    ("epoxy_core_alu", "result_o = a_i - b_i;", "result_o = b_i - a_i;", 1),
    ("epoxy_soc_timer", "irq_timer_o    = mtime_q >= ~mtimecmp_n_q",
     "irq_timer_o    = mtime_q > ~mtimecmp_n_q", 0),
]

PREP = "proc; flatten; opt_clean"
# Memories as one register per word (equiv_make pairs the words), for checks with "memory"
MEMORY = "memory -nomap; memory_map; opt_clean"
# Register outputs and ports keep their names; every other wire gets an internal name, so
# that equiv_make pairs ports, registers and memory words only.
HIDE = """select -set keep t:$*dff* %x:+[Q] w:* %i
rename -hide w:* @keep %d x:* %d"""


def make_script(name, check, params, target_path):
    """The Yosys script of one check and parameter set."""
    top, kind, reset = check["top"], check["kind"], check.get("reset")
    label = " ".join(f"{k}={v}" for k, v in params.items()) or "defaults"
    lines = [f"# {name} [{label}]: {describe(check)}",
             "# Generated by tests/equiv/equiv_check.py; rerun with: yosys -l x.log <this file>"]
    for side, sim in (("gold", False), ("gate", True)):
        lines.append(f"# {side}: the {'simulation' if sim else 'synthesis'} form")
        for f in check["files"]:
            if f == check["target"]:
                lines.append(f"read_verilog -sv{' -nosynthesis' if sim else ''} {target_path}")
            else:
                lines.append(f"read_verilog -sv {ROOT / f}")
        if params:
            sets = " ".join(f"-set {k} {v}" for k, v in params.items())
            lines.append(f"chparam {sets} {top}")
        lines += [f"hierarchy -check -top {top}", PREP]
        if check.get("memory"):
            lines.append(MEMORY)
        if kind != "bounded":
            lines.append(HIDE)
        lines += [f"rename {top} {side}", f"design -stash {side}"]
    lines += ["design -copy-from gold -as gold gold", "design -copy-from gate -as gate gate"]
    if kind == "bounded":
        rst = f" -set-at 1 in_{reset} 0" if reset else ""
        lines += ["async2sync",
                  "miter -equiv -flatten -make_outcmp gold gate miter",
                  "hierarchy -top miter",
                  f"sat -verify -seq {check['base']} -set-init-zero{rst} -prove trigger 0"
                  " -show-ports -timeout 600 miter"]
        return "\n".join(lines) + "\n"
    lines += ["equiv_make gold gate equiv", "hierarchy -top equiv"]
    if kind == "combinational":
        lines.append("select -assert-none equiv/t:$*dff*")
    lines += ["# asynchronous resets as a multiplexer behind a plain flop (SAT, equiv_simple)",
              "async2sync", "dffunmap",
              "# identical cells of the two sides (the logic the forms share) merged: the same",
              "# function, fewer cells for SAT (and a port that is a register is one pair)",
              "opt_merge equiv", "opt_clean equiv",
              "# the pairs (ports, registers, memory words with the same name in both forms)",
              "select -count equiv/t:$equiv"]
    if kind == "induction":
        base, n = check["base"], check["n"]
        assert base >= n, f"{name}: the base case must cover the induction depth"
        rst = f" -set-at 1 {reset} 0" if reset else ""
        lines += [f"# base case: every pair equal in cycles 1..{base} from registers zero"
                  + (f" and {reset} low in cycle 1" if reset else ""),
                  "equiv_miter -trigger -cmp base equiv",
                  f"sat -verify -seq {base} -set-init-zero{rst} -prove trigger 0"
                  " -show-ports -timeout 600 base",
                  f"# induction step: pairs equal in {n} consecutive cycles are equal in the next",
                  f"equiv_simple -short -seq {n} equiv",
                  f"equiv_induct -seq {n} equiv",
                  "equiv_status -assert equiv"]
    else:
        lines += ["equiv_simple equiv", "equiv_status -assert equiv"]
    return "\n".join(lines) + "\n"


def describe(check):
    kind = check["kind"]
    if kind == "induction":
        return (f"induction (base case {check['base']} cycles from reset,"
                f" step depth {check['n']})")
    if kind == "bounded":
        return f"bounded ({check['base']} cycles from reset)"
    return "combinational"


ROW_RE = re.compile(r"^\s+(\d+|init) (\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$")


def explain_failure(text):
    """The interesting lines of a failing Yosys log: unproven pairs, or the base case's
    counterexample (inputs per cycle and the pairs that differ)."""
    out = []
    unproven = [l.strip() for l in text.splitlines() if "Unproven $equiv" in l]
    if unproven:
        out.append(f"induction step: {len(unproven)} pairs not proven, e.g.")
        out += ["  " + l for l in unproven[:12]]
    m = text.rfind("Time Signal Name")
    if m >= 0:
        out.append("counterexample (registers zero at the start):")
        ins = set(re.findall(r"^Created miter input port (\S+)\.$", text, re.M))
        if not ins:   # a bounded check's miter: inputs in_<name>
            ins = set(re.findall(r"^\s+\d+ \\(in_\S+)\s", text[m:], re.M))
        steps = {}
        for l in text[m:].splitlines():
            r = ROW_RE.match(l)
            if r and r.group(1) != "init":
                value = r.group(5) if len(r.group(5)) <= 8 else "h" + r.group(4)
                steps.setdefault(int(r.group(1)), []).append((r.group(2), value))
        for t in sorted(steps):
            inputs = [f"{s[1:]}={v}" for s, v in steps[t] if s[1:] in ins]
            differ = [s[5:] for s, v in steps[t] if s.startswith("\\cmp") and v == "0"]
            out.append(f"  cycle {t}: " + " ".join(inputs))
            if differ:
                out.append(f"  cycle {t}: differ: " + " ".join(differ[:16])
                           + (" ..." if len(differ) > 16 else ""))
    errors = [l.strip() for l in text.splitlines() if l.startswith("ERROR")]
    out += errors[:1]
    return out


def run_check(name, yosys, work, only=None, mutate=None, selftest=False):
    """Run one module's check (every parameter set, or only set `only`); 0 when proven.
    With selftest, a failure is the expected outcome and is reported briefly."""
    check = CHECKS[name]
    work.mkdir(parents=True, exist_ok=True)
    target_path = ROOT / check["target"]
    if mutate:
        old, new = mutate
        text = target_path.read_text()
        if text.count(old) != 1:
            print(f"{name}: the text to edit is found {text.count(old)} times, not once: {old!r}")
            return 2
        target_path = work / ("mutated-" + target_path.name)
        target_path.write_text(text.replace(old, new))
        print(f"{name}: checking a copy with {old!r} -> {new!r}")
    if not SYNTH_RE.search(target_path.read_text()):
        print(f"FAIL {check['target']} has no SYNTHESIS form any more: remove its check")
        return 1
    outcomes = []
    sets = list(enumerate(check["params"]))
    if only is not None:
        sets = [sets[only]]
    for i, params in sets:
        script = work / f"{name}.{i}.ys"
        log = work / f"{name}.{i}.log"
        script.write_text(make_script(name, check, params, target_path))
        t0, r0 = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
        res = subprocess.run([yosys, "-q", "-l", str(log), str(script)],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        dt = time.monotonic() - t0
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        label = " ".join(f"{k}={v}" for k, v in params.items()) or "defaults"
        text = log.read_text() if log.exists() else res.stdout
        pairs = re.findall(r"^(\d+) objects\.$", text, re.M)
        pairs = f", {pairs[0]} pairs" if pairs else ""
        # A failed proof, as opposed to an error before it (a typo in an edit, say)
        if res.returncode == 0:
            outcome = "pass"
        elif re.search(r"unproven \$equiv cells in 'equiv_status|proof did fail", text):
            outcome = "disproved"
        else:
            outcome = "error"
        outcomes.append(outcome)
        if selftest:
            status = {"pass": "FAIL (edit accepted)", "disproved": "ok (edit rejected)",
                      "error": "FAIL (Yosys error, not a failed proof)"}[outcome]
        else:
            status = "PASS" if outcome == "pass" else "FAIL"
        print(f"{status} {name} [{label}]: {describe(check)}{pairs},"
              f" {cpu:.1f} s CPU ({dt:.1f} s)")
        if outcome == "error" or (outcome == "disproved" and not selftest):
            print(f"  script {script}\n  log    {log}")
            for l in explain_failure(text):
                print("  " + l)
            if outcome == "error" and res.stdout.strip():
                print("  " + res.stdout.strip().replace("\n", "\n  "))
    if selftest:
        return 1 if all(o == "disproved" for o in outcomes) else 0
    return 0 if all(o == "pass" for o in outcomes) else 1


def coverage():
    """Every file under SCAN_DIRS with a SYNTHESIS form has a check, and every check's file
    still has one."""
    targets = {c["target"] for c in CHECKS.values()}
    found = set()
    for d in SCAN_DIRS:
        for p in sorted((ROOT / d).rglob("*")):
            if p.suffix in SCAN_EXT and p.is_file() and \
                    SYNTH_RE.search(p.read_text(errors="replace")):
                found.add(str(p.relative_to(ROOT)))
    bad = 0
    for f in sorted(found - targets):
        print(f"FAIL {f} has a SYNTHESIS form and no check in tests/equiv/equiv_check.py")
        bad = 1
    for f in sorted(targets - found):
        print(f"FAIL {f} is checked but has no SYNTHESIS form any more: remove its check")
        bad = 1
    if not bad:
        dirs = ", ".join(d + "/" for d in SCAN_DIRS)
        print(f"PASS every SYNTHESIS form under {dirs} has a check: "
              + ", ".join(sorted(found)))
    return bad


def selftest(yosys, work):
    """The checks can fail: each edit in SELFTEST must be rejected."""
    bad = 0
    for i, (name, old, new, params) in enumerate(SELFTEST):
        rc = run_check(name, yosys, work / f"{i}-{name}", only=params, mutate=(old, new),
                       selftest=True)
        if rc != 1:
            bad = 1
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("module", nargs="?", choices=sorted(CHECKS))
    ap.add_argument("--yosys", default="yosys")
    ap.add_argument("--work", type=pathlib.Path,
                    help="directory for the scripts and logs (default build/equiv-work/<module>)")
    ap.add_argument("--params", type=int, help="only this parameter set (0-based)")
    ap.add_argument("--mutate", nargs=2, metavar=("OLD", "NEW"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--coverage", action="store_true")
    ap.add_argument("--selftest", action="store_true")
    a = ap.parse_args()
    if a.list:
        print(";".join(CHECKS))
        return 0
    if a.coverage:
        return coverage()
    if a.selftest:
        return selftest(a.yosys, a.work or ROOT / "build" / "equiv-work" / "selftest")
    if not a.module:
        ap.error("give a module, --list, --coverage or --selftest")
    work = a.work or ROOT / "build" / "equiv-work" / a.module
    return run_check(a.module, a.yosys, work, a.params, a.mutate)


if __name__ == "__main__":
    sys.exit(main())
