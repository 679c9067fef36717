"""The FGR's fixed vocabulary: the four resultaatgebieden and the 14 FUWASYS kenmerken.

Their ids are fixed (position and number) so that fixtures can refer to them. The models are passed in,
so that the data migration can use its historical models.
"""

from profiles.fuwasys import KENMERKEN
from profiles.vocabulary import RESULT_AREAS


def create_reference_data(result_area_model, characteristic_model) -> None:
    for position, name in enumerate(RESULT_AREAS, start=1):
        result_area_model.objects.update_or_create(pk=position, defaults={"name": name, "position": position})
    for kenmerk in KENMERKEN:
        characteristic_model.objects.update_or_create(
            pk=kenmerk.number,
            defaults={"number": kenmerk.number, "name": kenmerk.name, "group": str(kenmerk.group)},
        )
