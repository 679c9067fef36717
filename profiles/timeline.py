"""The timeline of a functiegroep, typering or kwaliteitenprofiel: every change to it and to everything in it.

Each change an editor saved is one entry (who, when, what, a word diff against the version before); bulk work
(an import, loading the catalogue, a restore) is one entry per batch, counted. Entries are numbered per timeline,
1 for the oldest. The queries do not grow with the number of entries: per kind of record one query for the edits
(each carrying the values of its previous version) and one for the batches, plus a few for the labels.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Exists, Max, OuterRef, Subquery

from profiles import content, history, textdiff
from profiles.models import (
    BehaviouralIndicator,
    FunctionGroup,
    FunctionTypering,
    GroupCompetency,
    KernprofielHeading,
    QualityProfile,
    QualityProfileCompetency,
    QualityProfileLine,
    QualityProfileSection,
    Result,
    ResultArea,
    TyperingCode,
    TyperingLine,
    TyperingSection,
)

ACTIONS = {"+": "toegevoegd", "~": "gewijzigd", "-": "verwijderd"}


@dataclass
class FieldChange:
    name: str
    segments: list[textdiff.Segment] = field(default_factory=list)
    old: str = ""
    new: str = ""


@dataclass
class Item:
    """One record's part in a change: a line changed, a section added, a code removed."""

    when: datetime
    order: int  # the history id
    model: type
    who: str = ""
    reason: str = ""
    action: str = ""  # "+", "~" or "-"
    object_id: int | None = None
    label: str = ""
    where: str = ""
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def history_id(self) -> int:
        return self.order

    @property
    def what(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, "")


@dataclass
class Entry:
    """One change as it was made: an editor's save (one or more items), or bulk work (counted, not itemised)."""

    when: datetime
    order: int  # the newest history id in it: what a form sends to name this entry
    who: str = ""
    reason: str = ""
    items: list[Item] = field(default_factory=list)
    count: int = 0  # the records bulk work wrote
    number: int = 0

    @property
    def is_batch(self) -> bool:
        return not self.items

    @property
    def records(self) -> list[tuple[type, int]]:
        return [(item.model, item.history_id) for item in self.items]


def with_previous(model, records, fields):
    """Annotate history records with their previous version's id and field values (correlated subqueries)."""
    previous = model.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id")).order_by("-history_id")
    return records.annotate(
        prev_history_id=Subquery(previous.values("history_id")[:1]),
        **{f"prev_{f.attname}": Subquery(previous.values(f.attname)[:1]) for f in fields},
    )


def tracked_fields(model) -> list:
    """The content fields a history record of `model` (a historical model) tracks."""
    return [f for f in model.tracked_fields if f.name != "id"]


def field_changes(record, fields) -> list[FieldChange]:
    """What changed between a record annotated by `with_previous` and the version before it."""
    found = []
    for f in fields:
        old, new = getattr(record, f"prev_{f.attname}"), getattr(record, f.attname)
        if record.prev_history_id is None or old == new:
            continue
        name = str(f.verbose_name)
        if isinstance(new, str) and isinstance(old, str) and not f.is_relation and not f.choices:
            found.append(FieldChange(name, segments=textdiff.word_diff(old, new)))
        elif f.is_relation:
            found.append(FieldChange(name))
        else:
            found.append(FieldChange(name, old=shown(f, old), new=shown(f, new)))
    return found


def shown(f, value) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    return "(leeg)" if value in (None, "") else str(value)


def label(record) -> str:
    for name in ("text", "label", "name", "code"):
        if getattr(record, name, ""):
            return getattr(record, name)
    return f"schaal {record.schaal}" if hasattr(record, "schaal") else str(record.id)


def entries(root) -> list[Entry]:
    """Every change to `root` (a group, typering or kwaliteitenprofiel) and to what is in it, newest first.

    A record's versions count for root while its parent was in root; what is below it follows where its parent
    lives now: a typering moved to another group takes the history of its lines along.
    """
    scopes = _scopes(root)
    places = _Places(scopes)
    items, batches = [], []
    for model, scope in scopes.items():
        if model not in content.DERIVED:
            items += _items(model, scope, places)
            batches += _batches(model, scope)
    found = _grouped(items) + _merged(batches)
    found.sort(key=lambda entry: (entry.when, entry.order))
    for number, entry in enumerate(found, start=1):
        entry.number = number
    return found[::-1]


def recent(limit: int) -> list[Item]:
    """The newest edits to the catalogue's content, newest first (bulk work left out): one query per kind."""
    found = []
    for model in content.EDITABLE:
        found += _items(model, None, None, newest=limit)
    found.sort(key=lambda item: (item.when, item.order), reverse=True)
    return found[:limit]


def _scopes(root) -> dict:
    """Per model, a filter on its history records: the versions that belonged to root."""
    model = type(root)
    scopes = {model: {"id": root.pk}}
    for child, parent_field, parent in content.descendants(model):
        scopes[child] = {f"{parent_field}__in": model_ids(parent, scopes[parent])}
    return scopes


def model_ids(model, scope):
    """The ids of `model`'s records whose newest version is within `scope`: where a record lives now (or last
    lived, if removed) decides whose timeline holds what is in it."""
    later = model.history.filter(id=OuterRef("id"), history_id__gt=OuterRef("history_id"))
    return model.history.filter(**scope).filter(~Exists(later)).values("id")


