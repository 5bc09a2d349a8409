"""Emoji in a Word or PDF letter, written as words.

A letter's fonts (Arial, or whatever stands in for it where the letter is opened or turned into a
PDF) have no pictures for most emoji: LibreOffice draws 🚓 as an empty box or nothing, and a force's
printer or case system may do the same. So the Word and PDF letters write each emoji as its name in
brackets ("🚓" becomes "(police car)"), and the export says so. The request keeps the emoji as
typed, and the plain-text and email letters keep it too (they carry no font: the reader's own
program draws them). A few symbols every letter font has (©, ®, ™) stay as they are.
"""

from __future__ import annotations

import re

_KEPT_BELOW = 0x2190  # ©, ®, ‼, ⁉, ™, ℹ: Latin-1, punctuation and letterlike symbols every letter font has
_MAYBE = re.compile("[\u2190-\U0010ffff]")  # nothing at or above it: no emoji, nothing to look up


def _words(chars: str, data: dict) -> str:
    if len(chars) == 1 and ord(chars) < _KEPT_BELOW:
        return chars
    return "(" + data["en"].strip(":").replace("_", " ") + ")"


def in_words(text: str) -> str:
    """`text` with each emoji written as its name in brackets: "a 🚓 patrol" -> "a (police car) patrol"."""
    if not _MAYBE.search(text):
        return text
    import emoji  # only for a letter that may hold one: not loaded at start-up

    return emoji.replace_emoji(text, replace=_words)


def written_as_words(texts) -> dict[str, str]:
    """Each emoji found in `texts` and the words the Word and PDF letters write for it, in order."""
    found: dict[str, str] = {}
    for text in texts:
        if not _MAYBE.search(text):
            continue
        import emoji

        for token in emoji.analyze(text, non_emoji=False, join_emoji=True):
            chars = token.chars
            words = _words(chars, token.value.data)
            if words != chars:
                found.setdefault(chars, words)
    return found
