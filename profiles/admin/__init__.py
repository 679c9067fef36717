"""The catalogue's admin, in Dutch: every model, with its history and the restoring of earlier versions."""

from profiles.admin import kernprofiel, quality, reference, typeringen

__all__ = ["kernprofiel", "quality", "reference", "typeringen"]
