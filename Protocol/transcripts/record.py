#!/usr/bin/env python3
"""Records a transcript: runs a forumls binary, sends the `send` lines of a script, and writes the
exchange as JSON lines ({"send": message} / {"recv": message}), one message per line.

    python3 Protocol/transcripts/record.py .build/debug/forumls script.jsonl > Protocol/transcripts/name.jsonl

A script line is {"send": message}, or {"sendRaw": "text"} for deliberately broken framing
(written as is, with \\r\\n in the string). After each write the recorder collects what the server
answers within a short pause. Diagnostic `message` texts are dropped from the recording, so that
rewording a rule does not break a transcript (the replay compares the fields that are present).
"""
import json
import select
import subprocess
import sys
import time


def frame(obj):
    body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_available(proc, buffer, wait):
    out = []
    deadline = time.time() + wait
    while True:
        timeout = max(0.0, deadline - time.time())
        ready, _, _ = select.select([proc.stdout], [], [], timeout)
        if not ready:
            break
        chunk = proc.stdout.read1(65536)
        if not chunk:
            break
        buffer += chunk
        while True:
            head_end = buffer.find(b"\r\n\r\n")
            if head_end < 0:
                break
            length = int(buffer[:head_end].split(b":")[1])
            if len(buffer) < head_end + 4 + length:
                break
            out.append(json.loads(buffer[head_end + 4: head_end + 4 + length]))
            buffer = buffer[head_end + 4 + length:]
    return out, buffer


def strip(message):
    params = message.get("params") or {}
    result = message.get("result")
    for container in (params, result if isinstance(result, dict) else {}):
        for key in ("diagnostics", "items"):
            for d in container.get(key) or []:
                d.pop("message", None)
                for r in d.get("relatedInformation") or []:
                    r.pop("message", None)
    return message


def main():
    binary, script = sys.argv[1], sys.argv[2]
    proc = subprocess.Popen([binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    buffer = b""
    for line in open(script, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        step = json.loads(line)
        if "send" in step:
            proc.stdin.write(frame(step["send"]))
        else:
            proc.stdin.write(step["sendRaw"].encode())
        proc.stdin.flush()
        print(json.dumps(step, ensure_ascii=False, separators=(",", ":")))
        received, buffer = read_available(proc, buffer, 0.3)
        for message in received:
            print(json.dumps({"recv": strip(message)}, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    proc.stdin.close()
    proc.wait(timeout=5)


if __name__ == "__main__":
    main()
