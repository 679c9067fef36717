"""generate_synthetic_catalogue: benchmark data that only ever adds groups in its own family."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalogue.models import SearchLine
from profiles import fuwasys, synthetic
from profiles.models import FunctionGroup, QualityProfile, TyperingCode, TyperingLine


def generate(**options):
    out = StringIO()
    call_command("generate_synthetic_catalogue", stdout=out, **options)
    return out.getvalue()


def default_content():
    """Every searchable line outside the synthetic family, as the search sees it."""
    lines = SearchLine.objects.exclude(group__family__name=synthetic.FAMILY_NAME)
    return sorted(lines.values_list("anchor", "folded", "schaal"))


def synthetic_texts():
    lines = TyperingLine.objects.filter(section__typering__group__family__name=synthetic.FAMILY_NAME)
    return list(
        lines.order_by(
            "section__typering__group__name", "section__typering__schaal", "section__position", "position"
        ).values_list("text", flat=True)
    )


def test_generating_adds_groups_in_the_synthetic_family_only(catalogue):
    before = default_content()

    output = generate(groups=3, seed=1)

    assert "3 synthetische functiegroepen aangemaakt in ‘Synthetisch (benchmark)’" in output
    groups = list(synthetic.synthetic_groups().order_by("name"))
    assert [group.name for group in groups] == [f"Synthetische functiegroep 000{n}" for n in (1, 2, 3)]
    assert default_content() == before
    assert FunctionGroup.objects.count() == 4


def test_synthetic_groups_have_the_shape_of_the_source(catalogue):
    generate(groups=3, seed=1)

    for group in synthetic.synthetic_groups():
        schalen = sorted(group.typeringen.values_list("schaal", flat=True))
        assert len(schalen) == 4 and schalen == list(range(schalen[0], schalen[0] + 4))
        assert schalen[0] >= 1 and schalen[-1] <= 18
        assert sorted(QualityProfile.objects.filter(group=group).values_list("schaal", flat=True)) == schalen
        assert 8 <= group.results.count() <= 20 and 18 <= group.indicators.count() <= 35
        assert group.competency_links.count() == 7
        codes = [(c.typering.schaal, c.parsed) for c in TyperingCode.objects.filter(typering__group=group)]
        for _, code in codes:
            assert code.is_valid, code.problems
        assert fuwasys.descents(codes) == []
        for typering in group.typeringen.all():
            [code] = typering.codes.all()
            assert [s.score for s in code.scores.all()] == list(code.parsed.scores)
            assert 15 <= TyperingLine.objects.filter(section__typering=typering).count() <= 60


def test_the_same_seed_gives_the_same_catalogue(catalogue):
    generate(groups=2, seed=7)
    first = synthetic_texts()
    generate(groups=2, seed=7, replace=True)

    assert synthetic_texts() == first
    generate(groups=2, seed=8, replace=True)
    assert synthetic_texts() != first


def test_synthetic_groups_are_searchable(client, catalogue):
    generate(groups=3, seed=1)

    names = client.get("/zoeken/?q=synthetische&onderdeel=functiegroep").content.decode()
    assert re.findall(r"<h2[^>]*><a [^>]*>(Synthetische functiegroep \d+)</a>", names) == [
        f"Synthetische functiegroep 000{n}" for n in (1, 2, 3)
    ]
    family = client.get("/zoeken/?q=werkzaamheden&functiefamilie=synthetisch-benchmark").content.decode()
    assert "in 3 functiegroepen voor ‘werkzaamheden’" in family


def test_it_refuses_when_synthetic_groups_exist(catalogue):
    generate(groups=3, seed=1)
    texts = synthetic_texts()

    with pytest.raises(CommandError, match=r"Er staan al 3 synthetische functiegroepen .* Geef --replace"):
        generate(groups=2, seed=2)

    assert synthetic_texts() == texts


def test_replace_deletes_only_the_synthetic_groups(catalogue):
    before = default_content()
    generate(groups=3, seed=1)

    output = generate(groups=2, seed=1, replace=True)

    assert output.startswith("3 synthetische functiegroepen verwijderd.")
    assert synthetic.synthetic_groups().count() == 2
    assert default_content() == before


def test_it_refuses_a_name_that_a_real_group_has(catalogue):
    catalogue.name, catalogue.slug = "Synthetische functiegroep 0002", "synthetische-functiegroep-0002"
    catalogue.save()

    with pytest.raises(CommandError, match="is niet synthetisch; er is niets gewijzigd"):
        generate(groups=3)

    assert not synthetic.synthetic_groups().exists()


@pytest.mark.parametrize("groups", [0, -1, 10000])
def test_the_number_of_groups_is_checked(catalogue, groups):
    with pytest.raises(CommandError, match="tussen 1 en 9999"):
        generate(groups=groups)
