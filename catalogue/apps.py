from django.apps import AppConfig
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate


def _register_sqlite_functions(sender, connection, **kwargs):
    # PostgreSQL gets catalogue_search_text() from a migration; SQLite gets the same function from Python, so
    # that the search table's triggers are the same SQL on both.
    if connection.vendor == "sqlite":
        from catalogue.highlight import search_text

        connection.connection.create_function("catalogue_search_text", 1, search_text, deterministic=True)


def _drop_search_triggers(sender, using, plan, **kwargs):
    # Migrations may rebuild or alter the tables the triggers read (SQLite rebuilds a table to alter it, and
    # refuses while a trigger names a column it drops); the triggers come back after them, see below.
    if not plan:
        return
    from catalogue import search_index

    connection = connections[using]
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        search_index.uninstall_triggers(cursor, connection.vendor, existing)


def _install_search_triggers(sender, using, plan=None, **kwargs):
    """After `migrate` (and `flush`): the triggers as the code defines them, and the search table refilled when
    migrations ran or a trigger was missing."""
    from catalogue import search_index

    connection = connections[using]
    if search_index.TABLE not in connection.introspection.table_names():
        return  # migrated back to before the table
    # One transaction: while the table is refilled, searches on a running site still see the old rows.
    with transaction.atomic(using=using), connection.cursor() as cursor:
        search_index.install(cursor, connection.vendor, refill=bool(plan))


class CatalogueConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "catalogue"
    verbose_name = "Catalogus"

    def ready(self):
        connection_created.connect(_register_sqlite_functions, dispatch_uid="catalogue_sqlite_functions")
        pre_migrate.connect(_drop_search_triggers, sender=self, dispatch_uid="catalogue_drop_search_triggers")
        post_migrate.connect(_install_search_triggers, sender=self, dispatch_uid="catalogue_search_triggers")
