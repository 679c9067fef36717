"""Bringing a removed functiegroep back from the history, exactly as it was just before it was removed.

A group disappears when `import_fgr --replace` overwrites it or when it is deleted in the admin; both run
inside one history batch, so every row of the group carries the same moment of removal.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q

from profiles import history
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
    TyperingScore,
    TyperingSection,
)

# (model, field pointing to its parent, parent model), parents first.
_TREE = (
    (Result, "group_id", FunctionGroup),
    (BehaviouralIndicator, "group_id", FunctionGroup),
    (KernprofielHeading, "group_id", FunctionGroup),
    (GroupCompetency, "group_id", FunctionGroup),
    (QualityProfile, "group_id", FunctionGroup),
    (QualityProfileSection, "profile_id", QualityProfile),
    (QualityProfileLine, "section_id", QualityProfileSection),
    (QualityProfileCompetency, "profile_id", QualityProfile),
    (FunctionTypering, "group_id", FunctionGroup),
    (TyperingCode, "typering_id", FunctionTypering),
    (TyperingScore, "code_id", TyperingCode),
    (TyperingSection, "typering_id", FunctionTypering),
    (TyperingLine, "section_id", TyperingSection),
)
# Shared records a group refers to (PROTECT); restored too if they are gone.
_REFERENCED = ((FunctionFamily, "family_id"), (Competency, "competency_id"), (FocusArea, "focus_area_id"))


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
    rows = _snapshot(removal.id, removal.history_date - timedelta(microseconds=1))
    with transaction.atomic():
        with history.batch(history.REPLACED):
            successors = Q(slug=removal.slug) | (Q(fgr_id=removal.fgr_id) if removal.fgr_id else Q())
            for group in FunctionGroup.objects.filter(successors):
                group.delete()
        with history.batch(history.RESTORED):
            for model, instances in rows:
                history.record_created(model.objects.bulk_create(instances))
    return FunctionGroup.objects.get(pk=removal.id)


def _snapshot(group_id: int, moment) -> list[tuple[type, list]]:
    groups = list(FunctionGroup.history.as_of(moment).filter(id=group_id))
    if not groups:
        raise RestoreRefused("De geschiedenis bevat de inhoud van deze functiegroep niet.")
    tree = {FunctionGroup: groups}
    for model, parent_field, parent in _TREE:
        parent_ids = [row.pk for row in tree[parent]]
        tree[model] = list(model.history.as_of(moment).filter(**{f"{parent_field}__in": parent_ids}))
    missing = []
    for model, field in _REFERENCED:
        wanted = {getattr(row, field) for rows in tree.values() for row in rows if getattr(row, field, None)}
        wanted -= set(model.objects.filter(pk__in=wanted).values_list("pk", flat=True))
        if wanted:
            missing.append((model, list(model.history.as_of(moment).filter(id__in=wanted))))
    return missing + list(tree.items())
