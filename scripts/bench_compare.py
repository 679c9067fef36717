"""`make bench-compare`: the group page, the comparison pages and the marked schaal page, uncached, over the default
catalogue.

Sets up a throw-away SQLite database (or BENCH_DATABASE_URL, which it empties), loads the default catalogue and
imports its source twice more as groups of another family, so that the groups comparison has three real groups.
Renders each page BENCH_REPEAT times (default 30) in process, as a production worker runs (scripts/page_timing.py);
prints the fastest render, p50 and p95 in milliseconds and the queries.
Not a test.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.page_timing import default_catalogue, time_pages

REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
GROUP = "/functiegroepen/medewerker-ict-techniek-informatiebeheer-div"
SOURCE_SLUG = "medewerker-ict-techniek-informatiebeheer-div"
PAGES = {
    "group page": f"{GROUP}/",
    "schalen 5–8": f"{GROUP}/vergelijken/",
    "schalen 6–7, alleen verschillen": f"{GROUP}/vergelijken/?schaal=6&schaal=7&alleen_verschillen=on",
    "schalen 5–8 as CSV": f"{GROUP}/vergelijken/csv/",
    "schaal 8, marked": f"{GROUP}/schaal/8/",
    "schaal 8, unmarked": f"{GROUP}/schaal/8/?markering=uit",
    "wat vraagt schaal 8?": f"{GROUP}/schaal/7/volgende/",
    "2 groups": f"/vergelijken/?groep={SOURCE_SLUG}&groep=kopie-1",
    "3 groups": f"/vergelijken/?groep={SOURCE_SLUG}&groep=kopie-1&groep=kopie-2",
    "3 groups as CSV": f"/vergelijken/csv/?groep={SOURCE_SLUG}&groep=kopie-1&groep=kopie-2",
}


def main() -> None:
    default_catalogue("bench-compare-")
    from django.db import connection

    from profiles import catalogue_data
    from profiles.importer import GroupIdentity, import_group

    text = catalogue_data.sources()[0].path.read_text(encoding="utf-8")
    for number in (1, 2):
        import_group(text, GroupIdentity(name=f"Kopie {number}", family="Benchmark"))
    print(f"{connection.vendor}: the default catalogue and two copies of its group")
    time_pages(PAGES, REPEAT)


if __name__ == "__main__":
    main()
