# SPDX-License-Identifier: Apache-2.0
# epoxy_run_commands(<cmd>...): for fixture scripts (cmake -P), runs each command in turn,
# written with '|' between its arguments, and stops with the command, its exit status and
# its output at the first that fails.
function(epoxy_run_commands)
  foreach(cmd IN LISTS ARGN)
    string(REPLACE "|" ";" cmd "${cmd}")
    execute_process(COMMAND ${cmd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      string(REPLACE ";" " " shown "${cmd}")
      message(FATAL_ERROR "${shown}: exit status ${rc}\n${out}${err}")
    endif()
  endforeach()
endfunction()
