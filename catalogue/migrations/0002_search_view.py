"""The search view over every line of the catalogue, and on PostgreSQL the indexes that make it fast.

The view's SQL is plain enough for both PostgreSQL and SQLite. Every column has one type in all branches
(hence the casts): only then does PostgreSQL push a search condition down into each branch. On PostgreSQL, full-text search uses the
`dutch` configuration over accent-folded text, and near forms are found by trigram word similarity; both
are backed by expression indexes on the base tables, written exactly as catalogue/search.py queries them.

A later migration that rebuilds one of these tables on SQLite must drop and recreate the view around it.
"""

from django.db import migrations

VIEW = """
CREATE VIEW catalogue_searchline AS
SELECT 'functiegroep-' || g.id AS id, 'functiegroep' AS anchor_prefix, 'functiegroep' AS part,
       '' AS section_kind, '' AS section_label, '' AS sub_label, g.id AS group_id,
       CAST(NULL AS integer) AS schaal, CAST(NULL AS bigint) AS area_id, CAST(NULL AS bigint) AS focus_area_id,
       CAST(NULL AS bigint) AS competency_id, CAST(g.name AS text) AS text, '' AS continuation,
       CAST(g.name AS text) AS document, 0 AS sort_order
  FROM profiles_functiongroup g
UNION ALL
SELECT 'resultaat-' || r.id, 'resultaat', 'resultaat', '', '', '', r.group_id, NULL, r.area_id, NULL, NULL,
       r.text, r.continuation, r.text || ' ' || r.continuation, 1000000 + a.position * 1000 + r.position
  FROM profiles_result r JOIN profiles_resultarea a ON a.id = r.area_id
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
SELECT 'intro-' || s.id, 'intro', 'functietypering', CAST(s.kind AS text), CAST(s.label AS text),
       CAST(s.sub_area_label AS text), t.group_id, CAST(t.schaal AS integer), NULL, NULL, NULL, s.intro, '',
       s.intro, 1000000 + s.position * 1000
  FROM profiles_typeringsection s JOIN profiles_functiontypering t ON t.id = s.typering_id
 WHERE s.intro <> ''
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

# (table, the expression the view's `document` column has for it)
DOCUMENTS = [
    ("profiles_functiongroup", "CAST(name AS text)"),
    ("profiles_result", "text || ' ' || continuation"),
    ("profiles_behaviouralindicator", "text || ' ' || continuation"),
    ("profiles_groupcompetency", "CAST(label AS text)"),
    ("profiles_typeringline", "text || ' ' || continuation"),
    ("profiles_typeringsection", "intro"),
    ("profiles_qualityprofileline", "text || ' ' || continuation"),
    ("profiles_qualityprofilecompetency", "CAST(label AS text)"),
]

POSTGRES_FUNCTIONS = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- unaccent() is only STABLE; an IMMUTABLE wrapper with a fixed dictionary can be indexed.
CREATE OR REPLACE FUNCTION catalogue_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
"""


def postgres_indexes() -> str:
    statements = []
    for table, document in DOCUMENTS:
        statements.append(
            f"CREATE INDEX {table}_fts ON {table} USING gin "
            f"(to_tsvector('dutch'::regconfig, catalogue_fold({document})));"
        )
        statements.append(f"CREATE INDEX {table}_trgm ON {table} USING gin (catalogue_fold({document}) gin_trgm_ops);")
    return "\n".join(statements)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTIONS)
        schema_editor.execute(postgres_indexes())
    schema_editor.execute(VIEW)


def backwards(apps, schema_editor):
    schema_editor.execute("DROP VIEW IF EXISTS catalogue_searchline")
    if schema_editor.connection.vendor == "postgresql":
        for table, _ in DOCUMENTS:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_fts")
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_trgm")
        schema_editor.execute("DROP FUNCTION IF EXISTS catalogue_fold(text)")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_search_line")]

    operations = [migrations.RunPython(forwards, backwards)]
