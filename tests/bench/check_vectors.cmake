# SPDX-License-Identifier: Apache-2.0
# bench.vectors-up-to-date: regenerate the benchmark's expected values with the host tool
# (GMP, OpenSSL) into the build tree and require the committed header to be identical.
#
#   cmake -DGEN=<epoxy-bench-vectors> -DCOMMITTED=<firmware/bench/bench_vectors.h>
#         -DFRESH=<output file> -P check_vectors.cmake
foreach(v GEN COMMITTED FRESH)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "check_vectors.cmake: ${v} must be given")
  endif()
endforeach()
execute_process(COMMAND ${GEN} ${FRESH} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${GEN} ${FRESH} failed (exit ${rc}): ${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${COMMITTED} ${FRESH}
  RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "${COMMITTED} is stale: it differs from the freshly generated "
                      "${FRESH}. Regenerate it with\n  ${GEN} ${COMMITTED}\n"
                      "and rebuild the firmware.")
endif()
message("${COMMITTED} matches the generator's output")
