"""The catalogue's default data: the FGR sources listed in fixtures/sources.toml and the fixture built from them."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from profiles.models import Competency, FocusArea, FunctionFamily, FunctionGroup

FIXTURE_NAME = "catalogue.json"
# Reference rows created by migrations; the fixture refers to them but does not hold them.
SEEDED_MODELS = ("profiles.resultarea", "profiles.characteristic")
CONTENT_MODELS = (FunctionFamily, FunctionGroup, Competency, FocusArea)


@dataclass(frozen=True)
class Source:
    path: Path
    name: str
    family: str
    fgr_id: int | None


def sources() -> list[Source]:
    manifest = tomllib.loads((settings.FIXTURE_DIR / "sources.toml").read_text(encoding="utf-8"))
    return [
        Source(settings.FIXTURE_DIR / entry["source"], entry["name"], entry["family"], entry.get("fgr_id"))
        for entry in manifest["group"]
    ]


def fixture_path() -> Path:
    return settings.FIXTURE_DIR / FIXTURE_NAME


def catalogue_is_empty() -> bool:
    return not any(model.objects.exists() for model in CONTENT_MODELS)
