#!/usr/bin/env python3
"""Soak test for the forumls language server (test-only, standard library only, Linux /proc).

    swift build -c release --product forumls
    python3 Tests/Soak/soak.py [--server .build/release/forumls] [--seconds 600] [--seed 1]

Runs the server for --seconds of traffic (default 10 minutes) over its stdin/stdout pipes against a
client that keeps --documents (default 20) documents open at once and, in a random mix (fixed seed),
sends ranged and full-text edits, closes and reopens documents, sends requests of every kind, cancels
some of them, and sends bad messages (see soak_traffic.py and README.md).

Every --quiet-every seconds (and before the first document, at the end, and after closing every
document) the client asks about every open document so that each is analysed and every per-document
cache is filled (documentSymbol, hover, a diagnostic pull; at the end every request kind), sends
nothing more until every request is answered and then --quiet-seconds more, so the server goes idle
(and releases freed memory), and samples /proc/PID/status: a *quiet point*.
VmRSS/VmHWM are also sampled every --sample-seconds throughout, for the peak.

It checks, and exits 1 when any check fails:
- every request got exactly one response (none missing, no duplicates, no answers to ids never sent);
- the server answers at the end: a sweep of every request kind on every open document;
- the texts agree: a fresh server given the final texts returns the same documentSymbol results and
  pulled diagnostics as the soaked one (the edits were applied right; incremental analysis = fresh);
- memory, documents open: the soaked server's quiet VmRSS at the end exceeds the fresh server's (same
  documents, same sweep) by at most the open documents' size (UTF-8 bytes x --growth-factor, default
  1) + --slack-mb (default 8 MB);
- memory, documents closed: after closing every document, the quiet VmRSS exceeds the quiet VmRSS
  before the first document was opened by at most --slack-mb;
- `shutdown` is answered and `exit` ends the process with status 0 within 10 s.
The quiet series is reported with its trend (least-squares slope, in MB per 10 minutes) before and
after taking out the open documents' share (resident bytes per open byte, measured on the fresh server).
"""
import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from soak_client import Client  # noqa: E402
from soak_traffic import Traffic  # noqa: E402
from lsp_client import proc_status  # noqa: E402  (on the path through soak_client)

INITIALIZE = {"processId": os.getpid(), "rootUri": None, "capabilities": {
    "textDocument": {"publishDiagnostics": {"versionSupport": True},
                     "diagnostic": {"dynamicRegistration": False},
                     "semanticTokens": {"requests": {"full": True}, "tokenTypes": [], "tokenModifiers": [],
                                        "formats": ["relative"]}}}}
MEMORY_FIELDS = ("VmRSS", "VmHWM", "RssAnon")
MB = 1024.0  # KiB per MiB


def start_session(client):
    """`initialize` + `initialized`; the server's capabilities, or None when it did not answer."""
    answer = client.wait_response(client.request("initialize", INITIALIZE, keep=True), 30)
    if answer is None or "result" not in answer:
        return None
    client.notify("initialized", {})
    return answer["result"].get("capabilities", {})


def sweep(traffic, texts, full=True, timeout=120):
    """Fills every per-document cache of every document in `texts` (uri -> text; `full`: asks every
    request kind once, see Traffic.sweep); returns {uri: (documentSymbol result, diagnostic items or
    None)}, None for a document left unanswered."""
    ids = {uri: traffic.sweep(uri, text, full) for uri, text in sorted(texts.items())}
    client = traffic.client
    out = {}
    for uri, (symbols_id, diagnostics_id) in ids.items():
        symbols = client.wait_response(symbols_id, timeout)
        diagnostics = client.wait_response(diagnostics_id, timeout) if diagnostics_id else {"result": {}}
        if symbols is None or "result" not in symbols or diagnostics is None or "result" not in diagnostics:
            out[uri] = None
        else:
            out[uri] = (symbols["result"], (diagnostics["result"] or {}).get("items"))
    client.wait_outstanding_below(1, timeout)
    return out


def slope_mb_per_10_min(points):
    """Least-squares slope of [(seconds, KiB)] in MB per 600 s (0 for fewer than two points)."""
    if len(points) < 2:
        return 0.0
    n = len(points)
    mx = sum(p[0] for p in points) / n
    my = sum(p[1] for p in points) / n
    var = sum((p[0] - mx) ** 2 for p in points)
    return 0.0 if var == 0 else sum((p[0] - mx) * (p[1] - my) for p in points) / var * 600 / MB


