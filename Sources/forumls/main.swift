// Placeholder entry point while the CLI is wired up (issue 2).
import Foundation
import ForumMarkup

if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "outline" { exit(OutlineCommand.run(Array(CommandLine.arguments.dropFirst(2)))) }
if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "check" { exit(CheckCommand.run(Array(CommandLine.arguments.dropFirst(2)))) }
if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "fix" { exit(FixCommand.run(Array(CommandLine.arguments.dropFirst(2)))) }
