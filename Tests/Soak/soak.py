#!/usr/bin/env python3
"""Soak test for the forumls language server (test-only, standard library only, Linux /proc).

    swift build -c release --product forumls
    python3 Tests/Soak/soak.py [--server .build/release/forumls] [--seconds 600] [--seed 1]

Runs the server for --seconds (default 10 minutes) over its stdin/stdout pipes against a client that
keeps --documents (default 20) documents open at once and, in a random mix (fixed seed):

- sends ranged incremental edits (CJK, emoji, combining marks, CRLF/LF/CR line breaks, BBCode tags,
  deletions, several changes in one notification, now and then a full-text replacement), keeping a
  model of each text so that every position it sends is valid;
- closes a document now and then and opens a fresh one in its place (new URI);
- sends requests: documentSymbol, foldingRange, codeAction (ranged and fix-all), hover, completion,
  semanticTokens/full, and textDocument/diagnostic pulls when the server advertises them;
- cancels some requests right after sending them (`$/cancelRequest`), and cancels unknown ids;
- sends bad messages: malformed JSON bodies, requests with positions past the end of the document,
  requests for unknown methods, unknown notifications, requests with missing params, requests for and
  `didChange` for documents that are not open.

It checks, and exits 1 when any check fails:
- every request got exactly one response (none missing, no duplicates, no answers to ids never sent);
- the server still answers at the end (a documentSymbol request on every open document);
- `shutdown` is answered and `exit` ends the process with status 0 within 10 s;
- memory: VmRSS and VmHWM are sampled every --sample-seconds from /proc/PID/status; the growth of
  VmRSS from the end of the warm-up (--warmup-seconds, default 10% of the run) to the end stays within
  the open documents' size (UTF-8 bytes, times --growth-factor, default 1) plus --slack-mb (default 8 MB
  of allocator noise). The series is printed.

Traffic goes only over the child's pipes; stderr goes to a temporary file whose tail is shown on failure.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

SNIPPETS = [
    "a", "b", " ", "字", "論壇", "第一段正文", "😀", "👍🏽", "🎉🎉", "e\u0301", "ｆｕｌｌ", "한국어",
    "\r\n", "\n", "\r", "\r\n\r\n", "[b]", "[/b]", "[i]x[/i]", "[quote]", "[/quote]",
    "[url=https://example.org/t/1]link[/url]", "[color=red]红[/color]", "[list]\r\n[*]一\r\n[/list]",
    "[size=4][color=#333333]", "[/color][/size]", "[img]https://example.org/a.png[/img]", "[", "]", "[/",
    "[code]let x = [b]1[/b][/code]", "发表于 2024-3-1 12:00:08 | 只看该作者\r\n", "1#\r\n",
    "[backcolor=transparent !important]", "&nbsp;", "<br>", "\t",
]

POST = (
    "{n}#\r\n"
    "发表于 2024-3-{d} 12:{m:02d}:08 | 只看该作者\r\n"
    "[quote]回复 {n}# 的帖子\r\n[b]原帖[/b]说得不错 😀[/quote]\r\n"
    "[size=4][color=#333333]第{n}段正文，讨论论坛标记。[/color][/size]\r\n"
    "Plain text with [i]italics[/i], a [url=https://example.org/t/{n}]link[/url] and emoji 👍.\n"
    "[backcolor=transparent !important]残留[/backcolor] and an unclosed [b]bold run\r\n"
    "[list]\n[*]要点一\n[*]要点二 🎉\n[/list]\r\n"
    "\r\n"
)


def make_text(rng, target_bytes):
    parts = ["[标题] 论坛标记讨论帖 - Example Forum\r\n\r\n"]
    size = len(parts[0].encode())
    n = 1
    while size < target_bytes:
        p = POST.format(n=n, d=n % 28 + 1, m=n % 60)
        if rng.random() < 0.2:
            p = p.replace("\r\n", "\n")
        parts.append(p)
        size += len(p.encode())
        n += 1
    return "".join(parts)


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def position(text, offset):
    """LSP position (UTF-16) of code-point `offset` in `text` (never between \\r and \\n)."""
    line = text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return {"line": line, "character": utf16_len(text[start:offset])}


def random_offset(rng, text):
    """A code-point offset that does not split a \\r\\n pair."""
    while True:
        off = rng.randrange(len(text) + 1)
        if not (0 < off < len(text) and text[off - 1] == "\r" and text[off] == "\n"):
            return off


def read_status(pid):
    values = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                name, _, rest = line.partition(":")
                if name in ("VmHWM", "VmRSS"):
                    values[name] = int(rest.split()[0])
    except OSError:
        pass
    return values


class Client:
    def __init__(self, command, stderr_file):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr_file)
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
        with self.write_lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def write(self, obj):
        self.write_raw(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode())

    def request(self, method, params, keep=False, omit_params=False):
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
        deadline = time.monotonic() + timeout
        with self.state:
            while sum(1 for rid in self.sent if rid not in self.responses) >= limit:
                left = deadline - time.monotonic()
                if left <= 0 or self.eof:
                    return False
                self.state.wait(min(left, 0.5))
        return True

    def wait_response(self, rid, timeout):
        deadline = time.monotonic() + timeout
        with self.state:
            while rid not in self.responses:
                left = deadline - time.monotonic()
                if left <= 0 or self.eof:
                    return None
                self.state.wait(min(left, 0.5))
            return self.results.get(rid)

    # -- reading --
    def _read_loop(self):
        buffer = bytearray()
        fd = self.proc.stdout.fileno()
        try:
            while True:
                end = buffer.find(b"\r\n\r\n")
                while end < 0:
                    chunk = os.read(fd, 1 << 16)
                    if not chunk:
                        raise EOFError
                    buffer += chunk
                    end = buffer.find(b"\r\n\r\n")
                length = None
                for line in bytes(buffer[:end]).split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if length is None:
                    raise ValueError("server sent a header without Content-Length: %r" % bytes(buffer[:end]))
                del buffer[:end + 4]
                while len(buffer) < length:
                    chunk = os.read(fd, max(1 << 16, length - len(buffer)))
                    if not chunk:
                        raise EOFError
                    buffer += chunk
                body = bytes(buffer[:length])
                del buffer[:length]
                self._handle(json.loads(body))
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


class Soak:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.stderr_file = tempfile.TemporaryFile()
        self.client = Client([args.server], self.stderr_file)
        self.docs = {}        # uri -> {"text", "version", "base"}
        self.opened = 0
        self.closed_uris = []
        self.counts = {}
        self.samples = []     # (seconds, VmRSS KiB, VmHWM KiB, open bytes)
        self.sampling = True
        self.lock = threading.Lock()
        self.capabilities = {}

    def count(self, what):
        self.counts[what] = self.counts.get(what, 0) + 1

    def open_bytes(self):
        with self.lock:
            return sum(len(d["text"].encode()) for d in self.docs.values())

    def sampler(self, start):
        while self.sampling:
            status = read_status(self.client.pid)
            if status:
                self.samples.append((time.monotonic() - start, status.get("VmRSS"), status.get("VmHWM"), self.open_bytes()))
            time.sleep(self.args.sample_seconds)

    # -- documents --
    def open_document(self):
        self.opened += 1
        uri = "file:///soak/doc-%04d.bbcode" % self.opened
        target = self.rng.choice([4_000, 20_000, 60_000, 150_000, 300_000])
        text = make_text(self.rng, target)
        with self.lock:
            self.docs[uri] = {"text": text, "version": 1, "base": len(text)}
        self.client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bbcode", "version": 1, "text": text}})
        self.count("didOpen")

    def close_document(self):
        uri = self.rng.choice(sorted(self.docs))
        with self.lock:
            del self.docs[uri]
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self.closed_uris.append(uri)
        self.count("didClose")

    def edit(self):
        uri = self.rng.choice(sorted(self.docs))
        doc = self.docs[uri]
        changes = []
        text = doc["text"]
        full = self.rng.random() < 0.01
        if full:
            text = make_text(self.rng, self.rng.choice([10_000, 60_000, 150_000]))
            changes.append({"text": text})
            doc["base"] = len(text)
        else:
            for _ in range(self.rng.choice([1, 1, 1, 2, 3])):
                a = random_offset(self.rng, text)
                grow = len(text) < 0.6 * doc["base"]
                shrink = len(text) > 1.4 * doc["base"]
                span = 0 if grow else self.rng.choice([0, 0, 1, 2, 5, 20, 200]) * (8 if shrink else 1)
                b = a
                for _ in range(span):
                    if b >= len(text):
                        break
                    b += 1
                if 0 < b < len(text) and text[b - 1] == "\r" and text[b] == "\n":
                    b += 1
                insert = "" if (shrink or self.rng.random() < 0.2) else "".join(
                    self.rng.choice(SNIPPETS) for _ in range(self.rng.choice([1, 1, 2, 4])))
                start, end = position(text, a), position(text, b)
                # Inserting next to a lone \r or \n could merge into \r\n: then the model's positions
                # would disagree with the server's line split; keep such cases out of the model.
                new = text[:a] + insert + text[b:]
                if "\r\n" in new[max(0, a - 1):a + len(insert) + 1] and not (
                        "\r\n" in text[max(0, a - 1):a + 1] or "\r\n" in insert):
                    continue
                changes.append({"range": {"start": start, "end": end}, "text": insert})
                text = new
        if not changes:
            return
        doc["text"] = text
        doc["version"] += 1
        self.client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": doc["version"]},
                                                      "contentChanges": changes})
        self.count("didChange (full text)" if full else "didChange (ranged)")

    # -- requests --
    def random_request(self):
        uri = self.rng.choice(sorted(self.docs))
        text = self.docs[uri]["text"]
        ident = {"uri": uri}
        a = random_offset(self.rng, text)
        b = min(len(text), a + self.rng.randrange(2000))
        if 0 < b < len(text) and text[b - 1] == "\r" and text[b] == "\n":
            b += 1
        pos = position(text, a)
        choices = [
            ("textDocument/documentSymbol", {"textDocument": ident}),
            ("textDocument/foldingRange", {"textDocument": ident}),
            ("textDocument/codeAction", {"textDocument": ident, "range": {"start": pos, "end": position(text, b)},
                                          "context": {"diagnostics": []}}),
            ("textDocument/codeAction", {"textDocument": ident, "range": {"start": {"line": 0, "character": 0},
                                                                          "end": position(text, len(text))},
                                          "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
            ("textDocument/hover", {"textDocument": ident, "position": pos}),
            ("textDocument/completion", {"textDocument": ident, "position": pos}),
            ("textDocument/semanticTokens/full", {"textDocument": ident}),
        ]
        if "diagnosticProvider" in self.capabilities:
            choices.append(("textDocument/diagnostic", {"textDocument": ident}))
        method, params = self.rng.choice(choices)
        rid = self.client.request(method, params)
        self.count(method)
        return rid

    def cancel(self):
        rid = self.random_request()
        if self.rng.random() < 0.5:
            time.sleep(self.rng.random() * 0.005)
        self.client.notify("$/cancelRequest", {"id": rid})
        self.count("$/cancelRequest")

    def bad_message(self):
        kind = self.rng.randrange(8)
        uri = self.rng.choice(sorted(self.docs))
        if kind == 0:
            body = self.rng.choice([b'{"jsonrpc":"2.0","id":', b"not json at all", b'{"jsonrpc":"2.0","method":"textDocument/hover",}',
                                    b"\xff\xfe\x00garbage", b"[1,2,", b'{"jsonrpc":"2.0","id":1e999999,"method":"x"'])
            self.client.write_raw(body)
            self.count("bad: malformed JSON")
        elif kind == 1:
            self.client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                       "position": {"line": 10_000_000, "character": 5}})
            self.count("bad: position past the end")
        elif kind == 2:
            self.client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {
                "start": {"line": 5, "character": 99_999}, "end": {"line": 2, "character": 0}},
                "context": {"diagnostics": []}})
            self.count("bad: inverted range")
        elif kind == 3:
            self.client.request("forumls/noSuchMethod", {"x": 1})
            self.count("bad: unknown method")
        elif kind == 4:
            self.client.notify("$/noSuchNotification", {"x": 1})
            self.client.notify("$/cancelRequest", {"id": 10_000_000 + self.rng.randrange(1000)})
            self.count("bad: unknown notification + cancel of unknown id")
        elif kind == 5:
            self.client.request("textDocument/documentSymbol", None, omit_params=True)
            self.count("bad: missing params")
        elif kind == 6:
            closed = self.rng.choice(self.closed_uris) if self.closed_uris else "file:///soak/never-opened.bbcode"
            self.client.notify("textDocument/didChange", {"textDocument": {"uri": closed, "version": 99}, "contentChanges": [
                {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]})
            self.count("bad: didChange for a closed document")
        else:
            closed = self.rng.choice(self.closed_uris) if self.closed_uris else "file:///soak/never-opened.bbcode"
            self.client.request("textDocument/foldingRange", {"textDocument": {"uri": closed}})
            self.count("bad: request for a closed document")

    # -- run --
    def run(self):
        args = self.args
        client = self.client
        start = time.monotonic()
        rid = client.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {
            "textDocument": {"publishDiagnostics": {"versionSupport": True},
                             "diagnostic": {"dynamicRegistration": False},
                             "semanticTokens": {"requests": {"full": True}, "tokenTypes": [], "tokenModifiers": [],
                                                "formats": ["relative"]}}}}, keep=True)
        answer = client.wait_response(rid, 30)
        if answer is None or "result" not in answer:
            print("FAIL: no initialize result: %r" % (answer,))
            return 1
        self.capabilities = answer["result"].get("capabilities", {})
        client.notify("initialized", {})
        for _ in range(args.documents):
            self.open_document()
        sampler = threading.Thread(target=self.sampler, args=(start,), daemon=True)
        sampler.start()

        deadline = start + args.seconds
        next_report = start + 60
        while time.monotonic() < deadline and not client.eof:
            if not client.wait_outstanding_below(args.max_outstanding, 120):
                print("FAIL: server stopped answering (%d requests outstanding for 120 s)" % client.outstanding())
                break
            r = self.rng.random()
            try:
                if r < 0.45:
                    self.edit()
                elif r < 0.80:
                    self.random_request()
                elif r < 0.90:
                    self.cancel()
                elif r < 0.99:
                    self.bad_message()
                else:
                    self.close_document()
                    self.open_document()
            except (BrokenPipeError, OSError) as error:
                print("FAIL: writing to the server: %r" % error)
                break
            time.sleep(self.rng.random() * args.pause_ms / 1000)
            now = time.monotonic()
            if now >= next_report:
                s = self.samples[-1] if self.samples else (0, None, None, 0)
                print("  %4.0f s: %d requests sent, %d outstanding, VmRSS %s KiB, open %d bytes" % (
                    now - start, len(client.sent), client.outstanding(), s[1], s[3]), flush=True)
                next_report += 60
        traffic_seconds = time.monotonic() - start

        # Drain, then check the server still answers every open document.
        drained = client.wait_outstanding_below(1, 120)
        final_ids = [client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}}, keep=True)
                     for uri in sorted(self.docs)]
        final_answers = [client.wait_response(i, 60) for i in final_ids]
        answers_at_end = all(a is not None and "result" in a for a in final_answers)
        time.sleep(self.args.sample_seconds)  # one more sample after the traffic stopped
        self.sampling = False
        sampler.join()
        final_status = read_status(client.pid)

        shutdown_id = client.request("shutdown", None, keep=True)
        shutdown_answer = client.wait_response(shutdown_id, 30)
        try:
            client.notify("exit", None)
        except OSError:
            pass
        try:
            exit_code = client.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            exit_code = None
            client.proc.kill()
            client.proc.wait()
        client.reader.join(5)

        return self.report(traffic_seconds, drained, answers_at_end, final_status, shutdown_answer, exit_code)

    def report(self, traffic_seconds, drained, answers_at_end, final_status, shutdown_answer, exit_code):
        args = self.args
        client = self.client
        failures = []
        missing = sorted(rid for rid in client.sent if rid not in client.responses)
        duplicates = sorted(rid for rid, n in client.responses.items() if n > 1)
        if missing:
            failures.append("%d requests never answered (first: %s)" % (
                len(missing), ", ".join("%d %s" % (i, client.sent[i]) for i in missing[:5])))
        if duplicates:
            failures.append("%d requests answered more than once (first: %s)" % (
                len(duplicates), ", ".join("%d %s" % (i, client.sent[i]) for i in duplicates[:5])))
        if client.unexpected:
            failures.append("%d responses to ids never sent (first: %r)" % (len(client.unexpected), client.unexpected[0]))
        if client.reader_error:
            failures.append("unreadable server output: " + client.reader_error)
        if not drained:
            failures.append("requests still outstanding 120 s after the traffic stopped")
        if not answers_at_end:
            failures.append("the server did not answer documentSymbol for every open document at the end")
        if shutdown_answer is None or "result" not in shutdown_answer:
            failures.append("shutdown not answered: %r" % (shutdown_answer,))
        if exit_code != 0:
            failures.append("exit status %r after exit (None: still running after 10 s)" % (exit_code,))

        # Memory: growth of VmRSS from the end of the warm-up to the end of the run.
        warmup = args.warmup_seconds if args.warmup_seconds is not None else max(5.0, 0.1 * args.seconds)
        samples = [s for s in self.samples if s[1] is not None]
        baseline = next((s for s in samples if s[0] >= warmup), samples[0] if samples else None)
        final = samples[-1] if samples else None
        memory = {}
        if baseline and final:
            growth_kib = final[1] - baseline[1]
            open_bytes = final[3]
            bound_kib = open_bytes * args.growth_factor / 1024 + args.slack_mb * 1024
            memory = {"baseline_seconds": round(baseline[0], 1), "baseline_rss_kib": baseline[1], "final_rss_kib": final[1],
                      "growth_kib": growth_kib, "bound_kib": round(bound_kib), "open_bytes_at_end": open_bytes,
                      "vmhwm_kib": final_status.get("VmHWM") or final[2],
                      "max_rss_kib": max(s[1] for s in samples)}
            if growth_kib > bound_kib:
                failures.append("VmRSS grew %d KiB after warm-up, above the bound %d KiB (open documents %d bytes x %g + %g MB)"
                                % (growth_kib, bound_kib, open_bytes, args.growth_factor, args.slack_mb))
        else:
            failures.append("no memory samples (is /proc available?)")

        by_method = {}
        for rid, method in client.sent.items():
            by_method[method] = by_method.get(method, 0) + 1
        print()
        print("soak summary: %.0f s of traffic, seed %d, %d documents open at once, %d documents opened in all" % (
            traffic_seconds, args.seed, args.documents, self.opened))
        print("requests sent: %d, answered exactly once: %d, missing: %d, duplicated: %d, answers to unknown ids: %d" % (
            len(client.sent), sum(1 for n in client.responses.values() if n == 1), len(missing), len(duplicates),
            len(client.unexpected)))
        print("requests by method: " + ", ".join("%s %d" % kv for kv in sorted(by_method.items(), key=lambda kv: -kv[1])))
        print("client actions: " + ", ".join("%s %d" % kv for kv in sorted(self.counts.items(), key=lambda kv: -kv[1])))
        print("error responses by code: " + (", ".join("%s: %d" % kv for kv in sorted(client.error_codes.items(), key=lambda kv: str(kv[0]))) or "none")
              + "; id-null errors (answers to malformed messages): %d" % client.null_id_errors)
        print("server notifications: " + ", ".join("%s %d" % kv for kv in sorted(client.notifications.items())) +
              "; server->client requests answered: %d" % client.server_requests)
        if memory:
            print("memory: VmRSS %.1f MB at %.0f s (end of warm-up) -> %.1f MB at the end (growth %+.1f MB, bound %.1f MB = "
                  "open documents %.2f MB x %g + %g MB); max VmRSS %.1f MB; VmHWM %.1f MB" % (
                      memory["baseline_rss_kib"] / 1024, memory["baseline_seconds"], memory["final_rss_kib"] / 1024,
                      memory["growth_kib"] / 1024, memory["bound_kib"] / 1024, memory["open_bytes_at_end"] / 1048576,
                      args.growth_factor, args.slack_mb, memory["max_rss_kib"] / 1024, memory["vmhwm_kib"] / 1024))
        step = max(1, len(samples) // 40)
        print("memory series (s: VmRSS MB / VmHWM MB / open MB): " + ", ".join(
            "%.0f: %.1f/%.1f/%.2f" % (s[0], s[1] / 1024, s[2] / 1024, s[3] / 1048576)
            for s in samples[::step] + ([samples[-1]] if samples and (len(samples) - 1) % step else [])))
        print("shutdown answered: %s; exit status: %r" % (shutdown_answer is not None and "result" in shutdown_answer, exit_code))
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"seconds": traffic_seconds, "requests": len(client.sent), "missing": len(missing),
                           "duplicates": len(duplicates), "by_method": by_method, "actions": self.counts,
                           "error_codes": {str(k): v for k, v in client.error_codes.items()}, "memory": memory,
                           "samples": samples, "exit_code": exit_code, "failures": failures}, f, indent=1)
        if failures:
            self.stderr_file.seek(0)
            tail = self.stderr_file.read()[-2000:].decode(errors="replace")
            for failure in failures:
                print("FAIL: " + failure)
            if tail:
                print("server stderr (tail):\n" + tail)
            return 1
        print("PASS")
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default=os.path.join(ROOT, ".build/release/forumls"))
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-outstanding", type=int, default=16, help="requests in flight before the client waits")
    parser.add_argument("--pause-ms", type=float, default=4, help="random pause of up to this long between actions")
    parser.add_argument("--sample-seconds", type=float, default=3)
    parser.add_argument("--warmup-seconds", type=float, help="default: 10%% of --seconds, at least 5 s")
    parser.add_argument("--growth-factor", type=float, default=1.0)
    parser.add_argument("--slack-mb", type=float, default=8.0)
    parser.add_argument("--json")
    args = parser.parse_args()
    if not os.path.exists(args.server):
        print("no server binary at %s (swift build -c release --product forumls)" % args.server)
        return 2
    return Soak(args).run()


if __name__ == "__main__":
    sys.exit(main())
