// SPDX-License-Identifier: Apache-2.0
// Writing a generated program as an ELF executable with libelf (ELF_C_WRITE), and reading
// its nondeterministic-pc list back.
//
// Layout: .text (code, PF_R|PF_X) and .data (data region, PF_R|PF_W), each its own PT_LOAD;
// .epoxy.rig.nondet and .epoxy.rig.config (not loaded); .symtab/.strtab/.shstrtab. libelf
// lays the sections out; the program headers are filled from that layout afterwards.
#include <endian.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <gelf.h>
#include <libelf.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <utility>

#include "rig/rig.h"

namespace epoxy::rig {

namespace {

struct ElfCloser {
    void operator()(Elf* e) const { elf_end(e); }
};

class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

  private:
    int fd_;
};

// A string table built up front (offsets are needed before libelf sees the bytes).
class StrTab {
  public:
    StrTab() { bytes_.push_back('\0'); }
    uint32_t add(const std::string& s) {
        const uint32_t off = uint32_t(bytes_.size());
        bytes_.insert(bytes_.end(), s.begin(), s.end());
        bytes_.push_back('\0');
        return off;
    }
    std::vector<char>& bytes() { return bytes_; }

  private:
    std::vector<char> bytes_;
};

}  // namespace

void write_elf(const RigProgram& p, const std::string& path) {
    auto fail = [&](const std::string& what) { throw RigError(path + ": " + what); };
    if (elf_version(EV_CURRENT) == EV_NONE) fail("libelf is too old");
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644));
    if (fd.get() < 0) fail(fmt::format("cannot open for writing: {}", std::strerror(errno)));
    std::unique_ptr<Elf, ElfCloser> elf(elf_begin(fd.get(), ELF_C_WRITE, nullptr));
    if (!elf) fail(fmt::format("libelf: {}", elf_errmsg(-1)));
    Elf* e = elf.get();

    Elf32_Ehdr* eh = elf32_newehdr(e);
    if (!eh) fail(fmt::format("libelf: {}", elf_errmsg(-1)));
    eh->e_ident[EI_DATA] = ELFDATA2LSB;
    eh->e_ident[EI_OSABI] = ELFOSABI_NONE;
    eh->e_machine = EM_RISCV;
    eh->e_type = ET_EXEC;
    eh->e_version = EV_CURRENT;
    eh->e_entry = p.entry;
    eh->e_flags = p.config.compressed ? 0x1 /* EF_RISCV_RVC */ : 0;
    if (!elf32_newphdr(e, p.segments.size())) fail(fmt::format("libelf: {}", elf_errmsg(-1)));

    StrTab shstr, str;
    // Everything libelf reads at elf_update(ELF_C_WRITE) must outlive it.
    std::vector<uint32_t> nondet(p.nondeterministic_pcs.begin(), p.nondeterministic_pcs.end());
    for (uint32_t& w : nondet) w = htole32(w);
    std::string config = describe(p.config) + "\n";
    std::vector<Elf32_Sym> syms(1);  // index 0: the null symbol

    auto add_section = [&](const std::string& name, uint32_t type, uint32_t flags, uint32_t addr,
                           void* buf, size_t size, size_t align, Elf_Type dtype) {
        Elf_Scn* scn = elf_newscn(e);
        Elf_Data* d = scn ? elf_newdata(scn) : nullptr;
        Elf32_Shdr* sh = scn ? elf32_getshdr(scn) : nullptr;
        if (!d || !sh) fail(fmt::format("libelf: {}", elf_errmsg(-1)));
        d->d_buf = buf;
        d->d_size = size;
        d->d_align = align;
        d->d_type = dtype;
        d->d_version = EV_CURRENT;
        sh->sh_name = shstr.add(name);
        sh->sh_type = type;
        sh->sh_flags = flags;
        sh->sh_addr = addr;
        sh->sh_addralign = uint32_t(align);
        return scn;
    };

    std::vector<size_t> seg_index;
    for (size_t i = 0; i < p.segments.size(); ++i) {
        const Segment& s = p.segments[i];
        const std::string name = s.executable ? (i == 0 ? ".text" : fmt::format(".text{}", i))
                                              : (i == 1 ? ".data" : fmt::format(".data{}", i));
        Elf_Scn* scn = add_section(
            name, SHT_PROGBITS, SHF_ALLOC | (s.executable ? SHF_EXECINSTR : SHF_WRITE), s.addr,
            const_cast<uint8_t*>(s.bytes.data()), s.bytes.size(), 4, ELF_T_BYTE);
        seg_index.push_back(elf_ndxscn(scn));
    }
    add_section(".epoxy.rig.nondet", SHT_PROGBITS, 0, 0, nondet.data(), nondet.size() * 4, 4,
                ELF_T_BYTE);
    add_section(".epoxy.rig.config", SHT_PROGBITS, 0, 0, config.data(), config.size(), 1,
                ELF_T_BYTE);

    for (const auto& [name, value] : p.symbols) {
        Elf32_Sym s{};
        s.st_name = str.add(name);
        s.st_value = value;
        s.st_info = ELF32_ST_INFO(STB_GLOBAL, STT_NOTYPE);
        s.st_shndx = SHN_ABS;
        for (size_t i = 0; i < p.segments.size(); ++i) {
            const Segment& seg = p.segments[i];
            if (value >= seg.addr && value - seg.addr <= seg.bytes.size()) {
                s.st_shndx = uint16_t(seg_index[i]);
                if (seg.executable) s.st_info = ELF32_ST_INFO(STB_GLOBAL, STT_FUNC);
                break;
            }
        }
        syms.push_back(s);
    }
    // .strtab must be complete before its bytes are handed over, so add .symtab's names
    // first (above), then the tables themselves.
    Elf_Scn* strscn = add_section(".strtab", SHT_STRTAB, 0, 0, nullptr, 0, 1, ELF_T_BYTE);
    Elf_Scn* symscn = add_section(".symtab", SHT_SYMTAB, 0, 0, syms.data(),
                                  syms.size() * sizeof(Elf32_Sym), 4, ELF_T_SYM);
    Elf_Scn* shstrscn = add_section(".shstrtab", SHT_STRTAB, 0, 0, nullptr, 0, 1, ELF_T_BYTE);
    elf_getdata(strscn, nullptr)->d_buf = str.bytes().data();
    elf_getdata(strscn, nullptr)->d_size = str.bytes().size();
    Elf32_Shdr* symsh = elf32_getshdr(symscn);
    symsh->sh_link = uint32_t(elf_ndxscn(strscn));
    symsh->sh_info = 1;  // every named symbol is global
    symsh->sh_entsize = sizeof(Elf32_Sym);
    elf_getdata(shstrscn, nullptr)->d_buf = shstr.bytes().data();
    elf_getdata(shstrscn, nullptr)->d_size = shstr.bytes().size();
    eh->e_shstrndx = uint16_t(elf_ndxscn(shstrscn));

    if (elf_update(e, ELF_C_NULL) < 0) fail(fmt::format("libelf layout: {}", elf_errmsg(-1)));
    Elf32_Phdr* ph = elf32_getphdr(e);
    for (size_t i = 0; i < p.segments.size(); ++i) {
        const Segment& s = p.segments[i];
        Elf32_Shdr* sh = elf32_getshdr(elf_getscn(e, seg_index[i]));
        ph[i].p_type = PT_LOAD;
        ph[i].p_offset = sh->sh_offset;
        ph[i].p_vaddr = ph[i].p_paddr = s.addr;
        ph[i].p_filesz = ph[i].p_memsz = uint32_t(s.bytes.size());
        ph[i].p_flags = PF_R | (s.executable ? PF_X : PF_W);
        ph[i].p_align = 4;
    }
    elf_flagphdr(e, ELF_C_SET, ELF_F_DIRTY);
    if (elf_update(e, ELF_C_WRITE) < 0) fail(fmt::format("libelf write: {}", elf_errmsg(-1)));
    elf.reset();
    if (::close(fd.release()) != 0) fail(fmt::format("write error: {}", std::strerror(errno)));
}

