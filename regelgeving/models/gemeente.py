"""A gemeente is a tenant: one Wagtail Site with its own host name and page tree, and this
setting with what the pages, mails and imports say about it (name, CBS code, loket, panel,
kernen, house style). Nothing in code or templates names a gemeente; everything reads it here."""

from __future__ import annotations

import re

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

CBS_CODE = RegexValidator(r"^gm\d{4}$", "Een CBS-code is 'gm' met vier cijfers, zoals gm1859.")
KLEUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Een kleur is # met zes hexadecimale cijfers, zoals #1d5e8f.")


@register_setting(icon="home")
class Gemeente(BaseSiteSetting):
    naam = models.CharField("naam", max_length=80, help_text="Zonder 'gemeente', zoals 'Zutphen'.")
    cbs_code = models.CharField(
        "CBS-code",
        max_length=6,
        validators=[CBS_CODE],
        help_text="De code waarmee publicaties de gemeente noemen (TOOI, AKN), zoals gm1859.",
    )
    loket_naam = models.CharField(
        "naam van het loket", max_length=80, blank=True, help_text="Zoals inwoners het loket kennen."
    )
    loket_omschrijving = models.CharField(
        "waarvoor het loket er is", max_length=160, blank=True, default="voor zorg, jeugd, werk en inkomen"
    )
    telefoon = models.CharField("telefoonnummer van het loket", max_length=40, blank=True)
    email = models.EmailField("e-mailadres van het loket", blank=True)
    bezoekadres = models.CharField("bezoekadres van het loket", max_length=255, blank=True)
    panel_naam = models.CharField(
        "naam van het inwonerspanel", max_length=80, blank=True, help_text="Zoals 'Heemstede denkt mee'."
    )
    kernen = models.TextField(
        "kernen",
        blank=True,
        help_text="De dorpen en wijken waarnaar het panel leden indeelt, één per regel. "
        "Het buitengebied mag er ook bij.",
    )
    kleur = models.CharField(
        "huisstijlkleur",
        max_length=7,
        default="#1d5e8f",
        validators=[KLEUR],
        help_text="Kop, knoppen en links.",
    )
    kleur_donker = models.CharField(
        "donkere huisstijlkleur",
        max_length=7,
        default="#163f60",
        validators=[KLEUR],
        help_text="Voor aanwijzen en de voettekst; genoeg contrast met wit.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leeg: de naam van de gemeente in de kop.",
    )
    redacteuren = models.ForeignKey(
        Group,
        verbose_name="groep redacteuren",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    medewerkers = models.ForeignKey(
        Group,
        verbose_name="groep medewerkers",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel([FieldPanel("naam"), FieldPanel("cbs_code")], heading="Gemeente"),
        MultiFieldPanel(
            [
                FieldPanel("loket_naam"),
                FieldPanel("loket_omschrijving"),
                FieldPanel("telefoon"),
                FieldPanel("email"),
                FieldPanel("bezoekadres"),
            ],
            heading="Loket",
        ),
        MultiFieldPanel([FieldPanel("panel_naam"), FieldPanel("kernen")], heading="Inwonerspanel"),
        MultiFieldPanel(
            [FieldPanel("kleur"), FieldPanel("kleur_donker"), FieldPanel("logo")], heading="Huisstijl"
        ),
        MultiFieldPanel(
            [FieldPanel("redacteuren", read_only=True), FieldPanel("medewerkers", read_only=True)],
            heading="Toegang",
        ),
    ]

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        constraints = [
            models.UniqueConstraint(
                fields=["cbs_code"], condition=~models.Q(cbs_code=""), name="gemeente_cbs_code_uniek"
            )
        ]

    def __str__(self) -> str:
        return self.volledige_naam

    def clean(self):
        super().clean()
        self.cbs_code = self.cbs_code.lower()
        fouten = {}
        if Gemeente.objects.filter(cbs_code=self.cbs_code).exclude(pk=self.pk).exists():
            fouten["cbs_code"] = "Een andere gemeente in deze installatie heeft die CBS-code al."
        for veld in ("kleur", "kleur_donker"):
            kleur = getattr(self, veld)
            # White text sits on these colours (header, buttons): WCAG 1.4.3 asks 4.5:1.
            if re.fullmatch(r"#[0-9a-fA-F]{6}", kleur) and contrast_met_wit(kleur) < 4.5:
                fouten[veld] = (
                    f"Witte tekst op {kleur} heeft te weinig contrast ({contrast_met_wit(kleur):.1f}:1, "
                    "minstens 4,5:1 nodig). Kies een donkerder kleur."
                )
        if fouten:
            raise ValidationError(fouten)

    @property
    def volledige_naam(self) -> str:
        return f"Gemeente {self.naam}" if self.naam else "Gemeente"

    @property
    def slug(self) -> str:
        """How commands name the gemeente (`--gemeente heemstede`)."""
        return slugify(self.naam)

    @property
    def telefoon_uri(self) -> str:
        """`tel:` address of the loket's number: Dutch numbers in international form."""
        digits = re.sub(r"[^0-9+]", "", self.telefoon)
        if digits.startswith("0") and not digits.startswith("00"):
            digits = "+31" + digits[1:]
        return f"tel:{digits}" if digits else ""

    def kern_keuzes(self) -> list[tuple[str, str]]:
        """The kernen as form choices: (slug, name), in the editor's order."""
        namen = [regel.strip() for regel in self.kernen.splitlines() if regel.strip()]
        return [(slugify(naam)[:20], naam) for naam in namen]

    @classmethod
    def van_redacteur(cls, user):
        """The gemeenten whose pages this user may edit: all for a superuser, else those whose
        editors' group the user is in."""
        gemeenten = cls.objects.select_related("site").exclude(naam="").order_by("naam")
        return gemeenten if user.is_superuser else gemeenten.filter(redacteuren__user=user)

    def heet(self, term: str) -> bool:
        """Whether `term` names this gemeente: its CBS code, slug or name (any case)."""
        return term.strip().lower() in {self.cbs_code, self.slug, self.naam.lower()}

    @classmethod
    def zoek(cls, term: str) -> Gemeente | None:
        """The gemeente a command names (see `heet`)."""
        return next(
            (gemeente for gemeente in cls.objects.select_related("site") if gemeente.heet(term)), None
        )


def contrast_met_wit(kleur: str) -> float:
    """WCAG contrast ratio of white text on a #rrggbb colour."""

    def kanaal(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (kanaal(kleur[i : i + 2]) for i in (1, 3, 5))
    luminantie = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminantie + 0.05)
