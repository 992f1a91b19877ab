#!/usr/bin/env python3
"""LSP session benchmark for forumls over real pipes (standard library only).

    swift build -c release --product forumls
    python3 Tests/Bench/lsp_bench.py [--server .build/release/forumls] [--mb 1] [--edits 200] [--runs 5]

Measures, against the release binary, with a generated document of about --mb MB (our own text:
a Discuz-style thread page with BBCode posts, CJK, emoji and some broken tags):

- spawn -> `initialize` result (cold start), the median of --runs fresh processes;
- `didOpen` -> `publishDiagnostics` for that version;
- --edits single-character incremental edits at random positions (UTF-16 positions, fixed seed),
  each followed by the `publishDiagnostics` of its version before the next edit is sent: p50, p95, max.

Times run from just before the message is written to just after the answer's body has been read and
parsed. Prints a small table and writes JSON with --json FILE.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


CLEAN_POST = (
    "[b]第{n}段[/b] 讨论论坛标记的解析与清理，plain English text with [i]italics[/i] and emoji 👍.\n"
    "[quote]引用的内容 {n} 😀[/quote]\n"
    "[url=https://example.org/t/{n}]link {n}[/url] 以及 [color=red]红色[/color] 文本。\n"
    "\n"
)


def make_document(megabytes, clean=False):
    """A deterministic thread page of our own, repeated to size (clean: well-formed posts only)."""
    post = CLEAN_POST if clean else (
        "{n}#\r\n"
        "发表于 2024-3-{d} 12:{m:02d}:08 | 只看该作者\r\n"
        "[quote]回复 {n}# 的帖子\r\n[b]原帖[/b]说得不错 😀[/quote]\r\n"
        "[size=4][color=#333333]第{n}段正文，讨论论坛标记的解析与清理。[/color][/size]\r\n"
        "Plain English text with [i]italics[/i], a [url=https://example.org/t/{n}]link[/url] and emoji 👍.\r\n"
        "[backcolor=transparent !important]残留的样式[/backcolor] and an unclosed [b]bold run\r\n"
        "[list]\r\n[*]要点一\r\n[*]要点二 🎉\r\n[/list]\r\n"
        "\r\n"
    )
    header = "" if clean else "[标题] 论坛标记讨论帖 - 测试版块 - Example Forum\r\n返回列表 发新帖\r\n\r\n"
    parts = [header]
    size = len(header.encode())
    n = 1
    target = int(megabytes * 1024 * 1024)
    while size < target:
        p = post.format(n=n, d=n % 28 + 1, m=n % 60) if not clean else post.format(n=n)
        parts.append(p)
        size += len(p.encode())
        n += 1
    return "".join(parts)


class Server:
    def __init__(self, command):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buffer = bytearray()
        self.next_id = 1

    def write(self, obj):
        body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read_message(self):
        # One header read, then exactly the body (no re-scanning of a growing buffer).
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                break
            self._fill()
        length = None
        for line in bytes(self.buffer[:end]).split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        del self.buffer[:end + 4]
        while len(self.buffer) < length:
            self._fill(length - len(self.buffer))
        body = bytes(self.buffer[:length])
        del self.buffer[:length]
        return json.loads(body)

    def _fill(self, want=1 << 16):
        chunk = os.read(self.proc.stdout.fileno(), max(want, 1 << 16))
        if not chunk:
            raise EOFError("server closed stdout")
        self.buffer += chunk

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.write({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            message = self.read_message()
            if message.get("id") == rid and "method" not in message:
                return message

    def notify(self, method, params):
        self.write({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_diagnostics(self, uri, version):
        while True:
            message = self.read_message()
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                if params["uri"] == uri and params.get("version") == version:
                    return params

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.proc.wait(timeout=10)


def initialize(server):
    return server.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {
        "textDocument": {"publishDiagnostics": {"versionSupport": True, "relatedInformation": True}}}})


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def utf16_lines(text):
    """Lines as (start index in text, UTF-16 length), split at \\r\\n, \\n and \\r."""
    lines = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\n" or c == "\r":
            lines.append(text[start:i])
            if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            start = i + 1
        i += 1
    lines.append(text[start:])
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default=os.path.join(ROOT, ".build/release/forumls"))
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--clean", action="store_true", help="well-formed posts only (few diagnostics)")
    parser.add_argument("--json")
    args = parser.parse_args()
    command = [args.server]

    cold = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        server = Server(command)
        initialize(server)
        cold.append((time.perf_counter() - t0) * 1000)
        server.close()

    text = make_document(args.mb, args.clean)
    uri = "file:///bench/thread.bbcode"
    server = Server(command)
    initialize(server)
    server.notify("initialized", {})
    t0 = time.perf_counter()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bbcode", "version": 1, "text": text}})
    published = server.wait_diagnostics(uri, 1)
    open_ms = (time.perf_counter() - t0) * 1000
    open_count = len(published["diagnostics"])

    rng = random.Random(args.seed)
    lines = utf16_lines(text)
    edit_ms = []
    counts = []
    for k in range(args.edits):
        version = k + 2
        line = rng.randrange(len(lines))
        # A position on a character boundary of that line (UTF-16 units).
        chars = lines[line]
        cut = rng.randrange(len(chars) + 1)
        character = len(chars[:cut].encode("utf-16-le")) // 2
        ch = rng.choice("ab字😀 ")
        lines[line] = chars[:cut] + ch + chars[cut:]
        t0 = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}},
             "text": ch}]})
        params = server.wait_diagnostics(uri, version)
        edit_ms.append((time.perf_counter() - t0) * 1000)
        counts.append(len(params["diagnostics"]))
    code = server.close()

    report = {
        "document_bytes": len(text.encode()),
        "document_lines": len(lines),
        "initialize_cold_ms": {"median": round(statistics.median(cold), 2), "min": round(min(cold), 2), "runs": len(cold)},
        "open_to_diagnostics_ms": round(open_ms, 2),
        "diagnostics_on_open": open_count,
        "edit_to_diagnostics_ms": {"n": len(edit_ms), "p50": round(percentile(edit_ms, 50), 2),
                                   "p95": round(percentile(edit_ms, 95), 2), "max": round(max(edit_ms), 2)},
        "diagnostics_after_edits": counts[-1] if counts else None,
        "exit_code": code,
    }
    print(f"document: {report['document_bytes']:,} bytes, {report['document_lines']:,} lines")
    print(f"spawn -> initialize result: median {report['initialize_cold_ms']['median']} ms (min {report['initialize_cold_ms']['min']}, {args.runs} runs)")
    print(f"didOpen -> diagnostics: {report['open_to_diagnostics_ms']} ms ({open_count} diagnostics)")
    e = report["edit_to_diagnostics_ms"]
    print(f"edit -> diagnostics ({e['n']} edits): p50 {e['p50']} ms, p95 {e['p95']} ms, max {e['max']} ms")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
