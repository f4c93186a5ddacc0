// SPDX-License-Identifier: Apache-2.0
// ELF loading with libelf: validation of class, data encoding, machine and type, then the
// PT_LOAD segments into memory and the symbol table into a map.
#include "iss/elf_loader.h"

#include <gelf.h>
#include <libelf.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

#include <fmt/format.h>

namespace epoxy::iss {

namespace {

struct ElfCloser {
    void operator()(Elf* e) const { elf_end(e); }
};

std::string elf_message() { return elf_errmsg(-1); }

}  // namespace

ElfImage load_elf(const std::string& path, Machine& machine) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw ElfError("is a directory, not an ELF file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ElfError(fmt::format("cannot open: {}", std::strerror(errno)));
    std::vector<char> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw ElfError("read error");

    if (elf_version(EV_CURRENT) == EV_NONE) throw ElfError("libelf is too old");
    std::unique_ptr<Elf, ElfCloser> elf(elf_memory(file.data(), file.size()));
    if (!elf || elf_kind(elf.get()) != ELF_K_ELF)
        throw ElfError("not an ELF file");

    const char* ident = elf_getident(elf.get(), nullptr);
    if (!ident) throw ElfError("truncated ELF header");
    if (ident[EI_CLASS] != ELFCLASS32)
        throw ElfError(fmt::format("wrong ELF class {} (expected 32-bit, ELFCLASS32)",
                                   ident[EI_CLASS] == ELFCLASS64 ? "64-bit" : "unknown"));
    if (ident[EI_DATA] != ELFDATA2LSB) throw ElfError("not little-endian (expected ELFDATA2LSB)");

    GElf_Ehdr eh;
    if (!gelf_getehdr(elf.get(), &eh)) throw ElfError("bad ELF header: " + elf_message());
    if (eh.e_machine != EM_RISCV)
        throw ElfError(fmt::format("wrong machine {} (expected RISC-V, EM_RISCV = {})",
                                   eh.e_machine, EM_RISCV));
    if (eh.e_type != ET_EXEC)
        throw ElfError(fmt::format("not an executable (e_type {}, expected ET_EXEC)", eh.e_type));

    size_t phnum = 0;
    if (elf_getphdrnum(elf.get(), &phnum) != 0) throw ElfError("bad program headers: " + elf_message());
    unsigned loaded = 0;
    for (size_t i = 0; i < phnum; ++i) {
        GElf_Phdr ph;
        if (!gelf_getphdr(elf.get(), int(i), &ph)) throw ElfError("bad program header: " + elf_message());
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
        if (ph.p_filesz > ph.p_memsz || ph.p_offset + ph.p_filesz > file.size())
            throw ElfError(fmt::format("segment {} is truncated (offset 0x{:x}, size 0x{:x}, file "
                                       "size 0x{:x})", i, ph.p_offset, ph.p_filesz, file.size()));
        const uint64_t end = ph.p_paddr + ph.p_memsz;
        std::vector<uint8_t> image(ph.p_memsz, 0);
        std::memcpy(image.data(), file.data() + ph.p_offset, ph.p_filesz);
        if (end > 0x100000000ull ||
            !machine.load(uint32_t(ph.p_paddr), image.data(), uint32_t(ph.p_memsz)))
            throw ElfError(fmt::format("segment {} at 0x{:08x}..0x{:08x} lies outside memory "
                                       "(ROM 0x{:08x}+0x{:x}, SRAM 0x{:08x}+0x{:x})",
                                       i, ph.p_paddr, end - 1, machine.rom().base(),
                                       machine.rom().size(), machine.sram().base(),
                                       machine.sram().size()));
        ++loaded;
    }
    if (loaded == 0) throw ElfError("no loadable segments");

    ElfImage img;
    img.entry = uint32_t(eh.e_entry);
    Elf_Scn* scn = nullptr;
    while ((scn = elf_nextscn(elf.get(), scn)) != nullptr) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0) continue;
        Elf_Data* data = elf_getdata(scn, nullptr);
        if (!data) continue;
        const size_t count = sh.sh_size / sh.sh_entsize;
        for (size_t k = 0; k < count; ++k) {
            GElf_Sym sym;
            if (!gelf_getsym(data, int(k), &sym)) continue;
            const char* name = elf_strptr(elf.get(), sh.sh_link, sym.st_name);
            if (name && *name) img.symbols.emplace(name, uint32_t(sym.st_value));
        }
    }
    return img;
}

}  // namespace epoxy::iss
