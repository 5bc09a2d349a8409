"""A letter as an email file (.eml) that opens in a mail client as a draft, ready to send."""

from __future__ import annotations

from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8
from pathlib import Path

from composer import storage
from composer.errors import ComposerError
from composer.forces import missing_address
from composer.letters.letter import Letter
from composer.letters.text import letter_as_text


def _address(name: str, email: str, whose: str) -> Address:
    try:
        return Address(display_name=name.strip(), addr_spec=email.strip())
    except (ValueError, IndexError) as exc:  # email's parser raises several kinds
        raise ComposerError(f"{whose} email address {email!r} is not valid ({exc})") from None


def letter_as_email(letter: Letter) -> EmailMessage:
    """To: the recipient's address, From: the requester (when known), the letter as the body.

    `X-Unsent: 1` makes Outlook and Thunderbird open the file as a draft to edit and send.
    Raises ComposerError when the recipient has no email address.
    """
    if not letter.recipient.email:
        missing = missing_address(letter.force) if letter.force is not None else None
        raise ComposerError(
            (f"{missing}, or export as .docx or .txt" if missing else
             f"no email address is known for {letter.recipient.name}: an email cannot be written; "
             "export as .docx or .txt")
        )
    msg = EmailMessage()
    msg["X-Unsent"] = "1"
    msg["To"] = _address(letter.recipient.name, letter.recipient.email, f"{letter.recipient.name}'s")
    if letter.requester.email.strip():
        msg["From"] = _address(letter.requester.name, letter.requester.email, "your")
    msg.set_raw("Subject", _folded_subject(letter.subject))
    body = letter_as_text(letter, contact=True)
    msg.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    return msg


_LONGEST_PLAIN_WORD = 60  # a word longer than this cannot start a folded line within 78 characters


def _folded_subject(subject: str) -> str:
    """The Subject as it is written to the file, folded within 78 characters so that a mail client
    unfolds it to exactly `subject`.

    Python 3.11's own folding of a long Subject can put the break straight after "Subject:" (which
    Python's parser then reads back with a leading space) and, beside non-ASCII words, can drop or
    double a space ("£450naïve"). The older `email.header` encoder folds between words, or splits
    RFC 2047 encoded words inside them, and keeps every space; the file is written with
    refold_source="none" so that this folding stands."""
    plain = subject.isascii() and all(len(word) <= _LONGEST_PLAIN_WORD for word in subject.split())
    header = Header(subject, "us-ascii" if plain else "utf-8", maxlinelen=78, header_name="Subject")
    return header.encode(linesep="\n")


def write_eml(letter: Letter, path: Path, *, replace: bool = False) -> Path:
    """Write the letter as an .eml draft (a taken name becomes "name (2)" unless `replace`);
    returns the path written."""
    msg = letter_as_email(letter)
    try:  # 7-bit headers: every mail client reads them; the Subject as _folded_subject wrote it
        data = msg.as_bytes(policy=SMTP.clone(refold_source="none"))
    except UnicodeEncodeError:  # an address with non-ASCII letters needs SMTPUTF8
        data = msg.as_bytes(policy=SMTPUTF8.clone(refold_source="none"))
    return storage.write_new(Path(path), data, replace=replace)
