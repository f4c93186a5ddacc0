# SPDX-License-Identifier: Apache-2.0
# Core benchmark (`make bench`): run the firmware benchmark suite (firmware/bench, bench.elf)
# on the RTL simulator and on the ISS, check that every kernel passed and that each kernel's
# instruction count on the simulator equals the ISS's, and write per-kernel instructions,
# cycles and CPI as JSON, plus a markdown table on the terminal.
#
#   cmake -DBUILD=<build dir> -DOUT=<file.json> [-DSIM=<simulator>] [-DSIM_ARGS=<a;b>]
#         -P scripts/bench_core.cmake
#
# The simulator is epoxy-sim (the whole RTL SoC) unless SIM names another one that takes
# epoxy-iss's --stats option (the tests also run it on epoxy-core, the core alone with a
# C++ memory model, with SIM_ARGS "--wait-states;0"). Cycle counts are deterministic, so
# one run is the measurement.
set(BENCH_SIM_NAME epoxy-sim)
if(NOT DEFINED BUILD OR NOT DEFINED OUT)
  message(FATAL_ERROR "bench_core.cmake: BUILD and OUT are required")
endif()
if(NOT DEFINED SIM)
  set(SIM ${BUILD}/bin/${BENCH_SIM_NAME})
endif()

set(ISS ${BUILD}/bin/epoxy-iss)
set(ELF ${BUILD}/firmware/bin/bench.elf)
foreach(f SIM ISS ELF)
  if(NOT EXISTS "${${f}}")
    message(FATAL_ERROR "bench_core.cmake: ${${f}} does not exist (build first: make build)")
  endif()
endforeach()
get_filename_component(out_dir ${OUT} DIRECTORY)
file(MAKE_DIRECTORY ${out_dir})
get_filename_component(sim_name ${SIM} NAME)

# run(<prefix> <command...>): output and whole-program stats in <prefix>_out, <prefix>_stats.
macro(run prefix)
  execute_process(COMMAND ${ARGN} --stats ${OUT}.${prefix}-stats.json ${ELF}
    RESULT_VARIABLE rc OUTPUT_VARIABLE ${prefix}_out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${ARGV1} ${ELF} failed (exit ${rc}):\n${${prefix}_out}${err}")
  endif()
  file(READ ${OUT}.${prefix}-stats.json ${prefix}_stats)
endmacro()
run(sim ${SIM} ${SIM_ARGS})
run(iss ${ISS})

# "<instructions * 1000 / cycles>" as a decimal with three places.
function(cpi_text insns cycles var)
  math(EXPR milli "(${cycles} * 1000 + ${insns} / 2) / ${insns}")
  math(EXPR whole "${milli} / 1000")
  math(EXPR frac "${milli} % 1000 + 1000")
  string(SUBSTRING "${frac}" 1 3 frac)
  set(${var} "${whole}.${frac}" PARENT_SCOPE)
endfunction()

# Kernel lines: "bench <name> <instructions> <cycles> PASS <what>".
set(line_re "bench ([a-z0-9_]+) +([0-9]+) +([0-9]+) PASS ([^\n]*)")
string(REGEX MATCHALL "${line_re}" sim_lines "${sim_out}")
string(REGEX MATCHALL "${line_re}" iss_lines "${iss_out}")
if(NOT sim_out MATCHES "bench: all [0-9]+ kernels PASS")
  message(FATAL_ERROR "not every kernel passed on ${sim_name}:\n${sim_out}")
endif()
foreach(line IN LISTS iss_lines)
  string(REGEX MATCH "${line_re}" _ "${line}")
  set(iss_insns_${CMAKE_MATCH_1} ${CMAKE_MATCH_2})
endforeach()

# The JSON is written as text (string(JSON SET) would print 1.394 as 1.3939999999999999).
string(TIMESTAMP date "%Y-%m-%d" UTC)
string(REPLACE ";" " " args_text "${SIM_ARGS}")
string(REPLACE "\\" "" args_text "${args_text}")
set(kernels_json "")
set(i 0)
set(sum_insns 0)
set(sum_cycles 0)
set(table "| kernel | instructions | cycles | CPI |\n|---|---:|---:|---:|\n")
set(mismatch "")
foreach(line IN LISTS sim_lines)
  string(REGEX MATCH "${line_re}" _ "${line}")
  set(name ${CMAKE_MATCH_1})
  set(insns ${CMAKE_MATCH_2})
  set(cycles ${CMAKE_MATCH_3})
  string(STRIP "${CMAKE_MATCH_4}" what)
  string(REPLACE "\"" "'" what "${what}")
  if(NOT DEFINED iss_insns_${name})
    string(APPEND mismatch "${name}: no PASS line on epoxy-iss\n")
  elseif(NOT iss_insns_${name} EQUAL insns)
    string(APPEND mismatch
      "${name}: ${insns} instructions on ${sim_name}, ${iss_insns_${name}} on epoxy-iss\n")
  endif()
  cpi_text(${insns} ${cycles} cpi)
  if(i GREATER 0)
    string(APPEND kernels_json ",\n")
  endif()
  string(APPEND kernels_json "    {\"name\": \"${name}\", \"instructions\": ${insns}, "
    "\"cycles\": ${cycles}, \"cpi\": ${cpi},\n     \"what\": \"${what}\"}")
  string(APPEND table "| ${name} | ${insns} | ${cycles} | ${cpi} |\n")
  math(EXPR sum_insns "${sum_insns} + ${insns}")
  math(EXPR sum_cycles "${sum_cycles} + ${cycles}")
  math(EXPR i "${i} + 1")
endforeach()
if(i EQUAL 0)
  message(FATAL_ERROR "no kernel lines in the output of ${sim_name}:\n${sim_out}")
endif()
if(mismatch)
  message(FATAL_ERROR "instruction counts differ between ${sim_name} and epoxy-iss:\n"
                      "${mismatch}")
endif()
cpi_text(${sum_insns} ${sum_cycles} cpi)
string(APPEND table "| all kernels | ${sum_insns} | ${sum_cycles} | ${cpi} |\n")
string(JSON total_cycles GET "${sim_stats}" cycles)
string(JSON total_instret GET "${sim_stats}" instret)
string(STRIP "${sim_stats}" sim_stats)
string(REPLACE "\n" "\n  " sim_stats "${sim_stats}")
file(WRITE ${OUT} "{\n"
  "  \"simulator\": \"${sim_name}\",\n"
  "  \"program\": \"bench\",\n"
  "  \"elf\": \"${ELF}\",\n"
  "  \"simulator_args\": \"${args_text}\",\n"
  "  \"date\": \"${date}\",\n"
  "  \"instructions_equal_iss\": true,\n"
  "  \"kernels\": [\n${kernels_json}\n  ],\n"
  "  \"kernels_total\": {\"instructions\": ${sum_insns}, \"cycles\": ${sum_cycles}, "
  "\"cpi\": ${cpi}},\n"
  "  \"whole_program\": ${sim_stats}\n"
  "}\n")
# Reading it back proves it is valid JSON.
file(READ ${OUT} written)
string(JSON n_kernels LENGTH "${written}" kernels)
message("${table}")
message("${sim_name} ${args_text}; instruction counts equal epoxy-iss's")
message("whole program (set-up and checks included): ${total_instret} instructions, "
        "${total_cycles} cycles")
message("written: ${OUT}")
