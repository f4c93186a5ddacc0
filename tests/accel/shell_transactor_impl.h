// SPDX-License-Identifier: Apache-2.0
// The member functions of epoxy::test::BasicShellTransactor<Top> (see shell_transactor.h).
// Include it with the Verilated class header of Top, in the file that instantiates the
// transactor for that top.
#ifndef EPOXY_TESTS_ACCEL_SHELL_TRANSACTOR_IMPL_H_
#define EPOXY_TESTS_ACCEL_SHELL_TRANSACTOR_IMPL_H_

#include <cstdio>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "shell_transactor.h"
#include "verilated.h"

namespace epoxy::test {

namespace detail {
inline std::string hex(uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%08llx", static_cast<unsigned long long>(v));
    return buf;
}

// Lane i (32 bits) of a DMA data port, whatever type Verilator gives its width: an integer up
// to 64 bits (one or two lanes) or a VlWide (more).
template <class T>
uint32_t lane(const T& port, unsigned i) {
    if constexpr (std::is_integral_v<T>)
        return uint32_t(uint64_t(port) >> (32 * i));
    else
        return port[i];
}
template <class T>
void set_lane(T& port, unsigned i, uint32_t v) {
    if constexpr (std::is_integral_v<T>) {
        const uint64_t mask = uint64_t(0xFFFFFFFFu) << (32 * i);
        port = T((uint64_t(port) & ~mask) | (uint64_t(v) << (32 * i)));
    } else {
        port[i] = v;
    }
}
}  // namespace detail

template <class Top>
BasicShellTransactor<Top>::BasicShellTransactor() : BasicShellTransactor(Options{}) {}

template <class Top>
BasicShellTransactor<Top>::BasicShellTransactor(const Options& opt)
    : opt_(opt), ctx_(std::make_unique<VerilatedContext>()), rng_(opt.seed) {
    if (uint64_t(opt.mem_base) + 4ull * opt.mem_words > (uint64_t(1) << 32) || (opt.mem_base & 3))
        throw std::invalid_argument(
            "shell transactor: a memory of " + std::to_string(opt.mem_words) + " words at " +
            detail::hex(opt.mem_base) + " is misaligned or leaves the address space");
    top_ = std::make_unique<Top>(ctx_.get(), "top");
    mem_.assign(opt.mem_words, 0);
    top_->clk_i = 0;
    top_->rst_ni = 0;
    top_->eval();
    top_->rst_ni = 1;
    top_->eval();
}

template <class Top>
BasicShellTransactor<Top>::~BasicShellTransactor() = default;

template <class Top>
void BasicShellTransactor<Top>::cycle() {
    Top& t = *top_;
    t.clk_i = 0;
    // DMA response due this cycle (granted last cycle).
    using RData = std::remove_reference_t<decltype(t.dma_rdata_i)>;
    constexpr unsigned kLanes = sizeof(RData) / 4;  // 32-bit DMA lanes of the port
    t.dma_rvalid_i = resp_valid_;
    for (unsigned i = 0; i < kLanes; ++i) detail::set_lane(t.dma_rdata_i, i, resp_data_[i]);
    t.dma_err_i = resp_err_;
    t.dma_gnt_i = 0;
    t.eval();
    // Grant after a random delay; the request must stay stable meanwhile (OBI).
    bool grant = false;
    if (t.dma_req_o) {
        if (wait_left_ < 0) wait_left_ = opt_.max_wait ? int(rng_() % (opt_.max_wait + 1)) : 0;
        if (wait_left_ == 0)
            grant = true;
        else
            --wait_left_;
    }
    t.dma_gnt_i = grant;
    t.eval();
    resp_valid_ = false;
    if (grant) {
        // A beat: words addr, addr + 4, ... on the lanes whose byte enables are set, a prefix
        // of the lanes (the shell's contract); one bus error answers the whole beat, and a
        // write with an error changes nothing.
        wait_left_ = -1;
        resp_valid_ = true;
        resp_err_ = false;
        for (auto& w : resp_data_) w = 0;
        const uint32_t a = t.dma_addr_o;
        const uint64_t be = uint64_t(t.dma_be_o);
        unsigned words = 0;
        while (words < kLanes && ((be >> (4 * words)) & 0xF)) ++words;
        if (words == 0 || (be >> (4 * words)) != 0)
            throw std::runtime_error("shell DMA port: byte enables " + detail::hex(be) +
                                     " are not a prefix of the lanes at " + detail::hex(a));
        for (unsigned i = 0; i < words; ++i) {
            const uint64_t wa = uint64_t(a) + 4 * i;
            if (wa < opt_.mem_base || wa - opt_.mem_base >= 4ull * mem_.size() || (wa & 3) ||
                (wa >= err_lo_ && wa < err_hi_))
                resp_err_ = true;
        }
        for (unsigned i = 0; i < words && !resp_err_; ++i) {
            uint32_t& w = mem_[(a + 4 * i - opt_.mem_base) / 4];
            const unsigned lbe = unsigned(be >> (4 * i)) & 0xF;
            if (t.dma_we_o) {
                const uint32_t wd = detail::lane(t.dma_wdata_o, i);
                for (int b = 0; b < 4; ++b)
                    if ((lbe >> b) & 1) w = (w & ~(0xFFu << (8 * b))) | (wd & (0xFFu << (8 * b)));
                ++writes_;
            } else {
                resp_data_[i] = w;
                ++reads_;
            }
        }
        if (!resp_err_) ++beats_;
    }
    t.clk_i = 1;
    t.eval();
    ++cycles_;
}

template <class Top>
RegResult BasicShellTransactor<Top>::access(uint32_t off, bool we, uint32_t wdata, uint8_t be) {
    Top& t = *top_;
    t.reg_req_i = 1;
    t.reg_addr_i = kAccelRegBase + off;
    t.reg_we_i = we;
    t.reg_be_i = be;
    t.reg_wdata_i = wdata;
    t.clk_i = 0;
    t.eval();
    if (!t.reg_gnt_o)  // the register port never stalls
        throw std::runtime_error("shell register port: no grant for offset " + detail::hex(off));
    cycle();
    t.reg_req_i = 0;
    t.clk_i = 0;
    t.eval();
    if (!t.reg_rvalid_o)  // exactly one cycle later
        throw std::runtime_error(
            "shell register port: no answer one cycle after the grant "
            "for offset " +
            detail::hex(off));
    const RegResult r{t.reg_rdata_o, bool(t.reg_err_o)};
    cycle();
    return r;
}

template <class Top>
uint32_t BasicShellTransactor<Top>::reg_read(uint32_t off) {
    const RegResult r = access(off, false, 0);
    ++reg_reads_;
    if (r.err) ++reg_errors_;
    return r.value;
}

template <class Top>
void BasicShellTransactor<Top>::reg_write(uint32_t off, uint32_t v) {
    if (access(off, true, v).err) ++reg_errors_;
}

template <class Top>
size_t BasicShellTransactor<Top>::word_index(uint32_t addr, size_t n) const {
    const uint64_t end = uint64_t(addr) + 4ull * n;
    if ((addr & 3) || addr < opt_.mem_base || end > opt_.mem_base + 4ull * mem_.size())
        throw std::out_of_range("shell transactor: " + std::to_string(n) + " words at " +
                                detail::hex(addr) + " are not inside the memory " +
                                detail::hex(opt_.mem_base) + ".." +
                                detail::hex(opt_.mem_base + 4ull * mem_.size()));
    return (addr - opt_.mem_base) / 4;
}

template <class Top>
void BasicShellTransactor<Top>::mem_write(uint32_t addr, const uint32_t* words, size_t n) {
    const size_t i = word_index(addr, n);
    for (size_t k = 0; k < n; ++k) mem_[i + k] = words[k];
}

template <class Top>
void BasicShellTransactor<Top>::mem_read(uint32_t addr, uint32_t* words, size_t n) {
    const size_t i = word_index(addr, n);
    for (size_t k = 0; k < n; ++k) words[k] = mem_[i + k];
}

template <class Top>
void BasicShellTransactor<Top>::tick() {
    for (unsigned i = 0; i < opt_.cycles_per_tick; ++i) cycle();
}

template <class Top>
uint32_t& BasicShellTransactor<Top>::mem(uint32_t addr) {
    return mem_[word_index(addr, 1)];
}

template <class Top>
void BasicShellTransactor<Top>::set_dma_error_window(uint32_t lo, uint32_t hi) {
    err_lo_ = lo;
    err_hi_ = hi;
}

template <class Top>
bool BasicShellTransactor<Top>::irq() {
    top_->clk_i = 0;
    top_->eval();
    return top_->irq_o;
}

}  // namespace epoxy::test

#endif  // EPOXY_TESTS_ACCEL_SHELL_TRANSACTOR_IMPL_H_
