#!/usr/bin/env python3
"""Check the hand-written annotations of the FGR page corpus.

Usage:  python3 check_annotations.py [DIR]      (DIR defaults to this file's folder)

For every NN-name.expected (and its NN-name.txt) this checks:
  * the sidecar format (comment lines, then 'accept' + annotations, or 'refuse L<n>');
  * accepted pages: every non-blank line is annotated exactly once, no blank or
    non-existent line is annotated, kinds and places come from the fixed lists,
    a kind is only used at a place where it can occur;
  * bullet lines (by the page-format rule) are annotated 'bullet' (or 'examples'),
    unbulleted lines are never annotated 'bullet';
  * the outline: places appear in page order, every list starts with its heading,
    all four resultaatgebieden in Resultaten and Gedragsindicatoren, every typering
    has one schaal line matching its place, at least one code line and all five
    sections, schalen ascend, kwaliteitenprofielen are numbered 1..n and n equals
    the number of typeringen (when there are profiles at all);
  * rule 5: each unbulleted list line's kind is recomputed from its text, its
    indentation, its list and the line above, and compared with the annotation;
  * refused pages: the named line exists (an all-blank page names L1).
It also lists FUWASYS codes that are inconsistent (count/grouping/sum) as information.
Exit status 0 when everything passes.
"""

import glob
import os
import re
import sys

KINDS = {
    "heading",
    "link",
    "bullet",
    "plain",
    "intro",
    "connector",
    "footnote",
    "continuation",
    "sub-area",
    "focus-area",
    "education",
    "code",
    "schaal",
    "examples",
}
AREAS = ["opdrachtgever", "omgeving", "bedrijfsvoering", "vernieuwen"]
KW_SECTIONS = [
    "ervaring",
    "opleiding",
    "werk_en_denkniveau",
    "opleidingsrichting",
    "overige_kennis",
    "opleiding_departementsspecifiek",
    "competenties",
    "competenties_departementsspecifiek",
]
TY_SECTIONS = ["algemene_omschrijving", "resultaten", "speelruimte", "kennis_vaardigheden", "contacten"]
LIST_KINDS = {"bullet", "plain", "intro", "connector", "footnote", "continuation", "sub-area", "focus-area"}
FOCUS_SECTIONS = {"opleidingsrichting", "overige_kennis"}

BULLET_RE = re.compile(r"^\s*[•·▪●\-–*]\s")
CONNECTORS = {"en/of", "of", "en", "dan wel", "c.q."}
CODE_RE = re.compile(r"([1-5\s]*[0-9][0-9\s]*)\((\d+)\)\s*$")
LABEL_ONLY_RE = re.compile(r"^variant\s+\w+\.?:?$", re.I)
SCHAAL_RE = re.compile(r"^schaal\s+(\d+)$", re.I)


def is_bullet(line):
    return bool(BULLET_RE.match(line))


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def place_info(place):
    """Return (order key, list section or None, description) or None if invalid."""
    p = place.split("/")
    if place == "kern":
        return (0,), None
    if place == "kern/resultaten":
        return (1, 0), None
    if place == "kern/gedragsindicatoren":
        return (2, 0), None
    if place == "kern/competenties":
        return (3,), "competenties"
    if len(p) == 3 and p[0] == "kern" and p[1] in ("resultaten", "gedragsindicatoren") and p[2] in AREAS:
        return (1 if p[1] == "resultaten" else 2, 1 + AREAS.index(p[2])), "area"
    if place == "kwaliteit":
        return (4, 0), None
    if len(p) == 3 and p[0] == "kwaliteit" and p[1].isdigit() and int(p[1]) >= 1 and p[2] in KW_SECTIONS:
        return (4, int(p[1]), KW_SECTIONS.index(p[2])), p[2]
    if place == "typering":
        return (5, 0), None
    if len(p) == 2 and p[0] == "typering" and p[1].isdigit() and 1 <= int(p[1]) <= 18:
        return (5, int(p[1]), 0), None
    if len(p) == 3 and p[0] == "typering" and p[1].isdigit() and 1 <= int(p[1]) <= 18 and p[2] in TY_SECTIONS:
        return (5, int(p[1]), 1 + TY_SECTIONS.index(p[2])), p[2]
    return None


