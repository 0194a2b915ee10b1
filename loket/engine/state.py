"""The answers of one inwoner in one flow, kept server-side in their browser session.

Raw posted values are stored per step and validated again whenever they are used, so the
summary and the submission never rely on what a step said earlier.

The session holds them encrypted (a Fernet token, loket/crypto.py), so `django_session` never
holds an answer readably. The token is renewed on every request of the flow; one older than
LOKET_FLOW_TIMEOUT_MINUTES no longer opens, and the flow starts over. An anonymous visitor's
session expires after the same time, so `clearsessions` deletes it.
"""

from __future__ import annotations

import json
import math
import secrets
import time

from django.conf import settings
from django.http import QueryDict

from ..crypto import decrypt_recent, encrypt

PREFIX = "loket:"


def timeout_seconds() -> int:
    # round(): a test may set a fraction of a minute, to see the timeout in seconds.
    return round(settings.LOKET_FLOW_TIMEOUT_MINUTES * 60)


def warning_seconds() -> int:
    """How long before the answers go a page warns and offers more time."""
    return round(settings.LOKET_FLOW_WARNING_MINUTES * 60)


class FlowState:
    def __init__(self, request, page):
        self.page = page
        self.session = request.session
        self.anonymous = not getattr(getattr(request, "user", None), "is_authenticated", False)
        self.key = f"{PREFIX}{page.pk}"
        data = self._open(self.session.get(self.key))
        # Answers that timed out, or a session cookie whose session has expired: the inwoner
        # was somewhere in this flow and has to start over (the views say so).
        self.expired = data is None or self._session_expired(request)
        data = data or {}
        self.answers: dict[str, dict[str, list[str]]] = data.get("answers", {})
        self.started: float = data.get("started") or time.time()
        self.token: str = data.get("token") or secrets.token_hex(16)
        self.submitted: list[str] = self.session.get(f"{self.key}:ingediend", [])
        self.sealed_at: int | None = None
        if self.answers:
            self.save()  # activity: the inactivity timeout counts from now

    def _open(self, sealed) -> dict | None:
        """The stored answers; {} when there are none; None when they timed out."""
        if not sealed:
            return {}
        opened = decrypt_recent(sealed, timeout_seconds()) if isinstance(sealed, str) else None
        if opened is None:
            self.session.pop(self.key, None)  # also plain answers stored before they were encrypted
            return None
        return json.loads(opened)

    def _session_expired(self, request) -> bool:
        return bool(request.COOKIES.get(settings.SESSION_COOKIE_NAME)) and self.session.session_key is None

    @property
    def is_new(self) -> bool:
        return not self.answers

    def save(self) -> None:
        data = {"answers": self.answers, "started": self.started, "token": self.token}
        self.session[self.key] = encrypt(json.dumps(data))
        # Fernet stamps whole seconds, taken within encrypt(): this second is at least as late.
        self.sealed_at = int(time.time())
        if self.anonymous:
            self.session.set_expiry(timeout_seconds())

    def seconds_left(self) -> int | None:
        """Seconds until the answers no longer open (None when there are none to lose). Every
        request that reads them seals them again, so this is about the whole timeout. Rounded
        up, and Fernet still opens a token throughout its last whole second: a page that counts
        down to this never says the answers are gone while they are still there."""
        if not self.answers or self.sealed_at is None:
            return None
        return max(0, math.ceil(self.sealed_at + timeout_seconds() + 1 - time.time()))

    def store(self, slug: str, post: QueryDict, field_names) -> None:
        self.answers[slug] = {name: post.getlist(name) for name in field_names if name in post}
        self.save()

    def data_for(self, slug: str) -> QueryDict | None:
        raw = self.answers.get(slug)
        if raw is None:
            return None
        data = QueryDict(mutable=True)
        for name, values in raw.items():
            data.setlist(name, values)
        return data

    def clear(self) -> None:
        """Stop: the answers of this flow are gone; confirmations of earlier submissions stay."""
        self.session.pop(self.key, None)
        self.answers = {}

    def finish(self, referentie: str) -> None:
        """Forget the answers (nothing personal stays in the session) but remember the reference,
        so a refresh or a second click shows the same confirmation."""
        self.session.pop(self.key, None)
        self.remember(referentie)
        self.session[f"{PREFIX}token:{self.token}"] = referentie

    def remember(self, referentie: str) -> None:
        """This browser may see the confirmation of `referentie` (the last ten are kept)."""
        earlier = [r for r in self.submitted if r != referentie]
        self.session[f"{self.key}:ingediend"] = [*earlier, referentie][-10:]

    def reference_for_token(self, token: str) -> str | None:
        return self.session.get(f"{PREFIX}token:{token}")
