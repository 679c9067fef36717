"""The competencies: each once with how often it is asked for, its definition, and on a schaal page once."""

import re

from django.core.cache import cache

from profiles.models import Competency
from tests.conftest import SOURCE_SLUG, VERSION_QUERY


def test_each_competency_stands_once_with_how_many_groups_and_schalen_ask_for_it(client, catalogue, corpus_group):
    corpus_group("01")

    page = client.get("/competenties/").content.decode()

    rows = re.findall(
        r'<tr><th scope="row"><a href="/competenties/([^/]+)/">[^<]+</a></th><td>(\d+)</td><td>(\d+)</td></tr>', page
    )
    slugs = [slug for slug, _, _ in rows]
    assert len(slugs) == len(set(slugs)) == Competency.objects.count()
    assert ("accuraat-werken", "1", "4") in rows  # one group, the kwaliteitenprofielen of schaal 5 to 8


def test_a_competency_page_says_plainly_that_its_definition_is_missing(client, catalogue):
    page = client.get("/competenties/accuraat-werken/").content.decode()

    assert "Voor deze competentie is nog geen omschrijving ingevuld." in page
    assert "(in de bron: ‘accuraat werken’, ‘Accuraat werken’)" in page


def test_a_definition_an_editor_filled_in_is_shown(client, catalogue):
    Competency.objects.filter(slug="integriteit").update(definition="Handelt eerlijk en volgens de regels.")

    page = client.get("/competenties/integriteit/").content.decode()

    assert "<p>Handelt eerlijk en volgens de regels.</p>" in page
    assert "nog geen omschrijving" not in page


def test_a_schaal_page_lists_each_competency_once_with_where_it_comes_from(client, catalogue):
    page = client.get(f"/functiegroepen/{SOURCE_SLUG}/schaal/6/").content.decode()

    section = page[page.index('id="competenties-schaal-6"') : page.index('id="kernprofiel"')]
    items = re.findall(r"<li>(.*?)</li>", section)
    assert len(items) == 7 == Competency.objects.count()
    assert all("(uit het kernprofiel en het kwaliteitenprofiel; in de bron:" in item for item in items)
    assert page.count('<a href="/competenties/accuraat-werken/">') == 1


def test_the_competency_pages_query_counts_do_not_grow(client, catalogue, corpus_group, django_assert_num_queries):
    counts = []
    for number in (None, "01", "11"):
        if number:
            corpus_group(number)
        cache.clear()  # the page cache's version goes up only when a change is committed
        with django_assert_num_queries(3 + VERSION_QUERY) as captured:
            client.get("/competenties/")
        counts.append(len(captured))

    assert counts == [3 + VERSION_QUERY] * 3
