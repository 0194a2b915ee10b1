"""An article that governs a flow is chosen by number only: the pages show the article's own number
and title from the version in force, so the hand-typed description (which could differ) goes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("loket", "0005_grondslag")]

    operations = [
        migrations.RemoveField(model_name="artikelverwijzing", name="omschrijving"),
        migrations.AlterField(
            model_name="artikelverwijzing",
            name="nummer",
            field=models.CharField(
                help_text=(
                    "Het nummer zoals de regeling het heeft, bijvoorbeeld 2.2. De pagina toont het nummer en "
                    "het opschrift van het artikel uit de versie die op dat moment geldt."
                ),
                max_length=40,
                verbose_name="artikelnummer",
            ),
        ),
    ]
