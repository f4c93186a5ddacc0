# SPDX-License-Identifier: Apache-2.0
# epoxy_same_output_test(): register a ctest that runs one firmware ELF on epoxy-iss and on
# an RTL simulator through tests/rtl/run_same_output.cmake, and requires the same exit
# status and byte-identical UART output.
#
#   epoxy_same_output_test(<test name> <prog> SIM <simulator> LABEL <label>
#                          [SIM_ARGS <arg|arg...>] [RC <status>] [UART_IN <file>]
#                          [MASK_REGEX <re>] [TIMEOUT <s>])
get_filename_component(EPOXY_RUN_SAME_OUTPUT ${CMAKE_CURRENT_LIST_DIR}/../rtl/run_same_output.cmake
                       ABSOLUTE)

function(epoxy_same_output_test name prog)
  cmake_parse_arguments(T "" "SIM;SIM_ARGS;LABEL;RC;UART_IN;MASK_REGEX;TIMEOUT" "" ${ARGN})
  set(defs -DISS=$<TARGET_FILE:epoxy-iss> -DCORE=${T_SIM}
           -DELF=${EPOXY_FIRMWARE_BIN}/${prog}.elf "-DCORE_ARGS=${T_SIM_ARGS}")
  if(DEFINED T_RC)
    list(APPEND defs -DEXPECT_RC=${T_RC})
  endif()
  if(DEFINED T_UART_IN)
    list(APPEND defs -DUART_IN=${T_UART_IN})
  endif()
  if(DEFINED T_MASK_REGEX)
    list(APPEND defs "-DMASK_REGEX=${T_MASK_REGEX}")
  endif()
  if(NOT DEFINED T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${EPOXY_RUN_SAME_OUTPUT})
  set_tests_properties(${name} PROPERTIES LABELS ${T_LABEL} TIMEOUT ${T_TIMEOUT})
endfunction()
