// SPDX-License-Identifier: Apache-2.0
// Boot frames (epoxy/boot_frame.h, docs/bootloader.md) on the host: flattening an app's
// loadable segments into one image, encoding and decoding the frame, and the boot ROM image
// (bootloader + embedded frame) as a $readmemh file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace epoxy::boot {

// A problem with an input; what() names the problem, callers prefix the file.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// CRC-32 (IEEE 802.3, as zlib's crc32): `crc` is a previous result to continue from (0 to
// start), so crc32(b, nb, crc32(a, na)) is the CRC of a then b.
uint32_t crc32(const uint8_t* data, size_t size, uint32_t crc = 0);

// One loadable segment: `bytes` are its file contents at `addr`; `mem_size` >= bytes.size()
// (the rest is .bss, which the app's start-up code zeroes).
struct Segment {
    uint32_t addr = 0;
    std::vector<uint8_t> bytes;
    uint32_t mem_size = 0;
};

// What a frame carries: `bytes` go to `load`, then the bootloader jumps to `entry`.
struct Image {
    uint32_t load = 0;
    uint32_t entry = 0;
    std::vector<uint8_t> bytes;
};

// The file contents of `segments` as one image from the lowest to the highest file byte,
// gaps zero-filled. Error: no file bytes at all, two segments overlapping, or `entry`
// outside the image.
Image flatten(const std::vector<Segment>& segments, uint32_t entry);

struct Header {
    uint32_t magic = 0, version = 0, load = 0, length = 0, entry = 0;
    uint32_t payload_crc = 0, reserved = 0, header_crc = 0;
};

// The header of `image`'s frame, with both CRCs.
Header make_header(const Image& image);
// The header's 32 bytes, little-endian words, exactly as given (no CRC computed).
std::vector<uint8_t> encode_header(const Header& h);
// Reads a header from the first 32 bytes of `bytes` (Error if there are fewer).
Header decode_header(const std::vector<uint8_t>& bytes);
// CRC-32 of a header's first 28 bytes, the value its header_crc must have.
uint32_t header_crc(const Header& h);
// Header followed by the payload.
std::vector<uint8_t> encode_frame(const Image& image);

// The boot ROM's contents: `bootloader` at offset 0, `frame` (may be empty) at
// `frame_offset`, zero-padded to `rom_size` bytes (a multiple of 4). Error when something
// does not fit.
std::vector<uint8_t> make_rom(const std::vector<uint8_t>& bootloader, uint32_t frame_offset,
                              const std::vector<uint8_t>& frame, uint32_t rom_size);
// `rom` as a $readmemh file: one 32-bit little-endian word per line, 8 lowercase hex digits
// (what epoxy_soc_ram's RomInitFile reads). The size must be a multiple of 4.
std::string to_readmemh(const std::vector<uint8_t>& rom);

}  // namespace epoxy::boot
