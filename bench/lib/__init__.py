"""Helpers of bench/bench.py: processes, servers, load generators, report."""
