"""Benchmark helpers for jobtui: a synthetic corpus generator and a first-frame timer."""
