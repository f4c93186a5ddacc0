// SPDX-License-Identifier: Apache-2.0
// Epoxy UART bootloader (docs/bootloader.md), run from the boot ROM at reset.
//
// 1. If a frame (epoxy/boot_frame.h) is embedded in the ROM at epoxy_boot_app_frame, check
//    its header, copy its payload to SRAM, check the payload's CRC there and jump to it.
// 2. Otherwise, or when that frame is rejected (reported on the UART), wait for frames on
//    the UART, forever: every rejected frame is reported in one line and the bootloader
//    waits for the next one. Nothing is ever run whose header and payload CRCs did not
//    match.
//
// Waiting for the first byte of a frame has no time limit; once a frame has started, each
// byte must arrive within EPOXY_BOOT_TIMEOUT_MS (measured with mtime, which counts cycles of
// an EPOXY_BOOT_CLOCK_HZ clock on the RTL and instructions on the ISS).
//
// No byte sent at the line rate is lost, even without RTS flow control and with a 4-byte RX
// FIFO (the iCEBreaker): the payload's CRC is computed while the bytes arrive, and whenever
// the bootloader is not reading a frame (printing, checking a header's CRC) it moves arriving
// bytes into a RAM ring (rx_poll), which the frame reader empties before it reads the UART
// again. Bytes beyond a full ring are counted and reported as an error line, never lost
// silently. (While an embedded frame is copied from the ROM, before the ready line, the UART
// is not read: the sender is held by RTS where the board has it.)
//
// Deliberately small (the smallest boot ROMs are 4 KiB): polled UART, no interrupts, no C
// library, no initialised data or .bss; its only RAM is the stack in the top
// EPOXY_BOOT_RAM_RESERVED bytes of SRAM, which frames may not load into, and which holds the
// ring (in boot_main's frame, reached through tp). The SRAM's and the ROM's sizes are the
// board's: start.S finds the SRAM's end, and boot_readable() tells whether an embedded frame
// lies inside the ROM.
#include <stdint.h>

#include "epoxy/boot_frame.h"
#include "epoxy/memory_map.h"

#if !defined(EPOXY_BOOT_CLOCK_HZ) || !defined(EPOXY_BOOT_TIMEOUT_MS)
#error "build with -DEPOXY_BOOT_CLOCK_HZ=<Hz> -DEPOXY_BOOT_TIMEOUT_MS=<ms> (firmware/boot)"
#endif
#define TIMEOUT_TICKS \
    ((uint32_t)((uint64_t)(EPOXY_BOOT_CLOCK_HZ) * (EPOXY_BOOT_TIMEOUT_MS) / 1000u))
// mtime is compared in 32 bits (wrap-around subtraction).
_Static_assert(TIMEOUT_TICKS > 0 && TIMEOUT_TICKS < 0x80000000u,
               "EPOXY_BOOT_CLOCK_HZ * EPOXY_BOOT_TIMEOUT_MS / 1000 must be in 1 .. 2^31-1");

#define REG(base, off) (*(volatile uint32_t *)((base) + (off)))
#define HEADER_CRC_BYTES (4u * EPOXY_BOOT_W_HEADER_CRC)

// From boot.ld: where an embedded frame starts (EPOXY_BOOT_APP_ALIGN-aligned).
extern const uint8_t epoxy_boot_app_frame[] __attribute__((aligned(4)));

// start.S: 1 when a word load from `addr` answers, 0 when it faults (beyond a memory).
int boot_readable(uint32_t addr);
void boot_main(uint32_t sram_end, int trapped, uint32_t cause, uint32_t epc, uint32_t tval)
    __attribute__((noreturn));

// ---- UART input: the ring ------------------------------------------------------------------

