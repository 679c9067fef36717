"""The comparison as CSV, for people who work in a spreadsheet."""

import csv

from django.http import HttpResponse

from catalogue.comparison import Change, Comparison

# Dutch spreadsheet programs expect semicolons, and a byte-order mark to read UTF-8.
DELIMITER = ";"


def _describe(cell) -> str:
    if cell.change in (Change.FIRST, Change.SAME, Change.EMPTY):
        return cell.change if cell.change != Change.FIRST else ""
    if cell.change in (Change.NEW, Change.DROPPED):
        return cell.change
    added = " ".join(s.text.strip() for s in cell.segments if s.kind == "insert")
    removed = " ".join(s.text.strip() for s in cell.segments if s.kind == "delete")
    details = [f"toegevoegd: {added}" if added else "", f"verwijderd: {removed}" if removed else ""]
    return f"{cell.change} ({'; '.join(filter(None, details))})"


def comparison_rows(comparison: Comparison) -> list[list[str]]:
    header = ["Onderdeel", "Kop in de bron"]
    for index, schaal in enumerate(comparison.schalen):
        header.append(f"Schaal {schaal}")
        if index:
            header.append(f"Verschil met schaal {comparison.schalen[index - 1]}")
    rows = [header]
    code_row = ["FUWASYS-code", ""]
    for index, codes in enumerate(comparison.codes):
        code_row.append("; ".join(f"{code.label} {code.code}".strip() for code in codes))
        if index:
            previous = [code.code for code in comparison.codes[index - 1]]
            current = [code.code for code in codes]
            code_row.append("" if not codes or not previous else ("gelijk" if current == previous else "gewijzigd"))
    rows.append(code_row)
    for kenmerk in comparison.kenmerken:
        row = [f"FUWASYS-kenmerk {kenmerk.number}: {kenmerk.name}", kenmerk.group]
        for index, score in enumerate(kenmerk.scores):
            row.append("" if score.value is None else str(score.value))
            if index:
                row.append("" if score.delta is None else f"{score.delta:+d}" if score.delta else "gelijk")
        rows.append(row)
    for part in comparison.parts:
        for line in part.rows:
            row = [line.label, " / ".join(dict.fromkeys(label for label in part.source_labels if label))]
            for index, cell in enumerate(line.cells):
                row.append(cell.text)
                if index:
                    row.append(_describe(cell))
            rows.append(row)
    return rows


def comparison_csv(group, comparison: Comparison) -> HttpResponse:
    schalen = "-".join(str(schaal) for schaal in comparison.schalen)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="vergelijking-{group.slug}-schaal-{schalen}.csv"'
    response.write("\ufeff")
    csv.writer(response, delimiter=DELIMITER).writerows(comparison_rows(comparison))
    return response
