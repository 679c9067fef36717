"""The catalogue's default data: the FGR sources listed in fixtures/sources.toml and the fixture built from them."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings

from profiles import content, history
from profiles.models import Competency, FocusArea, FunctionFamily, FunctionGroup

FIXTURE_NAME = "catalogue.json"
# Reference rows created by migrations; the fixture refers to them but does not hold them.
SEEDED_MODELS = tuple(model._meta.label_lower for model in content.REFERENCE)
# The records that hold all the rest: the catalogue is empty when none of them exists.
CONTENT_MODELS = (FunctionFamily, FunctionGroup, Competency, FocusArea)
# Everything the catalogue holds, in the order of profiles/models.py (the fixture's order); no history.
CONTENT_LABELS = tuple(model._meta.label_lower for model in content.CONTENT)
EXPORT_LABELS = SEEDED_MODELS + CONTENT_LABELS


@dataclass(frozen=True)
class Source:
    path: Path
    name: str
    family: str
    fgr_id: int | None
    purpose: str = ""
    thinking_level: str = ""


def sources() -> list[Source]:
    manifest = tomllib.loads((settings.FIXTURE_DIR / "sources.toml").read_text(encoding="utf-8"))
    return [
        Source(
            settings.FIXTURE_DIR / entry["source"],
            entry["name"],
            entry["family"],
            entry.get("fgr_id"),
            entry.get("purpose", ""),
            entry.get("thinking_level", ""),
        )
        for entry in manifest["group"]
    ]


def fixture_path() -> Path:
    return settings.FIXTURE_DIR / FIXTURE_NAME


def catalogue_is_empty() -> bool:
    return not any(model.objects.exists() for model in CONTENT_MODELS)


def content_models() -> list[type]:
    return [apps.get_model(label) for label in CONTENT_LABELS]


def record_loaded(reason: str) -> None:
    """Record a first version of everything that was loaded without history (loaddata saves raw)."""
    with history.batch(reason):
        for model in content_models():
            history.record_created(model.objects.order_by("pk"))


def record_unrecorded() -> int:
    """Record a first version of rows that have none (content from before the history was kept)."""
    count = 0
    with history.batch(history.LOADED):
        for model in content_models():
            count += len(
                history.record_created(model.objects.exclude(pk__in=model.history.values("id")).order_by("pk"))
            )
    return count


def export_rows():
    """Every row of the catalogue, model by model in the order of EXPORT_LABELS, each by primary key: what
    `export_catalogue` writes and the Downloads page offers."""
    for label in EXPORT_LABELS:
        model = apps.get_model(label)
        yield from model._default_manager.order_by("pk").iterator()
