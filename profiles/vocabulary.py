"""The FGR's vocabulary, in one place and without Django: the parts, headings, resultaatgebieden, sub-areas and
kinds of line of a functiegroep page, with their Dutch names, and how a heading is recognised by its meaning.

The source parser reads pages with it, the models take their choices from it, and the pages show its labels.

A heading is recognised by its words, not its spelling: case, spacing and punctuation do not count, "&" reads as
"en", a trailing qualifier in parentheses is set aside, the key words may stand in any order, each may be singular
or plural or carry a small misspelling, and some headings allow words after their own (a resultaatgebied such as
"Bedrijfsvoering werkprocessen, personeel, financieel"). `HeadingMatch.exact` says whether the line is one of the
heading's known spellings, up to case, spacing and punctuation; anything else was recognised by similarity, and
the parser reports it.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

MIN_SCHAAL, MAX_SCHAAL = 1, 18

# The FGR's own public site (its application for the functiegroepen is only open to government workplaces).
FGR_SITE_URL = "https://www.functiegebouwrijksoverheid.nl/"


class LabeledEnum(StrEnum):
    """A closed set of values, each with the Dutch label the pages show: `Member = "value", "Label"`."""

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]


class LineKind(LabeledEnum):
    """What one stored line of a list is."""

    BULLET = "opsomming", "opsommingsregel"
    PLAIN = "los", "losse regel (zonder opsommingsteken)"
    INTRO = "inleiding", "inleidende regel"
    CONNECTOR = "verbinding", "verbindingswoord (zoals ‘en/of’)"
    FOOTNOTE = "voetnoot", "voetnoot"


class KernprofielList(LabeledEnum):
    RESULTS = "resultaten", "Resultaten"
    INDICATORS = "gedragsindicatoren", "Gedragsindicatoren"
    COMPETENCIES = "competenties", "Competenties"


class QualitySectionKind(LabeledEnum):
    EXPERIENCE = "ervaring", "Ervaring"
    THINKING_LEVEL = "werk_en_denkniveau", "Werk- en denkniveau"
    EDUCATION_FIELD = "opleidingsrichting", "Opleidingsrichting en/of vakkennis"
    OTHER_KNOWLEDGE = "overige_kennis", "Overige kennis en vaardigheden"
    DEPARTMENT_EDUCATION = "opleiding_departementsspecifiek", "Opleiding departementsspecifiek"
    DEPARTMENT_COMPETENCIES = "competenties_departementsspecifiek", "Competenties departementsspecifiek"


class TyperingSectionKind(LabeledEnum):
    DESCRIPTION = "algemene_omschrijving", "Algemene omschrijving"
    RESULTS = "resultaten", "Resultaten"
    LATITUDE = "speelruimte", "Speelruimte/kaders"
    KNOWLEDGE = "kennis_vaardigheden", "Kennis en vaardigheden"
    CONTACTS = "contacten", "Contacten"
    EXAMPLES = "voorbeelden", "Voorbeelden producten en/of diensten"


# Sections whose unbulleted lines name an aandachtsgebied rather than hold content.
FOCUS_AREA_SECTIONS = (QualitySectionKind.EDUCATION_FIELD, QualitySectionKind.OTHER_KNOWLEDGE)

# The four resultaatgebieden, in the FGR's order, with the name the catalogue gives each (position = index + 1).
RESULT_AREAS = (
    "Opdracht(gever) (ambtelijk)",
    "Omgeving",
    "Bedrijfsvoering",
    "Vernieuwen en verbeteren",
)

# Link labels of the FGR's own site: not content.
LINK_LABELS = ("Kwaliteitenprofielen vergelijken", "Functietyperingen vergelijken")

EXAMPLES_LABEL = TyperingSectionKind.EXAMPLES.label


# -- folding text for comparison ------------------------------------------------------------------------------

_TRAILING_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*:?\s*$")
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
# Words that carry no meaning in a heading ("Competenties uit het kernprofiel" is about competenties).
_STOPWORDS = frozenset({"en", "of", "de", "het", "een", "van", "uit", "voor", "per", "in", "op", "met"})


def normalise(text: str) -> str:
    """Collapse every run of whitespace (no-break spaces included) into one space."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower case without accents, "&" as "en": the form in which two spellings of a word are compared."""
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " en ").casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def signature(text: str) -> str:
    """Letters and digits only, folded: two spellings with one signature differ only in case, spacing, punctuation."""
    return _WORD_SPLIT.sub("", fold(text))


