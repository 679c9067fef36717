"""/vergelijken/: two or three functiegroepen side by side, as the FGR's "Functiegroepen vergelijken"."""

import csv
import html
import io
import re

import pytest

from profiles.importer import GroupIdentity, import_group
from profiles.models import SYNTHETIC_FAMILY, FunctionGroup, GroupCompetency
from tests.conftest import SOURCE_NAME, SOURCE_SLUG, VERSION_QUERY

URL = "/vergelijken/"
# One result of the source, reworded in the copy that the tests import beside it.
ORIGINAL = "Archieven zijn bewerkt en bibliotheken bijgehouden"
REWORDED = "Archieven zijn geordend en bibliotheken bijgehouden"


def compare(client, *groups, status=200, url=URL, schaal=()):
    query = "&".join([f"groep={group}" for group in groups] + [f"schaal={value}" for value in schaal])
    response = client.get(f"{url}?{query}" if query else url)
    assert response.status_code == status, response.content.decode()[:2000]
    return response


def page(client, *groups, **options) -> str:
    return compare(client, *groups, **options).content.decode()


def text(fragment: str) -> str:
    fragment = re.sub(r'<span class="(visually-hidden|cell-label)">.*?</span>|<wbr>', "", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def section(content: str, anchor: str) -> str:
    start = content.index(f'id="{anchor}"')
    end = content.find('<h2 id="', start + 1)
    return content[start : end if end > 0 else len(content)]


@pytest.fixture
def copy_group(catalogue, source_text) -> FunctionGroup:
    """The source imported once more, as another family's group, with one result reworded."""
    assert ORIGINAL in source_text
    identity = GroupIdentity(name="Kopie van de bron", family="Testfamilie", purpose="Is verantwoordelijk voor tests.")
    return import_group(source_text.replace(ORIGINAL, REWORDED), identity).group


def test_without_a_choice_the_form_offers_every_group_by_family(client, catalogue, corpus_group):
    corpus_group("07")
    content = page(client)

    assert content.count('<select id="id_groep_') == 3
    assert '<optgroup label="Bedrijfsvoering">' in content and '<optgroup label="Corpus">' in content
    assert f'<option value="{SOURCE_SLUG}">{SOURCE_NAME}</option>' in content
    assert 'id="vergelijking-groepen"' not in content


def test_every_group_page_links_to_the_form_with_itself_chosen(client, catalogue):
    group_page = client.get(f"/functiegroepen/{SOURCE_SLUG}/").content.decode()
    assert f'<a href="{URL}?groep={SOURCE_SLUG}">Vergelijk met een andere functiegroep</a>' in group_page

    content = page(client, SOURCE_SLUG)

    assert f'<option value="{SOURCE_SLUG}" selected>{SOURCE_NAME}</option>' in content
    assert "Kies nog een functiegroep om mee te vergelijken." in content
    assert 'class="form-errors"' not in content


def test_the_groups_in_short(client, catalogue, corpus_group):
    other = corpus_group("07")
    overview = section(page(client, SOURCE_SLUG, other.slug), "vergelijking-groepen")

    rows = {
        text(row[0]): [text(cell) for cell in row[1:]]
        for row in (
            re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S) for tr in re.findall(r"<tr>(.*?)</tr>", overview, re.S)
        )
    }
    assert rows["Functiegroep"] == [f"{SOURCE_NAME} (FGR 528)", other.name]
    assert rows["Functiefamilie"] == ["Bedrijfsvoering", "Corpus"]
    assert rows["Doel"] == ["–", "Is verantwoordelijk voor een test."]
    assert rows["Schalen"] == ["5, 6, 7 en 8", "10 en 11"]


def test_kernprofielen_stand_side_by_side_per_resultaatgebied(client, catalogue, corpus_group):
    other = corpus_group("07")
    content = page(client, SOURCE_SLUG, other.slug)
    kernprofiel = section(content, "vergelijking-kernprofiel")

    headings = re.findall(r'<th scope="rowgroup" colspan="2">(.*?)</th>', kernprofiel)
    assert headings[:4] == [
        "Resultaten – Opdracht(gever) (ambtelijk)",
        "Resultaten – Omgeving",
        "Resultaten – Bedrijfsvoering",
        "Resultaten – Vernieuwen en verbeteren",
    ]
    assert "Gedragsindicatoren – Opdracht(gever) (ambtelijk)" in " ".join(headings)
    shown = text(kernprofiel)
    for group in (catalogue, other):
        for line in [*group.results.all(), *group.indicators.all()]:
            assert " ".join(line.text.split()) in shown, line.text


