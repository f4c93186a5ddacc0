# SPDX-License-Identifier: Apache-2.0
# Run one command and check how it ended: exit status, stdout and stderr.
#
#   cmake -DCMD=<prog|arg|...> -DEXPECT_RC=<n> [-DSTDERR_REGEX=<re>] [-DSTDOUT_REGEX=<re>]
#         [-DONE_LINE=ON] [-DTIMEOUT=<s>]
#         [-DOUTPUT_FILE=<path> (-DEXPECTED_FILE=<path> | -DFILE_REGEX=<re>)] -P run_expect.cmake
#
# OUTPUT_FILE is a file the command writes; it is removed first, then compared with
# EXPECTED_FILE byte for byte or matched against FILE_REGEX.
# ONE_LINE requires stderr to be exactly one line (the CLI's bad-input contract).
if(NOT DEFINED CMD OR NOT DEFINED EXPECT_RC)
  message(FATAL_ERROR "run_expect.cmake: CMD and EXPECT_RC are required")
endif()
if(NOT DEFINED TIMEOUT)
  set(TIMEOUT 60)
endif()
# Arguments are separated by '|' (a ';' would be split by ctest before it reaches us).
string(REPLACE "|" ";" CMD "${CMD}")
if(DEFINED OUTPUT_FILE)
  file(REMOVE "${OUTPUT_FILE}")
endif()
execute_process(COMMAND ${CMD}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT ${TIMEOUT})
string(REPLACE ";" " " shown "${CMD}")
set(report "command: ${shown}\nexit status: ${rc}\n--- stdout ---\n${out}\n--- stderr ---\n${err}")
if(NOT "${rc}" STREQUAL "${EXPECT_RC}")
  message(FATAL_ERROR "expected exit status ${EXPECT_RC}\n${report}")
endif()
if(DEFINED STDERR_REGEX AND NOT err MATCHES "${STDERR_REGEX}")
  message(FATAL_ERROR "stderr does not match '${STDERR_REGEX}'\n${report}")
endif()
if(DEFINED STDOUT_REGEX AND NOT out MATCHES "${STDOUT_REGEX}")
  message(FATAL_ERROR "stdout does not match '${STDOUT_REGEX}'\n${report}")
endif()
if(ONE_LINE)
  string(REGEX MATCHALL "\n" newlines "${err}")
  list(LENGTH newlines n)
  if(NOT n EQUAL 1 OR NOT err MATCHES "\n$")
    message(FATAL_ERROR "stderr must be exactly one line, got ${n} newline(s)\n${report}")
  endif()
endif()
if(DEFINED OUTPUT_FILE)
  if(NOT EXISTS "${OUTPUT_FILE}")
    message(FATAL_ERROR "${OUTPUT_FILE} was not written\n${report}")
  endif()
  file(READ "${OUTPUT_FILE}" written)
  if(DEFINED EXPECTED_FILE)
    file(READ "${EXPECTED_FILE}" expected)
    if(NOT written STREQUAL expected)
      message(FATAL_ERROR "${OUTPUT_FILE} differs from ${EXPECTED_FILE}\n"
                          "--- written ---\n${written}--- expected ---\n${expected}")
    endif()
  endif()
  if(DEFINED FILE_REGEX AND NOT written MATCHES "${FILE_REGEX}")
    message(FATAL_ERROR "${OUTPUT_FILE} does not match '${FILE_REGEX}'\n${written}")
  endif()
endif()