// The ring holds what arrives while the bootloader is busy. The UART sends and receives at
// the same bit rate, so while a line is printed about as many bytes arrive as it has
// characters: at most 92 for a UART frame's rejection, 142 at reset (an embedded frame's
// rejection, then the ready line). The frame reader empties the ring far faster than the line
// fills it, so it fills only when the input itself keeps the bootloader printing (a run of
// headers without payloads, each rejected with a line longer than itself): then `lost`
// counts the bytes dropped, and the reader reports them where they were dropped.
#define RX_RING 256u  // a power of two

struct rx_state {
    uint32_t head, tail;  // free-running: head - tail bytes are held
    uint32_t lost;        // bytes dropped since the ring filled (then nothing is added)
    uint32_t crc;         // running CRC-32 of the bytes copy() has stored
    uint8_t buf[RX_RING];
};
// The compiler never allocates tp; boot_main points it at its rx_state on every entry (at
// reset and after a trap), so the bootloader needs no .bss.
register struct rx_state *rx __asm__("tp");

// Moves one received byte, if any, from the UART into the ring (none while rx is null).
static void rx_poll(void) {
    if (!rx) return;
    const uint32_t d = REG(EPOXY_UART_BASE, EPOXY_UART_RXDATA);
    if (d & EPOXY_UART_RXDATA_EMPTY) return;
    if (rx->lost || rx->head - rx->tail == RX_RING)
        ++rx->lost;
    else
        rx->buf[rx->head++ % RX_RING] = (uint8_t)d;
}

// ---- UART output ----------------------------------------------------------------------

static void put(char c) {
    // Bounded, like the SDK's driver: a transmitter that never drains loses the byte. The
    // receiver is served meanwhile.
    for (uint32_t polls = 0; polls < 1000000u; ++polls) {
        rx_poll();
        if ((REG(EPOXY_UART_BASE, EPOXY_UART_STATUS) & EPOXY_UART_STATUS_TX_FULL) == 0) {
            REG(EPOXY_UART_BASE, EPOXY_UART_TXDATA) = (uint8_t)c;
            return;
        }
    }
}

static void say(const char *s) {
    while (*s) put(*s++);
}

static void hex(uint32_t v) {
    say("0x");
    for (int shift = 28; shift >= 0; shift -= 4) put("0123456789abcdef"[(v >> shift) & 0xFu]);
}

