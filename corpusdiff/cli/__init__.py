"""The command line: click options -> one library call -> one renderer; errors are one line,
exit 2. Commands and their options are listed in docs/cli.md (generated from --help)."""
