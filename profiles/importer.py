"""Writes a parsed FGR functiegroep page into the database, in one transaction."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from profiles import fuwasys, history, source_parser
from profiles.models import (
    BehaviouralIndicator,
    Characteristic,
    Competency,
    FocusArea,
    FunctionFamily,
    FunctionGroup,
    FunctionTypering,
    GroupCompetency,
    QualityProfile,
    QualityProfileCompetency,
    QualityProfileLine,
    QualityProfileSection,
    Result,
    ResultArea,
    TyperingLine,
    TyperingScore,
    TyperingSection,
)


class ImportRefused(Exception):
    """The import would overwrite or break something; nothing was written."""


@dataclass
class ImportReport:
    group: FunctionGroup
    replaced: bool
    created: Counter = field(default_factory=Counter)
    fuwasys_problems: dict[int, tuple[str, ...]] = field(default_factory=dict)
    descents: list[str] = field(default_factory=list)
    unmapped_sub_areas: list[str] = field(default_factory=list)

    def add(self, objects: list) -> list:
        if objects:
            self.created[objects[0]._meta.verbose_name_plural] += len(objects)
        return objects


def import_group(
    text: str,
    *,
    name: str,
    family: str,
    fgr_id: int | None = None,
    replace: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Parse `text` and store it as the functiegroep `name`.

    Every record is written to the history; a replaced group's content is recorded as deleted there, so that
    `restore.restore_group` can bring it back.

    Raises `source_parser.SourceError` for a text it cannot place and `ImportRefused` when the group exists
    and `replace` is not set. With `dry_run`, everything is written and then rolled back, so the report
    says exactly what a real import would create.
    """
    parsed = source_parser.parse(text)
    _check_competencies(parsed)
    with transaction.atomic():
        with history.batch(history.REPLACED):
            replaced = _remove_existing(name, fgr_id, replace)
        with history.batch(history.IMPORTED):
            report = _Writer(parsed).write(name=name, family=family, fgr_id=fgr_id, replaced=replaced)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _check_competencies(parsed: source_parser.GroupText) -> None:
    lists = [parsed.kernprofiel.competencies] + [profile.competencies for profile in parsed.quality_profiles]
    for item in (item for items in lists for item in items):
        if item.continuation:
            raise source_parser.SourceError(
                item.line_no,
                f"competentie ‘{item.text}’ heeft een vervolgregel; verwacht één competentie per regel.",
            )


def _remove_existing(name: str, fgr_id: int | None, replace: bool) -> bool:
    existing = FunctionGroup.objects.filter(slug=slugify(name))
    if fgr_id is not None:
        existing = existing | FunctionGroup.objects.filter(fgr_id=fgr_id)
    groups = list(existing)
    if groups and not replace:
        names = ", ".join(f"‘{group.name}’" for group in groups)
        raise ImportRefused(
            f"Functiegroep {names} bestaat al; niets geïmporteerd. Geef --replace om de bestaande inhoud te vervangen."
        )
    for group in groups:
        group.delete()
    return bool(groups)