def words(text: str) -> list[str]:
    """The folded words of a heading, with parentheses inside a word dropped ("Opdracht(gever)" is one word)."""
    return [word for word in _WORD_SPLIT.split(fold(text).replace("(", "").replace(")", "")) if word]


def strip_qualifier(text: str) -> tuple[str, str]:
    """Split a trailing qualifier in parentheses off a heading: ("Gedragsindicatoren", "(per resultaatgebied)")."""
    match = _TRAILING_QUALIFIER.search(text)
    if not match or not text[: match.start()].strip():
        return text, ""
    return text[: match.start()], match.group().strip()


def edit_distance(a: str, b: str) -> int:
    """Letters inserted, deleted, replaced or swapped with a neighbour to turn `a` into `b`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def tolerance(word: str) -> int:
    """How many letters a word may be off and still be read as the word: none in short words."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 10 else 2


def word_distance(word: str, forms: Iterable[str]) -> int | None:
    """The smallest distance from `word` to one of `forms` within the shorter word's tolerance, or None."""
    return _word_distance(word, tuple(forms))


@lru_cache(maxsize=65536)
def _word_distance(word: str, forms: tuple[str, ...]) -> int | None:
    best = None
    for form in forms:
        allowed = tolerance(min(word, form, key=len))
        if abs(len(word) - len(form)) > allowed:  # more letters apart than may be off: no need to count
            continue
        distance = 0 if word == form else edit_distance(word, form)
        if distance <= allowed and (best is None or distance < best):
            best = distance
    return best


# -- headings -------------------------------------------------------------------------------------------------


class Heading(StrEnum):
    """Every heading of a functiegroep page that the parser knows."""

    KERNPROFIEL = "kernprofiel"
    RESULTS = "resultaten"
    INDICATORS = "gedragsindicatoren"
    COMPETENCIES = "competenties"
    QUALITY_PROFILES = "kwaliteitenprofielen"
    TYPERINGEN = "functietyperingen"
    TYPERING = "functietypering"
    # Kwaliteitenprofiel
    EXPERIENCE = QualitySectionKind.EXPERIENCE.value
    EDUCATION = "opleiding"
    THINKING_LEVEL = QualitySectionKind.THINKING_LEVEL.value
    EDUCATION_FIELD = QualitySectionKind.EDUCATION_FIELD.value
    OTHER_KNOWLEDGE = QualitySectionKind.OTHER_KNOWLEDGE.value
    DEPARTMENT_EDUCATION = QualitySectionKind.DEPARTMENT_EDUCATION.value
    DEPARTMENT_COMPETENCIES = QualitySectionKind.DEPARTMENT_COMPETENCIES.value
    # Functietypering
    DESCRIPTION = TyperingSectionKind.DESCRIPTION.value
    LATITUDE = TyperingSectionKind.LATITUDE.value
    KNOWLEDGE = TyperingSectionKind.KNOWLEDGE.value
    CONTACTS = TyperingSectionKind.CONTACTS.value
    # Resultaatgebieden (the number is the area's position)
    AREA_1 = "resultaatgebied_1"
    AREA_2 = "resultaatgebied_2"
    AREA_3 = "resultaatgebied_3"
    AREA_4 = "resultaatgebied_4"


AREA_HEADINGS = (Heading.AREA_1, Heading.AREA_2, Heading.AREA_3, Heading.AREA_4)


@dataclass(frozen=True)
class HeadingSpec:
    """The words that make a heading.

    `concepts`: each must be matched by its own word of the line, in any order (a concept lists the forms of one
    word: singular, plural, compound). `optional`: words that may be there too. `extra`: how many other words the
    line may have. `leading`: the concepts must come first (a resultaatgebied, whose name may be followed by other
    words). `known`: spellings that count as exact (besides the name).
    """

    heading: Heading
    name: str
    concepts: tuple[tuple[str, ...], ...]
    optional: frozenset[str] = frozenset()
    extra: int = 0
    leading: bool = False
    known: tuple[str, ...] = ()

    @property
    def signatures(self) -> frozenset[str]:
        return frozenset(signature(spelling) for spelling in (self.name, *self.known))


def _spec(heading, name, *concepts, optional=(), extra=0, leading=False, known=()) -> HeadingSpec:
    return HeadingSpec(heading, name, tuple(concepts), frozenset(optional), extra, leading, tuple(known))


