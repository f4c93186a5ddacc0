// SPDX-License-Identifier: Apache-2.0
// OBI slave port with random wait states (see obi_port.h).
#include "obi_port.h"

namespace epoxy::coretb {

bool ObiPort::grant(bool req) {
    if (!req) return false;
    if (gnt_delay_ < 0) gnt_delay_ = int(draw());
    return gnt_delay_ == 0;
}

void ObiPort::accepted(uint64_t cycle, uint32_t rdata, bool err) {
    gnt_delay_ = -1;
    // In order: a response is never due before the one ahead of it.
    uint64_t ready = cycle + 1 + draw();
    if (!q_.empty() && q_.back().ready_cycle >= ready) ready = q_.back().ready_cycle + 1;
    q_.push_back({ready, rdata, err});
}

}  // namespace epoxy::coretb
