"""Open data: the whole catalogue as JSON (the format of `export_catalogue`), each kind of line as CSV, and
each functiegroep as one JSON document. Read-only, cached like the pages, with the content's version.

Every function here reads a fixed number of flat queries, whatever the size of the catalogue.
"""

import csv
from dataclasses import dataclass

from django.core import serializers
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render

from catalogue import presenters
from catalogue.views import group_in_full
from profiles import catalogue_data
from profiles.history import content_changed_at, content_version
from profiles.models import (
    BehaviouralIndicator,
    Characteristic,
    FunctionGroup,
    GroupCompetency,
    QualityProfileCompetency,
    QualityProfileLine,
    Result,
    TyperingCode,
    TyperingLine,
)

# Dutch spreadsheet programs expect semicolons, and a byte-order mark to read UTF-8.
DELIMITER = ";"


@dataclass(frozen=True)
class LineKind:
    """One CSV file: a kind of line of the catalogue, its columns and how to read its rows."""

    slug: str
    title: str
    columns: tuple[str, ...]
    rows: object  # callable returning rows


def _result_rows(model):
    def rows():
        lines = model.objects.filter(group__in=FunctionGroup.objects.public()).select_related("group", "area")
        for line in lines.order_by("group__name", "area__position", "position"):
            yield (
                line.group.slug,
                line.group.name,
                line.area.name,
                line.position,
                line.kind,
                line.text,
                line.continuation,
            )

    return rows


def _competency_rows():
    public = FunctionGroup.objects.public()
    for link in GroupCompetency.objects.filter(group__in=public).select_related("group", "competency"):
        yield (link.group.slug, link.group.name, "", "kernprofiel", link.position, link.competency.slug, link.label)
    profile_links = QualityProfileCompetency.objects.filter(profile__group__in=public).select_related(
        "profile__group", "competency"
    )
    for link in profile_links.order_by("profile__group__name", "profile__schaal", "position"):
        group = link.profile.group
        yield (
            group.slug,
            group.name,
            link.profile.schaal,
            "kwaliteitenprofiel",
            link.position,
            link.competency.slug,
            link.label,
        )


def _quality_rows():
    lines = QualityProfileLine.objects.filter(section__profile__group__in=FunctionGroup.objects.public())
    lines = lines.select_related("section__profile__group").order_by(
        "section__profile__group__name", "section__profile__schaal", "section__position", "position"
    )
    for line in lines:
        section = line.section
        group = section.profile.group
        yield (
            group.slug,
            group.name,
            section.profile.schaal,
            section.kind,
            section.label,
            section.focus_area_label,
            line.position,
            line.kind,
            line.text,
            line.continuation,
        )


def _typering_rows():
    lines = TyperingLine.objects.filter(section__typering__group__in=FunctionGroup.objects.public())
    lines = lines.select_related("section__typering__group").order_by(
        "section__typering__group__name", "section__typering__schaal", "section__position", "position"
    )
    for line in lines:
        section = line.section
        group = section.typering.group
        yield (
            group.slug,
            group.name,
            section.typering.schaal,
            section.kind,
            section.label,
            section.sub_area_label,
            line.position,
            line.kind,
            line.text,
            line.continuation,
        )


def _code_rows():
    codes = TyperingCode.objects.filter(typering__group__in=FunctionGroup.objects.public()).select_related(
        "typering__group"
    )
    for code in codes.order_by("typering__group__name", "typering__schaal", "position"):
        group = code.typering.group
        scores = code.readable_scores
        yield (
            group.slug,
            group.name,
            code.typering.schaal,
            code.label,
            code.code,
            code.total,
            "ja" if not code.problems else "nee",
            " ".join(code.problems),
            "".join(map(str, scores or ())),
        )


