"""Names, addresses and e-mail addresses are normalised before they are hashed (loket/identity.py),
with LOKET_INDEX_KEY instead of SECRET_KEY: every stored recognition key is computed anew from
the decrypted data, by the code `manage.py sleutels_vernieuwen` runs. Submissions that now turn
out to be the same person in one year keep the key only on the earliest.
"""

from django.db import migrations


def recompute(apps, schema_editor):
    from loket.rekeying import Renewal, recompute_recognition_keys

    recompute_recognition_keys(apps, Renewal())


class Migration(migrations.Migration):
    dependencies = [("loket", "0008_versleutelde_peilingantwoorden")]

    # Going back leaves the keys as they are: the earlier code recognises fewer spellings, never more.
    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
