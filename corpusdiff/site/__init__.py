"""The static HTML site: page contexts from the library's results, one build orchestrator with
its incremental state (`build`), the series views (`series`), shared page helpers (`common`)."""
