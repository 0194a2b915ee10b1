"""Signed links in panel e-mails: confirm a sign-up, leave, see results before the public.

Mails are written without a request (a task sends them): every link is made absolute on the
site of the member's gemeente, never on one installation-wide address.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.text import slugify

SALT_PREFIX = "inwonerspanel"
CONFIRM, LEAVE, RESULTS = "bevestigen", "afmelden", "resultaten"
# Kept for callers that name the salt of a purpose.
CONFIRM_SALT, LEAVE_SALT, RESULTS_SALT = (f"{SALT_PREFIX}:{doel}" for doel in (CONFIRM, LEAVE, RESULTS))


def salts(doel: str, gemeente=None) -> list[str]:
    """The salt links are signed with now, then the one of links mailed before the panel had a
    neutral address: signed under the panel's own name ("<panel naam>:<doel>")."""
    found = [f"{SALT_PREFIX}:{doel}"]
    oud = slugify(gemeente.panel_naam) if gemeente is not None and gemeente.panel_naam else ""
    if oud and oud != SALT_PREFIX:
        found.append(f"{oud}:{doel}")
    return found


def on_site_of(gemeente, path: str) -> str:
    """`path` as a full URL on the gemeente's own site (its host and port)."""
    return gemeente.site.root_url + path


def confirm_url(lid) -> str:
    token = signing.dumps(str(lid.pseudoniem), salt=CONFIRM_SALT)
    return on_site_of(lid.gemeente, reverse("panel_bevestigen", args=[token]))


def leave_url(lid) -> str:
    # No expiry: every e-mail a member ever received must let them leave.
    token = signing.dumps(str(lid.pseudoniem), salt=LEAVE_SALT)
    return on_site_of(lid.gemeente, reverse("panel_afmelden", args=[token]))


def results_url(peiling, uitnodiging) -> str:
    # Page paths allow no colon (Wagtail's serve pattern); the signature never holds a dot.
    sleutel = signing.dumps({"p": peiling.pk, "u": uitnodiging.pk}, salt=RESULTS_SALT).replace(":", ".")
    return peiling.full_url + peiling.reverse_subpage("resultaten", kwargs={"sleutel": sleutel})


def read_results_key(sleutel: str, gemeente=None):
    return read(sleutel.replace(".", ":"), RESULTS, gemeente)


def invitation_url(peiling, token: str) -> str:
    return peiling.full_url + peiling.reverse_subpage("invullen", kwargs={"token": token})


def unsubscribe_headers(leave: str) -> dict[str, str]:
    """RFC 8058: mail programs offer a one-click "afmelden" that POSTs to this address."""
    return {"List-Unsubscribe": f"<{leave}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def confirm_days() -> int:
    return settings.LOKET_PANEL_CONFIRM_DAYS


def confirm_max_age() -> timedelta:
    return timedelta(days=confirm_days())


def check(token: str, doel: str, gemeente=None, max_age=None) -> tuple[object, str]:
    """(the signed value, "geldig"), or (None, "verlopen") / (None, "ongeldig") when the link
    has expired or was altered."""
    status = "ongeldig"
    for salt in salts(doel, gemeente):
        try:
            return signing.loads(token, salt=salt, max_age=max_age), "geldig"
        except signing.SignatureExpired:
            status = "verlopen"
        except signing.BadSignature:
            continue
    return None, status


def read(token: str, doel: str, gemeente=None, max_age=None):
    """The signed value, or None when the link was altered or has expired."""
    return check(token, doel, gemeente, max_age)[0]
