"""The comparisons in a real headless Chromium: on a wide screen, on a phone and on paper, with axe."""

import re

import pytest
from playwright.sync_api import expect

from profiles.importer import GroupIdentity, import_group
from tests.conftest import SOURCE_SLUG
from tests.test_browser import assert_no_axe_violations
from tests.test_corpus import ACCEPTED

pytestmark = pytest.mark.browser

GROUP_PATH = f"/functiegroepen/{SOURCE_SLUG}/"
SCHALEN_5_TO_8 = f"{GROUP_PATH}vergelijken/"
A4_LANDSCAPE = (841.92, 594.96)  # points, as Chromium writes them
A4_PORTRAIT = A4_LANDSCAPE[::-1]

# Every word of a cell on one line: a word cut in two (without a hyphen of the text's own) has two boxes.
WORDS_BROKEN_MID_WORD = """
(selector) => {
  const broken = [];
  for (const cell of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let hidden = false;  // text for screen readers only sits in a box of 1 px
      for (let element = node.parentElement; element; element = element.parentElement) {
        if (element.getBoundingClientRect().width <= 1) hidden = true;
      }
      if (hidden) continue;
      for (const match of node.data.matchAll(/[^\\s\\-\\/–]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}
"""


@pytest.fixture
def site(live_catalogue):
    """The live catalogue with, beside the source's group, a group from one of our own test documents."""
    document = next(document for document in ACCEPTED if document.name.startswith("07-"))
    identity = GroupIdentity(
        name="Communicatieadviseur (test)", family="Corpus", purpose="Is verantwoordelijk voor een test."
    )
    group = import_group(document.path.read_text(encoding="utf-8"), identity).group
    return live_catalogue.url, group


def paths(group) -> dict[str, str]:
    return {
        "schalen": SCHALEN_5_TO_8,
        "schalen-differences": f"{SCHALEN_5_TO_8}?schaal=6&schaal=7&alleen_verschillen=on",
        "groups": f"/vergelijken/?groep={SOURCE_SLUG}&groep={group.slug}",
        "next-schaal": f"{GROUP_PATH}schaal/6/volgende/",
    }


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size of each page of a PDF that Chromium wrote, in points."""
    return [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)]


def printed(page) -> list[tuple[float, float]]:
    page.emulate_media(media="print")
    return pdf_pages(page.pdf(prefer_css_page_size=True))


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("which", ["schalen", "schalen-differences", "groups", "next-schaal"])
def test_comparisons_have_no_accessibility_violations(page, site, width, which):
    url, group = site
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url + paths(group)[which])

    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)


@pytest.mark.parametrize("which", ["schalen", "groups"])
def test_on_a_phone_a_comparison_is_stacked_with_each_cell_named(page, site, which):
    url, group = site
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(url + paths(group)[which])

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for region in page.locator(".table-scroll").all():
        assert region.evaluate("element => element.scrollWidth <= element.clientWidth"), region.inner_text()[:200]
    label = page.locator("table.stacked .cell-label").first
    assert label.is_visible()
    assert label.inner_text() in ("Schaal 5", "Medewerker ICT / Techniek / Informatiebeheer / DIV")
    assert page.locator("table.stacked thead").first.evaluate("e => e.getBoundingClientRect().height") <= 1


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("which", ["schalen", "groups"])
def test_words_wrap_between_words_never_inside_one(page, site, width, which):
    url, group = site
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url + paths(group)[which])

    assert page.evaluate(WORDS_BROKEN_MID_WORD, "table.comparison td, table.comparison th") == []


def test_on_a_wide_screen_the_columns_stand_side_by_side(page, site):
    url, _ = site
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url + SCHALEN_5_TO_8)

    headers = page.locator("#vergelijking-typeringen + .table-scroll thead th")
    assert headers.all_inner_texts() == ["Schaal 5", "Schaal 6", "Schaal 7", "Schaal 8"]
    tops = {round(box["y"]) for box in (header.bounding_box() for header in headers.all())}
    assert len(tops) == 1
    assert page.locator("table.stacked .cell-label").first.evaluate("e => e.getBoundingClientRect().width") <= 1


def test_the_summary_links_to_the_rows(page, site):
    url, _ = site
    page.goto(url + SCHALEN_5_TO_8)

    page.locator("#stap-7-8 + ul").get_by_role("link", name="Algemene omschrijving").click()

    expect(page).to_have_url(re.compile(r"#typering-1$"))
    assert "(coördinatie van)" in page.locator("#typering-1").inner_text()


def test_the_schalen_comparison_prints_on_a4_landscape_from_the_first_page(page, site):
    url, _ = site
    page.goto(url + SCHALEN_5_TO_8)

    pages = printed(page)

    assert all(size == pytest.approx(A4_LANDSCAPE, abs=1) for size in pages)
    assert len(pages) <= 10  # 16 before the layout for paper; the measured count is 10
    assert page.locator(".print-source").is_visible()
    assert "Afgedrukt op" in page.locator(".print-source").inner_text()
    assert not page.locator(".compare-form").is_visible()
    assert page.locator("table.fuwasys-compare").evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    assert page.locator("table.comparison thead").first.evaluate("e => getComputedStyle(e).display") == (
        "table-header-group"
    )


def test_the_groups_comparison_prints_on_a4_landscape(page, site):
    url, group = site
    page.goto(url + paths(group)["groups"])

    pages = printed(page)

    assert pages and all(size == pytest.approx(A4_LANDSCAPE, abs=1) for size in pages)
    assert len(pages) <= 6
    source = page.locator(".print-source").inner_text()
    assert "functiegroep 528 ‘Medewerker ICT / Techniek / Informatiebeheer / DIV’" in source
    assert "‘Communicatieadviseur (test)’" in source


@pytest.mark.parametrize("path", [f"{GROUP_PATH}schaal/8/", f"{GROUP_PATH}schaal/6/volgende/"])
def test_a_schaal_page_prints_on_a4_with_its_source(page, site, path):
    url, _ = site
    page.goto(url + path)

    pages = printed(page)

    assert pages[0] == pytest.approx(A4_PORTRAIT, abs=1)
    source = page.locator(".print-source").inner_text()
    assert "Functiegebouw Rijk" in source and "528" in source and f"{url}{path}" in source
    assert re.search(r"Afgedrukt op \d{1,2} \w+ \d{4}", source)
    if "volgende" not in path:  # the page of the next schaal has no table of scores
        assert page.locator("table.fuwasys-scores").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"


def test_the_marking_is_bold_and_blue_and_can_be_turned_off_by_keyboard(browser, site):
    url, _ = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + f"{GROUP_PATH}schaal/8/")

    marked = page.locator("section.typering ins.niveau").first
    assert marked.inner_text().strip() == "(coördinatie van)"
    assert int(marked.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    page.get_by_role("link", name="Toon de tekst zonder markering").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "markering=uit" in page.url
    assert page.locator("ins").count() == 0
    context.close()


def test_the_groups_form_works_by_keyboard_without_javascript(browser, site):
    url, group = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + GROUP_PATH)
    page.get_by_role("link", name="Vergelijk met een andere functiegroep").click()

    assert page.get_by_label("Eerste functiegroep").input_value() == SOURCE_SLUG
    page.get_by_label("Tweede functiegroep").select_option(group.slug)
    page.get_by_role("button", name="Vergelijken").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_label(f"Kwaliteitenprofiel van {group.name}").select_option(f"{group.slug}:11")
    page.get_by_role("button", name="Vergelijken").click()

    assert page.get_by_role("columnheader", name=f"{group.name}, schaal 11").is_visible()
    context.close()
