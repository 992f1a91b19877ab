// The forumls executable: argument dispatch only. The server lives in ForumLanguageServer, each
// CLI subcommand in its own file here.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ForumLanguageServer

let usage = """
    usage: forumls [serve | --stdio]        serve LSP on stdin/stdout (the default)
           forumls check [options] FILE...  report findings
           forumls fix [options] FILE...    apply safe fixes
           forumls outline FILE             print the thread outline
           forumls parse FILE [--json]      print the syntax tree
           forumls --version                print the version
           forumls --help                   print this help

    Logs go to stderr; FORUMLS_LOG=debug|info|warning|error sets how much.
    """

let arguments = Array(CommandLine.arguments.dropFirst())
let rest = Array(arguments.dropFirst())

switch arguments.first {
case nil, "serve", "--stdio":
    // `forumls serve --stdio` is accepted too: VS Code's client appends --stdio.
    StdioServer.run()
case "--version", "-V", "version":
    print("forumls \(LanguageServer.version)")
case "--help", "-h", "help":
    print(usage)
// CLI subcommands: one case each, `exit(<Command>.run(rest))`.
case "check":
    exit(CheckCommand.run(rest))
case "fix":
    exit(FixCommand.run(rest))
case "outline":
    exit(OutlineCommand.run(rest))
case "parse":
    exit(ParseCommand.run(rest))
case _ where arguments.contains("--stdio"):
    // Clients may put their own flags first (`--clientProcessId=N --stdio`): still serve.
    StdioServer.run()
default:
    let message = Array("forumls: unknown command '\(arguments[0])'\n\(usage)\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}