def test_a_similar_line_is_diffed_and_a_shared_line_is_the_same(client, copy_group):
    kernprofiel = section(page(client, SOURCE_SLUG, copy_group.slug), "vergelijking-kernprofiel")

    row = next(row for row in re.findall(r"<tr>(.*?)</tr>", kernprofiel, re.S) if "Archieven zijn" in row)
    assert '<del><span class="visually-hidden">verwijderd: </span>bewerkt</del>' in row
    assert '<ins><span class="visually-hidden">toegevoegd: </span>geordend</ins>' in row
    lines = len(copy_group.results.all()) + len(copy_group.indicators.all())
    assert kernprofiel.count('class="change-gelijk"') == lines - 1  # every line but the reworded one


def test_shared_competencies_come_first_and_are_marked(client, catalogue, corpus_group):
    other = corpus_group("07")
    competencies = section(page(client, SOURCE_SLUG, other.slug), "vergelijking-competenties")

    mine = set(GroupCompetency.objects.filter(group=catalogue).values_list("competency__name", flat=True))
    theirs = set(GroupCompetency.objects.filter(group=other).values_list("competency__name", flat=True))
    rows = re.findall(r"<tr( class=\"shared\")?><th scope=\"row\"><a [^>]+>(.*?)</a>", competencies)
    shared = [name for marked, name in rows if marked]
    assert set(shared) == mine & theirs
    assert [name for _, name in rows][: len(shared)] == shared
    assert {name for _, name in rows} == mine | theirs
    assert f"{len(mine & theirs)} van de {len(mine | theirs)} competenties" in text(competencies)


def test_the_kwaliteitenprofiel_is_of_the_lowest_schaal_unless_chosen(client, catalogue, corpus_group):
    other = corpus_group("07")
    default = section(page(client, SOURCE_SLUG, other.slug), "vergelijking-kwaliteitenprofielen")
    chosen = section(
        page(client, SOURCE_SLUG, other.slug, schaal=[f"{SOURCE_SLUG}:7"]), "vergelijking-kwaliteitenprofielen"
    )

    assert f'<th scope="col">{SOURCE_NAME}, schaal 5</th><th scope="col">{other.name}, schaal 10</th>' in default
    assert f'<th scope="col">{SOURCE_NAME}, schaal 7</th>' in chosen
    for schaal, shown in ((5, default), (7, chosen)):
        profile = catalogue.quality_profiles.get(schaal=schaal)
        experience = profile.sections.get(kind="ervaring").lines.first()
        assert experience.text in text(shown)
    assert text(default) != text(chosen)


def test_three_groups_each_against_the_one_to_its_left(client, copy_group, corpus_group):
    other = corpus_group("07")
    content = page(client, SOURCE_SLUG, copy_group.slug, other.slug)

    assert re.findall(r'<th scope="rowgroup" colspan="3">', content)
    assert content.count('<select id="id_schaal_') == 3


@pytest.mark.parametrize(
    ("groups", "schaal", "message"),
    [
        ((SOURCE_SLUG, "bestaat-niet"), (), "Functiegroep ‘bestaat-niet’ staat niet in de catalogus"),
        ((SOURCE_SLUG, SOURCE_SLUG), (), "Kies elke functiegroep maar één keer."),
        (("", ""), (), "Kies twee of drie functiegroepen om te vergelijken (nu 0)."),
        ((SOURCE_SLUG, "a", "b", "c"), (), "staat niet in de catalogus"),
        (
            (SOURCE_SLUG, "{copy}"),
            (f"{SOURCE_SLUG}:12",),
            f"{SOURCE_NAME} heeft geen schaal 12; kies uit 5, 6, 7 en 8.",
        ),
        ((SOURCE_SLUG, "{copy}"), (f"{SOURCE_SLUG}-7",), "is geen schaal van een functiegroep"),
        ((SOURCE_SLUG, "{copy}"), (f"{SOURCE_SLUG}:5", f"{SOURCE_SLUG}:6"), "Kies per functiegroep één schaal."),
    ],
)
def test_a_wrong_choice_gets_the_form_and_a_dutch_message(client, copy_group, groups, schaal, message):
    groups = [group.replace("{copy}", copy_group.slug) for group in groups]
    content = page(client, *groups, schaal=schaal, status=400)

    assert '<div class="form-errors" role="alert">' in content
    assert message in html.unescape(content)
    assert 'id="vergelijking-groepen"' not in content


