// SPDX-License-Identifier: Apache-2.0
// The boot frame on the host (sw/tools/epoxy-load/frame.h): the CRC against an independent
// CRC-32 (zlib's, when the build found it, and the standard check value), the header layout
// of epoxy/boot_frame.h, flattening segments, the ROM image and its $readmemh text (read back
// with epoxy-sim's reader).
#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#ifdef EPOXY_HAVE_ZLIB
#include <zlib.h>
#endif

#include "epoxy/boot_frame.h"
#include "frame.h"
#include "rom_hex.h"

using namespace epoxy::boot;
using Bytes = std::vector<uint8_t>;

namespace {

Bytes random_bytes(size_t n, uint32_t seed) {
    std::mt19937 rng(seed);
    Bytes out(n);
    for (auto& b : out) b = uint8_t(rng());
    return out;
}

// The CRC bit by bit, straight from its definition (reflected polynomial 0xEDB88320).
uint32_t crc32_bitwise(const Bytes& data) {
    uint32_t crc = 0xFFFFFFFFu;
    for (uint8_t b : data) {
        crc ^= b;
        for (int i = 0; i < 8; ++i) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

uint32_t reference_crc(const Bytes& data) {
#ifdef EPOXY_HAVE_ZLIB
    return uint32_t(::crc32(0, data.data(), uInt(data.size())));
#else
    return crc32_bitwise(data);
#endif
}

uint32_t word_at(const Bytes& b, size_t offset) {
    return uint32_t(b[offset]) | uint32_t(b[offset + 1]) << 8 | uint32_t(b[offset + 2]) << 16 |
           uint32_t(b[offset + 3]) << 24;
}

Segment segment(uint32_t addr, Bytes bytes, uint32_t bss = 0) {
    Segment s;
    s.addr = addr;
    s.mem_size = uint32_t(bytes.size()) + bss;
    s.bytes = std::move(bytes);
    return s;
}

}  // namespace

TEST_CASE("CRC-32 check value", "[crc]") {
    const std::string s = "123456789";
    CHECK(crc32(reinterpret_cast<const uint8_t*>(s.data()), s.size()) == 0xCBF43926u);
    CHECK(crc32(nullptr, 0) == 0u);
}

TEST_CASE("CRC-32 equals the reference and the bitwise definition", "[crc]") {
    for (size_t n : {1u, 3u, 4u, 31u, 32u, 1000u, 65537u}) {
        const Bytes data = random_bytes(n, uint32_t(n));
        INFO("size " << n);
        CHECK(crc32(data.data(), data.size()) == reference_crc(data));
        CHECK(crc32(data.data(), data.size()) == crc32_bitwise(data));
        // Chaining as zlib does.
        const size_t half = n / 2;
        CHECK(crc32(data.data() + half, n - half, crc32(data.data(), half)) == reference_crc(data));
    }
}

TEST_CASE("frame header layout", "[frame]") {
    Image image;
    image.load = 0x10000000;
    image.entry = 0x10000010;
    image.bytes = random_bytes(1234, 7);
    const Bytes frame = encode_frame(image);
    REQUIRE(frame.size() == EPOXY_BOOT_HEADER_SIZE + 1234);
    // Bytes 45 50 58 b0.
    CHECK(frame[0] == 0x45);
    CHECK(frame[1] == 0x50);
    CHECK(frame[2] == 0x58);
    CHECK(frame[3] == 0xB0);
    CHECK(word_at(frame, 4 * EPOXY_BOOT_W_VERSION) == 1u);
    CHECK(word_at(frame, 4 * EPOXY_BOOT_W_LOAD) == 0x10000000u);
    CHECK(word_at(frame, 4 * EPOXY_BOOT_W_LENGTH) == 1234u);
    CHECK(word_at(frame, 4 * EPOXY_BOOT_W_ENTRY) == 0x10000010u);
    CHECK(word_at(frame, 4 * EPOXY_BOOT_W_PAYLOAD_CRC) == reference_crc(image.bytes));
    CHECK(word_at(frame, 4 * EPOXY_BOOT_W_RESERVED) == 0u);
    CHECK(word_at(frame, 4 * EPOXY_BOOT_W_HEADER_CRC) ==
          reference_crc(Bytes(frame.begin(), frame.begin() + 28)));
    CHECK(Bytes(frame.begin() + EPOXY_BOOT_HEADER_SIZE, frame.end()) == image.bytes);

    const Header h = decode_header(frame);
    CHECK(h.magic == EPOXY_BOOT_MAGIC);
    CHECK(h.length == 1234u);
    CHECK(header_crc(h) == h.header_crc);
    CHECK(encode_header(h) == Bytes(frame.begin(), frame.begin() + EPOXY_BOOT_HEADER_SIZE));
    CHECK_THROWS_AS(decode_header(Bytes(31)), Error);
}

TEST_CASE("flatten: gaps zero-filled, .bss left out, order free", "[flatten]") {
    const std::vector<Segment> segs = {
        segment(0x10001000, {5, 6, 7}, 0x100),  // data with .bss after it
        segment(0x10000000, {1, 2, 3, 4}),      // text
        segment(0x10002000, {}, 0x3000),        // .bss only: not loaded
    };
    const Image image = flatten(segs, 0x10000002);
    CHECK(image.load == 0x10000000u);
    CHECK(image.entry == 0x10000002u);
    REQUIRE(image.bytes.size() == 0x1003u);
    CHECK(Bytes(image.bytes.begin(), image.bytes.begin() + 4) == Bytes{1, 2, 3, 4});
    for (size_t i = 4; i < 0x1000; ++i) REQUIRE(image.bytes[i] == 0);
    CHECK(Bytes(image.bytes.begin() + 0x1000, image.bytes.end()) == Bytes{5, 6, 7});
}

TEST_CASE("flatten: what cannot become a frame", "[flatten]") {
    CHECK_THROWS_WITH(flatten({segment(0x10000000, {}, 16)}, 0x10000000),
                      Catch::Contains("no loadable bytes"));
    CHECK_THROWS_WITH(
        flatten({segment(0x10000000, Bytes(8)), segment(0x10000004, Bytes(8))}, 0x10000000),
        Catch::Contains("overlap"));
    CHECK_THROWS_WITH(flatten({segment(0x10000000, Bytes(8))}, 0x10000008),
                      Catch::Contains("entry point 0x10000008 is outside"));
    CHECK_THROWS_WITH(flatten({segment(0x10000000, Bytes(8))}, 0x0FFFFFFC),
                      Catch::Contains("outside"));
}

TEST_CASE("ROM image: bootloader, frame at its offset, padding", "[rom]") {
    const Bytes boot = {0x11, 0x22, 0x33, 0x44, 0x55};
    const Bytes frame = {0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7};
    const Bytes rom = make_rom(boot, 256, frame, 1024);
    REQUIRE(rom.size() == 1024u);
    CHECK(Bytes(rom.begin(), rom.begin() + 5) == boot);
    for (size_t i = 5; i < 256; ++i) REQUIRE(rom[i] == 0);
    CHECK(Bytes(rom.begin() + 256, rom.begin() + 264) == frame);
    for (size_t i = 264; i < 1024; ++i) REQUIRE(rom[i] == 0);
    CHECK(make_rom(boot, 256, {}, 16).size() == 16u);  // no app: the offset does not matter

    CHECK_THROWS_WITH(make_rom(boot, 256, frame, 260), Catch::Contains("4 bytes too many"));
    CHECK_THROWS_WITH(make_rom(boot, 4, frame, 1024), Catch::Contains("inside the bootloader"));
    CHECK_THROWS_WITH(make_rom(Bytes(2000), 2048, frame, 1024), Catch::Contains("does not fit"));
    CHECK_THROWS_WITH(make_rom(boot, 256, frame, 1022), Catch::Contains("multiple of 4"));
}

TEST_CASE("ROM image as $readmemh, read back as epoxy-sim reads it", "[rom]") {
    const Bytes rom = {0xEF, 0xBE, 0xAD, 0xDE, 0x01, 0x00, 0x00, 0x00};
    const std::string text = to_readmemh(rom);
    CHECK(text == "deadbeef\n00000001\n");

    const std::string path = "boot-unit-rom.hex";
    std::FILE* f = std::fopen(path.c_str(), "w");
    REQUIRE(f);
    std::fputs((text + "// a comment\n@3 0000_0007 // word 3\n").c_str(), f);
    std::fclose(f);
    const std::vector<uint32_t> words = epoxy::socsim::read_readmemh(path, 4);
    CHECK(words == std::vector<uint32_t>{0xDEADBEEF, 1, 0, 7});
    CHECK_THROWS_WITH(epoxy::socsim::read_readmemh(path, 3),
                      Catch::Contains("line 4: word 3 is beyond"));

    f = std::fopen(path.c_str(), "w");
    REQUIRE(f);
    std::fputs("0000000x\n", f);
    std::fclose(f);
    CHECK_THROWS_WITH(epoxy::socsim::read_readmemh(path, 4),
                      Catch::Contains("line 1: '0000000x' is not a 32-bit hex word"));
    std::remove(path.c_str());
}
