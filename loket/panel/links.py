"""Signed links in panel e-mails: confirm a sign-up, leave, see results before the public."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

CONFIRM_SALT = "lochem-spreekt:bevestigen"
LEAVE_SALT = "lochem-spreekt:afmelden"
RESULTS_SALT = "lochem-spreekt:resultaten"


def absolute(url: str) -> str:
    return settings.SITE_URL + url


def confirm_url(lid) -> str:
    token = signing.dumps(str(lid.pseudoniem), salt=CONFIRM_SALT)
    return absolute(reverse("panel_bevestigen", args=[token]))


def leave_url(lid) -> str:
    # No expiry: every e-mail a member ever received must let them leave.
    token = signing.dumps(str(lid.pseudoniem), salt=LEAVE_SALT)
    return absolute(reverse("panel_afmelden", args=[token]))


def results_url(peiling, uitnodiging) -> str:
    # Page paths allow no colon (Wagtail's serve pattern); the signature never holds a dot.
    sleutel = signing.dumps({"p": peiling.pk, "u": uitnodiging.pk}, salt=RESULTS_SALT).replace(":", ".")
    return absolute(peiling.url + peiling.reverse_subpage("resultaten", kwargs={"sleutel": sleutel}))


def read_results_key(sleutel: str):
    return read(sleutel.replace(".", ":"), RESULTS_SALT)


def invitation_url(peiling, token: str) -> str:
    return absolute(peiling.url + peiling.reverse_subpage("invullen", kwargs={"token": token}))


def unsubscribe_headers(leave: str) -> dict[str, str]:
    """RFC 8058: mail programs offer a one-click "afmelden" that POSTs to this address."""
    return {"List-Unsubscribe": f"<{leave}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def confirm_days() -> int:
    return settings.LOKET_PANEL_CONFIRM_DAYS


def confirm_max_age() -> timedelta:
    return timedelta(days=confirm_days())


def check(token: str, salt: str, max_age=None) -> tuple[object, str]:
    """(the signed value, "geldig"), or (None, "verlopen") / (None, "ongeldig") when the link
    has expired or was altered."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age), "geldig"
    except signing.SignatureExpired:
        return None, "verlopen"
    except signing.BadSignature:
        return None, "ongeldig"


def read(token: str, salt: str, max_age=None):
    """The signed value, or None when the link was altered or has expired."""
    return check(token, salt, max_age)[0]
