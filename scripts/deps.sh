#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Idempotent dependency step for the Makefile: installs only what is missing and says what.
#
#   scripts/deps.sh GROUP...      groups: build (host tools, cross toolchain, test deps)
#
# Debian packages go through apt-get (with sudo when not root). PyPI tools, when a later
# target needs them, go into the project-local venv .venv/ with pinned versions
# (see scripts/requirements-*.txt); no group needs them yet.
set -euo pipefail

declare -A GROUP_PACKAGES=(
  [build]="build-essential cmake ninja-build pkg-config git
           gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf binutils-riscv64-unknown-elf
           libelf-dev libcli11-dev libfmt-dev nlohmann-json3-dev catch2
           qemu-system-misc verilator yosys"
)

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
  echo "deps: all ${#wanted[@]} packages for [$*] are installed"
  exit 0
fi

echo "deps: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "deps: done"
