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
#   make fpga BOARD=b [BOOTLOADER=elf]
#                bitstream for board b (icebreaker, ulx3s, orangecrab) with the bootloader in its
#                boot ROM: build/fpga/b/b.bin (iCE40) or b.bit (ECP5), report.json beside it;
#                fails when the design does not fit or timing does not close (docs/fpga.md)
#   make fpga-rom BOARD=b [APP=hello|path.elf] [BOOTLOADER=elf]
#                put the bootloader (and an app, started without a host) into the ROM of the
#                placed and routed design and repack, in seconds (no synthesis, no P&R)
#   make prog BOARD=b [CABLE=c]   load the bitstream into the FPGA (SRAM; prints the command)
#   make flash BOARD=b            write the bitstream to the board's flash
#   make clean   remove build/
#   make lockstep-campaign [SEED=1] [INSNS=10000000] [WAIT_STATES=3]
#                long lockstep run of the RTL core against the ISS on random programs
BUILD ?= build
JOBS  ?= $(shell nproc)
CMAKE_FLAGS ?=

DEMO_ELF := $(BUILD)/firmware/bin/demo.elf
NTT_DEMO_ELF := $(BUILD)/firmware/bin/ntt-demo.elf

.PHONY: all deps build test run bench synth synth-ntt fpga fpga-rom prog flash clean

all: build

deps:
	@scripts/deps.sh build fpga

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

# ---- Boards (docs/fpga.md) --------------------------------------------------------------------
# The flow is fpga/flow/fpga.py; its output goes to $(BUILD)/fpga/$(BOARD)/ (the fpga ctests
# use their own directories). The bootloader is built per board (clock, SRAM and ROM sizes):
# $(BUILD)/firmware/bin/bootloader-$(BOARD).elf unless BOOTLOADER says otherwise.
BOARD ?= icebreaker
FPGA_DIR := $(BUILD)/fpga/$(BOARD)
FPGA_BOARDS := $(notdir $(patsubst %/board.toml,%,$(wildcard fpga/boards/*/board.toml)))
FPGA_ROM_ARGS = --build $(BUILD) $(if $(BOOTLOADER),--bootloader $(BOOTLOADER))
FPGA_BIT_icebreaker := $(FPGA_DIR)/icebreaker.bin
FPGA_BIT_ulx3s      := $(FPGA_DIR)/ulx3s.bit
FPGA_BIT_orangecrab := $(FPGA_DIR)/orangecrab.bit
FPGA_BIT = $(FPGA_BIT_$(BOARD))
# iCEBreaker: iceprog into the FPGA's SRAM, openFPGALoader into the SPI flash (FT2232H).
# ULX3S: openFPGALoader over the FT231X's JTAG. OrangeCrab: its DFU bootloader (hold the
# button while plugging in, or hold it 2 s in a running Epoxy bitstream) always writes the
# flash; `make prog BOARD=orangecrab CABLE=<openFPGALoader cable>` loads the SRAM over JTAG.
PROG_icebreaker  = iceprog -S $(FPGA_BIT)
FLASH_icebreaker = openFPGALoader -b ice40_generic -f $(FPGA_BIT)
PROG_ulx3s       = openFPGALoader -b ulx3s $(FPGA_BIT)
FLASH_ulx3s      = openFPGALoader -b ulx3s -f $(FPGA_BIT)
PROG_orangecrab  = $(if $(CABLE),openFPGALoader -c $(CABLE) -m $(FPGA_BIT),openFPGALoader -b orangeCrab $(FPGA_BIT))
FLASH_orangecrab = openFPGALoader -b orangeCrab $(FPGA_BIT)
fpga-board-check = @case " $(FPGA_BOARDS) " in *" $(BOARD) "*) ;; \
	*) echo "make: BOARD=$(BOARD) is not a board (fpga/boards/: $(FPGA_BOARDS))" >&2; exit 2;; esac

fpga:
	$(fpga-board-check)
	@$(MAKE) --no-print-directory build
	@scripts/deps.sh fpga
	python3 fpga/flow/fpga.py build $(BOARD) --out $(FPGA_DIR) --rom-tool $(FPGA_ROM_ARGS)

fpga-rom:
	$(fpga-board-check)
	python3 fpga/flow/fpga.py rom $(BOARD) --out $(FPGA_DIR) $(FPGA_ROM_ARGS) $(if $(APP),--app $(APP))

prog flash:
	$(fpga-board-check)
	@test -f $(FPGA_BIT) || { echo "make $@: $(FPGA_BIT) missing: run make fpga BOARD=$(BOARD) first" >&2; exit 1; }
	@scripts/deps.sh fpga >/dev/null
	$(if $(filter prog,$@),$(PROG_$(BOARD)),$(FLASH_$(BOARD)))

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
