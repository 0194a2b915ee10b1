"""A mantelzorger is recognised by more than the typed name: submissions keep their yearly keys in
InzendingSleutel (several per submission) instead of the one column Inzending.uniek_per_jaar.

The key stored so far (name and birth date) is copied as it was, so this year's submissions still
block a second one. Mantelzorgcompliment submissions also get the key of birth date and address,
computed from their (decrypted) answers by the code the flow itself uses: a key only recognises
someone when it equals what the flow computes. Where two submissions of one year already share a
key, the earlier keeps it.
"""

import django.db.models.deletion
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations, models

COMPLIMENT = "mantelzorgcompliment"


def copy_and_add_keys(apps, schema_editor):
    from loket.flows.mantelzorgcompliment import yearly_keys

    Inzending = apps.get_model("loket", "Inzending")
    InzendingSleutel = apps.get_model("loket", "InzendingSleutel")
    taken: set[tuple[str, int, str]] = set()
    rows = []

    def keep(pk, flow, jaar, sleutel):
        if (flow, jaar, sleutel) not in taken:
            taken.add((flow, jaar, sleutel))
            rows.append(InzendingSleutel(inzending_id=pk, flow=flow, jaar=jaar, sleutel=sleutel))

    submissions = Inzending.objects.filter(jaar__isnull=False).order_by("ingediend_op", "pk")
    for pk, flow, jaar, sleutel in submissions.values_list("pk", "flow", "jaar", "uniek_per_jaar"):
        if sleutel:
            keep(pk, flow, jaar, sleutel)
        if flow != COMPLIMENT:
            continue
        try:
            keys = yearly_keys(Inzending.objects.get(pk=pk).gegevens["mantelzorger"])
        except (ImproperlyConfigured, KeyError, TypeError, AttributeError):
            continue  # answers that cannot be read keep the key they had
        for key in keys:
            keep(pk, flow, jaar, key)
    InzendingSleutel.objects.bulk_create(rows, batch_size=500)


def restore_one_key(apps, schema_editor):
    """Back to one key a submission: the first a flow gave, which is the one the column held."""
    Inzending = apps.get_model("loket", "Inzending")
    InzendingSleutel = apps.get_model("loket", "InzendingSleutel")
    first: dict[int, str] = {}
    for inzending_id, sleutel in InzendingSleutel.objects.order_by("pk").values_list("inzending_id", "sleutel"):
        first.setdefault(inzending_id, sleutel)
    for inzending_id, sleutel in first.items():
        Inzending.objects.filter(pk=inzending_id).update(uniek_per_jaar=sleutel)


class Migration(migrations.Migration):
    dependencies = [("loket", "0006_artikel_zonder_omschrijving")]

    operations = [
        migrations.CreateModel(
            name="InzendingSleutel",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("flow", models.CharField(max_length=40)),
                ("jaar", models.PositiveIntegerField()),
                ("sleutel", models.CharField(max_length=64)),
                (
                    "inzending",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sleutels",
                        to="loket.inzending",
                    ),
                ),
            ],
            options={"verbose_name": "herkenningssleutel", "verbose_name_plural": "herkenningssleutels"},
        ),
        migrations.AddConstraint(
            model_name="inzendingsleutel",
            constraint=models.UniqueConstraint(
                fields=("flow", "jaar", "sleutel"), name="een_sleutel_per_flow_per_jaar"
            ),
        ),
        migrations.RunPython(copy_and_add_keys, restore_one_key),
        migrations.RemoveConstraint(model_name="inzending", name="een_per_persoon_per_jaar"),
        migrations.RemoveField(model_name="inzending", name="uniek_per_jaar"),
    ]
