"""Functietyperingen with their FUWASYS code(s) (the 14 scores read from each, and what is wrong with it).

The scores (TyperingScore) have no page of their own: they are read from the code and change with it.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.html import format_html, format_html_join

from profiles import fuwasys, services
from profiles.admin.base import ContentAdmin, PositionedForm, PositionedInline
from profiles.admin.timelines import TimelineHistory
from profiles.models import FunctionTypering, TyperingCode, TyperingLine, TyperingSection


class FuwasysFilter(admin.SimpleListFilter):
    title = "FUWASYS-code"
    parameter_name = "fuwasys"
    # The filtered model's path to its TyperingCode rows.
    codes_path = "codes"

    def lookups(self, request, model_admin):
        return [("onjuist", "klopt niet"), ("juist", "klopt")]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        wrong = Q(**{f"{self.codes_path}__in": TyperingCode.objects.with_problems()})
        return queryset.filter(wrong).distinct() if self.value() == "onjuist" else queryset.exclude(wrong)


class CodeForm(PositionedForm):
    def clean_code(self):
        code = self.cleaned_data["code"]
        try:
            fuwasys.parse(code)
        except fuwasys.FuwasysSyntaxError as error:
            raise ValidationError(str(error), code="geen_code") from error
        return code

    def save(self, commit=True):
        services.set_fuwasys_code(self.instance, self.cleaned_data["code"])
        return super().save(commit)


class TyperingCodeInline(PositionedInline):
    model = TyperingCode
    form = CodeForm
    fields = ["position", "label", "code", "total"]
    readonly_fields = ["total"]
    extra = 0
    verbose_name_plural = "FUWASYS-codes (meer dan één als de schaal varianten heeft)"


class TyperingSectionInline(PositionedInline):
    model = TyperingSection
    fields = ["position", "kind", "label", "sub_area_label", "sub_area"]
    verbose_name_plural = "onderdelen (de regels staan op de pagina van elk onderdeel)"


@admin.register(FunctionTypering)
class FunctionTyperingAdmin(TimelineHistory, ContentAdmin):
    list_display = ["group", "schaal", "code_list", "codes_are_consistent"]  # what editors scan for, no repeats
    list_filter = [FuwasysFilter, "schaal", "group__family", "group"]
    list_select_related = ["group"]
    search_fields = ["group__name", "codes__code"]
    autocomplete_fields = ["group"]
    readonly_fields = ["fuwasys_overview"]
    fields = ["group", "schaal", "fuwasys_overview"]
    inlines = [TyperingCodeInline, TyperingSectionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("codes")

    @admin.display(description="FUWASYS-code(s)")
    def code_list(self, typering):
        return "; ".join(str(code) for code in typering.codes.all())

    @admin.display(description="codes kloppen", boolean=True)
    def codes_are_consistent(self, typering):
        return not any(code.problems for code in typering.codes.all())

    @admin.display(description="FUWASYS-scores en controles")
    def fuwasys_overview(self, typering):
        if not typering.pk:
            return "De scores verschijnen na het opslaan."
        return format_html_join("", "{}", ((code_overview(code),) for code in typering.codes.all())) or "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for code in TyperingCode.objects.filter(typering=form.instance).select_related("typering"):  # as saved
            services.sync_scores(code)
            warn_about(request, code)
        warn_about_descents(request, form.instance.group_id)


@admin.register(TyperingCode)
class TyperingCodeAdmin(ContentAdmin):
    form = CodeForm
    list_display = ["__str__", "typering", "label", "code", "is_consistent"]
    list_filter = [type("CodeFilter", (FuwasysFilter,), {"codes_path": "pk"}), "typering__schaal", "typering__group"]
    list_select_related = ["typering__group"]
    search_fields = ["code", "label", "typering__group__name"]
    fields = ["typering", "position", "label", "code", "total", "overview"]
    readonly_fields = ["total", "overview"]
    autocomplete_fields = ["typering"]

    @admin.display(description="klopt", boolean=True)
    def is_consistent(self, code):
        return not code.problems

    @admin.display(description="FUWASYS-scores en controles")
    def overview(self, code):
        return code_overview(code) if code.pk else "De scores verschijnen na het opslaan."

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.sync_scores(obj)
        warn_about(request, obj)
        warn_about_descents(request, obj.typering.group_id)

    def view_on_site(self, obj):
        return obj.typering.get_absolute_url()


def code_overview(code: TyperingCode) -> str:
    """The code's 14 scores by kenmerk, with the verdict of the checks, for its typering's page."""
    problems = code.problems
    parsed = code.parsed if fuwasys.looks_like_code(code.code) else None
    scores = (parsed.scores if parsed else None) or [None] * fuwasys.SCORE_COUNT
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
        else format_html("<p>De code klopt: 14 scores van 1 tot en met 5, samen {}.</p>", parsed.stated_total)
    )
    return format_html(
        '<div data-fuwasys="{}"><p><strong>{}</strong></p>{}<table><caption>De 14 kenmerken zoals de code ze '
        'scoort</caption><thead><tr><th scope="col">nr.</th><th scope="col">kenmerk</th><th scope="col">groep</th>'
        '<th scope="col">score</th></tr></thead><tbody>{}</tbody></table></div>',
        "invalid" if problems else "valid",
        code,
        verdict,
        rows,
    )


def warn_about(request, code: TyperingCode) -> None:
    problems = code.problems
    if problems:
        messages.warning(
            request,
            format_html(
                "Opgeslagen, maar de FUWASYS-code van schaal {} ‘{}’ klopt niet:<ul>{}</ul>"
                "Controleer of de bron de code zo publiceert.",
                code.typering.schaal,
                code,
                _items(problems),
            ),
        )


def warn_about_descents(request, group_id: int) -> None:
    descents = services.group_descents(group_id)
    if descents:
        messages.warning(
            request, format_html("Let op, scores dalen bij een hogere schaal:<ul>{}</ul>", _items(descents))
        )


def _items(texts) -> str:
    return format_html_join("", "<li>{}</li>", ((text,) for text in texts))


class TyperingLineInline(PositionedInline):
    model = TyperingLine
    fields = ["position", "kind", "text", "continuation"]


@admin.register(TyperingSection)
class TyperingSectionAdmin(ContentAdmin):
    list_display = ["__str__", "typering", "kind", "sub_area", "position"]
    list_filter = ["kind", "sub_area", "typering__schaal", "typering__group"]
    list_select_related = ["typering__group"]
    search_fields = ["label", "sub_area_label", "typering__group__name"]
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
