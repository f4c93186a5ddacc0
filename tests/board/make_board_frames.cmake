# SPDX-License-Identifier: Apache-2.0
# Fixture of the board.<board>.* tests: one board's frames and ROM images, made the way a
# user makes them for that board (epoxy-load with the board's ROM and SRAM sizes, its
# bootloader-<board>.elf and hello-<board>.elf), plus the broken variants of
# tests/boot/make_boot_frames.
#
#   cmake -DLOAD=<epoxy-load> -DMAKE_FRAMES=<make_boot_frames> -DBIN=<firmware bin dir>
#         -DBOARD=<board> -DROM_BYTES=<n> -DSRAM_BYTES=<n> -DROM_APP=ON|OFF -DOUT=<dir>
#         -P make_board_frames.cmake
#
# ROM_APP OFF: the board's ROM is too small for hello (the iCEBreaker's 8 KiB), so only the
# UART frames are made.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
set(sizes "--rom-size|${ROM_BYTES}|--sram-size|${SRAM_BYTES}|--bootloader|${BIN}/bootloader-${BOARD}.elf")
set(cmds
    "${LOAD}|--frame-out|${OUT}/hello.frame|--sram-size|${SRAM_BYTES}|${BIN}/hello-${BOARD}.elf"
    "${LOAD}|--rom-out|${OUT}/rom-no-app.hex|${sizes}")
if(ROM_APP)
  list(APPEND cmds "${LOAD}|--rom-out|${OUT}/rom-hello.hex|${sizes}|${BIN}/hello-${BOARD}.elf"
                   "${MAKE_FRAMES}|${OUT}/hello.frame|${OUT}/rom-hello.hex|${OUT}")
else()
  # make_boot_frames also derives ROM variants from an image with an app: give it a 16 KiB
  # one (those variants are not used for this board).
  list(APPEND cmds
    "${LOAD}|--rom-out|${OUT}/rom-hello-16k.hex|--rom-size|16384|--sram-size|${SRAM_BYTES}|--bootloader|${BIN}/bootloader-${BOARD}.elf|${BIN}/hello-${BOARD}.elf"
    "${MAKE_FRAMES}|${OUT}/hello.frame|${OUT}/rom-hello-16k.hex|${OUT}")
endif()
foreach(cmd IN LISTS cmds)
  string(REPLACE "|" ";" cmd "${cmd}")
  execute_process(COMMAND ${cmd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " shown "${cmd}")
    message(FATAL_ERROR "${shown}: exit status ${rc}\n${out}${err}")
  endif()
endforeach()