_COMPETENCY = ("competentie", "competenties")
_DEPARTMENTAL = ("departementsspecifiek", "departementspecifiek", "departementaal", "departementale")
_KNOWLEDGE = ("kennis",)
_SKILLS = ("vaardigheid", "vaardigheden")
_RESULTS = ("resultaat", "resultaten")

SPECS: dict[Heading, HeadingSpec] = {
    Heading.KERNPROFIEL: _spec(Heading.KERNPROFIEL, "Kernprofiel", ("kernprofiel", "kernprofielen")),
    Heading.RESULTS: _spec(Heading.RESULTS, "Resultaten", _RESULTS),
    Heading.INDICATORS: _spec(
        Heading.INDICATORS,
        "Gedragsindicatoren",
        ("gedragsindicator", "gedragsindicatoren"),
        optional={"resultaatgebied", "resultaatgebieden"},
    ),
    Heading.COMPETENCIES: _spec(
        Heading.COMPETENCIES, "Competenties", _COMPETENCY, optional={"kernprofiel", "rijk", "rijksbreed"}
    ),
    Heading.QUALITY_PROFILES: _spec(
        Heading.QUALITY_PROFILES, "Kwaliteitenprofielen", ("kwaliteitenprofiel", "kwaliteitenprofielen")
    ),
    Heading.TYPERINGEN: _spec(Heading.TYPERINGEN, "Functietyperingen", ("functietyperingen",)),
    Heading.TYPERING: _spec(Heading.TYPERING, "Functietypering", ("functietypering",)),
    Heading.EXPERIENCE: _spec(Heading.EXPERIENCE, "Ervaring", ("ervaring", "ervaringen", "werkervaring")),
    Heading.EDUCATION: _spec(Heading.EDUCATION, "Opleiding: Rijk", ("opleiding", "opleidingen"), optional={"rijk"}),
    Heading.THINKING_LEVEL: _spec(
        Heading.THINKING_LEVEL,
        "Werk- en denkniveau",
        ("denkniveau", "werkniveau", "werkendenkniveau", "werkdenkniveau", "denkenwerkniveau", "denkwerkniveau"),
        optional={"werk", "denk", "niveau", "denkniveau", "werkniveau"},
    ),
    Heading.EDUCATION_FIELD: _spec(
        Heading.EDUCATION_FIELD,
        "Opleidingsrichting en/of vakkennis",
        ("opleidingsrichting", "opleidingsrichtingen", "vakkennis"),
        optional={"vakkennis", "opleidingsrichting", "opleidingsrichtingen"},
    ),
    Heading.OTHER_KNOWLEDGE: _spec(
        Heading.OTHER_KNOWLEDGE,
        "Overige kennis en vaardigheden",
        _KNOWLEDGE,
        _SKILLS,
        optional={"overige", "overig", "aanvullende"},
    ),
}
# Headings that another set of words says too: "Overige kennis" without "en vaardigheden".
ALTERNATIVE_SPECS = {
    Heading.OTHER_KNOWLEDGE: _spec(
        Heading.OTHER_KNOWLEDGE, "Overige kennis en vaardigheden", ("overige", "overig", "aanvullende"), _KNOWLEDGE
    ),
}
SPECS |= {
    Heading.DEPARTMENT_EDUCATION: _spec(
        Heading.DEPARTMENT_EDUCATION, "Opleiding departementsspecifiek", ("opleiding", "opleidingen"), _DEPARTMENTAL
    ),
    Heading.DEPARTMENT_COMPETENCIES: _spec(
        Heading.DEPARTMENT_COMPETENCIES, "Competenties departementsspecifiek", _COMPETENCY, _DEPARTMENTAL
    ),
    Heading.DESCRIPTION: _spec(
        Heading.DESCRIPTION,
        "Algemene omschrijving",
        ("omschrijving", "beschrijving"),
        optional={"algemene", "algemeen", "functie"},
    ),
    Heading.LATITUDE: _spec(
        Heading.LATITUDE,
        "Speelruimte/kaders",
        ("speelruimte", "kaders", "kader"),
        optional={"speelruimte", "kaders", "kader"},
    ),
    Heading.KNOWLEDGE: _spec(Heading.KNOWLEDGE, "Kennis en vaardigheden", _KNOWLEDGE, _SKILLS),
    Heading.CONTACTS: _spec(Heading.CONTACTS, "Contacten", ("contacten", "contact")),
    Heading.AREA_1: _spec(
        Heading.AREA_1,
        RESULT_AREAS[0],
        ("opdrachtgever", "opdracht", "opdrachtgevers"),
        optional={"ambtelijk", "politiek", "bestuurlijk"},
        extra=8,
        leading=True,
    ),
    Heading.AREA_2: _spec(Heading.AREA_2, RESULT_AREAS[1], ("omgeving",), extra=8, leading=True),
    Heading.AREA_3: _spec(Heading.AREA_3, RESULT_AREAS[2], ("bedrijfsvoering",), extra=8, leading=True),
    Heading.AREA_4: _spec(
        Heading.AREA_4,
        RESULT_AREAS[3],
        ("vernieuwen", "vernieuwing", "verbeteren", "verbetering"),
        optional={"vernieuwen", "vernieuwing", "verbeteren", "verbetering"},
        extra=8,
        leading=True,
    ),
}

