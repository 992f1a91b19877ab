"""The soak test's client: a server process on pipes, a reader thread, and the answer bookkeeping.

Every request id sent is recorded with its method; every response is counted per id, so the test can
tell missing answers, duplicates and answers to ids never sent apart. Server-to-client requests are
answered with a null result. Framing comes from `Tests/Support/lsp_client.py`.
"""
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Support"))
from lsp_client import FrameReader, encode, encode_body  # noqa: E402


class Client:
    """Runs `command` with piped stdin/stdout (stderr to `stderr_file`) and reads its output on a thread."""

    def __init__(self, command, stderr_file, env=None):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr_file, env=env)
        self.pid = self.proc.pid
        self.write_lock = threading.Lock()
        self.state = threading.Condition()
        self.next_id = 1
        self.sent = {}             # id -> method
        self.responses = {}        # id -> count
        self.results = {}          # id -> last response message (only kept for ids in self.keep)
        self.keep = set()
        self.null_id_errors = 0    # responses with id null (answers to malformed messages)
        self.unexpected = []       # responses whose id we never sent
        self.error_codes = {}      # code -> count
        self.server_requests = 0
        self.notifications = {}    # method -> count
        self.eof = False
        self.reader_error = None
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()

    # -- writing --
    def write_raw(self, body):
        """Sends `body` (bytes, not necessarily JSON) in one frame."""
        with self.write_lock:
            self.proc.stdin.write(encode_body(body))
            self.proc.stdin.flush()

    def write(self, obj):
        with self.write_lock:
            self.proc.stdin.write(encode(obj))
            self.proc.stdin.flush()

    def request(self, method, params, keep=False, omit_params=False):
        """Sends a request and returns its id; `keep` keeps the response for `wait_response`."""
        with self.state:
            rid = self.next_id
            self.next_id += 1
            self.sent[rid] = method
            if keep:
                self.keep.add(rid)
        message = {"jsonrpc": "2.0", "id": rid, "method": method}
        if not omit_params:
            message["params"] = params
        self.write(message)
        return rid

    def notify(self, method, params):
        self.write({"jsonrpc": "2.0", "method": method, "params": params})

    def outstanding(self):
        with self.state:
            return sum(1 for rid in self.sent if rid not in self.responses)

    def wait_outstanding_below(self, limit, timeout):
        """Waits until fewer than `limit` requests are unanswered; False on timeout or end of output."""
        deadline = time.monotonic() + timeout
        with self.state:
            while sum(1 for rid in self.sent if rid not in self.responses) >= limit:
                left = deadline - time.monotonic()
                if left <= 0 or self.eof:
                    return False
                self.state.wait(min(left, 0.5))
        return True

    def wait_response(self, rid, timeout):
        """The response to a kept request id, or None on timeout or end of output."""
        deadline = time.monotonic() + timeout
        with self.state:
            while rid not in self.responses:
                left = deadline - time.monotonic()
                if left <= 0 or self.eof:
                    return None
                self.state.wait(min(left, 0.5))
            return self.results.get(rid)

    def close(self, timeout=10):
        """`shutdown` then `exit`; returns (shutdown answer or None, exit status or None if still running)."""
        shutdown_id = self.request("shutdown", None, keep=True)
        answer = self.wait_response(shutdown_id, 30)
        try:
            self.notify("exit", None)
        except OSError:
            pass
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
            self.proc.kill()
            self.proc.wait()
        self.reader.join(5)
        return answer, code

    # -- reading --
    def _read_loop(self):
        reader = FrameReader(self.proc.stdout.fileno())
        try:
            while True:
                self._handle(reader.read())
        except EOFError:
            pass
        except Exception as error:  # a framing or JSON error from the server is a failure
            self.reader_error = repr(error)
        with self.state:
            self.eof = True
            self.state.notify_all()

    def _handle(self, message):
        if "method" in message:
            if "id" in message:   # a request from the server: answer it
                self.server_requests += 1
                self.write({"jsonrpc": "2.0", "id": message["id"], "result": None})
            else:
                with self.state:
                    m = message["method"]
                    self.notifications[m] = self.notifications.get(m, 0) + 1
            return
        rid = message.get("id")
        with self.state:
            if "error" in message:
                code = message["error"].get("code")
                self.error_codes[code] = self.error_codes.get(code, 0) + 1
            if rid is None:
                self.null_id_errors += 1
            elif rid not in self.sent:
                self.unexpected.append(message)
            else:
                self.responses[rid] = self.responses.get(rid, 0) + 1
                if rid in self.keep:
                    self.results[rid] = message
            self.state.notify_all()
