# SPDX-License-Identifier: Apache-2.0
# epoxy-sim evaluates the NTT block's model only while it is active (docs/epoxy-sim.md). Run
# one ELF with that and with --ntt-always-eval and require identical commit logs (every
# retirement, register value and memory access, at every cycle count it reads) and the same
# cycle total in --stats: skipping an idle block must change nothing but the run time.
#
#   cmake -DSIM=<epoxy-sim> -DELF=<prog.elf> -DOUT=<prefix> -P run_ntt_skip_check.cmake
foreach(v SIM ELF OUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "run_ntt_skip_check.cmake: ${v} must be given")
  endif()
endforeach()
foreach(mode skip always)
  set(extra)
  if(mode STREQUAL "always")
    set(extra --ntt-always-eval)
  endif()
  execute_process(COMMAND ${SIM} ${extra} --log-commits ${OUT}.${mode}.log
                          --stats ${OUT}.${mode}.json ${ELF}
    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 600)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${ELF} (${mode}): exit status ${rc}\n${err}")
  endif()
  file(READ ${OUT}.${mode}.json json)
  string(JSON cycles_${mode} GET "${json}" cycles)
  string(JSON evals_${mode} GET "${json}" accelerators ntt model_eval_cycles)
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}.skip.log ${OUT}.always.log
  RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "${ELF}: commit logs differ with and without skipping the idle NTT "
                      "block; diff ${OUT}.skip.log ${OUT}.always.log")
endif()
if(NOT cycles_skip EQUAL cycles_always)
  message(FATAL_ERROR "${ELF}: ${cycles_skip} cycles skipping the idle block, "
                      "${cycles_always} evaluating it every cycle")
endif()
if(NOT evals_skip LESS evals_always)
  message(FATAL_ERROR "${ELF}: the block was evaluated ${evals_skip} times when skipping, "
                      "${evals_always} when not: nothing was skipped")
endif()
message("${ELF}: ${cycles_skip} cycles either way; the block's model ran ${evals_skip} of "
        "${evals_always} cycles")
