// SPDX-License-Identifier: Apache-2.0
// Writes the ELF files the CLI tests feed to the simulators: a few valid RV32 programs
// and one file per way an ELF can be wrong (class, byte order, machine, type, segments).
//
//   make_elf_fixtures <output-dir>
//
// The files are assembled here from <elf.h> structures, so every field can be set to a bad
// value on purpose; the simulators themselves read ELF with libelf.
#include <elf.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr uint32_t kSramBase = 0x10000000;

// Tiny RV32I programs (encodings from the unprivileged spec's base formats).
const std::vector<uint32_t> kExit7 = {
    0x00700513,  // addi a0, x0, 7
    0x200032b7,  // lui  t0, 0x20003        (sim-control)
    0x00a2a023,  // sw   a0, 0(t0)          EXIT = 7
    0x0000006f,  // j    .
};
const std::vector<uint32_t> kDeadlock = {
    0x30401073,  // csrw mie, x0            no interrupt can wake the hart
    0x10500073,  // wfi
    0x0000006f,  // j    .
};
const std::vector<uint32_t> kSpin = {
    0x0000006f,  // j    .                  never exits
};

struct Options {
    unsigned char elf_class = ELFCLASS32;
    unsigned char data = ELFDATA2LSB;
    uint16_t machine = EM_RISCV;
    uint16_t type = ET_EXEC;
    uint32_t vaddr = kSramBase;
    bool with_segment = true;
    uint32_t filesz_extra = 0;  // claim more file bytes than exist (truncated segment)
    uint32_t memsz_extra = 0;   // bss beyond the file bytes
};

std::vector<uint8_t> build32(const std::vector<uint32_t>& code, const Options& o) {
    Elf32_Ehdr eh{};
    std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = o.elf_class;
    eh.e_ident[EI_DATA] = o.data;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = o.type;
    eh.e_machine = o.machine;
    eh.e_version = EV_CURRENT;
    eh.e_entry = o.vaddr;
    eh.e_phoff = o.with_segment ? sizeof(Elf32_Ehdr) : 0;
    eh.e_ehsize = sizeof(Elf32_Ehdr);
    eh.e_phentsize = sizeof(Elf32_Phdr);
    eh.e_phnum = o.with_segment ? 1 : 0;
    eh.e_shentsize = sizeof(Elf32_Shdr);

    const uint32_t code_off = sizeof(Elf32_Ehdr) + (o.with_segment ? sizeof(Elf32_Phdr) : 0);
    const uint32_t code_size = uint32_t(code.size() * 4);
    Elf32_Phdr ph{};
    ph.p_type = PT_LOAD;
    ph.p_offset = code_off;
    ph.p_vaddr = ph.p_paddr = o.vaddr;
    ph.p_filesz = code_size + o.filesz_extra;
    ph.p_memsz = code_size + o.filesz_extra + o.memsz_extra;
    ph.p_flags = PF_R | PF_X;
    ph.p_align = 4;

    std::vector<uint8_t> out(code_off + code_size);
    std::memcpy(out.data(), &eh, sizeof eh);
    if (o.with_segment) std::memcpy(out.data() + sizeof eh, &ph, sizeof ph);
    std::memcpy(out.data() + code_off, code.data(), code_size);
    return out;
}

// A RISC-V ELF64 header with nothing else: enough for the class check.
std::vector<uint8_t> build64() {
    Elf64_Ehdr eh{};
    std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS64;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = ET_EXEC;
    eh.e_machine = EM_RISCV;
    eh.e_version = EV_CURRENT;
    eh.e_entry = 0x80000000;
    eh.e_ehsize = sizeof(Elf64_Ehdr);
    std::vector<uint8_t> out(sizeof eh);
    std::memcpy(out.data(), &eh, sizeof eh);
    return out;
}

bool write_file(const std::string& path, const std::vector<uint8_t>& bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_elf_fixtures <output-dir>\n");
        return 2;
    }
    const std::string dir = argv[1];
    struct Fixture {
        const char* name;
        std::vector<uint8_t> bytes;
    };
    Options big_endian;
    big_endian.data = ELFDATA2MSB;
    Options arm;
    arm.machine = EM_ARM;
    Options relocatable;
    relocatable.type = ET_REL;
    Options outside;
    outside.vaddr = 0x80000000;  // nothing is mapped there
    Options straddle;
    straddle.vaddr = kSramBase + 0x40000 - 8;  // runs 8 bytes past the end of SRAM
    Options truncated;
    truncated.filesz_extra = 4096;
    Options no_segments;
    no_segments.with_segment = false;
    Options with_bss;
    with_bss.memsz_extra = 4096;

    const std::string text = "This is a text file, not an ELF executable.\n";
    const Fixture fixtures[] = {
        {"exit7.elf", build32(kExit7, {})},
        {"exit7-bss.elf", build32(kExit7, with_bss)},
        {"deadlock.elf", build32(kDeadlock, {})},
        {"spin.elf", build32(kSpin, {})},
        {"empty.elf", {}},
        {"text.elf", std::vector<uint8_t>(text.begin(), text.end())},
        {"elf64.elf", build64()},
        {"big-endian.elf", build32(kExit7, big_endian)},
        {"arm.elf", build32(kExit7, arm)},
        {"relocatable.elf", build32(kExit7, relocatable)},
        {"outside.elf", build32(kExit7, outside)},
        {"straddle.elf", build32(kExit7, straddle)},
        {"truncated.elf", build32(kExit7, truncated)},
        {"no-segments.elf", build32(kExit7, no_segments)},
    };
    for (const Fixture& f : fixtures) {
        const std::string path = dir + "/" + f.name;
        if (!write_file(path, f.bytes)) {
            std::fprintf(stderr, "make_elf_fixtures: %s: cannot write\n", path.c_str());
            return 1;
        }
    }
    return 0;
}
