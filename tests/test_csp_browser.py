"""The Content-Security-Policy in a real Chromium: no page of the site or of the admin breaks one of its rules."""

import pytest

from profiles.models import FunctionGroup
from tests.test_admin_browser import log_in
from tests.test_browser import PAGE_PATHS

pytestmark = pytest.mark.browser

# Recorded from the start of every document, before any of its own scripts or styles are applied.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, and the CSP violations it reports (events in the page and messages on the console)."""
    console = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: console.append(message.text))

    def violations():
        found = page.evaluate("window.__violations")
        return found + [text for text in console if "Content Security Policy" in text]

    return page, violations


@pytest.mark.parametrize("name", PAGE_PATHS)
def test_public_pages_break_no_rule_of_the_policy(watched, live_catalogue, name):
    page, violations = watched
    response = page.goto(live_catalogue.url + PAGE_PATHS[name])

    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert violations() == []


def test_the_admin_breaks_no_rule_of_the_policy(watched, live_catalogue, redacteur):
    page, violations = watched
    base = live_catalogue.url
    group = FunctionGroup.objects.get()
    typering = group.typeringen.get(schaal=6)

    page.goto(base + "/admin/login/")
    assert violations() == [], "login"
    log_in(page, base)
    for path in (
        "/admin/",
        "/admin/profiles/functiongroup/",
        "/admin/profiles/functiontypering/?fuwasys=onjuist",
        f"/admin/profiles/functiongroup/{group.pk}/change/",
        f"/admin/profiles/functiontypering/{typering.pk}/change/",
        "/admin/profiles/functiongroup/add/",
        f"/admin/profiles/functiongroup/{group.pk}/history/",
    ):
        response = page.goto(base + path)
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        assert violations() == [], path


ADD_INLINE_SCRIPT = (
    "document.body.append(Object.assign(document.createElement('script'), {textContent: 'window.ran=1'}))"
)


def test_the_watch_sees_a_broken_rule(watched, live_catalogue):
    page, violations = watched
    page.goto(live_catalogue.url + "/begrippen/")

    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">inline</p>')")
    page.evaluate(ADD_INLINE_SCRIPT)
    page.wait_for_timeout(200)

    assert page.evaluate("window.ran") is None
    found = violations()
    assert any(v.startswith("style-src") for v in found) and any(v.startswith("script-src") for v in found), found
