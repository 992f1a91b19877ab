// Placeholder entry point while the CLI is wired up (issue 2).
import ForumMarkup
