"""`manage.py import_fgr`, as an administrator runs it."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from profiles.models import (
    FunctionFamily,
    FunctionGroup,
    FunctionTypering,
    QualityProfile,
    Result,
    TyperingLine,
    TyperingScore,
)
from tests.conftest import DATA_DIR, SOURCE_NAME

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def source_file(tmp_path, source_text):
    path = tmp_path / "fgr-528.txt"
    path.write_text(source_text, encoding="utf-8")
    return path


def run_import(path, *extra, name=SOURCE_NAME, family="Bedrijfsvoering"):
    out = StringIO()
    call_command("import_fgr", str(path), "--name", name, "--family", family, *extra, stdout=out)
    return out.getvalue()


def content_counts():
    return {
        model.__name__: model.objects.count()
        for model in (FunctionFamily, FunctionGroup, Result, QualityProfile, FunctionTypering, TyperingLine)
    }


def test_import_stores_the_group_with_its_identity_and_every_schaal(source_file):
    output = run_import(source_file, "--fgr-id", "528")

    group = FunctionGroup.objects.get()
    assert (group.name, group.slug, group.fgr_id, group.family.name) == (
        SOURCE_NAME,
        "medewerker-ict-techniek-informatiebeheer-div",
        528,
        "Bedrijfsvoering",
    )
    assert list(group.typeringen.values_list("schaal", flat=True)) == [5, 6, 7, 8]
    assert list(group.quality_profiles.values_list("schaal", flat=True)) == [5, 6, 7, 8]
    assert "Aangemaakt: functiegroep ‘Medewerker ICT / Techniek / Informatiebeheer / DIV’" in output


def test_import_records_schaal_6_as_published_and_warns_about_it(source_file):
    output = run_import(source_file)

    [code] = FunctionTypering.objects.get(schaal=6).codes.all()
    assert code.code == "322333222\xa0 22\xa0 22 (32)"
    assert code.total == 32
    assert not code.parsed.is_valid
    assert not code.scores.exists()
    assert "Let op: de FUWASYS-code ‘322333222\xa0 22\xa0 22 (32)’ van schaal 6 klopt niet:" in output
    assert "De cijfers tellen op tot 30, niet tot het vermelde totaal 32." in output


def test_readable_codes_are_stored_as_fourteen_scores(source_file):
    run_import(source_file)

    scores = TyperingScore.objects.filter(code__typering__schaal=7).order_by("characteristic__number")
    assert "".join(str(score.score) for score in scores) == "32332332232332"
    assert scores[0].characteristic.name == "Complexiteit van de werkzaamheden"


def test_dry_run_reports_what_it_would_create_and_writes_nothing(source_file):
    before = content_counts()

    output = run_import(source_file, "--dry-run")

    assert content_counts() == before
    assert "Zou aanmaken" in output
    assert "    4 functietyperingen" in output
    assert "  12 resultaten" in output
    assert "er is niets opgeslagen" in output


def test_an_existing_group_is_not_overwritten_without_replace(source_file):
    run_import(source_file)
    Result.objects.filter(position=1).update(text="Bewerkt door een redacteur")
    before = content_counts()

    with pytest.raises(CommandError, match=r"bestaat al; niets geïmporteerd\. Kies ‘vervangen’ \(--replace\)"):
        run_import(source_file)

    assert content_counts() == before
    assert Result.objects.filter(text="Bewerkt door een redacteur").exists()


def test_replace_swaps_the_group_for_the_new_text(source_file):
    run_import(source_file)
    Result.objects.filter(position=1).update(text="Bewerkt door een redacteur")

    output = run_import(source_file, "--replace")

    assert "Vervangen en aangemaakt" in output
    assert FunctionGroup.objects.count() == 1
    assert not Result.objects.filter(text="Bewerkt door een redacteur").exists()


def test_a_malformed_text_is_refused_with_its_line_number_and_changes_nothing(source_file, tmp_path):
    run_import(source_file)
    before = content_counts()
    lines = source_file.read_text(encoding="utf-8").splitlines()
    number = lines.index("Schaal 7") + 1
    lines[number - 1] = "Schaal zeven"
    broken = tmp_path / "broken.txt"
    broken.write_text("\n".join(lines), encoding="utf-8")

    with pytest.raises(CommandError, match=rf"broken.txt, regel {number}: ‘Schaal zeven’: verwacht ‘Schaal’") as raised:
        run_import(broken, "--replace")

    assert str(raised.value).endswith("zoals ‘Schaal 8’. Niets geïmporteerd.")
    assert content_counts() == before


def test_another_well_formed_fgr_page_imports_beside_the_source(source_file):
    run_import(source_file, "--fgr-id", "528")

    output = run_import(
        DATA_DIR / "fgr-variants.txt", "--fgr-id", "999", name="Beleidsmedewerker (test)", family="Beleid"
    )

    group = FunctionGroup.objects.get(fgr_id=999)
    assert list(group.typeringen.values_list("schaal", flat=True)) == [9, 10]
    assert group.typeringen.get(schaal=9).sections.get(kind="voorbeelden").lines.get().text == (
        "adviezen, notities, rapportages"
    )
    assert FunctionGroup.objects.count() == 2
    assert "klopt niet" not in output


def test_an_unreadable_file_is_a_clear_error(tmp_path):
    missing = tmp_path / "bestaat-niet.txt"

    with pytest.raises(CommandError, match=r"Kan .*bestaat-niet\.txt niet lezen"):
        run_import(missing)


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Resultaten\nco\xf6rdinatie\n".encode("latin-1"))

    with pytest.raises(CommandError, match="niet lezen als UTF-8-tekst"):
        run_import(latin1)
