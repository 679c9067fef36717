"""The FGR's fixed vocabulary: a redacteur may read it; only a beheerder changes it."""

from django.contrib import admin

from profiles.admin.base import ContentAdmin
from profiles.models import Characteristic, ResultArea


@admin.register(ResultArea)
class ResultAreaAdmin(ContentAdmin):
    list_display = ["position", "name"]
    list_display_links = ["name"]
    search_fields = ["name"]


@admin.register(Characteristic)
class CharacteristicAdmin(ContentAdmin):
    list_display = ["number", "name", "group"]
    list_display_links = ["name"]
    list_filter = ["group"]
    search_fields = ["name"]
