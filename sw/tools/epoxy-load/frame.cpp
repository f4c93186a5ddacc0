// SPDX-License-Identifier: Apache-2.0
// Boot frames on the host (see frame.h). The CRC is the bootloader's own (epoxy/boot_frame.h),
// so both ends compute it with the same code; the unit tests check it against zlib.
#include "frame.h"

#include <fmt/format.h>

#include <algorithm>

#include "epoxy/boot_frame.h"

namespace epoxy::boot {

uint32_t crc32(const uint8_t* data, size_t size, uint32_t crc) {
    crc = ~crc;
    for (size_t i = 0; i < size; ++i) crc = epoxy_boot_crc32_byte(crc, data[i]);
    return ~crc;
}

Image flatten(const std::vector<Segment>& segments, uint32_t entry) {
    std::vector<const Segment*> loaded;
    for (const Segment& s : segments)
        if (!s.bytes.empty()) loaded.push_back(&s);
    if (loaded.empty()) throw Error("no loadable bytes (every segment is empty or .bss)");
    std::sort(loaded.begin(), loaded.end(),
              [](const Segment* a, const Segment* b) { return a->addr < b->addr; });
    for (size_t i = 1; i < loaded.size(); ++i) {
        const Segment& a = *loaded[i - 1];
        const Segment& b = *loaded[i];
        if (uint64_t(a.addr) + a.bytes.size() > b.addr)
            throw Error(fmt::format("segments at 0x{:08x} (+0x{:x}) and 0x{:08x} overlap", a.addr,
                                    a.bytes.size(), b.addr));
    }
    Image image;
    image.load = loaded.front()->addr;
    const uint64_t end = uint64_t(loaded.back()->addr) + loaded.back()->bytes.size();
    image.bytes.assign(size_t(end - image.load), 0);
    for (const Segment* s : loaded)
        std::copy(s->bytes.begin(), s->bytes.end(), image.bytes.begin() + (s->addr - image.load));
    if (entry < image.load || entry - image.load >= image.bytes.size())
        throw Error(
            fmt::format("entry point 0x{:08x} is outside the loaded image 0x{:08x}..0x{:08x}",
                        entry, image.load, uint32_t(end - 1)));
    image.entry = entry;
    return image;
}

uint32_t header_crc(const Header& h) {
    const std::vector<uint8_t> bytes = encode_header(h);
    return crc32(bytes.data(), 4 * EPOXY_BOOT_W_HEADER_CRC);
}

Header make_header(const Image& image) {
    Header h;
    h.magic = EPOXY_BOOT_MAGIC;
    h.version = EPOXY_BOOT_VERSION;
    h.load = image.load;
    h.length = uint32_t(image.bytes.size());
    h.entry = image.entry;
    h.payload_crc = crc32(image.bytes.data(), image.bytes.size());
    h.reserved = 0;
    h.header_crc = header_crc(h);
    return h;
}

std::vector<uint8_t> encode_header(const Header& h) {
    const uint32_t words[EPOXY_BOOT_HEADER_WORDS] = {
        h.magic, h.version, h.load, h.length, h.entry, h.payload_crc, h.reserved, h.header_crc};
    std::vector<uint8_t> out;
    out.reserve(EPOXY_BOOT_HEADER_SIZE);
    for (uint32_t w : words)
        for (int b = 0; b < 4; ++b) out.push_back(uint8_t(w >> (8 * b)));
    return out;
}

Header decode_header(const std::vector<uint8_t>& bytes) {
    if (bytes.size() < EPOXY_BOOT_HEADER_SIZE)
        throw Error(fmt::format("{} bytes is too short for a frame header ({} bytes)", bytes.size(),
                                EPOXY_BOOT_HEADER_SIZE));
    uint32_t w[EPOXY_BOOT_HEADER_WORDS];
    for (unsigned i = 0; i < EPOXY_BOOT_HEADER_WORDS; ++i)
        w[i] = uint32_t(bytes[4 * i]) | uint32_t(bytes[4 * i + 1]) << 8 |
               uint32_t(bytes[4 * i + 2]) << 16 | uint32_t(bytes[4 * i + 3]) << 24;
    Header h;
    h.magic = w[EPOXY_BOOT_W_MAGIC];
    h.version = w[EPOXY_BOOT_W_VERSION];
    h.load = w[EPOXY_BOOT_W_LOAD];
    h.length = w[EPOXY_BOOT_W_LENGTH];
    h.entry = w[EPOXY_BOOT_W_ENTRY];
    h.payload_crc = w[EPOXY_BOOT_W_PAYLOAD_CRC];
    h.reserved = w[EPOXY_BOOT_W_RESERVED];
    h.header_crc = w[EPOXY_BOOT_W_HEADER_CRC];
    return h;
}

std::vector<uint8_t> encode_frame(const Image& image) {
    std::vector<uint8_t> frame = encode_header(make_header(image));
    frame.insert(frame.end(), image.bytes.begin(), image.bytes.end());
    return frame;
}

std::vector<uint8_t> make_rom(const std::vector<uint8_t>& bootloader, uint32_t frame_offset,
                              const std::vector<uint8_t>& frame, uint32_t rom_size) {
    if (rom_size == 0 || rom_size % 4)
        throw Error(fmt::format("ROM size {} is not a positive multiple of 4 bytes", rom_size));
    if (bootloader.size() > rom_size)
        throw Error(fmt::format("the bootloader ({} bytes) does not fit in the ROM of {} bytes",
                                bootloader.size(), rom_size));
    std::vector<uint8_t> rom(rom_size, 0);
    std::copy(bootloader.begin(), bootloader.end(), rom.begin());
    if (!frame.empty()) {
        if (frame_offset < bootloader.size())
            throw Error(
                fmt::format("the app frame offset 0x{:x} is inside the bootloader (0x{:x} "
                            "bytes)",
                            frame_offset, bootloader.size()));
        const uint64_t end = uint64_t(frame_offset) + frame.size();
        if (end > rom_size)
            throw Error(
                fmt::format("frame of {} bytes at ROM offset 0x{:x} does not fit in the ROM "
                            "of {} bytes ({} bytes too many)",
                            frame.size(), frame_offset, rom_size, end - rom_size));
        std::copy(frame.begin(), frame.end(), rom.begin() + frame_offset);
    }
    return rom;
}

std::string to_readmemh(const std::vector<uint8_t>& rom) {
    if (rom.size() % 4) throw Error("ROM image size is not a multiple of 4 bytes");
    std::string out;
    out.reserve(rom.size() / 4 * 9);
    for (size_t i = 0; i < rom.size(); i += 4) {
        const uint32_t w = uint32_t(rom[i]) | uint32_t(rom[i + 1]) << 8 |
                           uint32_t(rom[i + 2]) << 16 | uint32_t(rom[i + 3]) << 24;
        out += fmt::format("{:08x}\n", w);
    }
    return out;
}

}  // namespace epoxy::boot
