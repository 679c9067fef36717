"""Parser for the plain-text copy of an FGR functiegroep page, without Django.

The page holds, in this order: the kernprofiel (Resultaten and Gedragsindicatoren per resultaatgebied, perhaps
a paragraph "Voorbeelden producten en/of diensten", Competenties), the kwaliteitenprofielen (without schaal
labels) and the functietyperingen (each with one or more FUWASYS codes and its schaal). Headings are recognised
by their meaning (profiles.vocabulary); every other line gets its place by the rules below, and the parser keeps
every content line and the source's own labels, collapsing only whitespace.

Inside a list, a line without a bullet is, in this order:
- a footnote, when it starts with "*)": it stays with the list above it;
- a connector, when it holds only linking words such as "en/of": a line of its own in the list;
- a continuation of the line above, when it is indented or wholly a qualifier in parentheses;
- an aandachtsgebied, under Opleidingsrichting or Overige kennis;
- an intro line, when it ends in ":": the lead of the bullets under it;
- in a typering's Resultaten, a sub-area (or the intro of the sub-area named just above it);
- elsewhere a plain line, an item of its own.

Every line is recorded as a `Placement` (where it went, and why when that was inferred rather than read from the
text), so that an import can say exactly what it did. A line that cannot be placed stops the parser with a
`SourceError` naming the line and what was expected there.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from profiles import fuwasys
from profiles.vocabulary import (
    AREA_HEADINGS,
    FOCUS_AREA_SECTIONS,
    KERNPROFIEL_HEADINGS,
    MAX_SCHAAL,
    MIN_SCHAAL,
    QUALITY_HEADINGS,
    RESULT_AREAS,
    SPECS,
    TYPERING_HEADINGS,
    Heading,
    HeadingMatch,
    KernprofielList,
    LineKind,
    QualitySectionKind,
    TyperingSectionKind,
    fold,
    is_connector,
    is_examples,
    is_footnote,
    is_intro,
    is_link_label,
    is_qualifier,
    match_heading,
    normalise,
    sub_area_key,
    sub_area_label,
)

# Bullet characters: those of the FGR and of copies from word processors (Symbol and Wingdings bullets, in Unicode's
# private use area, and Word's "o" before a tab). The first group may touch the text; a dash or asterisk needs a
# space after it ("*)" opens a footnote).
_BULLET = re.compile(r"\s*(?:[•·▪●◦‣○■□➢►\ue000-\uf8ff]\s*|[*\-–—−]\s+|o(?:\t|\s{2,})\s*)(?P<text>.*)")
# A numbered line ("1. …", "2) …") is an item of a list too; its number is part of its text.
_NUMBERED = re.compile(r"\s*[0-9]{1,2}[.)]\s+\S.*")
_SCHAAL = re.compile(r"\(?\s*schaal\b\s*:?\s*(?P<rest>.*?)\s*[.:)]?\s*", re.IGNORECASE)
_SCHAAL_NUMBER = re.compile(r"[0-9]{1,2}")
_WITH_SCHAAL = re.compile(r"(?P<head>.*?)[\s:,.\-–(]*\bschaal\s*:?\s*(?P<schaal>[0-9]{1,2})\s*[):.]?\s*", re.IGNORECASE)
_CODE_AT_END = re.compile(r"\d[\d\s]*\(\s*\d{1,3}\s*\)\s*$")
_VARIANT_NUMBER = re.compile(r"(?P<number>[0-9]{1,2})\s+(?=[0-9])")
# The label of a FUWASYS code: words, perhaps with a short number or letter ("Variant 1.", "Variant B:",
# "Zonder leidinggevende taken:"); never digits mixed with letters, which make a garbled code.
_CODE_LABEL = re.compile(r"[^\W\d_][^\d]*?(?:\s+[0-9]{1,2})?\s*[.:)]?", re.IGNORECASE)

TYPERING_HEADING_NAMES = ", ".join(SPECS[heading].name for heading in TYPERING_HEADINGS)
QUALITY_HEADING_NAMES = ", ".join(
    SPECS[heading].name for heading in (Heading.EXPERIENCE, *QUALITY_HEADINGS[:3], *QUALITY_HEADINGS[4:])
)
AREA_NAMES = ", ".join(RESULT_AREAS)
# The longest heading, label or competency the catalogue stores, and the longest label of a FUWASYS code.
MAX_LABEL_LENGTH = 200
MAX_CODE_LABEL_LENGTH = 100


class SourceError(ValueError):
    """The text has a line the parser cannot place; says where and what it expected there."""

    def __init__(self, line_no: int, message: str):
        self.line_no = line_no
        self.message = message.rstrip(".")
        super().__init__(f"regel {line_no}: {self.message}.")


# -- what a page holds ----------------------------------------------------------------------------------------


@dataclass
class Item:
    """One line of a list (a bullet, or a line without one), with the indented lines that continue it."""

    text: str
    line_no: int
    kind: LineKind = LineKind.BULLET
    continuation: list[str] = field(default_factory=list)


@dataclass
class AreaList:
    """The lines of one resultaatgebied in the kernprofiel's Resultaten or Gedragsindicatoren."""

    position: int  # 1–4, the area's position in RESULT_AREAS
    label: str  # the heading as the source writes it
    line_no: int
    items: list[Item] = field(default_factory=list)


