"""Errors the command line turns into one line on stderr."""


class CommandError(Exception):
    """A problem the user can fix, said in one line."""
