"""Errors of reading and writing exchange files; str() is one clear sentence for the user."""


class ExchangeError(Exception):
    """A file could not be read or written as asked."""


class FormatError(ExchangeError):
    """The document is not a valid journal file; the sentence names the place."""
