"""The catalogue's pages for HR staff: group, schaal, competencies, begrippen and the Dutch error pages."""

import re

import pytest

from profiles.importer import GroupIdentity, import_group
from profiles.models import QualityProfileCompetency
from tests.conftest import DATA_DIR, SOURCE_SLUG, VERSION_QUERY

GROUP_URL = f"/functiegroepen/{SOURCE_SLUG}/"


def schaal_url(schaal) -> str:
    return f"{GROUP_URL}schaal/{schaal}/"


@pytest.fixture
def second_group(catalogue):
    """A second group with another shape (two schalen, no sub-areas), to show that query counts do not grow."""
    text = (DATA_DIR / "fgr-variants.txt").read_text(encoding="utf-8")
    return import_group(text, GroupIdentity(name="Beleidsmedewerker (testdocument)", family="Beleid")).group


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_group_page_has_a_table_of_contents_with_an_anchor_per_schaal(client, catalogue):
    page = html(client.get(GROUP_URL))

    assert page.count("<h1>") == 1
    assert '<a href="#kernprofiel">Kernprofiel</a>' in page
    for schaal in (5, 6, 7, 8):
        assert f'<a href="#schaal-{schaal}">Schaal {schaal}</a>' in page
        assert f'id="schaal-{schaal}"' in page
        assert f'<a href="{schaal_url(schaal)}">Alles van schaal {schaal} op één pagina</a>' in page
    assert (
        "Functiegroep 528 in de functiefamilie "
        '<a href="/functiefamilies/bedrijfsvoering/">Bedrijfsvoering</a>, schaal 5–8.' in page
    )


def test_group_page_shows_the_kernprofiel_per_resultaatgebied(client, catalogue):
    page = html(client.get(GROUP_URL))
    kernprofiel = page[page.index('id="kernprofiel"') : page.index('id="schaal-5"')]

    assert re.findall(r"<h3>(.*?)</h3>", kernprofiel) == ["Resultaten", "Gedragsindicatoren", "Competenties"]
    assert (
        re.findall(r"<h4>(.*?)</h4>", kernprofiel)
        == [
            "Opdracht(gever) (ambtelijk)",
            "Omgeving",
            "Bedrijfsvoering",
            "Vernieuwen en verbeteren",
        ]
        * 2
    )
    assert '<a href="/competenties/accuraat-werken/">accuraat werken</a>' in kernprofiel


def test_schaal_page_has_the_typering_the_profile_and_the_kernprofiel_of_that_schaal(client, catalogue):
    page = html(client.get(f"{schaal_url(7)}?markering=uit"))

    assert "<h1>Medewerker ICT / Techniek / Informatiebeheer / DIV, schaal 7</h1>" in page
    assert re.findall(r"<h2 id=\"[a-z0-9-]+\">(.*?)</h2>", page) == [
        "Schaal 7: functietypering",
        "Schaal 7: kwaliteitenprofiel",
        "Schaal 7: competenties",
        "Kernprofiel",
    ]
    assert "gevarieerdheid in diversiteit in problematiek" in page
    assert "coördinatie van" not in page  # schaal 8's wording stays on schaal 8
    assert f'<a href="{schaal_url(6)}" rel="prev">Vorige: schaal 6</a>' in page
    assert f'<a href="{schaal_url(8)}" rel="next">Volgende: schaal 8</a>' in page


def test_lowest_and_highest_schaal_link_only_one_way(client, catalogue):
    lowest, highest = html(client.get(schaal_url(5))), html(client.get(schaal_url(8)))

    assert 'rel="prev"' not in lowest and 'rel="next"' in lowest
    assert 'rel="prev"' in highest and 'rel="next"' not in highest


