"""Settings are declared once and survive a round trip through the INI file."""

from __future__ import annotations

from pathlib import Path

from imc_desktop import config


def test_defaults_then_stored_values(tmp_path: Path) -> None:
    settings = config.Settings(tmp_path / "s.ini")
    assert settings.get(config.REPORT_TEXT_SIZE) == 14
    assert settings.get(config.IMC_NAME) == "Информационно-методический центр"
    settings.set(config.REPORT_TEXT_SIZE, 12)
    settings.set(config.IMC_NAME, "МКУ «ИМЦ»")
    settings.sync()
    again = config.Settings(tmp_path / "s.ini")
    assert again.get(config.REPORT_TEXT_SIZE) == 12
    assert again.get(config.IMC_NAME) == "МКУ «ИМЦ»"


def test_every_setting_is_declared_once_with_a_title(tmp_path: Path) -> None:
    keys = [s.key for s in config.ALL]
    assert len(keys) == len(set(keys))
    assert all(s.title and s.section for s in config.ALL)
    assert all(isinstance(s.default, s.type) for s in config.ALL)


def test_a_broken_number_falls_back_to_the_default(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[reports]\ntext_size=крупный\n", encoding="utf-8")
    assert config.Settings(path).get(config.REPORT_TEXT_SIZE) == 14


def test_data_folder_setting_moves_the_data(tmp_path: Path) -> None:
    settings = config.Settings(tmp_path / "s.ini")
    assert settings.data_dir() == tmp_path / "home" / "data"
    settings.set(config.DATA_FOLDER, str(tmp_path / "elsewhere"))
    assert settings.data_dir() == tmp_path / "elsewhere"


def test_numbers_are_kept_within_their_range(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[staff]\nkpk_period_years=10000\n[reports]\ntable_size=0\n"
                    "[data]\nbackups_daily=0\n", encoding="utf-8")
    settings = config.Settings(path)
    assert settings.get(config.KPK_PERIOD_YEARS) == 10
    assert settings.get(config.REPORT_TABLE_SIZE) == 6
    assert settings.get(config.BACKUPS_DAILY) == 1
