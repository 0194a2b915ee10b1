"""Snippets that belong to a gemeente, in the admin: a user sees, adds, changes and deletes those
of the gemeenten they work for, and no other gemeente's (another's is "not found", never a hint
that it exists). Wagtail's snippet views check the permission for the model; these also check
it for the object. Where the model allows no gemeente (a synoniem every gemeente's search uses),
such shared ones are for the installation's administrators.

`register(ViewSet, gemeenten_van)` registers a snippet this way; `gemeenten_van(user)` says
which gemeenten a user works for (editors for synoniemen, the loket's staff for the panel's
population shares).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from .models.gemeente import Gemeente

GemeentenVan = Callable[[object], "QuerySet[Gemeente]"]  # a user -> the gemeenten they work for


class PerGemeentePolicy(ModelPermissionPolicy):
    """The model permissions, for the objects of the user's own gemeenten only."""

    def __init__(self, model, gemeenten_van: GemeentenVan):
        super().__init__(model)
        self.gemeenten_van = gemeenten_van

    def eigen(self, user, instance) -> bool:
        if user.is_superuser:
            return True
        if instance.gemeente_id is None:  # shared by every gemeente
            return False
        return self.gemeenten_van(user).filter(pk=instance.gemeente_id).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.eigen(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        return instances if user.is_superuser else instances.filter(gemeente__in=self.gemeenten_van(user))


def policy_of(model) -> PerGemeentePolicy:
    return policy_registry.get_by_type(model)


class PerGemeenteForm(WagtailAdminModelForm):
    """A user chooses one of their own gemeenten; an administrator any, or none where the model
    allows it ("Alle gemeenten")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["gemeente"]
        if self.for_user is not None and not self.for_user.is_superuser:
            field.queryset = policy_of(self._meta.model).gemeenten_van(self.for_user)
            field.required = True
            field.empty_label = None
        elif not field.required:
            field.empty_label = "Alle gemeenten"


class OwnOnly:
    """For the views of one object: another gemeente's is not found."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not policy_of(self.model).eigen(self.request.user, instance):
            raise Http404("Dit hoort bij een andere gemeente.")
        return instance


class PerGemeenteViewSet(snippets.SnippetViewSet):
    edit_view_class = type("EditView", (OwnOnly, snippets.EditView), {})
    delete_view_class = type("DeleteView", (OwnOnly, snippets.DeleteView), {})
    usage_view_class = type("UsageView", (OwnOnly, snippets.UsageView), {})
    history_view_class = type("HistoryView", (OwnOnly, snippets.HistoryView), {})
    inspect_view_class = type("InspectView", (OwnOnly, snippets.InspectView), {})
    copy_view_class = type("CopyView", (OwnOnly, snippets.CopyView), {})

    def get_queryset(self, request):
        """The listing: the objects of the user's own gemeenten (all for an administrator)."""
        return policy_of(self.model).instances_user_has_any_permission_for(
            request.user, ["view", "change", "delete"]
        )


def register(viewset: type[PerGemeenteViewSet], gemeenten_van: GemeentenVan) -> None:
    """Register the snippet; call it from an AppConfig.ready() of an app listed before
    wagtail.snippets in INSTALLED_APPS (which registers the snippets' permission policies)."""
    register_permission_policy(viewset.model, PerGemeentePolicy(viewset.model, gemeenten_van))
    register_snippet(viewset)

