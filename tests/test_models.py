"""Invariants that the database itself enforces."""

import pytest
from django.db import IntegrityError, transaction

from profiles.models import Characteristic, Competency, FunctionTypering, ResultArea, TyperingCode, TyperingScore


def test_migrations_create_the_four_result_areas_and_fourteen_kenmerken(db):
    assert list(ResultArea.objects.values_list("name", flat=True)) == [
        "Opdracht(gever) (ambtelijk)",
        "Omgeving",
        "Bedrijfsvoering",
        "Vernieuwen en verbeteren",
    ]
    assert Characteristic.objects.count() == 14
    assert str(Characteristic.objects.get(number=9)) == "9. Kader"
    assert Characteristic.objects.get(number=11).get_group_display() == "Kennis en vaardigheden"


@pytest.mark.parametrize("schaal", [0, 19])
def test_a_schaal_outside_1_to_18_is_refused(catalogue, schaal):
    with pytest.raises(IntegrityError), transaction.atomic():
        FunctionTypering.objects.create(group=catalogue, schaal=schaal)


def test_a_group_has_one_typering_per_schaal(catalogue):
    with pytest.raises(IntegrityError), transaction.atomic():
        FunctionTypering.objects.create(group=catalogue, schaal=7)


@pytest.mark.parametrize("score", [0, 6])
def test_a_score_outside_1_to_5_is_refused(catalogue, score):
    code = TyperingCode.objects.get(typering__group=catalogue, typering__schaal=6)  # no scores: it cannot be read

    with pytest.raises(IntegrityError), transaction.atomic():
        TyperingScore.objects.create(code=code, characteristic_id=1, score=score)


def test_a_typering_has_one_code_per_position(catalogue):
    typering = catalogue.typeringen.get(schaal=7)

    with pytest.raises(IntegrityError), transaction.atomic():
        TyperingCode.objects.create(typering=typering, position=1, code="22222 22222 22 22 (28)")


def test_competency_names_are_unique_whatever_the_case(catalogue):
    with pytest.raises(IntegrityError), transaction.atomic():
        Competency.objects.create(name="Accuraat Werken", slug="accuraat-werken-2")


def test_records_read_as_their_dutch_names(catalogue):
    schaal_8 = catalogue.typeringen.get(schaal=8)

    assert str(catalogue) == "Medewerker ICT / Techniek / Informatiebeheer / DIV"
    assert str(catalogue.family) == "Bedrijfsvoering"
    assert str(schaal_8) == "Functietypering Medewerker ICT / Techniek / Informatiebeheer / DIV schaal 8"
    assert catalogue.get_absolute_url() == "/functiegroepen/medewerker-ict-techniek-informatiebeheer-div/"
