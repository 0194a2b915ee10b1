"""Synoniemen in the admin: an editor sees, adds, changes and deletes the synoniemen of the
gemeenten whose pages they edit, and no other gemeente's. Shared ones (no gemeente: every
gemeente's search uses them) are for the installation's administrators, as are the national
`Wet` records (shared by every gemeente; gemeente editors have no permission on them)."""

from __future__ import annotations

from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import snippets

from .models import Synoniem
from .models.gemeente import Gemeente


def _own(user, synoniem: Synoniem) -> bool:
    return user.is_superuser or (
        synoniem.gemeente_id is not None
        and Gemeente.van_redacteur(user).filter(pk=synoniem.gemeente_id).exists()
    )


class SynoniemPermissionPolicy(ModelPermissionPolicy):
    """The model permissions (Redacteuren groups have them), for the user's own gemeenten only."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and _own(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        return instances if user.is_superuser else instances.filter(gemeente__in=Gemeente.van_redacteur(user))


class SynoniemForm(WagtailAdminModelForm):
    """An editor chooses one of their own gemeenten; an administrator may leave it empty (shared)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["gemeente"]
        if self.for_user is not None and not self.for_user.is_superuser:
            field.queryset = Gemeente.van_redacteur(self.for_user)
            field.required = True
            field.empty_label = None
        else:
            field.empty_label = "Alle gemeenten"


class OwnOnly:
    """For the views of one synoniem: another gemeente's is not found. (Wagtail checks the
    permission for the model there, not for the object.)"""

    def get_object(self, *args, **kwargs):
        synoniem = super().get_object(*args, **kwargs)
        if not _own(self.request.user, synoniem):
            raise Http404("Dit synoniem hoort bij een andere gemeente.")
        return synoniem


class SynoniemViewSet(snippets.SnippetViewSet):
    model = Synoniem
    edit_view_class = type("EditView", (OwnOnly, snippets.EditView), {})
    delete_view_class = type("DeleteView", (OwnOnly, snippets.DeleteView), {})
    usage_view_class = type("UsageView", (OwnOnly, snippets.UsageView), {})
    history_view_class = type("HistoryView", (OwnOnly, snippets.HistoryView), {})
    inspect_view_class = type("InspectView", (OwnOnly, snippets.InspectView), {})
    copy_view_class = type("CopyView", (OwnOnly, snippets.CopyView), {})
    list_display = ["term", "synoniem", "gemeente"]
    edit_handler = ObjectList(
        [FieldPanel("gemeente"), FieldPanel("term"), FieldPanel("synoniem")], base_form_class=SynoniemForm
    )

    def get_queryset(self, request):
        """The listing: the synoniemen of the user's own gemeenten (all for an administrator)."""
        return SynoniemPermissionPolicy(Synoniem).instances_user_has_any_permission_for(
            request.user, ["view", "change", "delete"]
        )
