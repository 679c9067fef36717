from django.http import Http404
from django.shortcuts import get_object_or_404, render

from catalogue import comparison, exports, group_comparison, presenters
from catalogue.forms import CompareForm, GroupCompareForm
from catalogue.groupfilter import GroupFilter
from catalogue.models import SearchLine
from catalogue.search import SearchFilter, grouped, result_page, suggestion
from profiles import fuwasys
from profiles.models import (
    Characteristic,
    Competency,
    FunctionFamily,
    FunctionGroup,
    GroupCompetency,
    QualityProfileCompetency,
    TyperingCode,
    descents_by_schaal,
)
from profiles.vocabulary import FGR_SITE_URL, MAX_SCHAAL, MIN_SCHAAL

RESULTS_PER_PAGE = 25
PAGE_PARAM = "pagina"
SCHAAL_AXIS = list(range(MIN_SCHAAL, MAX_SCHAAL + 1))
# ?markering=uit shows a schaal page without the marking of what is new relative to the next-lower schaal.
MARKING_PARAM, MARKING_OFF = "markering", "uit"


def home(request):
    groups = FunctionGroup.objects.select_related("family").with_schaal_range().order_by("family__name", "name")
    filterset = GroupFilter(request.GET or None, queryset=groups)
    context = {"filterset": filterset, "form": filterset.form}
    if filterset.is_bound and not filterset.is_valid():
        return render(request, "home.html", {**context, "families": []}, status=400)
    matching = list(filterset.qs)
    context |= {"families": presenters.by_family(matching), "count": len(matching)}
    return render(request, "home.html", context)


def family_detail(request, slug):
    family = get_object_or_404(FunctionFamily, slug=slug)
    groups = list(family.groups.with_schaal_range().order_by("name"))
    context = {"family": family, "groups": groups, "bars": presenters.schaal_bars(groups), "axis": SCHAAL_AXIS}
    return render(request, "family_detail.html", context)


def group_in_full(slug: str) -> FunctionGroup:
    """The group a page is about, with its kernprofiel read in full; a 404 when there is none."""
    found = FunctionGroup.objects.filter(slug=slug).for_page().in_full()
    if not found:
        raise Http404("Er is geen functiegroep met dit adres.")
    return found[0]


def group_detail(request, slug):
    group = group_in_full(slug)
    schalen = presenters.schalen(
        group.typeringen.in_full(), group.quality_profiles.in_full(), Characteristic.objects.all()
    )
    return render(
        request,
        "group_detail.html",
        {"group": group, "kernprofiel": presenters.kernprofiel(group), "schalen": schalen, "fgr_site": FGR_SITE_URL},
    )


def schaal_detail(request, slug, schaal):
    context = _schaal_context(slug, schaal, marking=request.GET.get(MARKING_PARAM) != MARKING_OFF)
    return render(request, "schaal_detail.html", context)


def schaal_text(request, slug, schaal):
    """The schaal page as plain text, to paste into a vacancy text or a letter."""
    context = _schaal_context(slug, schaal, marking=False)
    response = render(request, "schaal_detail.txt", context, content_type="text/plain; charset=utf-8")
    filename = f"{context['group'].slug}-schaal-{schaal}.txt"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _schaal_context(slug, schaal, *, marking: bool) -> dict:
    group = group_in_full(slug)
    numbers = group.schalen()
    if schaal not in numbers:
        raise Http404(f"{group} heeft geen schaal {schaal}.")
    position = numbers.index(schaal)
    lower = numbers[position - 1] if position > 0 else None
    wanted = [schaal, lower] if marking and lower else [schaal]
    typeringen = {t.schaal: t for t in group.typeringen.filter(schaal__in=wanted).in_full()}
    profiles = {p.schaal: p for p in group.quality_profiles.filter(schaal__in=wanted).in_full()}
    typering, profile = typeringen.get(schaal), profiles.get(schaal)
    codes = TyperingCode.objects.filter(typering__group=group).order_by("typering__schaal", "position")
    descents = descents_by_schaal(list(codes.values_list("typering__schaal", "code")))
    shown = presenters.schaal(schaal, typering, profile, descents.get(schaal, []), Characteristic.objects.all())
    marked = bool(marking and lower) and presenters.mark_new_text(shown, typeringen.get(lower), profiles.get(lower))
    return {
        "group": group,
        "kernprofiel": presenters.kernprofiel(group),
        "competencies": presenters.schaal_competencies(
            group.loaded_competency_links, profile.loaded_competency_links if profile else []
        ),
        "schaal": shown,
        "lower": lower,
        "higher": numbers[position + 1] if position + 1 < len(numbers) else None,
        "fgr_site": FGR_SITE_URL,
        "sources": [group],
        "marked": marked,
        "can_mark": lower is not None and not marking,
    }


