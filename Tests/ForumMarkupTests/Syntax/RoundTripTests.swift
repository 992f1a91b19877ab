import Testing
@testable import ForumMarkup

/// Lossless parsing: printing the tree gives the input back, byte for byte, for every fixture, every
/// corpus document and random bytes (invalid UTF-8 included).
@Suite struct RoundTripTests {
    static func check(_ bytes: [UInt8], _ label: String) {
        for dialect in Dialect.allCases {
            let tree = Parser.parse(SourceText(bytes: bytes), dialect: dialect)
            #expect(tree.printedBytes() == bytes, "round trip failed: \(label) (\(dialect))")
            // Tokens tile the input too.
            var cursor = 0
            for token in Lexer.tokenize(bytes) {
                #expect(token.start == cursor, "token gap in \(label)")
                cursor = token.end
            }
            #expect(cursor == bytes.count)
        }
    }

    @Test func fixturesRoundTrip() throws {
        let files = TestPaths.fixtureFiles + [TestPaths.packageRoot.appendingPathComponent("Samples/thread.txt")]
        #expect(files.count >= 4)
        for file in files {
            let bytes = try #require(TestPaths.bytes(file))
            RoundTripTests.check(bytes, file.lastPathComponent)
        }
    }

    @Test func corpusDocumentsRoundTrip() throws {
        let docs = TestPaths.corpusDocuments
        if docs.isEmpty {
            print("skipped: ../shared/corpus is absent")
            return
        }
        for doc in docs {
            RoundTripTests.check(try #require(TestPaths.bytes(doc)), doc.lastPathComponent)
        }
    }

    @Test func randomBytesRoundTrip() {
        var rng = SplitMix64(seed: 0x5EED_F0_12)
        // Biased alphabet: brackets, tag-name bytes, newlines, CJK and invalid bytes.
        let alphabet: [[UInt8]] = ["[", "]", "/", "=", " ", "\n", "\r", "b", "i", "quote", "code", "color",
                                   "*", "#1", "\u{4E00}", "🍰", "!important"].map { Array($0.utf8) } + [[0xFF], [0xE4, 0xB8], [0x80]]
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            let length = Int(rng.next() % 300)
            for _ in 0..<length {
                if rng.next() % 4 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: rng.next()))
                } else {
                    bytes += alphabet[Int(rng.next() % UInt64(alphabet.count))]
                }
            }
            RoundTripTests.check(bytes, "random \(bytes)")
        }
    }
}

/// A small deterministic generator for reproducible tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
