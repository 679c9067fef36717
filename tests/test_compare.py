"""/functiegroepen/<slug>/vergelijken/: schalen side by side, aligned, with what changes marked."""

import csv
import html
import io
import re
from types import SimpleNamespace

import pytest

from catalogue.templatetags.catalogue_format import compare_cells, diff_segments
from profiles.importer import GroupIdentity, import_group
from profiles.models import QualityProfileLine, TyperingLine
from profiles.textdiff import Segment
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
    """Each row of lines of the comparison tables as its cells' raw HTML (without the cells' column labels)."""
    rows = re.findall(r'<tr>\s*(<td class="change-.*?)</tr>', content, re.S)
    return [
        [
            re.sub(r'^<span class="cell-label">[^<]*</span>', "", cell.strip())
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in rows
    ]


def new_text(cell: str) -> str:
    """What a cell says for its own schaal: its kept and inserted words, without the screen-reader labels."""
    cell = re.sub(r"<del>.*?</del>", "", cell, flags=re.S)
    cell = re.sub(r'<span class="visually-hidden">.*?</span>', "", cell)
    return html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()


def test_without_a_choice_all_schalen_are_compared_in_ascending_columns(client, catalogue):
    content = page(client)

    typeringen = content[content.index('id="vergelijking-typeringen"') :]
    assert re.findall(r'<th scope="col"><a href="[^"]+">(Schaal \d)</a></th>', typeringen)[:4] == [
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
    ict = content[content.index(">Resultaten – ICT ") : content.index(">Resultaten – Techniek ")]

    assert ict.count(f'<td class="change-leeg"><span class="cell-label">Schaal 5</span>{EMPTY_CELL}</td>') == 6


def test_parts_are_named_for_people_with_the_source_heading_only_where_it_differs(client, catalogue):
    content = page(client)
    headings = re.findall(r'<tr class="part-heading"><th scope="rowgroup" colspan="4">(.*?)</th></tr>', content)

    assert (
        'Resultaten – Techniek <span class="source-note">(in de bron: technische werkzaamheden / Techniek)</span>'
        in headings
    )
    assert "Speelruimte/kaders" in headings  # "Speelruimte/ kaders" too: spacing is no other wording
    assert "Algemene omschrijving" in headings
    six_seven = re.findall(
        r'<tr class="part-heading"><th scope="rowgroup" colspan="2">(.*?)</th></tr>', page(client, 6, 7)
    )
    assert "Resultaten – Informatiebeheer" in six_seven  # "Informatiebeheer" and "informatiebeheer": no note
    assert "regel 1" not in content and "Kop in de bron" not in content


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
    readability = re.search(r'<tr class="readability">(.*?)</tr>', content, re.S).group(1)
    assert re.findall(r"<td>(.*?)</td>", readability) == [
        '<span class="cell-label">Schaal 5</span>Te lezen',
        '<span class="cell-label">Schaal 6</span><strong>Niet te lezen:</strong> De code heeft 13 cijfers in plaats '
        "van 14.",
    ]
    assert content.count('<span class="visually-hidden">niet te lezen</span>') == 14  # in the empty score cells


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
    assert rows[0] == ["Onderdeel", "Schaal 5", "Schaal 6", "Verschil met schaal 5"]
    description = next(row for row in rows if row[0] == "Algemene omschrijving")
    assert description[3] == (
        "gewijzigd (toegevoegd: met een beperkte diversiteit in problematiek; verwijderd: routinematig van aard)"
    )
    first_result = next(row for row in rows if row[0] == "Resultaten – Informatiebeheer")
    assert first_result == [
        "Resultaten – Informatiebeheer",
        "",
        "bijdragen aan verzamelen, ordenen, rubriceren (classificeren), ontsluiten en beschikbaar stellen "
        "van informatie",
        "nieuw",
    ]
    assert ["Scores per kenmerk", "te lezen", "niet te lezen: De code heeft 13 cijfers in plaats van 14.", ""] in rows
    assert ["FUWASYS-totaal volgens de bron", "28", "32", "+4"] in rows
    # a header, the codes, whether they can be read, 14 kenmerken, the totals and every aligned line
    assert len(rows) == 1 + 1 + 1 + 14 + 1 + len(table_rows(page(client, 5, 6)))


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

    with django_assert_num_queries(10 + VERSION_QUERY):
        client.get(url)


def test_scores_are_compared_across_an_unreadable_code(client, catalogue):
    content = page(client, alleen_verschillen="on")
    complexity = re.search(r"1\. Complexiteit van de werkzaamheden</th>(.*?)</tr>", content, re.S)

    assert complexity, "kenmerk 1 rises from 2 (schaal 5) to 3 (schaal 7) and must not be hidden"
    assert '3 <strong class="delta">(+1 t.o.v. schaal 5)</strong>' in complexity.group(1)
    assert '<span class="visually-hidden">niet te lezen</span>' in complexity.group(1)


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

    assert (
        '>Opleiding departementsspecifiek <span class="source-note">(in de bron: Opleiding departmentsspecifiek)'
        in content
    )
    assert ">Ervaring</th>" in content


def compare_url(group) -> str:
    return f"{group.get_absolute_url()}vergelijken/"


def test_a_group_lines_its_schalen_up_by_its_own_sub_areas(client, corpus_group):
    content = page(client, 8, 10, url=compare_url(corpus_group("03")))

    parts = re.findall(r'<th scope="rowgroup" colspan="2">(Resultaten[^<]*)</th>', content)
    assert parts == [
        "Resultaten – toezicht en handhaving",
        "Resultaten – informatievoorziening",
        "Resultaten – Advisering",
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
    # schaal 10: 33333 33333 33 33 (42) and 33433 33333 33 33 (43); schaal 11: 43433 ... (47) and 43443 ... (48)
    aanpak = re.search(r'<tr id="vergelijking-kenmerk-4">(.*?)</tr>', content, re.S).group(1)
    assert re.findall(r'<td class="score"><span class="cell-label">Schaal \d+</span>(.*?)</td>', aanpak) == [
        '<span class="variant-score">Variant 1:</span> 3<span class="variant-score">Variant 2: 3</span>',
        '<span class="variant-score">Variant A:</span> 3<span class="variant-score">Variant B: 4</span>',
    ]


def summary_of(content: str, lower: int, higher: int) -> list[str]:
    """The summary's entries for one step, as text."""
    start = content.index(f'<h3 id="stap-{lower}-{higher}">')
    step = content[start : content.index("</div>", start)]
    return [
        " ".join(html.unescape(re.sub(r"<[^>]+>", "", item)).split())
        for item in re.findall(r"<li>(.*?)</li>", step, re.S)
    ]


def test_the_summary_comes_first_and_says_per_step_what_changed(client, catalogue):
    content = page(client)

    assert content.index('id="samenvatting"') < content.index('id="vergelijking-fuwasys"')
    six_seven = summary_of(content, 6, 7)
    assert six_seven[:2] == [
        "FUWASYS-totaal volgens de bron: van 32 naar 36 (+4).",
        "De scores per kenmerk van schaal 6 zijn niet te lezen en zijn daarom niet vergeleken. Zie de codes.",
    ]
    assert "Algemene omschrijving: 1 gewijzigde regel." in six_seven
    assert "Resultaten – ICT: 5 nieuwe regels, 3 gewijzigde regels en 2 vervallen regels." in six_seven
    seven_eight = summary_of(content, 7, 8)
    assert seven_eight[:2] == [
        "FUWASYS-totaal volgens de bron: van 36 naar 38 (+2).",
        "Hoger: Kader (2 → 3), Doel van de contacten (2 → 3).",
    ]


def test_each_summary_entry_links_to_its_rows(client, catalogue):
    content = page(client, 7, 8)
    step = content[content.index('<h3 id="stap-7-8">') : content.index('id="vergelijking-fuwasys"')]

    targets = re.findall(r'<a href="#([^"]+)">', step)
    assert targets[0] == "vergelijking-totaal"
    for target in targets:
        assert f'id="{target}"' in content, target
    algemeen = re.search(r'<a href="#([^"]+)">Algemene omschrijving</a>', step).group(1)
    part = content[content.index(f'<tbody id="{algemeen}">') :]
    assert "(coördinatie van)" in part[: part.index("</tbody>")]


def test_the_summary_leaves_out_parts_without_differences(client, catalogue):
    five_six = summary_of(page(client, 5, 6), 5, 6)

    # the kwaliteitenprofielen of schaal 5 and 6 are the same: none of their parts is named
    assert not [entry for entry in five_six if entry.startswith(("Ervaring", "Werk- en denkniveau", "Competenties"))]
    assert "Algemene omschrijving: 1 gewijzigde regel." in five_six


def test_totals_are_compared_even_where_the_scores_cannot_be_read(client, catalogue):
    content = page(client, 5, 6, 7)
    totals = re.search(r'<tr id="vergelijking-totaal">(.*?)</tr>', content, re.S).group(1)

    cells = re.findall(r'<td class="score"><span class="cell-label">Schaal \d</span>(.*?)</td>', totals)
    assert cells == [
        "28",
        '32 <strong class="delta">(+4<span class="visually-hidden"> ten opzichte van schaal 5</span>)</strong>',
        '36 <strong class="delta">(+4<span class="visually-hidden"> ten opzichte van schaal 6</span>)</strong>',
    ]


def test_only_differences_hides_the_kenmerken_that_cannot_be_compared(client, catalogue):
    content = page(client, 6, 7, alleen_verschillen="on")

    assert "Complexiteit van de werkzaamheden</th>" not in content
    assert "<strong>Geen verschillen</strong> in de scores per kenmerk die te lezen zijn." in content
    assert '<tr class="readability">' in content  # the one row that says why
    assert '<tr id="vergelijking-totaal">' in content


def test_a_variant_total_has_its_entry_beside_the_first(client, corpus_group):
    content = page(client, 10, 11, url=compare_url(corpus_group("07")))
    totals = re.search(r'<tr id="vergelijking-totaal">(.*?)</tr>', content, re.S).group(1)

    assert re.findall(r'<span class="variant-score">([^<]*)</span>', totals) == [
        "Variant 1:",
        "Variant 2: 43",
        "Variant A:",
        "Variant B: 48",
    ]
    assert '47 <strong class="delta">(+5<span class="visually-hidden"> ten opzichte van schaal 10' in totals


def test_only_differences_keeps_a_kenmerk_that_differs_in_another_variant_only(client, corpus_group):
    content = page(client, 10, 11, url=compare_url(corpus_group("07")), alleen_verschillen="on")

    assert 'id="vergelijking-kenmerk-4"' in content  # 3 and 3 in the first variants, 4 in Variant B
    assert 'id="vergelijking-kenmerk-2"' not in content  # 3 everywhere


def test_a_kenmerk_that_falls_is_named_in_the_summary(client, descending_schaal_8):
    seven_eight = summary_of(page(client, 7, 8), 7, 8)

    assert "Lager: Doel van de contacten (2 → 1)." in seven_eight


def test_two_schalen_that_both_lack_a_part_are_not_called_the_same(client, corpus_group):
    group = corpus_group("11")  # Resultaten – Toezicht: neither schaal 11 nor 12 has it
    content = page(client, 9, 11, 12, url=compare_url(group))
    assert ">Resultaten – Toezicht" in content

    for part in re.findall(r'<tbody id="typering-\d+">(.*?)</tbody>', content, re.S):
        statuses = re.findall(r'<tr class="part-status">(.*?)</tr>', part, re.S)
        rows = table_rows(part)
        for status in statuses:
            cells = re.findall(r"<td>(.*?)</td>", status, re.S)
            for index, cell in enumerate(cells):
                if "Geen verschillen" in cell:
                    assert any(not row[index].startswith('<span class="empty"') for row in rows), part[:300]


def test_a_schaal_without_a_typering_is_said_so_not_counted_line_by_line(client, catalogue):
    catalogue.typeringen.filter(schaal=6).delete()

    content = page(client, 5, 6, 7)

    five_six = summary_of(content, 5, 6)
    assert "Schaal 6 heeft geen functietypering; de functietyperingen zijn hier niet vergeleken." in five_six
    assert "Schaal 6 heeft geen FUWASYS-code. Zie de codes." in five_six
    assert "Geen verschillen in de teksten." not in five_six
    assert not [entry for entry in five_six if entry.startswith(("Algemene omschrijving", "Resultaten"))]
    next_page = client.get(f"/functiegroepen/{SOURCE_SLUG}/schaal/5/volgende/").content.decode()
    assert "Vervalt:" not in next_page.split("<h2>Kwaliteitenprofiel</h2>")[0]


def test_compared_text_is_escaped_and_may_wrap_after_a_slash():
    segments = [Segment("equal", "a<b "), Segment("delete", "oud/nieuw"), Segment("insert", "x & y")]

    assert diff_segments(segments) == (
        'a&lt;b <del><span class="visually-hidden">verwijderd: </span>oud/<wbr>nieuw</del>'
        '<ins><span class="visually-hidden">toegevoegd: </span>x &amp; y</ins>'
    )


def test_a_row_names_each_cells_column_and_says_where_a_column_has_no_line():
    cells = [
        SimpleNamespace(column="Schaal 5", change="leeg", segments=[]),
        SimpleNamespace(column="Schaal <6>", change="gewijzigd", segments=[Segment("insert", "nieuw")]),
    ]

    assert compare_cells(cells) == (
        '<td class="change-leeg"><span class="cell-label">Schaal 5</span>'
        '<span class="empty" aria-hidden="true">—</span><span class="visually-hidden">geen regel</span></td>'
        '<td class="change-gewijzigd"><span class="cell-label">Schaal &lt;6&gt;</span>'
        '<ins><span class="visually-hidden">toegevoegd: </span>nieuw</ins></td>'
    )
