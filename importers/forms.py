from django import forms

from regelgeving.models.gemeente import Gemeente

from .xmlsafe import MAX_BYTES


class PublicatieUploadForm(forms.Form):
    gemeente = forms.ModelChoiceField(
        label="Gemeente",
        queryset=Gemeente.objects.none(),
        empty_label=None,
        help_text="De publicaties komen bij deze gemeente. Een publicatie van een andere gemeente "
        "wordt geweigerd.",
    )
    bestand = forms.FileField(
        label="Publicatie",
        help_text="OP-XML (Gemeenteblad), CVDR-XML, STOP-XML, een STOP-downloadpakket als "
        "zip-bestand, de HTML-pagina van officielebekendmakingen.nl of een tekstbestand; "
        "of een zip-bestand met vele publicaties, die elk apart worden geïmporteerd.",
    )
    regeling = forms.SlugField(
        label="Adres van de regeling",
        required=False,
        help_text="Het laatste deel van het webadres van de regeling, zoals verordening-sociaal-domein. "
        "Laat leeg om de regeling af te leiden uit de citeertitel.",
    )
    proef = forms.BooleanField(
        label="Alleen proberen (niets opslaan)",
        required=False,
    )
    opnieuw = forms.BooleanField(
        label="Ook ongewijzigde publicaties opnieuw importeren",
        required=False,
        help_text="Bij een zip-bestand met vele publicaties worden publicaties die al ongewijzigd "
        "geïmporteerd zijn anders overgeslagen.",
    )

    def __init__(self, *args, user, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        gemeenten = Gemeente.van_redacteur(user)  # import for the gemeenten one edits
        self.fields["gemeente"].queryset = gemeenten
        eigen = gemeenten.filter(site=site).first() if site else None
        self.fields["gemeente"].initial = eigen or gemeenten.first()

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_BYTES:
            raise forms.ValidationError(f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB.")
        return bestand
