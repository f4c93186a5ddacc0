// SPDX-License-Identifier: Apache-2.0
// Smoke-test harness of the Epoxy glue core.
//
// Runs an ELF on the Verilated core with a behavioural model of the Epoxy memory map on
// its two OBI ports: boot ROM and SRAM, the UART (TXDATA to stdout), the machine timer
// (mtime counts cycles, MTIP when mtime >= mtimecmp, MSIP) and sim-control (EXIT ends the
// run with its value as exit status, PUTC). Devices accept only aligned 32-bit data
// accesses; anything else, and any unmapped access, is answered with err, as in the ISS.
// Optional random wait states on grant and response exercise the OBI handshakes. The
// trace port can be written as a Spike-format commit log in the ISS's format, so
// `diff` against `epoxy-iss --log-commits` is a first, coarse lockstep check.
// It deliberately is not the SoC simulator: no bus fabric, no accelerators.
#include <gelf.h>
#include <libelf.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include "Vepoxy_core.h"
#include "epoxy/memory_map.h"
#include "verilated.h"

namespace {

struct Options {
    std::string elf;
    uint64_t max_cycles = 200'000'000;
    unsigned wait_states = 0;  // max random extra cycles on grant and on response
    uint32_t seed = 1;
    std::string commit_log;
    bool stats = false;
};

// ---- The memory map ---------------------------------------------------------------------
class Platform {
public:
    Platform() : rom_(EPOXY_ROM_SIZE, 0), sram_(EPOXY_SRAM_SIZE, 0) {}

    uint8_t* bytes(uint32_t addr, uint32_t size) {
        // EPOXY_ROM_BASE is 0, so only the top bound needs checking.
        if (uint64_t(addr) + size <= uint64_t(EPOXY_ROM_BASE) + EPOXY_ROM_SIZE)
            return &rom_[addr - EPOXY_ROM_BASE];
        if (addr >= EPOXY_SRAM_BASE && uint64_t(addr) + size <= EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE)
            return &sram_[addr - EPOXY_SRAM_BASE];
        return nullptr;
    }

    // One OBI transaction on a word-aligned address with byte enables. false: bus error.
    bool access(bool fetch, bool we, uint32_t addr, uint8_t be, uint32_t wdata, uint32_t& rdata) {
        rdata = 0;
        const bool in_rom = uint64_t(addr) < uint64_t(EPOXY_ROM_BASE) + EPOXY_ROM_SIZE;
        if (uint8_t* p = bytes(addr, 4)) {
            if (we && in_rom) return false;  // ROM is read-only to the hart
            for (int i = 0; i < 4; ++i) {
                if (we && ((be >> i) & 1)) p[i] = uint8_t(wdata >> (8 * i));
                rdata |= uint32_t(p[i]) << (8 * i);
            }
            return true;
        }
        if (fetch || be != 0xF) return false;  // devices: aligned 32-bit data only
        return we ? device_write(addr, wdata) : device_read(addr, rdata);
    }

    void tick() { ++mtime_; }
    uint64_t mtime() const { return mtime_; }
    bool mtip() const { return mtime_ >= mtimecmp_; }
    bool msip() const { return msip_; }
    bool exited() const { return exited_; }
    uint32_t exit_code() const { return exit_code_; }

private:
    bool device_read(uint32_t addr, uint32_t& v) {
        switch (addr) {
            case EPOXY_UART_BASE + EPOXY_UART_TXDATA: v = 0; return true;
            case EPOXY_UART_BASE + EPOXY_UART_RXDATA: v = EPOXY_UART_RXDATA_EMPTY; return true;
            case EPOXY_UART_BASE + EPOXY_UART_STATUS: v = 0; return true;
            case EPOXY_UART_BASE + EPOXY_UART_CLKDIV: v = clkdiv_; return true;
            case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME: v = uint32_t(mtime_); return true;
            case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMEH: v = uint32_t(mtime_ >> 32); return true;
            case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMP: v = uint32_t(mtimecmp_); return true;
            case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMPH: v = uint32_t(mtimecmp_ >> 32); return true;
            case EPOXY_TIMER_BASE + EPOXY_TIMER_MSIP: v = msip_ ? 1 : 0; return true;
            case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT:
            case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_PUTC: v = 0; return true;
            default: return false;
        }
    }
    bool device_write(uint32_t addr, uint32_t v) {
        auto lo = [](uint64_t& r, uint32_t x) { r = (r & ~0xFFFFFFFFull) | x; };
        auto hi = [](uint64_t& r, uint32_t x) { r = (r & 0xFFFFFFFFull) | (uint64_t(x) << 32); };
        switch (addr) {
            case EPOXY_UART_BASE + EPOXY_UART_TXDATA:
            case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_PUTC:
                std::fputc(char(v & 0xFF), stdout);
                return true;
            case EPOXY_UART_BASE + EPOXY_UART_RXDATA:
            case EPOXY_UART_BASE + EPOXY_UART_STATUS: return true;
            case EPOXY_UART_BASE + EPOXY_UART_CLKDIV: clkdiv_ = v; return true;
            case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME: lo(mtime_, v); return true;
            case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMEH: hi(mtime_, v); return true;
            case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMP: lo(mtimecmp_, v); return true;
            case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMPH: hi(mtimecmp_, v); return true;
            case EPOXY_TIMER_BASE + EPOXY_TIMER_MSIP: msip_ = v & 1; return true;
            case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT:
                exited_ = true;
                exit_code_ = v;
                return true;
            default: return false;
        }
    }

