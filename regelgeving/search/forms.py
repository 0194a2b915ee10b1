"""The search parameters, validated the same way for the page and the JSON API.

The form belongs to one gemeente's site: it offers that site's regelingen, and the laws its
pages are tagged with, and a search it makes looks in that site only."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from wagtail.models import Site

from ..form_fields import CleanCharField
from ..models import RegelingPage, Wet
from .paging import MAX_PAGE
from .published import published
from .query import MAX_QUERY_LENGTH
from .service import Zoekvraag

SOORT_KEUZES = [
    ("", "Alles"),
    ("artikel", "Artikelen"),
    ("begrip", "Begrippen"),
    ("bijlage", "Bijlagen"),
    ("onderdeel", "Hoofdstukken en paragrafen"),
    ("toelichting", "Toelichtingen"),
]
VERSIE_KEUZES = [("", "Geldend op de peildatum"), ("alle", "Alle versies")]


class ZoekForm(forms.Form):
    # Control characters are cleaned, not refused: a NUL or tab pasted along searches the rest.
    q = CleanCharField(
        label="Zoek in de regelgeving",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text='Bijvoorbeeld: mantelzorger, pgb, artikel 2.2 of "eigen bijdrage".',
        error_messages={"max_length": "Gebruik maximaal %(limit_value)d tekens."},
    )
    regeling = forms.ChoiceField(label="Regeling", required=False)
    peildatum = forms.DateField(
        label="Peildatum",
        required=False,
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-01."},
    )
    versies = forms.ChoiceField(label="Versies", required=False, choices=VERSIE_KEUZES)
    wet = forms.ChoiceField(label="Wet", required=False)
    soort = forms.ChoiceField(label="Soort", required=False, choices=SOORT_KEUZES)
    pagina = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        widget=forms.HiddenInput,
        error_messages={"invalid": "Het paginanummer moet een getal zijn."},
    )

    def __init__(self, *args, site: Site | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        regelingen = RegelingPage.objects.live().order_by("title")
        if site is not None:
            regelingen = regelingen.filter(path__startswith=site.root_page.path)
        self.regelingen = {r.slug: r for r in regelingen}
        self.fields["regeling"].choices = [("", "Alle regelingen")] + [
            (slug, r.title) for slug, r in self.regelingen.items()
        ]
        wet_ids = published(site.root_page.path if site is not None else "").wet_ids
        self.wetten = {w.afkorting: w for w in Wet.objects.filter(pk__in=list(wet_ids))}
        self.fields["wet"].choices = [("", "Alle wetten")] + [(a, str(w)) for a, w in self.wetten.items()]
        self.fields["regeling"].error_messages["invalid_choice"] = "Deze regeling bestaat niet."
        self.fields["wet"].error_messages["invalid_choice"] = "Deze wet is niet bekend."
        self.fields["soort"].error_messages["invalid_choice"] = (
            "Kies artikel, begrip, bijlage, onderdeel of toelichting."
        )
        self.fields["versies"].error_messages["invalid_choice"] = "Kies 'alle' of laat leeg."

    def gekozen_filters(self) -> list[str]:
        """The labels of the filters given a value, for the folded filters' summary on a phone."""
        return [f.label for f in self if f.name != "q" and not f.is_hidden and f.value()]

    def zoekvraag(self) -> Zoekvraag:
        data = self.cleaned_data
        return Zoekvraag(
            q=data.get("q") or "",
            peildatum=data.get("peildatum") or timezone.localdate(),
            alle_versies=data.get("versies") == "alle",
            regeling=self.regelingen.get(data.get("regeling") or ""),
            wet=self.wetten.get(data.get("wet") or ""),
            soort=data.get("soort") or "",
            pagina=data.get("pagina") or 1,
            site=self.site,
        )
