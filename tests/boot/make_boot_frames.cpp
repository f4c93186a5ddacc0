// SPDX-License-Identifier: Apache-2.0
// Writes the frames and ROM images the bootloader tests feed to the simulators: good ones
// made by epoxy-load, turned here into every way a frame can be wrong.
//
//   make_boot_frames <good.frame> <rom.hex> <output-dir>
//
// Each "<fault>+good.frame" is a faulty frame followed by the good one, so a test sees both
// the bootloader's error line and the good app running after it: the bootloader stays usable.
// Frames whose header fields are changed get a recomputed header CRC, so the bootloader's
// checks beyond the CRC are reached.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "epoxy/boot_frame.h"
#include "epoxy/memory_map.h"
#include "frame.h"

namespace {

using Bytes = std::vector<uint8_t>;
using epoxy::boot::Header;

Bytes read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw epoxy::boot::Error(path + ": cannot open");
    return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write(const std::string& path, const Bytes& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    if (!out) throw epoxy::boot::Error(path + ": cannot write");
}

Bytes cat(Bytes a, const Bytes& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// `good` with its header replaced by `h` (header CRC recomputed unless `keep_crc`).
Bytes with_header(const Bytes& good, Header h, bool keep_crc = false) {
    if (!keep_crc) h.header_crc = epoxy::boot::header_crc(h);
    Bytes out = epoxy::boot::encode_header(h);
    out.insert(out.end(), good.begin() + EPOXY_BOOT_HEADER_SIZE, good.end());
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: make_boot_frames <good.frame> <rom.hex> <output-dir>\n");
        return 2;
    }
    try {
        const Bytes good = read(argv[1]);
        const std::string dir = argv[3];
        const Header h = epoxy::boot::decode_header(good);

        Bytes bad_payload = good;
        bad_payload[EPOXY_BOOT_HEADER_SIZE + 100] ^= 0x01;
        write(dir + "/bad-payload-crc+good.frame", cat(bad_payload, good));
        write(dir + "/bad-payload-crc.frame", bad_payload);  // alone, for hosts that wait

        Header bad_crc = h;
        bad_crc.header_crc ^= 0x00010000u;
        write(dir + "/bad-header-crc+good.frame", cat(with_header(good, bad_crc, true), good));

        Header v2 = h;
        v2.version = 2;
        write(dir + "/bad-version+good.frame", cat(with_header(good, v2), good));

        // Headers alone, back to back, each rejected with a line longer than itself: they
        // arrive faster than the bootloader answers them, so its receive ring fills and the
        // bytes dropped are reported. Zeros (skipped as noise) cover the bytes dropped until
        // the ring has drained, so the good frame after them arrives whole.
        const Bytes v2_frame = with_header(good, v2);
        Bytes overrun;
        for (int i = 0; i < 16; ++i)
            overrun.insert(overrun.end(), v2_frame.begin(),
                           v2_frame.begin() + EPOXY_BOOT_HEADER_SIZE);
        overrun.resize(overrun.size() + 1024, 0);
        write(dir + "/overrun+good.frame", cat(overrun, good));

        Header outside = h;
        outside.load = outside.entry = EPOXY_UART_BASE;
        write(dir + "/outside-sram+good.frame", cat(with_header(good, outside), good));

        // Ends 16 bytes into the bootloader's stack at the top of the (256 KiB) SRAM.
        Header stack = h;
        stack.load = stack.entry =
            EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE - EPOXY_BOOT_RAM_RESERVED - h.length + 16;
        write(dir + "/into-boot-stack+good.frame", cat(with_header(good, stack), good));

        Header entry = h;
        entry.entry = h.load + h.length;
        write(dir + "/entry-outside+good.frame", cat(with_header(good, entry), good));

        // Noise on the line before a frame is skipped without complaint.
        const std::string noise = "\r\nxyz";
        write(dir + "/noise+good.frame", cat(Bytes(noise.begin(), noise.end()), good));

        Bytes bad_magic = good;
        bad_magic[0] = 'X';
        write(dir + "/bad-magic.frame", bad_magic);
        write(dir + "/truncated.frame", Bytes(good.begin(), good.begin() + 1000));
        write(dir + "/truncated-header.frame", Bytes(good.begin(), good.begin() + 10));

        // The ROM image with one payload byte of its embedded frame flipped (the frame is at
        // the first 256-byte boundary after the start that holds the magic).
        std::ifstream in(argv[2]);
        if (!in) throw epoxy::boot::Error(std::string(argv[2]) + ": cannot open");
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        size_t frame_word = 0;
        for (size_t w = 0; w < lines.size(); w += EPOXY_BOOT_APP_ALIGN / 4) {
            if (w > 0 && std::stoul(lines[w], nullptr, 16) == EPOXY_BOOT_MAGIC) {
                frame_word = w;
                break;
            }
        }
        if (frame_word == 0) throw epoxy::boot::Error(std::string(argv[2]) + ": no embedded frame");
        auto write_rom = [&dir](const std::string& name, const std::vector<std::string>& rom) {
            std::ofstream out(dir + "/" + name);
            for (const std::string& line : rom) out << line << '\n';
            if (!out) throw epoxy::boot::Error(dir + "/" + name + ": cannot write");
        };
        std::vector<std::string> corrupted = lines;
        std::string& word = corrupted[frame_word + EPOXY_BOOT_HEADER_SIZE / 4 + 8];
        word.back() = word.back() == '0' ? '1' : '0';
        write_rom("rom-bad-crc.hex", corrupted);

        // The embedded frame claiming a payload that runs past the end of the 16 KiB ROM
        // (a valid header otherwise): the bootloader finds the ROM's end by a load that
        // faults.
        Bytes header;
        for (unsigned i = 0; i < EPOXY_BOOT_HEADER_WORDS; ++i) {
            const uint32_t w = uint32_t(std::stoul(lines[frame_word + i], nullptr, 16));
            for (int b = 0; b < 4; ++b) header.push_back(uint8_t(w >> (8 * b)));
        }
        Header past = epoxy::boot::decode_header(header);
        past.length = EPOXY_ROM_SIZE;
        past.header_crc = epoxy::boot::header_crc(past);
        std::vector<std::string> past_end = lines;
        const uint32_t words[] = {past.length, past.header_crc};
        const unsigned index[] = {EPOXY_BOOT_W_LENGTH, EPOXY_BOOT_W_HEADER_CRC};
        for (int i = 0; i < 2; ++i) {
            char text[9];
            std::snprintf(text, sizeof text, "%08x", words[i]);
            past_end[frame_word + index[i]] = text;
        }
        write_rom("rom-past-end.hex", past_end);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_boot_frames: %s\n", e.what());
        return 1;
    }
    return 0;
}
