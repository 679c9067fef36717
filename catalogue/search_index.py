"""The search table's upkeep: which rows it holds, and the database triggers that keep it current.

`catalogue_searchline` holds one row per line a user can find. Its rows are written by triggers on the content
tables, in the same statement, and so in the same transaction, as every write to them: the admin, the importer,
a restore, `loaddata` and plain SQL alike. Each kind of row is a `Branch`: a SELECT over the content tables that
yields the row, written once and used three ways: for the whole table (`rebuild_sql`), for one written row (the
triggers) and for the rows below one written parent (a section's lines when its label or place changes).

`folded` is what is searched: the line and its continuation, folded (lower case, no accents) and reduced to its
words with one space around each (`catalogue_search_text`, defined by `highlight.search_text` on SQLite and by
migration 0005 on PostgreSQL), so that " archief " is a whole word and " archie" the start of one.

No Django imports: `install(cursor, vendor)` runs the statements on a DB-API cursor.
"""

from dataclasses import dataclass

TABLE = "catalogue_searchline"
# SQLite's FTS5 index over `folded`, kept by triggers on TABLE (external content; trigram, so any part of a word).
FTS_TABLE = "catalogue_searchtext"
COLUMNS = (
    "anchor, anchor_prefix, source_id, part, section_kind, section_label, sub_label, group_id, schaal, area_id, "
    "focus_area_id, competency_id, text, continuation, folded, sort_order"
)


@dataclass(frozen=True)
class Branch:
    prefix: str  # the anchor's prefix on the page: "typering" gives "typering-12"
    table: str  # the table of the line itself, aliased `x`
    select: str  # the columns after anchor, anchor_prefix and source_id, in COLUMNS' order
    joins: tuple[tuple[str, str, str], ...] = ()  # (alias, table, condition): the parents the row reads
    where: str = ""

    @property
    def source(self) -> str:
        """The line's table and the parents it reads, joined: "profiles_result x JOIN profiles_resultarea a ON …"."""
        return f"{self.table} x" + "".join(f" JOIN {table} {alias} ON {on}" for alias, table, on in self.joins)

    def sql(self, condition: str = "") -> str:
        conditions = " AND ".join(filter(None, [self.where, condition]))
        return f"SELECT '{self.prefix}-' || x.id, '{self.prefix}', x.id, {self.select} FROM {self.source}" + (
            f" WHERE {conditions}" if conditions else ""
        )


def _document(text: str, continuation: str = "''") -> str:
    return f"{text}, {continuation}, catalogue_search_text({text} || ' ' || {continuation})"


_AREA = (("a", "profiles_resultarea", "a.id = x.area_id"),)
_TYPERING = (
    ("s", "profiles_typeringsection", "s.id = x.section_id"),
    ("t", "profiles_functiontypering", "t.id = s.typering_id"),
)
_PROFILE = (
    ("s", "profiles_qualityprofilesection", "s.id = x.section_id"),
    ("p", "profiles_qualityprofile", "p.id = s.profile_id"),
)

