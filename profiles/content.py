"""The registry of the catalogue's content: its models, which record belongs to which, and how Dutch speaks of each.

Read by the fixture and the export (CONTENT), the editors' role (EDITABLE, REFERENCE, DERIVED), the group's
timeline and restoring (TREE), the admin's messages (ARTICLES) and its way back to the page an editor came from;
the search's triggers are checked against SEARCHED.
A new content model is added here, in its place in the tree, with its article.
"""

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

# Everything the catalogue holds, in the order of profiles/models.py (the fixture's and the export's order).
CONTENT = (
    FunctionFamily,
    FunctionGroup,
    Result,
    BehaviouralIndicator,
    KernprofielHeading,
    Competency,
    GroupCompetency,
    FocusArea,
    QualityProfile,
    QualityProfileSection,
    QualityProfileLine,
    QualityProfileCompetency,
    FunctionTypering,
    TyperingCode,
    TyperingScore,
    TyperingSection,
    TyperingLine,
)
# The FGR's fixed vocabulary, made by migrations: the content refers to it, editors only read it.
REFERENCE = (ResultArea, Characteristic)

# (model, field pointing to its parent, parent model), parents first.
TREE = (
    (Result, "group_id", FunctionGroup),
    (BehaviouralIndicator, "group_id", FunctionGroup),
    (KernprofielHeading, "group_id", FunctionGroup),
    (GroupCompetency, "group_id", FunctionGroup),
    (QualityProfile, "group_id", FunctionGroup),
    (QualityProfileSection, "profile_id", QualityProfile),
    (QualityProfileLine, "section_id", QualityProfileSection),
    (QualityProfileCompetency, "profile_id", QualityProfile),
    (FunctionTypering, "group_id", FunctionGroup),
    (TyperingCode, "typering_id", FunctionTypering),
    (TyperingScore, "code_id", TyperingCode),
    (TyperingSection, "typering_id", FunctionTypering),
    (TyperingLine, "section_id", TyperingSection),
)
# Shared records the tree refers to (PROTECT); restored too if they are gone.
REFERENCED = ((FunctionFamily, "family_id"), (Competency, "competency_id"), (FocusArea, "focus_area_id"))
# Records whose history follows another's: the scores change with their code and are not edited on their own.
DERIVED = (TyperingScore,)
# Every record an editor adds, changes, deletes and restores.
EDITABLE = tuple(model for model in CONTENT if model not in DERIVED)
# The records that have a timeline of everything in them.
TIMELINE_ROOTS = (FunctionGroup, FunctionTypering, QualityProfile)
# The records whose text a user finds with the search: each is a branch of catalogue/search_index.py.
SEARCHED = (
    FunctionGroup,
    Result,
    BehaviouralIndicator,
    GroupCompetency,
    QualityProfileLine,
    QualityProfileCompetency,
    TyperingLine,
)

# The article of each model's Dutch name, for messages such as "Het resultaat … is gewijzigd".
NEUTER = "het"
COMMON = "de"
ARTICLES = {
    FunctionFamily: COMMON,  # de functiefamilie
    FunctionGroup: COMMON,  # de functiegroep
    ResultArea: NEUTER,  # het resultaatgebied
    Result: NEUTER,  # het resultaat
    BehaviouralIndicator: COMMON,  # de gedragsindicator
    KernprofielHeading: NEUTER,  # het kopje
    Competency: COMMON,  # de competentie
    GroupCompetency: COMMON,  # de competentie van het kernprofiel
    FocusArea: NEUTER,  # het aandachtsgebied
    QualityProfile: NEUTER,  # het kwaliteitenprofiel
    QualityProfileSection: NEUTER,  # het onderdeel
    QualityProfileLine: COMMON,  # de regel
    QualityProfileCompetency: COMMON,  # de competentie
    Characteristic: NEUTER,  # het FUWASYS-kenmerk
    FunctionTypering: COMMON,  # de functietypering
    TyperingCode: COMMON,  # de FUWASYS-code
    TyperingScore: COMMON,  # de FUWASYS-score
    TyperingSection: NEUTER,  # het onderdeel
    TyperingLine: COMMON,  # de regel
}


def article(model) -> str:
    return ARTICLES[model]


def the(model) -> str:
    """The model's Dutch name with its article: "het resultaat", "de functiegroep"."""
    return f"{ARTICLES[model]} {model._meta.verbose_name}"


def parent_link(model) -> tuple[str, type] | None:
    """(field, parent model) of a record in the tree; None for a functiegroep or a shared record."""
    for child, field, parent in TREE:
        if child is model:
            return field, parent
    return None


def depth(model) -> int:
    """How far below a functiegroep a record sits (0 for a group or a shared record)."""
    level = 0
    while (link := parent_link(model)) is not None:
        model, level = link[1], level + 1
    return level


def descendants(root) -> list[tuple[type, str, type]]:
    """The part of TREE below `root`, parents first."""
    found, below = [], {root}
    for model, field, parent in TREE:
        if parent in below:
            found.append((model, field, parent))
            below.add(model)
    return found


def page_parent(obj):
    """The record on whose admin page `obj` is edited as a row: a line's group or section, a code's typering.

    None for a record with a page of its own only (a group, a typering or kwaliteitenprofiel is its own page).
    """
    if isinstance(obj, TIMELINE_ROOTS):
        return None
    link = parent_link(type(obj))
    if link is None:
        return None
    field, parent = link
    return parent.objects.filter(pk=getattr(obj, field)).first()


def timeline_root(obj):
    """The functiegroep a record belongs to (a group belongs to itself); None for shared records."""
    while obj is not None and not isinstance(obj, FunctionGroup):
        link = parent_link(type(obj))
        if link is None:
            return None
        field, parent = link
        obj = parent.objects.filter(pk=getattr(obj, field)).first()
    return obj
