from django.contrib import admin
from django.urls import path

from catalogue import changes, downloads, health, views
from catalogue.forms import CompareForm, GroupCompareForm
from catalogue.groupfilter import GroupFilter
from catalogue.pagecache import public_page
from catalogue.search import SearchFilter

# The query parameters each page reads; requests with others are answered but not cached (see pagecache).
COMPARE_PARAMS = tuple(CompareForm.base_fields)
SEARCH_PARAMS = (*SearchFilter.base_filters, views.PAGE_PARAM)
HOME_PARAMS = tuple(GroupFilter.base_filters)
GROUP_COMPARE_PARAMS = tuple(GroupCompareForm.base_fields)
SCHAAL_PARAMS = (views.MARKING_PARAM,)

# A server error is a Dutch page; one caused by a database that does not answer is a 503 that says so.
handler500 = "catalogue.errors.server_error"

urlpatterns = [
    path("", public_page(views.home, params=HOME_PARAMS), name="home"),
    path("functiefamilies/<slug:slug>/", public_page(views.family_detail), name="family-detail"),
    path("functiegroepen/<slug:slug>/", public_page(views.group_detail), name="group-detail"),
    path("functiegroepen/<slug:slug>.json", public_page(downloads.group_json), name="group-json"),
    path(
        "functiegroepen/<slug:slug>/schaal/<int:schaal>/",
        public_page(views.schaal_detail, params=SCHAAL_PARAMS),
        name="group-schaal",
    ),
    path(
        "functiegroepen/<slug:slug>/schaal/<int:schaal>/volgende/",
        public_page(views.next_schaal),
        name="group-schaal-next",
    ),
    path(
        "functiegroepen/<slug:slug>/schaal/<int:schaal>/tekst/",
        public_page(views.schaal_text),
        name="group-schaal-text",
    ),
    path(
        "functiegroepen/<slug:slug>/vergelijken/",
        public_page(views.compare, params=COMPARE_PARAMS),
        name="group-compare",
    ),
    path(
        "functiegroepen/<slug:slug>/vergelijken/csv/",
        public_page(views.compare_csv, params=COMPARE_PARAMS),
        name="group-compare-csv",
    ),
    path("vergelijken/", public_page(views.compare_groups, params=GROUP_COMPARE_PARAMS), name="compare-groups"),
    path(
        "vergelijken/csv/",
        public_page(views.compare_groups_csv, params=GROUP_COMPARE_PARAMS),
        name="compare-groups-csv",
    ),
    path("competenties/", public_page(views.competency_list), name="competency-list"),
    path("competenties/<slug:slug>/", public_page(views.competency_detail), name="competency-detail"),
    path("begrippen/", public_page(views.glossary), name="glossary"),
    path("zoeken/", public_page(views.search, params=SEARCH_PARAMS), name="search"),
    path("wijzigingen/", public_page(changes.changes), name="changes"),
    path("downloads/", public_page(downloads.downloads), name="downloads"),
    path("downloads/catalogus.json", public_page(downloads.catalogue_json), name="download-catalogue"),
    path("downloads/<slug:kind>.csv", public_page(downloads.lines_csv), name="download-lines"),
    path("gezond/", health.healthy, name="health"),
    path("admin/", admin.site.urls),
]
