// SPDX-License-Identifier: Apache-2.0
// The far end of the SoC's UART pins, at the bit level: a receiver that decodes 8N1
// frames from the TX line and a transmitter that sends queued bytes on the RX line,
// honouring the SoC's RTS-style ready output. Both use the bit time the UART is
// programmed with (CLKDIV + 1 cycles), read from the SoC in every cycle of a frame, so the
// same model checks the real serial path at any baud rate.
#pragma once

#include <cstdint>
#include <deque>
#include <string>

namespace epoxy::socsim {

class UartLine {
  public:
    void push_input(const std::string& bytes) {
        tx_queue_.insert(tx_queue_.end(), bytes.begin(), bytes.end());
        quiet_ = quiet();
    }

    // One clock cycle. `tx` is the SoC's TX pin after the edge, `ready` its RX-ready
    // output, `bit_cycles` the programmed bit time. Returns the SoC's next RX pin level.
    // A byte completed on the TX line is returned through `out` (true when one did).
    bool cycle(bool tx, bool ready, uint32_t bit_cycles, uint8_t& out, bool& got);
    // True when a cycle with this TX level would change nothing: both lines idle (TX high,
    // no frame being decoded or sent, no input queued), the RX pin staying high. The
    // simulator then skips cycle() and the reads of its other arguments.
    bool idle(bool tx) const { return tx && quiet_; }

    uint64_t bytes_received() const { return rx_bytes_; }  // from the SoC
    uint64_t bytes_sent() const { return tx_bytes_; }      // to the SoC
    uint64_t framing_errors() const { return framing_errors_; }
    bool input_pending() const { return !tx_queue_.empty() || tx_bit_ >= 0; }

  private:
    bool quiet() const { return !rx_busy_ && tx_bit_ < 0 && tx_queue_.empty(); }
    bool quiet_ = true;  // quiet(), as of the last cycle() or push_input()
    // Decoder of the SoC's TX line.
    bool rx_busy_ = false;
    uint64_t rx_t_ = 0;  // cycles since the start bit began
    uint32_t rx_bit_time_ = 1;
    uint32_t rx_shift_ = 0;
    uint64_t rx_bytes_ = 0, framing_errors_ = 0;
    // Driver of the SoC's RX line.
    std::deque<uint8_t> tx_queue_;
    int tx_bit_ = -1;  // -1 idle, 0 start, 1..8 data, 9 stop
    uint32_t tx_left_ = 0;
    uint8_t tx_byte_ = 0;
    uint64_t tx_bytes_ = 0;
};

}  // namespace epoxy::socsim
