"""Drop the search view while profiles 0007–0009 change the tables under it (catalogue 0004 recreates it).

SQLite rebuilds a table to drop a column, and refuses while a view names that column; PostgreSQL refuses to
drop a column that a view uses.
"""

import importlib

from django.db import migrations

previous = importlib.import_module("catalogue.migrations.0002_search_view")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0002_search_view"),
        ("profiles", "0006_schaal_validators"),
    ]

    operations = [migrations.RunSQL("DROP VIEW IF EXISTS catalogue_searchline", reverse_sql=previous.VIEW)]
