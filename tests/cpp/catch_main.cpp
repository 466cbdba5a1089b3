// Catch2's main for the wasm build of the suite (natively, Debian's Catch2WithMain is used).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
