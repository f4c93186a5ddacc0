// SPDX-License-Identifier: Apache-2.0
// ELF reading for epoxy-load with libelf (see elf_read.h).
#include "elf_read.h"

#include <fmt/format.h>
#include <gelf.h>
#include <libelf.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "epoxy/boot_frame.h"
#include "epoxy/memory_map.h"

namespace epoxy::boot {

namespace {

struct ElfCloser {
    void operator()(Elf* e) const { elf_end(e); }
};

std::string range(uint64_t addr, uint64_t size) {
    return fmt::format("0x{:08x}..0x{:08x}", addr, addr + size - 1);
}

uint32_t symbol(const ElfFile& elf, const char* name) {
    const auto it = elf.symbols.find(name);
    if (it == elf.symbols.end())
        throw Error(fmt::format("no symbol {}: not an Epoxy bootloader (firmware/boot)", name));
    return it->second;
}

}  // namespace

ElfFile read_elf(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error("is a directory, not an ELF file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(fmt::format("cannot open: {}", std::strerror(errno)));
    std::vector<char> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error("read error");

    if (elf_version(EV_CURRENT) == EV_NONE) throw Error("libelf is too old");
    std::unique_ptr<Elf, ElfCloser> elf(elf_memory(file.data(), file.size()));
    if (!elf || elf_kind(elf.get()) != ELF_K_ELF) throw Error("not an ELF file");
    const char* ident = elf_getident(elf.get(), nullptr);
    if (!ident) throw Error("truncated ELF header");
    if (ident[EI_CLASS] != ELFCLASS32) throw Error("not a 32-bit ELF file (expected ELFCLASS32)");
    if (ident[EI_DATA] != ELFDATA2LSB) throw Error("not little-endian (expected ELFDATA2LSB)");
    GElf_Ehdr eh;
    if (!gelf_getehdr(elf.get(), &eh))
        throw Error(std::string("bad ELF header: ") + elf_errmsg(-1));
    if (eh.e_machine != EM_RISCV)
        throw Error(fmt::format("wrong machine {} (expected RISC-V, EM_RISCV = {})", eh.e_machine,
                                EM_RISCV));
    if (eh.e_type != ET_EXEC)
        throw Error(fmt::format("not an executable (e_type {}, expected ET_EXEC)", eh.e_type));

    ElfFile out;
    out.entry = uint32_t(eh.e_entry);
    size_t phnum = 0;
    if (elf_getphdrnum(elf.get(), &phnum) != 0)
        throw Error(std::string("bad program headers: ") + elf_errmsg(-1));
    for (size_t i = 0; i < phnum; ++i) {
        GElf_Phdr ph;
        if (!gelf_getphdr(elf.get(), int(i), &ph))
            throw Error(std::string("bad program header: ") + elf_errmsg(-1));
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
        if (ph.p_filesz > ph.p_memsz || ph.p_offset + ph.p_filesz > file.size())
            throw Error(
                fmt::format("segment {} is truncated (offset 0x{:x}, size 0x{:x}, file size "
                            "0x{:x})",
                            i, ph.p_offset, ph.p_filesz, file.size()));
        if (ph.p_paddr + ph.p_memsz > 0x100000000ull)
            throw Error(fmt::format("segment {} at {} is beyond 32-bit addresses", i,
                                    range(ph.p_paddr, ph.p_memsz)));
        Segment s;
        s.addr = uint32_t(ph.p_paddr);
        s.mem_size = uint32_t(ph.p_memsz);
        s.bytes.assign(file.begin() + long(ph.p_offset),
                       file.begin() + long(ph.p_offset + ph.p_filesz));
        out.segments.push_back(std::move(s));
    }
    if (out.segments.empty()) throw Error("no loadable segments");

    Elf_Scn* scn = nullptr;
    while ((scn = elf_nextscn(elf.get(), scn)) != nullptr) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0) continue;
        Elf_Data* data = elf_getdata(scn, nullptr);
        if (!data) continue;
        for (size_t k = 0; k < sh.sh_size / sh.sh_entsize; ++k) {
            GElf_Sym sym;
            if (!gelf_getsym(data, int(k), &sym)) continue;
            const char* name = elf_strptr(elf.get(), sh.sh_link, sym.st_name);
            if (name && *name) out.symbols.emplace(name, uint32_t(sym.st_value));
        }
    }
    return out;
}

Image read_app(const std::string& path, uint32_t sram_base, uint32_t sram_size) {
    const ElfFile elf = read_elf(path);
    const uint64_t sram_end = uint64_t(sram_base) + sram_size;
    for (size_t i = 0; i < elf.segments.size(); ++i) {
        const Segment& s = elf.segments[i];
        if (s.addr < sram_base || s.addr + uint64_t(s.mem_size) > sram_end)
            throw Error(fmt::format("segment at {} lies outside the SRAM (0x{:08x} +0x{:x})",
                                    range(s.addr, s.mem_size), sram_base, sram_size));
    }
    Image image = flatten(elf.segments, elf.entry);
    // The bootloader takes the SRAM's size as the largest power of two that answers, and
    // keeps its stack at the top of that.
    uint64_t found = 1;
    while (found * 2 <= sram_size) found *= 2;
    const uint64_t limit = sram_base + found - EPOXY_BOOT_RAM_RESERVED;
    if (image.load + uint64_t(image.bytes.size()) > limit)
        throw Error(fmt::format(
            "loaded bytes {} reach into the top {} bytes of SRAM, which the "
            "bootloader keeps for its stack (loads must end by 0x{:08x})",
            range(image.load, image.bytes.size()), EPOXY_BOOT_RAM_RESERVED, uint32_t(limit)));
    return image;
}

Bootloader read_bootloader(const std::string& path) {
    const ElfFile elf = read_elf(path);
    // The image from the ROM's base to its last file byte, gaps zero-filled.
    Bootloader b;
    for (const Segment& s : elf.segments) {
        if (s.bytes.empty()) continue;
        // Below the base wraps to an offset beyond the ROM.
        const uint32_t offset = s.addr - EPOXY_ROM_BASE;
        if (offset + uint64_t(s.bytes.size()) > EPOXY_ROM_SIZE)
            throw Error(
                fmt::format("segment at {} has contents outside the boot ROM (0x{:08x} "
                            "+0x{:x}): not a ROM program",
                            range(s.addr, s.bytes.size()), EPOXY_ROM_BASE, EPOXY_ROM_SIZE));
        if (b.rom.size() < offset + s.bytes.size()) b.rom.resize(offset + s.bytes.size(), 0);
        std::copy(s.bytes.begin(), s.bytes.end(), b.rom.begin() + offset);
    }
    if (b.rom.empty()) throw Error("no contents in the boot ROM: not a ROM program");
    b.app_frame = symbol(elf, "epoxy_boot_app_frame") - EPOXY_ROM_BASE;
    if (b.app_frame < b.rom.size() || b.app_frame % 4)
        throw Error(
            fmt::format("epoxy_boot_app_frame (0x{:x}) is inside the image or not "
                        "word-aligned",
                        b.app_frame));
    return b;
}

}  // namespace epoxy::boot
