#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Idempotent dependency step for the Makefile: installs only what is missing and says what.
#
#   scripts/deps.sh GROUP...      groups: build (host tools, cross toolchain, test deps,
#                                         PeakRDL in .venv/)
#                                         synth (Yosys, nextpnr for iCE40 and ECP5)
#                                         fpga (the board flows: Yosys, nextpnr-ice40,
#                                         icestorm, openFPGALoader; YoWASP Yosys and
#                                         nextpnr-ecp5 with the Trellis tools in .venv/)
#
# Debian packages go through apt-get (with sudo when not root). PyPI tools go into the
# project-local venv .venv/ at the versions pinned in scripts/requirements-<group>.txt.
set -euo pipefail

declare -A GROUP_PACKAGES=(
  [build]="build-essential cmake ninja-build pkg-config git
           gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf binutils-riscv64-unknown-elf
           libelf-dev libcli11-dev libfmt-dev nlohmann-json3-dev catch2
           qemu-system-misc verilator yosys libgmp-dev libssl-dev libflint-dev libsystemc-dev python3 python3-venv"
  [synth]="yosys nextpnr-ice40 fpga-icestorm python3 python3-venv"
  [fpga]="yosys nextpnr-ice40 fpga-icestorm openfpgaloader python3 python3-venv"
)
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

if [ $# -eq 0 ]; then set -- build; fi

wanted=()
for group in "$@"; do
  if [ -z "${GROUP_PACKAGES[$group]+x}" ]; then
    echo "deps: unknown group '$group' (known: ${!GROUP_PACKAGES[*]})" >&2
    exit 2
  fi
  # shellcheck disable=SC2206
  wanted+=(${GROUP_PACKAGES[$group]})
done

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#wanted[@]} Debian packages for [$*] are installed"
else
  echo "deps: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  echo "deps: Debian packages done"
fi

# Pinned PyPI tools in .venv/ for the groups that have a requirements file.
for group in "$@"; do
  req="$ROOT/scripts/requirements-$group.txt"
  [ -f "$req" ] || continue
  if [ ! -x "$ROOT/.venv/bin/python" ]; then
    echo "deps: creating the project venv .venv/"
    python3 -m venv "$ROOT/.venv"
  fi
  pip_missing=()
  while read -r line; do
    line="${line%%#*}"; line="${line// /}"
    [ -n "$line" ] || continue
    name="${line%%==*}"; version="${line#*==}"
    have=$("$ROOT/.venv/bin/python" -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p' || true)
    [ "$have" = "$version" ] || pip_missing+=("$line")
  done < "$req"
  if [ ${#pip_missing[@]} -eq 0 ]; then
    echo "deps: all PyPI tools for [$group] are installed in .venv/"
  else
    echo "deps: installing ${#pip_missing[@]} PyPI tools into .venv/: ${pip_missing[*]}"
    "$ROOT/.venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pip_missing[@]}"
  fi
done
