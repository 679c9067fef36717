"""Bringing content back from the history: a removed functiegroep, a group, typering or kwaliteitenprofiel as it was
at a moment, or one change undone. Each runs in one transaction and is itself recorded as one change, so it can be
undone too; a refusal (`RestoreRefused`) changes nothing.

A group disappears when `import_fgr --replace` overwrites it or when it is deleted in the admin; both run
inside one history batch, so every row of the group carries the same moment of removal.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max, Q, UniqueConstraint
from django.utils.text import capfirst

from profiles import content, history, services
from profiles.models import FunctionGroup, TyperingCode

JUST_BEFORE = timedelta(microseconds=1)
CLASH = (
    "Dit kan niet worden teruggezet: het botst met wat er nu staat (bijvoorbeeld een naam, webadres of FGR-nummer "
    "van een andere functiegroep, of een tweede typering of profiel voor dezelfde schaal). Er is niets gewijzigd."
)


class RestoreRefused(Exception):
    """The version cannot be restored; nothing was changed."""


def removed_groups():
    """The removed versions of functiegroepen, newest first."""
    return FunctionGroup.history.filter(history_type="-").order_by("-history_date", "-history_id")


def restore_group(history_id: int) -> FunctionGroup:
    """Restore the group whose removal is the history record `history_id`, with all its content.

    A group that has since taken its place (same slug or FGR-nummer) is removed first, in the history as well,
    so that restoring can itself be undone.
    """
    removal = removed_groups().filter(history_id=history_id).first()
    if removal is None:
        raise RestoreRefused(f"Er is geen verwijderde functiegroep met versie {history_id}.")
    if FunctionGroup.objects.filter(pk=removal.id).exists():
        raise RestoreRefused(f"Functiegroep ‘{removal.name}’ bestaat al weer; er is niets hersteld.")
    rows = _snapshot(FunctionGroup, removal.id, removal.history_date - JUST_BEFORE)
    with transaction.atomic():
        with history.batch(history.REPLACED):
            successors = Q(slug=removal.slug) | (Q(fgr_id=removal.fgr_id) if removal.fgr_id else Q())
            for group in FunctionGroup.objects.filter(successors):
                group.delete()
        with history.batch(history.RESTORED):
            _write(rows)
    return FunctionGroup.objects.get(pk=removal.id)


def restore_as_of(model, pk: int, moment) -> tuple[object, list[str]]:
    """Put the record `pk` of `model`, with everything in it, back as it was at `moment`.

    What it holds now is removed and the earlier state written, as one recorded change. Returns the record and
    notes for the editor (a line whose place is taken moves to the end of its list).
    """
    rows = _snapshot(model, pk, moment)
    root = next(instance for kind, instances in rows if kind is model for instance in instances)
    notes = []
    try:
        with transaction.atomic(), history.together(history.RESTORED):
            link = content.parent_link(model)
            if link and not link[1].objects.filter(pk=getattr(root, link[0])).exists():
                parent = capfirst(content.the(link[1]))
                raise RestoreRefused(f"{parent} waar dit bij hoorde bestaat niet meer; zet dat eerst terug.")
            for current in model.objects.filter(pk=pk):
                current.delete()
            if _take_free_position(root):
                notes.append(f"Op de oude plaats staat nu iets anders; het staat nu op plaats {root.position}.")
            _write(rows)
    except IntegrityError as error:
        raise RestoreRefused(CLASH) from error
    return model.objects.get(pk=pk), notes


def undo_changes(records: Iterable[tuple[type, int]], reason: str) -> list[str]:
    """Undo one recorded change (one or more history records written together): changed fields get their
    previous values, added records go, removed ones come back with what was in them. Returns notes."""
    found = [(model, model.history.filter(history_id=history_id).first()) for model, history_id in records]
    if not found or any(record is None for _, record in found):
        raise RestoreRefused("Deze wijziging staat niet in de geschiedenis.")
    notes = []
    try:
        with transaction.atomic(), history.together(reason):
            # Added records go first and removed ones come back last, so that each takes or frees its place in
            # the order the change did the opposite.
            own = {record.history_id for _, record in found}
            for model, record in sorted(found, key=_parents_first):
                if record.history_type == "+":
                    _remove_added(model, record, own)
            notes += _revert([(model, record) for model, record in found if record.history_type == "~"])
            for model, record in sorted(found, key=_parents_first):
                if record.history_type == "-" and not model.objects.filter(pk=record.id).exists():
                    notes += restore_as_of(model, record.id, record.history_date - JUST_BEFORE)[1]
    except IntegrityError as error:
        raise RestoreRefused(CLASH) from error
    return notes


def _parents_first(entry) -> int:
    return content.depth(entry[0])


def _remove_added(model, record, own: set[int]) -> None:
    if model is FunctionGroup:
        raise RestoreRefused("Een functiegroep verwijdert u met ‘Verwijderen’ op haar eigen pagina, niet hier.")
    current = model.objects.filter(pk=record.id).first()
    if current is None:  # it went with its parent, or later
        return
    later = model.history.filter(id=record.id, history_id__gt=record.history_id).exclude(history_id__in=own)
    added_since = any(
        child.history.filter(**{field: record.id}, history_date__gt=record.history_date).exists()
        for child, field, parent in content.TREE
        if parent is model and child not in content.DERIVED
    )
    if later.exists() or added_since:
        raise RestoreRefused(
            f"‘{current}’ is sindsdien gewijzigd of aangevuld; maak eerst die latere wijzigingen ongedaan, "
            "of zet alles terug zoals het eerder was."
        )
    current.delete()


def _revert(changed: list) -> list[str]:
    """Give changed records the values they had before, for the fields the change touched (positions last)."""
    plans = []
    for model, record in changed:
        current = model.objects.filter(pk=record.id).first()
        # The version recorded just before (by id: a restore records a removal and a re-creation at one moment).
        previous = model.history.filter(id=record.id, history_id__lt=record.history_id).order_by("-history_id").first()
        if current is None:
            raise RestoreRefused("Dit onderdeel bestaat niet meer; zet het eerst terug met zijn verwijdering.")
        if previous is None:
            raise RestoreRefused("Van deze wijziging is geen eerdere versie bewaard.")
        touched = [f for f in record.tracked_fields if f.name != "id" and _differs(f, record, previous)]
        later = [f for f in touched if _differs(f, record, current)]
        if later:
            names = ", ".join(f"‘{f.verbose_name}’" for f in later)
            raise RestoreRefused(
                f"{names} van ‘{current}’ is sindsdien opnieuw gewijzigd; maak eerst die latere wijziging ongedaan."
            )
        plans.append((current, previous, touched))
    moving = [current for current, _, touched in plans if any(f.name == "position" for f in touched)]
    for model in {type(obj) for obj in moving}:
        services.park_positions(model, [obj.pk for obj in moving if type(obj) is model])
    notes = []
    for current, previous, touched in plans:
        for f in touched:
            setattr(current, f.attname, getattr(previous, f.attname))
        if any(f.name == "position" for f in touched) and _take_free_position(current):
            notes.append(f"‘{current}’ kon niet terug op zijn oude plaats en staat nu op plaats {current.position}.")
        current.save()
        if isinstance(current, TyperingCode):
            services.sync_scores(current)
    return notes


def _differs(f, one, other) -> bool:
    return getattr(one, f.attname) != getattr(other, f.attname)


def _take_free_position(instance) -> bool:
    """Move a record to the end of its list if another record now holds its position; True if it moved."""
    scope = _position_scope(type(instance))
    if scope is None or instance.position is None:
        return False
    siblings = type(instance).objects.filter(**{name: getattr(instance, name) for name in scope})
    siblings = siblings.exclude(pk=instance.pk)
    if not siblings.filter(position=instance.position).exists():
        return False
    instance.position = (
        siblings.filter(position__lt=services.AT_THE_END).aggregate(last=Max("position"))["last"] or 0
    ) + 1
    return True


def _position_scope(model) -> list[str] | None:
    for constraint in model._meta.constraints:
        if isinstance(constraint, UniqueConstraint) and "position" in (constraint.fields or ()):
            return [model._meta.get_field(name).attname for name in constraint.fields if name != "position"]
    return None


def _write(rows) -> None:
    for model, instances in rows:
        history.record_created(model.objects.bulk_create(instances))
    for model, instances in rows:
        if model is TyperingCode:  # the scores follow the code, whatever the history says of them
            for code in instances:
                services.sync_scores(code)


def _snapshot(root_model, root_id: int, moment) -> list[tuple[type, list]]:
    roots = _as_of(root_model, moment, id=root_id)
    if not roots:
        raise RestoreRefused("De geschiedenis bevat dit onderdeel op dat moment niet.")
    tree = {root_model: roots}
    for model, parent_field, parent in content.descendants(root_model):
        parent_ids = [row.pk for row in tree[parent]]
        tree[model] = _as_of(model, moment, **{f"{parent_field}__in": parent_ids})
    missing = []
    for model, field in content.REFERENCED:
        wanted = {getattr(row, field) for rows in tree.values() for row in rows if getattr(row, field, None)}
        wanted -= set(model.objects.filter(pk__in=wanted).values_list("pk", flat=True))
        if wanted:
            missing.append((model, _as_of(model, moment, id__in=wanted)))
    return missing + list(tree.items())


def _as_of(model, moment, **filters) -> list:
    """The records of `model` as they were at `moment`: per id its last recorded version up to then (by history
    id, which also orders versions that share a moment), none for an id whose last version is its removal."""
    records = model.history.filter(history_date__lte=moment, **filters).order_by("id", "history_id")
    newest = {}
    for record in records:
        newest[record.id] = record
    return [record.instance for record in newest.values() if record.history_type != "-"]
