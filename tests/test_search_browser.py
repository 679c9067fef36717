"""The search page in a real browser: results first on a phone, the filters beside them on a wide screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.test_browser import assert_no_axe_violations

pytestmark = pytest.mark.browser

SEARCH = "/zoeken/?q=archieven"


def test_on_a_phone_the_results_come_first_and_the_filters_fold_away(page, live_catalogue):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_catalogue.url + SEARCH)

    assert page.get_by_role("status").bounding_box()["y"] < 800  # the count of results, on the first screen
    schaal_7 = page.get_by_label("Schaal 7", exact=True)
    expect(schaal_7).to_be_hidden()
    page.locator("details.filters > summary").click()
    expect(schaal_7).to_be_visible()
    assert_no_axe_violations(page)


def test_on_a_wide_screen_the_filters_stay_beside_the_results(page, live_catalogue):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_catalogue.url + SEARCH)

    schaal_7 = page.get_by_label("Schaal 7", exact=True)
    expect(schaal_7).to_be_visible()
    schaal_7.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Filters toepassen").click()
    assert "schaal=7" in page.url
    expect(page.get_by_label("Schaal 7", exact=True)).to_be_checked()
    assert_no_axe_violations(page)


def test_a_refused_filter_is_named_beside_the_summary_and_chosen_again_by_keyboard(page, live_catalogue):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_catalogue.url + "/zoeken/?q=archieven&competentie=bestaat-niet&resultaatgebied=2&schaal=99")

    competency = page.get_by_label("Competentie", exact=True)
    expect(competency).to_have_attribute("aria-invalid", "true")
    expect(competency).to_have_accessible_description(
        "Competentie: Selecteer een geldige keuze. bestaat-niet is geen beschikbare keuze."
    )
    expect(page.get_by_label("Resultaatgebied", exact=True)).to_have_value("2")  # what was valid stays chosen
    schalen = page.get_by_role("group", name="Schaal")
    expect(schalen).to_have_accessible_description(re.compile(r"valt buiten dit filter\. Schaal: Selecteer"))
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Schaal", exact=True).click()  # the summary's link goes to the first checkbox
    expect(page.locator(":target")).to_have_id("id_schaal_0")

    last = competency.locator("option").last.get_attribute("value")
    competency.focus()
    page.keyboard.press("End")  # the last competency, chosen with the keyboard alone
    expect(competency).to_have_value(last)
    with page.expect_navigation():
        page.get_by_role("button", name="Filters toepassen").press("Enter")
    assert f"competentie={last}" in page.url
    expect(page.get_by_role("status")).to_be_visible()