def test_quality_profile_keeps_the_source_headings_and_nests_education(client, catalogue):
    page = html(client.get(schaal_url(7)))
    profile = page[page.index('id="kwaliteitenprofiel-schaal-7"') : page.index('id="kernprofiel"')]

    assert re.findall(r"<h3>(.*?)</h3>", profile) == [
        "Ervaring",
        "Opleiding: Rijk",
        "Overige kennis en vaardigheden",
        "Opleiding departmentsspecifiek",
        "Competenties departementsspecifiek",  # the competencies stand once, merged, under their own heading
    ]
    assert re.findall(r"<h4>(.*?)</h4>", profile) == [
        "Werk- en denkniveau",
        "Opleidingsrichting en/of vakkennis",
        "ICT/Techniek:",
        "Informatiebeheer",
    ]
    assert re.findall(r"<h5>(.*?)</h5>", profile) == ["ICT/Techniek:", "Informatiebeheer"]
    assert '<li id="kwaliteit-' in profile and 'class="regel-los">P.M.</li>' in profile


def test_a_valid_fuwasys_code_shows_its_fourteen_scores_grouped(client, catalogue):
    page = html(client.get(schaal_url(7)))
    display = page[page.index('data-fuwasys="') : page.index("</table>")]

    assert 'data-fuwasys="valid"' in display
    assert "<code>32332\xa0 33223\xa0 23\xa0 32 (36)</code>" in display
    assert re.findall(r'<th scope="rowgroup" colspan="2">(.*?)</th>', display) == [
        "Werkzaamheden",
        "Speelruimte/kaders",
        "Kennis en vaardigheden",
        "Contacten",
    ]
    scores = re.findall(r'<th scope="row">(\d+)\. [^<]+</th><td>(\d)</td>', display)
    assert "".join(score for _, score in scores) == "32332332232332"
    assert [int(number) for number, _ in scores] == list(range(1, 15))
    assert '<th scope="row">Totaal volgens de code</th><td>36</td>' in display


def test_the_inconsistent_code_of_schaal_6_is_shown_as_published_and_explained(client, catalogue):
    page = html(client.get(schaal_url(6)))

    assert 'data-fuwasys="invalid"' in page
    assert "<code>322333222\xa0 22\xa0 22 (32)</code>" in page
    assert "Let op: deze FUWASYS-code klopt niet." in page
    assert "<li>De code heeft 13 cijfers in plaats van 14.</li>" in page
    assert "<li>De cijfers tellen op tot 30, niet tot het vermelde totaal 32.</li>" in page
    assert "Daarom zijn de scores per kenmerk uit deze code niet te lezen." in page
    assert "fuwasys-scores" not in page


def test_continuation_and_intro_lines_are_shown_with_their_bullet(client, catalogue):
    page = html(client.get(f"{schaal_url(8)}?markering=uit"))

    assert (
        "aanbesteding van minder omvangrijke werken, budgetten bewaakt<br>"
        '<span class="continuation">controles en inspecties uitgevoerd</span></li>'
    ) in page
    assert re.search(
        r'<p class="intro" id="typering-\d+">specialistisch-technische voorbereidende werkzaamheden</p>', page
    )


def test_competency_pages_list_the_groups_and_schalen_that_ask_for_it(client, catalogue):
    overview = html(client.get("/competenties/"))
    detail = html(client.get("/competenties/accuraat-werken/"))

    assert '<a href="/competenties/accuraat-werken/">accuraat werken</a>' in overview
    assert "<h1>Competentie: accuraat werken</h1>" in detail
    assert f'<a href="{GROUP_URL}">Medewerker ICT / Techniek / Informatiebeheer / DIV</a>:' in detail
    assert "kernprofiel; " in detail
    assert f'<a href="{schaal_url(7)}">7</a> en <a href="{schaal_url(8)}">8</a>' in detail


