"""Benchmarks: runnable scripts that print figures and ratios (not part of `make test`)."""