def code_problem(text):
    """None when the code in text is consistent, else a short description."""
    m = CODE_RE.search(text.replace("\u00a0", " "))
    if not m:
        return "no code"
    body, total = m.group(1).strip(), int(m.group(2))
    groups = body.split()
    digits = [int(c) for c in body if c.isdigit()]
    probs = []
    if [len(g) for g in groups] != [5, 5, 2, 2]:
        probs.append("grouping {}".format("/".join(str(len(g)) for g in groups)))
    if len(digits) != 14:
        probs.append(f"{len(digits)} digits")
    if sum(digits) != total:
        probs.append(f"sum {sum(digits)} != ({total})")
    return ", ".join(probs) or None


def expected_list_kind(text, section, place, prev):
    """Rule 5 for an unbulleted line inside a list. prev = (kind, place) of the line above."""
    st = norm(text)
    indented = text[:1].isspace()
    above = prev is not None and prev[1] == place and prev[0] not in ("heading", "education")
    if st.startswith("*)"):
        return "footnote", None
    if st.lower() in CONNECTORS:
        return "connector", None
    if above and (indented or re.fullmatch(r"\(.*\)", st)):
        if prev[0] in ("sub-area", "focus-area"):
            return "continuation", "ambiguous: continuation right after a label"
        return "continuation", None
    if section in FOCUS_SECTIONS:
        if indented:
            return "focus-area", "ambiguous: indented line as aandachtsgebied label"
        return "focus-area", None  # rule 2: a label may end in ':' too
    if st.endswith(":"):
        return "intro", None
    if section == "resultaten" and place.startswith("typering/"):
        if prev is not None and prev[1] == place and prev[0] == "sub-area":
            return "intro", None
        return "sub-area", None
    return "plain", None


