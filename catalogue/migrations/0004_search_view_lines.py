"""The search view again, over the tables as profiles 0009 leaves them.

Intro lines are typering lines now (they were a field of the section), so the view's branch for them goes;
a group's purpose and its "Voorbeelden producten en/of diensten" are searched too. The columns and their
types are those of migration 0002, and so are the `document` expressions of the tables that have indexes.
"""

import importlib

from django.db import migrations

previous = importlib.import_module("catalogue.migrations.0002_search_view")

VIEW = """
CREATE VIEW catalogue_searchline AS
SELECT 'functiegroep-' || g.id AS id, 'functiegroep' AS anchor_prefix, 'functiegroep' AS part,
       '' AS section_kind, '' AS section_label, '' AS sub_label, g.id AS group_id,
       CAST(NULL AS integer) AS schaal, CAST(NULL AS bigint) AS area_id, CAST(NULL AS bigint) AS focus_area_id,
       CAST(NULL AS bigint) AS competency_id, CAST(g.name AS text) AS text, '' AS continuation,
       CAST(g.name AS text) AS document, 0 AS sort_order
  FROM profiles_functiongroup g
UNION ALL
SELECT 'doel-' || g.id, 'doel', 'functiegroep', 'doel', 'Doel', '', g.id, NULL, NULL, NULL, NULL,
       g.purpose, '', g.purpose, 1
  FROM profiles_functiongroup g
 WHERE g.purpose <> ''
UNION ALL
SELECT 'resultaat-' || r.id, 'resultaat', 'resultaat', '', '', '', r.group_id, NULL, r.area_id, NULL, NULL,
       r.text, r.continuation, r.text || ' ' || r.continuation, 1000000 + a.position * 1000 + r.position
  FROM profiles_result r JOIN profiles_resultarea a ON a.id = r.area_id
UNION ALL
SELECT 'voorbeelden-' || g.id, 'voorbeelden', 'resultaat', 'voorbeelden', 'Voorbeelden producten en/of diensten',
       '', g.id, NULL, NULL, NULL, NULL, g.examples, '', g.examples, 1999999
  FROM profiles_functiongroup g
 WHERE g.examples <> ''
UNION ALL
SELECT 'gedragsindicator-' || b.id, 'gedragsindicator', 'gedragsindicator', '', '', '', b.group_id, NULL,
       b.area_id, NULL, NULL, b.text, b.continuation, b.text || ' ' || b.continuation,
       2000000 + a.position * 1000 + b.position
  FROM profiles_behaviouralindicator b JOIN profiles_resultarea a ON a.id = b.area_id
UNION ALL
SELECT 'competentie-' || c.id, 'competentie', 'competentie', '', '', '', c.group_id, NULL, NULL, NULL,
       c.competency_id, CAST(c.label AS text), '', CAST(c.label AS text), 3000000 + c.position
  FROM profiles_groupcompetency c
UNION ALL
SELECT 'typering-' || l.id, 'typering', 'functietypering', CAST(s.kind AS text), CAST(s.label AS text),
       CAST(s.sub_area_label AS text), t.group_id, CAST(t.schaal AS integer), NULL, NULL, NULL, l.text,
       l.continuation, l.text || ' ' || l.continuation, 1000000 + s.position * 1000 + l.position
  FROM profiles_typeringline l
  JOIN profiles_typeringsection s ON s.id = l.section_id
  JOIN profiles_functiontypering t ON t.id = s.typering_id
UNION ALL
SELECT 'kwaliteit-' || l.id, 'kwaliteit', 'kwaliteitenprofiel', CAST(s.kind AS text), CAST(s.label AS text),
       CAST(s.focus_area_label AS text), p.group_id, CAST(p.schaal AS integer), NULL, s.focus_area_id, NULL,
       l.text, l.continuation, l.text || ' ' || l.continuation, 2000000 + s.position * 1000 + l.position
  FROM profiles_qualityprofileline l
  JOIN profiles_qualityprofilesection s ON s.id = l.section_id
  JOIN profiles_qualityprofile p ON p.id = s.profile_id
UNION ALL
SELECT 'kwaliteitcompetentie-' || c.id, 'kwaliteitcompetentie', 'kwaliteitenprofiel', 'competenties',
       'Competenties', '', p.group_id, CAST(p.schaal AS integer), NULL, NULL, c.competency_id,
       CAST(c.label AS text), '', CAST(c.label AS text), 2900000 + c.position
  FROM profiles_qualityprofilecompetency c JOIN profiles_qualityprofile p ON p.id = c.profile_id
"""


# The new branches' documents, indexed on PostgreSQL as migration 0002 indexes the others.
DOCUMENTS = [("profiles_functiongroup", "purpose", "purpose"), ("profiles_functiongroup", "examples", "examples")]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table, name, document in DOCUMENTS:
            schema_editor.execute(
                f"CREATE INDEX {table}_{name}_fts ON {table} USING gin "
                f"(to_tsvector('dutch'::regconfig, catalogue_fold({document})));"
            )
            schema_editor.execute(
                f"CREATE INDEX {table}_{name}_trgm ON {table} USING gin (catalogue_fold({document}) gin_trgm_ops);"
            )
    schema_editor.execute(VIEW)


def backwards(apps, schema_editor):
    schema_editor.execute("DROP VIEW IF EXISTS catalogue_searchline")
    if schema_editor.connection.vendor == "postgresql":
        for table, name, _ in DOCUMENTS:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_{name}_fts")
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_{name}_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0003_drop_search_view"),
        ("profiles", "0009_fgr_pages_removals"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
