"""Which gemeenten a staff member works for: those whose `medewerkers` group they are in
(superusers: every gemeente). The loket's staff views show only these gemeenten's
submissions and panels; another gemeente's object is "not found" to them, never a hint that
it exists."""

from __future__ import annotations

from django.db.models import Q

from regelgeving.gemeenten import gemeente_van_request
from regelgeving.models.gemeente import Gemeente


def gemeenten_van(user):
    """The Gemeente settings this user may see the loket data of."""
    gemeenten = Gemeente.objects.select_related("site__root_page").order_by("naam")
    if user.is_superuser:
        return gemeenten
    return gemeenten.filter(medewerkers__in=user.groups.values("pk"))


def _onder_sites_van(user, veld: str) -> Q:
    """Pages (through `veld`, the path of the page) below the sites of the user's gemeenten."""
    paden = [g.site.root_page.path for g in gemeenten_van(user)]
    if not paden:
        return Q(pk__in=[])
    q = Q()
    for pad in paden:
        q |= Q(**{f"{veld}__startswith": pad})
    return q


def zichtbaar(user, queryset, pagina_pad: str):
    """`queryset` narrowed to what belongs to the user's gemeenten; `pagina_pad` is the lookup of
    the page path that says where each row belongs ("pagina__path" for a submission)."""
    if user.is_superuser:
        return queryset
    return queryset.filter(_onder_sites_van(user, pagina_pad))


def gekozen_gemeente(request):
    """The gemeente a staff page shows: the one asked for (?gemeente=pk) among the user's,
    else that of the host the admin is opened on, else the user's first; None when they have none."""
    gemeenten = list(gemeenten_van(request.user))
    gevraagd = request.GET.get("gemeente", "")
    for gemeente in gemeenten:
        if str(gemeente.pk) == gevraagd:
            return gemeente
    hier = gemeente_van_request(request)
    if hier is not None and any(g.pk == hier.pk for g in gemeenten):
        return hier
    return gemeenten[0] if gemeenten else None
