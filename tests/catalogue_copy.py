"""The default catalogue for tests: loaded by `setup_catalogue` once per test session, then copied back.

`setup_catalogue` (loaddata plus a first history version of every row) takes about half a second, and several
hundred tests start from the default catalogue. The first load in a session records which rows it added or
changed, table by table; later tests get exactly those rows back with plain INSERTs in their own transaction. The
search table is left out: its triggers write it from the inserted rows, as they do for loaddata. Tests that
commit (`live_catalogue`) get the catalogue's tables back whole (LiveCatalogue), since Django empties them after each.
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from catalogue.search_index import TABLE as SEARCH_TABLE


def _models() -> list[type]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table != SEARCH_TABLE and not model._meta.proxy and model._meta.managed
    ]


def _rows(cursor, table: str) -> tuple[list[str], set[tuple]]:
    cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
    return [column[0] for column in cursor.description], set(cursor.fetchall())


class CatalogueCopy:
    def __init__(self):
        self.tables: list[tuple[type, list[str], list[tuple]]] | None = None

    def load(self, stdout) -> None:
        if self.tables is None:
            self.tables = self._load_and_record(stdout)
        else:
            self._copy_back()

    def _load_and_record(self, stdout) -> list:
        with connection.cursor() as cursor:
            before = {model: _rows(cursor, model._meta.db_table)[1] for model in _models()}
            call_command("setup_catalogue", stdout=stdout)
            tables = []
            for model in _models():
                columns, after = _rows(cursor, model._meta.db_table)
                if added := sorted(after - before[model], key=repr):
                    tables.append((model, columns, added))
        return tables

    def _copy_back(self) -> None:
        with connection.cursor() as cursor:
            for model, columns, rows in self.tables:
                table, pk = (connection.ops.quote_name(name) for name in (model._meta.db_table, model._meta.pk.column))
                key = columns.index(model._meta.pk.column)
                # Rows loaddata changed rather than added (a content version, say): replaced whole.
                cursor.execute(
                    f"DELETE FROM {table} WHERE {pk} IN ({', '.join(['%s'] * len(rows))})", [r[key] for r in rows]
                )
            _insert(cursor, self.tables)


class LiveCatalogue:
    """The same for tests that commit (a live server): after each such test Django empties every table, so the
    catalogue's apps are put back whole, reference rows included, in one transaction (the foreign keys are
    checked at its end)."""

    APPS = ("profiles", "catalogue")

    def __init__(self, load):
        self._load = load
        self.tables: list[tuple[type, list[str], list[tuple]]] | None = None

    def load(self) -> None:
        models = [model for model in _models() if model._meta.app_label in self.APPS]
        if self.tables is None:
            # Whole tables are recorded: whatever a fixture had put in them before would be in every later test.
            assert not apps.get_model("profiles", "FunctionFamily").objects.exists(), "load the live catalogue first"
            self._load()  # committed as the commands commit, so that the content version is raised too
            with connection.cursor() as cursor:
                self.tables = [(model, *_ordered(_rows(cursor, model._meta.db_table))) for model in models]
            return
        with transaction.atomic(), connection.cursor() as cursor:
            for model in models:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
            _insert(cursor, self.tables)


def _ordered(rows: tuple[list[str], set[tuple]]) -> tuple[list[str], list[tuple]]:
    columns, found = rows
    return columns, sorted(found, key=repr)


def _insert(cursor, tables) -> None:
    for model, columns, rows in tables:
        if rows:
            table = connection.ops.quote_name(model._meta.db_table)
            names = ", ".join(connection.ops.quote_name(column) for column in columns)
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})", rows)
    for statement in connection.ops.sequence_reset_sql(no_style(), [model for model, _, _ in tables]):
        cursor.execute(statement)
