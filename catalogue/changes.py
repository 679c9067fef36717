"""The public page "Wijzigingen": recent changes to the catalogue's content (what and when, never who).

One query per kind of content plus one for the groups, however many changes there are: each history record
carries the values of the version before it (correlated subqueries), so the differences need no more queries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.shortcuts import render
from django.urls import reverse

from profiles import history, timeline
from profiles.models import (
    BehaviouralIndicator,
    Competency,
    FocusArea,
    FunctionFamily,
    FunctionGroup,
    FunctionTypering,
    GroupCompetency,
    KernprofielHeading,
    QualityProfile,
    QualityProfileCompetency,
    QualityProfileLine,
    QualityProfileSection,
    Result,
    TyperingCode,
    TyperingLine,
    TyperingSection,
)

LIMIT = 50


@dataclass(frozen=True)
class Kind:
    """How the page finds a record's functiegroep and says where in the group it is."""

    model: type
    related: tuple[str, ...] = ()
    group_id: Callable = lambda record: None
    where: Callable = lambda record: ""


def _profile_schaal(profile) -> str:
    return f"Kwaliteitenprofiel schaal {profile.schaal}" if profile else "Kwaliteitenprofiel"


def _typering_schaal(typering) -> str:
    return f"Functietypering schaal {typering.schaal}" if typering else "Functietypering"


def _via(*path):
    def follow(record):
        for name in path:
            record = getattr(record, name, None) if record is not None else None
        return record

    return follow


KINDS = (
    Kind(FunctionFamily, where=lambda r: "Functiefamilie"),
    Kind(FunctionGroup, group_id=lambda r: r.id, where=lambda r: "Functiegroep"),
    Kind(Result, ("area",), lambda r: r.group_id, lambda r: f"Resultaten, {r.area}"),
    Kind(BehaviouralIndicator, ("area",), lambda r: r.group_id, lambda r: f"Gedragsindicatoren, {r.area}"),
    Kind(
        KernprofielHeading,
        ("area",),
        lambda r: r.group_id,
        lambda r: f"Kopje van resultaatgebied {r.area}" if r.area_id else "Kopje van het kernprofiel",
    ),
    Kind(Competency, where=lambda r: "Competentie"),
    Kind(GroupCompetency, (), lambda r: r.group_id, lambda r: "Competenties van het kernprofiel"),
    Kind(FocusArea, where=lambda r: "Aandachtsgebied"),
    Kind(QualityProfile, (), lambda r: r.group_id, lambda r: "Kwaliteitenprofiel"),
    Kind(QualityProfileSection, ("profile",), _via("profile", "group_id"), lambda r: _profile_schaal(r.profile)),
    Kind(
        QualityProfileLine,
        ("section__profile",),
        _via("section", "profile", "group_id"),
        lambda r: f"{_profile_schaal(_via('section', 'profile')(r))}, {_via('section', 'label')(r) or ''}",
    ),
    Kind(
        QualityProfileCompetency,
        ("profile",),
        _via("profile", "group_id"),
        lambda r: f"{_profile_schaal(r.profile)}, competenties",
    ),
    Kind(FunctionTypering, (), lambda r: r.group_id, lambda r: "Functietypering"),
    Kind(TyperingCode, ("typering",), _via("typering", "group_id"), lambda r: _typering_schaal(r.typering)),
    Kind(TyperingSection, ("typering",), _via("typering", "group_id"), lambda r: _typering_schaal(r.typering)),
    Kind(
        TyperingLine,
        ("section__typering",),
        _via("section", "typering", "group_id"),
        lambda r: f"{_typering_schaal(_via('section', 'typering')(r))}, {_via('section', 'label')(r) or ''}",
    ),
)


@dataclass
class PublicChange:
    when: datetime
    order: int
    what: str
    label: str
    action: str
    where: str
    reason: str
    group_name: str = ""
    group_url: str = ""
    fields: list[timeline.FieldChange] = field(default_factory=list)


def changes(request):
    groups = {pk: (name, slug) for pk, name, slug in FunctionGroup.objects.values_list("pk", "name", "slug")}
    found = [change for kind in KINDS for change in _changes(kind, groups)]
    found.sort(key=lambda change: (change.when, change.order), reverse=True)
    return render(request, "changes.html", {"changes": found[:LIMIT]})


def _changes(kind: Kind, groups: dict) -> list[PublicChange]:
    model = kind.model.history.model
    fields = timeline.tracked_fields(model)
    records = timeline.with_previous(model, model.objects.select_related(*kind.related), fields)
    if kind.model is not FunctionGroup:
        records = records.exclude(history_change_reason__in=history.BULK_REASONS)
    found = []
    for record in records.order_by("-history_date", "-history_id")[:LIMIT]:
        changed = timeline.field_changes(record, fields) if record.history_type == "~" else []
        if record.history_type == "~" and not changed:
            continue
        found.append(_change(kind, record, changed, groups))
    return found


def _change(kind: Kind, record, changed: list[timeline.FieldChange], groups: dict) -> PublicChange:
    change = PublicChange(
        when=record.history_date,
        order=record.history_id,
        what=str(kind.model._meta.verbose_name),
        label=timeline.label(record),
        action=timeline.ACTIONS[record.history_type],
        where=kind.where(record),
        reason=record.history_change_reason or "",
        fields=changed,
    )
    group = groups.get(kind.group_id(record))
    if group:
        change.group_name, slug = group
        change.group_url = reverse("group-detail", kwargs={"slug": slug})
    return change
