// SPDX-License-Identifier: Apache-2.0
// CRC-32 (IEEE 802.3 / ISO-HDLC: reflected polynomial 0xEDB88320, initial value and final
// XOR 0xFFFFFFFF). Measured: slicing-by-4 over a 2 KiB buffer (one 32-bit load and four
// table lookups per word, tables built in prepare). Checked: the catalogue check value of
// "123456789" (0xCBF43926) by both the slicing and the bitwise code, the CRC residue, the
// bitwise code on the buffer, and the host generator's value (its own bitwise code).
#include <stddef.h>
#include <string.h>

#include "bench.h"
#include "bench_vectors.h"

static uint32_t crc_tab[4][256];
static uint32_t crc_buf[BENCH_CRC32_LEN / 4];  // word-aligned for the 32-bit loads
static uint32_t crc_result;

static uint32_t crc32_bitwise(const uint8_t *p, size_t n) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) {
        crc ^= p[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// Slicing-by-4: crc_tab[k][b] is the CRC register after b followed by k zero bytes.
// Bytes are read in little-endian order, which is the core's order.
static uint32_t crc32_slice4(const uint8_t *p, size_t n) {
    uint32_t crc = 0xFFFFFFFFu;
    for (; n && ((uintptr_t)p & 3u); --n) crc = (crc >> 8) ^ crc_tab[0][(crc ^ *p++) & 0xFFu];
    const uint32_t *w = (const uint32_t *)p;
    for (; n >= 4; n -= 4) {
        crc ^= *w++;
        crc = crc_tab[3][crc & 0xFFu] ^ crc_tab[2][(crc >> 8) & 0xFFu] ^
              crc_tab[1][(crc >> 16) & 0xFFu] ^ crc_tab[0][crc >> 24];
    }
    p = (const uint8_t *)w;
    for (; n; --n) crc = (crc >> 8) ^ crc_tab[0][(crc ^ *p++) & 0xFFu];
    return ~crc;
}

static void crc32_prepare(void) {
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
        crc_tab[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; ++i)
        for (int k = 1; k < 4; ++k)
            crc_tab[k][i] = (crc_tab[k - 1][i] >> 8) ^ crc_tab[0][crc_tab[k - 1][i] & 0xFFu];
    uint8_t *b = (uint8_t *)crc_buf;
    uint32_t s = BENCH_CRC32_SEED;
    for (size_t i = 0; i < BENCH_CRC32_LEN; ++i) b[i] = (uint8_t)bench_rand_next(&s);
    crc_result = 0;
}

static void crc32_run(void) {
    crc_result = crc32_slice4((const uint8_t *)crc_buf, BENCH_CRC32_LEN);
}

static int crc32_check(void) {
    static const uint8_t check[] = "123456789";
    if (crc32_bitwise(check, 9) != 0xCBF43926u) return 1;
    // Unaligned start and a tail: every path of the slicing code.
    uint8_t odd[12];
    memcpy(odd + 1, check, 9);
    if (crc32_slice4(odd + 1, 9) != 0xCBF43926u) return 2;
    // Appending the CRC (little-endian) gives the residue 0xDEBB20E3 (before the final XOR).
    uint8_t tail[13];
    memcpy(tail, check, 9);
    for (int i = 0; i < 4; ++i) tail[9 + i] = (uint8_t)(0xCBF43926u >> (8 * i));
    if (~crc32_slice4(tail, 13) != 0xDEBB20E3u) return 3;
    if (crc32_bitwise((const uint8_t *)crc_buf, BENCH_CRC32_LEN) != crc_result) return 4;
    if (crc_result != BENCH_CRC32_EXPECTED) return 5;
    return 0;
}

const bench_kernel_t bench_crc32 = {"crc32", "slicing-by-4, 2 KiB: check value, residue, host",
                                    crc32_prepare, crc32_run, crc32_check};
