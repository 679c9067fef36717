"""Changes that keep derived records in step, called from the admin's save path (never from save() or signals)."""

from collections import defaultdict
from collections.abc import Hashable, Sequence

from django.db.models import F

from profiles import fuwasys
from profiles.models import Characteristic, TyperingCode, TyperingScore, descents_by_schaal

# Positions are moved out of the way by this much before they are renumbered, so that no two rows of one list
# ever share a position (the unique constraints) while the new order is written.
_PARKING_OFFSET = 10_000
# The position of a new row for which the editor typed none.
AT_THE_END = _PARKING_OFFSET


def set_fuwasys_code(code: TyperingCode, text: str) -> fuwasys.FuwasysCode:
    """Store `text` as published, with its stated total; raises fuwasys.FuwasysSyntaxError for a non-code."""
    parsed = fuwasys.parse(text)
    code.code = text
    code.total = parsed.stated_total
    return parsed


def sync_scores(code: TyperingCode) -> None:
    """Make the code's 14 TyperingScore rows say what it says (none for a code whose scores cannot be read)."""
    scores = code.readable_scores  # what the pages read from the code, too
    existing = {score.characteristic_id: score for score in code.scores.all()}
    if scores is None:
        for score in existing.values():
            score.delete()
        return
    for characteristic, value in zip(Characteristic.objects.order_by("number"), scores, strict=True):
        row = existing.get(characteristic.pk)
        if row is None:
            TyperingScore.objects.create(code=code, characteristic=characteristic, score=value)
        elif row.score != value:
            row.score = value
            row.save()


def group_descents(group_id: int) -> list[str]:
    """Kenmerken whose score goes down as the schaal goes up, across a group's typeringen."""
    codes = TyperingCode.objects.filter(typering__group_id=group_id).order_by("typering__schaal", "position")
    pairs = list(codes.values_list("typering__schaal", "code"))
    return [message for messages in descents_by_schaal(pairs).values() for message in messages]


def new_positions(entries: Sequence[tuple[Hashable, int, bool]]) -> list[int]:
    """Positions 1, 2, 3, … per list for rows given as (list, position the editor typed, position was changed).

    The rows keep the order the editor typed; on a tie, a row whose position was changed goes before the row
    that already held that position, so typing ‘1’ moves a row to the top. Ties otherwise keep the old order.
    """
    lists = defaultdict(list)
    for index, (scope, position, moved) in enumerate(entries):
        lists[scope].append((position, not moved, index))
    result = [0] * len(entries)
    for rows in lists.values():
        for new, (*_, index) in enumerate(sorted(rows), start=1):
            result[index] = new
    return result


def park_positions(model, pks: Sequence[int]) -> None:
    """Move rows out of the way of the positions that are about to be written (the lists' unique constraints)."""
    if pks:
        model.objects.filter(pk__in=pks).update(position=F("position") + _PARKING_OFFSET)
