"""Functiefamilies, functiegroepen with their kernprofiel (results, indicators, competencies) and competencies."""

from django.contrib import admin
from django.db import transaction
from django.urls import path, reverse

from profiles import history
from profiles.admin import importing
from profiles.admin.base import ContentAdmin, ContentInline, PositionedInline, link_list
from profiles.admin.timelines import TimelineHistory
from profiles.admin.typeringen import FuwasysFilter
from profiles.models import (
    BehaviouralIndicator,
    Competency,
    FocusArea,
    FunctionFamily,
    FunctionGroup,
    GroupCompetency,
    KernprofielHeading,
    Result,
)


class GroupFuwasysFilter(FuwasysFilter):
    title = "FUWASYS-codes"
    codes_path = "typeringen__codes"

    def lookups(self, request, model_admin):
        return [("onjuist", "met een code die niet klopt"), ("juist", "alle codes kloppen")]


@admin.register(FunctionFamily)
class FunctionFamilyAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    fields = ["name", "slug", "description"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class KernprofielHeadingInline(ContentInline):
    model = KernprofielHeading
    fields = ["part", "area", "label"]
    verbose_name_plural = "kopjes van het kernprofiel, zoals de bron ze schrijft"


class ResultInline(PositionedInline):
    model = Result
    scope_fields = ("area",)
    fields = ["area", "position", "kind", "text", "continuation"]
    verbose_name_plural = "resultaten (per resultaatgebied)"


class IndicatorInline(PositionedInline):
    model = BehaviouralIndicator
    scope_fields = ("area",)
    fields = ["area", "position", "kind", "text", "continuation"]
    verbose_name_plural = "gedragsindicatoren (per resultaatgebied)"


class GroupCompetencyInline(PositionedInline):
    model = GroupCompetency
    fields = ["position", "competency", "label"]
    autocomplete_fields = ["competency"]
    verbose_name_plural = "competenties van het kernprofiel"


@admin.register(FunctionGroup)
class FunctionGroupAdmin(TimelineHistory, ContentAdmin):
    list_display = ["name", "fgr_id", "family", "schalen"]
    list_filter = ["family", "typeringen__schaal", GroupFuwasysFilter]
    list_select_related = ["family"]
    search_fields = ["name", "=fgr_id"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["quality_profile_links", "typering_links"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "family", "fgr_id", "purpose", "thinking_level"]}),
        ("Kernprofiel", {"fields": ["examples"]}),
        ("Schalen", {"fields": ["quality_profile_links", "typering_links"]}),
    ]
    inlines = [KernprofielHeadingInline, ResultInline, IndicatorInline, GroupCompetencyInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_schaal_range().distinct()

    @admin.display(description="schalen", ordering="lowest_schaal")
    def schalen(self, group):
        if group.lowest_schaal is None:
            return "—"
        if group.lowest_schaal == group.highest_schaal:
            return str(group.lowest_schaal)
        return f"{group.lowest_schaal}–{group.highest_schaal}"

    def get_urls(self):
        own = [
            path("importeren/", self.admin_site.admin_view(self.import_view), name="profiles_functiongroup_import"),
            path("verwijderd/", self.admin_site.admin_view(self.removed_view), name="profiles_functiongroup_removed"),
        ]
        return own + super().get_urls()

    def import_view(self, request):
        return importing.import_view(self, request)

    def removed_view(self, request):
        return importing.removed_view(self, request)

    @admin.display(description="kwaliteitenprofielen")
    def quality_profile_links(self, group):
        profiles = group.quality_profiles.order_by("schaal") if group.pk else []
        return link_list(
            [(reverse("admin:profiles_qualityprofile_change", args=[p.pk]), f"schaal {p.schaal}") for p in profiles]
        )

    @admin.display(description="functietyperingen")
    def typering_links(self, group):
        typeringen = group.typeringen.order_by("schaal") if group.pk else []
        return link_list(
            [(reverse("admin:profiles_functiontypering_change", args=[t.pk]), f"schaal {t.schaal}") for t in typeringen]
        )

    def delete_model(self, request, obj):
        with transaction.atomic(), history.batch(history.DELETED):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic(), history.batch(history.DELETED):
            for group in queryset:
                group.delete()


class LineAdmin(ContentAdmin):
    """Results and behavioural indicators, each also on the functiegroep's own page."""

    list_display = ["text", "group", "area", "position"]
    list_filter = ["area", "group__family", "group"]
    list_select_related = ["group", "area"]
    search_fields = ["text", "continuation", "group__name"]
    autocomplete_fields = ["group"]

    def view_on_site(self, obj):
        return obj.group.get_absolute_url()


admin.site.register(Result, LineAdmin)
admin.site.register(BehaviouralIndicator, LineAdmin)


@admin.register(Competency)
class CompetencyAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(GroupCompetency)
class GroupCompetencyAdmin(ContentAdmin):
    list_display = ["label", "competency", "group", "position"]
    list_filter = ["group__family", "group"]
    list_select_related = ["group", "competency"]
    search_fields = ["label", "competency__name", "group__name"]
    autocomplete_fields = ["group", "competency"]

    def view_on_site(self, obj):
        return obj.group.get_absolute_url()


@admin.register(FocusArea)
class FocusAreaAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