def test_glossary_explains_the_terms_that_pages_link_to(client, catalogue):
    glossary = html(client.get("/begrippen/"))
    group_page = html(client.get(GROUP_URL))

    for term in ("kernprofiel", "kwaliteitenprofiel", "functietypering", "resultaatgebied", "fuwasys", "kenmerken"):
        assert f'id="{term}"' in glossary
        assert f'href="/begrippen/#{term}"' in group_page
    assert (
        '<li value="9" id="kenmerk-9"><strong>Kader</strong> <span class="kenmerk-group">(Speelruimte/kaders)</span>:'
        in glossary
    )


@pytest.mark.parametrize(
    "path",
    [
        "/functiegroepen/bestaat-niet/",
        schaal_url(9),
        schaal_url(4),
        f"{GROUP_URL}schaal/zeven/",
        f"{GROUP_URL}schaal/99999999999999999999999/",
        "/competenties/bestaat-niet/",
        "/onbekend/",
    ],
)
def test_unknown_pages_get_the_dutch_404_page(client, catalogue, path):
    response = client.get(path)

    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "<h1>Pagina niet gevonden</h1>" in page
    assert 'href="#inhoud"' in page


def test_the_500_page_is_dutch_and_in_the_site_layout(client, catalogue, settings):
    from django.template.loader import render_to_string

    page = render_to_string("500.html")

    assert "<h1>Er ging iets mis</h1>" in page
    assert '<html lang="nl">' in page


PAGES = {
    "group": lambda group: group.get_absolute_url(),
    "schaal": lambda group: f"{group.get_absolute_url()}schaal/{group.typeringen.last().schaal}/",
    "competencies": lambda group: "/competenties/",
    "competency": lambda group: "/competenties/analyseren/",
    "glossary": lambda group: "/begrippen/",
}
QUERIES = {"group": 14, "schaal": 16, "competencies": 3, "competency": 3, "glossary": 0}


@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("which", ["source", "second"])
def test_query_counts_do_not_grow_with_content_or_catalogue(
    client, second_group, django_assert_num_queries, page_name, which
):
    group = second_group if which == "second" else second_group.__class__.objects.get(slug=SOURCE_SLUG)
    url = PAGES[page_name](group)

    with django_assert_num_queries(QUERIES[page_name] + VERSION_QUERY):
        assert client.get(url).status_code == 200


