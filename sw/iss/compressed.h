// SPDX-License-Identifier: Apache-2.0
// RVC: expansion of a 16-bit compressed instruction into its 32-bit RV32I equivalent.
#pragma once

#include <cstdint>

namespace epoxy::iss {

// The 32-bit instruction that `c` stands for, or 0 when `c` is illegal or reserved on an
// RV32IC hart without F/D (0 is itself an illegal 32-bit instruction). HINT encodings
// expand to their architectural no-op (for example c.li x0, imm -> addi x0, x0, imm).
uint32_t expand_compressed(uint16_t c);

}  // namespace epoxy::iss