def check_accept(name, lines, anns, errors, info):
    def err(msg):
        return errors.append(f"{name}: {msg}")

    first_error = len(errors)
    seen = {}
    for no, kind, place in anns:
        if no < 1 or no > len(lines):
            err(f"L{no} does not exist ({len(lines)} lines)")
            continue
        if no in seen:
            err(f"L{no} annotated twice")
        seen[no] = (kind, place)
        if not lines[no - 1].strip():
            err(f"L{no} is blank but annotated")
        if kind not in KINDS:
            err(f"L{no} unknown kind {kind!r}")
        if place_info(place) is None:
            err(f"L{no} unknown place {place!r}")
    for no, line in enumerate(lines, 1):
        if line.strip() and no not in seen:
            err(f"L{no} not annotated: {line!r}")
    if len(errors) > first_error:
        return
    if not 60 <= len(lines) <= 250:
        err(f"document has {len(lines)} lines (want 60..250)")

    order = sorted(seen.items())
    # bullets
    for no, (kind, _place) in order:
        line = lines[no - 1]
        if is_bullet(line) and kind not in ("bullet", "examples"):
            err(f"L{no} is a bullet line annotated {kind}")
        if not is_bullet(line) and kind == "bullet":
            err(f"L{no} is not a bullet line but annotated bullet: {line!r}")

    # kinds per place
    for no, (kind, place) in order:
        key, section = place_info(place)
        if kind == "link" and place not in ("kwaliteit", "typering"):
            err(f"L{no} link at {place}")
        if kind in ("code", "schaal") and not re.fullmatch(r"typering/\d+", place):
            err(f"L{no} {kind} at {place}")
        if kind == "examples" and place != "kern/resultaten":
            err(f"L{no} examples at {place}")
        if kind == "education" and not place.endswith("/opleiding"):
            err(f"L{no} education at {place}")
        if place.startswith("kwaliteit/") and place.endswith("/opleiding") and kind != "education":
            err(f"L{no} {kind} at {place} (only the education heading lives there)")
        if kind in LIST_KINDS and section is None:
            err(f"L{no} list line ({kind}) at non-list place {place}")
        if kind == "sub-area" and not re.fullmatch(r"typering/\d+/resultaten", place):
            err(f"L{no} sub-area at {place}")
        if kind == "focus-area" and section not in FOCUS_SECTIONS:
            err(f"L{no} focus-area at {place}")

    # order, headings, contiguity
    last_key = None
    headed = {}
    done = set()
    prev_place = None
    for no, (kind, place) in order:
        key, section = place_info(place)
        if place == "kern/resultaten" and kind == "examples":
            if "kern/resultaten/vernieuwen" not in headed or "kern/gedragsindicatoren" in headed:
                err(f"L{no} examples outside the end of the kernprofiel Resultaten")
            key = (1, 9)
            if (
                seen.get(no - 1, (None,))[0] != "examples"
                and not any(seen.get(n, (None,))[0] == "examples" for n in range(1, no))
                and not norm(lines[no - 1]).lower().startswith("voorbeelden producten en/of diensten:")
            ):
                err(f"L{no} first examples line does not start the Voorbeelden paragraph")
        if last_key is not None and key < last_key:
            err(f"L{no} place {place} out of page order")
        if place != prev_place:
            if place in done and not (place == "kern/resultaten" and kind == "examples"):
                err(f"L{no} place {place} resumes after another place")
            if prev_place:
                done.add(prev_place)
            if kind not in ("heading", "education", "examples") and not (
                re.fullmatch(r"typering/\d+", place) and kind in ("code", "schaal")
            ):
                err(f"L{no} place {place} does not start with its heading (starts with {kind})")
        if kind in ("heading", "education"):
            if place in headed:
                err(f"L{no} second heading for {place}")
            headed[place] = no
        prev_place = place
        last_key = key

    # required structure
    for part in ("resultaten", "gedragsindicatoren"):
        if f"kern/{part}" not in headed:
            err(f"no kern/{part} heading")
        for a in AREAS:
            if f"kern/{part}/{a}" not in headed:
                err(f"no kern/{part}/{a} heading")
    if "kern/competenties" not in headed:
        err("no kern/competenties heading")
    if "typering" not in headed:
        err("no typering heading")
    schalen = sorted({int(p.split("/")[1]) for _, (k, p) in order if p.startswith("typering/")})
    profiles = sorted({int(p.split("/")[1]) for _, (k, p) in order if p.startswith("kwaliteit/")})
    if not schalen:
        err("no typeringen")
    if profiles and profiles != list(range(1, len(profiles) + 1)):
        err(f"kwaliteitenprofielen not numbered 1..n: {profiles}")
    if profiles and len(profiles) != len(schalen):
        err(f"{len(profiles)} kwaliteitenprofielen for {len(schalen)} typeringen")
    for n in profiles:
        if f"kwaliteit/{n}/ervaring" not in headed:
            err(f"kwaliteitenprofiel {n} has no Ervaring heading")
        first = min(no for no, (k, p) in order if p.startswith(f"kwaliteit/{n}/"))
        if seen[first][1] != f"kwaliteit/{n}/ervaring":
            err(f"kwaliteitenprofiel {n} does not start with Ervaring")
    for s in schalen:
        if f"typering/{s}" not in headed:
            err(f"typering {s} has no Functietypering heading")
        hdr = [(no, k) for no, (k, p) in order if p == f"typering/{s}"]
        sch = [no for no, k in hdr if k == "schaal"]
        codes = [no for no, k in hdr if k == "code"]
        if len(sch) != 1:
            err(f"typering {s} has {len(sch)} schaal lines")
        else:
            m = SCHAAL_RE.match(norm(lines[sch[0] - 1]))
            if not m or int(m.group(1)) != s:
                err(f"L{sch[0]} schaal line {lines[sch[0] - 1]!r} does not say schaal {s}")
        if not codes:
            err(f"typering {s} has no code line")
        for no in codes:
            t = norm(lines[no - 1])
            if LABEL_ONLY_RE.match(t):
                continue
            prob = code_problem(t)
            if prob == "no code":
                err(f"L{no} code line without a code: {t!r}")
            elif prob:
                info.append(f"{name}: L{no} inconsistent code {t!r} ({prob})")
        for sec in TY_SECTIONS:
            if f"typering/{s}/{sec}" not in headed:
                err(f"typering {s} lacks section {sec}")

    # rule 5
    prev = None
    for no, (kind, place) in order:
        key, section = place_info(place)
        line = lines[no - 1]
        if kind in LIST_KINDS and kind != "bullet":
            want, note = expected_list_kind(line, section, place, prev)
            if note:
                err(f"L{no} {note}")
            if want != kind:
                err(f"L{no} annotated {kind} but rule 5 gives {want}: {line!r}")
        if kind == "bullet" and norm(line).lstrip("•·▪●-–* ").startswith("*)"):
            err(f"L{no} odd bullet")
        prev = (kind, place)
    # footnotes: the list above should contain a bullet marked with '*'
    for no, (kind, place) in order:
        if kind == "footnote":
            marked = [
                n
                for n, (k, p) in order
                if p == place and n < no and k != "footnote" and norm(lines[n - 1]).endswith("*")
            ]
            if not marked:
                err(f"L{no} footnote without a marked (*) line above in {place}")


