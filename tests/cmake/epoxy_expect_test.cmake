# SPDX-License-Identifier: Apache-2.0
# epoxy_expect_test(): register a ctest that runs one program through
# tests/cli/run_expect.cmake and checks its exit status, output and written files.
#
#   epoxy_expect_test(<test name> PROGRAM <path or $<TARGET_FILE:...>> RC <status>
#                     [ERR <regex>] [OUT <regex>] [ONE_LINE] [FILE <path>] [EXPECTED <path>]
#                     [FILE_REGEX <regex>] [LABELS <labels...>] [TIMEOUT <s>]
#                     ARGS <arguments...>)
get_filename_component(EPOXY_RUN_EXPECT ${CMAKE_CURRENT_LIST_DIR}/../cli/run_expect.cmake ABSOLUTE)

function(epoxy_expect_test name)
  cmake_parse_arguments(T "ONE_LINE" "PROGRAM;RC;ERR;OUT;FILE;EXPECTED;FILE_REGEX;TIMEOUT"
                        "ARGS;LABELS" ${ARGN})
  set(defs -DEXPECT_RC=${T_RC})
  foreach(pair ERR:STDERR_REGEX OUT:STDOUT_REGEX FILE:OUTPUT_FILE EXPECTED:EXPECTED_FILE
               FILE_REGEX:FILE_REGEX)
    string(REPLACE ":" ";" pair "${pair}")
    list(GET pair 0 key)
    list(GET pair 1 var)
    if(DEFINED T_${key})
      list(APPEND defs "-D${var}=${T_${key}}")
    endif()
  endforeach()
  if(T_ONE_LINE)
    list(APPEND defs -DONE_LINE=ON)
  endif()
  if(NOT DEFINED T_TIMEOUT)
    set(T_TIMEOUT 60)
  endif()
  # run_expect.cmake takes the command with '|' between arguments.
  string(REPLACE ";" "|" cmd "${T_PROGRAM};${T_ARGS}")
  add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} "-DCMD=${cmd}" ${defs} -P ${EPOXY_RUN_EXPECT})
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}")
endfunction()
