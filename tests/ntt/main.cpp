// SPDX-License-Identifier: Apache-2.0
// Catch2 main for the NTT driver and engine tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
