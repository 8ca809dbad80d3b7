"""Translations: ours and Qt's own, so that standard buttons speak Russian too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from imc_desktop.paths import resource_path

_installed: list[QTranslator] = []


def translation_file() -> str:
    return str(resource_path("translations", "imc_desktop_ru.qm"))


def install_translations(app: QCoreApplication) -> list[str]:
    """Load the Russian translations; the list of problems (empty when all loaded)."""
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    problems: list[str] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_ru", qt_dir),):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            problems.append(f"Не найден перевод Qt {name} в {folder}")
    ours = QTranslator(app)
    if ours.load(translation_file()):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        problems.append(f"Не найден файл перевода {translation_file()}")
    return problems