def test_a_schaal_as_plain_text_holds_its_typering_profile_and_kernprofiel(client, catalogue):
    response = client.get(f"{schaal_url(8)}tekst/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == f'inline; filename="{SOURCE_SLUG}-schaal-8.txt"'
    text = response.content.decode()
    lines = {line.strip().removeprefix("• ") for line in text.splitlines()}
    typering, profile = catalogue.typeringen.get(schaal=8), catalogue.quality_profiles.get(schaal=8)
    expected = [
        *(line.text for section in typering.sections.all() for line in section.lines.all()),
        *(line.text for section in profile.sections.all() for line in section.lines.all()),
        *(link.label for link in profile.competency_links.all()),
        *catalogue.results.values_list("text", flat=True),
        *catalogue.indicators.values_list("text", flat=True),
        "controles en inspecties uitgevoerd",
        "ICT werkzaamheden t.a.v. meer complexe dan wel meerdere systemen en/of applicaties",
    ]
    assert [line for line in expected if line not in lines] == []
    assert "&amp;" not in text and "&#x27;" not in text
    assert f'<a href="{schaal_url(8)}tekst/">Als platte tekst (voor een vacaturetekst)</a>' in html(
        client.get(schaal_url(8))
    )


def test_plain_text_of_a_missing_schaal_is_not_found(client, catalogue):
    assert client.get(f"{schaal_url(9)}tekst/").status_code == 404


def test_a_score_that_goes_down_is_flagged_on_the_schaal_page(client, descending_schaal_8):
    page = html(client.get(schaal_url(8)))

    assert "Let op: een score daalt ten opzichte van de lagere schaal." in page
    assert "<li>Kenmerk 14 (Doel van de contacten) daalt van 2 in schaal 7 naar 1 in schaal 8.</li>" in page
    assert "score daalt" not in html(client.get(schaal_url(7)))


def test_a_group_without_schalen_yet_shows_no_broken_parts(client, catalogue):
    from profiles.models import FunctionGroup

    FunctionGroup.objects.create(family=catalogue.family, name="Nieuwe groep", slug="nieuwe-groep")

    home, page = html(client.get("/")), html(client.get("/functiegroepen/nieuwe-groep/"))

    assert re.search(r'Nieuwe groep</a>\s*<span class="schaal-range">nog geen schalen</span>', home)
    assert "None" not in page
    assert (
        "Functiegroep in de functiefamilie "
        '<a href="/functiefamilies/bedrijfsvoering/">Bedrijfsvoering</a>, nog geen schalen.' in page
    )
    assert "Schalen naast elkaar vergelijken" not in page and "eigen pagina om af te drukken" not in page
    assert "<h3>Resultaten</h3>" not in page
    assert "Het kernprofiel van deze functiegroep is nog niet ingevuld." in page


def test_a_schaal_with_variants_shows_each_code_with_its_label_and_scores(client, corpus_group):
    group = corpus_group("07")

    page = html(client.get(f"{group.get_absolute_url()}schaal/11/"))

    assert page.count('data-fuwasys="valid"') == 2
    assert "FUWASYS-code</a>: Variant A <code>43433 33433 43 43 (47)</code>" in page
    assert '<caption>Scores per <a href="/begrippen/#kenmerken">kenmerk</a>, schaal 11, Variant B</caption>' in page


def test_intros_connectors_footnotes_and_examples_are_shown_for_what_they_are(client, corpus_group):
    group = corpus_group("11")

    page = html(client.get(group.get_absolute_url()))

    assert re.search(r'<p class="intro" id="typering-\d+">[^<]+:</p>\s*<ul>', page)
    assert re.search(r'<li id="(resultaat|typering|gedragsindicator)-\d+" class="regel-verbinding">[^<]+</li>', page)
    assert re.search(r'<p class="footnote" id="[a-z]+-\d+"><small>\*\)', page)
    assert f'<p class="purpose" id="doel-{group.pk}">Is verantwoordelijk voor een test.</p>' in page


def test_competencies_link_to_their_pages_with_connectors_and_notes_in_place(client, catalogue):
    kernprofiel_link = catalogue.competency_links.order_by("position")[1]
    kernprofiel_link.preceded_by, kernprofiel_link.note = "en/of", "*) alleen <b>bij</b> risico\ntweede regel"
    kernprofiel_link.save()
    profile_link = QualityProfileCompetency.objects.filter(profile__group=catalogue, profile__schaal=7).first()

    page = html(client.get(catalogue.get_absolute_url()))

    first = catalogue.competency_links.order_by("position")[0]
    assert (
        f'<li id="competentie-{first.pk}"><a href="{first.competency.get_absolute_url()}">{first.label}</a></li>'
        f'<li class="regel-verbinding">en/of</li><li id="competentie-{kernprofiel_link.pk}">'
    ) in page
    notes = '<p class="footnote"><small>*) alleen &lt;b&gt;bij&lt;/b&gt; risico<br>tweede regel</small></p>'
    assert page.count(notes) == 1
    assert page.index(f'id="competentie-{kernprofiel_link.pk}"') < page.index(notes) < page.index('id="schaal-')
    assert f'<li id="kwaliteitcompetentie-{profile_link.pk}"><a href="/competenties/' in page


def test_the_examples_paragraph_closes_the_kernprofiel_results(client, corpus_group):
    group = corpus_group("01")

    page = html(client.get(group.get_absolute_url()))

    examples = page.index(f'<div class="examples" id="voorbeelden-{group.pk}"><p>Voorbeelden producten en/of diensten')
    assert page.index("<h3>Resultaten</h3>") < examples < page.index("<h3>Gedragsindicatoren</h3>")


def test_a_group_page_names_its_source_and_leads_back_up(client, catalogue):
    page = html(client.get(GROUP_URL))

    assert (
        '<p class="source-line">Bron: <a href="https://www.functiegebouwrijksoverheid.nl/">Functiegebouw Rijk</a>, '
        "functiegroep 528." in page
    )
    assert page.count('<p class="to-top"><a href="#inhoud">Naar boven</a></p>') == 5  # the kernprofiel, 4 schalen
    assert re.search(r'<div class="group-layout">\s*<nav class="toc"', page)


def test_every_table_of_scores_explains_its_kenmerken_without_javascript(client, catalogue):
    page = html(client.get(schaal_url(7)))

    help_ = page[page.index('<details class="kenmerk-help">') : page.index("</details>")]
    assert "<summary>Wat meten deze kenmerken?</summary>" in help_
    assert help_.count("<dt>") == 14
    assert "<dt>6. Keuzevrijheid</dt><dd>Hoeveel ruimte er is om zelf te bepalen wat er gebeurt en hoe." in help_
    assert '<a href="/begrippen/#totaal">Waarom niet</a>' in help_


def test_the_glossary_explains_the_total_and_names_its_source(client, catalogue):
    glossary = html(client.get("/begrippen/"))

    assert 'id="totaal"' in glossary and "leidt deze catalogus uit een totaal geen schaal af" in glossary
    assert '<a href="https://www.caorijk.nl/cao-rijk/bijlage-5">' in glossary
    assert glossary.count('<li value="') == 14


@pytest.mark.parametrize("number", ["07", "11", "22"])
def test_each_table_of_scores_shows_what_the_stored_scores_say(client, catalogue, corpus_group, number):
    """The page reads the scores from the code; the TyperingScore rows are derived from it and must agree."""
    from profiles.models import TyperingCode

    group = corpus_group(number)
    page = html(client.get(group.get_absolute_url()))

    tables = re.findall(r'<table class="fuwasys-scores">.*?</table>', page, re.S)
    codes = TyperingCode.objects.filter(typering__group=group).order_by("typering__schaal", "position")
    stored = [
        [(score.characteristic.number, score.characteristic.name, score.score) for score in scores]
        for code in codes
        if (scores := list(code.scores.order_by("characteristic__number").select_related("characteristic")))
    ]
    shown = [
        [
            (int(number), name, int(score))
            for number, name, score in re.findall(r'<tr><th scope="row">(\d+)\. ([^<]+)</th><td>(\d)</td></tr>', table)
        ]
        for table in tables
    ]
    assert shown and shown == stored


def test_the_tables_of_scores_name_the_kenmerken_as_the_beheerder_named_them(client, catalogue):
    from profiles.models import Characteristic

    Characteristic.objects.filter(number=9).update(name="Kaders")

    page = html(client.get(schaal_url(7)))

    assert '<tr><th scope="row">9. Kaders</th><td>2</td></tr>' in page
    assert "<dt>9. Kaders</dt>" in page  # and the help beside the table names it so too


def test_score_rows_are_escaped_and_grouped():
    from catalogue.presenters import KenmerkScore, ScoreGroup
    from catalogue.templatetags.catalogue_format import score_rows

    rows = score_rows([ScoreGroup("A & B", [KenmerkScore(1, "<x>", 3), KenmerkScore(2, "y", 4)]), ScoreGroup("C", [])])

    assert rows == (
        '<tbody>\n<tr class="score-group"><th scope="rowgroup" colspan="2">A &amp; B</th></tr>\n'
        '<tr><th scope="row">1. &lt;x&gt;</th><td>3</td></tr>\n<tr><th scope="row">2. y</th><td>4</td></tr>\n</tbody>\n'
        '<tbody>\n<tr class="score-group"><th scope="rowgroup" colspan="2">C</th></tr>\n</tbody>\n'
    )
