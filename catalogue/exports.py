"""The comparisons as CSV, for people who work in a spreadsheet."""

import csv

from django.http import HttpResponse

from catalogue.alignment import Difference, Part
from catalogue.comparison import Comparison, Score
from catalogue.group_comparison import GroupComparison

# Dutch spreadsheet programs expect semicolons, and a byte-order mark to read UTF-8.
DELIMITER = ";"


def _describe(cell) -> str:
    if cell.change == Difference.OWN:
        return "geen vergelijkbare regel links"
    if cell.change in (Difference.SAME, Difference.EMPTY, Difference.NEW, Difference.DROPPED):
        return cell.change
    added = " ".join(s.text.strip() for s in cell.segments if s.kind == "insert")
    removed = " ".join(s.text.strip() for s in cell.segments if s.kind == "delete")
    details = [f"toegevoegd: {added}" if added else "", f"verwijderd: {removed}" if removed else ""]
    return f"{cell.change} ({'; '.join(filter(None, details))})"


def _header(names: list[str], references: list[str]) -> list[str]:
    """Per column its text and, from the second on, how it differs from the one to its left ("met schaal 5")."""
    header = ["Onderdeel"]
    for index, name in enumerate(names):
        header.append(name)
        if index:
            header.append(f"Verschil met {references[index - 1]}")
    return header


def _with_differences(label: str, values: list[str], differences: list[str]) -> list[str]:
    row = [label]
    for index, value in enumerate(values):
        row.append(value)
        if index:
            row.append(differences[index])
    return row


def part_rows(parts: list[Part]) -> list[list[str]]:
    rows = []
    for part in parts:
        label = f"{part.label} (in de bron: {part.source_note})" if part.source_note else part.label
        for line in part.rows:
            rows.append(
                _with_differences(label, [cell.text for cell in line.cells], [_describe(cell) for cell in line.cells])
            )
    return rows


def _score_text(score: Score) -> str:
    """The score, and the scores of the schaal's other variants: "3; Variant 2: 4"."""
    if score.value is None:
        return ""
    if not score.variants:
        return str(score.value)
    return "; ".join(
        [f"{score.shown_label}: {score.value}", *(f"{label}: {value}" for label, value in score.shown_variants)]
    )


def _score_difference(score: Score) -> str:
    if score.delta is None:
        return ""
    return f"{score.delta:+d}" if score.delta else "gelijk"


def comparison_rows(comparison: Comparison) -> list[list[str]]:
    table = comparison.fuwasys
    rows = [_header(comparison.names, [f"schaal {schaal}" for schaal in comparison.schalen])]
    codes = ["; ".join(f"{code.label} {code.code}".strip() for code in column.codes) for column in table.codes]
    rows.append(
        _with_differences(
            "FUWASYS-code",
            codes,
            [
                "" if not codes[i] or not codes[i - 1] else "gelijk" if codes[i] == codes[i - 1] else "gewijzigd"
                for i in range(len(codes))
            ],
        )
    )
    if table.any_unreadable:
        readable = [
            "te lezen" if column.readable else f"niet te lezen: {column.reason}" for column in table.readability
        ]
        rows.append(_with_differences("Scores per kenmerk", readable, [""] * len(readable)))
    for kenmerk in table.kenmerken:
        rows.append(
            _with_differences(
                f"FUWASYS-kenmerk {kenmerk.number}: {kenmerk.name}",
                [_score_text(score) for score in kenmerk.scores],
                [_score_difference(score) for score in kenmerk.scores],
            )
        )
    rows.append(
        _with_differences(
            "FUWASYS-totaal volgens de bron",
            [_score_text(score) for score in table.totals],
            [_score_difference(score) for score in table.totals],
        )
    )
    return rows + part_rows(comparison.parts)


def group_comparison_rows(comparison: GroupComparison) -> list[list[str]]:
    columns = comparison.columns
    blank = [""] * len(columns)
    rows = [_header(comparison.names, comparison.names)]
    rows.append(_with_differences("Functiefamilie", [column.group.family.name for column in columns], blank))
    rows.append(_with_differences("Doel", [column.group.purpose for column in columns], blank))
    rows.append(_with_differences("Schalen", [", ".join(map(str, column.schalen)) for column in columns], blank))
    rows.append(_with_differences("Werk- en denkniveau", [column.group.thinking_level for column in columns], blank))
    rows += part_rows(comparison.kernprofiel_parts)
    for row in comparison.competencies:
        shared = ["gedeeld" if row.shared else ""] * len(columns)
        rows.append(_with_differences(f"Competentie: {row.competency.name}", row.labels, shared))
    rows.append(
        _with_differences("Kwaliteitenprofiel van schaal", [str(column.schaal or "") for column in columns], blank)
    )
    return rows + part_rows(comparison.quality_parts)


def _csv(filename: str, rows: list[list[str]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    csv.writer(response, delimiter=DELIMITER).writerows(rows)
    return response


def comparison_csv(group, comparison: Comparison) -> HttpResponse:
    schalen = "-".join(str(schaal) for schaal in comparison.schalen)
    return _csv(f"vergelijking-{group.slug}-schaal-{schalen}.csv", comparison_rows(comparison))


def group_comparison_csv(comparison: GroupComparison) -> HttpResponse:
    slugs = "-".join(column.group.slug for column in comparison.columns)
    return _csv(f"vergelijking-{slugs}.csv"[:200], group_comparison_rows(comparison))
