"""The FGR as relational records: one row for every bullet, in the source's order, with the source's labels."""

import re

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from profiles import fuwasys, vocabulary
from profiles.history import ContentHistory
from profiles.vocabulary import MAX_SCHAAL, MIN_SCHAAL

SLUG_HELP = "Het deel van het webadres (URL), gemaakt uit de naam."


# The form says what is wrong before the database constraint would refuse it in its own words.
SCHAAL_VALIDATORS = [MinValueValidator(MIN_SCHAAL), MaxValueValidator(MAX_SCHAAL)]


def _schaal_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=models.Q(schaal__gte=MIN_SCHAAL, schaal__lte=MAX_SCHAAL), name=name)


# The family of the benchmark's synthetic groups (profiles/synthetic.py): never shown unless asked for.
SYNTHETIC_FAMILY = "Synthetisch (benchmark)"


class FunctionFamilyQuerySet(models.QuerySet):
    def with_groups(self):
        return self.prefetch_related(models.Prefetch("groups", queryset=FunctionGroup.objects.with_schaal_range()))

    def public(self):
        return self.exclude(name=SYNTHETIC_FAMILY)


class FunctionFamily(models.Model):
    name = models.CharField("naam", max_length=200, unique=True)
    slug = models.SlugField("slug", max_length=200, unique=True, help_text=SLUG_HELP)
    description = models.TextField(
        "omschrijving",
        blank=True,
        help_text="Wat de functiegroepen van deze familie gemeen hebben, zoals het FGR het zegt.",
    )

    history = ContentHistory()

    objects = FunctionFamilyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "functiefamilie"
        verbose_name_plural = "functiefamilies"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("family-detail", kwargs={"slug": self.slug})


def attach(parents, children, parent_id: str, name: str) -> None:
    """Give each parent the list of its children, in their order, as `loaded_<name>`: what the pages read.

    A flat query per level and this map cost less than prefetch_related, which makes a queryset for every parent;
    a group page has some seventy parents of a few hundred lines, and reading them was a third of its render."""
    by_parent = {parent.pk: [] for parent in parents}
    for child in children:
        by_parent[getattr(child, parent_id)].append(child)
    for parent in parents:
        setattr(parent, f"loaded_{name}", by_parent[parent.pk])


def attach_sections(parents, parent: str, section_model, line_model) -> list[int]:
    """Give each parent (a typering or kwaliteitenprofiel; `parent` names its foreign key on the sections) its
    sections as `loaded_sections`, each with its lines as `loaded_lines`, in two queries. Returns the parents' ids."""
    ids = [item.pk for item in parents]
    sections = list(in_parent(section_model).filter(**{f"{parent}__in": ids}))
    attach(sections, in_parent(line_model).filter(**{f"section__{parent}__in": ids}), "section_id", "lines")
    attach(parents, sections, f"{parent}_id", "sections")
    return ids


def in_parent(model, *fields):
    """The rows of `model` in the order they have within their parent, to attach under it. `attach` groups rows
    by parent already; Meta.ordering would sort by the parents' own ordering too, a join for every level."""
    return model.objects.order_by(*fields, "position")


class FunctionGroupQuerySet(models.QuerySet):
    def public(self):
        """The catalogue as visitors see it: without the benchmark's synthetic groups."""
        return self.exclude(family__name=SYNTHETIC_FAMILY)

    def with_schaal(self, schaal: int):
        """The groups that have a functietypering (or kwaliteitenprofiel) for `schaal`."""
        return self.filter(
            models.Q(models.Exists(FunctionTypering.objects.filter(group=models.OuterRef("pk"), schaal=schaal)))
            | models.Q(models.Exists(QualityProfile.objects.filter(group=models.OuterRef("pk"), schaal=schaal)))
        )

    def with_level(self, level: str):
        """The groups whose werk- en denkniveau names `level` ("hbo" matches "hbo, wo", not "hboplus")."""
        return self.filter(thinking_level__iregex=rf"(^|[^a-z]){re.escape(level)}($|[^a-z])")

    def with_schaal_range(self):
        return self.annotate(
            lowest_schaal=models.Min("typeringen__schaal"), highest_schaal=models.Max("typeringen__schaal")
        )

    def for_page(self):
        return self.select_related("family").with_schaal_range()

    def in_full(self) -> list["FunctionGroup"]:
        """The groups, each with its kernprofiel in four more flat queries (see `attach`): results and
        gedragsindicatoren in their resultaatgebieden's order (`loaded_results`, `loaded_indicators`), the
        headings as the source writes them (`loaded_headings`) and the competency links (`loaded_competency_links`)."""
        groups = list(self)
        if groups:
            ids = [group.pk for group in groups]
            for name, rows in (
                ("results", in_parent(Result, "area__position").select_related("area")),
                ("indicators", in_parent(BehaviouralIndicator, "area__position").select_related("area")),
                ("headings", KernprofielHeading.objects.order_by("part", "area__position").select_related("area")),
                ("competency_links", in_parent(GroupCompetency).select_related("competency")),
            ):
                attach(groups, rows.filter(group__in=ids), "group_id", name)
        return groups


