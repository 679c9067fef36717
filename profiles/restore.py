"""Bringing content back from the history: a removed functiegroep, a group, typering or kwaliteitenprofiel as it was
at a moment, or one change undone. Each runs in one transaction and is itself recorded, so it can be undone too;
a refusal (`RestoreRefused`) changes nothing.

A group disappears when `import_fgr --replace` overwrites it or when it is deleted in the admin; both run
inside one history batch, so every row of the group carries the same moment of removal.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max, Q, UniqueConstraint
from django.utils.text import capfirst

from profiles import content, history, services
from profiles.models import FunctionGroup, TyperingCode

JUST_BEFORE = timedelta(microseconds=1)


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
            for model, instances in rows:
                history.record_created(model.objects.bulk_create(instances))
    return FunctionGroup.objects.get(pk=removal.id)


def restore_as_of(model, pk: int, moment) -> tuple[object, list[str]]:
    """Put the record `pk` of `model`, with everything in it, back as it was at `moment`.

    What it holds now is removed first (recorded as superseded), then the earlier state is written (recorded as
    restored). Returns the record and notes for the editor (a line that had to move to the end of its list).
    """
    rows = _snapshot(model, pk, moment)
    root = next(rows_of(rows, model))
    notes = []
    try:
        with transaction.atomic():
            link = content.parent_link(model)
            if link and not link[1].objects.filter(pk=getattr(root, link[0])).exists():
                parent = capfirst(content.the(link[1]))
                raise RestoreRefused(f"{parent} waar dit bij hoorde bestaat niet meer; zet dat eerst terug.")
            with history.batch(history.SUPERSEDED):
                for current in model.objects.filter(pk=pk):
                    current.delete()
            if _take_free_position(root):
                notes.append(f"Op de oude plaats staat nu iets anders; het staat nu op plaats {root.position}.")
            with history.batch(history.RESTORED):
                for kind, instances in rows:
                    history.record_created(kind.objects.bulk_create(instances))
    except IntegrityError as error:
        raise RestoreRefused(
            "Dit kan niet worden teruggezet: het botst met wat er nu staat (bijvoorbeeld een andere "
            "functietypering of kwaliteitenprofiel voor dezelfde schaal). Er is niets gewijzigd."
        ) from error
    return model.objects.get(pk=pk), notes


def rows_of(rows, model):
    for kind, instances in rows:
        if kind is model:
            yield from instances


def undo_change(model, history_id: int) -> tuple[object | None, list[str]]:
    """Undo one recorded change: a changed record gets its previous values, an added one goes, a removed one
    comes back with what was in it. Returns the record (None when it was removed) and notes for the editor."""
    record = model.history.filter(history_id=history_id).first()
    if record is None:
        raise RestoreRefused("Deze wijziging staat niet in de geschiedenis.")
    current = model.objects.filter(pk=record.id).first()
    if record.history_type == "-":
        if current is not None:
            raise RestoreRefused("Dit onderdeel bestaat al weer; er is niets gewijzigd.")
        return restore_as_of(model, record.id, record.history_date - JUST_BEFORE)
    if current is None:
        raise RestoreRefused("Dit onderdeel bestaat niet meer; zet het eerst terug met zijn verwijdering.")
    if record.history_type == "+":
        if model in content.TIMELINE_ROOTS:
            raise RestoreRefused(
                f"Een {model._meta.verbose_name} verwijdert u met ‘Verwijderen’ op de eigen pagina, niet hier."
            )
        with transaction.atomic():
            current._change_reason = "Toevoeging ongedaan gemaakt"
            current.delete()
        return None, []
    return _revert_fields(model, record, current)


def _revert_fields(model, record, current) -> tuple[object, list[str]]:
    previous = record.prev_record
    if previous is None:
        raise RestoreRefused("Van deze wijziging is geen eerdere versie bewaard.")
    notes = []
    for f in record.tracked_fields:
        if f.name != "id":
            setattr(current, f.attname, getattr(previous, f.attname))
    if _take_free_position(current):
        notes.append(f"Op de oude plaats staat nu iets anders; het staat nu op plaats {current.position}.")
    current._change_reason = "Wijziging ongedaan gemaakt"
    try:
        with transaction.atomic():
            current.save()
            if isinstance(current, TyperingCode):
                services.sync_scores(current)
    except IntegrityError as error:
        raise RestoreRefused(
            "Deze wijziging kan niet ongedaan worden gemaakt: het botst met wat er nu staat. Er is niets gewijzigd."
        ) from error
    return current, notes


def _take_free_position(instance) -> bool:
    """Move a record to the end of its list if another record now holds its position; True if it moved."""
    scope = _position_scope(type(instance))
    if scope is None or instance.position is None:
        return False
    siblings = (
        type(instance).objects.filter(**{name: getattr(instance, name) for name in scope}).exclude(pk=instance.pk)
    )
    if not siblings.filter(position=instance.position).exists():
        return False
    instance.position = (siblings.aggregate(last=Max("position"))["last"] or 0) + 1
    return True


def _position_scope(model) -> list[str] | None:
    for constraint in model._meta.constraints:
        if isinstance(constraint, UniqueConstraint) and "position" in (constraint.fields or ()):
            return [model._meta.get_field(name).attname for name in constraint.fields if name != "position"]
    return None


def _snapshot(root_model, root_id: int, moment) -> list[tuple[type, list]]:
    roots = list(root_model.history.as_of(moment).filter(id=root_id))
    if not roots:
        raise RestoreRefused("De geschiedenis bevat dit onderdeel op dat moment niet.")
    tree = {root_model: roots}
    for model, parent_field, parent in content.descendants(root_model):
        parent_ids = [row.pk for row in tree[parent]]
        tree[model] = list(model.history.as_of(moment).filter(**{f"{parent_field}__in": parent_ids}))
    missing = []
    for model, field in content.REFERENCED:
        wanted = {getattr(row, field) for rows in tree.values() for row in rows if getattr(row, field, None)}
        wanted -= set(model.objects.filter(pk__in=wanted).values_list("pk", flat=True))
        if wanted:
            missing.append((model, list(model.history.as_of(moment).filter(id__in=wanted))))
    return missing + list(tree.items())
