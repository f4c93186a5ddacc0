# SPDX-License-Identifier: Apache-2.0
# Run one ELF on epoxy-iss and epoxy-sim with --log-commits and require identical logs
# (the two simulators share the record type and formatter; the RTL reports through RVFI).
#
#   cmake -DISS=<epoxy-iss> -DSIM=<epoxy-sim> -DELF=<prog.elf> -DOUT=<prefix> -P run_same_commit_log.cmake
foreach(v ISS SIM ELF OUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "run_same_commit_log.cmake: ${v} must be given")
  endif()
endforeach()
execute_process(COMMAND ${ISS} --log-commits ${OUT}.iss.log ${ELF}
  RESULT_VARIABLE iss_rc OUTPUT_QUIET ERROR_VARIABLE iss_err TIMEOUT 300)
execute_process(COMMAND ${SIM} --log-commits ${OUT}.sim.log ${ELF}
  RESULT_VARIABLE sim_rc OUTPUT_QUIET ERROR_VARIABLE sim_err TIMEOUT 300)
if(NOT iss_rc EQUAL 0 OR NOT sim_rc EQUAL 0)
  message(FATAL_ERROR "${ELF}: exit status ISS ${iss_rc}, epoxy-sim ${sim_rc}\n${iss_err}${sim_err}")
endif()
file(STRINGS ${OUT}.iss.log iss_lines)
file(STRINGS ${OUT}.sim.log sim_lines)
list(LENGTH iss_lines n_iss)
list(LENGTH sim_lines n_sim)
if(n_iss EQUAL 0)
  message(FATAL_ERROR "${ELF}: empty ISS commit log")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}.iss.log ${OUT}.sim.log
  RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "${ELF}: commit logs differ (ISS ${n_iss} lines, epoxy-sim ${n_sim}); "
                      "diff ${OUT}.iss.log ${OUT}.sim.log")
endif()
message("${ELF}: ${n_iss} identical commit-log lines")