BRANCHES = (
    Branch(
        "functiegroep",
        "profiles_functiongroup",
        f"'functiegroep', '', '', '', x.id, NULL, NULL, NULL, NULL, {_document('x.name')}, 0",
    ),
    Branch(
        "doel",
        "profiles_functiongroup",
        f"'functiegroep', 'doel', 'Doel', '', x.id, NULL, NULL, NULL, NULL, {_document('x.purpose')}, 1",
        where="x.purpose <> ''",
    ),
    Branch(
        "resultaat",
        "profiles_result",
        "'resultaat', '', '', '', x.group_id, NULL, x.area_id, NULL, NULL, "
        f"{_document('x.text', 'x.continuation')}, 1000000 + a.position * 1000 + x.position",
        _AREA,
    ),
    Branch(
        "voorbeelden",
        "profiles_functiongroup",
        "'resultaat', 'voorbeelden', 'Voorbeelden producten en/of diensten', '', x.id, NULL, NULL, NULL, NULL, "
        f"{_document('x.examples')}, 1999999",
        where="x.examples <> ''",
    ),
    Branch(
        "gedragsindicator",
        "profiles_behaviouralindicator",
        "'gedragsindicator', '', '', '', x.group_id, NULL, x.area_id, NULL, NULL, "
        f"{_document('x.text', 'x.continuation')}, 2000000 + a.position * 1000 + x.position",
        _AREA,
    ),
    Branch(
        "competentie",
        "profiles_groupcompetency",
        f"'competentie', '', '', '', x.group_id, NULL, NULL, NULL, x.competency_id, {_document('x.label')}, "
        "3000000 + x.position",
    ),
    Branch(
        "typering",
        "profiles_typeringline",
        "'functietypering', s.kind, s.label, s.sub_area_label, t.group_id, t.schaal, NULL, NULL, NULL, "
        f"{_document('x.text', 'x.continuation')}, 1000000 + s.position * 1000 + x.position",
        _TYPERING,
    ),
    Branch(
        "kwaliteit",
        "profiles_qualityprofileline",
        "'kwaliteitenprofiel', s.kind, s.label, s.focus_area_label, p.group_id, p.schaal, NULL, s.focus_area_id, "
        f"NULL, {_document('x.text', 'x.continuation')}, 2000000 + s.position * 1000 + x.position",
        _PROFILE,
    ),
    Branch(
        "kwaliteitcompetentie",
        "profiles_qualityprofilecompetency",
        "'kwaliteitenprofiel', 'competenties', 'Competenties', '', p.group_id, p.schaal, NULL, NULL, "
        f"x.competency_id, {_document('x.label')}, 2900000 + x.position",
        (("p", "profiles_qualityprofile", "p.id = x.profile_id"),),
    ),
)


def rebuild_sql() -> list[str]:
    """Empty the table and fill it from the content tables."""
    return [f"DELETE FROM {TABLE}"] + [f"INSERT INTO {TABLE} ({COLUMNS}) {branch.sql()}" for branch in BRANCHES]


def watched_tables() -> list[str]:
    """Every table a row is read from, lines and parents alike, in a fixed order."""
    tables = []
    for branch in BRANCHES:
        for table in [branch.table, *(table for _, table, _ in branch.joins)]:
            if table not in tables:
                tables.append(table)
    return tables


def _statements(table: str, updated: bool) -> list[str]:
    """What inserting (or, if `updated`, updating) a row of `table` does to the search table.

    The rows read from the written row itself are written (after removing the old ones on an update), and so are
    the rows of lines below it (a section's lines, an area's results), whose place, label or schaal comes from it.
    A new row has no search rows yet, so an insert removes nothing: bulk loads stay linear.
    """
    statements = []
    for branch in BRANCHES:
        if branch.table == table:
            if updated:
                statements.append(f"DELETE FROM {TABLE} WHERE anchor_prefix = '{branch.prefix}' AND source_id = NEW.id")
            statements.append(f"INSERT INTO {TABLE} ({COLUMNS}) {branch.sql('x.id = NEW.id')}")
        for alias, joined, _ in branch.joins:
            if joined == table:
                if updated:
                    below = f"SELECT x.id FROM {branch.source} WHERE {alias}.id = NEW.id"
                    statements.append(
                        f"DELETE FROM {TABLE} WHERE anchor_prefix = '{branch.prefix}' AND source_id IN ({below})"
                    )
                statements.append(f"INSERT INTO {TABLE} ({COLUMNS}) {branch.sql(f'{alias}.id = NEW.id')}")
    return statements


def _removals(table: str) -> list[str]:
    """What deleting a row of `table` does: its own rows go (rows of lines below go with those lines)."""
    return [
        f"DELETE FROM {TABLE} WHERE anchor_prefix = '{branch.prefix}' AND source_id = OLD.id"
        for branch in BRANCHES
        if branch.table == table
    ]


def _name(table: str) -> str:
    return f"catalogue_search_{table.removeprefix('profiles_')}"


