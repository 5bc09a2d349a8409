"""A letter as an email file (.eml) that opens in a mail client as a draft, ready to send."""

from __future__ import annotations

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
    msg["Subject"] = letter.subject
    body = letter_as_text(letter, contact=True)
    msg.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    return msg


def write_eml(letter: Letter, path: Path, *, replace: bool = False) -> Path:
    """Write the letter as an .eml draft (a taken name becomes "name (2)" unless `replace`);
    returns the path written."""
    msg = letter_as_email(letter)
    try:
        data = msg.as_bytes(policy=SMTP)  # 7-bit headers: every mail client reads them
    except UnicodeEncodeError:  # an address with non-ASCII letters needs SMTPUTF8
        data = msg.as_bytes(policy=SMTPUTF8)
    return storage.write_new(Path(path), data, replace=replace)
