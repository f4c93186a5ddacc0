// SPDX-License-Identifier: Apache-2.0
// Host back end of the accelerator shell driver: a bus transactor into a Verilated shell.
//
// BasicShellTransactor<Top> drives any Verilated top with the ports of
// rtl/epoxy_accel_test_top.sv (clk_i, rst_ni, the reg_* OBI slave port, the dma_* OBI master
// port, irq_o): the shell with the copy/fill test engine here (ShellTransactor), the NTT
// engine in tests/ntt. Register accesses are OBI transactions on the shell's register port
// (request, grant at once, the answer exactly one cycle later: the crossbar's slave
// contract). The shell's DMA port is answered by a C++ memory that grants after a random
// delay (0..max_wait cycles, the request held stable meanwhile, as OBI requires), responds
// one cycle after the grant and answers a bus error outside the memory, on misaligned
// addresses and inside an injected error window. A DMA port of several 32-bit lanes (the NTT
// block with DmaLanes > 1) moves a beat of consecutive words per grant (any word lanes
// enabled must be a prefix; a word outside the memory or in the error window makes the whole
// beat a bus error). It implements the driver's Io interface
// (reg_read, reg_write, mem_write, mem_read, tick), and exposes the bench for register-level
// tests. A broken bus contract (no grant, no answer) throws std::runtime_error; a host access
// outside the memory throws std::out_of_range. Register bus errors are counted, not thrown,
// so tests can provoke them on purpose.
//
// The member functions are in shell_transactor_impl.h. shell_transactor.cpp instantiates
// ShellTransactor (the test top) once; a bench for another top includes the _impl header
// together with its Verilated class header.
#ifndef EPOXY_TESTS_ACCEL_SHELL_TRANSACTOR_H_
#define EPOXY_TESTS_ACCEL_SHELL_TRANSACTOR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

class VerilatedContext;
class Vepoxy_accel_test_top;

namespace epoxy::test {

constexpr uint32_t kAccelRegBase = 0x30000000u;    // where the bench puts the register port
constexpr uint32_t kAccelTestId = 0x434F5059u;     // 'COPY', the test engine's ID
constexpr uint8_t kOpCopy = 0x01, kOpFill = 0x02;  // the test engine's opcodes

struct RegResult {
    uint32_t value;
    bool err;
};

template <class Top>
class BasicShellTransactor {
  public:
    struct Options {
        uint32_t mem_base = 0x10000000u;
        uint32_t mem_words = 16384;  // 64 KiB; any size that ends at or below 2^32
        unsigned max_wait = 0;       // DMA grant delay: 0..max_wait cycles, random
        uint32_t seed = 1;
        unsigned cycles_per_tick = 1;
    };

    BasicShellTransactor();
    explicit BasicShellTransactor(const Options& opt);  // std::invalid_argument: memory wraps
    ~BasicShellTransactor();
    BasicShellTransactor(const BasicShellTransactor&) = delete;
    BasicShellTransactor& operator=(const BasicShellTransactor&) = delete;

    // ---- The driver's Io interface ----
    uint32_t reg_read(uint32_t off);  // a bus error is counted in reg_errors()
    void reg_write(uint32_t off, uint32_t v);
    void mem_write(uint32_t addr, const uint32_t* words, size_t n);
    void mem_read(uint32_t addr, uint32_t* words, size_t n);
    void tick();  // cycles_per_tick cycles

    // ---- The bench ----
    // One register transaction (two cycles); byte enables as given.
    RegResult access(uint32_t off, bool we, uint32_t wdata, uint8_t be = 0xF);
    void cycle();
    uint32_t& mem(uint32_t addr);  // the word at a byte address inside the memory
    // DMA accesses in [lo, hi) are answered with a bus error (the memory keeps its data).
    void set_dma_error_window(uint32_t lo, uint32_t hi);
    bool irq();
    uint32_t mem_base() const { return opt_.mem_base; }
    uint32_t mem_words() const { return uint32_t(mem_.size()); }
    uint64_t cycles() const { return cycles_; }
    uint64_t dma_reads() const { return reads_; }
    uint64_t dma_writes() const { return writes_; }
    uint64_t dma_beats() const { return beats_; }  // granted without a bus error
    uint64_t reg_reads() const { return reg_reads_; }
    uint64_t reg_errors() const { return reg_errors_; }
    Top& top() { return *top_; }

  private:
    size_t word_index(uint32_t addr, size_t n) const;

    Options opt_;
    std::unique_ptr<VerilatedContext> ctx_;
    std::unique_ptr<Top> top_;
    std::vector<uint32_t> mem_;
    std::mt19937 rng_;
    int wait_left_ = -1;
    bool resp_valid_ = false, resp_err_ = false;
    uint32_t resp_data_[4] = {};  // one word per DMA lane (at most 4)
    uint32_t err_lo_ = 0, err_hi_ = 0;
    uint64_t cycles_ = 0, reads_ = 0, writes_ = 0, beats_ = 0, reg_reads_ = 0, reg_errors_ = 0;
};

// The shell with the copy/fill test engine (tests/accel, tests/systemc's comparison bench),
// instantiated in shell_transactor.cpp. A class rather than an alias, so that benches derived
// from it can name it as their base (ShellTransactor(...) in a constructor's initialiser).
extern template class BasicShellTransactor<Vepoxy_accel_test_top>;
class ShellTransactor : public BasicShellTransactor<Vepoxy_accel_test_top> {
  public:
    using BasicShellTransactor::BasicShellTransactor;
};

}  // namespace epoxy::test

#endif  // EPOXY_TESTS_ACCEL_SHELL_TRANSACTOR_H_
