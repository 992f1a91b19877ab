"""The LSP wire layer shared by the test scripts (Python 3 standard library only, Linux /proc).

- `encode(obj)`: one framed message (`Content-Length` header + compact UTF-8 JSON body);
- `FrameReader`: reads framed messages from a file descriptor, one header scan per message;
- `proc_status(pid)`: VmRSS / VmHWM of a live process in KiB.

Import it from a script in `Tests/<Dir>/` with
`sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Support"))`.
"""
import json
import os


def encode_body(body):
    """Frames an already encoded body (bytes, sent as is, even when it is not valid JSON)."""
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def encode(obj):
    """Frames a JSON value: compact separators, non-ASCII text as UTF-8."""
    return encode_body(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode())


class FramingError(Exception):
    """The peer sent a header without a usable Content-Length."""


class FrameReader:
    """Reads framed JSON messages from the file descriptor `fd` (blocking `os.read`)."""

    def __init__(self, fd):
        self.fd = fd
        self.buffer = bytearray()

    def _fill(self, want=1 << 16):
        chunk = os.read(self.fd, max(want, 1 << 16))
        if not chunk:
            raise EOFError("the peer closed its output")
        self.buffer += chunk

    def read_body(self):
        """The next message body as bytes; EOFError at the end, FramingError on a bad header."""
        start = 0
        while True:
            end = self.buffer.find(b"\r\n\r\n", start)
            if end >= 0:
                break
            start = max(0, len(self.buffer) - 3)
            self._fill()
        length = None
        for line in bytes(self.buffer[:end]).split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    raise FramingError("bad Content-Length: %r" % bytes(line)) from None
        if length is None or length < 0:
            raise FramingError("header without Content-Length: %r" % bytes(self.buffer[:end]))
        del self.buffer[:end + 4]
        while len(self.buffer) < length:
            self._fill(length - len(self.buffer))
        body = bytes(self.buffer[:length])
        del self.buffer[:length]
        return body

    def read(self):
        """The next message, decoded from JSON."""
        return json.loads(self.read_body())


def proc_status(pid, names=("VmHWM", "VmRSS")):
    """The named fields of /proc/PID/status in KiB (VmRSS, VmHWM, ...), or {} when unreadable."""
    values = {}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                name, _, rest = line.partition(":")
                if name in names:
                    values[name] = int(rest.split()[0])
    except OSError:
        pass
    return values
