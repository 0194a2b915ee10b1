"""Admin: before publishing a new version, the editor sees what changed."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from wagtail.admin.panels import Panel

from .models import RegelingVersiePage
from .versions import previous_version
from .views import vergelijk_versies


def vergelijk_met_vorige(request, pk: int):
    versie = get_object_or_404(RegelingVersiePage, pk=pk)
    if not versie.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    vorige = previous_version(versie)
    if vorige is None:
        return render(
            request,
            "regelgeving/admin/vergelijking.html",
            {"oud": versie, "nieuw": versie, "artikelen": [], "begrippen": []},
        )
    context = vergelijk_versies(vorige, versie)
    return render(request, "regelgeving/admin/vergelijking.html", context)


class VergelijkingPanel(Panel):
    """Shows, in the version's edit form, how it differs from the version before it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "regelgeving/admin/vergelijking_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            versie = self.instance
            vorige = previous_version(versie) if versie.pk else None
            context.update(versie=versie, vorige=vorige)
            if vorige:
                context["samenvatting"] = vergelijk_versies(vorige, versie)["samenvatting"]
            return context
