"""Filling the postings folder from the network: one web page (``jobtui add``), or a
Hacker News thread and the public job-board APIs (``jobtui import``). Everything here
writes new files into the folder and nothing else: the folder stays the source of truth,
and the cache picks the files up like any others. Textual-free."""
