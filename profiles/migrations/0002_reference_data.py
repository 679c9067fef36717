from django.db import migrations

from profiles.reference_data import create_reference_data


def forwards(apps, schema_editor):
    create_reference_data(apps.get_model("profiles", "ResultArea"), apps.get_model("profiles", "Characteristic"))


class Migration(migrations.Migration):
    dependencies = [("profiles", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
