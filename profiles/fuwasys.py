"""FUWASYS codes: reading them and checking them, without Django.

A code holds 14 scores ("kenmerken"), each 1–5, written in groups of 5, 5, 2 and 2 and followed by the
stated total in parentheses: ``22222 22222 22 22 (28)``. The FGR publishes some codes that do not add
up; they are stored and shown as published, and these checks say in Dutch what is wrong with them.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

GROUP_SIZES = (5, 5, 2, 2)
SCORE_COUNT = sum(GROUP_SIZES)
MIN_SCORE, MAX_SCORE = 1, 5

# A total has at most three digits and a code fits in 60 characters: anything longer is not a FUWASYS code,
# whatever its shape (and would not fit the database's columns).
_CODE = re.compile(r"^(?P<groups>[0-9](?:[0-9\s]*[0-9])?)\s*\(\s*(?P<total>[0-9]{1,3})\s*\)$")
MAX_CODE_LENGTH = 60


class KenmerkGroup(StrEnum):
    """The typering section that a kenmerk underpins."""

    WORK = "werkzaamheden"
    LATITUDE = "speelruimte"
    KNOWLEDGE = "kennis"
    CONTACTS = "contacten"

    @property
    def label(self) -> str:
        return KENMERK_GROUP_LABELS[self]


KENMERK_GROUP_LABELS = {
    KenmerkGroup.WORK: "Werkzaamheden",
    KenmerkGroup.LATITUDE: "Speelruimte/kaders",
    KenmerkGroup.KNOWLEDGE: "Kennis en vaardigheden",
    KenmerkGroup.CONTACTS: "Contacten",
}


@dataclass(frozen=True)
class Kenmerk:
    number: int
    name: str
    group: KenmerkGroup
    # In plain Dutch, the catalogue's own words (the official wording is the Weegsysteem FUWASYS): what the
    # kenmerk looks at, and what a higher score says about the work.
    measures: str = ""
    higher: str = ""


KENMERKEN = (
    Kenmerk(
        1,
        "Complexiteit van de werkzaamheden",
        KenmerkGroup.WORK,
        "Hoe ingewikkeld het werk is: hoeveel gegevens, factoren en belangen erin samenkomen.",
        "Meer en minder voorspelbare factoren, die samen één oplossing vragen.",
    ),
    Kenmerk(
        2,
        "Doel van de werkzaamheden",
        KenmerkGroup.WORK,
        "Waartoe het werk dient: van uitvoeren en ondersteunen tot het vormgeven van beleid of organisatie.",
        "Het werk draagt bij aan doelen die breder zijn en verder weg liggen.",
    ),
    Kenmerk(
        3,
        "Effect van de werkzaamheden",
        KenmerkGroup.WORK,
        "Hoe ver de gevolgen van het werk reiken, binnen en buiten de eigen organisatie.",
        "Goed of fout werk raakt meer mensen, langer of ingrijpender.",
    ),
    Kenmerk(
        4,
        "Aanpak van de werkzaamheden",
        KenmerkGroup.WORK,
        "Hoe het werk wordt aangepakt: met vaste werkwijzen, of met methoden die je zelf kiest of bedenkt.",
        "De aanpak moet vaker zelf worden gekozen, aangepast of ontwikkeld.",
    ),
    Kenmerk(
        5,
        "Dynamiek van de werkzaamheden",
        KenmerkGroup.WORK,
        "Hoe vaak het werk verandert door wisselende vragen, prioriteiten en omstandigheden.",
        "Meer en snellere wisselingen waarop je moet inspelen.",
    ),
    Kenmerk(
        6,
        "Keuzevrijheid",
        KenmerkGroup.LATITUDE,
        "Hoeveel ruimte er is om zelf te bepalen wat er gebeurt en hoe.",
        "Minder voorschriften en meer eigen keuzes.",
    ),
    Kenmerk(
        7,
        "Complexiteit van de beslissingen",
        KenmerkGroup.LATITUDE,
        "Hoe ingewikkeld de afwegingen zijn achter de beslissingen in het werk.",
        "Meer, en vaker tegenstrijdige, belangen en gegevens om tegen elkaar af te wegen.",
    ),
    Kenmerk(
        8,
        "Effect van de beslissingen",
        KenmerkGroup.LATITUDE,
        "Hoe groot en hoe blijvend de gevolgen van die beslissingen zijn.",
        "Beslissingen werken breder en langer door.",
    ),
    Kenmerk(
        9,
        "Kader",
        KenmerkGroup.LATITUDE,
        "Aan welke regels, procedures en richtlijnen het werk gebonden is, en hoe precies die zijn.",
        "De kaders zijn algemener en laten meer over om zelf in te vullen.",
    ),
    Kenmerk(
        10,
        "Controle",
        KenmerkGroup.LATITUDE,
        "Hoe en wanneer het werk wordt gecontroleerd.",
        "Controle komt later, gaat over hoofdlijnen of alleen over het resultaat.",
    ),
    Kenmerk(
        11,
        "Kennis en inzicht",
        KenmerkGroup.KNOWLEDGE,
        "Welke kennis het werk vraagt en hoe diep het inzicht moet gaan.",
        "Meer, specialistischer of breder inzicht.",
    ),
    Kenmerk(
        12,
        "Vaardigheid",
        KenmerkGroup.KNOWLEDGE,
        "Welke vaardigheden het werk vraagt, zoals communiceren, analyseren, organiseren of technisch handelen.",
        "Vaardigheden op een hoger niveau, of in moeilijker situaties.",
    ),
    Kenmerk(
        13,
        "Complexiteit van de contacten",
        KenmerkGroup.CONTACTS,
        "Hoe moeilijk de contacten zijn: met wie, waarover, en met hoeveel tegengestelde belangen.",
        "Lastiger gesprekspartners en gevoeliger onderwerpen.",
    ),
    Kenmerk(
        14,
        "Doel van de contacten",
        KenmerkGroup.CONTACTS,
        "Waarvoor de contacten dienen: van informatie uitwisselen tot overtuigen, onderhandelen of afstemmen.",
        "De contacten moeten meer bereiken, zoals overeenstemming of een besluit.",
    ),
)
# Where the kenmerken and their scores are laid down: the CAO Rijk's bijlage 5, now the Weegsysteem FUWASYS.
REGULATION_URL = "https://www.caorijk.nl/cao-rijk/bijlage-5"


class FuwasysSyntaxError(ValueError):
    """The text is not shaped like a FUWASYS code at all (digits, then a total in parentheses)."""


@dataclass(frozen=True)
class FuwasysCode:
    """A code as published, with what can be read from it and everything that is wrong with it."""

    raw: str
    groups: tuple[str, ...]
    stated_total: int

    @property
    def digits(self) -> str:
        return "".join(self.groups)

    @property
    def digit_sum(self) -> int:
        return sum(int(digit) for digit in self.digits)

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(_problems(self))

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def scores(self) -> tuple[int, ...] | None:
        """The 14 scores, or None when the code does not hold 14 readable scores."""
        scores = tuple(int(digit) for digit in self.digits)
        if len(scores) != SCORE_COUNT or any(not MIN_SCORE <= s <= MAX_SCORE for s in scores):
            return None
        return scores


def parse(raw: str) -> FuwasysCode:
    """Read a code written with any whitespace (spaces, no-break spaces) between its groups."""
    text = raw.strip()
    match = _CODE.match(text) if len(text) <= MAX_CODE_LENGTH else None
    if not match:
        raise FuwasysSyntaxError(
            f"‘{text}’ is geen FUWASYS-code: verwacht cijfers in groepen, gevolgd door het totaal "
            "tussen haakjes, zoals ‘22222 22222 22 22 (28)’."
        )
    return FuwasysCode(
        raw=raw,
        groups=tuple(match["groups"].split()),
        stated_total=int(match["total"]),
    )


def looks_like_code(text: str) -> bool:
    text = text.strip()
    return len(text) <= MAX_CODE_LENGTH and bool(_CODE.match(text))


def _problems(code: FuwasysCode) -> Iterable[str]:
    count = len(code.digits)
    if count != SCORE_COUNT:
        yield f"De code heeft {count} cijfers in plaats van {SCORE_COUNT}."
    sizes = tuple(len(group) for group in code.groups)
    if sizes != GROUP_SIZES:
        expected = ", ".join(str(size) for size in GROUP_SIZES)
        found = ", ".join(str(size) for size in sizes)
        yield f"De cijfers staan in groepen van {found} in plaats van {expected}."
    outside = sorted({digit for digit in code.digits if not MIN_SCORE <= int(digit) <= MAX_SCORE})
    if outside:
        yield (f"Scores moeten van {MIN_SCORE} tot en met {MAX_SCORE} lopen; de code bevat {' en '.join(outside)}.")
    if code.digit_sum != code.stated_total:
        yield (f"De cijfers tellen op tot {code.digit_sum}, niet tot het vermelde totaal {code.stated_total}.")


@dataclass(frozen=True)
class Descent:
    """A kenmerk whose score goes down from one schaal to the next-higher one."""

    kenmerk: Kenmerk
    lower_schaal: int
    lower_score: int
    higher_schaal: int
    higher_score: int

    @property
    def message(self) -> str:
        return (
            f"Kenmerk {self.kenmerk.number} ({self.kenmerk.name}) daalt van {self.lower_score} in schaal "
            f"{self.lower_schaal} naar {self.higher_score} in schaal {self.higher_schaal}."
        )


def descents(codes_by_schaal: Sequence[tuple[int, FuwasysCode]]) -> list[Descent]:
    """Kenmerken that go down as the schaal goes up, between consecutive schalen with readable scores.

    A schaal whose scores cannot be read is skipped: the next readable schaal is compared with the last
    readable one below it.
    """
    readable = [(schaal, code.scores) for schaal, code in sorted(codes_by_schaal) if code.scores]
    found = []
    for (lower, lower_scores), (higher, higher_scores) in pairwise(readable):
        for kenmerk, low, high in zip(KENMERKEN, lower_scores, higher_scores, strict=True):
            if high < low:
                found.append(Descent(kenmerk, lower, low, higher, high))
    return found
