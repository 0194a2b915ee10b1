"""The loket serves any gemeente (issue 17).

- The panel flow gets a neutral slug; a mantelzorgcompliment answer a neutral field name.
- The loket page's phone, e-mail and address go: the gemeente's setting has them (a value the
  setting lacks is copied into it first).
- Panel members, their contact rows and population shares belong to a gemeente: existing rows
  to the default site's.
- The staff group of the single-gemeente installation becomes that gemeente's `medewerkers`.
"""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models

OUDE_FLOW, NIEUWE_FLOW = "lochem_spreekt", "inwonerspanel"
OUD_VELD, NIEUW_VELD = "woont_in_lochem", "woont_in_gemeente"
OUDE_GROEP = "Medewerkers 't Baken"
CONTACT = ("telefoon", "email", "bezoekadres")


def _standaard_gemeente(apps):
    Site = apps.get_model("wagtailcore", "Site")
    Gemeente = apps.get_model("regelgeving", "Gemeente")
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()
    if site is None:
        return None
    naam = (site.site_name or "").removeprefix("Gemeente ").strip()
    return Gemeente.objects.get_or_create(site=site, defaults={"naam": naam, "cbs_code": ""})[0]


def flow_hernoemen(apps, schema_editor, van=OUDE_FLOW, naar=NIEUWE_FLOW):
    apps.get_model("loket", "FlowPage").objects.filter(flow=van).update(flow=naar)
    apps.get_model("loket", "Inzending").objects.filter(flow=van).update(flow=naar)
    apps.get_model("loket", "InzendingSleutel").objects.filter(flow=van).update(flow=naar)


def flow_terug(apps, schema_editor):
    flow_hernoemen(apps, schema_editor, NIEUWE_FLOW, OUDE_FLOW)


def antwoord_hernoemen(apps, schema_editor, van=OUD_VELD, naar=NIEUW_VELD):
    Inzending = apps.get_model("loket", "Inzending")
    for inzending in Inzending.objects.filter(flow="mantelzorgcompliment").iterator():
        geschiktheid = (inzending.gegevens or {}).get("geschiktheid") or {}
        if van in geschiktheid:
            geschiktheid[naar] = geschiktheid.pop(van)
            inzending.save(update_fields=["gegevens"])


def antwoord_terug(apps, schema_editor):
    antwoord_hernoemen(apps, schema_editor, NIEUW_VELD, OUD_VELD)


def contact_naar_gemeente(apps, schema_editor):
    """A loket page's contact details fill the empty fields of its site's Gemeente setting."""
    LoketPage = apps.get_model("loket", "LoketPage")
    Site = apps.get_model("wagtailcore", "Site")
    Gemeente = apps.get_model("regelgeving", "Gemeente")
    sites = list(Site.objects.select_related("root_page"))
    for loket in LoketPage.objects.all():
        site = next((s for s in sites if loket.path.startswith(s.root_page.path)), None)
        if site is None:
            continue
        naam = (site.site_name or "").removeprefix("Gemeente ").strip()
        gemeente = Gemeente.objects.get_or_create(site=site, defaults={"naam": naam, "cbs_code": ""})[0]
        changed = [veld for veld in CONTACT if getattr(loket, veld) and not getattr(gemeente, veld)]
        for veld in changed:
            setattr(gemeente, veld, getattr(loket, veld))
        if changed:
            gemeente.save(update_fields=changed)


def rijen_naar_standaard_gemeente(apps, schema_editor):
    modellen = [apps.get_model("loket", naam) for naam in ("Panellid", "PanelContact", "Bevolkingsaandeel")]
    if not any(model.objects.filter(gemeente__isnull=True).exists() for model in modellen):
        return
    gemeente = _standaard_gemeente(apps)
    for model in modellen:
        model.objects.filter(gemeente__isnull=True).update(gemeente=gemeente)


def medewerkers_van_standaard_gemeente(apps, schema_editor):
    """An installation that served one gemeente: its staff group becomes that gemeente's. A new
    installation (no gemeente named yet) drops the unused group: each gemeente gets its own."""
    groep = apps.get_model("auth", "Group").objects.filter(name=OUDE_GROEP).first()
    if groep is None:
        return
    gemeente = _standaard_gemeente(apps)
    if gemeente is not None and gemeente.naam and gemeente.medewerkers_id is None:
        gemeente.medewerkers = groep
        gemeente.save(update_fields=["medewerkers"])
    elif (gemeente is None or not gemeente.naam) and not groep.user_set.exists():
        groep.delete()


