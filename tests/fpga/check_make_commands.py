# SPDX-License-Identifier: Apache-2.0
"""`make -n prog|flash BOARD=<board>` print the loader command for each board (ctest
fpga.make-commands). No board is needed: make -n only prints.

    python3 check_make_commands.py REPO_ROOT
"""
import subprocess
import sys

BUILD = "build-make-n"   # any name: nothing is built
EXPECTED = [
    ("prog", "icebreaker", [], f"iceprog -S {BUILD}/fpga/icebreaker/icebreaker.bin"),
    ("flash", "icebreaker", [], f"openFPGALoader -b ice40_generic -f {BUILD}/fpga/icebreaker/icebreaker.bin"),
    ("prog", "ulx3s", [], f"openFPGALoader -b ulx3s {BUILD}/fpga/ulx3s/ulx3s.bit"),
    ("flash", "ulx3s", [], f"openFPGALoader -b ulx3s -f {BUILD}/fpga/ulx3s/ulx3s.bit"),
    ("prog", "orangecrab", [], f"openFPGALoader -b orangeCrab {BUILD}/fpga/orangecrab/orangecrab.bit"),
    ("prog", "orangecrab", ["CABLE=ft2232"],
     f"openFPGALoader -c ft2232 -m {BUILD}/fpga/orangecrab/orangecrab.bit"),
    ("flash", "orangecrab", [], f"openFPGALoader -b orangeCrab {BUILD}/fpga/orangecrab/orangecrab.bit"),
]


def main():
    root = sys.argv[1]
    failures = 0
    for target, board, extra, want in EXPECTED:
        cmd = ["make", "-n", "--no-print-directory", target, f"BOARD={board}",
               f"BUILD={BUILD}"] + extra
        res = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
        lines = res.stdout.strip().splitlines()
        ok = res.returncode == 0 and lines and lines[-1].strip() == want
        print(f"{'ok  ' if ok else 'FAIL'} {' '.join(cmd[3:])}: {lines[-1] if lines else res.stderr.strip()}")
        if not ok:
            print(f"     expected: {want}")
            failures += 1
    # An unknown board is refused.
    res = subprocess.run(["make", "--no-print-directory", "prog", "BOARD=nosuchboard",
                          f"BUILD={BUILD}"], cwd=root, capture_output=True, text=True)
    ok = res.returncode != 0 and "BOARD=nosuchboard is not a board" in res.stderr
    print(f"{'ok  ' if ok else 'FAIL'} prog BOARD=nosuchboard: {res.stderr.strip().splitlines()[0] if res.stderr.strip() else res.returncode}")
    failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
