# SPDX-License-Identifier: Apache-2.0
# Writes the disassembly of an ELF to a listing file (cmake -P, so no shell redirection is
# needed): cmake -DOBJDUMP=<objdump> -DELF=<in.elf> -DOUT=<out.lst> -P epoxy_lst.cmake
execute_process(COMMAND ${OBJDUMP} -d ${ELF} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "objdump -d ${ELF} failed (${rc})")
endif()
