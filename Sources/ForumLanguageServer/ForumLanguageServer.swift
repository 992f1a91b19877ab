// The language server module: see Protocol/README.md.
