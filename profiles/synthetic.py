"""A synthetic catalogue for benchmarks: many functiegroepen recombined from the real FGR source text.

Never part of the default data. Everything it writes lives in one functiefamilie, "Synthetisch (benchmark)",
in groups named "Synthetische functiegroep 0001" and up; it reuses the result areas, FUWASYS kenmerken,
competencies and aandachtsgebieden that are there and never changes other content.

Each group has the shape of the source page (a kernprofiel, four kwaliteitenprofielen and four typeringen
for consecutive schalen), and every line is a real source line of the same kind with some of its words
swapped for other words of the source. Dutch stemming and trigram matching therefore meet real Dutch words
in the source's proportions. The vocabulary is the source's alone: a word that is rare in the FGR but occurs
in the source ("ITIL") occurs in most synthetic groups, so the benchmark's "rare" queries hit more lines
than they would in a real catalogue of this size. The same seed gives the same catalogue.
"""

import random
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from profiles import catalogue_data, fuwasys, source_parser
from profiles.models import (
    SYNTHETIC_FAMILY,
    BehaviouralIndicator,
    Characteristic,
    Competency,
    FocusArea,
    FunctionFamily,
    FunctionGroup,
    FunctionTypering,
    GroupCompetency,
    KernprofielHeading,
    QualityProfile,
    QualityProfileCompetency,
    QualityProfileLine,
    QualityProfileSection,
    Result,
    ResultArea,
    TyperingCode,
    TyperingLine,
    TyperingScore,
    TyperingSection,
)
from profiles.vocabulary import MAX_SCHAAL, MIN_SCHAAL, KernprofielList

FAMILY_NAME = SYNTHETIC_FAMILY
GROUP_NAME = "Synthetische functiegroep {number:04d}"
MAX_GROUPS = 9999  # the names have four digits
DEFAULT_SEED = 528

# Share of a line's words swapped for another source word: enough to make lines differ, few enough to read as FGR text.
SWAP_RATE = 0.15
# The source's kwaliteitenprofielen have about 23 rows; the brief asks for about 30.
QUALITY_SCALE = (1.0, 1.8)
TYPERING_SCALE = (0.8, 1.2)
KERN_SCALE = (0.8, 1.2)
GROUPS_PER_BATCH = 100
ROWS_PER_INSERT = 2000


class SyntheticRefused(Exception):
    """Generating would touch content that is not synthetic, or replace synthetic groups without --replace."""


@dataclass
class Report:
    created: int
    replaced: int
    lines: int


def group_names(count: int) -> list[str]:
    return [GROUP_NAME.format(number=number) for number in range(1, count + 1)]


def synthetic_groups():
    return FunctionGroup.objects.filter(family__name=FAMILY_NAME)


def generate(count: int, *, seed: int = DEFAULT_SEED, replace: bool = False) -> Report:
    """Add `count` synthetic groups in one transaction; with `replace`, first delete the synthetic ones."""
    if not 1 <= count <= MAX_GROUPS:
        raise SyntheticRefused(f"Het aantal functiegroepen moet tussen 1 en {MAX_GROUPS} liggen, niet {count}.")
    names = group_names(count)
    with transaction.atomic():
        existing = synthetic_groups().count()
        if existing and not replace:
            raise SyntheticRefused(
                f"Er staan al {existing} synthetische functiegroepen in ‘{FAMILY_NAME}’; er is niets gewijzigd. "
                "Geef --replace om (alleen) die te vervangen."
            )
        clash = (
            FunctionGroup.objects.filter(slug__in=[slugify(name) for name in names])
            .exclude(family__name=FAMILY_NAME)
            .first()
        )
        if clash:
            raise SyntheticRefused(
                f"Functiegroep ‘{clash.name}’ staat in familie ‘{clash.family}’ en is niet synthetisch; "
                "er is niets gewijzigd."
            )
        if existing:
            synthetic_groups().delete()
        lines = _Generator(random.Random(seed)).write(names)
    return Report(created=count, replaced=existing, lines=lines)


