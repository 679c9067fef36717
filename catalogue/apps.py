from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _register_sqlite_functions(sender, connection, **kwargs):
    # PostgreSQL gets catalogue_fold() from a migration; SQLite gets the same function from Python, so that
    # the search view can be queried with the same SQL on both.
    if connection.vendor == "sqlite":
        from catalogue.highlight import fold

        connection.connection.create_function("catalogue_fold", 1, fold, deterministic=True)


class CatalogueConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "catalogue"
    verbose_name = "Catalogus"

    def ready(self):
        connection_created.connect(_register_sqlite_functions, dispatch_uid="catalogue_sqlite_functions")
