/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Epoxy SoC memory map and device register offsets.
 *
 * Shared by the firmware SDK (C, on the core) and the host tools (C++: ISS, drivers).
 * Until the SoC issue generates this from a single machine-readable source, this header
 * is that source: the ISS decodes addresses from it and the linker script mirrors it.
 *
 * Device registers are 32 bits wide and must be accessed with naturally aligned 32-bit
 * loads and stores; any other access to a device, and any access to an unmapped address,
 * is answered with a bus error (an access-fault trap on the core).
 */
#ifndef EPOXY_MEMORY_MAP_H
#define EPOXY_MEMORY_MAP_H

/* ---- Memories ---------------------------------------------------------------------- */
#define EPOXY_ROM_BASE 0x00000000u  /* boot ROM: loaded from the ELF, read/execute only */
#define EPOXY_ROM_SIZE 0x00004000u  /* 16 KiB */
#define EPOXY_SRAM_BASE 0x10000000u /* tightly coupled SRAM: code, data, stack */
#define EPOXY_SRAM_SIZE 0x00040000u /* 256 KiB */

/* ---- Peripherals (0x2000_0000, one 4 KiB page each) --------------------------------- */
#define EPOXY_UART_BASE 0x20000000u
#define EPOXY_TIMER_BASE 0x20001000u
#define EPOXY_GPIO_BASE 0x20002000u /* reserved for the SoC issue */
#define EPOXY_SIMCTL_BASE 0x20003000u
#define EPOXY_IOPMP_BASE 0x20004000u /* reserved for the accelerator issues */
#define EPOXY_SIMIRQ_BASE 0x20005000u /* sim-only interrupt source, next to sim-control */
#define EPOXY_DEVICE_PAGE 0x00001000u

/* UART */
#define EPOXY_UART_TXDATA 0x00u /* W: [7:0] byte to transmit */
#define EPOXY_UART_RXDATA 0x04u /* R: [7:0] received byte, [31] set when nothing was received (pops) */
#define EPOXY_UART_STATUS 0x08u /* R: [0] TX full, [1] RX valid */
#define EPOXY_UART_CLKDIV 0x0Cu /* RW: clock divider for the baud rate (ignored in simulation) */
#define EPOXY_UART_STATUS_TX_FULL (1u << 0)
#define EPOXY_UART_STATUS_RX_VALID (1u << 1)
#define EPOXY_UART_RXDATA_EMPTY (1u << 31)

/* Machine timer (CLINT-style): interrupt when mtime >= mtimecmp; msip raises MSI. */
#define EPOXY_TIMER_MTIME 0x00u
#define EPOXY_TIMER_MTIMEH 0x04u
#define EPOXY_TIMER_MTIMECMP 0x08u
#define EPOXY_TIMER_MTIMECMPH 0x0Cu
#define EPOXY_TIMER_MSIP 0x10u /* RW: [0] machine software interrupt pending */

/* Simulation control: present in simulators, left out of synthesis. */
#define EPOXY_SIMCTL_EXIT 0x00u /* W: ends the simulation; the value is the exit code */
#define EPOXY_SIMCTL_PUTC 0x04u /* W: [7:0] character straight to the host's stdout */

/*
 * Simulation interrupt source: present in simulators (ISS and core testbench), left out of
 * synthesis. It holds one level per platform interrupt line, at its mip bit position:
 * [11] the machine external interrupt (MEIP), [16 + i] local (accelerator) line i. A line
 * stays raised until written to CLEAR (the acknowledgement); the core testbench may also
 * raise lines at random times (docs/lockstep.md).
 */
#define EPOXY_SIMIRQ_PENDING 0x00u /* R: lines raised now */
#define EPOXY_SIMIRQ_SET 0x04u     /* W: raise the lines whose bits are 1 */
#define EPOXY_SIMIRQ_CLEAR 0x08u   /* W: lower (acknowledge) the lines whose bits are 1 */
#define EPOXY_SIMIRQ_MEI (1u << 11)
#define EPOXY_SIMIRQ_LOCAL(i) (1u << (16u + (i)))

/* Platform interrupt lines: local (accelerator) interrupts at mip/mie bits 16.. */
#define EPOXY_NUM_LOCAL_IRQS 3u

#endif /* EPOXY_MEMORY_MAP_H */
