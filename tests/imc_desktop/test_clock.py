"""The one clock: a test can run the program on any day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from imc_desktop import clock


def test_a_fixed_day_is_today_and_its_noon_is_now() -> None:
    with clock.fixed(date(2023, 8, 31)):
        assert clock.today() == date(2023, 8, 31)
        assert clock.now() == datetime(2023, 8, 31, 12)
        assert clock.utc_now().tzinfo is UTC
    assert clock.today() == date.today()


def test_the_clock_comes_back_after_an_error() -> None:
    try:
        with clock.fixed(datetime(2020, 2, 29, 23, 59)):
            assert clock.now() == datetime(2020, 2, 29, 23, 59)
            raise ValueError
    except ValueError:
        pass
    assert clock.today() == date.today()


def test_no_module_of_the_program_reads_the_wall_clock_itself() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = [
        f"{path.relative_to(root)}" for package in ("imc_desktop", "ui", "exports")
        for path in (root / package).rglob("*.py")
        if "migrations" not in path.parts and path.name != "clock.py"
        and any(call in path.read_text(encoding="utf-8")
                for call in ("date.today()", "datetime.now(", "datetime.utcnow("))]
    assert offenders == []
