// SPDX-License-Identifier: Apache-2.0
// The bootloader (build/firmware/bin/bootloader.elf) on the ISS with the SRAM sizes boards
// have: it finds the size itself, so the same image rejects a load beyond a small SRAM (the
// usable range in its message ends 1 KiB below the SRAM's end) and runs one inside it.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "epoxy/memory_map.h"
#include "frame.h"
#include "iss/elf_loader.h"
#include "iss/machine.h"

using epoxy::boot::Image;

namespace {

// addi a0, x0, 7; lui t0, 0x20003 (sim-control); sw a0, 0(t0); j . (RV32I base encodings)
Image exit7_at(uint32_t addr) {
    Image image;
    image.load = image.entry = addr;
    for (uint32_t w : {0x00700513u, 0x200032b7u, 0x00a2a023u, 0x0000006fu})
        for (int b = 0; b < 4; ++b) image.bytes.push_back(uint8_t(w >> (8 * b)));
    return image;
}

}  // namespace

TEST_CASE("the bootloader finds the SRAM's size", "[iss]") {
    const uint32_t size = GENERATE(0x10000u, 0x20000u, 0x40000u);
    INFO("SRAM " << size << " bytes");
    epoxy::iss::Machine machine(size);
    const auto elf = epoxy::iss::load_elf(EPOXY_BOOTLOADER_ELF, machine);
    machine.hart().set_pc(elf.entry);
    std::string out;
    machine.set_console([&out](char c) { out.push_back(c); });

    // Just beyond what this SRAM leaves for apps, then the same program at the SRAM's base.
    const uint32_t usable = size - 1024;
    std::vector<uint8_t> input = epoxy::boot::encode_frame(exit7_at(EPOXY_SRAM_BASE + usable - 12));
    const std::vector<uint8_t> good = epoxy::boot::encode_frame(exit7_at(EPOXY_SRAM_BASE));
    input.insert(input.end(), good.begin(), good.end());
    machine.push_uart_input(std::string(input.begin(), input.end()));

    const auto result = machine.run(2000000);
    INFO(out);
    REQUIRE(result.reason == epoxy::iss::StopReason::Exited);
    CHECK(result.exit_code == 7u);
    char usable_text[64];
    std::snprintf(usable_text, sizeof usable_text, "(0x10000000 +0x%08x usable)", usable);
    CHECK(out.find(std::string("outside SRAM ") + usable_text) != std::string::npos);
    CHECK(out.find("boot: loaded 16 bytes at 0x10000000, crc ok, jumping to 0x10000000") !=
          std::string::npos);
}

TEST_CASE("a trap before the app has its own vector is reported, then frames load again", "[iss]") {
    epoxy::iss::Machine machine;
    const auto elf = epoxy::iss::load_elf(EPOXY_BOOTLOADER_ELF, machine);
    machine.hart().set_pc(elf.entry);
    std::string out;
    machine.set_console([&out](char c) { out.push_back(c); });

    // All zeros: an illegal instruction at the entry point. 512 bytes, more than the
    // bootloader's receive ring takes in while it prints its first lines, so the frame's end
    // is read from the UART itself and the good frame is still there when the app starts
    // (bytes left in the ring at the jump would be dropped: docs/bootloader.md).
    Image illegal;
    illegal.load = illegal.entry = EPOXY_SRAM_BASE + 0x100;
    illegal.bytes.assign(512, 0);
    std::vector<uint8_t> input = epoxy::boot::encode_frame(illegal);
    const std::vector<uint8_t> good = epoxy::boot::encode_frame(exit7_at(EPOXY_SRAM_BASE));
    input.insert(input.end(), good.begin(), good.end());
    machine.push_uart_input(std::string(input.begin(), input.end()));

    const auto result = machine.run(2000000);
    INFO(out);
    REQUIRE(result.reason == epoxy::iss::StopReason::Exited);
    CHECK(result.exit_code == 7u);
    CHECK(
        out.find("jumping to 0x10000100\nboot: error: trap, mcause 0x00000002 mepc 0x10000100 "
                 "mtval 0x00000000\nboot: ready for a frame on the UART\nboot: loaded 16 bytes") !=
        std::string::npos);
}
