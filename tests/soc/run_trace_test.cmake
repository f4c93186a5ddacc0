# SPDX-License-Identifier: Apache-2.0
# --trace writes an FST waveform, and --trace-start/--trace-end limit it: a window of the
# run must give a smaller file than the whole run, and both must start with an FST header
# block (block type 0) and leave the program's output and exit status unchanged.
#
#   cmake -DSIM=<epoxy-sim> -DELF=<prog.elf> -DOUT=<prefix> -P run_trace_test.cmake
execute_process(COMMAND ${SIM} --trace ${OUT}.full.fst ${ELF}
  RESULT_VARIABLE rc_full OUTPUT_VARIABLE out_full ERROR_VARIABLE err TIMEOUT 100)
execute_process(COMMAND ${SIM} --trace ${OUT}.window.fst --trace-start 100 --trace-end 600 ${ELF}
  RESULT_VARIABLE rc_win OUTPUT_VARIABLE out_win ERROR_VARIABLE err2 TIMEOUT 100)
execute_process(COMMAND ${SIM} ${ELF} RESULT_VARIABLE rc_plain OUTPUT_VARIABLE out_plain TIMEOUT 100)
if(NOT rc_full EQUAL 0 OR NOT rc_win EQUAL 0 OR NOT rc_plain EQUAL 0)
  message(FATAL_ERROR "exit status ${rc_full} / ${rc_win} / ${rc_plain}\n${err}${err2}")
endif()
if(NOT out_full STREQUAL out_plain OR NOT out_win STREQUAL out_plain)
  message(FATAL_ERROR "tracing changed the program's output")
endif()
foreach(f full window)
  file(SIZE ${OUT}.${f}.fst size_${f})
  file(READ ${OUT}.${f}.fst head LIMIT 1 HEX)
  if(NOT head STREQUAL "00")
    message(FATAL_ERROR "${OUT}.${f}.fst: does not start with an FST header block (got ${head})")
  endif()
endforeach()
if(NOT size_window LESS size_full)
  message(FATAL_ERROR "window trace (${size_window} bytes) not smaller than full (${size_full})")
endif()
message("full trace ${size_full} bytes, cycles 100..600: ${size_window} bytes")
