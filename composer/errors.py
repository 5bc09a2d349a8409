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


def unexpected(exc: BaseException) -> str:
    """An unexpected failure, in words fit to show and to paste into a bug report: its kind and
    where in FOI Composer it happened. Never its message: that may quote the request or the
    profile (a validation error quotes the values it refused, a KeyError its key). A problem with
    a file says what the system said of it, which names the file and not what is in it."""
    if isinstance(exc, ComposerError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{type(exc).__name__}: {exc.strerror or 'the system refused'}" + (
            f" ({exc.filename})" if exc.filename else "")
    import traceback
    from pathlib import PurePath

    ours = [frame for frame in traceback.extract_tb(exc.__traceback__)
            if "composer" in PurePath(frame.filename).parts]
    where = ""
    if ours:
        parts = PurePath(ours[-1].filename).parts
        where = f" in {'/'.join(parts[parts.index('composer'):])} line {ours[-1].lineno}"
    return f"{type(exc).__name__}{where}"
