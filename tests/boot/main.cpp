// SPDX-License-Identifier: Apache-2.0
// Catch2 entry point for the boot frame tests (Catch2 v2 supplies main()).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
