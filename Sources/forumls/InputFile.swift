import Foundation
import ForumMarkup

/// A failure of a command-line call: a one-line message for stderr and exit status 2.
struct CommandLineError: Error, CustomStringConvertible {
    let description: String
}

/// Reads documents for the command line, the same way for every subcommand.
enum InputFile {
    /// Reads `path` as UTF-8. A file that is not valid UTF-8 but is valid GB18030 (Chinese forum pages
    /// often are) is decoded from GB18030, and `note` says so. Missing files, folders and undecodable
    /// bytes are errors with a one-line message.
    static func read(_ path: String) throws -> (source: SourceText, note: String?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandLineError(description: "\(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw CommandLineError(description: "\(path): is a directory, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandLineError(description: "\(path): cannot be read")
        }
        let bytes = [UInt8](data)
        if String(validating: bytes, as: UTF8.self) != nil {
            return (SourceText(bytes: bytes), nil)
        }
        if let decoded = String(data: data, encoding: gb18030), decoded.utf8.count >= bytes.count / 2 {
            return (SourceText(decoded), "\(path): not valid UTF-8; decoded as GB18030")
        }
        throw CommandLineError(description: "\(path): neither valid UTF-8 nor GB18030")
    }

    /// GB18030-2000, as CoreFoundation numbers it.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Writes `message` and a newline to stderr.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
