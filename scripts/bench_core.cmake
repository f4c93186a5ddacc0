# SPDX-License-Identifier: Apache-2.0
# Core benchmark: run the demo's software kernels on the Verilated glue core (epoxy-core)
# and on the ISS, and write per-kernel instructions, cycles and CPI as JSON.
#
#   cmake -DBUILD=<build dir> -DOUT=<file.json> -P scripts/bench_core.cmake
#
# Cycle counts are deterministic (zero wait states), so one run is the measurement.
if(NOT DEFINED BUILD OR NOT DEFINED OUT)
  message(FATAL_ERROR "bench_core.cmake: BUILD and OUT are required")
endif()
set(ELF ${BUILD}/firmware/bin/demo.elf)
get_filename_component(out_dir ${OUT} DIRECTORY)
file(MAKE_DIRECTORY ${out_dir})

execute_process(COMMAND ${BUILD}/bin/epoxy-core --stats ${out_dir}/demo-core-stats.json ${ELF}
  RESULT_VARIABLE rc OUTPUT_VARIABLE uart ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "epoxy-core ${ELF} failed (exit ${rc}):\n${uart}${err}")
endif()
file(READ ${out_dir}/demo-core-stats.json stats)

# Kernel lines: "<name> <instructions> <cycles> PASS ..."
string(REGEX MATCHALL "\n[a-z0-9_]+ +[0-9]+ +[0-9]+ +PASS" lines "${uart}")
set(json "{}")
string(JSON json SET "${json}" "simulator" "\"epoxy-core\"")
string(JSON json SET "${json}" "program" "\"demo\"")
string(JSON json SET "${json}" "wait_states" "0")
string(JSON json SET "${json}" "kernels" "[]")
set(i 0)
set(table "| kernel | instructions | cycles | CPI |\n|---|---:|---:|---:|\n")
foreach(line IN LISTS lines)
  string(REGEX MATCH "([a-z0-9_]+) +([0-9]+) +([0-9]+)" _ "${line}")
  set(name ${CMAKE_MATCH_1})
  set(insns ${CMAKE_MATCH_2})
  set(cycles ${CMAKE_MATCH_3})
  math(EXPR cpi_milli "(${cycles} * 1000 + ${insns} / 2) / ${insns}")
  math(EXPR whole "${cpi_milli} / 1000")
  math(EXPR frac "${cpi_milli} % 1000")
  string(LENGTH "${frac}" n)
  if(n EQUAL 1)
    set(frac "00${frac}")
  elseif(n EQUAL 2)
    set(frac "0${frac}")
  endif()
  string(JSON json SET "${json}" "kernels" ${i}
    "{\"name\":\"${name}\",\"instructions\":${insns},\"cycles\":${cycles},\"cpi\":${whole}.${frac}}")
  string(APPEND table "| ${name} | ${insns} | ${cycles} | ${whole}.${frac} |\n")
  math(EXPR i "${i} + 1")
endforeach()
if(i EQUAL 0)
  message(FATAL_ERROR "no kernel lines in the demo output:\n${uart}")
endif()
string(JSON total_cycles GET "${stats}" cycles)
string(JSON total_instret GET "${stats}" instret)
string(JSON json SET "${json}" "whole_program" "${stats}")
file(WRITE ${OUT} "${json}\n")
message("${table}")
message("whole program: ${total_instret} instructions, ${total_cycles} cycles")
message("written: ${OUT}")
