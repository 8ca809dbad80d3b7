"""A sync says what it is doing and how far it has gone, on real SQLite files and a real
temporary folder; the command line shows the same on a terminal."""

from __future__ import annotations

import io
from collections.abc import Callable

from imc_desktop.cli_sync import TerminalSteps
from imc_desktop.sync import engine
from imc_desktop.sync.progress import Reporter, SyncProgress
from tests.sync.helpers import Workstation, add_people

MakePC = Callable[[str], Workstation]
SEGMENT_SIZES = (3, 40, engine.STORE_CHUNK + 500)  # the last is stored in two chunks


def _counted(steps: list[SyncProgress], label: str) -> list[SyncProgress]:
    return [s for s in steps if s.text.startswith(label + ":")]


def _assert_counts_up(steps: list[SyncProgress], total: int) -> None:
    """Reported at least once, done growing at every report, ending at the total."""
    assert steps, "the step is reported"
    done = [s.done for s in steps]
    assert done == sorted(set(done)), f"done only grows: {done}"
    assert {s.total for s in steps} == {total}
    assert done[-1] == total


def test_applying_several_segments_counts_up_to_the_total(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    start = 0
    for size in SEGMENT_SIZES:
        add_people(a.path, size, start)
        start += size
        a.sync()
    steps: list[SyncProgress] = []
    lines: list[str] = []
    result = b.sync(progress=lines.append, steps=steps.append)

    assert result.pulled == len(SEGMENT_SIZES) and result.applied == sum(SEGMENT_SIZES)
    pulled = _counted(steps, "Получено файлов изменений")
    assert [(s.done, s.total) for s in pulled] == [(1, 0), (2, 0), (3, 0)], "total unknown"
    applied = _counted(steps, "Применение изменений")
    _assert_counts_up(applied, sum(SEGMENT_SIZES))
    assert len(applied) == len(SEGMENT_SIZES) + 1, "after each file and each chunk"
    assert applied[0].text == f"Применение изменений: 3 из {sum(SEGMENT_SIZES)} (файл 1 из 3)"
    assert applied[-1].text.endswith("(файл 3 из 3)")
    _assert_counts_up(_counted(steps, "Обновление записей"), sum(SEGMENT_SIZES))
    assert lines == [s.text for s in steps], "text-only callers get every step as before"


def test_one_file_is_not_numbered(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    add_people(a.path, 3)
    a.sync()
    steps: list[SyncProgress] = []
    b.sync(steps=steps.append)
    assert [s.text for s in _counted(steps, "Применение изменений")] == [
        "Применение изменений: 3 из 3"]


def test_sealing_and_sending_count_up_to_the_total(make_pc: MakePC) -> None:
    a = make_pc("a")
    add_people(a.path, 1200)
    steps: list[SyncProgress] = []
    result = a.sync(steps=steps.append)

    assert result.pushed == 1200
    assert steps[0] == SyncProgress("Проверка папки синхронизации")
    prepared = _counted(steps, "Подготовка изменений к отправке")
    _assert_counts_up(prepared, 1200)
    assert [s.done for s in prepared] == [500, 1000, 1200]
    _assert_counts_up(_counted(steps, "Запись в журнал изменений"), 1200)
    _assert_counts_up(_counted(steps, "Обновление записей"), 1200)
    _assert_counts_up(_counted(steps, "Отправка изменений"), 1200)


def test_a_sync_with_nothing_to_do_reports_only_its_steps(make_pc: MakePC) -> None:
    a = make_pc("a")
    a.sync()
    steps: list[SyncProgress] = []
    a.sync(steps=steps.append)
    assert [s.text for s in steps] == ["Проверка папки синхронизации", "Получение изменений",
                                      "Сохранение базы данных", "Отправка изменений"]


def test_a_counter_reports_every_so_many_and_at_the_end() -> None:
    steps: list[SyncProgress] = []
    counter = Reporter(None, steps.append).counter("Шаг", 7, every=3)
    for _ in range(7):
        counter.add()
    assert [(s.text, s.done) for s in steps] == [
        ("Шаг: 3 из 7", 3), ("Шаг: 6 из 7", 6), ("Шаг: 7 из 7", 7)]


def test_the_terminal_rewrites_a_counted_line_until_it_is_done() -> None:
    out = io.StringIO()
    show = TerminalSteps(out)
    show(SyncProgress("Получение изменений"))
    show(SyncProgress("Получено файлов изменений: 1", 1))
    show(SyncProgress("Получено файлов изменений: 2", 2))
    show(SyncProgress("Применение изменений: 50 из 200", 50, 200))
    show(SyncProgress("Применение изменений: 200 из 200", 200, 200))
    show(SyncProgress("Отправка изменений"))
    assert out.getvalue() == (
        "Получение изменений\n"
        "\rПолучено файлов изменений: 1"
        "\rПолучено файлов изменений: 2\n"
        "\rПрименение изменений: 50 из 200 — 25 %"
        "\rПрименение изменений: 200 из 200 — 100 %\n"
        "Отправка изменений\n")
