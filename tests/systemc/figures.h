// SPDX-License-Identifier: Apache-2.0
// What the SystemC comparison tests record on each platform and how they compare it
// (docs/systemc.md): named figures in workload order and failed expectations, and report(),
// which prints the failures and the figures side by side (plain Verilator, SystemC), marks
// every figure that differs and returns the number of failures. Shared by main.cpp (the
// copy/fill engine) and ntt_main.cpp (the NTT block).
#ifndef EPOXY_TESTS_SYSTEMC_FIGURES_H_
#define EPOXY_TESTS_SYSTEMC_FIGURES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "epoxy/accel_shell.h"

namespace epoxy::sc_test {

struct Figures {
    std::vector<std::pair<std::string, uint64_t>> values;
    std::vector<std::string> failures;

    void put(const std::string& name, uint64_t v) { values.emplace_back(name, v); }
    void expect(bool ok, const std::string& what) {
        if (!ok) failures.push_back(what);
    }
    // Records a status and expects it.
    void status(const std::string& name, AccelStatus got, AccelStatus want) {
        put(name, uint64_t(got));
        expect(got == want, name + ": status " + std::to_string(unsigned(got)) + ", expected " +
                                std::to_string(unsigned(want)));
    }
};

// Prints the failures of both platforms, then the table; every figure must be equal on both.
inline int report(const Figures& ver, const Figures& sys) {
    int failures = 0;
    for (const std::string& m : ver.failures) {
        std::printf("FAIL [verilator] %s\n", m.c_str());
        ++failures;
    }
    for (const std::string& m : sys.failures) {
        std::printf("FAIL [systemc] %s\n", m.c_str());
        ++failures;
    }
    std::printf("%-40s %12s %12s\n", "figure", "verilator", "systemc");
    const size_t n = std::max(ver.values.size(), sys.values.size());
    for (size_t i = 0; i < n; ++i) {
        const bool hv = i < ver.values.size(), hs = i < sys.values.size();
        const std::string name = hv ? ver.values[i].first : sys.values[i].first;
        const bool same = hv && hs && ver.values[i] == sys.values[i];
        std::printf("%-40s %12s %12s%s\n", name.c_str(),
                    hv ? std::to_string(ver.values[i].second).c_str() : "-",
                    hs ? std::to_string(sys.values[i].second).c_str() : "-",
                    same ? "" : "  <-- differs");
        if (!same) ++failures;
    }
    std::printf("%s: %zu figures compared, %d failure(s)\n", failures ? "FAILED" : "PASSED", n,
                failures);
    return failures;
}

// --dma-latency-cycles N (0..1000) and nothing else; false (with a message) on a bad command
// line.
inline bool parse_latency(int argc, char* argv[], unsigned* latency_cycles) {
    *latency_cycles = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--dma-latency-cycles" && i + 1 < argc) {
            char* end = nullptr;
            const unsigned long v = std::strtoul(argv[++i], &end, 10);
            if (*end != '\0' || v > 1000) {
                std::fprintf(stderr, "%s: --dma-latency-cycles: '%s' is not a number 0..1000\n",
                             argv[0], argv[i]);
                return false;
            }
            *latency_cycles = unsigned(v);
        } else {
            std::fprintf(stderr, "usage: %s [--dma-latency-cycles N]\n", argv[0]);
            return false;
        }
    }
    return true;
}

}  // namespace epoxy::sc_test

#endif  // EPOXY_TESTS_SYSTEMC_FIGURES_H_
