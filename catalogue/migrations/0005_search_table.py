"""The search view becomes a table kept by triggers (catalogue/search_index.py).

The view read every line through a UNION of nine SELECTs at each search, and its indexes were expressions on
the content tables. The table holds each line once, with its folded words; on PostgreSQL a trigram index on
them serves every search, on SQLite an FTS5 trigram table does. The content tables' search indexes go: the
table's index replaces them, and each of them cost every write.
"""

import importlib

import django.db.models.deletion
from django.db import migrations, models

from catalogue import search_index

view_0002 = importlib.import_module("catalogue.migrations.0002_search_view")
view_0004 = importlib.import_module("catalogue.migrations.0004_search_view_lines")

OLD_INDEXES = [f"{table}_fts" for table, _ in view_0002.DOCUMENTS] + [
    f"{table}_trgm" for table, _ in view_0002.DOCUMENTS
]
OLD_INDEXES += [f"{table}_{name}_{kind}" for table, name, _ in view_0004.DOCUMENTS for kind in ("fts", "trgm")]


def drop_view(apps, schema_editor):
    schema_editor.execute("DROP VIEW IF EXISTS catalogue_searchline")
    if schema_editor.connection.vendor == "postgresql":
        for index in OLD_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {index}")


def recreate_view(apps, schema_editor):
    view_0004.forwards(apps, schema_editor)


def install(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        search_index.install(cursor, connection.vendor)


def uninstall(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        search_index.uninstall_triggers(cursor, connection.vendor, search_index.watched_tables())
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TABLE IF EXISTS {search_index.FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0004_search_view_lines"),
        ("profiles", "0011_catalogue_pages"),
    ]

    operations = [
        migrations.RunPython(drop_view, recreate_view),
        migrations.DeleteModel("SearchLine"),
        migrations.CreateModel(
            name="SearchLine",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "anchor",
                    models.CharField(help_text="The line's id on its page: 'typering-12'.", max_length=60, unique=True),
                ),
                ("anchor_prefix", models.CharField(max_length=30)),
                ("source_id", models.BigIntegerField(help_text="The id of the row the line is read from.")),
                (
                    "part",
                    models.CharField(
                        choices=[
                            ("functiegroep", "Functiegroep"),
                            ("resultaat", "Resultaten"),
                            ("gedragsindicator", "Gedragsindicatoren"),
                            ("competentie", "Competenties"),
                            ("kwaliteitenprofiel", "Kwaliteitenprofiel"),
                            ("functietypering", "Functietypering"),
                        ],
                        max_length=30,
                    ),
                ),
                ("section_kind", models.CharField(max_length=40)),
                ("section_label", models.CharField(max_length=200)),
                ("sub_label", models.CharField(max_length=200)),
                ("schaal", models.PositiveSmallIntegerField(null=True)),
                ("text", models.TextField()),
                ("continuation", models.TextField()),
                (
                    "folded",
                    models.TextField(
                        help_text="What is searched: the line and its continuation, folded, one space per gap."
                    ),
                ),
                ("sort_order", models.IntegerField()),
                (
                    "area",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="profiles.resultarea",
                    ),
                ),
                (
                    "competency",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="profiles.competency",
                    ),
                ),
                (
                    "focus_area",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="profiles.focusarea",
                    ),
                ),
                (
                    "group",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="profiles.functiongroup",
                    ),
                ),
            ],
            options={
                "verbose_name": "zoekregel",
                "verbose_name_plural": "zoekregels",
                "db_table": "catalogue_searchline",
                "ordering": ["group__name", models.OrderBy(models.F("schaal"), nulls_first=True), "sort_order"],
                "indexes": [
                    models.Index(fields=["anchor_prefix", "source_id"], name="searchline_source"),
                    models.Index(fields=["schaal"], name="searchline_schaal"),
                    models.Index(fields=["part", "section_kind"], name="searchline_part"),
                ],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
