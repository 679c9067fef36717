"""Writes a parsed FGR functiegroep page into the database, in one transaction.

Whatever stops an import (a line the parser cannot place, an existing group without `replace`, a refusal by
the database) raises `ImportRefused` with a Dutch message, and nothing is written.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.db.models import Q
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
from profiles.source_parser import SourceError
from profiles.vocabulary import KernprofielList, LineKind, normalise, strip_qualifier


class ImportRefused(Exception):
    """The import cannot be done as asked; nothing was written. The message is Dutch and ends in a full stop."""

    def __init__(self, message: str, line_no: int | None = None):
        super().__init__(message)
        self.line_no = line_no


@dataclass(frozen=True)
class GroupIdentity:
    """What the page itself does not say: the group's name and family, its FGR number and purpose."""

    name: str
    family: str
    fgr_id: int | None = None
    purpose: str = ""
    thinking_level: str = ""
    family_description: str = ""


@dataclass
class ImportReport:
    group: FunctionGroup
    replaced: bool
    parsed: source_parser.GroupText
    created: Counter = field(default_factory=Counter)
    fuwasys_problems: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)  # (schaal, code, …)
    descents: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def inferred(self) -> list[source_parser.Placement]:
        return self.parsed.inferred

    def add(self, objects: list) -> list:
        if objects:
            self.created[str(objects[0]._meta.verbose_name_plural)] += len(objects)
        return objects


def import_group(
    text: str,
    identity: GroupIdentity,
    *,
    replace: bool = False,
    dry_run: bool = False,
    strict: bool = False,
    inspect=None,
) -> ImportReport:
    """Parse `text` and store it as the functiegroep `identity.name`.

    Every record is written to the history; a replaced group's content is recorded as deleted there, so that
    `restore.restore_group` can bring it back. With `dry_run`, everything is written and then rolled back, so that
    the report says exactly what a real import would create; `inspect(new_group)`, when given, is called inside the
    transaction before that, to read the content as it would be. With `strict`, a page with
    lines placed by inference is refused.
    """
    identity = _checked(identity)
    try:
        parsed = source_parser.parse(text)
    except SourceError as error:
        raise ImportRefused(f"{error} Niets geïmporteerd.", error.line_no) from error
    if strict and parsed.inferred:
        first = parsed.inferred[0]
        raise ImportRefused(
            f"{len(parsed.inferred)} regel(s) konden alleen worden geplaatst door af te leiden waar ze horen, de "
            f"eerste op regel {first.line_no} (‘{first.text}’: {first.inferred}); met --strict is niets "
            "geïmporteerd.",
            first.line_no,
        )
    try:
        with transaction.atomic():
            existing = _existing(identity)
            if existing and not replace:
                names = ", ".join(f"‘{group.name}’" for group in existing)
                raise ImportRefused(
                    f"Functiegroep {names} bestaat al; niets geïmporteerd. Kies ‘vervangen’ (--replace) om de "
                    "bestaande inhoud te vervangen; die blijft in de geschiedenis en is terug te zetten."
                )
            with history.batch(history.REPLACED):
                for group in existing:
                    group.delete()
            with history.batch(history.IMPORTED):
                report = _Writer(parsed).write(identity, replaced=bool(existing))
            if inspect is not None:
                inspect(report.group)
            if dry_run:
                transaction.set_rollback(True)
    except DatabaseError as error:
        raise ImportRefused(
            f"De database weigerde de import ({_first_line(error)}); niets geïmporteerd. Controleer of een "
            "competentie, aandachtsgebied of functiefamilie in het beheer een naam of webadres kreeg die botst "
            "met deze pagina."
        ) from error
    return report


def _checked(identity: GroupIdentity) -> GroupIdentity:
    name, family = normalise(identity.name), normalise(identity.family)
    if not name or not slugify(name):
        raise ImportRefused("Geef de functiegroep een naam met letters of cijfers; niets geïmporteerd.")
    if not family or not slugify(family):
        raise ImportRefused("Geef de functiefamilie een naam met letters of cijfers; niets geïmporteerd.")
    limits = (
        (name, FunctionGroup._meta.get_field("name").max_length, "De naam"),
        (family, FunctionFamily._meta.get_field("name").max_length, "De naam van de functiefamilie"),
        (
            identity.thinking_level,
            FunctionGroup._meta.get_field("thinking_level").max_length,
            "Het werk- en denkniveau",
        ),
    )
    for value, limit, what in limits:
        if len(value) > limit:
            raise ImportRefused(f"{what} is langer dan {limit} tekens; niets geïmporteerd.")
    if identity.fgr_id is not None and not 1 <= identity.fgr_id <= 2_147_483_647:
        raise ImportRefused(f"FGR-nummer {identity.fgr_id} bestaat niet; niets geïmporteerd.")
    return GroupIdentity(
        name,
        family,
        identity.fgr_id,
        identity.purpose.strip(),
        normalise(identity.thinking_level),
        identity.family_description.strip(),
    )


