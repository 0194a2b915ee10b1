"""Admin: before publishing a new version, the editor sees what changed."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from .models import RegelingVersiePage
from .views import vergelijk_versies


def vergelijk_met_vorige(request, pk: int):
    versie = get_object_or_404(RegelingVersiePage, pk=pk)
    if not versie.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    vorige = versie.vorige_versie()
    if vorige is None:
        return render(
            request,
            "regelgeving/admin/vergelijking.html",
            {"oud": versie, "nieuw": versie, "artikelen": [], "begrippen": []},
        )
    context = vergelijk_versies(vorige, versie)
    return render(request, "regelgeving/admin/vergelijking.html", context)

