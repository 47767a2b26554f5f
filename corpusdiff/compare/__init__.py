"""Stages 5-6, align and classify: two `DocTree`s -> a `DiffResult` (aligned sections, paired
and classified initiative units, changes within them, programmes). `core.compare` is the
entry, `units` the one matching model, `params` every weight and threshold with its evidence."""
