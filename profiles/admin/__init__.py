"""The catalogue's admin, in Dutch: every model, with its history and the restoring of earlier versions."""

from django.contrib import admin

from profiles.admin import kernprofiel, quality, reference, typeringen

admin.site.site_header = "Beheer van de Functiecatalogus Rijk"
admin.site.site_title = "Beheer Functiecatalogus"
admin.site.index_title = "Inhoud van de catalogus"

__all__ = ["kernprofiel", "quality", "reference", "typeringen"]
