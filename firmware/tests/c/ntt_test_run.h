// SPDX-License-Identifier: Apache-2.0
// Shared by the NTT firmware tests (test-ntt-dma, test-iopmp): run one descriptor through the
// driver and read back its error, and a forward-then-inverse round trip that proves the block
// still gives the golden answer. BabyBear, cyclic, 2^kLogN elements. Check ids 100..104 are
// the runner's; the round trip uses id, id + 1 and id + 2.
#ifndef EPOXY_NTT_TEST_RUN_H
#define EPOXY_NTT_TEST_RUN_H

#include <stdint.h>

#include "epoxy/accel_shell.h"
#include "epoxy/mmio_io.h"
#include "epoxy/ntt.h"
#include "test_common.h"

namespace ntt_test {

constexpr uint32_t kLogN = 5, kN = 1u << kLogN;

inline uint32_t addr(const void* p) { return uint32_t(uintptr_t(p)); }

// Runs one descriptor; returns its error code (0 on success) and its ring index. After an
// error the stopped descriptor is replaced by a harmless PADD of `src` into `scratch` (both
// where the DMA may go) and the queue goes on.
inline unsigned run(epoxy::AccelShell<epoxy::MmioIo>& shell, const epoxy::Descriptor& d,
                    uint32_t* index, const uint32_t* src, uint32_t* scratch) {
    using epoxy::AccelStatus;
    CHECK(100, shell.submit(&d, 1) == AccelStatus::Ok);
    const AccelStatus st = shell.wait_idle(1000000);
    CHECK(101, st == AccelStatus::Ok || st == AccelStatus::DeviceError);
    epoxy::AccelError e{};
    shell.last_error(&e, index);
    CHECK(104, (st == AccelStatus::Ok) == (unsigned(e) == 0));
    if (unsigned(e) != 0) {
        uint32_t head = 0, tail = 0;
        shell.queue_indices(&head, &tail);
        shell.replace(head, epoxy::ntt::padd(epoxy::ntt::NttField::BabyBear,
                                             epoxy::ntt::NttVariant::Cyclic, kLogN, addr(src),
                                             addr(src), addr(scratch)));
        CHECK(102, shell.clear_error() == AccelStatus::Ok);
        CHECK(103, shell.wait_idle(1000000) == AccelStatus::Ok);
    }
    return unsigned(e);
}

// A good round trip: src forward into dst, inverse into back, which must equal src.
inline void round_trip(epoxy::AccelShell<epoxy::MmioIo>& shell, int id, const uint32_t* src,
                       uint32_t* dst, uint32_t* back) {
    using epoxy::ntt::NttField;
    using epoxy::ntt::NttVariant;
    uint32_t index = 0;
    for (uint32_t i = 0; i < kN; ++i) dst[i] = back[i] = 0;
    CHECK(id, run(shell, epoxy::ntt::forward(NttField::BabyBear, NttVariant::Cyclic, kLogN,
                                             addr(src), addr(dst)),
                  &index, src, back) == 0);
    CHECK(id + 1, run(shell, epoxy::ntt::inverse(NttField::BabyBear, NttVariant::Cyclic, kLogN,
                                                 addr(dst), addr(back)),
                      &index, src, back) == 0);
    for (uint32_t i = 0; i < kN; ++i) CHECK(id + 2, back[i] == src[i]);
}

}  // namespace ntt_test

#endif  // EPOXY_NTT_TEST_RUN_H
