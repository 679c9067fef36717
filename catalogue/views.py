from django.http import Http404
from django.shortcuts import get_object_or_404, render

from catalogue import comparison, exports, presenters
from catalogue.forms import CompareForm
from catalogue.models import SearchLine
from catalogue.search import SearchFilter, grouped, result_page, suggestion
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

RESULTS_PER_PAGE = 25
PAGE_PARAM = "pagina"


def home(request):
    families = FunctionFamily.objects.with_groups()
    return render(request, "home.html", {"families": families})


def group_detail(request, slug):
    group = get_object_or_404(FunctionGroup.objects.for_page(), slug=slug)
    schalen = presenters.schalen(group.typeringen.with_content(), group.quality_profiles.with_content())
    return render(
        request,
        "group_detail.html",
        {"group": group, "kernprofiel": presenters.kernprofiel(group), "schalen": schalen},
    )


def schaal_detail(request, slug, schaal):
    return render(request, "schaal_detail.html", _schaal_context(slug, schaal))


def schaal_text(request, slug, schaal):
    """The schaal page as plain text, to paste into a vacancy text or a letter."""
    context = _schaal_context(slug, schaal)
    response = render(request, "schaal_detail.txt", context, content_type="text/plain; charset=utf-8")
    filename = f"{context['group'].slug}-schaal-{schaal}.txt"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _schaal_context(slug, schaal) -> dict:
    group = get_object_or_404(FunctionGroup.objects.for_page(), slug=slug)
    numbers = group.schalen()
    if schaal not in numbers:
        raise Http404(f"{group} heeft geen schaal {schaal}.")
    typering = group.typeringen.with_content().filter(schaal=schaal).first()
    profile = group.quality_profiles.with_content().filter(schaal=schaal).first()
    position = numbers.index(schaal)
    codes = TyperingCode.objects.filter(typering__group=group).order_by("typering__schaal", "position")
    descents = descents_by_schaal(list(codes.values_list("typering__schaal", "code")))
    return {
        "group": group,
        "kernprofiel": presenters.kernprofiel(group),
        "schaal": presenters.schaal(schaal, typering, profile, descents.get(schaal, [])),
        "lower": numbers[position - 1] if position > 0 else None,
        "higher": numbers[position + 1] if position + 1 < len(numbers) else None,
    }


def competency_list(request):
    competencies = Competency.objects.all()
    uses = presenters.competency_uses(
        GroupCompetency.objects.select_related("group"),
        QualityProfileCompetency.objects.select_related("profile__group").order_by("profile__schaal"),
    )
    rows = [(competency, uses.get(competency.pk, [])) for competency in competencies]
    return render(request, "competency_list.html", {"rows": rows})


def competency_detail(request, slug):
    competency = get_object_or_404(Competency, slug=slug)
    uses = presenters.competency_uses(
        GroupCompetency.objects.filter(competency=competency).select_related("group"),
        QualityProfileCompetency.objects.filter(competency=competency)
        .select_related("profile__group")
        .order_by("profile__schaal"),
    )
    return render(request, "competency_detail.html", {"competency": competency, "uses": uses.get(competency.pk, [])})


def glossary(request):
    return render(request, "glossary.html", {"characteristics": Characteristic.objects.all()})


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
    context = {"group": group, "form": form, "comparison": result}
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
    schalen = form.cleaned_data["schaal"]
    result = comparison.compare(
        schalen,
        group.typeringen.with_content().filter(schaal__in=schalen),
        group.quality_profiles.with_content().filter(schaal__in=schalen),
    )
    return group, form, result
