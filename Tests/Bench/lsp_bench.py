#!/usr/bin/env python3
"""LSP session benchmark for forumls over real pipes (standard library only).

    swift build -c release --product forumls
    python3 Tests/Bench/lsp_bench.py [--server .build/release/forumls] [--edits 500] [--runs 5] [--with-100mb]

Measures, against the release binary, with generated documents (our own text: a Discuz-style thread
page with BBCode posts, CJK, emoji, CRLF and some broken tags), one fresh server process per size:

- spawn -> `initialize` result (cold start), the median of --runs fresh processes;
- per document size (--sizes, default 10 KB, 1 MB, 10 MB): `didOpen` -> `publishDiagnostics` for that
  version, `textDocument/documentSymbol` latency, `textDocument/codeAction` with
  `only: ["source.fixAll"]` over the whole document (fix-all) latency, and peak memory (VmHWM from
  /proc/PID/status, read after the `shutdown` answer and before `exit`);
- on the 1 MB document: --edits single-character incremental edits at random positions (UTF-16
  positions, fixed seed), each followed by the `publishDiagnostics` of its version before the next edit
  is sent: p50, p95, max;
- cost growth: `didOpen` -> diagnostics time per MB for 1 and 10 MB (from the size table) and 100 MB
  (only with --with-100mb: a fresh server for a 100 MB document takes a while and a lot of memory).

Times run from just before the message is written to just after the answer's body has been read and
parsed. Prints one table (and how long each part took) and writes JSON with --json FILE.
The legacy single-size mode is kept: --mb X measures only that size (open + edits).
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
        self.pid = self.proc.pid
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

    def close(self, with_memory=False):
        self.request("shutdown", None)
        memory = proc_status(self.pid) if with_memory else None
        self.notify("exit", None)
        code = self.proc.wait(timeout=30)
        return (code, memory) if with_memory else code


def proc_status(pid):
    """VmHWM and VmRSS of a live process in KiB (Linux /proc), or {} when unreadable."""
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


def document_end(text):
    """The LSP position just past the end of `text` (UTF-16 units)."""
    lines = utf16_lines(text)
    return {"line": len(lines) - 1, "character": len(lines[-1].encode("utf-16-le")) // 2}


def measure_size(command, megabytes, clean, edits, seed, edit_budget=None):
    """One fresh server: open -> diagnostics, documentSymbol, fix-all codeAction, optional edits, VmHWM."""
    text = make_document(megabytes, clean)
    uri = "file:///bench/thread-%s.bbcode" % megabytes
    server = Server(command)
    initialize(server)
    server.notify("initialized", {})
    t0 = time.perf_counter()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bbcode", "version": 1, "text": text}})
    published = server.wait_diagnostics(uri, 1)
    open_ms = (time.perf_counter() - t0) * 1000
    result = {"megabytes": megabytes, "document_bytes": len(text.encode()), "open_to_diagnostics_ms": round(open_ms, 2),
              "diagnostics_on_open": len(published["diagnostics"])}

    t0 = time.perf_counter()
    answer = server.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    result["document_symbol_ms"] = round((time.perf_counter() - t0) * 1000, 2)
    result["document_symbols"] = len(answer.get("result") or [])
    result["document_symbol_error"] = answer.get("error")

    t0 = time.perf_counter()
    answer = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0}, "end": document_end(text)},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    result["fix_all_ms"] = round((time.perf_counter() - t0) * 1000, 2)
    actions = answer.get("result") or []
    result["fix_all_actions"] = len(actions)
    result["fix_all_edits"] = sum(len(v) for a in actions for v in ((a.get("edit") or {}).get("changes") or {}).values())
    result["fix_all_error"] = answer.get("error")

    if edits:
        rng = random.Random(seed)
        lines = utf16_lines(text)
        edit_ms = []
        edits_started = time.perf_counter()
        for k in range(edits):
            if edit_budget is not None and time.perf_counter() - edits_started > edit_budget:
                break
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
            server.wait_diagnostics(uri, version)
            edit_ms.append((time.perf_counter() - t0) * 1000)
        result["edit_to_diagnostics_ms"] = {"n": len(edit_ms), "asked": edits, "p50": round(percentile(edit_ms, 50), 2),
                                            "p95": round(percentile(edit_ms, 95), 2), "max": round(max(edit_ms), 2)}
    code, memory = server.close(with_memory=True)
    result["vmhwm_kib"] = memory.get("VmHWM")
    result["vmrss_kib_at_shutdown"] = memory.get("VmRSS")
    result["exit_code"] = code
    return result


def size_label(megabytes):
    return "%d KB" % round(megabytes * 1024) if megabytes < 1 else "%g MB" % megabytes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default=os.path.join(ROOT, ".build/release/forumls"))
    parser.add_argument("--sizes", default="0.009765625,1,10", help="document sizes in MB (default 10 KB, 1 MB, 10 MB)")
    parser.add_argument("--mb", type=float, help="legacy: measure only this one size (open, symbols, fix-all, edits)")
    parser.add_argument("--edits", type=int, default=500, help="incremental edits on the 1 MB document (lower for quick runs)")
    parser.add_argument("--edit-budget", type=float, default=600,
                        help="stop the edits after this many seconds (the table says how many ran)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--with-100mb", action="store_true", help="also open a 100 MB document for the cost-growth row (slow)")
    parser.add_argument("--clean", action="store_true", help="well-formed posts only (few diagnostics)")
    parser.add_argument("--json")
    args = parser.parse_args()
    command = [args.server]
    timings = []
    overall = time.perf_counter()

    t_part = time.perf_counter()
    cold = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        server = Server(command)
        initialize(server)
        cold.append((time.perf_counter() - t0) * 1000)
        server.close()
    timings.append(("spawn -> initialize", time.perf_counter() - t_part))

    sizes = [args.mb] if args.mb else [float(x) for x in args.sizes.split(",")]
    edit_size = args.mb if args.mb else 1.0
    rows = []
    for mb in sizes:
        t_part = time.perf_counter()
        rows.append(measure_size(command, mb, args.clean, args.edits if mb == edit_size else 0, args.seed,
                                  args.edit_budget))
        timings.append((f"{size_label(mb)} document" + (f" (+{args.edits} edits)" if mb == edit_size and args.edits else ""),
                        time.perf_counter() - t_part))

    growth = {r["megabytes"]: r for r in rows if r["megabytes"] in (1.0, 10.0)}
    if args.with_100mb:
        t_part = time.perf_counter()
        growth[100.0] = measure_size(command, 100.0, args.clean, 0, args.seed)
        timings.append(("100 MB document", time.perf_counter() - t_part))

    report = {
        "initialize_cold_ms": {"median": round(statistics.median(cold), 2), "min": round(min(cold), 2), "runs": len(cold)},
        "sizes": rows,
        "growth_ms_per_mb": {size_label(mb): round(r["open_to_diagnostics_ms"] / (r["document_bytes"] / 1048576), 2)
                             for mb, r in sorted(growth.items())},
        "part_seconds": {name: round(sec, 1) for name, sec in timings},
    }

    def kib(v):
        return "?" if v is None else "%.1f MB" % (v / 1024)

    print(f"spawn -> initialize result: median {report['initialize_cold_ms']['median']} ms "
          f"(min {report['initialize_cold_ms']['min']}, {args.runs} runs)")
    print()
    print("| document | bytes | diagnostics | didOpen -> diagnostics | documentSymbol | codeAction fix-all | peak memory (VmHWM) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {size_label(r['megabytes'])} | {r['document_bytes']:,} | {r['diagnostics_on_open']:,} | "
              f"{r['open_to_diagnostics_ms']} ms | {r['document_symbol_ms']} ms ({r['document_symbols']} symbols) | "
              f"{r['fix_all_ms']} ms ({r['fix_all_edits']:,} edits) | {kib(r['vmhwm_kib'])} |")
    for r in rows:
        if "edit_to_diagnostics_ms" in r:
            e = r["edit_to_diagnostics_ms"]
            print()
            cut = "" if e["n"] == e["asked"] else f" (stopped after --edit-budget {args.edit_budget:g} s, {e['asked']} asked)"
            print(f"edit -> diagnostics, {size_label(r['megabytes'])} document, {e['n']} incremental edits{cut}: "
                  f"p50 {e['p50']} ms, p95 {e['p95']} ms, max {e['max']} ms")
    print()
    print("cost growth, didOpen -> diagnostics per MB: " + (", ".join(
        f"{label}: {v} ms/MB" for label, v in report["growth_ms_per_mb"].items()) or "n/a (needs the 1 and 10 MB sizes)")
        + ("" if args.with_100mb else " (100 MB skipped: pass --with-100mb)"))
    print()
    print("time per part: " + ", ".join(f"{name} {sec:.1f} s" for name, sec in timings)
          + f"; total {time.perf_counter() - overall:.1f} s")
    failures = [r for r in rows + list(growth.values()) if r["exit_code"] != 0 or r["document_symbol_error"] or r["fix_all_error"]]
    for r in failures:
        print(f"FAILED at {size_label(r['megabytes'])}: exit {r['exit_code']}, documentSymbol error {r['document_symbol_error']}, "
              f"fix-all error {r['fix_all_error']}", file=sys.stderr)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