class Soak:
    def __init__(self, args):
        self.args = args
        self.stderr_file = tempfile.TemporaryFile()
        self.client = Client([args.server], self.stderr_file)
        self.traffic = Traffic(self.client, random.Random(args.seed))
        self.samples = []     # (seconds, VmRSS KiB, VmHWM KiB, open bytes), every --sample-seconds
        self.quiet = []       # {"label", "seconds", "traffic_seconds", "VmRSS", "RssAnon", "VmHWM", "open_bytes"}
        self.quiet_time = 0.0
        self.sampling = True
        self.start = time.monotonic()
        self.traffic_end = float("inf")  # traffic seconds when the traffic stopped
        self.failures = []

    def sampler(self):
        while self.sampling:
            status = proc_status(self.client.pid)
            if status:
                self.samples.append((time.monotonic() - self.start, status.get("VmRSS"), status.get("VmHWM"),
                                     self.traffic.open_bytes()))
            time.sleep(self.args.sample_seconds)

    def quiet_point(self, label, sweep_documents=False):
        """Optionally sweeps every open document, waits for every answer, then --quiet-seconds of
        silence, and records the memory. Its time does not count as traffic time."""
        began = time.monotonic()
        if sweep_documents:
            # Every open document analysed and every cache filled, as at the end and on the fresh
            # server: then the quiet points differ only in the documents' sizes.
            sweep(self.traffic, {uri: d["text"] for uri, d in self.traffic.docs.items()}, full=False)
        drained = self.client.wait_outstanding_below(1, 120)
        time.sleep(self.args.quiet_seconds)
        point = dict(proc_status(self.client.pid, MEMORY_FIELDS), label=label, drained=drained,
                     seconds=time.monotonic() - self.start,
                     traffic_seconds=min(self.traffic_end, began - self.start - self.quiet_time),
                     open_bytes=self.traffic.open_bytes())
        self.quiet_time += time.monotonic() - began
        self.quiet.append(point)
        if not drained:
            self.failures.append("requests still outstanding 120 s into the quiet point '%s'" % label)
        return point

    def fresh_server(self, texts):
        """A fresh server given `texts` and the same sweep: its quiet memory and its sweep answers."""
        stderr_file = tempfile.TemporaryFile()
        client = Client([self.args.server], stderr_file)
        traffic = Traffic(client, random.Random(0))
        traffic.capabilities = start_session(client) or {}
        for uri, text in sorted(texts.items()):
            client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bbcode", "version": 1,
                                                                    "text": text}})
        answers = sweep(traffic, texts)
        client.wait_outstanding_below(1, 120)
        time.sleep(self.args.quiet_seconds)
        memory = proc_status(client.pid, MEMORY_FIELDS)
        shutdown, code = client.close()
        if shutdown is None or code != 0:
            self.failures.append("the fresh reference server did not shut down cleanly (exit %r)" % (code,))
        return memory, answers

    def run(self):
        args, client, traffic = self.args, self.client, self.traffic
        capabilities = start_session(client)
        if capabilities is None:
            print("FAIL: no initialize result")
            return 1
        traffic.capabilities = capabilities
        threading.Thread(target=self.sampler, daemon=True).start()
        self.quiet_point("no documents")
        for _ in range(args.documents):
            traffic.open_document()

        next_quiet = args.quiet_every
        next_report = 60
        while not client.eof:
            traffic_seconds = time.monotonic() - self.start - self.quiet_time
            if traffic_seconds >= args.seconds:
                break
            if not client.wait_outstanding_below(args.max_outstanding, 120):
                self.failures.append("server stopped answering (%d requests outstanding for 120 s)" % client.outstanding())
                break
            try:
                traffic.step()
            except OSError as error:
                self.failures.append("writing to the server: %r" % error)
                break
            time.sleep(traffic.rng.random() * args.pause_ms / 1000)
            if traffic_seconds >= next_quiet:
                point = self.quiet_point("traffic", sweep_documents=True)
                print("  %4.0f s of traffic: %d requests sent, quiet VmRSS %.1f MB, open %.2f MB" % (
                    traffic_seconds, len(client.sent), point.get("VmRSS", 0) / MB, point["open_bytes"] / 1048576), flush=True)
                next_quiet += args.quiet_every
                next_report = traffic_seconds + 60
            elif traffic_seconds >= next_report:
                print("  %4.0f s of traffic: %d requests sent, %d outstanding" % (
                    traffic_seconds, len(client.sent), client.outstanding()), flush=True)
                next_report += 60
        traffic_seconds = self.traffic_end = time.monotonic() - self.start - self.quiet_time
        if not client.wait_outstanding_below(1, 120):
            self.failures.append("requests still outstanding 120 s after the traffic stopped")

        texts = {uri: d["text"] for uri, d in traffic.docs.items()}
        soaked = sweep(traffic, texts)
        unanswered = sorted(uri for uri, answer in soaked.items() if answer is None)
        if unanswered:
            self.failures.append("the sweep at the end went unanswered for %d documents (first: %s)" % (
                len(unanswered), unanswered[0]))
        end = self.quiet_point("end, documents open")
        fresh_memory, fresh = self.fresh_server(texts)
        differing = sorted(uri for uri in texts if soaked.get(uri) is not None and soaked[uri] != fresh.get(uri))
        if differing:
            self.failures.append("%d documents answer differently from a fresh server given the same text (first: %s)"
                                 % (len(differing), differing[0]))

        for uri in sorted(traffic.docs):
            client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        closed = self.quiet_point("all documents closed")
        self.sampling = False
        shutdown, exit_code = client.close()
        if shutdown is None or "result" not in shutdown:
            self.failures.append("shutdown not answered: %r" % (shutdown,))
        if exit_code != 0:
            self.failures.append("exit status %r after exit (None: still running after 10 s)" % (exit_code,))
        return self.report(traffic_seconds, end, fresh_memory, closed, len(texts), differing)

    def memory_checks(self, end, fresh, closed):
        """The two memory criteria and the plateau figures; appends failures."""
        args = self.args
        slack = args.slack_mb * MB
        empty = self.quiet[0]
        out = {"empty": empty, "end": end, "fresh": fresh, "closed": closed}
        if not (empty.get("VmRSS") and end.get("VmRSS") and fresh.get("VmRSS") and closed.get("VmRSS")):
            self.failures.append("memory not sampled (is /proc available?)")
            return out
        open_kib = end["open_bytes"] / 1024
        bound = open_kib * args.growth_factor + slack
        out["open_excess_kib"] = end["VmRSS"] - fresh["VmRSS"]
        out["open_bound_kib"] = bound
        if out["open_excess_kib"] > bound:
            self.failures.append("quiet VmRSS at the end %.1f MB exceeds a fresh server's %.1f MB for the same documents by "
                                 "%.1f MB, above the bound %.1f MB (open documents %.2f MB x %g + %g MB)" % (
                                     end["VmRSS"] / MB, fresh["VmRSS"] / MB, out["open_excess_kib"] / MB, bound / MB,
                                     open_kib / MB, args.growth_factor, args.slack_mb))
        out["closed_excess_kib"] = closed["VmRSS"] - empty["VmRSS"]
        if out["closed_excess_kib"] > slack:
            self.failures.append("quiet VmRSS with every document closed %.1f MB exceeds the one before the first document "
                                 "%.1f MB by %.1f MB, above %g MB" % (closed["VmRSS"] / MB, empty["VmRSS"] / MB,
                                                                      out["closed_excess_kib"] / MB, args.slack_mb))
        # Resident KiB per open byte, from the fresh server; the quiet series without that share.
        per_byte = max(0.0, (fresh["VmRSS"] - empty["VmRSS"]) / max(1, end["open_bytes"]))
        warmup = args.warmup_seconds if args.warmup_seconds is not None else max(5.0, 0.1 * args.seconds)
        steady = [p for p in self.quiet if p["label"] == "traffic" and p["traffic_seconds"] >= warmup]
        out["per_byte"] = per_byte * 1024
        out["slope"] = slope_mb_per_10_min([(p["traffic_seconds"], p["VmRSS"]) for p in steady])
        out["slope_without_documents"] = slope_mb_per_10_min(
            [(p["traffic_seconds"], p["VmRSS"] - per_byte * p["open_bytes"]) for p in steady])
        out["steady_points"] = len(steady)
        return out

    def report(self, traffic_seconds, end, fresh_memory, closed, open_count, differing):
        args, client, traffic = self.args, self.client, self.traffic
        missing = sorted(rid for rid in client.sent if rid not in client.responses)
        duplicates = sorted(rid for rid, n in client.responses.items() if n > 1)
        if missing:
            self.failures.append("%d requests never answered (first: %s)" % (
                len(missing), ", ".join("%d %s" % (i, client.sent[i]) for i in missing[:5])))
        if duplicates:
            self.failures.append("%d requests answered more than once (first: %s)" % (
                len(duplicates), ", ".join("%d %s" % (i, client.sent[i]) for i in duplicates[:5])))
        if client.unexpected:
            self.failures.append("%d responses to ids never sent (first: %r)" % (len(client.unexpected), client.unexpected[0]))
        if client.reader_error:
            self.failures.append("unreadable server output: " + client.reader_error)
        memory = self.memory_checks(end, fresh_memory, closed)

        by_method = {}
        for method in client.sent.values():
            by_method[method] = by_method.get(method, 0) + 1
        samples = [s for s in self.samples if s[1] is not None]
        peak = max(samples, key=lambda s: s[1]) if samples else (0, 0, 0, 0)
        print()
        print("soak summary: %.0f s of traffic (+ %.0f s quiet), seed %d, %d documents open at once, %d opened in all" % (
            traffic_seconds, self.quiet_time, args.seed, args.documents, traffic.opened))
        print("requests sent: %d, answered exactly once: %d, missing: %d, duplicated: %d, answers to unknown ids: %d" % (
            len(client.sent), sum(1 for n in client.responses.values() if n == 1), len(missing), len(duplicates),
            len(client.unexpected)))
        print("requests by method: " + ", ".join("%s %d" % kv for kv in sorted(by_method.items(), key=lambda kv: -kv[1])))
        print("client actions: " + ", ".join("%s %d" % kv for kv in sorted(traffic.counts.items(), key=lambda kv: -kv[1])))
        print("error responses by code: " + (", ".join("%s: %d" % kv for kv in sorted(client.error_codes.items(), key=lambda kv: str(kv[0]))) or "none")
              + "; id-null errors (answers to malformed messages): %d" % client.null_id_errors)
        print("server notifications: " + (", ".join("%s %d" % kv for kv in sorted(client.notifications.items())) or "none") +
              "; server->client requests answered: %d" % client.server_requests)
        print("final texts vs a fresh server (documentSymbol + pulled diagnostics): %d of %d documents agree" % (
            open_count - len(differing), open_count))
        if "open_bound_kib" in memory:
            m = memory
            print("memory, quiet VmRSS: no documents %.1f MB; end, %d documents open (%.2f MB) %.1f MB, fresh server with "
                  "the same documents %.1f MB: excess %+.1f MB (bound %.1f MB = %.2f MB x %g + %g MB); all closed %.1f MB: "
                  "excess %+.1f MB (bound %g MB)" % (
                      m["empty"]["VmRSS"] / MB, open_count, end["open_bytes"] / 1048576, end["VmRSS"] / MB,
                      m["fresh"]["VmRSS"] / MB, m["open_excess_kib"] / MB, m["open_bound_kib"] / MB,
                      end["open_bytes"] / 1048576, args.growth_factor, args.slack_mb, closed["VmRSS"] / MB,
                      m["closed_excess_kib"] / MB, args.slack_mb))
            print("memory, peak: VmRSS %.1f MB at %.0f s, VmHWM %.1f MB; open documents cost %.1f resident bytes per byte "
                  "(fresh server); quiet trend after warm-up (%d points): %+.2f MB per 10 min, %+.2f MB per 10 min without "
                  "the open documents' share" % (peak[1] / MB, peak[0], max((s[2] for s in samples), default=0) / MB,
                                                 m["per_byte"], m["steady_points"], m["slope"], m["slope_without_documents"]))
        print("quiet points (traffic s: VmRSS MB / RssAnon MB / open MB): " + ", ".join(
            "%.0f%s: %.1f/%.1f/%.2f" % (p["traffic_seconds"], "" if p["label"] == "traffic" else " (%s)" % p["label"],
                                        p.get("VmRSS", 0) / MB, p.get("RssAnon", 0) / MB, p["open_bytes"] / 1048576)
            for p in self.quiet))
        step = max(1, len(samples) // 40)
        print("VmRSS series (wall s: VmRSS MB / VmHWM MB / open MB): " + ", ".join(
            "%.0f: %.1f/%.1f/%.2f" % (s[0], s[1] / MB, s[2] / MB, s[3] / 1048576) for s in samples[::step]))
        print("shutdown answered and exit status 0: %s" % (not any(f.startswith(("shutdown", "exit status")) for f in self.failures)))
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"seconds": traffic_seconds, "requests": len(client.sent), "missing": len(missing),
                           "duplicates": len(duplicates), "by_method": by_method, "actions": traffic.counts,
                           "error_codes": {str(k): v for k, v in client.error_codes.items()}, "memory": memory,
                           "quiet": self.quiet, "samples": samples, "failures": self.failures}, f, indent=1)
        if self.failures:
            self.stderr_file.seek(0)
            tail = self.stderr_file.read()[-2000:].decode(errors="replace")
            for failure in self.failures:
                print("FAIL: " + failure)
            if tail:
                print("server stderr (tail):\n" + tail)
            return 1
        print("PASS")
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default=os.path.join(ROOT, ".build/release/forumls"))
    parser.add_argument("--seconds", type=float, default=600, help="seconds of traffic (quiet points come on top)")
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-outstanding", type=int, default=16, help="requests in flight before the client waits")
    parser.add_argument("--pause-ms", type=float, default=4, help="random pause of up to this long between actions")
    parser.add_argument("--sample-seconds", type=float, default=3)
    parser.add_argument("--quiet-every", type=float, default=60, help="seconds of traffic between quiet points")
    parser.add_argument("--quiet-seconds", type=float, default=3, help="silence before a quiet sample (server idles after 1 s)")
    parser.add_argument("--warmup-seconds", type=float, help="start of the trend; default: 10%% of --seconds, at least 5 s")
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
