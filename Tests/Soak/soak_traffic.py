"""The soak test's traffic: generated forum documents, a model of each open text, and the random actions.

`Traffic` keeps the text of every open document as the client believes it is, so every position it
sends is valid (except in the deliberately bad messages); `edit` never creates a \\r\\n pair the
model would split differently from the server.
"""
import threading
import time

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


class Traffic:
    """Random actions against one server through `client`, from `rng` (seeded: the same seed, the same run)."""

    def __init__(self, client, rng):
        self.client = client
        self.rng = rng
        self.docs = {}        # uri -> {"text", "version", "base"}
        self.opened = 0
        self.closed_uris = []
        self.counts = {}
        self.lock = threading.Lock()
        self.capabilities = {}

    def count(self, what):
        self.counts[what] = self.counts.get(what, 0) + 1

    def open_bytes(self):
        """UTF-8 bytes of all open documents."""
        with self.lock:
            return sum(len(d["text"].encode()) for d in self.docs.values())

    def step(self):
        """One random action: edit 45 %, request 35 %, request + cancel 10 %, bad message 9 %, close + open 1 %."""
        r = self.rng.random()
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


    # -- the final sweep --
    def sweep(self, uri, text, full=True):
        """Asks about `uri` (whose text is `text`) so that every per-document cache is filled: the
        analysis (documentSymbol), the position index (hover), the diagnostics last sent (a pull, when
        advertised), and with `full` every other request kind once; returns the ids of the
        documentSymbol and (when pulled) diagnostic requests."""
        ident = {"uri": uri}
        start = {"line": 0, "character": 0}
        symbols = self.client.request("textDocument/documentSymbol", {"textDocument": ident}, keep=True)
        self.client.request("textDocument/hover", {"textDocument": ident, "position": start})
        if full:
            whole = {"start": start, "end": position(text, len(text))}
            for method, params in [
                    ("textDocument/foldingRange", {"textDocument": ident}),
                    ("textDocument/semanticTokens/full", {"textDocument": ident}),
                    ("textDocument/codeAction", {"textDocument": ident, "range": whole,
                                                 "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
                    ("textDocument/completion", {"textDocument": ident, "position": start})]:
                self.client.request(method, params)
        diagnostics = None
        if "diagnosticProvider" in self.capabilities:
            diagnostics = self.client.request("textDocument/diagnostic", {"textDocument": ident}, keep=True)
        return symbols, diagnostics
