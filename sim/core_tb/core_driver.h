// SPDX-License-Identifier: Apache-2.0
// Drives the Verilated glue core (Vepoxy_core) cycle by cycle against a Platform.
//
// Owns the model and the two OBI ports (instruction and data, each with its own seeded
// wait-state generator); the VerilatedContext is the caller's and is passed in explicitly.
// Every cycle: present responses, interrupt lines and mtime, let the core raise requests,
// grant them (or not), perform the granted accesses on the Platform, clock. A retirement
// reported on the RVFI port is returned as an iss::Retire, so commit logs and lockstep
// comparison use the ISS's own record type and formatter.
#pragma once

#include <cstdint>
#include <memory>

#include "iss/retire.h"
#include "obi_port.h"
#include "platform.h"

class VerilatedContext;
class Vepoxy_core;

namespace epoxy::coretb {

// The core's NumAccelIrq as Verilated (its default): accelerator lines on irq_accel_i.
constexpr unsigned kCoreAccelIrqs = 3;

struct CoreDriverConfig {
    unsigned wait_states = 0;  // up to this many random cycles on every grant and response
    uint64_t seed = 1;         // seeds the two ports' wait-state generators
};

class CoreDriver {
  public:
    CoreDriver(VerilatedContext& context, Platform& platform, const CoreDriverConfig& config);
    ~CoreDriver();
    CoreDriver(const CoreDriver&) = delete;
    CoreDriver& operator=(const CoreDriver&) = delete;

    // Reset the core with `boot_addr` as its first pc.
    void reset(uint32_t boot_addr);
    // One clock cycle. True when the core reported a record on RVFI at this edge.
    bool step_cycle(iss::Retire& record);
    void finish();  // final() the model

    uint64_t cycles() const { return cycle_; }
    uint64_t sleep_cycles() const { return sleep_cycles_; }

  private:
    Platform& platform_;
    std::unique_ptr<Vepoxy_core> core_;
    ObiPort iport_, dport_;
    uint64_t cycle_ = 0, sleep_cycles_ = 0;
};

}  // namespace epoxy::coretb