def _items(model, scope, places, newest: int | None = None) -> list[Item]:
    """The edits of `model` within `scope` (all records if None), or only the `newest` so many."""
    historical = model.history.model
    fields = tracked_fields(historical)
    records = historical.objects.exclude(history_change_reason__in=history.BULK_REASONS)
    if scope is not None:
        records = records.filter(**scope)
    records = with_previous(historical, records.select_related("history_user"), fields)
    if newest is None:
        records = records.order_by("history_date", "history_id")
    else:
        records = records.order_by("-history_date", "-history_id")[:newest]
    found = []
    for record in records:
        changed = field_changes(record, fields) if record.history_type == "~" else []
        if record.history_type == "~" and not changed:
            continue  # a save that changed nothing worth showing
        found.append(
            Item(
                when=record.history_date,
                order=record.history_id,
                model=model,
                who=str(record.history_user or ""),
                reason=record.history_change_reason or "",
                action=record.history_type,
                object_id=record.id,
                label=label(record),
                where=places.where(model, record) if places else "",
                fields=changed,
            )
        )
    return found


def _grouped(items: list[Item]) -> list[Entry]:
    """One entry per moment: the records one save wrote share it (history.together)."""
    entries_by_moment: dict[datetime, Entry] = {}
    for item in sorted(items, key=lambda item: (item.when, content.CONTENT.index(item.model), item.order)):
        entry = entries_by_moment.setdefault(item.when, Entry(when=item.when, order=item.order))
        entry.items.append(item)
        entry.order = max(entry.order, item.order)
        entry.who = entry.who or item.who
        entry.reason = entry.reason or item.reason
    return list(entries_by_moment.values())


def _batches(model, scope) -> list[Entry]:
    rows = (
        model.history.filter(history_change_reason__in=history.BULK_REASONS, **scope)
        .values("history_date", "history_change_reason")
        .annotate(count=Count("history_id"), order=Max("history_id"))
        .order_by()
    )
    return [
        Entry(when=row["history_date"], order=row["order"], reason=row["history_change_reason"], count=row["count"])
        for row in rows
    ]


def _merged(batches: list[Entry]) -> list[Entry]:
    """One entry per batch (a moment and a reason), whatever kinds of record it wrote."""
    merged: dict[tuple, Entry] = {}
    for entry in batches:
        key = (entry.when, entry.reason)
        if key in merged:
            merged[key].count += entry.count
            merged[key].order = max(merged[key].order, entry.order)
        else:
            merged[key] = entry
    return list(merged.values())


class _Places:
    """Says where in the group a record is ("Functietypering schaal 7, Resultaten"), from the history."""

    def __init__(self, scopes: dict):
        self.areas = dict(ResultArea.objects.values_list("pk", "name"))
        self.latest = {
            model: _latest_values(model, model_ids(model, scopes[model]), names)
            for model, names in (
                (QualityProfile, ("schaal",)),
                (FunctionTypering, ("schaal",)),
                (QualityProfileSection, ("profile_id", "label", "focus_area_label")),
                (TyperingSection, ("typering_id", "label", "sub_area_label")),
            )
            if model in scopes
        }

    def _get(self, model, pk) -> dict:
        return self.latest.get(model, {}).get(pk, {})

    def _schaal(self, model, pk, what: str) -> str:
        schaal = self._get(model, pk).get("schaal")
        return f"{what} schaal {schaal}" if schaal else what

    def _line(self, section_model, parent_field: str, parent_model, what: str, section_id) -> str:
        """ "Functietypering schaal 7, Resultaten": a line's schaal and section, from its section's history."""
        section = self._get(section_model, section_id)
        place = self._schaal(parent_model, section.get(parent_field), what)
        label = section.get("label") or section.get("focus_area_label") or section.get("sub_area_label")
        return ", ".join(filter(None, [place, label]))

    def where(self, model, record) -> str:
        if model is FunctionGroup:
            return "Functiegroep"
        if model is Result:
            return f"Resultaten, {self.areas.get(record.area_id, '')}"
        if model is BehaviouralIndicator:
            return f"Gedragsindicatoren, {self.areas.get(record.area_id, '')}"
        if model is KernprofielHeading:
            return "Kopjes van het kernprofiel"
        if model is GroupCompetency:
            return "Competenties van het kernprofiel"
        if model is QualityProfile:
            return self._schaal(QualityProfile, record.id, "Kwaliteitenprofiel")
        if model in (QualityProfileSection, QualityProfileCompetency):
            return self._schaal(QualityProfile, record.profile_id, "Kwaliteitenprofiel")
        if model is QualityProfileLine:
            return self._line(
                QualityProfileSection, "profile_id", QualityProfile, "Kwaliteitenprofiel", record.section_id
            )
        if model is FunctionTypering:
            return self._schaal(FunctionTypering, record.id, "Functietypering")
        if model in (TyperingCode, TyperingSection):
            return self._schaal(FunctionTypering, record.typering_id, "Functietypering")
        if model is TyperingLine:
            return self._line(TyperingSection, "typering_id", FunctionTypering, "Functietypering", record.section_id)
        return ""


def _latest_values(model, ids, names) -> dict[int, dict]:
    """The newest recorded values of `names` per record id (removed records included)."""
    rows = model.history.filter(id__in=ids).order_by("id", "history_id").values("id", *names)
    return {row["id"]: row for row in rows}  # the newest version of each id comes last