class FunctionGroup(models.Model):
    family = models.ForeignKey(FunctionFamily, models.PROTECT, related_name="groups", verbose_name="functiefamilie")
    name = models.CharField("naam", max_length=300, unique=True)
    slug = models.SlugField("slug", max_length=300, unique=True, help_text=SLUG_HELP)
    fgr_id = models.PositiveIntegerField(
        "FGR-nummer",
        null=True,
        blank=True,
        unique=True,
        help_text="Het nummer van de functiegroep in het FGR.",
    )
    purpose = models.TextField(
        "doel",
        blank=True,
        help_text="De zin waarmee het FGR de functiegroep samenvat, zoals ‘Is verantwoordelijk voor …’.",
    )
    thinking_level = models.CharField(
        "werk- en denkniveau", max_length=200, blank=True, help_text="Zoals het FGR het noemt, bijvoorbeeld ‘hbo, wo’."
    )
    examples = models.TextField(
        "voorbeelden producten en/of diensten",
        blank=True,
        help_text="De alinea aan het eind van de resultaten van het kernprofiel, zoals de bron die schrijft.",
    )

    objects = FunctionGroupQuerySet.as_manager()

    history = ContentHistory()

    class Meta:
        ordering = ["name"]
        verbose_name = "functiegroep"
        verbose_name_plural = "functiegroepen"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("group-detail", kwargs={"slug": self.slug})

    def schalen(self) -> list[int]:
        """The schalen that have a typering or a kwaliteitenprofiel, ascending (one query)."""
        typering_schalen = self.typeringen.order_by().values_list("schaal", flat=True)
        profile_schalen = self.quality_profiles.order_by().values_list("schaal", flat=True)
        return sorted(typering_schalen.union(profile_schalen))


class ResultArea(models.Model):
    """One of the four resultaatgebieden shared by the whole FGR."""

    name = models.CharField("naam", max_length=100, unique=True)
    position = models.PositiveSmallIntegerField("volgorde", unique=True)

    history = ContentHistory()

    class Meta:
        ordering = ["position"]
        verbose_name = "resultaatgebied"
        verbose_name_plural = "resultaatgebieden"

    def __str__(self):
        return self.name


LineKind = models.TextChoices("LineKind", [(kind.name, (kind.value, kind.label)) for kind in vocabulary.LineKind])


class Line(models.Model):
    """One line of a list in the source (a bullet, or a line without one), with the indented lines that continue it.

    Its kind says how it reads: a bullet, a plain line, the intro of the bullets under it, a connector such as
    "en/of" between two bullets, or a footnote to the list.
    """

    position = models.PositiveSmallIntegerField("volgorde")
    kind = models.CharField("soort regel", max_length=20, choices=LineKind.choices, default=LineKind.BULLET)
    text = models.TextField("tekst")
    continuation = models.TextField(
        "vervolgregels",
        blank=True,
        help_text="Regels zonder opsommingsteken die de regel erboven voortzetten.",
    )

    history = ContentHistory(inherit=True)

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self):
        return self.text


class Result(Line):
    group = models.ForeignKey(FunctionGroup, models.CASCADE, related_name="results", verbose_name="functiegroep")
    area = models.ForeignKey(ResultArea, models.PROTECT, related_name="+", verbose_name="resultaatgebied")

    class Meta:
        ordering = ["group", "area__position", "position"]
        verbose_name = "resultaat"
        verbose_name_plural = "resultaten"
        constraints = [models.UniqueConstraint(fields=["group", "area", "position"], name="unique_result_position")]