def check_file(path, errors, info):
    name = os.path.basename(path)[: -len(".expected")]
    txt = path[: -len(".expected")] + ".txt"
    if not os.path.exists(txt):
        errors.append(f"{name}: no .txt")
        return None
    with open(txt, encoding="utf-8", newline="") as f:
        raw = f.read()
    if "\r" in raw:
        errors.append(f"{name}: carriage returns in .txt")
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    with open(path, encoding="utf-8") as f:
        sidecar = f.read()
    body = [line for line in sidecar.split("\n") if line.strip()]
    body = [line for line in body if not line.startswith("#")]
    comments = [line for line in sidecar.split("\n") if line.startswith("#")]
    if not comments:
        errors.append(f"{name}: no comment saying what the document varies")
    if not body:
        errors.append(f"{name}: empty sidecar")
        return None
    head = body[0]
    m = re.fullmatch(r"refuse L(\d+)", head)
    if m:
        if len(body) != 1:
            errors.append(f"{name}: refused sidecar has extra lines")
        n = int(m.group(1))
        if "-refuse-" not in name:
            errors.append(f"{name}: refused document not named NN-refuse-...")
        if any(line.strip() for line in lines):
            if not 1 <= n <= len(lines) or not lines[n - 1].strip():
                errors.append(f"{name}: refuse L{n} is not a non-blank line")
            if not 60 <= len(lines) <= 250:
                errors.append(f"{name}: document has {len(lines)} lines (want 60..250)")
        elif n != 1:
            errors.append(f"{name}: an empty page is refused at L1")
        return "refuse"
    if head != "accept":
        errors.append(f"{name}: second part must start with accept or refuse L<n>, got {head!r}")
        return None
    if "-refuse-" in name:
        errors.append(f"{name}: accepted document named like a refused one")
    anns = []
    for line in body[1:]:
        m = re.fullmatch(r"L(\d+) (\S+) (\S+)", line)
        if not m:
            errors.append(f"{name}: bad annotation line {line!r}")
            continue
        anns.append((int(m.group(1)), m.group(2), m.group(3)))
    check_accept(name, lines, anns, errors, info)
    return "accept"


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, info, counts = [], [], {"accept": 0, "refuse": 0}
    sidecars = sorted(glob.glob(os.path.join(folder, "*.expected")))
    for txt in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        if not os.path.exists(txt[:-4] + ".expected"):
            errors.append(f"{os.path.basename(txt)}: no .expected sidecar")
    for path in sidecars:
        r = check_file(path, errors, info)
        if r:
            counts[r] += 1
    for i in info:
        print("info:", i)
    for e in errors:
        print("ERROR:", e)
    print(f"{counts['accept']} accepted, {counts['refuse']} refused documents; {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