def _existing(identity: GroupIdentity) -> list[FunctionGroup]:
    """The groups this import would replace: the same name (or web address), or the same FGR number."""
    same = Q(slug=slugify(identity.name)) | Q(name__iexact=identity.name)
    if identity.fgr_id is not None:
        same |= Q(fgr_id=identity.fgr_id)
    return list(FunctionGroup.objects.filter(same).select_for_update().order_by("pk"))


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


class _Writer:
    def __init__(self, parsed: source_parser.GroupText):
        self.parsed = parsed
        self.areas = {area.position: area for area in ResultArea.objects.all()}
        self.characteristics = list(Characteristic.objects.order_by("number"))
        self.competencies: dict[str, Competency] = {}
        self.focus_areas: dict[str, FocusArea] = {}

    def write(self, identity: GroupIdentity, *, replaced: bool) -> ImportReport:
        family = self._family(identity)
        group = FunctionGroup.objects.create(
            family=family,
            name=identity.name,
            slug=slugify(identity.name),
            fgr_id=identity.fgr_id,
            purpose=identity.purpose,
            thinking_level=identity.thinking_level,
            examples="\n".join(self.parsed.kernprofiel.examples),
        )
        self.report = ImportReport(group=group, replaced=replaced, parsed=self.parsed)
        self.report.add([group])
        if self._family_created:
            self.report.add([family])
        self._write_kernprofiel(group)
        for profile in self.parsed.quality_profiles:
            self._write_quality_profile(group, profile)
        for typering in self.parsed.typeringen:
            self._write_typering(group, typering)
        codes = [(t.schaal, code.code) for t in self.parsed.typeringen for code in t.codes]
        readable = {}
        for schaal, code in codes:
            if schaal not in readable and fuwasys.parse(code).scores:
                readable[schaal] = fuwasys.parse(code)
        self.report.descents = [descent.message for descent in fuwasys.descents(list(readable.items()))]
        return self.report

    def _family(self, identity: GroupIdentity) -> FunctionFamily:
        family = FunctionFamily.objects.filter(
            Q(name__iexact=identity.family) | Q(slug=slugify(identity.family))
        ).first()
        self._family_created = family is None
        if family is None:
            family = FunctionFamily.objects.create(
                name=identity.family, slug=slugify(identity.family), description=identity.family_description
            )
        elif identity.family_description and identity.family_description != family.description:
            family.description = identity.family_description
            family.save()  # recorded by its history, like an edit
        return family

    def _write_kernprofiel(self, group: FunctionGroup) -> None:
        kern = self.parsed.kernprofiel
        lists = (
            (Result, KernprofielList.RESULTS, kern.results),
            (BehaviouralIndicator, KernprofielList.INDICATORS, kern.indicators),
        )
        for model, part, areas in lists:
            self._bulk(
                model,
                (
                    model(group=group, area=self.areas[area.position], position=position, **_line_fields(item))
                    for area in areas
                    for position, item in enumerate(area.items, start=1)
                ),
            )
            self._bulk(
                KernprofielHeading,
                (
                    KernprofielHeading(group=group, part=part, area=self.areas[area.position], label=area.label)
                    for area in areas
                ),
            )
        self._bulk(
            KernprofielHeading,
            (KernprofielHeading(group=group, part=part, label=label) for part, label in kern.labels.items()),
        )
        self._write_competencies(GroupCompetency, kern.competencies, group=group)

    def _write_quality_profile(self, group: FunctionGroup, parsed: source_parser.QualityProfile) -> None:
        profile = QualityProfile.objects.create(
            group=group,
            schaal=parsed.schaal,
            education_heading=parsed.education_heading,
            competencies_label=parsed.competencies_label,
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
                QualityProfileLine(section=record, position=position, **_line_fields(item))
                for record, section in zip(sections, parsed.sections, strict=True)
                for position, item in enumerate(section.items, start=1)
            ),
        )
        self._write_competencies(QualityProfileCompetency, parsed.competencies, profile=profile)

    def _write_typering(self, group: FunctionGroup, parsed: source_parser.Typering) -> None:
        typering = FunctionTypering.objects.create(group=group, schaal=parsed.schaal)
        self.report.add([typering])
        codes = self._bulk(
            TyperingCode,
            (
                TyperingCode(
                    typering=typering,
                    position=position,
                    label=code.label,
                    code=code.code,
                    total=fuwasys.parse(code.code).stated_total,
                )
                for position, code in enumerate(parsed.codes, start=1)
            ),
        )
        scores = []
        for record in codes:
            code = fuwasys.parse(record.code)
            if code.problems:
                self.report.fuwasys_problems.append((parsed.schaal, str(record), code.problems))
            scores += [
                TyperingScore(code=record, characteristic=characteristic, score=score)
                for characteristic, score in zip(self.characteristics, code.scores or (), strict=False)
            ]
        self._bulk(TyperingScore, scores)
        sections = self._bulk(
            TyperingSection,
            (
                TyperingSection(
                    typering=typering,
                    kind=section.kind,
                    label=section.label,
                    sub_area_label=section.sub_label,
                    sub_area=section.sub_area,
                    position=position,
                )
                for position, section in enumerate(parsed.sections, start=1)
            ),
        )
        self._bulk(
            TyperingLine,
            (
                TyperingLine(section=record, position=position, **_line_fields(item))
                for record, section in zip(sections, parsed.sections, strict=True)
                for position, item in enumerate(section.items, start=1)
            ),
        )

    def _write_competencies(self, model, items: list[source_parser.Item], **parent) -> None:
        links = self._competency_links(items)
        self._bulk(
            model,
            (
                model(
                    competency=self._competency(link.name),
                    position=position,
                    label=link.label,
                    preceded_by=link.preceded_by,
                    note="\n".join(link.notes),
                    **parent,
                )
                for position, link in enumerate(links, start=1)
            ),
        )

    def _competency_links(self, items: list[source_parser.Item]) -> list["_Link"]:
        """Each competency once per list (the database keeps one link per list), in the source's first spelling,
        with its continuation lines in its label, the connector line ("c.q.") above it and the footnotes under it."""
        seen: dict[str, int] = {}
        links: list[_Link] = []
        connector = None
        for item in items:
            if item.kind == LineKind.CONNECTOR:
                connector = item
                continue
            if item.kind == LineKind.FOOTNOTE:
                if not links:
                    raise ImportRefused(
                        f"regel {item.line_no}: voetnoot ‘{item.text}’ staat boven de eerste competentie; verwacht "
                        "hem onder de competentie die hij toelicht. Niets geïmporteerd.",
                        item.line_no,
                    )
                links[-1].notes.append(" ".join([item.text, *item.continuation]))
                continue
            label = " ".join([item.text, *item.continuation])
            name = strip_qualifier(label)[0].strip().rstrip("*").strip()  # without "(senior)" or a footnote mark
            key = name.casefold()
            if key in seen:
                self.report.notes.append(
                    f"Regel {item.line_no}: competentie ‘{item.text}’ stond in deze lijst al op regel {seen[key]}; "
                    "ze is één keer opgeslagen."
                )
            else:
                seen[key] = item.line_no
                links.append(_Link(name, label, connector.text if connector else ""))
            connector = None
        if connector is not None:
            raise ImportRefused(
                f"regel {connector.line_no}: ‘{connector.text}’ staat onder de laatste competentie; verwacht er "
                "nog een competentie onder. Niets geïmporteerd.",
                connector.line_no,
            )
        return links

    def _bulk(self, model, rows) -> list:
        return self.report.add(history.record_created(model.objects.bulk_create(list(rows))))

    def _competency(self, label: str) -> Competency:
        """The shared competency of this name; one an editor renamed is found by its web address."""
        key = label.casefold()
        if key not in self.competencies:
            competency = Competency.objects.filter(name__iexact=label).first()
            if competency is None:
                competency = Competency.objects.filter(slug=slugify(label)).first()
                if competency is not None:
                    self.report.notes.append(
                        f"Competentie ‘{label}’ is gekoppeld aan ‘{competency.name}’, die in het beheer een andere "
                        "naam kreeg (zelfde webadres)."
                    )
            if competency is None:
                competency = Competency.objects.create(name=label, slug=slugify(label))
                self.report.add([competency])
            self.competencies[key] = competency
        return self.competencies[key]

    def _focus_area(self, label: str) -> FocusArea | None:
        name = label.rstrip(":").strip()
        if not name:
            return None
        key = name.casefold()
        if key not in self.focus_areas:
            focus_area = FocusArea.objects.filter(Q(name__iexact=name) | Q(slug=slugify(name))).first()
            if focus_area is None:
                focus_area = FocusArea.objects.create(name=name, slug=slugify(name))
                self.report.add([focus_area])
            self.focus_areas[key] = focus_area
        return self.focus_areas[key]


@dataclass
class _Link:
    name: str  # the competency's name: the label without a qualifier such as "(senior)" or a footnote's "*"
    label: str  # as the source writes it
    preceded_by: str
    notes: list[str] = field(default_factory=list)


def _line_fields(item: source_parser.Item) -> dict:
    return {"text": item.text, "kind": item.kind, "continuation": "\n".join(item.continuation)}