def test_four_groups_are_refused(client, copy_group, corpus_group):
    groups = [SOURCE_SLUG, copy_group.slug, corpus_group("07").slug, corpus_group("01").slug]

    assert "Kies twee of drie functiegroepen om te vergelijken (nu 4)." in html.unescape(
        page(client, *groups, status=400)
    )


def test_a_schaal_of_a_group_that_is_no_longer_chosen_is_left_alone(client, copy_group, corpus_group):
    other = corpus_group("07")

    content = page(client, SOURCE_SLUG, other.slug, schaal=[f"{copy_group.slug}:7", f"{other.slug}:11"])

    profiles = section(content, "vergelijking-kwaliteitenprofielen")
    assert f'<th scope="col">{SOURCE_NAME}, schaal 5</th><th scope="col">{other.name}, schaal 11</th>' in profiles


def test_a_group_without_kwaliteitenprofielen_says_so(client, catalogue, corpus_group):
    other = corpus_group("10")
    assert not other.quality_profiles.exists()

    content = page(client, SOURCE_SLUG, other.slug)

    assert f'<th scope="col">{other.name} (geen kwaliteitenprofiel)</th>' in content
    assert 'id="id_schaal_2"' not in content  # no schaal to choose a kwaliteitenprofiel from


@pytest.mark.parametrize("number", ["\u00b2", "\u0663", "\uff17", "-1", "123"])  # ², Arabic-Indic 3, fullwidth 7
def test_a_schaal_in_other_digits_is_refused(client, copy_group, number):
    content = page(client, SOURCE_SLUG, copy_group.slug, schaal=[f"{SOURCE_SLUG}:{number}"], status=400)

    assert "is geen schaal van een functiegroep" in html.unescape(content)


def test_other_parameters_alone_show_the_empty_form(client, catalogue):
    content = page(client, url=f"{URL}?utm_source=nieuwsbrief")

    assert 'class="form-errors"' not in content


def test_csv_with_one_group_says_what_is_missing(client, catalogue):
    content = compare(client, SOURCE_SLUG, url=f"{URL}csv/", status=400).content.decode()

    assert "Kies twee of drie functiegroepen om te vergelijken." in content


def test_the_benchmarks_synthetic_groups_cannot_be_chosen(client, copy_group):
    FunctionGroup.objects.filter(pk=copy_group.pk).update(
        family=copy_group.family.__class__.objects.create(name=SYNTHETIC_FAMILY, slug="synthetisch")
    )

    assert copy_group.slug not in page(client)
    page(client, SOURCE_SLUG, copy_group.slug, status=400)


def test_csv_download(client, copy_group):
    response = compare(client, SOURCE_SLUG, copy_group.slug, url=f"{URL}csv/")

    assert response["Content-Disposition"] == (
        f'attachment; filename="vergelijking-{SOURCE_SLUG}-{copy_group.slug}.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode().removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == ["Onderdeel", SOURCE_NAME, copy_group.name, f"Verschil met {SOURCE_NAME}"]
    assert ["Functiefamilie", "Bedrijfsvoering", "Testfamilie", ""] in rows
    reworded = next(row for row in rows if row[2].startswith("Archieven zijn geordend"))
    assert reworded[0] == "Resultaten – Opdracht(gever) (ambtelijk)"
    assert reworded[3] == "gewijzigd (toegevoegd: geordend; verwijderd: bewerkt)"
    assert ["Kwaliteitenprofiel van schaal", "5", "5", ""] in rows


def test_csv_says_which_lines_have_no_counterpart(client, catalogue, corpus_group):
    other = corpus_group("07")
    response = compare(client, SOURCE_SLUG, other.slug, url=f"{URL}csv/")

    rows = list(csv.reader(io.StringIO(response.content.decode().removeprefix("\ufeff")), delimiter=";"))
    persvragen = next(row for row in rows if row[2].startswith("Persvragen zijn snel"))
    assert persvragen[3] == "geen vergelijkbare regel links"
    assert not any("eigen" in row[3] for row in rows[1:])


def test_csv_with_a_wrong_choice_is_refused(client, catalogue):
    compare(client, SOURCE_SLUG, "bestaat-niet", url=f"{URL}csv/", status=400)


@pytest.mark.parametrize("which", ["copy", "corpus"])
def test_query_count_does_not_grow_with_the_content(client, copy_group, corpus_group, django_assert_num_queries, which):
    other = copy_group if which == "copy" else corpus_group("13")

    with django_assert_num_queries(12 + VERSION_QUERY):
        client.get(f"{URL}?groep={SOURCE_SLUG}&groep={other.slug}")