std::vector<uint32_t> read_nondeterministic_pcs(const std::string& path) {
    auto fail = [&](const std::string& what) { throw RigError(path + ": " + what); };
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(fmt::format("cannot open: {}", std::strerror(errno)));
    std::vector<char> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (elf_version(EV_CURRENT) == EV_NONE) fail("libelf is too old");
    std::unique_ptr<Elf, ElfCloser> elf(elf_memory(file.data(), file.size()));
    if (!elf || elf_kind(elf.get()) != ELF_K_ELF) fail("not an ELF file");
    size_t shstrndx = 0;
    if (elf_getshdrstrndx(elf.get(), &shstrndx) != 0) fail("no section name table");
    Elf_Scn* scn = nullptr;
    while ((scn = elf_nextscn(elf.get(), scn)) != nullptr) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh)) continue;
        const char* name = elf_strptr(elf.get(), shstrndx, sh.sh_name);
        if (!name || std::strcmp(name, ".epoxy.rig.nondet") != 0) continue;
        Elf_Data* d = elf_getdata(scn, nullptr);
        std::vector<uint32_t> pcs(d ? d->d_size / 4 : 0);
        if (!pcs.empty()) std::memcpy(pcs.data(), d->d_buf, pcs.size() * 4);
        for (uint32_t& w : pcs) w = le32toh(w);
        return pcs;
    }
    fail("no .epoxy.rig.nondet section (not written by epoxy-rig)");
    return {};
}

}  // namespace epoxy::rig
