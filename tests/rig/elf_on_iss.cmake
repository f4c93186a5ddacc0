# SPDX-License-Identifier: Apache-2.0
# epoxy-rig writes a program and runs it in memory; epoxy-iss runs the ELF file. Both must
# exit 0 after the same number of steps.
#   cmake -DRIG=<epoxy-rig> -DISS=<epoxy-iss> -DSEED=<n> -DINSNS=<n> -DOUT=<dir> -P elf_on_iss.cmake
set(elf ${OUT}/rig-${SEED}.elf)
execute_process(COMMAND ${RIG} --seed ${SEED} --insns ${INSNS} -o ${elf} --run
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "epoxy-rig failed (${rc}):\n${out}\n${err}")
endif()
if(NOT out MATCHES "seed ${SEED}: exit 0 after ([0-9]+) steps")
  message(FATAL_ERROR "no step count in epoxy-rig's output:\n${out}")
endif()
set(rig_steps ${CMAKE_MATCH_1})
execute_process(COMMAND ${ISS} --stats ${OUT}/rig-${SEED}.json ${elf}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "epoxy-iss ${elf} exited ${rc}:\n${out}\n${err}")
endif()
file(READ ${OUT}/rig-${SEED}.json stats)
string(JSON iss_steps GET "${stats}" steps)
if(NOT iss_steps EQUAL rig_steps)
  message(FATAL_ERROR "epoxy-iss took ${iss_steps} steps, the in-memory run ${rig_steps}")
endif()
message(STATUS "seed ${SEED}: ${iss_steps} steps on both")
