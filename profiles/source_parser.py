"""Parser for the plain-text copy of an FGR functiegroep page, without Django.

The page holds, in this order: the kernprofiel (Resultaten and Gedragsindicatoren per resultaatgebied,
Competenties), the kwaliteitenprofielen (without schaal labels) and the functietyperingen (each with its
FUWASYS code and schaal). The parser keeps every content line and the source's own labels; it only
collapses whitespace. A line it cannot place stops it with a `SourceError` naming the line.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from profiles import fuwasys

RESULT_AREAS = (
    "Opdracht(gever) (ambtelijk)",
    "Omgeving",
    "Bedrijfsvoering",
    "Vernieuwen en verbeteren",
)

# Link labels of the FGR's own site: not content.
LINK_LABELS = ("Kwaliteitenprofielen vergelijken", "Functietyperingen vergelijken")

MIN_SCHAAL, MAX_SCHAAL = 1, 18


class SubArea(StrEnum):
    """Canonical sub-areas of a typering's Resultaten, so that schalen can be lined up."""

    INFORMATION_MANAGEMENT = "informatiebeheer"
    ICT = "ict"
    ENGINEERING = "techniek"


class QualitySectionKind(StrEnum):
    EXPERIENCE = "ervaring"
    THINKING_LEVEL = "werk_en_denkniveau"
    EDUCATION_FIELD = "opleidingsrichting"
    OTHER_KNOWLEDGE = "overige_kennis"
    DEPARTMENT_EDUCATION = "opleiding_departementsspecifiek"
    DEPARTMENT_COMPETENCIES = "competenties_departementsspecifiek"


class TyperingSectionKind(StrEnum):
    DESCRIPTION = "algemene_omschrijving"
    RESULTS = "resultaten"
    LATITUDE = "speelruimte"
    KNOWLEDGE = "kennis_vaardigheden"
    CONTACTS = "contacten"
    EXAMPLES = "voorbeelden"


# Sections whose plain (unbulleted) lines name an aandachtsgebied rather than hold content.
FOCUS_AREA_SECTIONS = (QualitySectionKind.EDUCATION_FIELD, QualitySectionKind.OTHER_KNOWLEDGE)


def _heading(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})\s*:?", re.IGNORECASE)


_QUALITY_HEADINGS = (
    (_heading(r"opleiding\s+depart\w*specifiek"), QualitySectionKind.DEPARTMENT_EDUCATION),
    (_heading(r"competenties\s+depart\w*specifiek"), QualitySectionKind.DEPARTMENT_COMPETENCIES),
    (_heading(r"werk-\s*en\s+denkniveau"), QualitySectionKind.THINKING_LEVEL),
    (_heading(r"opleidingsrichting(?:\s+en/of\s+vakkennis)?"), QualitySectionKind.EDUCATION_FIELD),
    (_heading(r"overige\s+kennis\s+en\s+vaardigheden"), QualitySectionKind.OTHER_KNOWLEDGE),
)
_EXPERIENCE = _heading(r"ervaring")
_EDUCATION = re.compile(r"opleiding(?:\s*:.*)?", re.IGNORECASE)
_COMPETENCIES = _heading(r"competenties")

_TYPERING_HEADINGS = (
    (_heading(r"algemene\s+omschrijving"), TyperingSectionKind.DESCRIPTION),
    (_heading(r"resultaten"), TyperingSectionKind.RESULTS),
    (_heading(r"speelruimte\s*/\s*kaders"), TyperingSectionKind.LATITUDE),
    (_heading(r"kennis\s*(?:en|&)\s*vaardighe(?:id|den)"), TyperingSectionKind.KNOWLEDGE),
    (_heading(r"contacten"), TyperingSectionKind.CONTACTS),
)
_EXAMPLES = re.compile(r"(?P<label>voorbeelden\s+producten\s+en/of\s+diensten\s*:?)\s*(?P<text>.*)", re.I)
_SCHAAL = re.compile(r"schaal\s+(?P<schaal>[0-9]+)", re.IGNORECASE)
_BULLET = re.compile(r"\s*[•·▪●*\-–]\s+(?P<text>.*)")