def _gemeente_fk(null):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.CASCADE,
        related_name="+",
        to="regelgeving.gemeente",
        verbose_name="gemeente",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("loket", "0010_inzending_spoed"),
        ("regelgeving", "0019_gemeente"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(flow_hernoemen, flow_terug),
        migrations.AlterField(
            model_name="flowpage",
            name="flow",
            field=models.CharField(
                choices=[
                    ("melding", "Melding: ondersteuning vragen"),
                    ("mantelzorgcompliment", "Mantelzorgcompliment"),
                    ("inwonerspanel", "Inwonerspanel: aanmelden"),
                ],
                max_length=40,
                verbose_name="formulier",
            ),
        ),
        migrations.AlterField(
            model_name="flowpage",
            name="notificatie_email",
            field=models.EmailField(
                blank=True,
                help_text=(
                    "Krijgt bij elke inzending een bericht met het referentienummer (zonder persoonsgegevens). "
                    "Leeg: het e-mailadres van het loket (Instellingen > Gemeente)."
                ),
                max_length=254,
                verbose_name="e-mail voor meldingen aan het loket",
            ),
        ),
        migrations.RunPython(antwoord_hernoemen, antwoord_terug),
        migrations.RunPython(contact_naar_gemeente, migrations.RunPython.noop),
        migrations.RemoveField(model_name="loketpage", name="telefoon"),
        migrations.RemoveField(model_name="loketpage", name="email"),
        migrations.RemoveField(model_name="loketpage", name="bezoekadres"),
        migrations.AlterField(
            model_name="loketpage",
            name="bereikbaarheid",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="Telefoonnummer, e-mailadres en bezoekadres staan bij Instellingen > Gemeente.",
                verbose_name="bereikbaarheid",
            ),
        ),
        migrations.AddField(model_name="panellid", name="gemeente", field=_gemeente_fk(True)),
        migrations.AddField(model_name="panelcontact", name="gemeente", field=_gemeente_fk(True)),
        migrations.AddField(model_name="bevolkingsaandeel", name="gemeente", field=_gemeente_fk(True)),
        migrations.RunPython(rijen_naar_standaard_gemeente, migrations.RunPython.noop),
        migrations.AlterField(model_name="panellid", name="gemeente", field=_gemeente_fk(False)),
        migrations.AlterField(model_name="panelcontact", name="gemeente", field=_gemeente_fk(False)),
        migrations.AlterField(model_name="bevolkingsaandeel", name="gemeente", field=_gemeente_fk(False)),
        migrations.AlterField(
            model_name="panellid", name="kern", field=models.CharField(max_length=20, verbose_name="kern")
        ),
        migrations.AlterField(model_name="respons", name="kern", field=models.CharField(max_length=20)),
        migrations.AlterField(
            model_name="panelcontact", name="email_index", field=models.CharField(max_length=64)
        ),
        migrations.AddConstraint(
            model_name="panelcontact",
            constraint=models.UniqueConstraint(
                fields=("gemeente", "email_index"), name="een_lid_per_adres_per_gemeente"
            ),
        ),
        migrations.RemoveConstraint(model_name="bevolkingsaandeel", name="een_aandeel_per_groep"),
        migrations.AddConstraint(
            model_name="bevolkingsaandeel",
            constraint=models.UniqueConstraint(
                fields=("gemeente", "dimensie", "waarde"), name="een_aandeel_per_groep"
            ),
        ),
        migrations.AlterModelOptions(
            name="bevolkingsaandeel",
            options={
                "ordering": ["gemeente", "dimensie", "waarde"],
                "verbose_name": "bevolkingsaandeel",
                "verbose_name_plural": "bevolkingsaandelen",
            },
        ),
        migrations.AlterModelOptions(
            name="panellid",
            options={
                "permissions": [
                    ("beheer_panel", "Kan het inwonerspanel beheren (overzicht, uitnodigen, resultaten)")
                ],
                "verbose_name": "panellid",
                "verbose_name_plural": "panelleden",
            },
        ),
        migrations.RunPython(medewerkers_van_standaard_gemeente, migrations.RunPython.noop),
    ]
