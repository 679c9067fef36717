"""catalogue.alignment, the pure logic of the comparisons: marking, packing, counting, naming."""

from hypothesis import given
from hypothesis import strategies as st

from catalogue.alignment import Counts, Difference, Part, compare_parts, new_text_marks, packed, split_segments
from profiles.textdiff import Segment, word_diff


def joined(segments) -> str:
    return "".join(segment.text for segment in segments)


def test_a_line_without_a_counterpart_is_new_as_a_whole():
    marks = new_text_marks(["dossiers beheerd"], ["dossiers beheerd", "gebruikers ondersteund en geïnstrueerd"])

    assert marks == [
        [Segment("equal", "dossiers beheerd")],
        [Segment("insert", "gebruikers ondersteund en geïnstrueerd")],
    ]


def test_a_reworded_line_has_only_its_new_words_marked_and_nothing_deleted():
    marks = new_text_marks(
        ["ondersteunende werkzaamheden met een beperkte diversiteit in problematiek"],
        [
            "(coördinatie van) ondersteunende werkzaamheden met een gevarieerdheid in diversiteit"
            " en complexiteit in problematiek"
        ],
    )

    assert [segment.kind for segment in marks[0]] == ["insert", "equal", "insert", "equal", "insert", "equal"]
    assert [segment.text for segment in marks[0] if segment.kind == "insert"] == [
        "(coördinatie van) ",
        "gevarieerdheid in",
        " en complexiteit",
    ]


def test_an_added_full_stop_alone_is_not_marked():
    marks = new_text_marks(["wijzigingen in de regelgeving"], ["wijzigingen in de regelgeving."])

    assert marks == [[Segment("equal", "wijzigingen in de regelgeving.")]]


@given(
    st.lists(st.text(st.sampled_from("ab c,."), min_size=1, max_size=12), min_size=1, max_size=4),
    st.text(st.sampled_from("ab c,."), max_size=30),
)
def test_split_segments_gives_back_each_piece(pieces, lower):
    whole = " ".join(pieces)
    segments = [segment for segment in word_diff(lower, whole) if segment.kind != "delete"]

    split = split_segments(segments, [len(piece) for piece in pieces])

    assert [joined(piece) for piece in split] == pieces


def test_lines_that_stand_alone_are_packed_side_by_side_in_order():
    rows = [["a1", None], ["a2", None], ["x", "x'"], [None, "b1"], ["a3", None], [None, "b2"]]

    assert packed(rows) == [
        (["a1", None], False),
        (["a2", None], False),
        (["x", "x'"], True),
        (["a3", "b1"], False),
        ([None, "b2"], False),
    ]


def test_across_groups_unrelated_lines_are_not_marked_and_similar_ones_are_diffed():
    columns = [
        {"resultaten:1": ("Resultaten", "Opdrachtgever", ["Adviezen zijn tijdig opgesteld", "Dossiers op orde"])},
        {
            "resultaten:1": (
                "Resultaten",
                "Opdrachtgever",
                ["Adviezen zijn zorgvuldig opgesteld", "Persvragen beantwoord"],
            )
        },
    ]

    (part,) = compare_parts(columns, ["A", "B"], lambda key, index: (index,), "t", across_groups=True)

    changes = [[cell.change for cell in row.cells] for row in part.rows]
    assert changes == [[Difference.OWN, Difference.CHANGED], [Difference.OWN, Difference.OWN]]
    assert [cell.column for cell in part.rows[0].cells] == ["A", "B"]


def test_within_a_group_a_dropped_line_is_shown_and_counted():
    columns = [
        {"x": ("X", "X", ["blijft", "vervalt helemaal"])},
        {"x": ("X", "X", ["blijft", "geheel nieuw erbij"])},
    ]

    (part,) = compare_parts(columns, ["Schaal 5", "Schaal 6"], lambda key, index: (index,), "t")

    assert part.counts(1) == Counts(new=1, changed=0, dropped=1)
    assert [(cell.change_label, cell.text) for cell in part.changed_cells(1)] == [
        ("Vervalt", ""),
        ("Nieuw", "geheel nieuw erbij"),
    ]


def test_counts_in_plain_dutch():
    assert Counts(new=1, changed=2, dropped=1).phrases == ["1 nieuwe regel", "2 gewijzigde regels", "1 vervallen regel"]
    assert Counts().phrases == [] and not Counts()


def part_with(label: str, source_labels: list[str]) -> Part:
    return Part("key", label, source_labels, [], [None] * len(source_labels))


def test_the_source_heading_is_noted_only_where_it_words_the_part_otherwise():
    assert part_with("Resultaten – ICT", ["ICT", "ict"]).source_note == ""
    assert part_with("Speelruimte/kaders", ["Speelruimte/ kaders", "Speelruimte/kaders"]).source_note == ""
    assert part_with("Resultaten – ICT", ["ondersteunende ICT werkzaamheden", "ICT"]).source_note == (
        "ondersteunende ICT werkzaamheden / ICT"
    )
    assert part_with("Resultaten – ICT", ["", "ICT werkzaamheden"]).source_note == "ICT werkzaamheden"
