// SPDX-License-Identifier: Apache-2.0
// Catch2 main for the random instruction-stream generator's tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