static void dec(uint32_t v) {
    char digits[10];
    int n = 0;
    do {
        digits[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v);
    while (n) put(digits[--n]);
}

// Starts a rejection line; `rom` is non-null for the ROM's embedded frame.
static void error(const uint8_t *rom, const char *what) {
    say("boot: error: ");
    if (rom) say("embedded app: ");
    say(what);
}

// ---- Frame bytes --------------------------------------------------------------------------

// The next received byte (the ring's oldest, else the UART's); with `timed`, -1 when none
// arrives within the byte timeout. -2 where bytes were dropped (reported here): the frame
// being read is incomplete.
static int uart_get(int timed) {
    const uint32_t start = REG(EPOXY_TIMER_BASE, EPOXY_TIMER_MTIME);
    for (;;) {
        if (rx->head != rx->tail) return rx->buf[rx->tail++ % RX_RING];
        if (rx->lost) {
            const uint32_t lost = rx->lost;
            rx->lost = 0;
            error(0, "input overrun, ");
            dec(lost);
            say(" bytes lost\n");
            return -2;
        }
        // The ring is empty: the UART's next byte is the input's next byte.
        const uint32_t d = REG(EPOXY_UART_BASE, EPOXY_UART_RXDATA);
        if ((d & EPOXY_UART_RXDATA_EMPTY) == 0) return (int)(d & 0xFFu);
        if (timed && REG(EPOXY_TIMER_BASE, EPOXY_TIMER_MTIME) - start >= TIMEOUT_TICKS) return -1;
    }
}

static void timeout(uint32_t index, uint32_t total, const char *what) {
    error(0, "timeout after ");
    dec(EPOXY_BOOT_TIMEOUT_MS);
    say(" ms waiting for ");
    say(what);
    dec(index);
    say(" of ");
    dec(total);
    put('\n');
}

// One copy of the table code for both CRCs.
__attribute__((noinline)) static uint32_t crc_byte(uint32_t crc, uint8_t byte) {
    return epoxy_boot_crc32_byte(crc, byte);
}

// Copies `n` frame bytes to `dst`, from the ROM (*rom non-null, advanced) or the UART, and
// runs the CRC rx->crc over each byte as read back from `dst`: what is checked is what is in
// memory, and no pass over the copy is left for later. 0 after a UART timeout (reported: byte
// `first + i` of `total`) or a gap in the input (reported by uart_get).
static int copy(const uint8_t **rom, uint8_t *dst, uint32_t n, uint32_t first, uint32_t total,
                const char *what) {
    volatile uint8_t *const d = dst;
    for (uint32_t i = 0; i < n; ++i) {
        int c;
        if (*rom) {
            c = *(*rom)++;
        } else if ((c = uart_get(1)) < 0) {
            if (c == -1) timeout(first + i, total, what);
            return 0;
        }
        d[i] = (uint8_t)c;
        rx->crc = crc_byte(rx->crc, d[i]);
    }
    return 1;
}

// The header's CRC: 28 bytes, about one byte time at 115200 baud and 12 MHz; the UART is
// served between bytes all the same.
static uint32_t crc32(const uint8_t *p, uint32_t n) {
    uint32_t crc = 0xFFFFFFFFu;
    while (n--) {
        rx_poll();
        crc = crc_byte(crc, *p++);
    }
    return ~crc;
}

// ---- Frames ---------------------------------------------------------------------------------

// 1 when the header may be acted on; otherwise reports why not. Loads must end by `limit`
// (the bootloader's stack). For the ROM's frame, `rom` points at its payload.
static int check_header(const uint8_t *rom, const uint32_t *h, uint32_t limit) {
    if (h[EPOXY_BOOT_W_VERSION] != EPOXY_BOOT_VERSION) {
        error(rom, "unsupported frame version ");
        dec(h[EPOXY_BOOT_W_VERSION]);
        say(" (expected 1)\n");
        return 0;
    }
    const uint32_t crc = crc32((const uint8_t *)h, HEADER_CRC_BYTES);
    if (crc != h[EPOXY_BOOT_W_HEADER_CRC]) {
        error(rom, "bad header crc (expected ");
        hex(h[EPOXY_BOOT_W_HEADER_CRC]);
        say(", got ");
        hex(crc);
        say(")\n");
        return 0;
    }
    const uint32_t load = h[EPOXY_BOOT_W_LOAD], length = h[EPOXY_BOOT_W_LENGTH];
    const uint32_t entry = h[EPOXY_BOOT_W_ENTRY];
    if (load < EPOXY_SRAM_BASE || load > limit || length > limit - load) {
        error(rom, "load range ");
        hex(load);
        say(" +");
        hex(length);
        say(" outside SRAM (");
        hex(EPOXY_SRAM_BASE);
        say(" +");
        hex(limit - EPOXY_SRAM_BASE);
        say(" usable)\n");
        return 0;
    }
    if (entry - load >= length || (entry & 1u)) {
        error(rom, "entry ");
        hex(entry);
        say(" is not in the loaded image\n");
        return 0;
    }
    if (rom && !boot_readable(((uint32_t)rom + length - 1u) & ~3u)) {
        error(rom, "payload runs past the end of the ROM\n");
        return 0;
    }
    return 1;
}

// Loads the frame whose magic was just read, from the ROM (`rom` at the word after the
// magic) or from the UART (`rom` null), and jumps to it when both CRCs match. Otherwise
// returns after reporting why: 1 when the rest of the frame is still to be skipped (its
// header was rejected, so its length cannot be trusted), 0 when the UART is between frames.
static int load(const uint8_t *rom, uint32_t limit) {
    uint32_t h[EPOXY_BOOT_HEADER_WORDS];
    h[EPOXY_BOOT_W_MAGIC] = EPOXY_BOOT_MAGIC;
    if (!copy(&rom, (uint8_t *)h + 4, EPOXY_BOOT_HEADER_SIZE - 4, 4, EPOXY_BOOT_HEADER_SIZE,
              "header byte "))
        return 0;
    if (!check_header(rom, h, limit)) return 1;
    uint8_t *dst = (uint8_t *)h[EPOXY_BOOT_W_LOAD];
    const uint32_t length = h[EPOXY_BOOT_W_LENGTH], entry = h[EPOXY_BOOT_W_ENTRY];
    rx->crc = 0xFFFFFFFFu;
    if (!copy(&rom, dst, length, 0, length, "byte ")) return 0;
    const uint32_t crc = ~rx->crc;
    if (crc != h[EPOXY_BOOT_W_PAYLOAD_CRC]) {
        error(rom, "payload crc mismatch (expected ");
        hex(h[EPOXY_BOOT_W_PAYLOAD_CRC]);
        say(", got ");
        hex(crc);
        say(")\n");
        return 0;
    }
    // What arrives from here on is the app's: left in the UART for it (or, if it traps before
    // it has its own vector, for the bootloader's next frame).
    rx = 0;
    say("boot: ");
    if (rom) say("embedded app: ");
    say("loaded ");
    dec(length);
    say(" bytes at ");
    hex((uint32_t)dst);
    say(", crc ok, jumping to ");
    hex(entry);
    put('\n');
    // The payload was written through the data port; make it visible to instruction fetch.
    __asm__ volatile("fence.i" ::: "memory");
    ((void (*)(void))entry)();
    for (;;) {
    }
}

// Waits for a frame's magic on the UART, discarding the bytes before it (line noise, or the
// rest of a rejected frame). The first byte may take forever; after it, a gap longer than
// the byte timeout ends the wait: returns 0, reporting the bytes unless `quiet`. A gap in
// the input (reported by uart_get) ends the wait too.
static int find_magic(int quiet) {
    uint32_t window = 0, count = 0, first = 0;
    for (;;) {
        const int c = uart_get(count != 0);
        if (c < 0) {
            if (quiet || c != -1) return 0;
            if (count < 4) {
                timeout(count, EPOXY_BOOT_HEADER_SIZE, "header byte ");
            } else {
                error(0, "bad magic ");
                hex(first);
                say(" (expected ");
                hex(EPOXY_BOOT_MAGIC);
                say("), ");
                dec(count);
                say(" bytes skipped\n");
            }
            return 0;
        }
        window = (window >> 8) | ((uint32_t)c << 24);
        if (++count == 4) first = window;
        if (window == EPOXY_BOOT_MAGIC) return 1;
    }
}

// Entered from start.S with the stack at `sram_end`, at reset or after a trap (`trapped`,
// with the trap's CSRs: an app that traps before installing its own vector, or a fault of
// the bootloader's own). At reset an embedded app is tried first; then frames from the UART.
void boot_main(uint32_t sram_end, int trapped, uint32_t cause, uint32_t epc, uint32_t tval) {
    struct rx_state state;  // boot_main never returns: this lives as long as the bootloader
    state.head = state.tail = state.lost = 0;
    rx = &state;
    const uint32_t limit = sram_end - EPOXY_BOOT_RAM_RESERVED;
    const uint8_t *frame = epoxy_boot_app_frame;
    if (trapped) {
        error(0, "trap, mcause ");
        hex(cause);
        say(" mepc ");
        hex(epc);
        say(" mtval ");
        hex(tval);
        put('\n');
    } else if (boot_readable((uint32_t)frame + EPOXY_BOOT_HEADER_SIZE - 4u) &&
               *(const uint32_t *)frame == EPOXY_BOOT_MAGIC) {
        load(frame + 4, limit);
    } else {
        say("boot: no app in ROM\n");
    }
    say("boot: ready for a frame on the UART\n");
    int quiet = 0;
    for (;;) quiet = find_magic(quiet) ? load(0, limit) : 0;
}
