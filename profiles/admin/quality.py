"""Kwaliteitenprofielen: one per schaal of a group, with their sections, lines and competencies."""

from django.contrib import admin

from profiles.admin.base import ContentAdmin, PositionedInline
from profiles.admin.timelines import TimelineHistory
from profiles.models import QualityProfile, QualityProfileCompetency, QualityProfileLine, QualityProfileSection


class SectionInline(PositionedInline):
    model = QualityProfileSection
    fields = ["position", "kind", "label", "focus_area", "focus_area_label"]
    verbose_name_plural = "onderdelen (de regels staan op de pagina van elk onderdeel)"


class ProfileCompetencyInline(PositionedInline):
    model = QualityProfileCompetency
    fields = ["position", "competency", "label"]
    autocomplete_fields = ["competency"]


@admin.register(QualityProfile)
class QualityProfileAdmin(TimelineHistory, ContentAdmin):
    list_display = ["__str__", "group", "schaal"]
    list_filter = ["schaal", "group__family", "group"]
    list_select_related = ["group"]
    search_fields = ["group__name", "education_heading"]
    autocomplete_fields = ["group"]
    fields = ["group", "schaal", "education_heading", "competencies_label"]
    inlines = [SectionInline, ProfileCompetencyInline]


class ProfileLineInline(PositionedInline):
    model = QualityProfileLine
    fields = ["position", "kind", "text", "continuation"]


@admin.register(QualityProfileSection)
class QualityProfileSectionAdmin(ContentAdmin):
    list_display = ["__str__", "profile", "kind", "position"]
    list_filter = ["kind", "profile__schaal", "profile__group"]
    list_select_related = ["profile__group"]
    search_fields = ["label", "focus_area_label", "profile__group__name"]
    inlines = [ProfileLineInline]

    def view_on_site(self, obj):
        return obj.profile.get_absolute_url()


@admin.register(QualityProfileLine)
class QualityProfileLineAdmin(ContentAdmin):
    list_display = ["text", "section", "position"]
    list_filter = ["section__kind", "section__profile__schaal", "section__profile__group"]
    list_select_related = ["section__profile__group"]
    search_fields = ["text", "continuation"]

    def view_on_site(self, obj):
        return obj.section.profile.get_absolute_url()


@admin.register(QualityProfileCompetency)
class QualityProfileCompetencyAdmin(ContentAdmin):
    list_display = ["label", "competency", "profile", "position"]
    list_filter = ["profile__schaal", "profile__group"]
    list_select_related = ["profile__group", "competency"]
    search_fields = ["label", "competency__name"]
    autocomplete_fields = ["competency"]

    def view_on_site(self, obj):
        return obj.profile.get_absolute_url()
