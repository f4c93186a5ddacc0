# SPDX-License-Identifier: Apache-2.0
# Runs one firmware ELF on the ISS and checks both its exit status and its output, which
# PASS_REGULAR_EXPRESSION alone cannot do (it ignores the exit status). Run with cmake -P:
#
#   cmake -DISS=<epoxy-iss> -DELF=<prog.elf> [-DMAX_INSNS=<n>] [-DUART_IN=<file>]
#         [-DEXPECT_RC=<status, default 0>] [-DOUTPUT_REGEX=<re>[@@<re>...]]
#         -P run_firmware.cmake
#
# ISS may also be epoxy-core (same command line), which limits cycles: -DMAX_CYCLES=<n>.
#
# Every regular expression (separated by @@) must match the program's stdout.
if(NOT DEFINED ISS OR NOT DEFINED ELF)
  message(FATAL_ERROR "run_firmware.cmake: ISS and ELF must be given")
endif()
if(NOT EXISTS "${ELF}")
  message(FATAL_ERROR "${ELF}: does not exist (the firmware is built by the main build: "
                      "run ninja/cmake --build first)")
endif()
if(NOT DEFINED EXPECT_RC)
  set(EXPECT_RC 0)
endif()
set(cmd "${ISS}")
if(DEFINED MAX_INSNS)
  list(APPEND cmd --max-insns ${MAX_INSNS})
endif()
if(DEFINED MAX_CYCLES)
  list(APPEND cmd --max-cycles ${MAX_CYCLES})
endif()
if(DEFINED UART_IN)
  list(APPEND cmd --uart-in "${UART_IN}")
endif()
list(APPEND cmd "${ELF}")

execute_process(COMMAND ${cmd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REPLACE ";" " " shown "${cmd}")
message("$ ${shown}\n--- stdout ---\n${out}--- stderr ---\n${err}--- exit status ${rc} ---")

set(failures "")
if(NOT "${rc}" STREQUAL "${EXPECT_RC}")
  string(APPEND failures "exit status ${rc}, expected ${EXPECT_RC}\n")
endif()
if(DEFINED OUTPUT_REGEX)
  string(REPLACE "@@" ";" regexes "${OUTPUT_REGEX}")
  foreach(re IN LISTS regexes)
    if(NOT out MATCHES "${re}")
      string(APPEND failures "stdout does not match: ${re}\n")
    endif()
  endforeach()
endif()
if(failures)
  message(FATAL_ERROR "${ELF}:\n${failures}")
endif()