TYPERING_HEADING_NAMES = "Algemene omschrijving, Resultaten, Speelruimte/kaders, Kennis en vaardigheden, Contacten"
QUALITY_HEADING_NAMES = (
    "Ervaring, Opleiding, Werk- en denkniveau, Opleidingsrichting en/of vakkennis, "
    "Overige kennis en vaardigheden, Opleiding departementsspecifiek, Competenties, "
    "Competenties departementsspecifiek"
)


class SourceError(ValueError):
    """The text has a line the parser cannot place; says where and what it expected there."""

    def __init__(self, line_no: int, message: str):
        super().__init__(f"regel {line_no}: {message}")
        self.line_no = line_no
        self.message = message


@dataclass
class Item:
    """One entry: a bullet (or an unbulleted line), with the unbulleted lines that continue it."""

    text: str
    line_no: int
    bulleted: bool = True
    continuation: list[str] = field(default_factory=list)


@dataclass
class Section:
    kind: str
    label: str
    line_no: int
    # The aandachtsgebied of a kwaliteitenprofiel section, or the sub-area of a typering's Resultaten,
    # as the source labels it.
    sub_label: str = ""
    sub_area: str = ""
    intro: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


@dataclass
class Kernprofiel:
    results: dict[str, list[Item]] = field(default_factory=dict)
    indicators: dict[str, list[Item]] = field(default_factory=dict)
    competencies: list[Item] = field(default_factory=list)


@dataclass
class QualityProfile:
    line_no: int
    schaal: int | None = None
    education_heading: str = ""
    sections: list[Section] = field(default_factory=list)
    competencies: list[Item] = field(default_factory=list)


@dataclass
class Typering:
    line_no: int
    schaal: int | None = None
    fuwasys_code: str = ""
    sections: list[Section] = field(default_factory=list)


@dataclass
class GroupText:
    kernprofiel: Kernprofiel
    quality_profiles: list[QualityProfile]
    typeringen: list[Typering]


@dataclass(frozen=True)
class SourceLine:
    number: int
    raw: str

    @property
    def text(self) -> str:
        return normalise(self.raw)

    @property
    def bullet_text(self) -> str | None:
        match = _BULLET.fullmatch(self.raw)
        return normalise(match["text"]) if match else None

    @property
    def indented(self) -> bool:
        return self.raw[:1].isspace()


def normalise(text: str) -> str:
    """Collapse every run of whitespace (no-break spaces included) into one space."""
    return " ".join(text.split())


def canonical_sub_area(label: str) -> str:
    """Map a source label such as 'DIV informatie-beheer' or 'ondersteunende ICT werkzaamheden'."""
    folded = label.lower().replace("-", "")
    if "informatie" in folded or re.search(r"\bdiv\b", folded):
        return SubArea.INFORMATION_MANAGEMENT
    if re.search(r"\bict\b", folded):
        return SubArea.ICT
    if "techn" in folded:
        return SubArea.ENGINEERING
    return ""


def content_lines(text: str) -> Iterator[SourceLine]:
    """The source's non-blank lines, numbered from 1, without the FGR's link labels."""
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = SourceLine(number, raw)
        if line.text and line.text not in LINK_LABELS:
            yield line


def parse(text: str) -> GroupText:
    lines = list(content_lines(text))
    if not lines:
        raise SourceError(1, "de tekst is leeg; verwacht een kernprofiel dat begint met ‘Resultaten’.")
    parser = _Parser()
    for line in lines:
        parser.feed(line)
    return parser.finish(last_line=lines[-1].number)