def next_schaal(request, slug, schaal):
    """What the next-higher schaal adds or changes, part by part: for an employee's development conversation."""
    group = get_object_or_404(FunctionGroup.objects.select_related("family"), slug=slug)
    numbers = group.schalen()
    if schaal not in numbers:
        raise Http404(f"{group} heeft geen schaal {schaal}.")
    if schaal == numbers[-1]:
        raise Http404(f"Schaal {schaal} is de hoogste schaal van {group}.")
    higher = numbers[numbers.index(schaal) + 1]
    result = _compared(group, [schaal, higher])
    context = {"group": group, "step": result.steps[0], "fgr_site": FGR_SITE_URL, "sources": [group]}
    return render(request, "next_schaal.html", context)


def competency_list(request):
    public = FunctionGroup.objects.public()
    counts = presenters.competency_counts(
        Competency.objects.all(),
        GroupCompetency.objects.filter(group__in=public).values_list("competency_id", "group_id"),
        QualityProfileCompetency.objects.filter(profile__group__in=public).values_list(
            "competency_id", "profile__group_id", "profile__schaal"
        ),
    )
    return render(request, "competency_list.html", {"counts": [count for count in counts if count.groups]})


def competency_detail(request, slug):
    competency = get_object_or_404(Competency, slug=slug)
    public = FunctionGroup.objects.public()
    uses = presenters.competency_uses(
        GroupCompetency.objects.filter(competency=competency, group__in=public).select_related("group"),
        QualityProfileCompetency.objects.filter(competency=competency, profile__group__in=public)
        .select_related("profile__group")
        .order_by("profile__schaal"),
    )
    return render(request, "competency_detail.html", {"competency": competency, "uses": uses.get(competency.pk, [])})


def glossary(request):
    return render(request, "glossary.html", {"kenmerken": fuwasys.KENMERKEN, "regulation": fuwasys.REGULATION_URL})


def search(request):
    filterset = SearchFilter(request.GET or None, queryset=SearchLine.objects.for_results())
    context = {"filterset": filterset, "form": filterset.form}
    if not filterset.is_bound:
        return render(request, "search.html", context)
    if not filterset.is_valid():
        return render(request, "search.html", context, status=400)
    if filterset.is_active:
        page = result_page(filterset.qs, request.GET.get(PAGE_PARAM), RESULTS_PER_PAGE)
        context |= {
            "searched": True,
            "page": page,
            "results": grouped(page.lines),
            "query": filterset.query,
            "suggestion": suggestion(filterset.query),
        }
    return render(request, "search.html", context)


def compare(request, slug):
    group, form, result = _comparison(request, slug)
    context = {"group": group, "form": form, "comparison": result, "fgr_site": FGR_SITE_URL, "sources": [group]}
    if result is None:
        return render(request, "compare.html", context, status=400)
    context["only_differences"] = form.cleaned_data["alleen_verschillen"]
    return render(request, "compare.html", context)


def compare_csv(request, slug):
    group, form, result = _comparison(request, slug)
    if result is None:
        return render(request, "compare.html", {"group": group, "form": form}, status=400)
    return exports.comparison_csv(group, result)


def _comparison(request, slug):
    group = get_object_or_404(FunctionGroup.objects.select_related("family"), slug=slug)
    form = CompareForm(request.GET, available=group.schalen())
    if not form.is_valid():
        return group, form, None
    return group, form, _compared(group, form.cleaned_data["schaal"])


def _compared(group, schalen: list[int]) -> comparison.Comparison:
    return comparison.compare(
        schalen,
        group.typeringen.filter(schaal__in=schalen).in_full(),
        group.quality_profiles.filter(schaal__in=schalen).in_full(),
    )


def compare_groups(request):
    form, result = _group_comparison(request)
    context = {"form": form, "comparison": result, "fgr_site": FGR_SITE_URL}
    if result is not None:
        context["sources"] = [column.group for column in result.columns]
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "compare_groups.html", context, status=status)


def compare_groups_csv(request):
    form, result = _group_comparison(request)
    if result is None:
        if not form.errors:
            form.add_error("groep", "Kies twee of drie functiegroepen om te vergelijken.")
        return render(request, "compare_groups.html", {"form": form}, status=400)
    return exports.group_comparison_csv(result)


def _group_comparison(request):
    """The form, and the comparison when the form names two or three groups that exist (and their schalen)."""
    choices = FunctionGroup.objects.public().order_by("family__name", "name")
    chosen = request.GET if "groep" in request.GET else None  # other parameters alone (a tracking tag) ask nothing
    form = GroupCompareForm(chosen, groups=list(choices.values_list("slug", "name", "family__name")))
    if not form.is_bound or not form.is_valid() or form.incomplete:
        return form, None
    groups = FunctionGroup.objects.public().filter(slug__in=form.cleaned_data["groep"]).for_page().in_full()
    schalen = group_comparison.schalen_by_group(groups)
    shown = form.check_schalen(schalen)
    if form.errors:
        return form, None
    return form, group_comparison.compare(group_comparison.columns(groups, shown, schalen))