class _Writer:
    def __init__(self, parsed: source_parser.GroupText):
        self.parsed = parsed
        self.areas = {area.name: area for area in ResultArea.objects.all()}
        self.characteristics = list(Characteristic.objects.order_by("number"))
        self.competencies: dict[str, Competency] = {}
        self.focus_areas: dict[str, FocusArea] = {}

    def write(self, *, name: str, family: str, fgr_id: int | None, replaced: bool) -> ImportReport:
        family_record, family_created = FunctionFamily.objects.get_or_create(
            name=family, defaults={"slug": slugify(family)}
        )
        group = FunctionGroup.objects.create(family=family_record, name=name, slug=slugify(name), fgr_id=fgr_id)
        self.report = ImportReport(group=group, replaced=replaced)
        self.report.add([family_record] if family_created else [])
        self.report.add([group])
        self._write_kernprofiel(group)
        for profile in self.parsed.quality_profiles:
            self._write_quality_profile(group, profile)
        for typering in self.parsed.typeringen:
            self._write_typering(group, typering)
        codes = [(t.schaal, fuwasys.parse(t.fuwasys_code)) for t in self.parsed.typeringen]
        self.report.descents = [descent.message for descent in fuwasys.descents(codes)]
        self.report.unmapped_sub_areas = [
            f"regel {section.line_no}: deelgebied ‘{section.sub_label}’ van schaal {typering.schaal} hoort bij "
            "geen vast deelgebied (Informatiebeheer, ICT, Techniek) en wordt bij vergelijken apart getoond."
            for typering in self.parsed.typeringen
            for section in typering.sections
            if section.sub_label and not section.sub_area
        ]
        return self.report

    def _write_kernprofiel(self, group: FunctionGroup) -> None:
        kern = self.parsed.kernprofiel
        for model, per_area in ((Result, kern.results), (BehaviouralIndicator, kern.indicators)):
            rows = [
                model(group=group, area=self.areas[area], position=position, **_line_fields(item))
                for area, items in per_area.items()
                for position, item in enumerate(items, start=1)
            ]
            self._bulk(model, rows)
        self._bulk(
            GroupCompetency,
            (
                GroupCompetency(group=group, competency=self._competency(item.text), position=position, label=item.text)
                for position, item in enumerate(kern.competencies, start=1)
            ),
        )

    def _write_quality_profile(self, group: FunctionGroup, parsed: source_parser.QualityProfile) -> None:
        profile = QualityProfile.objects.create(
            group=group, schaal=parsed.schaal, education_heading=parsed.education_heading
        )
        self.report.add([profile])
        sections = self._bulk(
            QualityProfileSection,
            (
                QualityProfileSection(
                    profile=profile,
                    kind=section.kind,
                    label=section.label,
                    focus_area=self._focus_area(section.sub_label),
                    focus_area_label=section.sub_label,
                    position=position,
                )
                for position, section in enumerate(parsed.sections, start=1)
            ),
        )
        self._bulk(
            QualityProfileLine,
            (
                QualityProfileLine(section=record, position=position, bulleted=item.bulleted, **_line_fields(item))
                for record, section in zip(sections, parsed.sections, strict=True)
                for position, item in enumerate(section.items, start=1)
            ),
        )
        self._bulk(
            QualityProfileCompetency,
            (
                QualityProfileCompetency(
                    profile=profile,
                    competency=self._competency(item.text),
                    position=position,
                    label=item.text,
                )
                for position, item in enumerate(parsed.competencies, start=1)
            ),
        )

    def _write_typering(self, group: FunctionGroup, parsed: source_parser.Typering) -> None:
        code = fuwasys.parse(parsed.fuwasys_code)
        typering = FunctionTypering.objects.create(
            group=group,
            schaal=parsed.schaal,
            fuwasys_code=parsed.fuwasys_code,
            fuwasys_total=code.stated_total,
        )
        self.report.add([typering])
        if code.problems:
            self.report.fuwasys_problems[parsed.schaal] = code.problems
        if code.scores:
            self._bulk(
                TyperingScore,
                (
                    TyperingScore(typering=typering, characteristic=characteristic, score=score)
                    for characteristic, score in zip(self.characteristics, code.scores, strict=True)
                ),
            )
        sections = self._bulk(
            TyperingSection,
            (
                TyperingSection(
                    typering=typering,
                    kind=section.kind,
                    label=section.label,
                    sub_area_label=section.sub_label,
                    sub_area=section.sub_area,
                    intro="\n".join(section.intro),
                    position=position,
                )
                for position, section in enumerate(parsed.sections, start=1)
            ),
        )
        self._bulk(
            TyperingLine,
            (
                TyperingLine(section=record, position=position, bulleted=item.bulleted, **_line_fields(item))
                for record, section in zip(sections, parsed.sections, strict=True)
                for position, item in enumerate(section.items, start=1)
            ),
        )

    def _bulk(self, model, rows) -> list:
        return self.report.add(history.record_created(model.objects.bulk_create(rows)))

    def _competency(self, label: str) -> Competency:
        key = label.casefold()
        if key not in self.competencies:
            competency = Competency.objects.filter(name__iexact=label).first()
            if competency is None:
                competency = Competency.objects.create(name=label, slug=slugify(label))
                self.report.add([competency])
            self.competencies[key] = competency
        return self.competencies[key]

    def _focus_area(self, label: str) -> FocusArea | None:
        name = label.rstrip(":").strip()
        if not name:
            return None
        if name not in self.focus_areas:
            self.focus_areas[name], created = FocusArea.objects.get_or_create(
                name=name, defaults={"slug": slugify(name)}
            )
            if created:
                self.report.add([self.focus_areas[name]])
        return self.focus_areas[name]


def _line_fields(item: source_parser.Item) -> dict:
    return {"text": item.text, "continuation": "\n".join(item.continuation)}
