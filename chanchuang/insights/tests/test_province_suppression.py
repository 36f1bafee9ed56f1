"""The suppression kernel of the provincial view: counts from 1 to 4 are withheld, zeros are
shown, and complementary cells are withheld so that no withheld cell can be worked out from a
published total (tried here for every total of random tables)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chanchuang.insights.suppression import (
    TOTAL,
    is_small,
    suppress_shares,
    suppress_table,
    table,
)


def test_small_counts_are_withheld_and_zero_is_shown():
    assert [is_small(n) for n in (0, 1, 4, 5, 12)] == [False, True, True, False, False]


def test_a_lone_small_cell_of_a_column_takes_the_next_smallest_with_it():
    cells, hidden = suppress_table({"a": {"n": 3}, "b": {"n": 40}, "c": {"n": 12},
                                    "d": {"n": 0}}, ["n"])
    # The total (55) minus 40 and 12 would give a's 3: c's 12 is withheld with it, not the zero.
    assert hidden == {("a", "n"), ("c", "n")}
    assert cells[(TOTAL, "n")] == 55


def test_two_small_cells_protect_each_other():
    _cells, hidden = suppress_table({"a": {"n": 3}, "b": {"n": 2}, "c": {"n": 12}}, ["n"])
    assert hidden == {("a", "n"), ("b", "n")}


def test_a_small_total_is_withheld_with_its_cell():
    _cells, hidden = suppress_table({"a": {"n": 3}, "b": {"n": 0}}, ["n"])
    assert (TOTAL, "n") in hidden and ("a", "n") in hidden


def test_a_complement_that_exposes_a_row_is_followed_until_stable():
    counts = {"a": {"x": 3, "y": 20, "z": 9}, "b": {"x": 30, "y": 7, "z": 8},
              "c": {"x": 6, "y": 25, "z": 40}}
    _cells, hidden = suppress_table(counts, ["x", "y", "z"], row_totals=True)
    _assert_unrecoverable(table(counts, ["x", "y", "z"], row_totals=True), hidden)
    assert ("a", "x") in hidden


def test_a_share_is_shown_only_when_part_whole_and_rest_are():
    withheld, total_withheld = suppress_shares({"a": (40, 42), "b": (30, 60), "c": (20, 33),
                                                "d": (0, 0)})
    # a: 42 − 40 = 2 others; b, c both large; the province's rest is 45: shown.
    assert "a" in withheld and "d" not in withheld
    assert len(withheld) >= 2  # a's rest (2) is alone in its column: another is withheld
    assert not total_withheld


def test_a_small_province_withholds_the_province_share():
    withheld, total_withheld = suppress_shares({"a": (2, 3), "b": (1, 1)})
    assert withheld == {"a", "b"} and total_withheld


def _assert_unrecoverable(built, hidden) -> None:
    """For every published total: the total minus the published cells of its line is never one
    withheld cell alone; a withheld total is never the sum of published cells alone."""
    for line in built.lines():
        members_hidden = [key for key in line.members if key in hidden]
        if line.total in hidden:
            assert members_hidden, f"{line.total} is the sum of published cells"
        else:
            assert len(members_hidden) != 1, (
                f"{members_hidden[0]} = {line.total} minus the published cells")
    for key, count in built.cells.items():
        if is_small(count):
            assert key in hidden, f"{key} ({count}) is shown"


counts_strategy = st.integers(min_value=0, max_value=30) | st.integers(min_value=0, max_value=6)


@settings(max_examples=300, deadline=None)
@given(rows=st.integers(min_value=1, max_value=7), columns=st.integers(min_value=1, max_value=5),
       row_totals=st.booleans(), data=st.data())
def test_no_withheld_cell_can_be_recovered_from_any_published_total(rows, columns, row_totals,
                                                                    data):
    counts = {f"school{r}": {f"kpi{c}": data.draw(counts_strategy) for c in range(columns)}
              for r in range(rows)}
    built = table(counts, [f"kpi{c}" for c in range(columns)], row_totals=row_totals)
    _cells, hidden = suppress_table(counts, built.columns, row_totals=row_totals)
    _assert_unrecoverable(built, hidden)
    # Recovery by subtraction, tried from every published total: it never yields a lone cell.
    for line in built.lines():
        if line.total in hidden:
            continue
        rest = built.cells[line.total] - sum(built.cells[k] for k in line.members
                                             if k not in hidden)
        unknown = [k for k in line.members if k in hidden]
        assert not (len(unknown) == 1 and built.cells[unknown[0]] == rest)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text("abcdefg", min_size=1, max_size=2),
                       st.tuples(st.integers(0, 25), st.integers(0, 25)), min_size=1,
                       max_size=8))
def test_no_share_part_can_be_recovered(pairs):
    shares = {row: (min(a, b), max(a, b)) for row, (a, b) in pairs.items()}
    withheld, _total = suppress_shares(shares)
    for row, (part, whole) in shares.items():
        if is_small(part) or is_small(whole - part):
            assert row in withheld
    # The province's part minus the shown parts is never one withheld college's part alone.
    shown_part = sum(shares[row][0] for row in shares if row not in withheld)
    hidden_rows = [row for row in shares if row in withheld]
    if len(hidden_rows) == 1:
        assert _total, "the province's part minus the shown parts gives the withheld one"
    del shown_part