@dataclass
class Kernprofiel:
    # The headings Resultaten, Gedragsindicatoren and Competenties as the source writes them, by KernprofielList.
    labels: dict[str, str] = field(default_factory=dict)
    results: list[AreaList] = field(default_factory=list)
    indicators: list[AreaList] = field(default_factory=list)
    competencies: list[Item] = field(default_factory=list)
    # The paragraph "Voorbeelden producten en/of diensten: …" with the lines that belong to it.
    examples: list[str] = field(default_factory=list)


@dataclass
class Section:
    """A run of lines under one heading: a whole section, or the part of it under one sub-label."""

    kind: str
    label: str
    line_no: int
    # The aandachtsgebied of a kwaliteitenprofiel section, or the sub-area of a typering's Resultaten,
    # as the source labels it, and (Resultaten) the key under which schalen line up.
    sub_label: str = ""
    sub_area: str = ""
    items: list[Item] = field(default_factory=list)


@dataclass
class QualityProfile:
    line_no: int
    number: int  # its place among the page's kwaliteitenprofielen, from 1
    schaal: int | None = None
    schaal_given: bool = False
    education_heading: str = ""
    competencies_label: str = ""
    sections: list[Section] = field(default_factory=list)
    competencies: list[Item] = field(default_factory=list)


@dataclass
class Code:
    """One FUWASYS code of a typering as published, with its label when the schaal has variants."""

    code: str
    line_no: int
    label: str = ""


@dataclass
class Typering:
    line_no: int
    schaal: int | None = None
    codes: list[Code] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # A label such as "Variant A" on a line of its own, waiting for its code on the next line.
    pending_label: tuple[str, int] | None = None


@dataclass
class Placement:
    """Where one line of the source went; `inferred` says why, when the place was not read from the text."""

    line_no: int
    text: str
    kind: str  # a PlacementKind
    key: str  # e.g. "typering/6/resultaten": the part, the profile's number or typering's schaal, the section
    where: str  # the same in Dutch: "Functietypering schaal 6 › Resultaten"
    inferred: str = ""


class PlacementKind:
    HEADING = "heading"
    LINK = "link"
    BULLET = "bullet"
    PLAIN = "plain"
    INTRO = "intro"
    CONNECTOR = "connector"
    FOOTNOTE = "footnote"
    CONTINUATION = "continuation"
    SUB_AREA = "sub-area"
    FOCUS_AREA = "focus-area"
    EDUCATION = "education"
    CODE = "code"
    SCHAAL = "schaal"
    EXAMPLES = "examples"


_ITEM_PLACEMENT = {
    LineKind.BULLET: PlacementKind.BULLET,
    LineKind.PLAIN: PlacementKind.PLAIN,
    LineKind.INTRO: PlacementKind.INTRO,
    LineKind.CONNECTOR: PlacementKind.CONNECTOR,
    LineKind.FOOTNOTE: PlacementKind.FOOTNOTE,
}


@dataclass
class GroupText:
    kernprofiel: Kernprofiel
    quality_profiles: list[QualityProfile]
    typeringen: list[Typering]
    placements: list[Placement]

    @property
    def inferred(self) -> list[Placement]:
        """The lines placed by inference, in the order of the source."""
        return [placement for placement in self.placements if placement.inferred]


# -- lines ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceLine:
    number: int
    raw: str

    @property
    def text(self) -> str:
        return normalise(self.raw)

    @property
    def bullet_text(self) -> str | None:
        """The text of a list item marked as one (by a bullet, or a number that stays in the text)."""
        match = _BULLET.fullmatch(self.raw)
        if match:
            return normalise(match["text"])
        return self.text if self.numbered else None

    @property
    def numbered(self) -> bool:
        return bool(_NUMBERED.fullmatch(self.raw))

    @property
    def indented(self) -> bool:
        return self.raw[:1].isspace()