# The headings each part of a page may have, most specific first.
KERNPROFIEL_HEADINGS = (
    Heading.KERNPROFIEL,
    Heading.RESULTS,
    Heading.INDICATORS,
    Heading.COMPETENCIES,
    *AREA_HEADINGS,
)
QUALITY_HEADINGS = (
    Heading.DEPARTMENT_EDUCATION,
    Heading.DEPARTMENT_COMPETENCIES,
    Heading.COMPETENCIES,
    Heading.EXPERIENCE,
    Heading.THINKING_LEVEL,
    Heading.EDUCATION_FIELD,
    Heading.OTHER_KNOWLEDGE,
    Heading.EDUCATION,
)
TYPERING_HEADINGS = (
    Heading.DESCRIPTION,
    Heading.RESULTS,
    Heading.LATITUDE,
    Heading.KNOWLEDGE,
    Heading.CONTACTS,
)
PART_HEADINGS = (Heading.QUALITY_PROFILES, Heading.TYPERINGEN, Heading.TYPERING)

# A heading has at most this many words of its own (a resultaatgebied's words after its name aside).
_MAX_HEADING_WORDS = 6


@dataclass(frozen=True)
class HeadingMatch:
    heading: Heading
    # Whether the line is a known spelling of the heading, up to case, spacing and punctuation.
    exact: bool
    distance: int = 0
    qualifier: str = ""

    @property
    def name(self) -> str:
        return SPECS[self.heading].name


def match_heading(text: str, candidates: Sequence[Heading]) -> HeadingMatch | None:
    """The candidate heading that `text` says, by its words; the closest when several fit; None if none does."""
    bare, qualifier = strip_qualifier(text)
    specs = [spec for heading in candidates for spec in (SPECS[heading], ALTERNATIVE_SPECS.get(heading)) if spec]
    found = [match for spec in specs if (match := _match(spec, text, bare, qualifier))]
    if not found:
        return None
    return min(found, key=lambda match: (match.distance, candidates.index(match.heading)))


def _match(spec: HeadingSpec, text: str, bare: str, qualifier: str) -> HeadingMatch | None:
    if signature(text) in spec.signatures:
        return HeadingMatch(spec.heading, exact=True)
    for candidate, set_aside in ((bare, qualifier), (text, "")):
        distance = _distance(spec, words(candidate))
        if distance is not None:
            return HeadingMatch(spec.heading, exact=False, distance=distance, qualifier=set_aside)
    return None


def _distance(spec: HeadingSpec, line_words: list[str]) -> int | None:
    """The letters off over all matched words, or None when the words do not make the heading."""
    meaningful = [word for word in line_words if word not in _STOPWORDS]
    if not meaningful or len(meaningful) > len(spec.concepts) + len(spec.optional) + spec.extra:
        return None
    if not spec.leading and len(meaningful) > _MAX_HEADING_WORDS:
        return None
    joined = "".join(meaningful)
    if len(spec.concepts) == 1 and len(meaningful) > 1 and word_distance(joined, spec.concepts[0]) is not None:
        return word_distance(joined, spec.concepts[0])  # a compound written apart: "Gedrags indicatoren"
    total, remaining = 0, list(meaningful)
    for index, forms in enumerate(spec.concepts):
        pool = remaining[:1] if spec.leading and index == 0 else remaining
        scored = [(word_distance(word, forms), position) for position, word in enumerate(pool)]
        scored = [(distance, position) for distance, position in scored if distance is not None]
        if not scored:
            return None
        distance, position = min(scored)
        total += distance
        remaining.pop(position)
    extras = 0
    for word in remaining:
        distance = word_distance(word, spec.optional)
        if distance is None:
            extras += 1
        else:
            total += distance
    return None if extras > spec.extra else total


