// SPDX-License-Identifier: Apache-2.0
// test-stdio: picolibc stdio on the SDK's UART streams, and the C runtime set up by crt0.
// snprintf formats (ints, hex, strings, chars, %lld/%llu/%llx, %f, widths and flags)
// against exact strings; printf/puts/putchar to the UART; lines read from stdin with fgets
// and parsed with sscanf (the ctest writes the input file and passes it with --uart-in);
// end of input reads as EOF; errno (thread-local in picolibc: needs tp and the TLS image),
// initialised and zeroed thread-local and global data, and malloc from the heap between
// .bss and the stack.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_common.h"

__thread int tls_init = 0x7157;  // global and written: really in .tdata
__thread int tls_init2 = 0x7158;
static __thread int tls_zero;
static int data_init = 1234;
static int bss_zero;

static int expect(const char *got, const char *want) { return strcmp(got, want) == 0; }

int main(void) {
    char buf[160];

    // ---- C runtime ----
    CHECK(1, data_init == 1234 && bss_zero == 0);
    CHECK(2, tls_init == 0x7157 && tls_zero == 0);
    tls_zero = 5;
    tls_init += tls_init2;
    CHECK(3, tls_zero == 5 && tls_init == 0x7157 + 0x7158);
    errno = 0;
    long big = strtol("99999999999999", NULL, 10);
    CHECK(4, big == 0x7FFFFFFFL && errno == ERANGE);

    // ---- Formatting ----
    snprintf(buf, sizeof buf, "%d %i %u %d", 42, -17, 4000000000u, (int)0x80000000);
    CHECK(10, expect(buf, "42 -17 4000000000 -2147483648"));
    snprintf(buf, sizeof buf, "%x %X %08x %#x %o", 0xbeefu, 0xbeefu, 0x1234u, 255u, 8u);
    CHECK(11, expect(buf, "beef BEEF 00001234 0xff 10"));
    snprintf(buf, sizeof buf, "[%s] [%5s] [%-5s] [%.3s] %c%c", "epoxy", "ab", "ab", "abcdef",
             'o', 'k');
    CHECK(12, expect(buf, "[epoxy] [   ab] [ab   ] [abc] ok"));
    snprintf(buf, sizeof buf, "%lld %llu %llx", -9000000000000000000LL,
             18446744073709551615ULL, 0x123456789abcdef0ULL);
    CHECK(13, expect(buf, "-9000000000000000000 18446744073709551615 123456789abcdef0"));
    snprintf(buf, sizeof buf, "%+d|%-6d|%06d|% d|%ld|%lu|%%", 5, -3, -42, 7, -100000L,
             3000000000UL);
    CHECK(14, expect(buf, "+5|-3    |-00042| 7|-100000|3000000000|%"));
    const char *volatile longer = "truncated";  // volatile: no compile-time truncation warning
    CHECK(15, snprintf(buf, 4, "%s", longer) == 9 && expect(buf, "tru"));
    CHECK(16, snprintf(buf, sizeof buf, "%p", (void *)0x10000000) > 0);
    volatile double half = 1.5;
    snprintf(buf, sizeof buf, "%.3f %g", half, half * 4.0);
    CHECK(17, expect(buf, "1.500 6"));  // picolibc's default printf has floating point

    // ---- Output on the UART (the ctest matches these lines) ----
    printf("stdio: int %d hex 0x%08x str %s lld %lld\n", -12345, 0xC0FFEEu, "ok",
           -1234567890123LL);
    puts("stdio: puts ok");
    putchar('!');
    putchar('\n');
    CHECK(20, fflush(stdout) == 0);

    // ---- Input from the UART ----
    char line[64];
    CHECK(30, fgets(line, sizeof line, stdin) != NULL);
    char word[16];
    int value = 0;
    CHECK(31, sscanf(line, "%15s %d", word, &value) == 2);
    CHECK(32, expect(word, "epoxy") && value == 2024);
    CHECK(33, line[strlen(line) - 1] == '\n');
    CHECK(34, fgets(line, sizeof line, stdin) != NULL && expect(line, "second line\n"));
    printf("stdio: read \"%s\" %d\n", word, value);
    // Nothing left: a read times out as end of file; clearerr lets stdin be read again.
    CHECK(35, getchar() == EOF && feof(stdin));
    clearerr(stdin);
    CHECK(36, !feof(stdin) && getchar() == EOF);

    // ---- Heap ----
    char *p = malloc(4096);
    CHECK(40, p != NULL);
    memset(p, 0x5A, 4096);
    char *q = malloc(100);
    CHECK(41, q != NULL && (q >= p + 4096 || q + 100 <= p));
    free(q);
    free(p);
    CHECK(42, malloc(1u << 30) == NULL);  // more than the SRAM: fails cleanly

    test_pass("test-stdio");
    return 0;
}
