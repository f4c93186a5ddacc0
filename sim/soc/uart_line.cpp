// SPDX-License-Identifier: Apache-2.0
// Bit-level UART model at the SoC's pins (see uart_line.h).
#include "uart_line.h"

namespace epoxy::socsim {

bool UartLine::cycle(bool tx, bool ready, uint32_t bit_cycles, uint8_t& out, bool& got) {
    got = false;
    // Decode: sample each bit in its middle, counted from the first low cycle.
    if (!rx_busy_) {
        if (!tx) {
            rx_busy_ = true;
            rx_t_ = 0;
            rx_bit_time_ = bit_cycles ? bit_cycles : 1;
            rx_shift_ = 0;
        }
    }
    if (rx_busy_) {
        const uint64_t p = rx_bit_time_;
        if (rx_t_ % p == (p - 1) / 2) {
            const uint64_t bit = rx_t_ / p;  // 0 start, 1..8 data, 9 stop
            if (bit >= 1 && bit <= 8) rx_shift_ |= uint32_t(tx) << (bit - 1);
            if (bit == 0 && tx) rx_busy_ = false;  // not a start bit after all
            if (bit == 9) {
                rx_busy_ = false;
                if (tx) {
                    out = uint8_t(rx_shift_);
                    got = true;
                    ++rx_bytes_;
                } else {
                    ++framing_errors_;
                }
            }
        }
        ++rx_t_;
    }

    // Drive: one frame at a time, a new one only while the SoC says it has room.
    if (tx_bit_ < 0 && !tx_queue_.empty() && ready) {
        tx_byte_ = tx_queue_.front();
        tx_queue_.pop_front();
        tx_bit_ = 0;
        tx_left_ = bit_cycles ? bit_cycles : 1;
    }
    bool level = true;
    if (tx_bit_ >= 0) {
        level = tx_bit_ == 0 ? false : tx_bit_ == 9 ? true : ((tx_byte_ >> (tx_bit_ - 1)) & 1);
        if (--tx_left_ == 0) {
            tx_left_ = bit_cycles ? bit_cycles : 1;
            if (++tx_bit_ > 9) {
                tx_bit_ = -1;
                ++tx_bytes_;
            }
        }
    }
    quiet_ = quiet();
    return level;
}

}  // namespace epoxy::socsim
