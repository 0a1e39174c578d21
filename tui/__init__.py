"""jobtui: turn a folder of saved job postings into a filterable, trackable list."""

__version__ = "0.1.0"
