"""/zoeken/: search every line of the catalogue, filter it, land on the line."""

import re
from urllib.parse import urlencode

import pytest

from profiles.importer import GroupIdentity, import_group
from tests.conftest import DATA_DIR, SOURCE_SLUG, VERSION_QUERY


def search(client, status=200, **params):
    response = client.get(f"/zoeken/?{urlencode(params, doseq=True)}")
    assert response.status_code == status, response.content.decode()[:500]
    return response.content.decode()


def result_links(page: str) -> list[tuple[str, str]]:
    """(href, text without markup) of every result line."""
    lines = re.findall(r'<ul class="result-lines">(.*?)</ul>', page, re.S)
    return [
        (href, re.sub(r"<[^>]+>", "", text))
        for block in lines
        for href, text in re.findall(r'<li><a href="([^"]+)">(.*?)</a></li>', block, re.S)
    ]


def count_line(page: str) -> str:
    match = re.search(r'<p class="result-count" role="status">(.*?)</p>', page)
    return match.group(1) if match else ""


def test_the_search_page_without_a_query_explains_itself(client, catalogue):
    page = search(client)

    assert "<h1>Zoeken in de catalogus</h1>" in page
    assert '<a href="?q=archieven">archieven</a>' in page
    assert "result-count" not in page


def test_every_page_has_a_search_box(client, catalogue):
    page = client.get(catalogue.get_absolute_url()).content.decode()

    assert '<form class="site-search" method="get" action="/zoeken/" role="search"' in page
    assert '<label for="site-search-q" class="visually-hidden">Zoek in de catalogus</label>' in page


def test_a_phrase_lands_on_its_line_with_the_words_marked(client, catalogue):
    page = search(client, q="archieven")

    links = result_links(page)
    assert (
        "/functiegroepen/medewerker-ict-techniek-informatiebeheer-div/schaal/5/#typering-2",
        "bibliotheekdocumentatie en archieven actueel en op orde",
    ) in links
    assert "bibliotheekdocumentatie en <mark>archieven</mark> actueel en op orde" in page
    assert count_line(page).startswith(f"{len(links)} regels in 1 functiegroep")


def test_every_result_link_points_at_an_anchor_on_its_page(client, catalogue):
    links = result_links(search(client, q="klant"))

    assert links
    for href, text in links:
        path, _, anchor = href.partition("#")
        target = client.get(path).content.decode()
        line = re.search(rf'id="{anchor}"[^>]*>(.*?)</li>', target, re.S)
        assert line, href
        # The anchor's element holds the line (a competency of a schaal page stands in its one item with the others)
        assert " ".join(text.split()[:3]) in " ".join(re.sub(r"<[^>]+>", " ", line.group(1)).split()), href


def test_results_are_grouped_by_group_and_location(client, catalogue):
    page = search(client, q="klantvriendelijk")

    assert re.findall(r"<h3>(.*?)</h3>", page) == [
        "Kernprofiel, Resultaten, Omgeving",
        "Functietypering schaal 5, Kennis en vaardigheden",
        "Functietypering schaal 6, Kennis en vaardigheden",
    ]


def test_case_and_accents_do_not_matter(client, catalogue):
    for query in ("COÖRDINATIE", "coordinatie"):
        links = result_links(search(client, q=query))

        assert any(text.startswith("(coördinatie van) ondersteunende") for _, text in links), query


def test_group_names_are_searched(client, catalogue):
    links = result_links(search(client, q="Informatiebeheer", onderdeel="functiegroep"))

    assert links == [(f"/functiegroepen/{SOURCE_SLUG}/", "Medewerker ICT / Techniek / Informatiebeheer / DIV")]


def test_filters_alone_list_the_matching_lines(client, catalogue):
    page = search(client, schaal="6", onderdeel="speelruimte")

    texts = [text for _, text in result_links(page)]
    assert texts == [
        "van algemene werkafspraken, regels en voorschriften",
        "keuzemogelijkheden in aanpak en werkwijze, na beoordeling van ter beschikking staande gegevens",
        "inspelen op wisselende omstandigheden en wijzigingen in de afspraken.",
        "beoordeling op aanpak, voortgang, volledigheid en juistheid, en op de naleving van regels en afspraken",
    ]
    assert count_line(page) == "4 regels in 1 functiegroep"