    std::vector<uint8_t> rom_, sram_;
    uint64_t mtime_ = 0, mtimecmp_ = ~0ull;
    bool msip_ = false;
    uint32_t clkdiv_ = 0;
    bool exited_ = false;
    uint32_t exit_code_ = 0;
};

// ---- ELF loading ----------------------------------------------------------------------------
bool load_elf(const std::string& path, Platform& mem, uint32_t& entry) {
    if (elf_version(EV_CURRENT) == EV_NONE) return false;
    const int fd = open(path.c_str(), O_RDONLY);
    if (fd < 0) {
        std::fprintf(stderr, "epoxy-core-tb: %s: cannot open: %s\n", path.c_str(), std::strerror(errno));
        return false;
    }
    std::unique_ptr<Elf, int (*)(Elf*)> elf(elf_begin(fd, ELF_C_READ, nullptr), elf_end);
    bool ok = false;
    GElf_Ehdr eh;
    size_t nph = 0;
    if (!elf || elf_kind(elf.get()) != ELF_K_ELF || !gelf_getehdr(elf.get(), &eh)) {
        std::fprintf(stderr, "epoxy-core-tb: %s: not an ELF file\n", path.c_str());
    } else if (eh.e_ident[EI_CLASS] != ELFCLASS32 || eh.e_machine != EM_RISCV) {
        std::fprintf(stderr, "epoxy-core-tb: %s: not a 32-bit RISC-V ELF\n", path.c_str());
    } else if (elf_getphdrnum(elf.get(), &nph) == 0) {
        ok = true;
        entry = uint32_t(eh.e_entry);
        size_t size = 0;
        const char* image = elf_rawfile(elf.get(), &size);
        for (size_t i = 0; i < nph && ok; ++i) {
            GElf_Phdr ph;
            if (!gelf_getphdr(elf.get(), int(i), &ph) || ph.p_type != PT_LOAD || ph.p_memsz == 0)
                continue;
            uint8_t* dst = mem.bytes(uint32_t(ph.p_paddr), uint32_t(ph.p_memsz));
            if (!dst || ph.p_offset + ph.p_filesz > size) {
                std::fprintf(stderr, "epoxy-core-tb: %s: segment %zu at 0x%08" PRIx64
                             " lies outside ROM and SRAM\n", path.c_str(), i, uint64_t(ph.p_paddr));
                ok = false;
                break;
            }
            std::memcpy(dst, image + ph.p_offset, ph.p_filesz);
            std::memset(dst + ph.p_filesz, 0, ph.p_memsz - ph.p_filesz);
        }
    }
    close(fd);
    return ok;
}

// ---- One OBI slave port ------------------------------------------------------------------
struct Response {
    uint64_t ready_cycle;
    uint32_t rdata;
    bool err;
};

class ObiPort {
public:
    ObiPort(unsigned wait_states, uint32_t seed) : wait_(wait_states), rng_(seed) {}
    unsigned draw() { return wait_ ? unsigned(rng_() % (wait_ + 1)) : 0; }
    bool grant(bool req) {
        if (!req) return false;
        if (gnt_delay_ < 0) gnt_delay_ = int(draw());
        return gnt_delay_ == 0;
    }
    void accepted(uint64_t cycle, uint32_t rdata, bool err) {
        gnt_delay_ = -1;
        // In order: a response is never earlier than the one before it.
        uint64_t ready = cycle + 1 + draw();
        if (!q_.empty() && q_.back().ready_cycle >= ready) ready = q_.back().ready_cycle + 1;
        q_.push_back({ready, rdata, err});
    }
    void waited() {
        if (gnt_delay_ > 0) --gnt_delay_;
    }
    const Response* head(uint64_t cycle) const {
        return (!q_.empty() && q_.front().ready_cycle <= cycle) ? &q_.front() : nullptr;
    }
    void pop() { q_.pop_front(); }

private:
    unsigned wait_;
    std::mt19937 rng_;
    int gnt_delay_ = -1;
    std::deque<Response> q_;
};

const char* trap_name(uint32_t cause) {
    static const char* names[] = {
        "trap_instruction_address_misaligned", "trap_instruction_access_fault",
        "trap_illegal_instruction", "trap_breakpoint", "trap_load_address_misaligned",
        "trap_load_access_fault", "trap_store_address_misaligned", "trap_store_access_fault",
        "trap_user_ecall", nullptr, nullptr, "trap_machine_ecall"};
    return cause < 12 ? names[cause] : nullptr;
}

// The ISS's Spike-format line for one trace record (CSR names only for the common ones).
void log_record(FILE* f, const Vepoxy_core& c) {
    if (c.rvfi_intr_o) {
        std::fprintf(f, "core   0: interrupt #%u, epc 0x%08x\n", c.rvfi_csr_wdata_o[2] & 0x7FFFFFFFu,
                     c.rvfi_pc_rdata_o);
        return;
    }
    if (c.rvfi_trap_o) {
        const uint32_t cause = c.rvfi_csr_wdata_o[2];
        if (const char* n = trap_name(cause))
            std::fprintf(f, "core   0: exception %s, epc 0x%08x\n", n, c.rvfi_pc_rdata_o);
        else
            std::fprintf(f, "core   0: exception trap #%u, epc 0x%08x\n", cause, c.rvfi_pc_rdata_o);
        std::fprintf(f, "core   0:           tval 0x%08x\n", c.rvfi_csr_wdata_o[3]);
        return;
    }
    const bool rvc = (c.rvfi_insn_o & 3) != 3;
    std::fprintf(f, "core   0: %u 0x%08x ", unsigned(c.rvfi_mode_o), c.rvfi_pc_rdata_o);
    if (rvc) std::fprintf(f, "(0x%04x)", c.rvfi_insn_o & 0xFFFF);
    else std::fprintf(f, "(0x%08x)", c.rvfi_insn_o);
    if (c.rvfi_rd_addr_o) std::fprintf(f, " x%-2u 0x%08x", unsigned(c.rvfi_rd_addr_o), c.rvfi_rd_wdata_o);
    for (int i = 0; i < 4; ++i) {
        if (!((c.rvfi_csr_wvalid_o >> i) & 1)) continue;
        // Slot i's address is bits 12i+11..12i of the packed array.
        const uint64_t packed = c.rvfi_csr_waddr_o;
        const unsigned addr = unsigned((packed >> (12 * i)) & 0xFFF);
        std::fprintf(f, " c%u_csr 0x%08x", addr, c.rvfi_csr_wdata_o[i]);
    }
    const unsigned mask = c.rvfi_mem_rmask_o | c.rvfi_mem_wmask_o;
    if (mask) {
        std::fprintf(f, " mem 0x%08x", c.rvfi_mem_addr_o);
        if (c.rvfi_mem_wmask_o) {
            const int digits = mask == 1 ? 2 : mask == 3 ? 4 : 8;
            std::fprintf(f, " 0x%0*x", digits, c.rvfi_mem_wdata_o);
        }
    }
    std::fputc('\n', f);
}

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "epoxy-core-tb: %s needs a value\n", name);
                return nullptr;
            }
            return argv[++i];
        };
        if (a == "--max-cycles") {
            const char* v = value("--max-cycles");
            if (!v) return false;
            o.max_cycles = std::strtoull(v, nullptr, 0);
        } else if (a == "--wait-states") {
            const char* v = value("--wait-states");
            if (!v) return false;
            o.wait_states = unsigned(std::strtoul(v, nullptr, 0));
        } else if (a == "--seed") {
            const char* v = value("--seed");
            if (!v) return false;
            o.seed = uint32_t(std::strtoul(v, nullptr, 0));
        } else if (a == "--log-commits") {
            const char* v = value("--log-commits");
            if (!v) return false;
            o.commit_log = v;
        } else if (a == "--stats") {
            o.stats = true;
        } else if (!a.empty() && a[0] == '+') {
            // Verilator plusargs pass through.
        } else if (o.elf.empty() && a[0] != '-') {
            o.elf = a;
        } else {
            std::fprintf(stderr, "epoxy-core-tb: unknown option %s\n", a.c_str());
            return false;
        }
    }
    if (o.elf.empty()) {
        std::fprintf(stderr,
                     "usage: epoxy-core-tb [--max-cycles N] [--wait-states N] [--seed S] "
                     "[--log-commits FILE] [--stats] app.elf\n");
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (!parse(argc, argv, opt)) return 2;

    auto platform = std::make_unique<Platform>();
    uint32_t entry = 0;
    if (!load_elf(opt.elf, *platform, entry)) return 2;

    std::unique_ptr<FILE, int (*)(FILE*)> log(nullptr, std::fclose);
    if (!opt.commit_log.empty()) {
        log.reset(std::fopen(opt.commit_log.c_str(), "w"));
        if (!log) {
            std::fprintf(stderr, "epoxy-core-tb: %s: cannot write\n", opt.commit_log.c_str());
            return 2;
        }
    }

    const auto ctx = std::make_unique<VerilatedContext>();
    ctx->commandArgs(argc, argv);
    const auto core = std::make_unique<Vepoxy_core>(ctx.get(), "core");
    ObiPort iport(opt.wait_states, opt.seed), dport(opt.wait_states, opt.seed * 7 + 3);

    core->boot_addr_i = entry;
    core->clk_i = 0;
    core->rst_ni = 0;
    core->eval();
    core->clk_i = 1;
    core->eval();
    core->clk_i = 0;
    core->rst_ni = 1;
    core->eval();

    uint64_t cycle = 0, records = 0, retired = 0, traps = 0, interrupts = 0, sleep_cycles = 0;
    bool logged_exit = false;
    uint64_t exit_cycle = 0;
    int drain = -1;  // cycles left after EXIT, so the store's response completes
    while (cycle < opt.max_cycles && drain != 0) {
        // Inputs for this cycle: responses, interrupt lines and time.
        const Response* ir = iport.head(cycle);
        const Response* dr = dport.head(cycle);
        core->instr_rvalid_i = ir != nullptr;
        core->instr_rdata_i = ir ? ir->rdata : 0xDEADBEEF;
        core->instr_err_i = ir && ir->err;
        core->data_rvalid_i = dr != nullptr;
        core->data_rdata_i = dr ? dr->rdata : 0xDEADBEEF;
        core->data_err_i = dr && dr->err;
        core->irq_timer_i = platform->mtip();
        core->irq_software_i = platform->msip();
        core->irq_external_i = 0;
        core->irq_accel_i = 0;
        core->time_i = platform->mtime();
        core->instr_gnt_i = 0;
        core->data_gnt_i = 0;
        core->eval();
        // Grants depend on this cycle's requests.
        const bool igrant = iport.grant(core->instr_req_o);
        const bool dgnt = dport.grant(core->data_req_o);
        core->instr_gnt_i = igrant;
        core->data_gnt_i = dgnt;
        core->eval();

        // Trace record of the previous cycle's retirement (outputs are registered).
        // Statistics stop at the EXIT store, like the ISS's.
        if (core->rvfi_valid_o && !logged_exit) {
            ++records;
            if (core->rvfi_intr_o) ++interrupts;
            else if (core->rvfi_trap_o) ++traps;
            else ++retired;
            // The ISS stops at the EXIT store; the core may retire a few more before the
            // simulation ends, which the log leaves out so the two can be diffed.
            if (log && !logged_exit) log_record(log.get(), *core);
            if (core->rvfi_mem_wmask_o &&
                core->rvfi_mem_addr_o == EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT)
                logged_exit = true;
        }
        if (core->sleeping_o && !platform->exited()) ++sleep_cycles;

        // Transactions accepted at this edge.
        if (igrant) {
            uint32_t rdata = 0;
            const bool ok = platform->access(true, false, core->instr_addr_o, 0xF, 0, rdata);
            iport.accepted(cycle, rdata, !ok);
        } else if (core->instr_req_o) {
            iport.waited();
        }
        if (dgnt) {
            uint32_t rdata = 0;
            const bool ok = platform->access(false, core->data_we_o, core->data_addr_o,
                                             core->data_be_o, core->data_wdata_o, rdata);
            dport.accepted(cycle, rdata, !ok);
        } else if (core->data_req_o) {
            dport.waited();
        }
        if (ir) iport.pop();
        if (dr) dport.pop();

        core->clk_i = 1;
        core->eval();
        core->clk_i = 0;
        core->eval();
        platform->tick();
        ++cycle;
        if (platform->exited() && drain < 0) {
            drain = 32;
            exit_cycle = cycle;
        }
        if (drain > 0) --drain;
    }
    core->final();
    std::fflush(stdout);

    int status = 0;
    if (!platform->exited()) {
        std::fprintf(stderr, "epoxy-core-tb: %s: no exit after %" PRIu64 " cycles\n",
                     opt.elf.c_str(), cycle);
        status = 124;
    } else {
        const uint32_t code = platform->exit_code();
        status = int(code & 0xFF);
        if (code != 0 && status == 0) status = 1;
    }
    const uint64_t run_cycles = platform->exited() ? exit_cycle : cycle;
    if (opt.stats) {
        std::fprintf(stderr,
                     "epoxy-core-tb: cycles %" PRIu64 " retired %" PRIu64 " traps %" PRIu64
                     " interrupts %" PRIu64 " sleep %" PRIu64 " CPI %.3f exit %d\n",
                     run_cycles, retired, traps, interrupts, sleep_cycles,
                     retired ? double(run_cycles) / double(retired) : 0.0, status);
    }
    return status;
}