class BehaviouralIndicator(Line):
    group = models.ForeignKey(FunctionGroup, models.CASCADE, related_name="indicators", verbose_name="functiegroep")
    area = models.ForeignKey(ResultArea, models.PROTECT, related_name="+", verbose_name="resultaatgebied")

    class Meta:
        ordering = ["group", "area__position", "position"]
        verbose_name = "gedragsindicator"
        verbose_name_plural = "gedragsindicatoren"
        constraints = [models.UniqueConstraint(fields=["group", "area", "position"], name="unique_indicator_position")]


KernprofielList = models.TextChoices(
    "KernprofielList", [(part.name, (part.value, part.label)) for part in vocabulary.KernprofielList]
)


class KernprofielHeading(models.Model):
    """A heading of a group's kernprofiel as the source writes it: of Resultaten, Gedragsindicatoren or Competenties
    (no area), or of a resultaatgebied in Resultaten or Gedragsindicatoren."""

    group = models.ForeignKey(FunctionGroup, models.CASCADE, related_name="headings", verbose_name="functiegroep")
    part = models.CharField("onderdeel", max_length=20, choices=KernprofielList.choices)
    area = models.ForeignKey(
        ResultArea, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="resultaatgebied"
    )
    label = models.CharField("kopje", max_length=200, help_text="Het kopje zoals de bron het schrijft.")

    history = ContentHistory()

    class Meta:
        ordering = ["group", "part", "area__position"]
        verbose_name = "kopje van het kernprofiel"
        verbose_name_plural = "kopjes van het kernprofiel"
        constraints = [
            models.UniqueConstraint(
                fields=["group", "part", "area"], condition=models.Q(area__isnull=False), name="unique_area_heading"
            ),
            models.UniqueConstraint(
                fields=["group", "part"], condition=models.Q(area__isnull=True), name="unique_part_heading"
            ),
        ]

    def __str__(self):
        return self.label