@pytest.mark.parametrize(
    ("params", "expected_locations"),
    [
        ({"q": "informatie", "resultaatgebied": "2"}, {"Kernprofiel, Gedragsindicatoren, Omgeving"}),
        (
            {"q": "kennen", "aandachtsgebied": "informatiebeheer"},
            {f"Kwaliteitenprofiel schaal {n}, Overige kennis en vaardigheden, Informatiebeheer" for n in (5, 6, 7, 8)},
        ),
        (
            {"competentie": "luisteren"},
            {"Kernprofiel, Competenties"} | {f"Kwaliteitenprofiel schaal {n}, Competenties" for n in (5, 6, 7, 8)},
        ),
        (
            {"q": "applicaties", "schaal": ["7", "8"], "onderdeel": "typering_resultaten"},
            {"Functietypering schaal 7, Resultaten, ICT", "Functietypering schaal 8, Resultaten, ICT"},
        ),
    ],
)
def test_filters_narrow_the_results(client, catalogue, params, expected_locations):
    page = search(client, **params)

    assert set(re.findall(r"<h3>(.*?)</h3>", page)) == expected_locations


def test_the_form_shows_what_was_chosen(client, catalogue):
    page = search(client, q="kennen", schaal=["5", "7"], resultaatgebied="2", aandachtsgebied="informatiebeheer")

    checked = re.findall(r'<input type="checkbox" name="schaal" value="(\d+)" id="id_schaal_\d+" checked>', page)
    assert checked == ["5", "7"]
    assert '<fieldset class="field" aria-describedby="schaal-help">' in page and 'id="schaal-help"' in page
    assert '<option value="2" selected>Omgeving</option>' in page
    assert '<option value="informatiebeheer" selected>Informatiebeheer</option>' in page
    assert '<option value="" selected>Alle</option>' in page  # the competency and the family: not chosen
    assert page.count(" selected>") == 5  # and the part: "Alle onderdelen"


def test_a_refused_schaal_links_to_its_first_checkbox_and_describes_the_checkboxes(client, catalogue):
    page = search(client, 400, schaal="99")

    assert '<li id="id_schaal_error"><a href="#id_schaal_0">Schaal</a>: Selecteer een geldige keuze.' in page
    assert '<fieldset class="field" aria-describedby="schaal-help id_schaal_error">' in page
    assert 'id="id_schaal_0" aria-invalid="true">' in page


def test_family_filter(client, catalogue):
    import_group(
        (DATA_DIR / "fgr-variants.txt").read_text(encoding="utf-8"),
        GroupIdentity(name="Beleidsmedewerker (test)", family="Beleid"),
    )

    everywhere = search(client, q="werkprocessen")
    beleid = search(client, q="werkprocessen", functiefamilie="beleid")

    assert "in 2 functiegroepen" in count_line(everywhere)
    assert count_line(beleid) == "1 regel in 1 functiegroep voor ‘werkprocessen’"


def test_pagination_keeps_the_filters(client, catalogue):
    first = search(client, schaal="6")
    second = search(client, schaal="6", pagina="2")
    beyond = search(client, schaal="6", pagina="999")
    nonsense = search(client, schaal="6", pagina="abc")

    assert count_line(first) == "49 regels in 1 functiegroep"
    assert len(result_links(first)) == 25 and len(result_links(second)) == 24
    assert '<a href="?schaal=6&amp;pagina=2" rel="next">Volgende pagina</a>' in first
    assert "Pagina 2 van 2" in second and "Pagina 2 van 2" in beyond
    assert "Pagina 1 van 2" in nonsense


