// SPDX-License-Identifier: Apache-2.0
// A serial port in raw 8N1 mode (POSIX termios), for epoxy-load.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace epoxy::boot {

class SerialPort {
  public:
    // Opens `path` at `baud` (one of the standard rates), raw 8N1, no software flow control,
    // RTS/CTS hardware flow control when `rtscts`. boot::Error when it cannot be opened or
    // configured (not a terminal, unsupported rate).
    SerialPort(const std::string& path, unsigned baud, bool rtscts);
    ~SerialPort();
    SerialPort(const SerialPort&) = delete;
    SerialPort& operator=(const SerialPort&) = delete;

    // Drops whatever was received and not read yet.
    void discard_input();
    // Writes all of `bytes` and waits until they have been transmitted. boot::Error on failure.
    void write_all(const std::vector<uint8_t>& bytes);
    // Reads up to `size` bytes, waiting at most `timeout_ms` for the first one: the count
    // (0 after the timeout or a signal), or -1 when the port is gone (hang-up, I/O error).
    long read_some(uint8_t* buf, size_t size, int timeout_ms);

    static bool supported_baud(unsigned baud);

  private:
    int fd_ = -1;
    std::string path_;
};

}  // namespace epoxy::boot
