// SPDX-License-Identifier: Apache-2.0
// Raw 8N1 serial port with termios (see serial.h).
#include "serial.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "frame.h"

namespace epoxy::boot {

namespace {

constexpr std::pair<unsigned, speed_t> kRates[] = {
    {1200, B1200},       {2400, B2400},       {4800, B4800},       {9600, B9600},
    {19200, B19200},     {38400, B38400},     {57600, B57600},     {115200, B115200},
    {230400, B230400},   {460800, B460800},   {500000, B500000},   {576000, B576000},
    {921600, B921600},   {1000000, B1000000}, {1152000, B1152000}, {1500000, B1500000},
    {2000000, B2000000}, {3000000, B3000000},
};

bool rate_constant(unsigned baud, speed_t& out) {
    for (const auto& [rate, constant] : kRates) {
        if (rate == baud) {
            out = constant;
            return true;
        }
    }
    return false;
}

}  // namespace

bool SerialPort::supported_baud(unsigned baud) {
    speed_t unused;
    return rate_constant(baud, unused);
}

SerialPort::SerialPort(const std::string& path, unsigned baud, bool rtscts) : path_(path) {
    speed_t speed;
    if (!rate_constant(baud, speed)) throw Error(fmt::format("unsupported baud rate {}", baud));
    // O_NONBLOCK so that opening does not wait for carrier detect; cleared below.
    fd_ = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) throw Error(fmt::format("cannot open: {}", std::strerror(errno)));
    termios t{};
    if (::tcgetattr(fd_, &t) != 0) {
        const int e = errno;
        ::close(fd_);
        fd_ = -1;
        throw Error(fmt::format("not a serial port: {}", std::strerror(e)));
    }
    ::cfmakeraw(&t);  // no echo, no line editing, no CR/LF translation, 8 data bits
    t.c_cflag &= ~tcflag_t(PARENB | CSTOPB | CSIZE | CRTSCTS);
    t.c_cflag |= CS8 | CLOCAL | CREAD;
    if (rtscts) t.c_cflag |= CRTSCTS;
    t.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY);
    t.c_cc[VMIN] = 0;  // reads are paced with poll()
    t.c_cc[VTIME] = 0;
    if (::cfsetispeed(&t, speed) != 0 || ::cfsetospeed(&t, speed) != 0 ||
        ::tcsetattr(fd_, TCSANOW, &t) != 0) {
        const int e = errno;
        ::close(fd_);
        fd_ = -1;
        throw Error(fmt::format("cannot configure {} baud 8N1: {}", baud, std::strerror(e)));
    }
    const int flags = ::fcntl(fd_, F_GETFL);
    if (flags >= 0) ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
}

SerialPort::~SerialPort() {
    if (fd_ >= 0) ::close(fd_);
}

void SerialPort::discard_input() {
    ::tcflush(fd_, TCIFLUSH);
}

void SerialPort::write_all(const std::vector<uint8_t>& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error(fmt::format("write failed: {}", std::strerror(errno)));
        }
        done += size_t(n);
    }
    // A pseudo-terminal (tests) may not support tcdrain; the bytes are written either way.
    while (::tcdrain(fd_) != 0 && errno == EINTR) {
    }
}

long SerialPort::read_some(uint8_t* buf, size_t size, int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    const int r = ::poll(&p, 1, timeout_ms);
    if (r < 0) return errno == EINTR ? 0 : -1;
    if (r == 0) return 0;
    if (p.revents & POLLIN) {
        const ssize_t n = ::read(fd_, buf, size);
        if (n < 0) return errno == EINTR || errno == EAGAIN ? 0 : -1;
        if (n == 0) return -1;  // end of file: the other side is gone
        return long(n);
    }
    return -1;  // POLLHUP, POLLERR or POLLNVAL without data
}

}  // namespace epoxy::boot
