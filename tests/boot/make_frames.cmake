# SPDX-License-Identifier: Apache-2.0
# Fixture of the boot.* tests: the frames and ROM images they feed to the simulators.
#
#   cmake -DLOAD=<epoxy-load> -DMAKE_FRAMES=<make_boot_frames> -DBIN=<firmware bin dir>
#         -DOUT=<dir> -P make_frames.cmake
#
# hello.frame and rom-hello.hex (bootloader + embedded hello) come from epoxy-load, the
# broken variants from make_boot_frames; rom-no-app.hex is the bootloader alone.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/epoxy_run_commands.cmake)
epoxy_run_commands(
    "${LOAD}|--frame-out|${OUT}/hello.frame|${BIN}/hello.elf"
    "${LOAD}|--rom-out|${OUT}/rom-hello.hex|--rom-size|16384|--bootloader|${BIN}/bootloader.elf|${BIN}/hello.elf"
    "${LOAD}|--rom-out|${OUT}/rom-no-app.hex|--rom-size|16384|--bootloader|${BIN}/bootloader.elf"
    "${MAKE_FRAMES}|${OUT}/hello.frame|${OUT}/rom-hello.hex|${OUT}")
