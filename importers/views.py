"""Wagtail admin views: editors upload a publication (or a zip of many), the task worker imports
it, and a status page shows the editor how far it is and then the import report (or, for many,
a line per publication and the summary). An editor sees the uploads of the gemeenten whose
pages they edit, and no other's: another gemeente's status page is not found."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from wagtail.models import Site

from regelgeving.models.gemeente import Gemeente

from .batch import voortgang
from .forms import PublicatieUploadForm
from .models import Importopdracht
from .tasks import import_upload

PERMISSION = "regelgeving.add_regelingversiepage"
# How often the status page reloads itself while the import waits or runs.
VERVERS_SECONDEN = 3


def upload(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = PublicatieUploadForm(
        request.POST or None, request.FILES or None, user=request.user, site=Site.find_for_request(request)
    )
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        opdracht = Importopdracht.objects.create(
            bestand=bestand.read(),
            bestandsnaam=bestand.name,
            regeling=form.cleaned_data["regeling"],
            proef=form.cleaned_data["proef"],
            opnieuw=form.cleaned_data["opnieuw"],
            gemeente=form.cleaned_data["gemeente"],
            door=request.user,
        )
        # The upload is committed (no transaction around this view), so a worker finds it.
        import_upload.enqueue(opdracht.pk)
        return redirect("importers_status", pk=opdracht.pk)
    return render(request, "importers/upload.html", {"form": form})


def status(request, pk):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    opdrachten = Importopdracht.objects.defer("bestand")
    if not request.user.is_superuser:
        opdrachten = opdrachten.filter(gemeente__in=Gemeente.van_redacteur(request.user))
    opdracht = get_object_or_404(opdrachten, pk=pk)
    stand = voortgang(opdracht)  # None for an upload of one publication
    context = {
        "opdracht": opdracht,
        "voortgang": stand,
        "report": None if stand else opdracht.rapport,
        "form": PublicatieUploadForm(user=request.user, site=Site.find_for_request(request))
        if opdracht.afgerond
        else None,
        "ververs_seconden": None if opdracht.afgerond else VERVERS_SECONDEN,
    }
    return render(request, "importers/status.html", context)
