"""/functiefamilies/<slug>/: a family's description, its groups, and a chart of the schalen they span."""

import re

from profiles.models import FunctionFamily
from tests.conftest import VERSION_QUERY


def test_a_family_page_has_its_description_groups_and_a_chart_with_words(client, catalogue, corpus_group):
    corpus_group("01")
    corpus_group("20")
    FunctionFamily.objects.filter(slug="corpus").update(description="Groepen uit de testdocumenten.")

    page = client.get("/functiefamilies/corpus/").content.decode()

    assert "<h1>Functiefamilie Corpus</h1>" in page
    assert '<p class="lead">Groepen uit de testdocumenten.</p>' in page
    assert re.findall(r'<li>\s*<a href="/functiegroepen/[^"]+/">([^<]+)</a>', page) == [
        "01-beleidsmedewerker",
        "20-klantcontactmedewerker",
    ]
    assert "schaal 9–11" in page and "schaal 4–8" in page  # the text equivalent of the chart
    chart = page[page.index('<figure class="schaal-chart"') : page.index("</figure>")]
    assert '<div class="chart" aria-hidden="true">' in chart
    assert '<span class="bar from-9 to-11">9–11</span>' in chart and '<span class="bar from-4 to-8">4–8</span>' in chart
    assert "style=" not in chart  # the page's Content-Security-Policy allows no inline style


def test_every_group_page_links_its_family(client, catalogue):
    page = client.get(catalogue.get_absolute_url()).content.decode()

    assert '<a href="/functiefamilies/bedrijfsvoering/">Bedrijfsvoering</a>' in page
    assert '<a href="/functiefamilies/bedrijfsvoering/">Andere functiegroepen in Bedrijfsvoering</a>' in page


def test_an_unknown_family_is_a_dutch_404(client, catalogue):
    response = client.get("/functiefamilies/bestaat-niet/")

    assert response.status_code == 404
    assert "<h1>Pagina niet gevonden</h1>" in response.content.decode()


def test_the_query_count_does_not_grow_with_the_family(client, catalogue, corpus_group, django_assert_num_queries):
    with django_assert_num_queries(1 + VERSION_QUERY):
        client.get("/functiefamilies/corpus/")  # no such family yet: the family, and nothing more than the 404
    for number in ("01", "03", "20"):
        corpus_group(number)

    with django_assert_num_queries(2 + VERSION_QUERY):  # the family; its groups with their schaal range
        assert client.get("/functiefamilies/corpus/").status_code == 200
