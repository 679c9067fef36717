import importlib

from django.db import migrations

# The permissions of the models of 0007 are made the way 0004 makes them, and the group is set anew.
editor_group = importlib.import_module("profiles.migrations.0004_editor_group")


class Migration(migrations.Migration):
    dependencies = [("profiles", "0009_fgr_pages_removals")]

    operations = [migrations.RunPython(editor_group.forwards, migrations.RunPython.noop)]
