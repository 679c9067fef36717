"""The schaal page marks what a schaal adds to the next-lower one, as the FGR does in bold blue ("vet-blauw")."""

import html
import re
from types import SimpleNamespace

import pytest

from catalogue.presenters import line_blocks
from catalogue.templatetags.catalogue_format import line_html, line_list
from profiles.textdiff import Segment
from tests.conftest import SOURCE_SLUG, VERSION_QUERY

NEW = '<ins class="niveau">'


def schaal_page(client, schaal: int, query: str = "") -> str:
    response = client.get(f"/functiegroepen/{SOURCE_SLUG}/schaal/{schaal}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def marked(content: str) -> list[str]:
    """The marked texts of the page's typering and kwaliteitenprofiel (the legend's example left out)."""
    body = content[content.index('<section class="typering"') :]
    return [html.unescape(text) for text in re.findall(r'<ins class="niveau">(.*?)</ins>', body, re.S)]


def test_schaal_6_marks_the_limited_diversity_it_adds_to_schaal_5(client, catalogue):
    content = schaal_page(client, 6)

    assert f"{NEW}met een beperkte diversiteit in problematiek</ins>" in content
    assert "routinematig van aard" not in content  # what schaal 5 said and 6 no longer says is not shown


def test_schaal_8_marks_coordinatie_van_and_en_complexiteit(client, catalogue):
    content = schaal_page(client, 8)

    assert f"{NEW}(coördinatie van) </ins>ondersteunende werkzaamheden" in content
    assert f"diversiteit {NEW}en complexiteit </ins>in problematiek" in content


def test_text_the_lower_schaal_has_too_is_not_marked(client, catalogue):
    texts = marked(schaal_page(client, 6))

    assert "bibliotheekdocumentatie en archieven actueel en op orde" not in " ".join(texts)


def test_the_lowest_schaal_has_no_marking_and_no_legend(client, catalogue):
    content = schaal_page(client, 5)

    assert "<ins" not in content
    assert 'class="marking-legend"' not in content


def test_a_legend_explains_the_marking_and_a_link_turns_it_off(client, catalogue):
    content = schaal_page(client, 7)

    legend = content[content.index('class="marking-legend"') :]
    legend = legend[: legend.index("</div>")]
    assert "is wat schaal 7 toevoegt aan schaal 6" in legend
    assert '<a href="?markering=uit">Toon de tekst zonder markering</a>' in legend
    off = schaal_page(client, 7, "?markering=uit")
    assert "<ins" not in off
    assert f'<a href="/functiegroepen/{SOURCE_SLUG}/schaal/7/">Markeer wat schaal 7 toevoegt aan schaal 6</a>' in off


def test_marked_text_reads_as_the_source_once_the_marking_is_taken_away(client, catalogue):
    on = re.sub(r"</?ins[^>]*>", "", schaal_page(client, 8))
    off = schaal_page(client, 8, "?markering=uit")

    def text(content):
        body = content[content.index("<main") : content.index("</main>")]
        body = body[body.index('<section class="typering"') :]
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())

    assert text(on) == text(off)


def test_the_plain_text_version_stays_unmarked(client, catalogue):
    response = client.get(f"/functiegroepen/{SOURCE_SLUG}/schaal/8/tekst/")

    assert "(coördinatie van) ondersteunende werkzaamheden" in response.content.decode()
    assert "<ins" not in response.content.decode()


@pytest.mark.parametrize("which", ["source, schaal 8", "another group, schaal 11"])
def test_the_marking_costs_no_queries_per_line(client, catalogue, corpus_group, django_assert_num_queries, which):
    other = corpus_group("07")  # other lines, other numbers of lines, and variants
    path = (
        f"/functiegroepen/{SOURCE_SLUG}/schaal/8/"
        if which.startswith("source")
        else f"{other.get_absolute_url()}schaal/11/"
    )

    with django_assert_num_queries(16 + VERSION_QUERY):
        response = client.get(path)

    assert NEW in response.content.decode()


def test_only_what_the_lower_schaal_has_is_compared(client, catalogue):
    catalogue.typeringen.filter(schaal=7).delete()  # schaal 7 keeps only its kwaliteitenprofiel

    content = schaal_page(client, 8)

    assert "is wat schaal 8 toevoegt aan schaal 7" in content
    typering = content[
        content.index('<section class="typering"') : content.index('<section class="kwaliteitenprofiel"')
    ]
    assert NEW not in typering
    assert marked(content)  # the kwaliteitenprofiel is marked


def test_without_anything_to_compare_there_is_no_legend(client, catalogue):
    catalogue.typeringen.filter(schaal=7).delete()
    catalogue.quality_profiles.filter(schaal=8).delete()

    content = schaal_page(client, 8)  # a typering only, above a schaal with a kwaliteitenprofiel only

    assert 'class="marking-legend"' not in content
    assert "<ins" not in content


def test_a_line_is_escaped_with_its_continuation_lines_marked_or_not():
    plain = SimpleNamespace(text="a < b", continuation="c & d\ne")
    marked = SimpleNamespace(
        text="a < b",
        continuation="c & d",
        marked_pieces=[[Segment("equal", "a "), Segment("insert", "< b")], [Segment("insert", "c & d")]],
    )

    assert (
        line_html(plain)
        == 'a &lt; b<br><span class="continuation">c &amp; d</span><br><span class="continuation">e</span>'
    )
    assert line_html(marked) == (
        'a <ins class="niveau">&lt; b</ins><br><span class="continuation"><ins class="niveau">c &amp; d</ins></span>'
    )
    assert line_html(SimpleNamespace(text="alleen", continuation="", marked_pieces=[])) == "alleen"


def test_a_list_of_lines_has_its_intros_footnotes_and_lists_each_line_with_an_id():
    def line(pk, kind, text, continuation=""):
        return SimpleNamespace(pk=pk, kind=kind, text=text, continuation=continuation)

    blocks = line_blocks(
        [
            line(1, "inleiding", "Werkzaamheden <zoals>:"),
            line(2, "opsomming", "plannen", "en\nbewaken"),
            line(3, "verbinding", "en/of"),
            line(4, "voetnoot", "*) alleen & soms", "bij\nuitzondering"),
            line(5, "los", "P.M."),
        ]
    )

    assert line_list(blocks, "typering") == (
        '<p class="intro" id="typering-1">Werkzaamheden &lt;zoals&gt;:</p>\n'
        '<ul><li id="typering-2">plannen<br><span class="continuation">en</span>'
        '<br><span class="continuation">bewaken</span></li>\n'
        '<li id="typering-3" class="regel-verbinding">en/of</li>\n</ul>\n'
        '<p class="footnote" id="typering-4"><small>*) alleen &amp; soms bij uitzondering</small></p>\n'
        '<ul><li id="typering-5" class="regel-los">P.M.</li>\n</ul>\n\n'
    )
    assert line_list([], "kwaliteit") == "\n"
