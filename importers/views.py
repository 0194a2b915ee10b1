"""Wagtail admin view: editors upload a publication and see the import report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .errors import PublicatieFout
from .forms import PublicatieUploadForm
from .pipeline import import_bytes

PERMISSION = "regelgeving.add_regelingversiepage"


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
        else:
            report = result.report
            if report["dry_run"]:
                messages.info(request, "Proefimport: er is niets opgeslagen.")
            else:
                messages.success(request, f"{report['titel']} is geïmporteerd.")
    return render(request, "importers/upload.html", {"form": form, "report": report})
