// SPDX-License-Identifier: Apache-2.0
// test-iopmp: the IOPMP's windows bound the NTT coprocessor's DMA (docs/soc.md, IOPMP).
// With the IOPMP enabled and four windows (the descriptor ring and the source read-only, the
// destination read-write, one more read-only buffer), NTT descriptors whose source or
// destination lies outside them, leaves them by a beat, or writes into the read-only window
// stop with DMA_ERROR (6) at their ring index, a ring the DMA may not read with
// DESC_FETCH_ERROR (7); a destination outside is untouched; ERR_INFO/ERR_ADDR hold the first
// violation until cleared. A descriptor inside the windows gives the golden answer (a
// forward then inverse NTT returns the input). An entry's LOCK and CTRL.LOCK make writes to
// the entries and CTRL have no effect; a window for another master does not apply to the NTT;
// disabling (unlocked) restores the SRAM-only rule. U-mode
// cannot reach the registers (the PMP grants it the SRAM only). Runs on the ISS and on the
// RTL SoC with the same output (the lines it prints carry the codes, indices and records).
// Exit 0 when every check holds, else the check's id.
#include <stddef.h>
#include <stdint.h>

#include "epoxy/accel_shell.h"
#include "epoxy/csr.h"
#include "epoxy/memory_map.h"
#include "epoxy/mmio_io.h"
#include "epoxy/ntt.h"
#include "epoxy/trap.h"
#include "epoxy/umode.h"
#include "ntt_test_run.h"
#include "test_common.h"