class _Parser:
    """A line-by-line state machine over the three parts of the page."""

    def __init__(self):
        self.kernprofiel = Kernprofiel()
        self.quality_profiles: list[QualityProfile] = []
        self.typeringen: list[Typering] = []
        self.part = "start"
        self.kern_list: dict[str, list[Item]] | list[Item] | None = None
        self.kern_items: list[Item] | None = None
        self.section: Section | None = None
        self.quality_heading_line = 0

    # -- dispatch ---------------------------------------------------------------------------------

    def feed(self, line: SourceLine) -> None:
        text = line.text
        if text == "Kwaliteitenprofielen" and self.part in ("start", "kern"):
            self.part, self.section, self.quality_heading_line = "quality", None, line.number
        elif text == "Functietyperingen" and self.part in ("kern", "quality"):
            self.part, self.section = "typering", None
        elif self.part in ("start", "kern"):
            self._feed_kernprofiel(line)
        elif self.part == "quality":
            self._feed_quality(line)
        else:
            self._feed_typering(line)

    def finish(self, last_line: int) -> GroupText:
        if not self.typeringen:
            raise SourceError(last_line, "geen functietypering gevonden; verwacht ‘Functietyperingen’.")
        for typering in self.typeringen:
            self._check_typering_header(typering, typering.line_no)
        if self.quality_profiles and len(self.quality_profiles) != len(self.typeringen):
            raise SourceError(
                self.quality_heading_line,
                f"{len(self.quality_profiles)} kwaliteitenprofielen maar {len(self.typeringen)} "
                "functietyperingen; verwacht er evenveel, zodat elk profiel de schaal van een typering krijgt.",
            )
        for profile, typering in zip(self.quality_profiles, self.typeringen, strict=False):
            profile.schaal = typering.schaal
        return GroupText(self.kernprofiel, self.quality_profiles, self.typeringen)

    # -- kernprofiel ------------------------------------------------------------------------------

    def _feed_kernprofiel(self, line: SourceLine) -> None:
        text, kern = line.text, self.kernprofiel
        if self.part == "start" and text == "Kernprofiel":
            return
        if text == "Resultaten":
            self.part, self.kern_list, self.kern_items = "kern", kern.results, None
        elif text == "Gedragsindicatoren":
            self.part, self.kern_list, self.kern_items = "kern", kern.indicators, None
        elif text == "Competenties":
            self.part, self.kern_list, self.kern_items = "kern", kern.competencies, kern.competencies
        elif self.part == "start":
            raise SourceError(line.number, f"‘{text}’: verwacht het kernprofiel, beginnend met ‘Resultaten’.")
        elif isinstance(self.kern_list, dict) and text in RESULT_AREAS:
            if text in self.kern_list:
                raise SourceError(line.number, f"resultaatgebied ‘{text}’ staat hier voor de tweede keer.")
            self.kern_items = self.kern_list[text] = []
        elif self.kern_items is not None and self._add_item(self.kern_items, line, plain_allowed=False):
            return
        else:
            expected = "een opsommingsregel (•)" if self.kern_items is not None else "een resultaatgebied"
            raise SourceError(
                line.number,
                f"‘{text}’ past hier niet; verwacht {expected}: een van {', '.join(RESULT_AREAS)}, "
                "of het kopje Gedragsindicatoren, Competenties of Kwaliteitenprofielen.",
            )

    # -- kwaliteitenprofielen ---------------------------------------------------------------------

    def _feed_quality(self, line: SourceLine) -> None:
        text = line.text
        if _EXPERIENCE.fullmatch(text):
            profile = QualityProfile(line_no=line.number)
            self.quality_profiles.append(profile)
            self._start_section(profile.sections, QualitySectionKind.EXPERIENCE, line)
            return
        if not self.quality_profiles:
            raise SourceError(line.number, f"‘{text}’: verwacht een kwaliteitenprofiel, beginnend met ‘Ervaring’.")
        profile = self.quality_profiles[-1]
        if _COMPETENCIES.fullmatch(text):
            self.section = Section("competenties", text, line.number, items=profile.competencies)
            return
        for pattern, kind in _QUALITY_HEADINGS:
            if pattern.fullmatch(text):
                self._start_section(profile.sections, kind, line)
                return
        if _EDUCATION.fullmatch(text):
            profile.education_heading, self.section = text, None
            return
        section = self.section
        if section is None:
            raise SourceError(line.number, f"‘{text}’ past hier niet; verwacht een kopje: {QUALITY_HEADING_NAMES}.")
        if section.kind in FOCUS_AREA_SECTIONS and line.bullet_text is None and not line.indented:
            if section.sub_label or section.items:
                section = self._start_section(profile.sections, section.kind, line, label=section.label)
            section.sub_label = text
            return
        plain_allowed = section.kind == QualitySectionKind.DEPARTMENT_EDUCATION
        if not self._add_item(section.items, line, plain_allowed=plain_allowed):
            raise SourceError(line.number, f"‘{text}’ past hier niet; verwacht een opsommingsregel (•) of een kopje.")

    # -- functietyperingen ------------------------------------------------------------------------

    def _feed_typering(self, line: SourceLine) -> None:
        text = line.text
        if text == "Functietypering":
            self.typeringen.append(Typering(line_no=line.number))
            self.section = None
            return
        if not self.typeringen:
            raise SourceError(line.number, f"‘{text}’: verwacht een typering, beginnend met ‘Functietypering’.")
        typering = self.typeringen[-1]
        if self.section is None and self._feed_typering_header(typering, line):
            return
        for pattern, kind in _TYPERING_HEADINGS:
            if pattern.fullmatch(text):
                self._check_typering_header(typering, line.number)
                self._start_section(typering.sections, kind, line)
                return
        examples = _EXAMPLES.fullmatch(text)
        if examples:
            self._check_typering_header(typering, line.number)
            section = self._start_section(typering.sections, TyperingSectionKind.EXAMPLES, line)
            section.label = examples["label"]
            if examples["text"]:
                section.items.append(Item(examples["text"], line.number, bulleted=False))
            return
        section = self.section
        if section is None:
            raise SourceError(line.number, f"‘{text}’ past hier niet; verwacht een kopje: {TYPERING_HEADING_NAMES}.")
        if section.kind == TyperingSectionKind.RESULTS:
            self._feed_results(typering, section, line)
        elif not self._add_item(section.items, line, plain_allowed=section.kind == TyperingSectionKind.EXAMPLES):
            raise SourceError(
                line.number,
                f"‘{text}’ past hier niet; verwacht een opsommingsregel (•) of een kopje: {TYPERING_HEADING_NAMES}.",
            )

    def _feed_typering_header(self, typering: Typering, line: SourceLine) -> bool:
        text = line.text
        schaal = _SCHAAL.fullmatch(text)
        if schaal:
            number = int(schaal["schaal"])
            if not MIN_SCHAAL <= number <= MAX_SCHAAL:
                raise SourceError(
                    line.number,
                    f"schaal {number} bestaat niet; verwacht {MIN_SCHAAL} tot en met {MAX_SCHAAL}.",
                )
            if any(other.schaal == number for other in self.typeringen):
                raise SourceError(line.number, f"schaal {number} heeft al een functietypering.")
            typering.schaal = number
            return True
        if fuwasys.looks_like_code(text):
            if typering.fuwasys_code:
                raise SourceError(line.number, "deze typering heeft al een FUWASYS-code.")
            typering.fuwasys_code = line.raw.strip()
            return True
        return False

    @staticmethod
    def _check_typering_header(typering: Typering, line_no: int) -> None:
        missing = [
            name
            for name, present in (("de FUWASYS-code", typering.fuwasys_code), ("‘Schaal N’", typering.schaal))
            if not present
        ]
        if missing:
            raise SourceError(
                line_no,
                f"de functietypering van regel {typering.line_no} mist {' en '.join(missing)}; "
                "verwacht die direct na ‘Functietypering’.",
            )

    def _feed_results(self, typering: Typering, section: Section, line: SourceLine) -> None:
        text = line.text
        is_plain_heading = line.bullet_text is None and not line.indented and not _is_qualifier(text)
        if not is_plain_heading:
            if not self._add_item(section.items, line, plain_allowed=False):
                raise SourceError(line.number, f"‘{text}’ past hier niet; verwacht een opsommingsregel (•).")
        elif not section.sub_label and not section.items:
            section.sub_label, section.sub_area = text, canonical_sub_area(text)
        elif not section.items:
            section.intro.append(text)
        else:
            new = self._start_section(typering.sections, section.kind, line, label=section.label)
            new.sub_label, new.sub_area = text, canonical_sub_area(text)

    # -- shared -----------------------------------------------------------------------------------

    def _start_section(self, sections: list[Section], kind: str, line: SourceLine, label: str = "") -> Section:
        self.section = Section(kind, label or line.text, line.number)
        sections.append(self.section)
        return self.section

    @staticmethod
    def _add_item(items: list[Item], line: SourceLine, *, plain_allowed: bool) -> bool:
        """Add a bullet, a continuation of the bullet above, or (where allowed) an unbulleted line."""
        bullet = line.bullet_text
        if bullet is not None:
            items.append(Item(bullet, line.number))
        elif items and (line.indented or _is_qualifier(line.text)):
            items[-1].continuation.append(line.text)
        elif plain_allowed:
            items.append(Item(line.text, line.number, bulleted=False))
        else:
            return False
        return True


def _is_qualifier(text: str) -> bool:
    """A line such as '(geldt alleen voor senioren)' that qualifies the bullet above it."""
    return text.startswith("(") and text.endswith(")")
