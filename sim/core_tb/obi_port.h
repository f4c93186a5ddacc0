// SPDX-License-Identifier: Apache-2.0
// One OBI slave port of the core testbench: seeded random grant and response wait states.
//
// The port decides, per request, how many cycles to hold the grant back, and per accepted
// transaction how many extra cycles its response takes (0..wait_states each, drawn from
// its own generator, so a seed reproduces a run exactly). Responses are returned in order
// and never earlier than the cycle after the grant, as OBI requires. The port does not
// touch memory: the caller performs the access when the request is granted and hands the
// result to accepted().
#pragma once

#include <cstdint>
#include <deque>
#include <random>

namespace epoxy::coretb {

struct ObiResponse {
    uint64_t ready_cycle = 0;
    uint32_t rdata = 0;
    bool err = false;
};

class ObiPort {
  public:
    ObiPort(unsigned wait_states, uint64_t seed) : wait_(wait_states), rng_(seed) {}

    // This cycle's grant for a request (true: accepted at the coming clock edge).
    bool grant(bool req);
    // A request was granted in `cycle` with this result; schedules its response.
    void accepted(uint64_t cycle, uint32_t rdata, bool err);
    // A request was held in `cycle` without a grant.
    void waited() {
        if (gnt_delay_ > 0) --gnt_delay_;
    }
    // The response due in `cycle`, or nullptr.
    const ObiResponse* head(uint64_t cycle) const {
        return (!q_.empty() && q_.front().ready_cycle <= cycle) ? &q_.front() : nullptr;
    }
    void pop() { q_.pop_front(); }
    bool idle() const { return q_.empty(); }

  private:
    unsigned draw() { return wait_ ? unsigned(rng_() % (uint64_t(wait_) + 1)) : 0; }

    unsigned wait_;
    std::mt19937_64 rng_;
    int gnt_delay_ = -1;  // -1: no request being held
    std::deque<ObiResponse> q_;
};

}  // namespace epoxy::coretb
