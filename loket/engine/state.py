"""The answers of one inwoner in one flow, kept server-side in their browser session.

Raw posted values are stored per step and validated again whenever they are used, so the
summary and the submission never rely on what a step said earlier.
"""

from __future__ import annotations

import secrets
import time

from django.http import QueryDict

PREFIX = "loket:"


class FlowState:
    def __init__(self, request, page):
        self.session = request.session
        self.key = f"{PREFIX}{page.pk}"
        data = self.session.get(self.key) or {}
        self.answers: dict[str, dict[str, list[str]]] = data.get("answers", {})
        self.started: float = data.get("started") or time.time()
        self.token: str = data.get("token") or secrets.token_hex(16)
        self.submitted: list[str] = self.session.get(f"{self.key}:ingediend", [])

    @property
    def is_new(self) -> bool:
        return not self.answers

    def save(self) -> None:
        self.session[self.key] = {"answers": self.answers, "started": self.started, "token": self.token}

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
