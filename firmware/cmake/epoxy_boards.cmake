# SPDX-License-Identifier: Apache-2.0
# The FPGA boards' configurations (fpga/boards/<board>/board.toml) as seen by the firmware
# build, so that each board's bootloader and example apps are built for its clock, SRAM and
# ROM from the same file the FPGA flow (fpga/flow/fpga.py) reads:
#
#   epoxy_boards(<out-list>)                          names of the boards
#   epoxy_board_value(<board> <section> <key> <out> [OPTIONAL])
#                                                     a scalar of its board.toml (OPTIONAL:
#                                                     empty when absent, else an error)
#
# Only the simple `key = value` lines of board.toml are read (numbers and strings).
include_guard(GLOBAL)

get_filename_component(_dir "${CMAKE_CURRENT_LIST_DIR}/../../fpga/boards" ABSOLUTE)
set(EPOXY_BOARDS_DIR "${_dir}" CACHE INTERNAL "FPGA board configurations (fpga/boards)")

function(epoxy_boards out)
  file(GLOB tomls RELATIVE ${EPOXY_BOARDS_DIR} CONFIGURE_DEPENDS ${EPOXY_BOARDS_DIR}/*/board.toml)
  set(names)
  foreach(t IN LISTS tomls)
    get_filename_component(dir ${t} DIRECTORY)
    list(APPEND names ${dir})
  endforeach()
  list(SORT names)
  set(${out} ${names} PARENT_SCOPE)
endfunction()

function(epoxy_board_value board section key out)
  cmake_parse_arguments(A "OPTIONAL" "" "" ${ARGN})
  set(file ${EPOXY_BOARDS_DIR}/${board}/board.toml)
  file(STRINGS ${file} lines)
  set(current "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^\\[([a-z_]+)\\]")
      set(current ${CMAKE_MATCH_1})
    elseif(current STREQUAL section AND line MATCHES "^${key} *= *\"?([^\" #]+)")
      set(${out} ${CMAKE_MATCH_1} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  if(A_OPTIONAL)
    set(${out} "" PARENT_SCOPE)
  else()
    message(FATAL_ERROR "${file}: no ${key} in [${section}]")
  endif()
endfunction()