namespace {

using epoxy::AccelError;
using epoxy::AccelShell;
using epoxy::AccelStatus;
using epoxy::Descriptor;
using epoxy::MmioIo;
using epoxy::ntt::NttField;
using epoxy::ntt::NttVariant;
namespace ntt = epoxy::ntt;

using ntt_test::addr;
using ntt_test::kLogN;
using ntt_test::kN;
constexpr uint32_t kLanes = EPOXY_NTT_DMA_LANES;

// Every buffer at a known place, with gaps no window covers between the windows.
struct Layout {
    uint32_t ring[8 * 4];  // 4 slots: window 0 (R)
    uint32_t gap0[kN];
    uint32_t src[kN];      // window 1 (R)
    uint32_t gap1[kN];
    uint32_t dst[kN];      // window 2 (R, W): dst and back
    uint32_t back[kN];
    uint32_t gap2[kN];
    uint32_t ro[kN];       // window 3 (R)
    uint32_t gap3[kN];
    uint32_t outside[kN];  // no window
};
alignas(64) Layout m;

constexpr uint32_t kR = EPOXY_IOPMP_ENTRY_CFG_R, kW = EPOXY_IOPMP_ENTRY_CFG_W;
constexpr uint32_t kLock = EPOXY_IOPMP_ENTRY_CFG_LOCK;
constexpr uint32_t kNtt = 1u << EPOXY_IOPMP_ENTRY_CFG_MASTERS_SHIFT;  // master 0: the NTT
constexpr uint32_t kEnable = EPOXY_IOPMP_CTRL_ENABLE, kCtrlLock = EPOXY_IOPMP_CTRL_LOCK;
constexpr uint32_t kValid = EPOXY_IOPMP_ERR_INFO_VALID, kWrite = EPOXY_IOPMP_ERR_INFO_WRITE;
constexpr uint32_t kInfoNtt = 1u << EPOXY_IOPMP_ERR_INFO_MASTER_SHIFT;

volatile uint32_t* reg(uint32_t off) {
    return reinterpret_cast<volatile uint32_t*>(uintptr_t(EPOXY_IOPMP_BASE + off));
}
uint32_t rd(uint32_t off) { return *reg(off); }
void wr(uint32_t off, uint32_t v) { *reg(off) = v; }
void window(unsigned i, const void* p, uint32_t bytes, uint32_t cfg) {
    wr(EPOXY_IOPMP_ENTRY_BASE(i), addr(p));
    wr(EPOXY_IOPMP_ENTRY_LIMIT(i), addr(p) + bytes - 4u);
    wr(EPOXY_IOPMP_ENTRY_CFG(i), cfg);
}

void put_hex(uint32_t v) {
    epoxy_uart_puts("0x");
    epoxy_uart_put_hex32(v);
}

// Runs one descriptor; returns its error code (0 on success) and index. After an error the
// stopped descriptor is replaced by a harmless one inside the windows and the queue goes on.
unsigned run(AccelShell<MmioIo>& shell, const Descriptor& d, uint32_t* index) {
    return ntt_test::run(shell, d, index, m.src, m.back);
}

// A good round trip inside the windows (forward then inverse gives the input back).
void round_trip(AccelShell<MmioIo>& shell, int id) {
    ntt_test::round_trip(shell, id, m.src, m.dst, m.back);
}

bool all_are(const uint32_t* p, uint32_t n, uint32_t v) {
    for (uint32_t i = 0; i < n; ++i)
        if (p[i] != v) return false;
    return true;
}

// One refused descriptor: code, its index one past the previous, the record, then a clear.
void refused(AccelShell<MmioIo>& shell, const char* what, const Descriptor& d, unsigned code,
             uint32_t info, uint32_t err_addr, int id) {
    uint32_t head = 0, tail = 0, index = 99;
    shell.queue_indices(&head, &tail);
    const unsigned got = run(shell, d, &index);
    const uint32_t got_info = rd(EPOXY_IOPMP_ERR_INFO), got_addr = rd(EPOXY_IOPMP_ERR_ADDR);
    epoxy_uart_puts(what);
    epoxy_uart_puts(": code ");
    test_put_dec(got);
    epoxy_uart_puts(" index ");
    test_put_dec(index);
    epoxy_uart_puts(" ERR_INFO ");
    put_hex(got_info);
    epoxy_uart_puts(" ERR_ADDR layout+");
    put_hex(got_addr - addr(&m));
    epoxy_uart_puts("\n");
    CHECK(id, got == code);
    CHECK(id + 1, index == tail);
    CHECK(id + 2, got_info == info);
    CHECK(id + 3, got_addr == err_addr);
    wr(EPOXY_IOPMP_ERR_INFO, kValid);  // write 1 to clear
    CHECK(id + 4, rd(EPOXY_IOPMP_ERR_INFO) == 0 && rd(EPOXY_IOPMP_ERR_ADDR) == 0);
}

Descriptor fwd(uint32_t src, uint32_t dst) {
    return ntt::forward(NttField::BabyBear, NttVariant::Cyclic, kLogN, src, dst);
}

// ---- U-mode ----
uint8_t user_stack[1024] __attribute__((aligned(16)));
volatile uint32_t n_traps, last_cause;
void handler(epoxy_trap_frame_t* f) {
    ++n_traps;
    last_cause = f->mcause;
    epoxy_trap_skip(f);
}
uint32_t u_load(uint32_t x) {
    return x + *reinterpret_cast<volatile uint32_t*>(uintptr_t(EPOXY_IOPMP_BASE));
}
uint32_t u_store(uint32_t x) {
    *reinterpret_cast<volatile uint32_t*>(uintptr_t(EPOXY_IOPMP_BASE)) = x;
    return x;
}

}  // namespace