# -- other kinds of line --------------------------------------------------------------------------------------

_CONNECTOR_WORDS = frozenset(
    {"en", "of", "dan", "wel", "danwel", "cq", "c", "q", "respectievelijk", "alsmede", "ofwel", "oftewel", "dus"}
)
_FOOTNOTE = re.compile(r"^(?:\*+\)|\(\*+\))")
_EXAMPLES = ("voorbeelden", "voorbeeld")
_EXAMPLES_OF = ("producten", "product", "diensten", "dienst")


def is_link_label(text: str) -> bool:
    """A link of the FGR's own site, such as "Functietyperingen vergelijken": not content."""
    if signature(text) in {signature(label) for label in LINK_LABELS}:
        return True
    line_words = [word for word in words(text) if word not in _STOPWORDS]
    if len(line_words) != 2:
        return False
    compare = [word for word in line_words if word_distance(word, ("vergelijken", "vergelijk")) is not None]
    rest = [word for word in line_words if word not in compare]
    return (
        len(compare) == 1
        and len(rest) == 1
        and (match_heading(rest[0], (Heading.QUALITY_PROFILES, Heading.TYPERINGEN)) is not None)
    )


def is_connector(text: str) -> bool:
    """A line of linking words only, such as "en/of", that stands between two bullets."""
    line_words = _WORD_SPLIT.split(fold(text))
    line_words = [word for word in line_words if word]
    return 0 < len(line_words) <= 3 and all(word in _CONNECTOR_WORDS for word in line_words)


def is_footnote(text: str) -> bool:
    """A note such as "*) geldt alleen voor senioren", explaining a marked line of the list above it."""
    return bool(_FOOTNOTE.match(text))


def is_qualifier(text: str) -> bool:
    """A line such as "(geldt alleen voor senioren)" that qualifies the bullet above it."""
    return text.startswith("(") and text.endswith(")")


def is_intro(text: str) -> bool:
    """A line that introduces the bullets under it ("ondersteuning o.b.v. deelopdrachten:")."""
    return text.rstrip().endswith(":")


def is_examples(text: str) -> bool:
    """The paragraph "Voorbeelden producten en/of diensten: …": its first word, and what it gives examples of.

    "Voorbeelden:" alone introduces bullets like any intro line; "Voorbeeld: belt een collega" is a line of its own.
    """
    line_words = words(text)
    if not line_words or min(edit_distance(line_words[0], form) for form in _EXAMPLES) > 1:
        return False
    return any(word_distance(word, _EXAMPLES_OF) is not None for word in line_words[1:4])


# -- sub-areas of a typering's Resultaten ---------------------------------------------------------------------


@dataclass(frozen=True)
class SubArea:
    """A sub-area that several groups and spellings share, so that schalen line up under one name."""

    key: str
    label: str
    pattern: re.Pattern[str] = field(compare=False)


KNOWN_SUB_AREAS = (
    SubArea("informatiebeheer", "Informatiebeheer", re.compile(r"informatie\s*beheer|\bdiv\b")),
    SubArea("ict", "ICT", re.compile(r"\bict\b")),
    SubArea("techniek", "Techniek", re.compile(r"\btechn")),
)
SUB_AREA_LABELS = {sub_area.key: sub_area.label for sub_area in KNOWN_SUB_AREAS}


def sub_area_key(label: str, *, known: bool = True) -> str:
    """The key under which a sub-area's schalen line up: a known sub-area's, or the label's own words.

    'DIV informatie-beheer' and 'Informatiebeheer' are both 'informatiebeheer'; 'Advisering:' and 'advisering'
    are both 'advisering'. With `known=False`, only the label's own words count.
    """
    folded = fold(label).replace("-", "")
    for sub_area in KNOWN_SUB_AREAS if known else ():
        if sub_area.pattern.search(folded):
            return sub_area.key
    return " ".join(words(label))[:100]


def sub_area_label(key: str) -> str:
    """The name a comparison gives a sub-area: a known one's, or '' (then the source's own label is used)."""
    return SUB_AREA_LABELS.get(key, "")
