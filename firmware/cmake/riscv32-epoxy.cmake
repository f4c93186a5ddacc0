# SPDX-License-Identifier: Apache-2.0
# CMake toolchain file for Epoxy firmware: RV32IMC, ilp32, bare metal, picolibc.
#
#   cmake -S <app> -B <build> -DCMAKE_TOOLCHAIN_FILE=<epoxy>/firmware/cmake/riscv32-epoxy.cmake
#
# The Debian riscv64-unknown-elf-gcc has no rv32imc multilib: -march=rv32imc -mabi=ilp32
# links the rv32im libraries (C code from the library is uncompressed, which is fine).
# Do not write -march=rv32imc_zicsr: the multilib match then fails and the link reports
# "file in wrong format". -misa-spec=2.2 keeps the CSR instructions in the base ISA instead.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)

set(EPOXY_CROSS_PREFIX "riscv64-unknown-elf-" CACHE STRING "Prefix of the RISC-V cross tools")

set(CMAKE_C_COMPILER ${EPOXY_CROSS_PREFIX}gcc)
set(CMAKE_CXX_COMPILER ${EPOXY_CROSS_PREFIX}g++)
set(CMAKE_ASM_COMPILER ${EPOXY_CROSS_PREFIX}gcc)
set(CMAKE_AR ${EPOXY_CROSS_PREFIX}ar CACHE FILEPATH "")
set(CMAKE_RANLIB ${EPOXY_CROSS_PREFIX}ranlib CACHE FILEPATH "")
set(CMAKE_OBJCOPY ${EPOXY_CROSS_PREFIX}objcopy CACHE FILEPATH "")
set(CMAKE_OBJDUMP ${EPOXY_CROSS_PREFIX}objdump CACHE FILEPATH "")
set(CMAKE_SIZE ${EPOXY_CROSS_PREFIX}size CACHE FILEPATH "")

# Compiler checks cannot link without the SDK's crt0 and linker script.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(CMAKE_EXECUTABLE_SUFFIX ".elf")
set(CMAKE_EXECUTABLE_SUFFIX_C ".elf")
set(CMAKE_EXECUTABLE_SUFFIX_CXX ".elf")
set(CMAKE_EXECUTABLE_SUFFIX_ASM ".elf")

set(EPOXY_ARCH_FLAGS "-march=rv32imc -mabi=ilp32 -misa-spec=2.2 --specs=picolibc.specs")
set(EPOXY_COMMON_FLAGS "${EPOXY_ARCH_FLAGS} -g -ffunction-sections -fdata-sections")

set(CMAKE_C_FLAGS_INIT "${EPOXY_COMMON_FLAGS}")
set(CMAKE_CXX_FLAGS_INIT "${EPOXY_COMMON_FLAGS} -fno-exceptions -fno-rtti")
set(CMAKE_ASM_FLAGS_INIT "${EPOXY_COMMON_FLAGS}")
# The link line already carries CMAKE_C_FLAGS (arch flags and picolibc.specs); giving
# --specs twice is a fatal error, so the linker flags add nothing.
set(CMAKE_EXE_LINKER_FLAGS_INIT "")

# -O2 for the optimised build types instead of CMake's -O3 (code size matters in SRAM).
# NDEBUG is deliberately not defined: assert() stays active in firmware.
set(CMAKE_C_FLAGS_RELEASE "-O2" CACHE STRING "C flags for Release builds")
set(CMAKE_C_FLAGS_RELWITHDEBINFO "-O2 -g" CACHE STRING "C flags for RelWithDebInfo builds")
set(CMAKE_C_FLAGS_DEBUG "-Og -g" CACHE STRING "C flags for Debug builds")
set(CMAKE_CXX_FLAGS_RELEASE "-O2" CACHE STRING "C++ flags for Release builds")
set(CMAKE_ASM_FLAGS_RELEASE "" CACHE STRING "Assembler flags for Release builds")

# Never pick up host libraries or headers.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
