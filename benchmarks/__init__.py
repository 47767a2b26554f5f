"""Benchmarks (`make bench`) and the synthetic corpus generator they scale with."""
