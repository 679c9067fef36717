"""Formatting for the page templates."""

import html
import re

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from catalogue.alignment import Difference
from catalogue.highlight import highlight as highlight_fragments
from catalogue.presenters import COMPETENCIES_BLOCK
from profiles.vocabulary import LineKind

register = template.Library()

# A slash between words, where a narrow column may wrap.
_SLASH_BEFORE_WORD = re.compile(r"/(?=\w)")


def _escape(text) -> str:
    """conditional_escape without its check for lazy arguments, which costs more than the escaping itself on a
    page of a thousand lines. The same output: Django escapes with html.escape too."""
    if type(text) is str:  # most texts: a plain string, which has no __html__ to look for
        return html.escape(text)
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))


@register.filter
def lines(text: str) -> list[str]:
    """The lines of a multi-line field, such as a bullet's continuation lines."""
    return text.splitlines() if text else []


def line_html(line) -> str:
    """A line's text and its continuation lines, each after a break. On a marked schaal page (the line has
    `marked_pieces`, see presenters.mark_new_text) the words that are new since the lower schaal are in <ins>."""
    marked = getattr(line, "marked_pieces", None)
    if marked:
        pieces = ["".join(_segment(segment) for segment in piece) for piece in marked]
    else:
        pieces = [_escape(line.text), *(_escape(piece) for piece in lines(line.continuation))]
    first, *continuation = pieces
    return first + "".join(f'<br><span class="continuation">{piece}</span>' for piece in continuation)


@register.filter
def line_list(blocks, prefix: str) -> str:
    """A list of lines as the page shows it (see presenters.line_blocks): each intro a paragraph, each footnote
    a small paragraph, the lines between them one <ul>. Every line has an id, `prefix`-pk, to link to.

    Built here rather than by a template loop: the group and schaal pages show hundreds of lines, and the template
    engine costs tens of microseconds for every variable it prints.
    """
    prefix = _escape(prefix)
    parts = []
    for block in blocks:
        if block.kind == "intro":
            parts.append(f'<p class="intro" id="{prefix}-{block.line.pk}">{line_html(block.line)}</p>\n')
        elif block.kind == "footnote":
            line = block.line
            text = " ".join(_escape(piece) for piece in [line.text, *lines(line.continuation)])
            parts.append(f'<p class="footnote" id="{prefix}-{line.pk}"><small>{text}</small></p>\n')
        else:
            items = "".join(
                f'<li id="{prefix}-{line.pk}"{_line_class(line)}>{line_html(line)}</li>\n' for line in block.lines
            )
            parts.append(f"<ul>{items}</ul>\n")
    return mark_safe("".join(parts) + "\n")


@register.filter
def block_list(blocks, prefix: str) -> str:
    """A typering's or kwaliteitenprofiel's blocks (presenters.Block) as the page shows them: each block's heading
    (an <h3>, or an <h4> where it is nested under the education heading), each part's label a level below, and the
    part's lines (line_list, ids `prefix`-pk) or, for the competencies, its links (ids `prefix`competentie-pk).
    A filter for the same reason as line_list: a group page shows some eighty blocks and parts."""
    shown = []
    for block in blocks:
        level = 4 if block.nested else 3
        if block.label:
            shown.append(f"<h{level}>{_escape(block.label)}</h{level}>\n")
        for part in block.parts:
            if part.label:
                shown.append(f"<h{level + 1}>{_escape(part.label)}</h{level + 1}>\n")
            if block.kind == COMPETENCIES_BLOCK:
                shown.append(competency_list(part.lines, f"{prefix}competentie"))
            else:
                shown.append(line_list(part.blocks, prefix))
    return mark_safe("".join(shown))


@register.filter
def without_competencies(blocks) -> list:
    """A kwaliteitenprofiel's blocks without its competencies, for a page that lists them once, merged with the
    kernprofiel's."""
    return [block for block in blocks if block.kind != COMPETENCIES_BLOCK]


@register.filter
def competency_list(links, prefix: str) -> str:
    """Competency links as a list, each linking to its competency's page (with an id, `prefix`-pk), a connecting
    line ("en/of") before a link as a line of its own, and the links' notes after the list. A filter for the same
    reason as line_list: a group page lists some forty links."""
    prefix = _escape(prefix)
    items = "".join(
        (f'<li class="regel-verbinding">{_escape(link.preceded_by)}</li>' if link.preceded_by else "")
        + f'<li id="{prefix}-{link.pk}"><a href="{_escape(link.competency.get_absolute_url())}">'
        f"{_escape(link.label)}</a></li>"
        for link in links
    )
    notes = "".join(
        f'<p class="footnote"><small>{linebreaksbr(link.note, autoescape=True)}</small></p>'
        for link in links
        if link.note
    )
    return mark_safe(f"<ul>{items}</ul>\n{notes}")