class Competency(models.Model):
    """A competency of the shared vocabulary (Competentietaal Rijk)."""

    name = models.CharField("naam", max_length=200)
    slug = models.SlugField("slug", max_length=200, unique=True, help_text=SLUG_HELP)
    definition = models.TextField(
        "omschrijving",
        blank=True,
        help_text="Wat de competentie inhoudt, zoals de Competentietaal Rijk het zegt. Leeg tot een redacteur het "
        "invult: de catalogus verzint geen omschrijving.",
    )

    history = ContentHistory()

    class Meta:
        ordering = ["name"]
        verbose_name = "competentie"
        verbose_name_plural = "competenties"
        constraints = [models.UniqueConstraint(Lower("name"), name="unique_competency_name_ci")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("competency-detail", kwargs={"slug": self.slug})


class CompetencyLink(models.Model):
    """A competency as one place of the source asks for it, with the source's own spelling."""

    competency = models.ForeignKey(Competency, models.PROTECT, related_name="+", verbose_name="competentie")
    position = models.PositiveSmallIntegerField("volgorde")
    label = models.CharField("tekst in de bron", max_length=200)
    preceded_by = models.CharField(
        "verbindingswoord ervoor",
        max_length=50,
        blank=True,
        help_text="Een regel als ‘c.q.’ of ‘en/of’ die in de bron tussen de vorige competentie en deze staat.",
    )
    note = models.TextField(
        "voetnoot", blank=True, help_text="Een regel als ‘*) alleen voor senioren’ die in de bron onder deze staat."
    )

    history = ContentHistory(inherit=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.label


class GroupCompetency(CompetencyLink):
    group = models.ForeignKey(
        FunctionGroup, models.CASCADE, related_name="competency_links", verbose_name="functiegroep"
    )

    class Meta:
        ordering = ["group", "position"]
        verbose_name = "competentie van het kernprofiel"
        verbose_name_plural = "competenties van het kernprofiel"
        constraints = [
            models.UniqueConstraint(fields=["group", "position"], name="unique_group_competency_position"),
            models.UniqueConstraint(fields=["group", "competency"], name="unique_group_competency"),
        ]


class FocusArea(models.Model):
    """An aandachtsgebied: a specialism within a group, such as ICT/Techniek or Informatiebeheer."""

    name = models.CharField("naam", max_length=200, unique=True)
    slug = models.SlugField("slug", max_length=200, unique=True, help_text=SLUG_HELP)

    history = ContentHistory()

    class Meta:
        ordering = ["name"]
        verbose_name = "aandachtsgebied"
        verbose_name_plural = "aandachtsgebieden"

    def __str__(self):
        return self.name


class QualityProfileQuerySet(models.QuerySet):
    def in_full(self) -> list["QualityProfile"]:
        """The profiles, each with its sections (`loaded_sections`, each with `loaded_lines`) and competency links
        (`loaded_competency_links`), in three more flat queries; see `attach`."""
        profiles = list(self)
        if profiles:
            ids = attach_sections(profiles, "profile", QualityProfileSection, QualityProfileLine)
            links = in_parent(QualityProfileCompetency).filter(profile__in=ids).select_related("competency")
            attach(profiles, links, "profile_id", "competency_links")
        return profiles


class QualityProfile(models.Model):
    """What is asked of a person at one schaal of a group."""

    group = models.ForeignKey(
        FunctionGroup, models.CASCADE, related_name="quality_profiles", verbose_name="functiegroep"
    )
    schaal = models.PositiveSmallIntegerField("schaal", validators=SCHAAL_VALIDATORS)
    education_heading = models.CharField(
        "kopje opleiding",
        max_length=200,
        blank=True,
        help_text="Zoals in de bron, bijvoorbeeld ‘Opleiding: Rijk’.",
    )
    competencies_label = models.CharField(
        "kopje competenties",
        max_length=200,
        blank=True,
        help_text="Zoals in de bron, bijvoorbeeld ‘Competenties’ of ‘Competenties uit het kernprofiel’.",
    )

    objects = QualityProfileQuerySet.as_manager()
    history = ContentHistory()

    class Meta:
        ordering = ["group", "schaal"]
        verbose_name = "kwaliteitenprofiel"
        verbose_name_plural = "kwaliteitenprofielen"
        constraints = [
            models.UniqueConstraint(fields=["group", "schaal"], name="unique_quality_profile_schaal"),
            _schaal_constraint("quality_profile_schaal_range"),
        ]

    def __str__(self):
        return f"Kwaliteitenprofiel {self.group} schaal {self.schaal}"

    def get_absolute_url(self):
        return reverse("group-schaal", kwargs={"slug": self.group.slug, "schaal": self.schaal})


class QualityProfileSection(models.Model):
    Kind = models.TextChoices("Kind", [(kind.name, (kind.value, kind.label)) for kind in vocabulary.QualitySectionKind])

    profile = models.ForeignKey(
        QualityProfile, models.CASCADE, related_name="sections", verbose_name="kwaliteitenprofiel"
    )
    kind = models.CharField("soort", max_length=40, choices=Kind.choices)
    label = models.CharField(
        "kopje",
        max_length=200,
        blank=True,
        help_text="Het kopje zoals de bron het schrijft; leeg als de regels direct onder ‘Opleiding’ staan.",
    )
    focus_area = models.ForeignKey(
        FocusArea, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="aandachtsgebied"
    )
    focus_area_label = models.CharField("aandachtsgebied in de bron", max_length=200, blank=True)
    position = models.PositiveSmallIntegerField("volgorde")

    history = ContentHistory()

    class Meta:
        ordering = ["profile", "position"]
        verbose_name = "onderdeel van een kwaliteitenprofiel"
        verbose_name_plural = "onderdelen van kwaliteitenprofielen"
        constraints = [models.UniqueConstraint(fields=["profile", "position"], name="unique_quality_section_position")]

    def __str__(self):
        return f"{self.label} {self.focus_area_label}".strip()


class QualityProfileLine(Line):
    section = models.ForeignKey(QualityProfileSection, models.CASCADE, related_name="lines", verbose_name="onderdeel")

    class Meta:
        ordering = ["section", "position"]
        verbose_name = "regel van een kwaliteitenprofiel"
        verbose_name_plural = "regels van kwaliteitenprofielen"
        constraints = [models.UniqueConstraint(fields=["section", "position"], name="unique_quality_line_position")]


class QualityProfileCompetency(CompetencyLink):
    profile = models.ForeignKey(
        QualityProfile, models.CASCADE, related_name="competency_links", verbose_name="kwaliteitenprofiel"
    )

    class Meta:
        ordering = ["profile", "position"]
        verbose_name = "competentie van een kwaliteitenprofiel"
        verbose_name_plural = "competenties van kwaliteitenprofielen"
        constraints = [
            models.UniqueConstraint(fields=["profile", "position"], name="unique_profile_competency_position"),
            models.UniqueConstraint(fields=["profile", "competency"], name="unique_profile_competency"),
        ]


class Characteristic(models.Model):
    """One of the 14 FUWASYS kenmerken."""

    class Group(models.TextChoices):
        WORK = "werkzaamheden", "Werkzaamheden"
        LATITUDE = "speelruimte", "Speelruimte/kaders"
        KNOWLEDGE = "kennis", "Kennis en vaardigheden"
        CONTACTS = "contacten", "Contacten"

    number = models.PositiveSmallIntegerField("nummer", unique=True)
    name = models.CharField("naam", max_length=100, unique=True)
    group = models.CharField("groep", max_length=20, choices=Group.choices)

    history = ContentHistory()

    class Meta:
        ordering = ["number"]
        verbose_name = "FUWASYS-kenmerk"
        verbose_name_plural = "FUWASYS-kenmerken"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=fuwasys.SCORE_COUNT),
                name="characteristic_number_range",
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"


class FunctionTyperingQuerySet(models.QuerySet):
    def in_full(self) -> list["FunctionTypering"]:
        """The typeringen, each with its sections (`loaded_sections`, each with `loaded_lines`) and codes
        (`loaded_codes`), in three more flat queries; see `attach`. A code's scores are read from the code itself
        (readable_scores)."""
        typeringen = list(self)
        if typeringen:
            ids = attach_sections(typeringen, "typering", TyperingSection, TyperingLine)
            attach(typeringen, in_parent(TyperingCode).filter(typering__in=ids), "typering_id", "codes")
        return typeringen


class FunctionTypering(models.Model):
    """The description of one schaal of a group, with the FUWASYS code(s) as the source publishes them."""

    group = models.ForeignKey(FunctionGroup, models.CASCADE, related_name="typeringen", verbose_name="functiegroep")
    schaal = models.PositiveSmallIntegerField("schaal", validators=SCHAAL_VALIDATORS)

    objects = FunctionTyperingQuerySet.as_manager()
    history = ContentHistory()

    class Meta:
        ordering = ["group", "schaal"]
        verbose_name = "functietypering"
        verbose_name_plural = "functietyperingen"
        constraints = [
            models.UniqueConstraint(fields=["group", "schaal"], name="unique_typering_schaal"),
            _schaal_constraint("typering_schaal_range"),
        ]

    def __str__(self):
        return f"Functietypering {self.group} schaal {self.schaal}"

    def get_absolute_url(self):
        return reverse("group-schaal", kwargs={"slug": self.group.slug, "schaal": self.schaal})


class TyperingCodeQuerySet(models.QuerySet):
    def with_problems(self):
        """The codes that do not add up or cannot be read (checked in Python: the check is fuwasys's)."""
        return self.filter(pk__in=[code.pk for code in self.only("code") if code.problems])


class TyperingCode(models.Model):
    """One FUWASYS code of a typering, exactly as published; a schaal with variants has one per variant."""

    typering = models.ForeignKey(FunctionTypering, models.CASCADE, related_name="codes", verbose_name="functietypering")
    position = models.PositiveSmallIntegerField("volgorde")
    label = models.CharField(
        "label", max_length=100, blank=True, help_text="Zoals in de bron, bijvoorbeeld ‘Variant 1.’; meestal leeg."
    )
    code = models.CharField(
        "FUWASYS-code",
        max_length=fuwasys.MAX_CODE_LENGTH,
        help_text="Precies zoals de bron de code schrijft, ook als die niet klopt.",
    )
    total = models.PositiveSmallIntegerField("vermeld totaal", null=True, blank=True)

    objects = TyperingCodeQuerySet.as_manager()
    history = ContentHistory()

    class Meta:
        ordering = ["typering", "position"]
        verbose_name = "FUWASYS-code"
        verbose_name_plural = "FUWASYS-codes"
        constraints = [models.UniqueConstraint(fields=["typering", "position"], name="unique_typering_code_position")]

    def __str__(self):
        return f"{self.label} {self.code}".strip()

    @property
    def parsed(self) -> fuwasys.FuwasysCode:
        return fuwasys.parse(self.code)

    @property
    def readable_scores(self) -> tuple[int, ...] | None:
        """The 14 scores the code holds, in kenmerk order, or None when they cannot be read (or it is no code).
        The same as its TyperingScore rows, which are derived from it; pages read them here, without a query."""
        return self.parsed.scores if fuwasys.looks_like_code(self.code) else None

    @property
    def problems(self) -> tuple[str, ...]:
        """Everything wrong with the code, in Dutch; a text that is no code at all says so."""
        try:
            return self.parsed.problems
        except fuwasys.FuwasysSyntaxError as error:
            return (str(error),)


def descents_by_schaal(codes: list[tuple[int, str]]) -> dict[int, list[str]]:
    """Per schaal, the kenmerken whose score is lower than at the next-lower schaal with readable scores.

    `codes` holds (schaal, code) in the typeringen's order of codes: a schaal with variants is compared by its
    first code that can be read.
    """
    first: dict[int, fuwasys.FuwasysCode] = {}
    for schaal, code in codes:
        if schaal not in first and fuwasys.looks_like_code(code) and fuwasys.parse(code).scores:
            first[schaal] = fuwasys.parse(code)
    found: dict[int, list[str]] = {}
    for descent in fuwasys.descents(list(first.items())):
        found.setdefault(descent.higher_schaal, []).append(descent.message)
    return found


class TyperingScore(models.Model):
    code = models.ForeignKey(TyperingCode, models.CASCADE, related_name="scores", verbose_name="FUWASYS-code")
    characteristic = models.ForeignKey(Characteristic, models.PROTECT, related_name="+", verbose_name="kenmerk")
    score = models.PositiveSmallIntegerField("score")

    history = ContentHistory()

    class Meta:
        ordering = ["code", "characteristic__number"]
        verbose_name = "FUWASYS-score"
        verbose_name_plural = "FUWASYS-scores"
        constraints = [
            models.UniqueConstraint(fields=["code", "characteristic"], name="unique_code_score"),
            models.CheckConstraint(
                condition=models.Q(score__gte=fuwasys.MIN_SCORE, score__lte=fuwasys.MAX_SCORE),
                name="typering_score_range",
            ),
        ]

    def __str__(self):
        return f"{self.characteristic}: {self.score}"


class TyperingSection(models.Model):
    Kind = models.TextChoices(
        "Kind", [(kind.name, (kind.value, kind.label)) for kind in vocabulary.TyperingSectionKind]
    )

    typering = models.ForeignKey(
        FunctionTypering, models.CASCADE, related_name="sections", verbose_name="functietypering"
    )
    kind = models.CharField("soort", max_length=40, choices=Kind.choices)
    label = models.CharField("kopje", max_length=200, help_text="Het kopje zoals de bron het schrijft.")
    sub_area_label = models.CharField("deelgebied in de bron", max_length=200, blank=True)
    sub_area = models.CharField(
        "deelgebied (sleutel)",
        max_length=100,
        blank=True,
        help_text="Deelgebieden met dezelfde sleutel komen bij het vergelijken van schalen op één rij; "
        "‘informatiebeheer’, ‘ict’ en ‘techniek’ zijn de bekende, andere zijn de woorden van het deelgebied.",
    )
    position = models.PositiveSmallIntegerField("volgorde")

    history = ContentHistory()

    class Meta:
        ordering = ["typering", "position"]
        verbose_name = "onderdeel van een functietypering"
        verbose_name_plural = "onderdelen van functietyperingen"
        constraints = [
            models.UniqueConstraint(fields=["typering", "position"], name="unique_typering_section_position")
        ]

    def __str__(self):
        return f"{self.label} {self.sub_area_label}".strip()

    @property
    def sub_area_name(self) -> str:
        """The name under which schalen line this sub-area up: a known sub-area's, else the source's label."""
        return vocabulary.sub_area_label(self.sub_area) or self.sub_area_label


class TyperingLine(Line):
    section = models.ForeignKey(TyperingSection, models.CASCADE, related_name="lines", verbose_name="onderdeel")

    class Meta:
        ordering = ["section", "position"]
        verbose_name = "regel van een functietypering"
        verbose_name_plural = "regels van functietyperingen"
        constraints = [models.UniqueConstraint(fields=["section", "position"], name="unique_typering_line_position")]


class ContentVersion(models.Model):
    """One row whose number goes up after every committed change to the content (see history.content_changed).

    The public pages are cached under this number, so a change in any process invalidates them everywhere.
    """

    number = models.PositiveBigIntegerField("versienummer", default=0)
    changed_at = models.DateTimeField("laatst gewijzigd", null=True, blank=True)

    class Meta:
        verbose_name = "versie van de inhoud"
        verbose_name_plural = "versies van de inhoud"

    def __str__(self):
        return f"versie {self.number}"
