# SPDX-License-Identifier: Apache-2.0
# The out-of-tree build test: configures and builds firmware/examples/out-of-tree in a fresh
# directory with nothing but cmake and EPOXY_ROOT, as a user would, then runs the ELF on the
# ISS and checks its exit status and output. Run with cmake -P:
#
#   cmake -DEPOXY_ROOT=<source tree> -DWORK=<empty dir to use> -DISS=<epoxy-iss>
#         -DGENERATOR=<generator> [-DMAKE_PROGRAM=<ninja>] -P build_out_of_tree.cmake
foreach(v EPOXY_ROOT WORK ISS GENERATOR)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "build_out_of_tree.cmake: ${v} must be given")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(src "${EPOXY_ROOT}/firmware/examples/out-of-tree")
set(cfg "${CMAKE_COMMAND}" -S "${src}" -B "${WORK}" -G "${GENERATOR}" "-DEPOXY_ROOT=${EPOXY_ROOT}")
if(DEFINED MAKE_PROGRAM AND NOT MAKE_PROGRAM STREQUAL "")
  list(APPEND cfg "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()

function(step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("--- ${what} (exit status ${rc}) ---\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "out-of-tree example: ${what} failed (exit status ${rc})")
  endif()
endfunction()

step("configure" ${cfg})
step("build" "${CMAKE_COMMAND}" --build "${WORK}")
set(elf "${WORK}/bin/my_app.elf")
if(NOT EXISTS "${elf}")
  message(FATAL_ERROR "out-of-tree example: the build did not produce ${elf}")
endif()
execute_process(COMMAND "${ISS}" --max-insns 1000000 "${elf}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("--- run (exit status ${rc}) ---\n${out}${err}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "my_app: PASS")
  message(FATAL_ERROR "out-of-tree example: ${elf} exited ${rc}, expected 0 and \"my_app: PASS\"")
endif()
