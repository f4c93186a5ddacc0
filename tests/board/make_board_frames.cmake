# SPDX-License-Identifier: Apache-2.0
# Fixture of the board.<board>.* tests: one board's frames and ROM images, made the way a
# user makes them for that board (epoxy-load with the board's ROM and SRAM sizes, its
# bootloader-<board>.elf and hello-<board>.elf), plus the broken variants of
# tests/boot/make_boot_frames.
#
#   cmake -DLOAD=<epoxy-load> -DMAKE_FRAMES=<make_boot_frames> -DBIN=<firmware bin dir>
#         -DBOARD=<board> -DROM_BYTES=<n> -DSRAM_BYTES=<n> -DOUT=<dir> -P make_board_frames.cmake
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
# rom-hello.hex (bootloader + hello) is made at least 16 KiB large: make_boot_frames derives
# its ROM variants from it, and a board whose ROM cannot hold hello (the iCEBreaker's
# 8 KiB) has no ROM-image tests that use them.
set(app_rom ${ROM_BYTES})
if(app_rom LESS 16384)
  set(app_rom 16384)
endif()
set(boot "--sram-size|${SRAM_BYTES}|--bootloader|${BIN}/bootloader-${BOARD}.elf")
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/epoxy_run_commands.cmake)
epoxy_run_commands(
    "${LOAD}|--frame-out|${OUT}/hello.frame|--sram-size|${SRAM_BYTES}|${BIN}/hello-${BOARD}.elf"
    "${LOAD}|--rom-out|${OUT}/rom-no-app.hex|--rom-size|${ROM_BYTES}|${boot}"
    "${LOAD}|--rom-out|${OUT}/rom-hello.hex|--rom-size|${app_rom}|${boot}|${BIN}/hello-${BOARD}.elf"
    "${MAKE_FRAMES}|${OUT}/hello.frame|${OUT}/rom-hello.hex|${OUT}")
