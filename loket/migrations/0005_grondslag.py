"""FlowPage.grondslag: where a rule of the flow comes from that the verordening does not state (such as
the minimum age of a panel); a refusal for that rule cites this text instead of an article. Empty on
existing pages: the editors (or setup_demo, for a new demo site) fill it."""

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("loket", "0004_panel_beheer_voor_medewerkers")]

    operations = [
        migrations.AddField(
            model_name="flowpage",
            name="grondslag",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text=(
                    "Sommige formulieren passen een regel toe die de verordening niet noemt, zoals een "
                    "minimumleeftijd. Schrijf hier waar die regel staat (met een link als dat kan). Wie om "
                    "zo'n regel wordt geweigerd, leest deze tekst in plaats van een verwijzing naar een artikel."
                ),
                verbose_name="waar regels buiten de verordening staan",
            ),
        ),
    ]
