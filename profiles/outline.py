"""A functiegroep's content as a list of lines with their place, in the order of its page: to show what an import
that replaces the group would change."""

from dataclasses import dataclass
from difflib import SequenceMatcher

from profiles.models import FunctionGroup, KernprofielList


@dataclass(frozen=True)
class OutlineLine:
    where: str
    text: str


@dataclass(frozen=True)
class OutlineChange:
    kind: str  # "insert" or "delete"
    line: OutlineLine


def group_outline(group: FunctionGroup) -> list[OutlineLine]:
    """Every line of the group as the page shows it (in a fixed number of queries)."""
    [group] = FunctionGroup.objects.filter(pk=group.pk).for_page().in_full()
    lines: list[OutlineLine] = []
    if group.purpose:
        lines.append(OutlineLine("Doel", group.purpose))
    for part, rows in (
        (KernprofielList.RESULTS, group.loaded_results),
        (KernprofielList.INDICATORS, group.loaded_indicators),
    ):
        lines += [OutlineLine(f"Kernprofiel › {part.label} › {row.area}", _text(row)) for row in rows]
    lines += [OutlineLine("Kernprofiel › Voorbeelden", text) for text in group.examples.splitlines()]
    lines += [OutlineLine("Kernprofiel › Competenties", link.label) for link in group.loaded_competency_links]
    for profile in group.quality_profiles.in_full():
        where = f"Kwaliteitenprofiel schaal {profile.schaal}"
        for section in profile.loaded_sections:
            heading = " › ".join(filter(None, [where, section.label, section.focus_area_label]))
            lines += [OutlineLine(heading, _text(line)) for line in section.loaded_lines]
        lines += [OutlineLine(f"{where} › Competenties", link.label) for link in profile.loaded_competency_links]
    for typering in group.typeringen.in_full():
        where = f"Functietypering schaal {typering.schaal}"
        lines += [OutlineLine(f"{where} › FUWASYS-code", str(code)) for code in typering.loaded_codes]
        for section in typering.loaded_sections:
            heading = " › ".join(filter(None, [where, section.label, section.sub_area_label]))
            lines += [OutlineLine(heading, _text(line)) for line in section.loaded_lines]
    return lines


def outline_changes(old: list[OutlineLine], new: list[OutlineLine]) -> list[OutlineChange]:
    """The lines that `new` drops from `old` and adds to it, in page order."""
    changes = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            changes += [OutlineChange("delete", line) for line in old[i1:i2]]
        if tag in ("insert", "replace"):
            changes += [OutlineChange("insert", line) for line in new[j1:j2]]
    return changes


def _text(line) -> str:
    return " ".join([line.text, *line.continuation.splitlines()])
