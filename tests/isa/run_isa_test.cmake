# SPDX-License-Identifier: Apache-2.0
# One ISA signature test, as a CMake script (cmake -P), so it needs nothing but CMake:
#
#   cmake -DISS=<epoxy-iss> -DELF=<isa-x.elf> [-DQEMU=<qemu-system-riscv32>
#         -DQEMU_ELF=<isa-x.qemu.elf> -DQEMU_TIMEOUT=<s>] -DWORK_DIR=<dir> -P run_isa_test.cmake
#     Runs the program on the ISS with --signature, checks that the signature it printed on
#     the UART equals the --signature dump, then (when QEMU is given) runs the QEMU build on
#     `virt` and checks that QEMU's UART signature equals the ISS's. Outputs are kept in
#     WORK_DIR (iss.uart, iss.sig, qemu.uart, qemu.sig) for inspection.
#
#   cmake -DSIG_A=<file> -DSIG_B=<file> -P run_isa_test.cmake
#     Compares two signature files (one 8-digit hex word per line) and fails on a mismatch.
#
# Every failure ends with one message that names the program and the first differing word.
cmake_minimum_required(VERSION 3.20)

# Fail with one unwrapped line on stderr (FATAL_ERROR would re-wrap a long message).
function(isa_fail)
  string(JOIN "" msg ${ARGN})
  message(NOTICE "ISA TEST FAILED: ${msg}")
  message(FATAL_ERROR "ISA test failed (reason above)")
endfunction()

