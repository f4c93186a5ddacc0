#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""epoxy-load's serial path against a pretend bootloader on a pseudo-terminal.

    serial_pty_test.py <epoxy-load> <app.elf> <app.frame> <case>

Runs `epoxy-load --port <pty> app.elf`, reads what it sends on the other side of the pty,
checks that it is exactly the frame `epoxy-load --frame-out` wrote, and answers as the
bootloader would for <case>:
  loaded    "boot: loaded ..." then app output: exit 0, the answer printed
  monitor   as loaded, with --monitor --monitor-timeout: the app's output printed too
  rejected  "boot: error: ...": exit 3
  silent    no answer: exit 4 after --timeout
"""
import os
import pty
import select
import subprocess
import sys
import time


def fail(msg, out=b"", err=b""):
    sys.stderr.write(f"FAIL: {msg}\n--- stdout ---\n{out.decode(errors='replace')}"
                     f"--- stderr ---\n{err.decode(errors='replace')}")
    sys.exit(1)


def main():
    load, elf, frame_path, case = sys.argv[1:5]
    with open(frame_path, "rb") as f:
        frame = f.read()
    master, slave = pty.openpty()
    port = os.ttyname(slave)
    # Generous limits where an answer is expected (a loaded machine may be slow to run this
    # script); the silent case waits the full --timeout.
    timeout = "1" if case == "silent" else "20"
    args = [load, "--port", port, "--baud", "115200", "--timeout", timeout, elf]
    if case == "monitor":
        args[1:1] = ["--monitor", "--monitor-timeout", "1"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    received = b""
    deadline = time.monotonic() + 10
    while len(received) < len(frame) and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            received += os.read(master, 65536)
    if received != frame:
        proc.kill()
        out, err = proc.communicate()
        fail(f"received {len(received)} bytes, not the {len(frame)}-byte frame", out, err)

    answers = {
        "loaded": b"boot: loaded 1 bytes at 0x10000000, crc ok, jumping to 0x10000000\r\n",
        "monitor": b"boot: loaded 1 bytes at 0x10000000, crc ok, jumping to 0x10000000\n"
                   b"Hello from the app\n",
        "rejected": b"boot: error: payload crc mismatch (expected 0x1, got 0x2)\n",
        "silent": b"",
    }
    os.write(master, answers[case])
    if case == "monitor":
        time.sleep(0.05)
        os.write(master, b"second line\n")
    out, err = proc.communicate(timeout=30)
    rc = proc.returncode
    expect = {"loaded": 0, "monitor": 0, "rejected": 3, "silent": 4}[case]
    if rc != expect:
        fail(f"exit status {rc}, expected {expect}", out, err)
    if case in ("loaded", "monitor") and b"boot: loaded 1 bytes" not in out:
        fail("the bootloader's answer is not printed", out, err)
    if case == "loaded" and b"Hello" in out:
        fail("app output printed without --monitor", out, err)
    if case == "monitor" and b"Hello from the app\nsecond line\n" not in out:
        fail("the app's output is not printed with --monitor", out, err)
    if case == "rejected" and b"boot: error: payload crc mismatch" not in out:
        fail("the bootloader's error is not printed", out, err)
    if case == "silent" and b"no answer from the bootloader within 1 s" not in err:
        fail("no 'no answer' message", out, err)
    os.close(master)
    os.close(slave)


if __name__ == "__main__":
    main()
