"""Pages in a real headless Chromium, checked with axe for WCAG 2.0/2.1 A and AA."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_no_axe_violations(page):
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def test_home_page_has_no_accessibility_violations(page, live_catalogue):
    page.goto(live_catalogue.url + "/")

    assert page.locator("h1").inner_text() == "Functiecatalogus Rijk"
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("link", name="Medewerker ICT / Techniek / Informatiebeheer / DIV").is_visible()
    assert_no_axe_violations(page)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, live_catalogue):
    page.goto(live_catalogue.url + "/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "inhoud"
