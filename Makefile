# SPDX-License-Identifier: Apache-2.0
# Epoxy top-level entry points. Every target first installs what is missing (deps).
#
#   make run     build everything and run the demos on the RTL SoC (epoxy-sim): the core's
#                software kernels (demo), then the NTT coprocessor against the core (ntt-demo)
#   make test    build everything and run every test through ctest
#   make build   configure and build only
#   make bench   cycle counts and CPI of the benchmark kernels on the RTL SoC (epoxy-sim)
#                (build/bench/core.json), then the NTT coprocessor's cycles per operation,
#                butterfly utilisation for P = 1/2/4/8, speedup and glue overhead
#                (build/bench/ntt.json; the first run Verilates three more NTT configurations)
#   make synth   synthesis and place-and-route report of the core (build/synth/core.json)
#   make synth-ntt [NTT_SYNTH="name:P:MaxLogN:Fields:targets:block ..."]
#                the same for the NTT coprocessor, one report per configuration
#                (build/synth/ntt-<name>.json; the defaults: docs/ntt.md, Size)
#   make clean   remove build/
#   make lockstep-campaign [SEED=1] [INSNS=10000000] [WAIT_STATES=3]
#                long lockstep run of the RTL core against the ISS on random programs
BUILD ?= build
JOBS  ?= $(shell nproc)
CMAKE_FLAGS ?=

DEMO_ELF := $(BUILD)/firmware/bin/demo.elf
NTT_DEMO_ELF := $(BUILD)/firmware/bin/ntt-demo.elf

.PHONY: all deps build test run bench synth synth-ntt clean

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
	$(BUILD)/bin/epoxy-sim $(NTT_DEMO_ELF)

bench: build
	cmake -DBUILD=$(BUILD) -DOUT=$(BUILD)/bench/core.json -P scripts/bench_core.cmake
	python3 scripts/bench_ntt.py --build $(BUILD) --jobs $(JOBS)

synth:
	@scripts/deps.sh synth
	fpga/synth/synth_core.sh $(BUILD)/synth

# NTT configurations: name:P:MaxLogN:Fields (5'b...):targets (ice40, ecp5, ice40+ecp5):block
# (engine = epoxy_ntt_engine, top = epoxy_ntt_top). One synthesis at a time; the ECP5 ones
# take minutes each.
NTT_SYNTH ?= ice40-p1:1:8:11011:ice40:engine \
             ecp5-p1:1:12:11011:ecp5:engine ecp5-p2:2:12:11011:ecp5:engine \
             ecp5-p4:4:12:11011:ecp5:engine \
             ecp5-gl-p1:1:12:11111:ecp5:engine ecp5-gl-p2:2:12:11111:ecp5:engine
synth-ntt:
	@scripts/deps.sh synth
	@set -e; for c in $(NTT_SYNTH); do \
	  set -- $$(echo "$$c" | tr ':+' '  '); name=$$1; p=$$2; m=$$3; f=$$4; shift 4; \
	  blk=engine; case "$$*" in *top*) blk=top;; esac; \
	  tg=$$(echo "$$*" | sed 's/engine//; s/top//'); \
	  NTT_P=$$p NTT_MAX_LOG_N=$$m NTT_FIELDS="5'b$$f" NTT_TARGETS="$$tg" NTT_BLOCK=$$blk \
	    fpga/synth/synth_ntt.sh $(BUILD)/synth/ntt-$$name; \
	  cp $(BUILD)/synth/ntt-$$name/ntt.json $(BUILD)/synth/ntt-$$name.json; \
	  echo "synth-ntt: $(BUILD)/synth/ntt-$$name.json"; \
	done

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
