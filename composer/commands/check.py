"""Commands for this feature are registered here by the module that builds it."""


def register(sub) -> None:
    return None
