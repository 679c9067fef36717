"""/functiegroepen/<slug>/schaal/<n>/volgende/: only what the next schaal adds or changes, for a development talk."""

import html
import re

from tests.conftest import SOURCE_SLUG

URL = f"/functiegroepen/{SOURCE_SLUG}/schaal/{{}}/volgende/"


def next_page(client, schaal: int, status: int = 200) -> str:
    response = client.get(URL.format(schaal))
    assert response.status_code == status
    return response.content.decode()


def text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_the_schaal_page_links_to_what_the_next_schaal_asks(client, catalogue):
    seven = client.get(f"/functiegroepen/{SOURCE_SLUG}/schaal/7/").content.decode()
    eight = client.get(f"/functiegroepen/{SOURCE_SLUG}/schaal/8/").content.decode()

    assert f'<a href="{URL.format(7)}">Wat vraagt de volgende schaal?</a>' in seven
    assert "Wat vraagt de volgende schaal?" not in eight


def test_only_what_changes_is_listed_part_by_part(client, catalogue):
    content = next_page(client, 7)

    assert "<h1>Wat vraagt de volgende schaal? Van schaal 7 naar schaal 8</h1>" in content
    algemeen = content[content.index(">Algemene omschrijving</h3>") :]
    algemeen = algemeen[: algemeen.index("</section>")]
    assert '<ins><span class="visually-hidden">toegevoegd: </span>(coördinatie van) </ins>' in algemeen
    assert "<strong>Anders:</strong>" in algemeen
    assert "Totaal volgens de bron: van 36 naar 38 (+2)." in text(content)
    assert "Hoger: Kader (van 2 naar 3)." in text(content)


def test_the_parts_are_grouped_under_typering_and_kwaliteitenprofiel(client, catalogue):
    content = next_page(client, 6)

    headings = re.findall(r"<h2>(.*?)</h2>", content)
    assert headings == ["Functietypering", "Kwaliteitenprofiel"]
    assert "De scores per kenmerk van schaal 6 zijn niet te lezen en zijn daarom niet vergeleken." in content


def test_a_line_shared_by_both_schalen_is_not_listed(client, catalogue):
    content = next_page(client, 5)

    assert "bibliotheekdocumentatie en archieven actueel en op orde" not in content


def test_the_highest_schaal_has_no_next_one(client, catalogue):
    content = next_page(client, 8, status=404)

    assert "<h1>" in content


def test_a_schaal_the_group_lacks_is_not_found(client, catalogue):
    next_page(client, 12, status=404)


def test_the_printout_says_where_it_comes_from(client, catalogue):
    content = next_page(client, 7)
    source = content[content.index('<div class="print-source">') :]
    source = text(source[: source.index("</div>")])

    assert "functiegroep 528 ‘Medewerker ICT / Techniek / Informatiebeheer / DIV’" in source
    assert f"Deze pagina: http://testserver{URL.format(7)}" in source
    assert re.search(r"Afgedrukt op \d{1,2} \w+ \d{4}\.", source)
