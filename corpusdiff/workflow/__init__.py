"""The git review workflow: `review` of a commit range, `check` of a corpus, the git diff
driver, and `history` branches of a series."""
