# SPDX-License-Identifier: Apache-2.0
# Epoxy top-level entry points. Every target first installs what is missing (deps).
#
#   make run     build everything and run the main demo
#   make test    build everything and run every test through ctest
#   make build   configure and build only
#   make clean   remove build/
BUILD ?= build
JOBS  ?= $(shell nproc)
CMAKE_FLAGS ?=

DEMO_ELF := $(BUILD)/firmware/bin/demo.elf

.PHONY: all deps build test run clean

all: build

deps:
	@scripts/deps.sh build

build: deps
	@cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

run: build
	$(BUILD)/bin/epoxy-iss $(DEMO_ELF)

clean:
	rm -rf $(BUILD)
