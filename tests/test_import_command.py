"""`manage.py import_fgr`, as an administrator runs it."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from profiles.models import (
    Competency,
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
    if "--name" in extra:
        call_command("import_fgr", str(path), "--family", family, *extra, stdout=out)
        return out.getvalue()
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


def test_the_report_names_every_line_placed_by_inference(source_file):
    output = run_import(source_file, "--dry-run")

    assert "Afgeleid (" in output
    assert (
        "  regel 302: ‘inventarisatie en vernietiging’ → Functietypering schaal 5 › Resultaten (Informatiebeheer): "
        in output
    )
    assert "vervolg van regel 301" in output
    assert "kopje herkend als ‘Opleiding departementsspecifiek’" in output


def test_strict_refuses_a_page_with_inferred_lines_and_writes_nothing(source_file):
    with pytest.raises(
        CommandError, match=r"regel\(s\) konden alleen worden geplaatst .* met --strict is niets geïmporteerd\.$"
    ):
        run_import(source_file, "--strict")

    assert not FunctionGroup.objects.exists()


def test_strict_takes_a_page_whose_every_line_says_where_it_goes(tmp_path):
    page = tmp_path / "strikt.txt"
    page.write_text(
        "Resultaten\nOmgeving\n • Contacten zijn onderhouden\nGedragsindicatoren\nOmgeving\n • Onderneemt actie\n"
        "Competenties\n • samenwerken\nFunctietyperingen\nFunctietypering\n33333 33333 33 33 (42)\nSchaal 9\n"
        "Algemene omschrijving\n • adviseren over beleid\nContacten\n • overleggen\n",
        encoding="utf-8",
    )

    run_import(page, "--strict", name="Strikte groep")

    assert FunctionGroup.objects.get().typeringen.get().schaal == 9


def test_purpose_level_and_family_description_come_from_the_command_line(source_file):
    run_import(
        source_file,
        "--purpose",
        "Is verantwoordelijk voor ondersteuning.",
        "--level",
        "vmbo, mbo",
        "--family-description",
        "Functies die de organisatie laten draaien.",
    )

    group = FunctionGroup.objects.get()
    assert (group.purpose, group.thinking_level) == ("Is verantwoordelijk voor ondersteuning.", "vmbo, mbo")
    assert group.family.description == "Functies die de organisatie laten draaien."


def test_a_competency_renamed_in_the_admin_is_found_again(source_file):
    run_import(source_file)
    Competency.objects.filter(slug="accuraat-werken").update(name="Nauwkeurig werken")

    output = run_import(source_file, "--replace", "--name", "Tweede groep", "--fgr-id", "529")

    assert "Competentie ‘accuraat werken’ is gekoppeld aan ‘Nauwkeurig werken’" in output
    assert Competency.objects.filter(slug__startswith="accuraat-werken").count() == 1


def test_a_refusal_by_the_database_is_a_dutch_message_and_writes_nothing(source_file):
    from django.db import connection

    table = FunctionGroup._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION weiger() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'geweigerd door de database'; END $$"
            )
            cursor.execute(f"CREATE TRIGGER weiger BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION weiger()")
        else:
            refuse = "SELECT RAISE(ABORT, 'geweigerd door de database');"
            cursor.execute(f"CREATE TRIGGER weiger BEFORE INSERT ON {table} BEGIN {refuse} END")

    with pytest.raises(
        CommandError, match=r"^De database weigerde de import \(.*geweigerd door de database.*\); niets geïmporteerd\."
    ):
        run_import(source_file)

    assert not FunctionFamily.objects.exists() and not Result.objects.exists()


def test_a_competency_keeps_its_qualifier_in_its_label_and_its_footnote(source_file, tmp_path):
    text = source_file.read_text(encoding="utf-8").replace(
        " • accuraat werken\n", " • accuraat werken*\n   (senior)\n*) alleen bij dossiers met een hoog risico\n", 1
    )
    page = tmp_path / "noot.txt"
    page.write_text(text, encoding="utf-8")

    run_import(page)

    link = FunctionGroup.objects.get().competency_links.get(position=1)
    assert (link.label, link.competency.name) == ("accuraat werken* (senior)", "accuraat werken")
    assert link.note == "*) alleen bij dossiers met een hoog risico"