def trigger_sql(vendor: str) -> list[str]:
    """The statements that (re)create every trigger, for 'postgresql' or 'sqlite'."""
    statements = []
    for table in watched_tables():
        name = _name(table)
        inserts, updates, removals = _statements(table, False), _statements(table, True), _removals(table)
        if vendor == "postgresql":
            on_delete, on_insert, on_update = (
                "".join(f"{s};\n" for s in part) for part in (removals, inserts, updates)
            )
            statements.append(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                f"IF TG_OP = 'DELETE' THEN\n{on_delete or 'NULL;'}\nELSIF TG_OP = 'UPDATE' THEN\n{on_update}"
                f"ELSE\n{on_insert}END IF;\nRETURN NULL;\nEND\n$$"
            )
            statements.append(
                f"CREATE OR REPLACE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}()"
            )
        else:
            for event, body in (("insert", inserts), ("update", updates), ("delete", removals)):
                if body:
                    text = "".join(f"{s}; " for s in body)
                    statements.append(
                        f"CREATE TRIGGER IF NOT EXISTS {name}_{event} AFTER {event.upper()} ON {table} BEGIN {text}END"
                    )
    return statements


def drop_trigger_sql(vendor: str, tables) -> list[str]:
    statements = []
    for table in tables:
        name = _name(table)
        if vendor == "postgresql":
            statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            statements.append(f"DROP FUNCTION IF EXISTS {name}()")
        else:
            statements += [f"DROP TRIGGER IF EXISTS {name}_{event}" for event in ("insert", "update", "delete")]
    return statements


def trigger_names(vendor: str) -> set[str]:
    """The triggers trigger_sql creates, by name, to check that none is missing."""
    if vendor == "postgresql":
        return {_name(table) for table in watched_tables()}
    names = set()
    for table in watched_tables():
        events = ("insert", "update", "delete") if _removals(table) else ("insert", "update")
        names |= {f"{_name(table)}_{event}" for event in events}
    return names


# SQLite: a trigram FTS5 index over `folded`, so that any part of a word is found without reading every row.
_FTS_SQLITE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(folded, content='{TABLE}', content_rowid='id', "
    "tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, folded) VALUES (NEW.id, NEW.folded); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, folded) VALUES ('delete', OLD.id, OLD.folded); END",
)
# PostgreSQL: the same text function as highlight.search_text, and a trigram index that serves LIKE '%…%'.
_POSTGRES = (
    "CREATE OR REPLACE FUNCTION catalogue_search_text(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "STRICT AS $$ SELECT ' ' || btrim(regexp_replace(catalogue_fold($1), '[^[:alnum:]_]+', ' ', 'g')) || ' ' $$",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_folded_trgm ON {TABLE} USING gin (folded gin_trgm_ops)",
)


def install(cursor, vendor: str, refill: bool = True) -> None:
    """Create what the search table needs, (re)create the triggers, and fill the table: always if `refill`, else
    only when a trigger was missing (then writes may have gone unrecorded)."""
    missing = trigger_names(vendor) - installed_triggers(cursor, vendor)
    for statement in (*(_POSTGRES if vendor == "postgresql" else _FTS_SQLITE), *trigger_sql(vendor)):
        cursor.execute(statement)
    if refill or missing:
        rebuild(cursor, vendor)


def installed_triggers(cursor, vendor: str) -> set[str]:
    if vendor == "postgresql":
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'catalogue\\_search\\_%%'")
    else:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'catalogue_search_%'")
    return {name for (name,) in cursor.fetchall()}


def rebuild(cursor, vendor: str) -> None:
    for statement in rebuild_sql():
        cursor.execute(statement)
    if vendor == "sqlite":
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def uninstall_triggers(cursor, vendor: str, existing_tables) -> None:
    """Drop the triggers, before migrations change the tables under them (SQLite rebuilds a table to alter it)."""
    watched = [table for table in watched_tables() if table in existing_tables]
    for statement in drop_trigger_sql(vendor, watched):
        cursor.execute(statement)