int main() {
    MmioIo io(EPOXY_NTT_BASE);
    AccelShell<MmioIo> shell(io);
    ntt::NttCaps caps{};
    CHECK(1, ntt::probe(shell, &caps) == AccelStatus::Ok);
    CHECK(2, shell.configure_ring(addr(m.ring), 2) == AccelStatus::Ok);
    for (uint32_t i = 0; i < kN; ++i) m.src[i] = 1000u * i + 7u;

    // Reset: disabled, nothing recorded, CAPS; the DMA reaches the whole SRAM.
    CHECK(3, rd(EPOXY_IOPMP_CTRL) == 0);
    CHECK(4, rd(EPOXY_IOPMP_ERR_INFO) == 0);
    CHECK(5, (rd(EPOXY_IOPMP_CAPS) & EPOXY_IOPMP_CAPS_ENTRIES_MASK) == EPOXY_IOPMP_ENTRIES);
    CHECK(6, (rd(EPOXY_IOPMP_CAPS) & EPOXY_IOPMP_CAPS_MASTERS_MASK) == kNtt);
    CHECK(7, run(shell, fwd(addr(m.outside), addr(m.gap3)), nullptr) == 0);
    round_trip(shell, 8);

    // The windows, then enable.
    window(0, m.ring, sizeof m.ring, kR | kNtt);
    window(1, m.src, sizeof m.src, kR | kNtt);
    window(2, m.dst, sizeof m.dst + sizeof m.back, kR | kW | kNtt);
    window(3, m.ro, sizeof m.ro, kR | kNtt);
    wr(EPOXY_IOPMP_CTRL, kEnable);
    CHECK(11, rd(EPOXY_IOPMP_CTRL) == kEnable);
    CHECK(12, rd(EPOXY_IOPMP_ENTRY_LIMIT(1)) == addr(m.src) + sizeof m.src - 4u);
    round_trip(shell, 13);
    CHECK(16, rd(EPOXY_IOPMP_ERR_INFO) == 0);

    // Refused beats.
    for (uint32_t i = 0; i < kN; ++i) m.outside[i] = m.ro[i] = m.gap2[i] = 0x5A5A5A5Au;
    const uint32_t base = addr(&m);
    refused(shell, "source outside", fwd(addr(m.outside), addr(m.dst)), 6, kValid | kInfoNtt,
            addr(m.outside), 20);
    refused(shell, "destination outside", fwd(addr(m.src), addr(m.outside)), 6,
            kValid | kWrite | kInfoNtt, addr(m.outside), 25);
    CHECK(30, all_are(m.outside, kN, 0x5A5A5A5Au));
    refused(shell, "destination read-only", fwd(addr(m.src), addr(m.ro)), 6,
            kValid | kWrite | kInfoNtt, addr(m.ro), 31);
    CHECK(36, all_are(m.ro, kN, 0x5A5A5A5Au));
    // The source leaves its window by one word: the beat holding src[kN] is refused.
    refused(shell, "source leaving its window", fwd(addr(&m.src[1]), addr(m.dst)), 6,
            kValid | kInfoNtt, addr(&m.src[1]) + 4u * kLanes * ((kN - 1u) / kLanes), 37);
    // The destination leaves its window: the beats inside are written, the rest is not.
    refused(shell, "destination leaving its window", fwd(addr(m.src), addr(&m.back[2])), 6,
            kValid | kWrite | kInfoNtt, addr(&m.back[2]) + 4u * kLanes * ((kN - 2u) / kLanes),
            42);
    CHECK(47, all_are(m.gap2, kN, 0x5A5A5A5Au));
    // A ring slot the DMA may not read: DESC_FETCH_ERROR, the slot's first word recorded.
    {
        uint32_t head = 0, tail = 0, index = 99;
        shell.queue_indices(&head, &tail);
        window(0, m.ring, sizeof m.ring, kW | kNtt);  // not readable
        const Descriptor d = fwd(addr(m.src), addr(m.dst));
        CHECK(48, shell.submit(&d, 1) == AccelStatus::Ok);
        CHECK(49, shell.wait_idle(1000000) == AccelStatus::DeviceError);
        AccelError e{};
        shell.last_error(&e, &index);
        epoxy_uart_puts("ring not readable: code ");
        test_put_dec(unsigned(e));
        epoxy_uart_puts(" ERR_ADDR layout+");
        put_hex(rd(EPOXY_IOPMP_ERR_ADDR) - base);
        epoxy_uart_puts("\n");
        CHECK(50, unsigned(e) == 7u && index == tail);
        CHECK(51, rd(EPOXY_IOPMP_ERR_INFO) == (kValid | kInfoNtt));
        CHECK(52, rd(EPOXY_IOPMP_ERR_ADDR) == addr(m.ring) + 32u * (tail & 3u));
        window(0, m.ring, sizeof m.ring, kR | kNtt);
        CHECK(53, shell.clear_error() == AccelStatus::Ok);
        CHECK(54, shell.wait_idle(1000000) == AccelStatus::Ok);
        wr(EPOXY_IOPMP_ERR_INFO, kValid);
    }
    round_trip(shell, 55);

    // A window for another master (MSM, mask bit 9) does not open that memory to the NTT.
    window(3, m.outside, sizeof m.outside, kR | kW | (kNtt << 1));
    refused(shell, "another master's window", fwd(addr(m.src), addr(m.outside)), 6,
            kValid | kWrite | kInfoNtt, addr(m.outside), 85);
    CHECK(84, all_are(m.outside, kN, 0x5A5A5A5Au));

    // An entry's LOCK: its registers stay; the other entries do not.
    window(3, m.ro, sizeof m.ro, kR | kLock | kNtt);
    window(3, m.outside, sizeof m.outside, kR | kW | kNtt);
    CHECK(60, rd(EPOXY_IOPMP_ENTRY_BASE(3)) == addr(m.ro));
    CHECK(61, rd(EPOXY_IOPMP_ENTRY_CFG(3)) == (kR | kLock | kNtt));
    refused(shell, "locked read-only entry", fwd(addr(m.src), addr(m.ro)), 6,
            kValid | kWrite | kInfoNtt, addr(m.ro), 62);

    // Disabled (not locked): the SRAM-only rule again, nothing recorded.
    wr(EPOXY_IOPMP_CTRL, 0);
    CHECK(67, run(shell, fwd(addr(m.outside), addr(m.gap3)), nullptr) == 0);
    CHECK(68, rd(EPOXY_IOPMP_ERR_INFO) == 0);

    // CTRL.LOCK: CTRL and every entry frozen, the error record still clears.
    for (uint32_t i = 0; i < kN; ++i) m.outside[i] = 0x5A5A5A5Au;
    wr(EPOXY_IOPMP_CTRL, kEnable | kCtrlLock);
    CHECK(70, rd(EPOXY_IOPMP_CTRL) == (kEnable | kCtrlLock));
    wr(EPOXY_IOPMP_CTRL, 0);
    CHECK(71, rd(EPOXY_IOPMP_CTRL) == (kEnable | kCtrlLock));
    window(2, m.dst, sizeof m.dst + sizeof m.back + sizeof m.gap2 + sizeof m.ro +
           sizeof m.gap3 + sizeof m.outside, kR | kW | kNtt);
    CHECK(72, rd(EPOXY_IOPMP_ENTRY_LIMIT(2)) == addr(m.back) + sizeof m.back - 4u);
    window(1, m.outside, sizeof m.outside, kR | kW | kNtt);
    CHECK(73, rd(EPOXY_IOPMP_ENTRY_BASE(1)) == addr(m.src));
    refused(shell, "locked", fwd(addr(m.src), addr(m.outside)), 6,
            kValid | kWrite | kInfoNtt, addr(m.outside), 74);
    CHECK(79, all_are(m.outside, kN, 0x5A5A5A5Au));
    round_trip(shell, 80);

    // U-mode: the PMP grants it the SRAM only, so the IOPMP's page faults.
    epoxy_set_trap_handler(handler);
    epoxy_csr_write(pmpaddr0, (EPOXY_SRAM_BASE >> 2) | ((EPOXY_SRAM_SIZE >> 3) - 1u));
    epoxy_csr_write(pmpcfg0, EPOXY_PMP_NAPOT | EPOXY_PMP_R | EPOXY_PMP_W | EPOXY_PMP_X);
    void* usp = user_stack + sizeof user_stack;
    n_traps = 0;
    epoxy_run_user(u_load, 1u, usp);
    CHECK(91, n_traps == 1 && last_cause == EPOXY_CAUSE_LOAD_ACCESS);
    n_traps = 0;
    epoxy_run_user(u_store, 0u, usp);
    CHECK(92, n_traps == 1 && last_cause == EPOXY_CAUSE_STORE_ACCESS);
    CHECK(93, rd(EPOXY_IOPMP_CTRL) == (kEnable | kCtrlLock));

    epoxy_uart_puts("test-iopmp: PASS\n");
    return 0;
}
