# SPDX-License-Identifier: Apache-2.0
# Epoxy top-level entry points. Every target first installs what is missing (deps).
#
#   make run     build everything and run the main demo on the RTL SoC (epoxy-sim)
#   make test    build everything and run every test through ctest
#   make build   configure and build only
#   make bench   cycle counts and CPI of the benchmark kernels on the RTL SoC (epoxy-sim)
#                (build/bench/core.json)
#   make synth   synthesis and place-and-route report of the core (build/synth/core.json)
#   make clean   remove build/
#   make lockstep-campaign [SEED=1] [INSNS=10000000] [WAIT_STATES=3]
#                long lockstep run of the RTL core against the ISS on random programs
BUILD ?= build
JOBS  ?= $(shell nproc)
CMAKE_FLAGS ?=

DEMO_ELF := $(BUILD)/firmware/bin/demo.elf

.PHONY: all deps build test run bench synth clean

all: build

deps:
	@scripts/deps.sh build

build: deps
	@cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

run: build
	$(BUILD)/bin/epoxy-sim $(DEMO_ELF)

bench: build
	cmake -DBUILD=$(BUILD) -DOUT=$(BUILD)/bench/core.json -P scripts/bench_core.cmake

synth:
	@scripts/deps.sh synth
	fpga/synth/synth_core.sh $(BUILD)/synth

clean:
	rm -rf $(BUILD)

# Random programs from sw/rig (rig seeds SEED, SEED+1, ...) on the core and the ISS in
# lockstep with random bus wait states, until INSNS instructions have been compared.
SEED ?= 1
INSNS ?= 10000000
WAIT_STATES ?= 3
lockstep-campaign: build
	$(BUILD)/bin/epoxy-lockstep --quiet --rig-seed $(SEED) --rig-insns 60000 \
	  --rig-total $(INSNS) --wait-states $(WAIT_STATES) --seed $(SEED)
