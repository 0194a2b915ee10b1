"""E-mail in development: each message a file in EMAIL_FILE_PATH (var/mail/), readable by its
owner only, and named after the submission or panel member it belongs to, so that the purge
which deletes them deletes their mail files too.

Django's own file backend writes world-readable files (the umask decides) and puts a whole
batch of messages in one file; this one writes one file per message with mode 0600.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends import filebased

# Set by the loket on every message it stores (loket/notifications.py, loket/panel/mail.py):
# the reference of the submission or panel member the message belongs to.
REFERENCE_HEADER = "X-Loket-Referentie"
UNKNOWN = "bericht"
SEPARATOR = "--"


def _safe(referentie: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]", "", referentie)[:60] or UNKNOWN


def _filename(message) -> str:
    referentie = _safe(message.extra_headers.get(REFERENCE_HEADER, ""))
    moment = datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"{referentie}{SEPARATOR}{moment}-{secrets.token_hex(4)}.eml"


class EmailBackend(filebased.EmailBackend):
    def send_messages(self, email_messages) -> int:
        sent = 0
        for message in email_messages:
            path = Path(self.file_path) / _filename(message)
            # Created with 0600 from the start: there is no moment at which others can read it.
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(message.message().as_bytes(linesep="\n") + b"\n")
            sent += 1
        return sent


def remove_for(referenties: Iterable[str]) -> int:
    """Delete the mail files of these submissions or panel members; returns how many went."""
    directory = getattr(settings, "EMAIL_FILE_PATH", None)
    if not directory or not Path(directory).is_dir():
        return 0
    removed = 0
    for referentie in referenties:
        if _safe(referentie) == UNKNOWN:
            continue
        for path in Path(directory).glob(f"{_safe(referentie)}{SEPARATOR}*.eml"):
            path.unlink(missing_ok=True)
            removed += 1
    return removed