class _Pools:
    """The source's lines, pooled by where they stand, and its words with how many lines hold them."""

    def __init__(self, parsed: source_parser.GroupText):
        self.parsed = parsed
        self.quality: dict[tuple[str, str], list[source_parser.Item]] = defaultdict(list)
        self.typering: dict[tuple[str, str], list[source_parser.Item]] = defaultdict(list)
        for profile in parsed.quality_profiles:
            for section in profile.sections:
                self.quality[section.kind, section.sub_label].extend(section.items)
        for typering in parsed.typeringen:
            for section in typering.sections:
                self.typering[section.kind, section.sub_area or section.sub_label].extend(section.items)
        # Every word as often as the source uses it, so that swapped-in words keep the source's frequencies.
        self.words = [word for items in self._all_items() for item in items for word in item.text.split()]

    def _all_items(self):
        kern = self.parsed.kernprofiel
        yield from (area.items for area in kern.results)
        yield from (area.items for area in kern.indicators)
        yield from self.quality.values()
        yield from self.typering.values()


class _Generator:
    def __init__(self, rng: random.Random):
        self.rng = rng
        source = catalogue_data.sources()[0]
        self.pools = _Pools(source_parser.parse(source.path.read_text(encoding="utf-8")))
        self.areas = {area.position: area for area in ResultArea.objects.all()}
        self.characteristics = list(Characteristic.objects.order_by("number"))
        self.family, _ = FunctionFamily.objects.get_or_create(name=FAMILY_NAME, defaults={"slug": slugify(FAMILY_NAME)})
        self.competencies = self._competencies()
        self.focus_areas: dict[str, FocusArea] = {}

    # -- reference rows: reuse what is there ----------------------------------------------------

    def _competencies(self) -> dict[str, Competency]:
        found = {}
        for item in self.pools.parsed.kernprofiel.competencies:
            competency = Competency.objects.filter(name__iexact=item.text).first()
            if competency is None:
                competency = Competency.objects.create(name=item.text, slug=slugify(item.text))
            found[item.text.casefold()] = competency
        return found

    def _focus_area(self, label: str) -> FocusArea | None:
        name = label.rstrip(":").strip()
        if not name:
            return None
        if name not in self.focus_areas:
            self.focus_areas[name], _ = FocusArea.objects.get_or_create(name=name, defaults={"slug": slugify(name)})
        return self.focus_areas[name]

    # -- text ------------------------------------------------------------------------------------

    def _text(self, text: str) -> str:
        words = []
        for word in text.split():
            words.append(self.rng.choice(self.pools.words) if self.rng.random() < SWAP_RATE else word)
        return " ".join(words)

    def _lines(self, pool: list[source_parser.Item], template_count: int, scale: tuple[float, float]) -> list[dict]:
        if not pool:
            return []
        count = max(1, round(template_count * self.rng.uniform(*scale)))
        lines = []
        for item in (self.rng.choice(pool) for _ in range(count)):
            continuation = "\n".join(self._text(line) for line in item.continuation)
            lines.append({"text": self._text(item.text), "continuation": continuation, "kind": item.kind})
        return lines

    # -- FUWASYS -----------------------------------------------------------------------------------

    def _scores(self, schalen: list[int]) -> list[list[int]]:
        """Consistent scores that rise with the schaal and never go down from one schaal to the next."""
        level = 1 + 4 * (schalen[0] - MIN_SCHAAL) / (MAX_SCHAAL - MIN_SCHAAL)
        scores = [
            min(fuwasys.MAX_SCORE, max(fuwasys.MIN_SCORE, round(level + self.rng.uniform(-0.7, 0.7))))
            for _ in range(fuwasys.SCORE_COUNT)
        ]
        per_schaal = []
        for _ in schalen:
            per_schaal.append(list(scores))
            can_rise = [index for index, score in enumerate(scores) if score < fuwasys.MAX_SCORE]
            for index in self.rng.sample(can_rise, min(len(can_rise), self.rng.randint(1, 3))):
                scores[index] += 1
        return per_schaal

    @staticmethod
    def _code(scores: list[int]) -> str:
        digits = "".join(str(score) for score in scores)
        groups, start = [], 0
        for size in fuwasys.GROUP_SIZES:
            groups.append(digits[start : start + size])
            start += size
        # Two spaces between groups, as the source writes most codes.
        return f"{'  '.join(groups)} ({sum(scores)})"

    # -- writing -----------------------------------------------------------------------------------

    def write(self, names: list[str]) -> int:
        lines = 0
        for start in range(0, len(names), GROUPS_PER_BATCH):
            lines += self._write_batch(names[start : start + GROUPS_PER_BATCH])
        return lines

    def _write_batch(self, names: list[str]) -> int:
        # The whole batch is built in memory with unsaved parents; bulk_create fills in each level's keys,
        # and Django copies them into the children when those are created in turn.
        rows: dict[type, list] = defaultdict(list)
        for name in names:
            self._plan_group(name, rows)
        levels = [
            [FunctionGroup],
            [Result, BehaviouralIndicator, KernprofielHeading, GroupCompetency, QualityProfile, FunctionTypering],
            [QualityProfileSection, QualityProfileCompetency, TyperingCode, TyperingSection],
            [QualityProfileLine, TyperingScore, TyperingLine],
        ]
        for level in levels:
            for model in level:
                model.objects.bulk_create(rows[model], batch_size=ROWS_PER_INSERT)
        content = (Result, BehaviouralIndicator, GroupCompetency, QualityProfileLine, QualityProfileCompetency)
        return sum(len(rows[model]) for model in (*content, TyperingLine))

    def _plan_group(self, name: str, rows: dict[type, list]) -> None:
        rng, parsed = self.rng, self.pools.parsed
        group = FunctionGroup(family=self.family, name=name, slug=slugify(name))
        rows[FunctionGroup].append(group)

        kern = parsed.kernprofiel
        lists = (
            (Result, KernprofielList.RESULTS, kern.results),
            (BehaviouralIndicator, KernprofielList.INDICATORS, kern.indicators),
        )
        for model, part, areas in lists:
            for area in areas:
                area_record = self.areas[area.position]
                rows[KernprofielHeading].append(
                    KernprofielHeading(group=group, part=part, area=area_record, label=area.label)
                )
                for position, line in enumerate(self._lines(area.items, len(area.items), KERN_SCALE), start=1):
                    rows[model].append(model(group=group, area=area_record, position=position, **line))
        for position, item in enumerate(rng.sample(kern.competencies, len(kern.competencies)), start=1):
            competency = self.competencies[item.text.casefold()]
            rows[GroupCompetency].append(
                GroupCompetency(group=group, competency=competency, position=position, label=item.text)
            )

        count = len(parsed.typeringen)
        lowest = rng.randint(MIN_SCHAAL, MAX_SCHAAL - count + 1)
        schalen = list(range(lowest, lowest + count))
        for schaal, template in zip(schalen, parsed.quality_profiles, strict=False):
            self._plan_quality_profile(group, schaal, template, rows)
        for schaal, template, scores in zip(schalen, parsed.typeringen, self._scores(schalen), strict=True):
            self._plan_typering(group, schaal, template, scores, rows)

    def _plan_quality_profile(self, group, schaal: int, template: source_parser.QualityProfile, rows) -> None:
        profile = QualityProfile(
            group=group,
            schaal=schaal,
            education_heading=template.education_heading,
            competencies_label=template.competencies_label,
        )
        rows[QualityProfile].append(profile)
        for position, section in enumerate(template.sections, start=1):
            record = QualityProfileSection(
                profile=profile,
                kind=section.kind,
                label=section.label,
                focus_area=self._focus_area(section.sub_label),
                focus_area_label=section.sub_label,
                position=position,
            )
            rows[QualityProfileSection].append(record)
            pool = self.pools.quality[section.kind, section.sub_label]
            for line_position, line in enumerate(self._lines(pool, len(section.items), QUALITY_SCALE), start=1):
                rows[QualityProfileLine].append(QualityProfileLine(section=record, position=line_position, **line))
        for position, item in enumerate(self.rng.sample(template.competencies, len(template.competencies)), start=1):
            rows[QualityProfileCompetency].append(
                QualityProfileCompetency(
                    profile=profile,
                    competency=self.competencies[item.text.casefold()],
                    position=position,
                    label=item.text,
                )
            )

    def _plan_typering(self, group, schaal: int, template: source_parser.Typering, scores: list[int], rows) -> None:
        typering = FunctionTypering(group=group, schaal=schaal)
        rows[FunctionTypering].append(typering)
        code = TyperingCode(typering=typering, position=1, code=self._code(scores), total=sum(scores))
        rows[TyperingCode].append(code)
        rows[TyperingScore].extend(
            TyperingScore(code=code, characteristic=characteristic, score=score)
            for characteristic, score in zip(self.characteristics, scores, strict=True)
        )
        for position, section in enumerate(template.sections, start=1):
            record = TyperingSection(
                typering=typering,
                kind=section.kind,
                label=section.label,
                sub_area_label=section.sub_label,
                sub_area=section.sub_area,
                position=position,
            )
            rows[TyperingSection].append(record)
            pool = self.pools.typering[section.kind, section.sub_area or section.sub_label]
            for line_position, line in enumerate(self._lines(pool, len(section.items), TYPERING_SCALE), start=1):
                rows[TyperingLine].append(TyperingLine(section=record, position=line_position, **line))
