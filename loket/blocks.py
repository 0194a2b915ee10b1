"""The question types editors build a peiling from (the inwonerspanel)."""

from wagtail import blocks


class VraagBlock(blocks.StructBlock):
    vraag = blocks.CharBlock(label="Vraag", max_length=255)
    toelichting = blocks.CharBlock(label="Toelichting", required=False, max_length=255)
    verplicht = blocks.BooleanBlock(label="Verplicht", required=False, default=True)


class KeuzeBlock(VraagBlock):
    opties = blocks.ListBlock(
        blocks.CharBlock(label="Antwoord", max_length=120), label="Antwoorden", min_num=2
    )


class SchaalBlock(VraagBlock):
    laag = blocks.CharBlock(label="Tekst bij het laagste punt", default="Helemaal mee oneens", max_length=60)
    hoog = blocks.CharBlock(label="Tekst bij het hoogste punt", default="Helemaal mee eens", max_length=60)
    punten = blocks.IntegerBlock(label="Aantal punten", default=5, min_value=3, max_value=10)


class VragenBlock(blocks.StreamBlock):
    enkele_keuze = KeuzeBlock(label="Eén antwoord kiezen", icon="radio-full")
    meerkeuze = KeuzeBlock(label="Meer antwoorden mogelijk", icon="tasks")
    schaal = SchaalBlock(label="Schaal", icon="order")
    korte_tekst = VraagBlock(label="Kort tekstantwoord", icon="pilcrow")
    lange_tekst = VraagBlock(label="Lang tekstantwoord", icon="doc-full")

    class Meta:
        min_num = 1


OPEN_QUESTION_TYPES = ("korte_tekst", "lange_tekst")
