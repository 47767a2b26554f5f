"""The vocabulary shared by the stages: frozen dataclasses and enums, no logic and no I/O.

document: what the normaliser produces; genre: the kinds of report and how the views treat
each; tree: sections and initiative units; diff: what the differ hands to every view; edition:
one document of a series view; vocabulary: a corpus's stopwords and indicator aliases."""