def _line_class(line) -> str:
    return "" if line.kind == LineKind.BULLET else f' class="regel-{_escape(line.kind)}"'


def _segment(segment) -> str:
    text = _escape(segment.text)
    return f'<ins class="niveau">{text}</ins>' if segment.kind == "insert" else text


# How a comparison shows a segment that only one text has; screen readers hear which it is.
_DIFF_MARKUP = {"insert": ("ins", "toegevoegd"), "delete": ("del", "verwijderd")}


@register.filter
def diff_segments(segments) -> str:
    """Compared text as its segments: words only the new text has in <ins>, words only the old one has in <del>."""
    return mark_safe(_segments_html(segments))


def _segments_html(segments) -> str:
    return "".join(_diff_segment(segment) for segment in segments)


@register.filter
def compare_part(part, only_differences=False) -> str:
    """One part of a comparison table as its <tbody>: a heading row, a row saying which columns equal the column
    to their left, and the aligned rows (`only_differences`: without the rows, or the part, that are the same).
    A filter rather than an included template: a comparison has some twenty parts of a hundred rows."""
    note = f' <span class="source-note">(in de bron: {_escape(part.source_note)})</span>' if part.source_note else ""
    heading = f'<th scope="rowgroup" colspan="{len(part.names)}">{_escape(part.label)}{note}</th>'
    status_row = ""
    if part.any_same:
        cells = "".join(_status_cell(status) for status in part.statuses)
        status_row = f'<tr class="part-status">\n    {cells}\n  </tr>'
    rows = ""
    if not only_differences or not part.identical:
        rows = "".join(
            f"\n    <tr>\n      {compare_cells(row.cells)}\n    </tr>\n  "
            for row in part.rows
            if not only_differences or not row.identical
        )
    anchor = _escape(part.anchor)
    return mark_safe(
        f'<tbody id="{anchor}">\n  <tr class="part-heading">{heading}</tr>\n  {status_row}\n  {rows}\n</tbody>\n'
    )


def _status_cell(status) -> str:
    if status.same is None:
        said = '<span class="muted">–</span>'
    elif status.same:
        said = f"<strong>Geen verschillen</strong> met {_escape(lower_first(status.left))}"
    else:
        said = f"Anders dan {_escape(lower_first(status.left))}"
    return f'<td><span class="cell-label">{_escape(status.name)}</span>{said}</td>'


def compare_cells(cells) -> str:
    """The cells of one row of a comparison table: each its column's name (shown on narrow screens) and the
    compared text, or a dash, spoken as "geen regel", where that column has no such line."""
    return "".join(_compare_cell(cell) for cell in cells)


def _compare_cell(cell) -> str:
    if cell.change == Difference.EMPTY:
        text = '<span class="empty" aria-hidden="true">—</span><span class="visually-hidden">geen regel</span>'
    else:
        text = _segments_html(cell.segments)
    label = _escape(cell.column)
    return f'<td class="change-{_escape(cell.change)}"><span class="cell-label">{label}</span>{text}</td>'


def _diff_segment(segment) -> str:
    text = _breakable(segment.text)
    if segment.kind not in _DIFF_MARKUP:
        return text
    tag, spoken = _DIFF_MARKUP[segment.kind]
    return f'<{tag}><span class="visually-hidden">{spoken}: </span>{text}</{tag}>'


@register.filter
def kenmerk_rows(kenmerken, only_differences=False) -> str:
    """The rows of a comparison's FUWASYS table, a kenmerk each: its number and name, then its scores per column
    (`only_differences`: without the kenmerken whose scores are all the same)."""
    return mark_safe(
        "".join(
            f'<tr id="{_escape(kenmerk.anchor)}"><th scope="row" class="kenmerk-label">{kenmerk.number}. '
            f"{_escape(kenmerk.name)}</th>{score_cells(kenmerk.scores)}</tr>\n"
            for kenmerk in kenmerken
            if not only_differences or not kenmerk.identical
        )
    )


@register.filter
def score_cells(scores) -> str:
    """A row of a comparison's FUWASYS table: per column a cell with the score, its change against the column
    to the left (the schaal compared with said aloud, or shown where a column was skipped) and the values of the
    schaal's other variants. Built here rather than by an included template: the table has some sixty cells."""
    return mark_safe("".join(f'<td class="score">{_score_cell(score)}</td>' for score in scores))


