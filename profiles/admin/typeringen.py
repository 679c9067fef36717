"""Functietyperingen with their FUWASYS code (the 14 scores read from it, and what is wrong with it).

The scores (TyperingScore) have no page of their own: they are read from the code and change with it.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join

from profiles import fuwasys, services
from profiles.admin.base import ContentAdmin, PositionedInline, VersionCheckedForm
from profiles.models import FunctionTypering, TyperingLine, TyperingSection


class FuwasysFilter(admin.SimpleListFilter):
    title = "FUWASYS-code"
    parameter_name = "fuwasys"

    def lookups(self, request, model_admin):
        return [("onjuist", "klopt niet"), ("juist", "klopt")]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        wrong = [typering.pk for typering in FunctionTypering.objects.only("fuwasys_code") if typering.fuwasys_problems]
        return queryset.filter(pk__in=wrong) if self.value() == "onjuist" else queryset.exclude(pk__in=wrong)


class TyperingForm(VersionCheckedForm):
    def clean_fuwasys_code(self):
        code = self.cleaned_data["fuwasys_code"]
        try:
            services.set_fuwasys_code(self.instance, code)
        except fuwasys.FuwasysSyntaxError as error:
            raise ValidationError(str(error), code="geen_code") from error
        return code


class TyperingSectionInline(PositionedInline):
    model = TyperingSection
    fields = ["position", "kind", "label", "sub_area_label", "sub_area"]
    verbose_name_plural = "onderdelen (de regels staan op de pagina van elk onderdeel)"


@admin.register(FunctionTypering)
class FunctionTyperingAdmin(ContentAdmin):
    form = TyperingForm
    list_display = ["__str__", "group", "schaal", "fuwasys_code", "code_is_consistent"]
    list_filter = [FuwasysFilter, "schaal", "group__family", "group"]
    list_select_related = ["group"]
    search_fields = ["group__name", "fuwasys_code"]
    autocomplete_fields = ["group"]
    readonly_fields = ["fuwasys_total", "fuwasys_overview"]
    fields = ["group", "schaal", "fuwasys_code", "fuwasys_total", "fuwasys_overview"]
    inlines = [TyperingSectionInline]

    @admin.display(description="code klopt", boolean=True)
    def code_is_consistent(self, typering):
        return not typering.fuwasys_problems

    @admin.display(description="FUWASYS-scores en controles")
    def fuwasys_overview(self, typering):
        if not typering.pk:
            return "De scores verschijnen na het opslaan."
        problems = typering.fuwasys_problems
        code = fuwasys.parse(typering.fuwasys_code) if fuwasys.looks_like_code(typering.fuwasys_code) else None
        scores = (code.scores if code else None) or [None] * fuwasys.SCORE_COUNT
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (k.number, k.name, k.group.label, "–" if s is None else s)
                for k, s in zip(fuwasys.KENMERKEN, scores, strict=True)
            ),
        )
        verdict = (
            format_html("<p><strong>De code klopt niet:</strong></p><ul>{}</ul>", _items(problems))
            if problems
            else format_html("<p>De code klopt: 14 scores van 1 tot en met 5, samen {}.</p>", code.stated_total)
        )
        return format_html(
            '<div data-fuwasys="{}">{}<table><caption>De 14 kenmerken zoals de code ze scoort</caption>'
            '<thead><tr><th scope="col">nr.</th><th scope="col">kenmerk</th><th scope="col">groep</th>'
            '<th scope="col">score</th></tr></thead><tbody>{}</tbody></table></div>',
            "invalid" if problems else "valid",
            verdict,
            rows,
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.sync_scores(obj)
        self._warn(request, obj)

    def _warn(self, request, typering) -> None:
        problems = typering.fuwasys_problems
        if problems:
            messages.warning(
                request,
                format_html(
                    "Opgeslagen, maar de FUWASYS-code van schaal {} ‘{}’ klopt niet:<ul>{}</ul>"
                    "Controleer of de bron de code zo publiceert.",
                    typering.schaal,
                    typering.fuwasys_code,
                    _items(problems),
                ),
            )
        descents = services.group_descents(typering)
        if descents:
            messages.warning(
                request, format_html("Let op, scores dalen bij een hogere schaal:<ul>{}</ul>", _items(descents))
            )


def _items(texts) -> str:
    return format_html_join("", "<li>{}</li>", ((text,) for text in texts))


class TyperingLineInline(PositionedInline):
    model = TyperingLine
    fields = ["position", "bulleted", "text", "continuation"]


@admin.register(TyperingSection)
class TyperingSectionAdmin(ContentAdmin):
    list_display = ["__str__", "typering", "kind", "sub_area", "position"]
    list_filter = ["kind", "sub_area", "typering__schaal", "typering__group"]
    list_select_related = ["typering__group"]
    search_fields = ["label", "sub_area_label", "intro", "typering__group__name"]
    inlines = [TyperingLineInline]

    def view_on_site(self, obj):
        return obj.typering.get_absolute_url()


@admin.register(TyperingLine)
class TyperingLineAdmin(ContentAdmin):
    list_display = ["text", "section", "position"]
    list_filter = ["section__kind", "section__typering__schaal", "section__typering__group"]
    list_select_related = ["section__typering__group"]
    search_fields = ["text", "continuation"]

    def view_on_site(self, obj):
        return obj.section.typering.get_absolute_url()
