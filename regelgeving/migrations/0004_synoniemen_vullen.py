"""A first synonym list for search, from the words in the Lochem verordening; editors extend it."""

from django.db import migrations

SYNONIEMEN = [
    ("pgb", "persoonsgebonden budget"),
    ("zin", "zorg in natura"),
    ("ggz", "geestelijke gezondheidszorg"),
    ("bsn", "burgerservicenummer"),
    ("aow", "algemene ouderdomswet"),
    ("wlz", "wet langdurige zorg"),
    ("adl", "algemene dagelijkse levensverrichtingen"),
    ("huishoudelijke hulp", "hulp bij het huishouden"),
    ("bijstand", "bijstandsuitkering"),
    ("mantelzorgwaardering", "mantelzorgcompliment"),
    ("rolstoel", "vervoersvoorziening"),
    ("woningaanpassing", "aanpassing van de woning"),
    ("clientondersteuner", "cliëntondersteuning"),
]


def vullen(apps, schema_editor):
    Synoniem = apps.get_model("regelgeving", "Synoniem")
    for term, synoniem in SYNONIEMEN:
        Synoniem.objects.get_or_create(term=term, synoniem=synoniem)


def legen(apps, schema_editor):
    Synoniem = apps.get_model("regelgeving", "Synoniem")
    for term, synoniem in SYNONIEMEN:
        Synoniem.objects.filter(term=term, synoniem=synoniem).delete()


class Migration(migrations.Migration):
    dependencies = [("regelgeving", "0003_synoniemen")]

    operations = [migrations.RunPython(vullen, legen)]