_LINE = ("soort regel", "tekst", "vervolgregels")
KINDS = {
    kind.slug: kind
    for kind in (
        LineKind(
            "resultaten",
            "Resultaten van het kernprofiel",
            ("functiegroep", "naam", "resultaatgebied", "volgorde", *_LINE),
            _result_rows(Result),
        ),
        LineKind(
            "gedragsindicatoren",
            "Gedragsindicatoren van het kernprofiel",
            ("functiegroep", "naam", "resultaatgebied", "volgorde", *_LINE),
            _result_rows(BehaviouralIndicator),
        ),
        LineKind(
            "competenties",
            "Competenties (kernprofiel en kwaliteitenprofielen)",
            ("functiegroep", "naam", "schaal", "onderdeel", "volgorde", "competentie", "tekst in de bron"),
            _competency_rows,
        ),
        LineKind(
            "kwaliteitenprofielen",
            "Regels van de kwaliteitenprofielen",
            ("functiegroep", "naam", "schaal", "onderdeel", "kopje", "aandachtsgebied", "volgorde", *_LINE),
            _quality_rows,
        ),
        LineKind(
            "functietyperingen",
            "Regels van de functietyperingen",
            ("functiegroep", "naam", "schaal", "onderdeel", "kopje", "deelgebied", "volgorde", *_LINE),
            _typering_rows,
        ),
        LineKind(
            "fuwasys-codes",
            "FUWASYS-codes",
            ("functiegroep", "naam", "schaal", "label", "code", "vermeld totaal", "klopt", "wat niet klopt", "scores"),
            _code_rows,
        ),
    )
}


def downloads(request):
    context = {"kinds": KINDS.values(), "version": content_version(), "changed_at": content_changed_at()}
    return render(request, "downloads.html", context)


def catalogue_json(request):
    text = serializers.serialize("json", catalogue_data.export_rows(), indent=1)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    return _as_download(response, "functiecatalogus", "json")


def lines_csv(request, kind):
    kind = KINDS.get(kind)
    if kind is None:
        raise Http404("Deze download bestaat niet.")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=DELIMITER)
    writer.writerow(kind.columns)
    writer.writerows(kind.rows())
    return _as_download(response, kind.slug, "csv")


def _as_download(response, name: str, extension: str) -> HttpResponse:
    version = content_version()
    response["Content-Disposition"] = f'attachment; filename="{name}-versie-{version}.{extension}"'
    response["X-Content-Version"] = str(version)
    return response


def group_json(request, slug):
    """One functiegroep as a JSON document: what its page shows, in the source's words."""
    group = group_in_full(slug)
    kern = presenters.kernprofiel(group)
    schalen = presenters.schalen(
        group.typeringen.in_full(), group.quality_profiles.in_full(), Characteristic.objects.all()
    )
    document = {
        "naam": group.name,
        "adres": request.build_absolute_uri(group.get_absolute_url()),
        "fgr_nummer": group.fgr_id,
        "functiefamilie": group.family.name,
        "doel": group.purpose,
        "werk_en_denkniveau": group.thinking_level,
        "kernprofiel": {
            "resultaten": [_area(area) for area in kern.results],
            "voorbeelden_producten_en_diensten": kern.examples,
            "gedragsindicatoren": [_area(area) for area in kern.indicators],
            "competenties": [_competency(link) for link in kern.competencies],
        },
        "schalen": [_schaal(schaal) for schaal in schalen],
        "inhoudsversie": content_version(),
    }
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["X-Content-Version"] = str(document["inhoudsversie"])
    return response


def _line(line) -> dict:
    return {"soort": line.kind, "tekst": line.text, "vervolgregels": line.continuation.splitlines()}


def _area(area) -> dict:
    return {"resultaatgebied": area.area.name, "kopje": area.label, "regels": [_line(line) for line in area.lines]}


def _competency(link) -> dict:
    return {
        "competentie": link.competency.name,
        "tekst_in_de_bron": link.label,
        "verbindingswoord_ervoor": link.preceded_by,
        "voetnoot": link.note,
    }


def _blocks(blocks) -> list[dict]:
    return [
        {
            "kopje": block.label,
            "delen": [{"kopje": part.label, "regels": [_line(line) for line in part.lines]} for part in block.parts],
        }
        for block in blocks
        if block.kind != presenters.COMPETENCIES_BLOCK and not block.heading_only
    ]


def _schaal(schaal) -> dict:
    entry: dict = {"schaal": schaal.number}
    if schaal.typering:
        entry["functietypering"] = {
            "fuwasys": [
                {
                    "label": code.label,
                    "code": code.code,
                    "vermeld_totaal": code.total,
                    "klopt": code.is_valid,
                    "wat_niet_klopt": list(code.problems),
                    "scores": {score.name: score.score for group in code.score_groups for score in group.scores},
                }
                for code in schaal.fuwasys.codes
            ],
            "onderdelen": _blocks(schaal.typering_blocks),
        }
    if schaal.profile:
        entry["kwaliteitenprofiel"] = {
            "onderdelen": _blocks(schaal.profile_blocks),
            "competenties": [_competency(link) for link in schaal.profile.loaded_competency_links],
        }
    return entry
