"""Errors a user can fix: their message is shown as is (CLI, message bar)."""


class BivalvesError(Exception):
    """A problem with the user's input or environment, with a plain message."""