def test_nothing_found_suggests_what_to_loosen(client, catalogue):
    page = search(client, q="klantvriendelijk onbestaandwoord", schaal="8")

    assert "Geen regels gevonden voor ‘klantvriendelijk onbestaandwoord’." in page
    assert '<a href="?q=klantvriendelijk&amp;schaal=8">klantvriendelijk</a>' in page
    assert "Maak de filters ruimer" in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "a" * 5000}, "niet meer dan 200 tekens"),
        ({"q": "archief\x00"}, "Null-tekens zijn niet toegestaan"),
        ({"schaal": "99"}, "Selecteer een geldige keuze"),
        ({"schaal": "zes"}, "Selecteer een geldige keuze"),
        ({"onderdeel": "alles"}, "Selecteer een geldige keuze"),
        ({"competentie": "bestaat-niet"}, "Selecteer een geldige keuze"),
        ({"resultaatgebied": "1; DROP TABLE"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_gets_the_form_and_a_dutch_message(client, catalogue, params, message):
    page = search(client, status=400, **params)

    assert '<div class="form-errors" role="alert"' in page
    assert message in page
    assert '<form class="search-form"' in page


@pytest.mark.parametrize(
    "query", ['"archief', "archief'", "x' OR 1=1 --", "%_\\", "archief & | ! ( :*", "<script>alert(1)</script>", "!!!"]
)
def test_odd_queries_are_searched_safely(client, catalogue, query):
    page = search(client, q=query)

    assert "<script>alert(1)</script>" not in page


@pytest.mark.parametrize("extra_groups", [0, 2])
def test_query_count_does_not_grow_with_the_catalogue(client, catalogue, django_assert_num_queries, extra_groups):
    text = (DATA_DIR / "fgr-variants.txt").read_text(encoding="utf-8")
    for number in range(extra_groups):
        import_group(text, GroupIdentity(name=f"Testgroep {number}", family=f"Familie {number}"))

    with django_assert_num_queries(7 + VERSION_QUERY):
        search(client, q="werkzaamheden")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("archief", "bibliotheekdocumentatie en archieven actueel en op orde"),
        ("archieven", "archiefbescheiden gecontroleerd op compleetheid en afdoening"),
        ("coordinatie", "(coördinatie van) ondersteunende werkzaamheden"),
        ("bibliotheek", "MBO: informatiedienstverlening, informatiedienstverlening bibliotheken of gelijkwaardig"),
        ("ITIL", "Beheer IT-infrastructuur (bijvoorbeeld ITIL-methodiek)"),
    ],
)
def test_both_databases_find_near_forms_and_accents(client, catalogue, query, expected):
    texts = [text for _, text in result_links(search(client, q=query))]

    assert any(text.startswith(expected) for text in texts), texts


@pytest.mark.postgres
def test_postgres_search_uses_the_indexes(catalogue):
    from django.db import connection

    from catalogue.models import SearchLine
    from catalogue.search import matching
    from profiles import synthetic

    synthetic.generate(30)  # enough lines that reading them all costs more than the index, as in a real catalogue
    sql, params = matching(SearchLine.objects.all(), "archief").query.sql_with_params()
    with connection.cursor() as cursor:
        # The index as autovacuum keeps it: a bulk insert leaves its entries in the GIN index's pending list,
        # which the planner counts as pages to read (VACUUM cannot run inside the test's transaction).
        cursor.execute("SELECT gin_clean_pending_list('catalogue_searchline_folded_trgm')")
        cursor.execute("ANALYZE")  # the planner's statistics of the tables as they now are
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")

    assert "Bitmap Index Scan on catalogue_searchline_folded_trgm" in plan, plan


@pytest.mark.sqlite
def test_sqlite_search_uses_the_fts_table(catalogue):
    from django.db import connection

    from catalogue.models import SearchLine
    from catalogue.search import matching

    sql, params = matching(SearchLine.objects.all(), "archief").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = "\n".join(str(row[-1]) for row in cursor.fetchall())

    assert "SCAN catalogue_searchtext VIRTUAL TABLE INDEX" in plan, plan


def test_a_query_of_short_words_only_is_looked_for_as_a_whole(client, catalogue):
    texts = {text for _, text in result_links(search(client, q="P.M."))}

    assert texts == {"P.M."}
    assert count_line(search(client, q="P.M.")).startswith("8 regels in 1 functiegroep")


def test_a_groups_purpose_and_examples_are_found_where_they_stand(client, corpus_group):
    group = corpus_group("01")

    examples = search(client, q="ambtsbericht")
    purpose = search(client, q="verantwoordelijk")

    assert re.findall(r"<h3>(.*?)</h3>", examples) == ["Kernprofiel, Resultaten, Voorbeelden producten en/of diensten"]
    [(href, _)] = result_links(examples)
    assert href == f"{group.get_absolute_url()}#voorbeelden-{group.pk}"
    assert f'id="voorbeelden-{group.pk}"' in client.get(group.get_absolute_url()).content.decode()
    assert "Doel van de functiegroep" in purpose
    assert (f"{group.get_absolute_url()}#doel-{group.pk}", "Is verantwoordelijk voor een test.") in result_links(
        purpose
    )


def test_intro_lines_are_found_as_lines_of_their_typering(client, catalogue):
    links = result_links(search(client, q="voorbereidende"))

    assert [text for _, text in links] == ["specialistisch-technische voorbereidende werkzaamheden"]
