from django.contrib.auth.management import create_permissions
from django.db import migrations

from profiles.roles import create_editor_group


def forwards(apps, schema_editor):
    # Permissions are normally made after all migrations have run; make this app's now.
    app_config = apps.get_app_config("profiles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    create_editor_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Redacteur").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0003_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