# Split text into a list of lines (no trailing empty line; CR removed).
function(isa_lines text out)
  string(REPLACE "\r" "" text "${text}")
  string(REGEX REPLACE "\n$" "" text "${text}")
  if(text STREQUAL "")
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  # Signature lines are hex digits; other output may hold ';', which would split a list.
  string(REPLACE ";" "," text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

# Check that every entry of a list is an 8-digit lowercase hex word.
function(isa_check_words words what)
  set(i 0)
  foreach(w IN LISTS words)
    # CMake regular expressions have no {n} repetition.
    if(NOT w MATCHES "^[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]$")
      isa_fail("${what}: word ${i} is not 8 lowercase hex digits: '${w}'")
    endif()
    math(EXPR i "${i} + 1")
  endforeach()
endfunction()

# The words between the lines "SIGNATURE BEGIN" and "SIGNATURE END" of a UART log.
function(isa_uart_signature text what out)
  isa_lines("${text}" lines)
  list(FIND lines "SIGNATURE BEGIN" begin)
  list(FIND lines "SIGNATURE END" end)
  if(begin EQUAL -1 OR end EQUAL -1 OR end LESS begin)
    isa_fail("${what}: no 'SIGNATURE BEGIN' ... 'SIGNATURE END' block in the "
                        "UART output:\n${text}")
  endif()
  math(EXPR first "${begin} + 1")
  math(EXPR count "${end} - ${first}")
  list(SUBLIST lines ${first} ${count} words)
  isa_check_words("${words}" "${what}")
  set(${out} "${words}" PARENT_SCOPE)
endfunction()

# Compare two word lists; on a mismatch fail with the first differing index and values.
function(isa_compare a name_a b name_b what)
  list(LENGTH a len_a)
  list(LENGTH b len_b)
  set(n ${len_a})
  if(len_b LESS n)
    set(n ${len_b})
  endif()
  set(i 0)
  set(mismatches 0)
  set(first -1)
  while(i LESS n)
    list(GET a ${i} wa)
    list(GET b ${i} wb)
    if(NOT wa STREQUAL wb)
      if(first EQUAL -1)
        set(first ${i})
        set(first_a ${wa})
        set(first_b ${wb})
      endif()
      math(EXPR mismatches "${mismatches} + 1")
    endif()
    math(EXPR i "${i} + 1")
  endwhile()
  if(first GREATER -1)
    math(EXPR offset "${first} * 4" OUTPUT_FORMAT HEXADECIMAL)
    isa_fail("${what}: signature mismatch at word ${first} (byte offset "
                        "${offset}): ${name_a} ${first_a}, ${name_b} ${first_b} "
                        "(${mismatches} of ${n} compared words differ)")
  endif()
  if(NOT len_a EQUAL len_b)
    isa_fail("${what}: signature length mismatch: ${name_a} has ${len_a} words, "
                        "${name_b} has ${len_b}; the first ${n} agree")
  endif()
endfunction()

# ---- Mode 1: compare two signature files --------------------------------------------------
if(DEFINED SIG_A)
  foreach(f IN ITEMS "${SIG_A}" "${SIG_B}")
    if(NOT EXISTS "${f}")
      isa_fail("signature file not found: ${f}")
    endif()
  endforeach()
  file(READ "${SIG_A}" text_a)
  file(READ "${SIG_B}" text_b)
  isa_lines("${text_a}" words_a)
  isa_lines("${text_b}" words_b)
  isa_check_words("${words_a}" "${SIG_A}")
  isa_check_words("${words_b}" "${SIG_B}")
  isa_compare("${words_a}" "A" "${words_b}" "B" "${SIG_A} vs ${SIG_B}")
  list(LENGTH words_a n)
  message(STATUS "signatures agree (${n} words)")
  return()
endif()

# ---- Mode 2: run one program on the ISS, and on QEMU -----------------------------------------
foreach(var ISS ELF WORK_DIR)
  if(NOT DEFINED ${var})
    isa_fail("run_isa_test.cmake: -D${var}=... is required")
  endif()
endforeach()
get_filename_component(program "${ELF}" NAME_WE)
foreach(f IN ITEMS "${ISS}" "${ELF}")
  if(NOT EXISTS "${f}")
    isa_fail("${program}: ${f} does not exist (build the project first)")
  endif()
endforeach()
file(MAKE_DIRECTORY "${WORK_DIR}")
file(REMOVE "${WORK_DIR}/iss.sig" "${WORK_DIR}/iss.uart" "${WORK_DIR}/qemu.uart"
     "${WORK_DIR}/qemu.sig")

# The ISS: exit status is the program's exit code (0 when every check ran).
execute_process(
  COMMAND "${ISS}" --max-insns 50000000 --signature "${WORK_DIR}/iss.sig" "${ELF}"
  OUTPUT_VARIABLE iss_out
  ERROR_VARIABLE iss_err
  RESULT_VARIABLE iss_rc
  TIMEOUT 60)
file(WRITE "${WORK_DIR}/iss.uart" "${iss_out}")
if(NOT iss_rc STREQUAL "0")
  isa_fail("${program}: epoxy-iss exited with '${iss_rc}' (expected 0)\n"
                      "stderr: ${iss_err}\nUART output:\n${iss_out}")
endif()
isa_uart_signature("${iss_out}" "${program} (ISS UART)" iss_uart_words)
file(READ "${WORK_DIR}/iss.sig" iss_sig_text)
isa_lines("${iss_sig_text}" iss_sig_words)
isa_check_words("${iss_sig_words}" "${program} (ISS --signature)")
isa_compare("${iss_uart_words}" "ISS-UART" "${iss_sig_words}" "ISS--signature"
            "${program}: ISS UART dump vs --signature file")
list(LENGTH iss_sig_words nwords)

if(NOT QEMU)
  message(STATUS "${program}: ISS UART and --signature agree (${nwords} words); "
                 "QEMU not available, comparison with QEMU skipped")
  return()
endif()
if(NOT EXISTS "${QEMU_ELF}")
  isa_fail("${program}: ${QEMU_ELF} does not exist (build the project first)")
endif()
if(NOT DEFINED QEMU_TIMEOUT)
  set(QEMU_TIMEOUT 30)
endif()

# QEMU: the program ends through the sifive_test finisher; exit status 0 means "pass".
execute_process(
  COMMAND "${QEMU}" -M virt -bios none -display none -serial stdio -monitor none
          -kernel "${QEMU_ELF}"
  INPUT_FILE /dev/null
  OUTPUT_VARIABLE qemu_out
  ERROR_VARIABLE qemu_err
  RESULT_VARIABLE qemu_rc
  TIMEOUT ${QEMU_TIMEOUT})
file(WRITE "${WORK_DIR}/qemu.uart" "${qemu_out}")
if(NOT qemu_rc STREQUAL "0")
  isa_fail("${program}: qemu-system-riscv32 exited with '${qemu_rc}' (expected 0; "
                      "timeout ${QEMU_TIMEOUT} s)\nstderr: ${qemu_err}\nUART output:\n${qemu_out}")
endif()
isa_uart_signature("${qemu_out}" "${program} (QEMU UART)" qemu_words)
string(REPLACE ";" "\n" qemu_sig_text "${qemu_words}")
file(WRITE "${WORK_DIR}/qemu.sig" "${qemu_sig_text}\n")
isa_compare("${iss_sig_words}" "ISS" "${qemu_words}" "QEMU" "${program}: ISS vs QEMU")
message(STATUS "${program}: ISS and QEMU signatures agree (${nwords} words)")
