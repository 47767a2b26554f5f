"""The only layer that touches disk, git and the cache: the corpus (`Corpus`, read once per
command), ingest, what a DOC argument names (`resolve`), every git call, the content-keyed
cache (`cache.install` hands it to the text layer), cached comparisons and atomic writes."""
