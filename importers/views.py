"""Wagtail admin view: editors upload a publication and see the import report."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .errors import PublicatieFout
from .forms import PublicatieUploadForm
from .pipeline import import_bytes

PERMISSION = "regelgeving.add_regelingversiepage"
logger = logging.getLogger(__name__)


def upload(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    report = None
    form = PublicatieUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            result = import_bytes(
                bestand.read(),
                bestand.name,
                form.cleaned_data["regeling"],
                form.cleaned_data["proef"],
            )
        except PublicatieFout as exc:
            form.add_error("bestand", str(exc))
        except Exception:  # an importer bug: the transaction rolled back, tell the editor plainly
            logger.exception("import failed")
            form.add_error("bestand", "Import mislukt door een interne fout; er is niets opgeslagen.")
        else:
            report = result.report
            if report["dry_run"]:
                messages.info(request, "Proefimport: er is niets opgeslagen.")
            else:
                messages.success(request, f"{report['titel']} is geïmporteerd.")
    return render(request, "importers/upload.html", {"form": form, "report": report})
