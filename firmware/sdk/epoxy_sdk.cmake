# SPDX-License-Identifier: Apache-2.0
# Epoxy SDK for CMake: defines the static library `epoxy_sdk` (crt0, trap vector, U-mode, UART
# stdio, exit) and epoxy_add_executable(). Used by the in-tree firmware build and by apps
# outside the tree:
#
#   project(my_app C ASM)
#   include(${EPOXY_ROOT}/firmware/sdk/epoxy_sdk.cmake)
#   epoxy_add_executable(my_app main.c)
#
# configured with -DCMAKE_TOOLCHAIN_FILE=${EPOXY_ROOT}/firmware/cmake/riscv32-epoxy.cmake.
include_guard(GLOBAL)

enable_language(C)
enable_language(ASM)

set(EPOXY_SDK_DIR "${CMAKE_CURRENT_LIST_DIR}" CACHE INTERNAL "Epoxy firmware SDK directory")
get_filename_component(EPOXY_SW_INCLUDE "${CMAKE_CURRENT_LIST_DIR}/../../sw/include" ABSOLUTE)
set(EPOXY_SW_INCLUDE "${EPOXY_SW_INCLUDE}" CACHE INTERNAL "Epoxy shared headers (memory map)")
set(EPOXY_LINKER_SCRIPT "${EPOXY_SDK_DIR}/link.ld" CACHE INTERNAL "Epoxy SDK linker script")

# link.ld cannot include memory_map.h, so it mirrors the SRAM base and size: check that the
# two still agree every time the project is configured.
function(_epoxy_check_memory_map)
  file(READ "${EPOXY_SW_INCLUDE}/epoxy/memory_map.h" map)
  file(READ "${EPOXY_LINKER_SCRIPT}" ld)
  string(REGEX MATCH "#define EPOXY_SRAM_BASE (0x[0-9A-Fa-f]+)" _ "${map}")
  set(base "${CMAKE_MATCH_1}")
  string(REGEX MATCH "#define EPOXY_SRAM_SIZE (0x[0-9A-Fa-f]+)" _ "${map}")
  set(size "${CMAKE_MATCH_1}")
  string(REGEX MATCH "ORIGIN = (0x[0-9A-Fa-f]+), LENGTH = (0x[0-9A-Fa-f]+)" _ "${ld}")
  math(EXPR a "${base}" OUTPUT_FORMAT HEXADECIMAL)
  math(EXPR b "${CMAKE_MATCH_1}" OUTPUT_FORMAT HEXADECIMAL)
  math(EXPR c "${size}" OUTPUT_FORMAT HEXADECIMAL)
  math(EXPR d "${CMAKE_MATCH_2}" OUTPUT_FORMAT HEXADECIMAL)
  if(NOT a STREQUAL b OR NOT c STREQUAL d)
    message(FATAL_ERROR "Epoxy SDK: link.ld SRAM (${b}, ${d}) does not match memory_map.h "
                        "EPOXY_SRAM_BASE/EPOXY_SRAM_SIZE (${a}, ${c})")
  endif()
endfunction()
_epoxy_check_memory_map()

if(NOT TARGET epoxy_sdk)
  add_library(epoxy_sdk STATIC
    ${EPOXY_SDK_DIR}/crt0.S
    ${EPOXY_SDK_DIR}/trap_vector.S
    ${EPOXY_SDK_DIR}/trap.c
    ${EPOXY_SDK_DIR}/umode.S
    ${EPOXY_SDK_DIR}/uart.c
    ${EPOXY_SDK_DIR}/stdio.c
    ${EPOXY_SDK_DIR}/exit.c)
  target_include_directories(epoxy_sdk PUBLIC ${EPOXY_SDK_DIR}/include ${EPOXY_SW_INCLUDE})
  target_compile_options(epoxy_sdk PRIVATE $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra>)
  target_link_options(epoxy_sdk INTERFACE
    -nostartfiles -T${EPOXY_LINKER_SCRIPT} -Wl,--gc-sections)
  # A board with less SRAM than the memory map's (the iCEBreaker's 128 KiB): configure the
  # firmware with -DEPOXY_SRAM_SIZE=<bytes> so that apps put their stack and heap end there.
  set(EPOXY_SRAM_SIZE "" CACHE STRING
      "SRAM bytes of the target board (empty: the memory map's size)")
  if(EPOXY_SRAM_SIZE)
    target_link_options(epoxy_sdk INTERFACE -Wl,--defsym=__sram_size=${EPOXY_SRAM_SIZE})
  endif()
endif()

# epoxy_add_executable(<name> <sources...>)
# Builds ${CMAKE_BINARY_DIR}/bin/<name>.elf linked with epoxy_sdk and link.ld, and writes
# its disassembly to ${CMAKE_BINARY_DIR}/bin/<name>.lst.
function(epoxy_add_executable name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE epoxy_sdk)
  target_compile_options(${name} PRIVATE $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra>)
  set_target_properties(${name} PROPERTIES
    OUTPUT_NAME ${name}
    SUFFIX ".elf"
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin
    LINK_DEPENDS ${EPOXY_LINKER_SCRIPT})
  target_link_options(${name} PRIVATE -Wl,-Map=${CMAKE_BINARY_DIR}/bin/${name}.map)
  add_custom_command(TARGET ${name} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -DOBJDUMP=${CMAKE_OBJDUMP} -DELF=$<TARGET_FILE:${name}>
            -DOUT=${CMAKE_BINARY_DIR}/bin/${name}.lst -P ${EPOXY_SDK_DIR}/epoxy_lst.cmake
    BYPRODUCTS ${CMAKE_BINARY_DIR}/bin/${name}.lst
    COMMENT "Disassembling ${name}.elf"
    VERBATIM)
endfunction()
