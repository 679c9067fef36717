"""The history of every content change, with django-simple-history, in Dutch.

Edits in the admin record one version per saved object (who, when, what). Bulk work (an import, loading the
default catalogue, restoring a group) runs inside `batch(reason)`: every version it records carries that
reason and one shared moment, so that the state just before it can be read back with `as_of`.
"""

import contextvars
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.text import format_lazy
from simple_history.models import HistoricalRecords

# Reasons of bulk work; the public list of changes shows them once, on the functiegroep.
LOADED = "Standaardcatalogus geladen"
IMPORTED = "Geïmporteerd uit de FGR-bron"
REPLACED = "Vervangen bij een nieuwe import"
RESTORED = "Hersteld uit de geschiedenis"
FROM_EXPORT = "Geladen uit een export"
DELETED = "Verwijderd in het beheer"
BULK_REASONS = (LOADED, IMPORTED, REPLACED, RESTORED, FROM_EXPORT, DELETED)


@dataclass(frozen=True)
class Batch:
    reason: str
    date: datetime


_batch: contextvars.ContextVar[Batch | None] = contextvars.ContextVar("history_batch", default=None)


@contextmanager
def batch(reason: str) -> Iterator[Batch]:
    """Record every version made inside with `reason` and one shared date."""
    current = Batch(reason, timezone.now())
    token = _batch.set(current)
    try:
        yield current
    finally:
        _batch.reset(token)


def current_batch() -> Batch | None:
    return _batch.get()


class ContentHistory(HistoricalRecords):
    """HistoricalRecords with Dutch names that honours the current `batch`."""

    def get_meta_options(self, model):
        options = super().get_meta_options(model)
        options["verbose_name"] = format_lazy("eerdere versie van {}", model._meta.verbose_name)
        options["verbose_name_plural"] = format_lazy("eerdere versies van {}", model._meta.verbose_name_plural)
        return options

    def get_change_reason_for_object(self, instance, history_type, using):
        reason = super().get_change_reason_for_object(instance, history_type, using)
        current = current_batch()
        return reason or (current.reason if current else None)

    def create_historical_record(self, instance, history_type, using=None):
        current = current_batch()
        if current and not hasattr(instance, "_history_date"):
            instance._history_date = current.date
        super().create_historical_record(instance, history_type, using=using)


def record_created(objects: Iterable) -> list:
    """Record a first version of objects that were written with bulk_create (which sends no signals)."""
    objects = list(objects)
    current = current_batch()
    if objects:
        type(objects[0]).history.bulk_history_create(
            objects,
            default_change_reason=current.reason if current else "",
            default_date=current.date if current else None,
        )
    return objects


def latest_version_id(model, pk) -> int | None:
    """The id of the newest recorded version of one object: the token that detects conflicting saves."""
    return model.history.filter(id=pk).order_by("-history_id").values_list("history_id", flat=True).first()
