/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Epoxy boot frame: what the UART bootloader (firmware/boot) accepts over the UART or finds
 * embedded in the boot ROM, and what the host tool epoxy-load (sw/tools/epoxy-load) writes.
 * Shared by both, so the layout has one definition. Described in docs/bootloader.md.
 *
 * A frame is a 32-byte header of eight little-endian 32-bit words followed by `length`
 * payload bytes, which the bootloader copies to SRAM at `load` before jumping to `entry`:
 *
 *   word 0  magic         EPOXY_BOOT_MAGIC (bytes 45 50 58 b0: "EPX" then 0xb0)
 *   word 1  version       EPOXY_BOOT_VERSION
 *   word 2  load          SRAM address of the first payload byte
 *   word 3  length        payload bytes
 *   word 4  entry         where the bootloader jumps (inside the payload)
 *   word 5  payload_crc   CRC-32 of the payload
 *   word 6  reserved      0 (ignored by version 1)
 *   word 7  header_crc    CRC-32 of header bytes 0..27
 *
 * CRC-32 is the IEEE 802.3 / zlib one: reflected polynomial 0xEDB88320, initial value and
 * final XOR 0xFFFFFFFF; CRC-32("123456789") = 0xCBF43926.
 */
#ifndef EPOXY_BOOT_FRAME_H
#define EPOXY_BOOT_FRAME_H

#include <stdint.h>

#define EPOXY_BOOT_MAGIC 0xB0585045u
#define EPOXY_BOOT_VERSION 1u
#define EPOXY_BOOT_HEADER_SIZE 32u

/* Word indices in the header. */
#define EPOXY_BOOT_W_MAGIC 0
#define EPOXY_BOOT_W_VERSION 1
#define EPOXY_BOOT_W_LOAD 2
#define EPOXY_BOOT_W_LENGTH 3
#define EPOXY_BOOT_W_ENTRY 4
#define EPOXY_BOOT_W_PAYLOAD_CRC 5
#define EPOXY_BOOT_W_RESERVED 6
#define EPOXY_BOOT_W_HEADER_CRC 7
#define EPOXY_BOOT_HEADER_WORDS 8

/* The bootloader keeps its stack in the top EPOXY_BOOT_RAM_RESERVED bytes of SRAM: a frame
 * may not load there. (SDK apps keep their own stack there, which is not part of a frame.) */
#define EPOXY_BOOT_RAM_RESERVED 1024u

/* An app frame embedded in the boot ROM starts at the first multiple of
 * EPOXY_BOOT_APP_ALIGN at or after the end of the bootloader's image; the bootloader ELF
 * exports that address as the symbol `epoxy_boot_app_frame`. */
#define EPOXY_BOOT_APP_ALIGN 256u

/* CRC-32 over one byte, four bits at a time (a 64-byte table: small enough for the boot ROM,
 * four times faster than bit by bit). `crc` is the running value: start with 0xFFFFFFFF,
 * complement at the end. */
static inline uint32_t epoxy_boot_crc32_byte(uint32_t crc, uint8_t byte) {
    static const uint32_t nibble[16] = {
        0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u,
        0x4DB26158u, 0x5005713Cu, 0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
        0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu};
    crc ^= byte;
    crc = (crc >> 4) ^ nibble[crc & 0xFu];
    crc = (crc >> 4) ^ nibble[crc & 0xFu];
    return crc;
}

#endif /* EPOXY_BOOT_FRAME_H */
