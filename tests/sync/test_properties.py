"""Properties of the merge (any order, any duplication: the same records and the same
conflicts) and of the hybrid logical clock (never backwards, past everything received)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from imc_desktop import db
from imc_desktop.sync import local, merge
from imc_desktop.sync.clock import COUNTER_MAX, HybridClock, make_key, physical_ms
from imc_desktop.sync.tables import present_tables, synced_tables
from tests.sync.helpers import ORG_DEFAULTS

SITES = ("a" * 8, "b" * 8, "c" * 8)
ROWS = ("r1", "r2")

_template: list[Path] = []


def _fresh() -> Path:
    """A copy of one migrated database (migrating for every example would be slow)."""
    if not _template:
        folder = Path(tempfile.mkdtemp(prefix="imc-sync-prop-"))
        db.prepare_database(folder / "template.sqlite", folder / "backups")
        _template.append(folder / "template.sqlite")
    target = Path(tempfile.mkdtemp(prefix="imc-sync-prop-")) / "pc.sqlite"
    shutil.copy(_template[0], target)
    return target


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[str, dict[str, Any]]]:
    """Changes of two records by three sites: (key, change line), keys unique."""
    count = draw(st.integers(1, 9))
    clocks = draw(st.lists(st.integers(1, 40), min_size=count, max_size=count, unique=True))
    made: list[tuple[str, dict[str, Any]]] = []
    for clock in clocks:
        key = make_key(clock, draw(st.sampled_from(SITES)))
        row = draw(st.sampled_from(ROWS))
        op = draw(st.sampled_from(["i", "u", "u", "d", "s"]))
        earlier = [k for k, c in made if c["r"] == row]
        seen = draw(st.none() | st.sampled_from(earlier)) if earlier else None
        value = draw(st.sampled_from(["А", "Б", "В"]))
        change: dict[str, Any] = {"t": "organizations", "r": row, "op": op}
        if op == "i":
            change["v"] = {**ORG_DEFAULTS, "short_name": value}
            change["s"] = {"short_name": seen} if seen else {}
        elif op == "u":
            change["v"] = {"short_name": value, "pupils": len(made)}
            change["s"] = {"short_name": seen} if seen else {}
        elif op == "d":
            change["v"] = {"short_name": value}
            change["s"] = {"short_name": seen} if seen else {}
        else:
            change["s"] = {"short_name": [seen or key]}
        made.append((key, change))
    return made


def _apply(path: Path, batches: list[list[tuple[str, dict[str, Any]]]]) -> Any:
    con = local.connect(path)
    try:
        tables = present_tables(con)
        for batch in batches:
            with local.applying(con):
                for key, change in batch:
                    merge.store(con, [change], key, key.split(".")[1], 1, tables)
                merge.settle(con, {("organizations", r) for r in ROWS},
                             list(synced_tables()), {})
        content = sorted(con.execute("SELECT * FROM organizations"))
        conflicts = sorted(con.execute(
            "SELECT table_name, row_id, column_name, kind, loser_key, loser_value, "
            "winner_key, winner_value FROM sync_conflicts"))
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        return content, conflicts
    finally:
        con.close()


@given(history=histories(), data=st.data())
def test_any_order_and_duplication_give_the_same_records_and_conflicts(
        history: list[tuple[str, dict[str, Any]]], data: st.DataObject) -> None:
    reference = _apply(_fresh(), [history])
    shuffled = data.draw(st.permutations(history))
    extra = data.draw(st.lists(st.sampled_from(history), max_size=4))
    stream = shuffled + extra
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=3)))
    batches = [stream[i:j] for i, j in zip([0, *cuts], [*cuts, len(stream)], strict=True)]
    assert _apply(_fresh(), batches) == reference


@given(history=histories())
def test_the_greatest_key_wins_each_field_of_a_live_record(
        history: list[tuple[str, dict[str, Any]]]) -> None:
    content, _conflicts = _apply(_fresh(), [history])
    rows = {r[0]: r for r in content}
    for row in ROWS:
        existence = max(((k, c["op"]) for k, c in history if c["r"] == row
                         and c["op"] in "id"), default=None)
        if existence is None or existence[1] == "d":
            assert row not in rows
            continue
        values = [(k, c["v"]["short_name"]) for k, c in history
                  if c["r"] == row and c["op"] in "iu"]
        assert row in rows and max(values)[1] in rows[row]


operations = st.lists(st.tuples(st.sampled_from(["tick", "receive"]),
                                st.integers(0, 2**41)), min_size=1, max_size=60)


@given(operations)
def test_the_clock_never_goes_backwards_under_jumping_pc_clocks(
        ops: list[tuple[str, int]]) -> None:
    clock = HybridClock()
    for op, value in ops:
        before = clock.last
        if op == "tick":
            clock = clock.tick(value)
            assert clock.last > before
            assert physical_ms(clock.last) >= value
        else:
            remote = value << 16
            clock = clock.receive(remote)
            assert clock.last >= max(before, remote)
            ticked = clock.tick(0)
            assert ticked.last > remote


@given(st.integers(0, 2**40), st.integers(1, 3 * COUNTER_MAX))
def test_many_events_in_one_millisecond_stay_ordered(start: int, count: int) -> None:
    clock = HybridClock().tick(start)
    keys = []
    for _ in range(min(count, 300)):
        clock = clock.tick(start)
        keys.append(make_key(clock.last, "site"))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_a_key_orders_as_clock_then_site() -> None:
    assert make_key(5, "b") < make_key(6, "a") and make_key(5, "a") < make_key(5, "b")
    assert make_key(10**15, "a") > make_key(9 * 10**14, "z")

