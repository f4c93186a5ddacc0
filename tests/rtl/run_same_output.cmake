# SPDX-License-Identifier: Apache-2.0
# "Same output": run one firmware ELF on the ISS (epoxy-iss) and on the RTL core
# (epoxy-core) and require the same exit status and byte-identical UART output.
#
#   cmake -DISS=<epoxy-iss> -DCORE=<epoxy-core> -DELF=<prog.elf> [-DUART_IN=<file>]
#         [-DCORE_ARGS=<arg|arg...>] [-DEXPECT_RC=<status>] -P run_same_output.cmake
#
# Programs whose output legitimately depends on timing (the demo prints cycle counts)
# give MASK_REGEX: every match is replaced by "#" in both outputs before comparing.
foreach(v ISS CORE ELF)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "run_same_output.cmake: ${v} must be given")
  endif()
endforeach()
if(NOT EXISTS "${ELF}")
  message(FATAL_ERROR "${ELF}: does not exist (the firmware is built by the main build)")
endif()
set(common "")
if(DEFINED UART_IN)
  list(APPEND common --uart-in "${UART_IN}")
endif()
string(REPLACE "|" ";" core_args "${CORE_ARGS}")

execute_process(COMMAND ${ISS} ${common} "${ELF}"
  RESULT_VARIABLE iss_rc OUTPUT_VARIABLE iss_out ERROR_VARIABLE iss_err TIMEOUT 300)
execute_process(COMMAND ${CORE} ${core_args} ${common} "${ELF}"
  RESULT_VARIABLE core_rc OUTPUT_VARIABLE core_out ERROR_VARIABLE core_err TIMEOUT 300)
message("--- epoxy-iss (exit ${iss_rc}) ---\n${iss_out}${iss_err}"
        "--- epoxy-core (exit ${core_rc}) ---\n${core_out}${core_err}")

if(DEFINED MASK_REGEX)
  string(REGEX REPLACE "${MASK_REGEX}" "#" iss_out "${iss_out}")
  string(REGEX REPLACE "${MASK_REGEX}" "#" core_out "${core_out}")
endif()
if(NOT "${iss_rc}" STREQUAL "${core_rc}")
  message(FATAL_ERROR "${ELF}: exit status differs: ISS ${iss_rc}, core ${core_rc}")
endif()
if(DEFINED EXPECT_RC AND NOT "${core_rc}" STREQUAL "${EXPECT_RC}")
  message(FATAL_ERROR "${ELF}: exit status ${core_rc}, expected ${EXPECT_RC}")
endif()
if(NOT iss_out STREQUAL core_out)
  message(FATAL_ERROR "${ELF}: UART output differs between the ISS and the core")
endif()
