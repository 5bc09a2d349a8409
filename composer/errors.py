"""Errors a user can act on. The message names the problem (and the file) in plain words."""


class ComposerError(Exception):
    """A problem with the user's input or files, reported without a traceback."""


class NotSubjectToFOI(ComposerError):
    """The body asked for is not a public authority under FOIA or FOISA."""


class UnknownForce(ComposerError):
    pass


class FileProblem(ComposerError):
    """A file could not be read as what it claims to be."""


class NewerFile(FileProblem):
    """A file written by a newer version of the app: not damaged, so it is left where it is."""
