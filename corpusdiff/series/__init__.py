"""Many editions at once: timeline threads, the five-year-plan trace, indicator tables and
the term index; computed from trees and diffs handed in, no I/O."""
