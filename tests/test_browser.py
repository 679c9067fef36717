"""Pages in a real headless Chromium: axe (WCAG 2.0/2.1 A and AA), keyboard use and print."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import SOURCE_SLUG

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
GROUP_PATH = f"/functiegroepen/{SOURCE_SLUG}/"

PAGE_PATHS = {
    "home": "/",
    "group": GROUP_PATH,
    "schaal": f"{GROUP_PATH}schaal/6/",
    "competencies": "/competenties/",
    "competency": "/competenties/accuraat-werken/",
    "glossary": "/begrippen/",
    "not-found": "/functiegroepen/bestaat-niet/",
    "compare": f"{GROUP_PATH}vergelijken/",
    "compare-error": f"{GROUP_PATH}vergelijken/?schaal=5",
    "search": "/zoeken/?q=archieven",
    "search-empty": "/zoeken/?q=onbestaandwoord&schaal=6",
    "search-error": "/zoeken/?schaal=99",
    "home-filtered": "/?schaal=7",
    "home-filter-error": "/?schaal=99",
    "family": "/functiefamilies/bedrijfsvoering/",
    "downloads": "/downloads/",
    "schaal-marked": f"{GROUP_PATH}schaal/8/",
    "next-schaal": f"{GROUP_PATH}schaal/7/volgende/",
    "compare-groups": f"/vergelijken/?groep={SOURCE_SLUG}",
    "compare-groups-error": f"/vergelijken/?groep={SOURCE_SLUG}&groep={SOURCE_SLUG}",
}


def assert_no_axe_violations(page):
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", PAGE_PATHS)
def test_every_page_type_has_no_accessibility_violations(page, live_catalogue, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_catalogue.url + PAGE_PATHS[name])

    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").count() == 1
    assert page.locator("main").count() == 1
    assert_no_axe_violations(page)


def test_home_page_links_to_the_group(page, live_catalogue):
    page.goto(live_catalogue.url + "/")

    page.get_by_role("link", name="Medewerker ICT / Techniek / Informatiebeheer / DIV").click()

    assert page.locator("h1").inner_text() == "Medewerker ICT / Techniek / Informatiebeheer / DIV"


def test_keyboard_walk_through_skip_link_and_table_of_contents(page, live_catalogue):
    page.goto(live_catalogue.url + GROUP_PATH)

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    assert is_focused(skip_link) and skip_link.is_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#inhoud")).to_be_focused()

    toc = page.get_by_role("navigation", name="Op deze pagina")
    for name in ("Bedrijfsvoering", "Functiegebouw Rijk"):  # the family and the source, in the lines above the contents
        page.keyboard.press("Tab")
        assert is_focused(page.get_by_role("link", name=name, exact=True))
    page.keyboard.press("Tab")
    assert is_focused(toc.get_by_role("link", name="Kernprofiel"))
    for _ in range(3):
        page.keyboard.press("Tab")
    schaal_7 = toc.get_by_role("link", name="Schaal 7", exact=True)
    assert is_focused(schaal_7)
    page.keyboard.press("Enter")

    # A fragment navigation lands after the key press returns: wait for it rather than race it.
    expect(page).to_have_url(re.compile(r"#schaal-7$"))
    expect(page.locator("#schaal-7")).to_be_focused()
    assert page.locator("#schaal-7").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#schaal-7') !== null")


def test_focus_is_visible_on_links(page, live_catalogue):
    page.goto(live_catalogue.url + GROUP_PATH)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")

    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")

    assert outline == "solid"


def test_schaal_page_prints_without_navigation(page, live_catalogue):
    page.goto(live_catalogue.url + f"{GROUP_PATH}schaal/7/")
    page.emulate_media(media="print")

    assert not page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    assert not page.get_by_role("navigation", name="Kruimelpad").is_visible()
    assert not page.get_by_role("link", name="Naar de inhoud").is_visible()
    assert page.get_by_role("heading", name="Schaal 7: functietypering").is_visible()
    assert page.pdf(format="A4")[:4] == b"%PDF"


def test_pages_work_without_javascript(browser, live_catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(live_catalogue.url + GROUP_PATH)
    page.get_by_role("link", name="Alles van schaal 7 op één pagina").click()

    assert page.locator("h1").inner_text() == "Medewerker ICT / Techniek / Informatiebeheer / DIV, schaal 7"
    context.close()


def test_compare_form_works_by_keyboard_without_javascript(browser, live_catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_catalogue.url + f"{GROUP_PATH}vergelijken/")

    for schaal in ("Schaal 5", "Schaal 8"):
        page.get_by_label(schaal, exact=True).focus()
        page.keyboard.press("Space")
    page.get_by_label("Alleen verschillen tonen").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Vergelijken").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "schaal=6" in page.url and "schaal=7" in page.url and "alleen_verschillen=on" in page.url
    assert page.locator("thead th").all_inner_texts()[:2] == ["Schaal 6", "Schaal 7"]
    context.close()


def test_search_box_on_every_page_leads_to_marked_results(page, live_catalogue):
    page.goto(live_catalogue.url + GROUP_PATH)

    page.get_by_role("searchbox", name="Zoek in de catalogus").fill("archieven")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("h1").inner_text() == "Zoeken in de catalogus"
    assert page.locator("mark").first.inner_text().lower().startswith("archie")  # archieven, or a near form
    page.locator(".result-lines a").first.click()
    expect(page).to_have_url(re.compile(r"/functiegroepen/.+#"))


@pytest.mark.parametrize("name", PAGE_PATHS)
def test_no_page_scrolls_sideways_on_a_phone(page, live_catalogue, name):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_catalogue.url + PAGE_PATHS[name])

    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_home_filter_works_by_keyboard_without_javascript(browser, live_catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_catalogue.url + "/")

    page.get_by_label("Schaal", exact=True).select_option("9")
    page.get_by_role("button", name="Filteren").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "schaal=9" in page.url
    assert page.get_by_role("status").inner_text() == "0 functiegroepen gevonden."
    page.get_by_role("link", name="Alle functiegroepen", exact=True).click()
    assert page.get_by_role("link", name="Medewerker ICT / Techniek / Informatiebeheer / DIV").is_visible()
    context.close()


def test_a_groups_contents_stay_in_reach_down_a_long_page(page, live_catalogue):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(live_catalogue.url + GROUP_PATH + "#schaal-8")

    toc = page.get_by_role("navigation", name="Op deze pagina")
    box = toc.bounding_box()

    assert page.evaluate("window.scrollY") > 3000
    assert 0 <= box["y"] < 900 and toc.get_by_role("link", name="Kernprofiel").is_visible()
    page.set_viewport_size({"width": 390, "height": 800})
    page.get_by_role("link", name="Naar boven").last.click()
    assert -1 <= page.locator("h1").bounding_box()["y"] < 800  # back at the top of the content
