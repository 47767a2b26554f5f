"""User-facing errors: each carries one readable line saying what is wrong and what to do."""


class CorpusdiffError(Exception):
    """A problem caused by the input or the corpus state, reported without a traceback (exit 2)."""


class InputError(CorpusdiffError):
    """The input file cannot be read as a report."""


class CorpusError(CorpusdiffError):
    """The corpus is missing, in a bad state, or does not hold what was asked for."""