def content_lines(text: str) -> Iterator[SourceLine]:
    """The source's non-blank lines (a bullet without text counts as blank), numbered from 1."""
    # Lines are counted by their line breaks only, as an editor counts them: a vertical tab or page break that a
    # word processor left inside a line is whitespace.
    for number, raw in enumerate(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = SourceLine(number, raw)
        if line.text and line.bullet_text != "":
            yield line


def parse(text: str) -> GroupText:
    lines = list(content_lines(text))
    if not lines:
        raise SourceError(1, "de tekst is leeg; verwacht een kernprofiel dat begint met ‘Resultaten’")
    parser = _Parser()
    for line in lines:
        parser.feed(line)
    return parser.finish(last_line=lines[-1].number)


# -- places ---------------------------------------------------------------------------------------------------


@dataclass
class _Place:
    """A list or heading of the page; its key and Dutch name are final only once the page is read (a typering
    learns its schaal from a line after its first, a kwaliteitenprofiel from the typeringen)."""

    part: str  # kern, kwaliteit, typering
    owner: QualityProfile | Typering | None = None
    section: str = ""
    label: str = ""

    def key(self) -> str:
        steps = [self.part]
        if isinstance(self.owner, QualityProfile):
            steps.append(str(self.owner.number))
        elif isinstance(self.owner, Typering):
            steps.append(str(self.owner.schaal))
        if self.section:
            steps.append(self.section)
        return "/".join(steps)

    def where(self) -> str:
        if isinstance(self.owner, QualityProfile):
            owner = f"Kwaliteitenprofiel {self.owner.number}"
            if self.owner.schaal is not None:
                owner = f"Kwaliteitenprofiel schaal {self.owner.schaal}"
        elif isinstance(self.owner, Typering):
            owner = f"Functietypering schaal {self.owner.schaal}"
        else:
            owner = {"kern": "Kernprofiel", "kwaliteit": "Kwaliteitenprofielen", "typering": "Functietyperingen"}[
                self.part
            ]
        return " › ".join(filter(None, [owner, self.label]))


@dataclass
class _List:
    """The list that lines without a heading of their own go into."""

    items: list[Item]
    place: _Place
    competencies: bool = False


# -- the parser -----------------------------------------------------------------------------------------------


class _Parser:
    """A line-by-line state machine over the three parts of the page."""

    def __init__(self):
        self.kernprofiel = Kernprofiel()
        self.quality_profiles: list[QualityProfile] = []
        self.typeringen: list[Typering] = []
        self.part = "start"
        self.kern_list: KernprofielList | None = None
        self.list: _List | None = None
        self.section: Section | None = None
        self.in_examples = False
        self.area = 0  # the position of the resultaatgebied the kernprofiel is at (0: none yet)
        self.results_line = 0
        self.quality_step = -1  # where the current kwaliteitenprofiel is in QUALITY_ORDER
        self.quality_heading_line = 0
        self.pending_schaal: tuple[int, int] | None = None  # (schaal, line) for the next kwaliteitenprofiel
        self._placements: list[tuple[SourceLine, str, _Place, str]] = []

    def place(self, line: SourceLine, kind: str, where: _Place, inferred: str = "") -> None:
        self._placements.append((line, kind, where, inferred))

    # -- dispatch ---------------------------------------------------------------------------------------------

    def feed(self, line: SourceLine) -> None:
        if line.bullet_text is None and self.part != "start" and self._feed_part_heading(line):
            return
        if self.part in ("start", "kern"):
            self._feed_kernprofiel(line)
        elif self.part == "quality":
            self._feed_quality(line)
        else:
            self._feed_typering(line)

    def _feed_part_heading(self, line: SourceLine) -> bool:
        """The headings that open a part of the page or a typering, and the site's link labels."""
        text = line.text
        if is_link_label(text):
            self.place(line, PlacementKind.LINK, _Place("typering" if "typering" in fold(text) else "kwaliteit"))
            return True
        head, schaal = _split_schaal(text)
        found = match_heading(head, (Heading.TYPERING, Heading.TYPERINGEN, Heading.QUALITY_PROFILES))
        if found is None:
            return False
        if found.heading == Heading.QUALITY_PROFILES:
            if self.part == "kern":
                self.part, self.list, self.section, self.quality_heading_line = "quality", None, None, line.number
                self.place(line, PlacementKind.HEADING, _Place("kwaliteit"), _similar(found))
                if schaal is not None:
                    self.pending_schaal = (schaal, line.number)
                return True
            if self.part == "quality" and schaal is not None:  # "Kwaliteitenprofiel schaal 6" before a profile
                self.pending_schaal = (schaal, line.number)
                self.place(line, PlacementKind.SCHAAL, _Place("kwaliteit"), _similar(found))
                return True
            if self.part == "typering" and found.exact:
                raise _out_of_order(line, "de functietyperingen")
            return False
        starts_part = found.heading == Heading.TYPERINGEN and self.part in ("kern", "quality")
        if starts_part and schaal is None:
            self.part, self.list, self.section = "typering", None, None
            self.place(line, PlacementKind.HEADING, _Place("typering"), _similar(found))
            return True
        if found.heading == Heading.TYPERINGEN and not self._typering_has_content():
            return False
        # "Functietypering" (or a second "Functietyperingen" where a typering ends): a new typering.
        self.part, self.list, self.section = "typering", None, None
        typering = Typering(line_no=line.number)
        self.typeringen.append(typering)
        inferred = _similar(found)
        if found.heading == Heading.TYPERINGEN and not inferred:
            inferred = "gelezen als het begin van een nieuwe functietypering"
        self.place(line, PlacementKind.HEADING, _Place("typering", typering), inferred)
        if schaal is not None:
            self._set_schaal(typering, schaal, line)
        return True

    def _typering_has_content(self) -> bool:
        return bool(self.typeringen and self.typeringen[-1].sections)

    def finish(self, last_line: int) -> GroupText:
        if self.results_line and not self.kernprofiel.results and not self.kernprofiel.indicators:
            raise SourceError(
                self.results_line,
                f"het kernprofiel heeft geen resultaatgebieden; verwacht onder dit kopje {AREA_NAMES}",
            )
        if self.part in ("start", "kern") and not self.typeringen:
            raise SourceError(last_line, "geen functietypering gevonden; verwacht ‘Functietyperingen’")
        if not self.typeringen:
            raise SourceError(last_line, "geen functietypering gevonden; verwacht ‘Functietypering’")
        for typering in self.typeringen:
            self._check_typering_header(typering)
        self._assign_quality_schalen()
        self._check_lengths()
        for typering in self.typeringen:
            _keep_sub_areas_apart(typering)
        placements = [
            Placement(line.number, line.text, kind, where.key(), where.where(), inferred)
            for line, kind, where, inferred in self._placements
        ]
        return GroupText(self.kernprofiel, self.quality_profiles, self.typeringen, placements)

    def _admits(self, line: SourceLine, found: HeadingMatch, step: int) -> str | None:
        """Whether a heading's words on this line make it the heading here, and if so what the report says of it.

        `step` is how far the heading moves on through the page's outline: 1 to the next heading, more when it
        skips some, 0 or less when it repeats or goes back. An indented line under a line of a list could be that
        line's continuation: it is a heading only when it is the next one in the outline (real pages indent some
        headings by a space). Any other line is a heading when it moves on, or when it is spelled exactly as one
        (then the report says it is out of order).
        """
        continues = line.indented and self.list is not None and bool(self.list.items)
        if continues:
            return _similar(found) if step == 1 else None
        if step >= 1:
            return _similar(found)
        return "kopje buiten de gewone volgorde van het FGR" if found.exact else None

    def _check_lengths(self) -> None:
        """Labels and competencies fit their fields: a longer one is a line that is no label at all."""
        labels = (PlacementKind.HEADING, PlacementKind.EDUCATION, PlacementKind.SUB_AREA, PlacementKind.FOCUS_AREA)
        too_long = [(line.number, line.text, "een kopje") for line, kind, _, _ in self._placements if kind in labels]
        competencies = [self.kernprofiel.competencies, *(profile.competencies for profile in self.quality_profiles)]
        too_long += [(item.line_no, item.text, "een competentie") for items in competencies for item in items]
        too_long += [
            (code.line_no, code.label, "het label van een FUWASYS-code") for t in self.typeringen for code in t.codes
        ]
        for line_no, text, what in too_long:
            limit = MAX_CODE_LABEL_LENGTH if what.startswith("het label") else MAX_LABEL_LENGTH
            if len(text) > limit:
                raise SourceError(
                    line_no, f"‘{text[:60]}…’ is te lang voor {what} ({len(text)} tekens, hooguit {limit})"
                )

    def _assign_quality_schalen(self) -> None:
        if self.pending_schaal:
            raise SourceError(self.pending_schaal[1], "verwacht na deze regel een kwaliteitenprofiel (‘Ervaring’)")
        profiles = self.quality_profiles
        given = [profile for profile in profiles if profile.schaal_given]
        if given and len(given) != len(profiles):
            first = next(profile for profile in profiles if not profile.schaal_given)
            raise SourceError(
                first.line_no,
                "dit kwaliteitenprofiel heeft geen schaal, andere wel; verwacht bij elk profiel ‘Schaal N’ of bij geen",
            )
        if given:
            return
        if profiles and len(profiles) != len(self.typeringen):
            raise SourceError(
                self.quality_heading_line or profiles[0].line_no,
                f"{len(profiles)} kwaliteitenprofielen maar {len(self.typeringen)} functietyperingen; verwacht er "
                "evenveel, zodat elk profiel de schaal van een typering krijgt",
            )
        for profile, typering in zip(profiles, self.typeringen, strict=False):
            profile.schaal = typering.schaal

    # -- kernprofiel ------------------------------------------------------------------------------------------

    def _feed_kernprofiel(self, line: SourceLine) -> None:
        text, kern = line.text, self.kernprofiel
        found = match_heading(text, KERNPROFIEL_HEADINGS) if line.bullet_text is None else None
        if found is not None and self._kern_heading(line, found):
            return
        if self.part == "start":
            raise SourceError(line.number, f"‘{text}’: verwacht het kernprofiel, beginnend met ‘Resultaten’")
        if line.bullet_text is None and self._ends_kernprofiel(line):
            return
        if self.kern_list == KernprofielList.RESULTS and (
            self.in_examples or (line.bullet_text is None and is_examples(text))
        ):
            inferred = "hoort bij de voorbeelden producten en/of diensten erboven" if self.in_examples else ""
            kern.examples.append(line.bullet_text or text)
            self.in_examples = True
            self.place(line, PlacementKind.EXAMPLES, _Place("kern", section=str(KernprofielList.RESULTS)), inferred)
            return
        if self.list is None:
            expected = "een opsommingsregel" if line.bullet_text is None else "een kopje"
            raise SourceError(
                line.number,
                f"‘{text}’ past hier niet; verwacht eerst een resultaatgebied ({AREA_NAMES}), of {expected} "
                "Gedragsindicatoren, Competenties of Kwaliteitenprofielen",
            )
        self._add_line(line)

    def _kern_heading(self, line: SourceLine, found: HeadingMatch) -> bool:
        kern = self.kernprofiel
        if found.heading == Heading.KERNPROFIEL:
            inferred = self._admits(line, found, 1 if self.part == "start" else 0)
            if inferred is None:
                return False
            self.place(line, PlacementKind.HEADING, _Place("kern"), inferred)
            return True
        lists = {
            Heading.RESULTS: KernprofielList.RESULTS,
            Heading.INDICATORS: KernprofielList.INDICATORS,
            Heading.COMPETENCIES: KernprofielList.COMPETENCIES,
        }
        if found.heading in lists:
            inferred = self._admits(line, found, self._kern_step(lists[found.heading]))
            if inferred is None:
                return False
            if lists[found.heading] == KernprofielList.RESULTS and not self.results_line:
                self.results_line = line.number
            self.part, self.kern_list, self.in_examples, self.area = "kern", lists[found.heading], False, 0
            kern.labels.setdefault(self.kern_list, line.text)
            place = _Place("kern", section=str(self.kern_list), label=found.name)
            competencies = self.kern_list == KernprofielList.COMPETENCIES
            self.list = _List(kern.competencies, place, competencies=True) if competencies else None
            self.place(line, PlacementKind.HEADING, place, inferred)
            return True
        # A resultaatgebied.
        if self.kern_list not in (KernprofielList.RESULTS, KernprofielList.INDICATORS):
            if self.part == "start":
                raise SourceError(
                    line.number, f"‘{line.text}’: verwacht eerst ‘Resultaten’, het begin van het kernprofiel"
                )
            return False  # a competency, or a line in the examples, that happens to name an area
        position = AREA_HEADINGS.index(found.heading) + 1
        areas = kern.results if self.kern_list == KernprofielList.RESULTS else kern.indicators
        inferred = self._admits(line, found, position - self.area)
        if inferred is None:
            return False
        if any(area.position == position for area in areas):
            if found.exact:
                raise SourceError(line.number, f"resultaatgebied ‘{line.text}’ staat hier voor de tweede keer")
            return False
        area = AreaList(position, line.text, line.number)
        areas.append(area)
        self.in_examples, self.area = False, position
        place = _Place("kern", section=f"{self.kern_list}/{_AREA_KEYS[position - 1]}", label=self._kern_label(area))
        self.list = _List(area.items, place)
        self.place(line, PlacementKind.HEADING, place, inferred)
        return True

    def _kern_step(self, kern_list: KernprofielList) -> int:
        """How far a heading Resultaten, Gedragsindicatoren or Competenties moves on from where the page is."""
        order = list(KernprofielList)
        current = order.index(self.kern_list) if self.kern_list else -1
        new = order.index(kern_list)
        if new <= current:
            return new - current
        after_last_area = self.kern_list in (None, KernprofielList.COMPETENCIES) or self.area == len(AREA_HEADINGS)
        return 1 if new == current + 1 and after_last_area else 2

    def _kern_label(self, area: AreaList) -> str:
        return f"{KernprofielList(self.kern_list).label} › {RESULT_AREAS[area.position - 1]}"

    def _ends_kernprofiel(self, line: SourceLine) -> bool:
        """A first kwaliteitenprofiel without the heading 'Kwaliteitenprofielen' above it."""
        found = match_heading(line.text, (Heading.EXPERIENCE,))
        if found is None or self.kern_list != KernprofielList.COMPETENCIES or self._admits(line, found, 1) is None:
            return False
        self.part, self.list = "quality", None
        self._feed_quality(line)
        return True

    # -- kwaliteitenprofielen ---------------------------------------------------------------------------------

    def _feed_quality(self, line: SourceLine) -> None:
        text = line.text
        found = match_heading(text, QUALITY_HEADINGS) if line.bullet_text is None else None
        if found is not None:
            inferred = self._admits(line, found, self._quality_step(found.heading))
            if inferred is not None:
                self._quality_heading(line, found, inferred)
                return
        if line.bullet_text is None:
            _refuse_kernprofiel_heading(line, "de kwaliteitenprofielen")
        schaal = _SCHAAL.fullmatch(text) if line.bullet_text is None else None
        if schaal and _SCHAAL_NUMBER.fullmatch(schaal["rest"]):  # "Schaal 6" above a kwaliteitenprofiel
            self.pending_schaal = (self._checked_schaal(int(schaal["rest"]), line), line.number)
            self.place(line, PlacementKind.SCHAAL, _Place("kwaliteit"))
            return
        if not self.quality_profiles:
            raise SourceError(line.number, f"‘{text}’: verwacht een kwaliteitenprofiel, beginnend met ‘Ervaring’")
        profile = self.quality_profiles[-1]
        if self.list is None:  # bullets straight under 'Opleiding: Rijk'
            place = _Place("kwaliteit", profile, QualitySectionKind.EDUCATION_FIELD, profile.education_heading)
            section = Section(QualitySectionKind.EDUCATION_FIELD, "", line.number)
            profile.sections.append(section)
            self.section, self.list = section, _List(section.items, place)
        section = self.section
        if (
            line.bullet_text is None
            and section is not None
            and section.kind in FOCUS_AREA_SECTIONS
            and not self.list.competencies
            and _list_rule(line, self.list.items) in ("intro", "plain")
        ):
            if section.sub_label or section.items:
                section = self._start_section(profile.sections, section.kind, line, label=section.label)
                self.list = _List(section.items, _section_place("kwaliteit", profile, section))
            section.sub_label = text
            self.place(line, PlacementKind.FOCUS_AREA, self.list.place)
            return
        self._add_line(line)

    def _quality_step(self, heading: Heading) -> int:
        """How far a heading moves on through a kwaliteitenprofiel; 'Ervaring' opens the next one."""
        if heading == Heading.EXPERIENCE:
            return 1 if self.quality_step != 0 else 0
        return QUALITY_ORDER.index(heading) - self.quality_step

    def _quality_heading(self, line: SourceLine, found: HeadingMatch, inferred: str) -> None:
        self.quality_step = QUALITY_ORDER.index(found.heading)
        if found.heading == Heading.EXPERIENCE:
            profile = QualityProfile(line_no=line.number, number=len(self.quality_profiles) + 1)
            if self.pending_schaal:
                profile.schaal, profile.schaal_given = self.pending_schaal[0], True
                self.pending_schaal = None
            self.quality_profiles.append(profile)
            section = self._start_section(profile.sections, QualitySectionKind.EXPERIENCE, line)
            self.list = _List(section.items, _section_place("kwaliteit", profile, section))
            self.place(line, PlacementKind.HEADING, self.list.place, inferred)
            return
        if not self.quality_profiles:
            raise SourceError(line.number, f"‘{line.text}’: verwacht een kwaliteitenprofiel, beginnend met ‘Ervaring’")
        profile = self.quality_profiles[-1]
        if found.heading == Heading.EDUCATION:
            profile.education_heading, self.section, self.list = line.text, None, None
            self.place(line, PlacementKind.EDUCATION, _Place("kwaliteit", profile, "opleiding"), inferred)
        elif found.heading == Heading.COMPETENCIES:
            profile.competencies_label, self.section = line.text, None
            place = _Place("kwaliteit", profile, "competenties", "Competenties")
            self.list = _List(profile.competencies, place, competencies=True)
            self.place(line, PlacementKind.HEADING, place, inferred)
        else:
            section = self._start_section(profile.sections, QualitySectionKind(found.heading.value), line)
            self.list = _List(section.items, _section_place("kwaliteit", profile, section))
            self.place(line, PlacementKind.HEADING, self.list.place, inferred)

    # -- functietyperingen ------------------------------------------------------------------------------------

    def _feed_typering(self, line: SourceLine) -> None:
        text = line.text
        if not self.typeringen:
            raise SourceError(line.number, f"‘{text}’: verwacht een typering, beginnend met ‘Functietypering’")
        typering = self.typeringen[-1]
        unbulleted = line.bullet_text is None
        found = match_heading(text, TYPERING_HEADINGS) if unbulleted else None
        inferred = self._admits(line, found, self._typering_step(found.heading)) if found else None
        if inferred is None:
            found = None
        if unbulleted and found is None:
            _refuse_kernprofiel_heading(line, "de functietyperingen")
        if self.section is None and found is None:
            self._feed_typering_header(typering, line)
            return
        if found is not None:
            self._check_typering_header(typering)
            kind = TyperingSectionKind(found.heading.value)
            section = self._start_section(typering.sections, kind, line)
            self.list = _List(section.items, _section_place("typering", typering, section))
            self.place(line, PlacementKind.HEADING, self.list.place, inferred)
            return
        if unbulleted and is_examples(text) and self.section.kind != TyperingSectionKind.EXAMPLES:
            label, _, rest = text.partition(":")
            section = self._start_section(typering.sections, TyperingSectionKind.EXAMPLES, line)
            section.label = f"{label}:" if rest or text.endswith(":") else label
            self.list = _List(section.items, _section_place("typering", typering, section))
            self.place(line, PlacementKind.HEADING, self.list.place)
            if rest.strip():
                section.items.append(Item(rest.strip(), line.number, LineKind.PLAIN))
            return
        if unbulleted and self.section.kind == TyperingSectionKind.RESULTS:
            self._feed_results(typering, line)
            return
        self._add_line(line)

    def _typering_step(self, heading: Heading) -> int:
        current = TYPERING_ORDER.index(_section_heading(self.section.kind)) if self.section else -1
        return TYPERING_ORDER.index(heading) - current

    def _feed_typering_header(self, typering: Typering, line: SourceLine) -> None:
        """The lines between 'Functietypering' and its first section: the code(s) and 'Schaal N', in any order."""
        text, place = line.text, _Place("typering", typering)
        schaal = _SCHAAL.fullmatch(text) if line.bullet_text is None else None
        if schaal:
            number = self._schaal_number(schaal["rest"], line)
            if typering.schaal not in (None, number):
                raise SourceError(line.number, f"‘{text}’: deze functietypering heeft al schaal {typering.schaal}")
            if typering.schaal is None:
                self._set_schaal(typering, number, line)
            self.place(line, PlacementKind.SCHAAL, place)
            return
        code = _read_code(line)
        if code is not None:
            label, code_text = code
            if typering.pending_label:
                label = " ".join(filter(None, [typering.pending_label[0], label]))
                typering.pending_label = None
            typering.codes.append(Code(code_text, line.number, label))
            self.place(line, PlacementKind.CODE, place)
            return
        if typering.pending_label:
            label, label_line = typering.pending_label
            raise SourceError(label_line, f"‘{label}’: verwacht op de volgende regel een FUWASYS-code")
        if line.bullet_text is None and _is_code_label(text):
            typering.pending_label = (text, line.number)
            self.place(line, PlacementKind.CODE, place)
            return
        raise SourceError(
            line.number,
            f"‘{text}’ past hier niet; verwacht na ‘Functietypering’ de FUWASYS-code (zoals ‘22222 22222 22 22 "
            f"(28)’, eventueel met een label als ‘Variant 1.’) en ‘Schaal N’, dan een kopje: {TYPERING_HEADING_NAMES}",
        )

    def _set_schaal(self, typering: Typering, number: int, line: SourceLine) -> None:
        if any(other.schaal == number for other in self.typeringen):
            raise SourceError(line.number, f"schaal {number} heeft al een functietypering")
        typering.schaal = self._checked_schaal(number, line)

    def _checked_schaal(self, number: int, line: SourceLine) -> int:
        if not MIN_SCHAAL <= number <= MAX_SCHAAL:
            raise SourceError(
                line.number, f"schaal {number} bestaat niet; verwacht {MIN_SCHAAL} tot en met {MAX_SCHAAL}"
            )
        if self.part == "quality" and any(profile.schaal == number for profile in self.quality_profiles):
            raise SourceError(line.number, f"schaal {number} heeft al een kwaliteitenprofiel")
        return number

    @staticmethod
    def _schaal_number(rest: str, line: SourceLine) -> int:
        rest = rest.strip()
        if not _SCHAAL_NUMBER.fullmatch(rest):
            raise SourceError(
                line.number,
                f"‘{line.text}’: verwacht ‘Schaal’ met een getal van {MIN_SCHAAL} tot en met {MAX_SCHAAL}, "
                "zoals ‘Schaal 8’",
            )
        return int(rest)

    @staticmethod
    def _check_typering_header(typering: Typering) -> None:
        if typering.pending_label:
            label, label_line = typering.pending_label
            raise SourceError(label_line, f"‘{label}’: verwacht op de volgende regel een FUWASYS-code")
        missing = [
            name
            for name, present in (("de FUWASYS-code", typering.codes), ("‘Schaal N’", typering.schaal))
            if not present
        ]
        if missing:
            raise SourceError(
                typering.line_no,
                f"deze functietypering mist {' en '.join(missing)}; verwacht die direct na ‘Functietypering’, "
                "vóór het eerste kopje",
            )

    def _feed_results(self, typering: Typering, line: SourceLine) -> None:
        section, text = self.section, line.text
        rule = _list_rule(line, self.list.items)
        if rule not in ("plain",):
            self._add_line(line)
            return
        if not section.items and not section.sub_label:  # the first line under 'Resultaten'
            section.sub_label, section.sub_area = text, sub_area_key(text)
        elif not section.items:  # a second line under a sub-area's name
            self._add_line(line, rule="intro", reason="inleiding van het deelgebied erboven")
            return
        else:
            section = self._start_section(typering.sections, section.kind, line, label=section.label)
            section.sub_label, section.sub_area = text, sub_area_key(text)
        self.list = _List(section.items, _section_place("typering", typering, section))
        known = sub_area_label(section.sub_area)
        inferred = (
            "" if known else f"gelezen als deelgebied ‘{text}’ (geen van de bekende: ICT, Informatiebeheer, Techniek)"
        )
        self.place(line, PlacementKind.SUB_AREA, self.list.place, inferred)

    # -- shared -----------------------------------------------------------------------------------------------

    def _start_section(self, sections: list[Section], kind: str, line: SourceLine, label: str = "") -> Section:
        self.section = Section(kind, label or line.text, line.number)
        sections.append(self.section)
        return self.section

    def _add_line(self, line: SourceLine, rule: str | None = None, reason: str = "") -> None:
        """Add a line to the current list by the rules for lines without a heading of their own."""
        items, place = self.list.items, self.list.place
        bullet = line.bullet_text
        if bullet is not None:
            items.append(Item(bullet, line.number, LineKind.PLAIN if line.numbered else LineKind.BULLET))
            self.place(line, PlacementKind.BULLET, place)
            return
        text = line.text
        rule = rule or _list_rule(line, items)
        if self.list.competencies and rule not in ("footnote", "connector", "continuation"):
            items.append(Item(text, line.number, LineKind.PLAIN))
            self.place(line, PlacementKind.PLAIN, place, "competentie zonder opsommingsteken")
            return
        if rule == "continuation":
            above = items[-1]
            above.continuation.append(text)
            self.place(line, PlacementKind.CONTINUATION, place, f"vervolg van regel {above.line_no}")
            return
        kind = {"footnote": LineKind.FOOTNOTE, "connector": LineKind.CONNECTOR, "intro": LineKind.INTRO}.get(
            rule, LineKind.PLAIN
        )
        items.append(Item(text, line.number, kind))
        reasons = {
            LineKind.FOOTNOTE: "",
            LineKind.CONNECTOR: "verbindingsregel tussen twee regels van de opsomming",
            LineKind.INTRO: "inleiding van de opsomming eronder",
            LineKind.PLAIN: "losse regel zonder opsommingsteken",
        }
        self.place(line, _ITEM_PLACEMENT[kind], place, reason or reasons[kind])


# The headings of a kwaliteitenprofiel and a typering in the order the FGR gives them.
QUALITY_ORDER = (
    Heading.EXPERIENCE,
    Heading.EDUCATION,
    Heading.THINKING_LEVEL,
    Heading.EDUCATION_FIELD,
    Heading.OTHER_KNOWLEDGE,
    Heading.DEPARTMENT_EDUCATION,
    Heading.COMPETENCIES,
    Heading.DEPARTMENT_COMPETENCIES,
)
TYPERING_ORDER = TYPERING_HEADINGS


def _section_heading(kind: str) -> Heading:
    """The heading of a typering section's kind; the examples count as part of the Algemene omschrijving."""
    return Heading.DESCRIPTION if kind == TyperingSectionKind.EXAMPLES else Heading(kind)


def _out_of_order(line: SourceLine, part: str) -> SourceError:
    return SourceError(
        line.number,
        f"‘{line.text}’ staat na {part}; verwacht het kernprofiel bovenaan de pagina, dan de kwaliteitenprofielen en "
        "de functietyperingen",
    )


def _refuse_kernprofiel_heading(line: SourceLine, part: str) -> None:
    """A heading of the kernprofiel (or the start of the kwaliteitenprofielen) spelled out after it has ended."""
    found = match_heading(line.text, (Heading.KERNPROFIEL, Heading.INDICATORS, Heading.COMPETENCIES, Heading.RESULTS))
    if found is None or not found.exact:
        return
    if found.heading == Heading.RESULTS and part == "de functietyperingen":
        return  # a typering has Resultaten too
    if found.heading == Heading.COMPETENCIES and part == "de kwaliteitenprofielen":
        return  # and so does a kwaliteitenprofiel
    raise _out_of_order(line, part)


def _section_place(part: str, owner: QualityProfile | Typering, section: Section) -> _Place:
    kinds = QualitySectionKind if part == "kwaliteit" else TyperingSectionKind
    label = kinds(section.kind).label
    return _Place(part, owner, str(section.kind), f"{label} ({section.sub_label})" if section.sub_label else label)


def _list_rule(line: SourceLine, items: list[Item]) -> str:
    """What a line without a bullet and without a heading's words is, inside a list."""
    text = line.text
    if is_footnote(text):
        return "footnote"
    if is_connector(text):
        return "connector"
    if items and (line.indented or is_qualifier(text)):
        return "continuation"
    if is_intro(text):
        return "intro"
    return "plain"


def _keep_sub_areas_apart(typering: Typering) -> None:
    """Two sub-areas of one schaal never share a key: where a known sub-area would join them ("ICT-beheer" and
    "ICT-advies" are both ICT), each keeps the key of its own words."""
    sub_areas = [s for s in typering.sections if s.kind == TyperingSectionKind.RESULTS and s.sub_label]
    labels_per_key: dict[str, set[str]] = {}
    for section in sub_areas:
        labels_per_key.setdefault(section.sub_area, set()).add(sub_area_key(section.sub_label, known=False))
    for section in sub_areas:
        if len(labels_per_key[section.sub_area]) > 1:
            section.sub_area = sub_area_key(section.sub_label, known=False)


def _similar(found: HeadingMatch) -> str:
    """The report's words for a heading recognised by similarity rather than by one of its spellings."""
    return "" if found.exact else f"kopje herkend als ‘{found.name}’"


def _split_schaal(text: str) -> tuple[str, int | None]:
    """'Functietypering schaal 9' -> ('Functietypering', 9)."""
    match = _WITH_SCHAAL.fullmatch(text)
    if match and match["head"].strip():
        return match["head"], int(match["schaal"])
    return text, None


def _read_code(line: SourceLine) -> tuple[str, str] | None:
    """(label, code as published) when the line ends in a FUWASYS code, such as 'Variant 1. 22222 … (28)'."""
    if line.bullet_text is not None:
        return None
    raw = line.raw.strip()
    match = _CODE_AT_END.search(raw)
    if match is None:
        return None
    label, code = raw[: match.start()].strip(), raw[match.start() :].strip()
    if label and fold(label).split()[-1:] == ["variant"]:  # "Variant 1 22222 …": the 1 names the variant
        number = _VARIANT_NUMBER.match(code)
        if number:
            label, code = f"{label} {number['number']}", code[number.end() :]
    if label and not _is_code_label(label):
        return None
    if not fuwasys.looks_like_code(code):
        return None
    return normalise(label), code


def _is_code_label(text: str) -> bool:
    """A label of a code, such as 'Variant 1.' or 'Zonder leidinggevende taken:', not a garbled code."""
    return bool(_CODE_LABEL.fullmatch(text))


_AREA_KEYS = ("opdrachtgever", "omgeving", "bedrijfsvoering", "vernieuwen")
