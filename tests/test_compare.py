"""/functiegroepen/<slug>/vergelijken/: schalen side by side, aligned, with what changes marked."""

import csv
import html
import io
import re

import pytest

from profiles.importer import GroupIdentity, import_group
from profiles.models import QualityProfileLine, TyperingLine
from tests.conftest import DATA_DIR, SOURCE_SLUG, VERSION_QUERY

COMPARE_URL = f"/functiegroepen/{SOURCE_SLUG}/vergelijken/"
EMPTY_CELL = '<span class="empty" aria-hidden="true">—</span><span class="visually-hidden">geen regel</span>'


def compare(client, *schalen, status=200, url=COMPARE_URL, **params):
    query = "&".join([f"schaal={schaal}" for schaal in schalen] + [f"{k}={v}" for k, v in params.items()])
    response = client.get(f"{url}?{query}" if query else url)
    assert response.status_code == status
    return response


def page(client, *schalen, **params) -> str:
    return compare(client, *schalen, **params).content.decode()


def table_rows(content: str) -> list[list[str]]:
    """Each body row of the comparison tables as its cells' raw HTML (the row header left out)."""
    rows = re.findall(r'<tr>\s*<th scope="row" class="row-label">.*?</th>(.*?)</tr>', content, re.S)
    return [[cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]


def new_text(cell: str) -> str:
    """What a cell says for its own schaal: its kept and inserted words, without the screen-reader labels."""
    cell = re.sub(r"<del>.*?</del>", "", cell, flags=re.S)
    cell = re.sub(r'<span class="visually-hidden">.*?</span>', "", cell)
    return html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()


def test_without_a_choice_all_schalen_are_compared_in_ascending_columns(client, catalogue):
    content = page(client)

    assert re.findall(r'<th scope="col"><a href="[^"]+">(Schaal \d)</a></th>', content) == [
        "Schaal 5",
        "Schaal 6",
        "Schaal 7",
        "Schaal 8",
    ]
    assert "<caption>Functietyperingen van schaal 5, 6, 7 en 8 naast elkaar</caption>" in content


def test_every_line_of_the_four_typeringen_and_profiles_stands_in_its_column(client, catalogue):
    rows = table_rows(page(client))
    columns = {schaal: {new_text(row[index]) for row in rows} for index, schaal in enumerate((5, 6, 7, 8))}

    for line in TyperingLine.objects.select_related("section__typering"):
        text = " ".join([line.text, *line.continuation.splitlines()])
        assert text in columns[line.section.typering.schaal], text
    for line in QualityProfileLine.objects.select_related("section__profile"):
        assert line.text in columns[line.section.profile.schaal], line.text


def test_schaal_6_drops_routinematig_van_aard_and_adds_a_limited_diversity(client, catalogue):
    content = page(client, 5, 6)

    assert (
        '<del><span class="visually-hidden">verwijderd: </span>routinematig van aard</del>'
        '<ins><span class="visually-hidden">toegevoegd: </span>met een beperkte diversiteit in problematiek</ins>'
    ) in content


def test_schaal_8_adds_coordinatie_van_and_en_complexiteit(client, catalogue):
    content = page(client, 7, 8)

    assert '<ins><span class="visually-hidden">toegevoegd: </span>(coördinatie van) </ins>ondersteunende' in content
    assert (
        'diversiteit <ins><span class="visually-hidden">toegevoegd: </span>en complexiteit </ins>in problematiek'
        in content
    )


def test_a_new_item_is_one_ins_on_its_own_row(client, catalogue):
    rows = table_rows(page(client, 5, 6))

    assert [
        EMPTY_CELL,
        '<ins><span class="visually-hidden">toegevoegd: </span>bijdragen aan verzamelen, ordenen, rubriceren '
        "(classificeren), ontsluiten en beschikbaar stellen van informatie</ins>",
    ] in rows
    assert ["bibliotheekdocumentatie en archieven actueel en op orde"] * 2 in rows


def test_a_sub_area_missing_at_the_lower_schaal_leaves_empty_cells(client, catalogue):
    content = page(client, 5, 6)
    ict = content[content.index(">Resultaten: ICT<") : content.index(">Resultaten: Techniek<")]

    assert ict.count(f'<td class="change-leeg">{EMPTY_CELL}</td>') == 6


def test_the_source_label_of_each_sub_area_is_shown(client, catalogue):
    content = page(client)
    labels = content[content.index(">Resultaten: Techniek<") :]
    labels = labels[: labels.index("</tr>", labels.index('class="source-labels"'))]

    assert re.findall(r"<td>(.*?)</td>", labels[labels.index('class="source-labels"') :]) == [
        "technische werkzaamheden",
        "Technische werkzaamheden",
        "Techniek",
        "Techniek",
    ]


def test_identical_profiles_of_schaal_5_and_6_say_geen_verschillen(client, catalogue):
    content = page(client, 5, 6)

    assert "<strong>Geen verschillen</strong> tussen de kwaliteitenprofielen van schaal 5 en schaal 6." in content
    quality = content[content.index('id="vergelijking-kwaliteitenprofielen"') :]
    assert quality.count("<td><strong>Geen verschillen</strong></td>") == quality.count('class="part-summary"')


def test_fuwasys_codes_and_changed_kenmerken_are_marked(client, catalogue):
    content = page(client, 7, 8)

    assert '<code data-fuwasys="valid">32332\xa0 33223\xa0 23\xa0 32 (36)</code>' in content
    kader = re.search(r"9\. Kader</th>(.*?)</tr>", content, re.S).group(1)
    assert '3 <strong class="delta">(+1<span class="visually-hidden"> ten opzichte van schaal 7</span>)' in kader
    controle = re.search(r"10\. Controle</th>(.*?)</tr>", content, re.S).group(1)
    assert "delta" not in controle


def test_the_inconsistent_code_is_flagged_in_the_comparison(client, catalogue):
    content = page(client, 5, 6)

    assert '<code data-fuwasys="invalid">322333222\xa0 22\xa0 22 (32)</code>' in content
    assert "De code heeft 13 cijfers in plaats van 14." in content
    assert '<td class="score"><span class="muted">niet te lezen</span></td>' in content


def test_only_differences_hides_rows_that_are_the_same_everywhere(client, catalogue):
    everything = table_rows(page(client, 5, 6))
    differences = table_rows(page(client, 5, 6, alleen_verschillen="on"))

    assert ["bibliotheekdocumentatie en archieven actueel en op orde"] * 2 in everything
    assert ["bibliotheekdocumentatie en archieven actueel en op orde"] * 2 not in differences
    assert 0 < len(differences) < len(everything)
    assert all(any("<ins>" in cell or "<del>" in cell for cell in row) for row in differences)


@pytest.mark.parametrize(
    ("schalen", "message"),
    [
        ((5,), "Kies twee tot vier schalen om te vergelijken (nu 1), uit 5, 6, 7 en 8."),
        ((5, 9), "Schaal 9 hoort niet bij deze functiegroep; kies uit 5, 6, 7 en 8."),
        (("zes", 7), "Schaal zes hoort niet bij deze functiegroep; kies uit 5, 6, 7 en 8."),
        ((5, 5), "Kies elke schaal maar één keer."),
        ((5, 6, 7, 8, 8), "Kies elke schaal maar één keer."),
        (("",), "Kies twee tot vier schalen"),
    ],
)
def test_a_wrong_choice_gets_the_form_and_a_dutch_message(client, catalogue, schalen, message):
    content = compare(client, *schalen, status=400).content.decode()

    assert '<div class="form-errors" role="alert">' in content
    assert message in html.unescape(content)
    assert '<form class="compare-form"' in content


def test_more_than_four_schalen_is_refused(client, reference_data):
    text = (DATA_DIR / "fgr-variants.txt").read_text(encoding="utf-8")
    group = import_group(text, GroupIdentity(name="Testgroep", family="Beleid")).group
    group.typeringen.filter(schaal=10).update(schaal=11)  # room for more schalen in the test
    for schaal in (12, 13, 14):
        typering = group.typeringen.get(schaal=11)
        typering.pk, typering.schaal = None, schaal
        typering.save()

    content = compare(client, 9, 11, 12, 13, 14, url=f"/functiegroepen/{group.slug}/vergelijken/", status=400)

    assert "Kies twee tot vier schalen om te vergelijken (nu 5)" in content.content.decode()


def test_unknown_group_is_not_found(client, catalogue):
    assert client.get("/functiegroepen/bestaat-niet/vergelijken/").status_code == 404


def test_csv_has_one_row_per_aligned_item_and_marks_the_change(client, catalogue):
    response = compare(client, 5, 6, url=f"{COMPARE_URL}csv/")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (f'attachment; filename="vergelijking-{SOURCE_SLUG}-schaal-5-6.csv"')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == ["Onderdeel", "Kop in de bron", "Schaal 5", "Schaal 6", "Verschil met schaal 5"]
    description = next(row for row in rows if row[0] == "Algemene omschrijving, regel 1")
    assert description[4] == (
        "gewijzigd (toegevoegd: met een beperkte diversiteit in problematiek; verwijderd: routinematig van aard)"
    )
    first_result = next(row for row in rows if row[0] == "Resultaten: Informatiebeheer, regel 1")
    assert first_result == [
        "Resultaten: Informatiebeheer, regel 1",
        "Informatiebeheer",
        "",
        "bijdragen aan verzamelen, ordenen, rubriceren (classificeren), ontsluiten en beschikbaar stellen "
        "van informatie",
        "nieuw",
    ]
    assert len(rows) == 1 + 1 + 14 + len(table_rows(page(client, 5, 6)))


def test_csv_with_a_wrong_choice_is_refused(client, catalogue):
    compare(client, 5, url=f"{COMPARE_URL}csv/", status=400)


def test_group_and_schaal_pages_link_to_the_comparison(client, catalogue):
    group_page = client.get(f"/functiegroepen/{SOURCE_SLUG}/").content.decode()
    schaal_page = client.get(f"/functiegroepen/{SOURCE_SLUG}/schaal/7/").content.decode()

    assert f'<a href="{COMPARE_URL}">Schalen naast elkaar vergelijken</a>' in group_page
    assert f'<a href="{COMPARE_URL}?schaal=6&amp;schaal=7">Vergelijk met schaal 6</a>' in schaal_page
    assert f'<a href="{COMPARE_URL}?schaal=7&amp;schaal=8">Vergelijk met schaal 8</a>' in schaal_page


@pytest.mark.parametrize("which", ["source", "second"])
def test_query_count_does_not_grow_with_the_content(client, catalogue, django_assert_num_queries, which):
    text = (DATA_DIR / "fgr-variants.txt").read_text(encoding="utf-8")
    second = import_group(text, GroupIdentity(name="Testgroep", family="Beleid")).group
    url = COMPARE_URL if which == "source" else f"/functiegroepen/{second.slug}/vergelijken/"

    with django_assert_num_queries(11 + VERSION_QUERY):
        client.get(url)


def test_scores_are_compared_across_an_unreadable_code(client, catalogue):
    content = page(client, alleen_verschillen="on")
    complexity = re.search(r"1\. Complexiteit van de werkzaamheden</th>(.*?)</tr>", content, re.S)

    assert complexity, "kenmerk 1 rises from 2 (schaal 5) to 3 (schaal 7) and must not be hidden"
    assert '3 <strong class="delta">(+1 t.o.v. schaal 5)</strong>' in complexity.group(1)
    assert '<span class="muted">niet te lezen</span>' in complexity.group(1)


def test_a_score_that_goes_down_is_flagged_in_the_comparison(client, descending_schaal_8):
    content = page(client, 7, 8)

    assert "Let op: een FUWASYS-score daalt terwijl de schaal stijgt." in content
    assert "<li>Kenmerk 14 (Doel van de contacten) daalt van 2 in schaal 7 naar 1 in schaal 8.</li>" in content
    doel = re.search(r"14\. Doel van de contacten</th>(.*?)</tr>", content, re.S).group(1)
    assert (
        '<strong class="delta delta-down">(−1<span class="visually-hidden"> ten opzichte van schaal 7</span>, daalt)'
        in doel
    )


def test_a_heading_the_source_spells_otherwise_is_shown(client, catalogue):
    content = page(client, 5, 6)
    part = content[content.index(">Opleiding departementsspecifiek<") :]
    part = part[: part.index("</tbody>")]

    assert 'class="source-labels"' in part
    assert part.count("<td>Opleiding departmentsspecifiek</td>") == 2
    experience = content[content.index(">Ervaring<") :]
    assert 'class="source-labels"' not in experience[: experience.index("</tbody>")]


def compare_url(group) -> str:
    return f"{group.get_absolute_url()}vergelijken/"


def test_a_group_lines_its_schalen_up_by_its_own_sub_areas(client, corpus_group):
    content = page(client, 8, 10, url=compare_url(corpus_group("03")))

    parts = re.findall(r'<th scope="rowgroup" colspan="3">(Resultaten[^<]*)</th>', content)
    assert parts == [
        "Resultaten: toezicht en handhaving",
        "Resultaten: informatievoorziening",
        "Resultaten: Advisering",
    ]
    rows = table_rows(content)
    assert any(
        "ongevallen en incidenten onderzocht" in row[1] and row[0].startswith('<span class="empty"') for row in rows
    )


def test_each_variant_code_of_a_schaal_has_its_entry(client, corpus_group):
    content = page(client, 10, 11, url=compare_url(corpus_group("07")))

    code_row = content[
        content.index('<th scope="row">Code</th>') : content.index("</tr>", content.index('<th scope="row">Code</th>'))
    ]
    assert code_row.count('<span class="code-cell">') == 4
    assert "Variant 1. <code" in code_row and "Variant B <code" in code_row
    assert '<span class="variant-score">Variant 2.: ' in content