def _score_cell(score) -> str:
    label = f'<span class="cell-label">{_escape(score.column)}</span>'
    if score.value is None:
        missing = _escape(score.missing)
        shown = f'<span class="muted" aria-hidden="true">–</span><span class="visually-hidden">{missing}</span>'
    else:
        variant = score.shown_label
        shown = (f'<span class="variant-score">{_escape(variant)}:</span> ' if variant else "") + str(score.value)
        if score.delta:
            if score.skipped:
                against = f" t.o.v. schaal {score.compared_with}"
            else:
                against = f'<span class="visually-hidden"> ten opzichte van schaal {score.compared_with}</span>'
            down = " delta-down" if score.descends else ""
            falls = ", daalt" if score.descends else ""
            shown += f' <strong class="delta{down}">({signed(score.delta)}{against}{falls})</strong>'
    variants = "".join(
        f'<span class="variant-score">{_escape(name)}: {value}</span>' for name, value in score.shown_variants
    )
    return label + shown + variants


@register.filter
def score_rows(score_groups) -> str:
    """The body of a table of FUWASYS scores: per group of kenmerken a <tbody> with its label as a row header
    and a row per kenmerk. Built here for the same reason as line_list: a group page shows some twenty tables."""
    return mark_safe(
        "".join(
            f'<tbody>\n<tr class="score-group"><th scope="rowgroup" colspan="2">{_escape(group.label)}</th></tr>\n'
            + "".join(
                f'<tr><th scope="row">{score.number}. {_escape(score.name)}</th><td>{score.score}</td></tr>\n'
                for score in group.scores
            )
            + "</tbody>\n"
            for group in score_groups
        )
    )


@register.filter
def kenmerk_list(kenmerken) -> str:
    """What each FUWASYS kenmerk measures, as a definition list: the note beside every table of scores."""
    items = "".join(
        f"<dt>{kenmerk.number}. {_escape(kenmerk.name)}</dt>"
        f"<dd>{_escape(kenmerk.measures)} Een hogere score: {_escape(kenmerk.higher.lower())}</dd>"
        for kenmerk in kenmerken
    )
    return mark_safe(f"<dl>{items}</dl>")


@register.filter
def options(field) -> str:
    """The <option>s of a form's choice field, the chosen one (or the empty one) selected. Built here rather than
    by Django's select widget, which renders every option through a template of its own."""
    chosen = _chosen(field)
    return mark_safe(
        "".join(
            f'<option value="{_escape(value)}"{" selected" if str(value) in chosen else ""}>{_escape(label)}</option>'
            for value, label in field.field.choices
        )
    )


@register.filter
def checkboxes(field) -> str:
    """A multiple-choice field as a labelled checkbox per choice, ids as Django's widget gives them."""
    chosen = _chosen(field)
    invalid = ' aria-invalid="true"' if field.errors else ""
    name = _escape(field.html_name)
    return mark_safe(
        "".join(
            f'<label class="checkbox"><input type="checkbox" name="{name}" value="{_escape(value)}" '
            f'id="{_escape(field.auto_id)}_{index}"{invalid}{" checked" if str(value) in chosen else ""}> '
            f"{_escape(label)}</label>"
            for index, (value, label) in enumerate(field.field.choices)
        )
    )


@register.filter
def field_anchor(field) -> str:
    """The id an error message links to: the field's input, or for a list of checkboxes (whose label names no
    single input) its first checkbox."""
    return field.id_for_label or f"{field.auto_id}_0"


def _chosen(field) -> set[str]:
    value = field.value()
    if isinstance(value, list | tuple):
        return {str(item) for item in value}
    return {"" if value is None else str(value)}


@register.filter
def dutch_list(items) -> str:
    """'5, 6, 7 en 8': a list as a Dutch sentence would write it."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} en {words[-1]}"


@register.filter(needs_autoescape=True)
def highlight(text: str, query: str, autoescape=True) -> str:
    """The text with the words that match the query inside <mark>."""
    escape = conditional_escape if autoescape else str
    return mark_safe(
        "".join(
            f"<mark>{escape(fragment.text)}</mark>" if fragment.matched else str(escape(fragment.text))
            for fragment in highlight_fragments(text, query or "")
        )
    )


def _breakable(text: str) -> str:
    """The escaped text with a chance to wrap after each slash between words ("automatiseringsdeskundigen/
    leveranciers"), so that a narrow column wraps there instead of inside a word. The text itself is unchanged."""
    escaped = _escape(text)
    return _SLASH_BEFORE_WORD.sub("/<wbr>", escaped) if "/" in escaped else escaped


@register.filter
def signed(number: int) -> str:
    """'+1' or '−1' (with a real minus sign)."""
    return f"+{number}" if number > 0 else f"−{abs(number)}"


def lower_first(text: str) -> str:
    """'Schaal 5' as it reads inside a sentence: 'schaal 5'. Names of groups start with a capital and keep it."""
    return f"{text[:1].lower()}{text[1:]}" if text.startswith("Schaal ") else text
