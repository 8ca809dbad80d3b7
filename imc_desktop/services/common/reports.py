"""The registry of reports: name, Russian title, typed parameters, data gathered by services."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import exports
from exports import ApprovalBlock, Report, ReportColumn, ReportStyle, ReportTable, Signature
from imc_desktop import clock, config
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.rules import Rules
from imc_desktop.validation import parse_date

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
FORMATS = exports.FORMATS


@dataclass(frozen=True)
class ReportParam:
    """A parameter: `kind` is "int", "bool", "date" (дд.мм.гггг), "str" or "choice"
    (values from `choices`)."""

    name: str
    title: str
    kind: str
    default: Callable[[], str]
    choices: Callable[[], list[tuple[str, str]]] | None = None


@dataclass(frozen=True)
class ReportContext:
    """What every report takes from the settings: who issues it and who signs it, and the
    rules (the same bundle the screens use)."""

    department: str
    organization: str
    director_position: str
    director_name: str
    executor_name: str
    executor_phone: str
    today: date
    rules: Rules
    form_codes: dict[str, str] = field(default_factory=dict)  # setting key -> form code

    def signatures(self) -> tuple[Signature, ...]:
        if not self.director_name:
            return ()
        return (Signature(self.director_position, short_name(self.director_name)),)

    def approval(self) -> ApprovalBlock:
        return ApprovalBlock(self.director_position, short_name(self.director_name))

    def dress(self, report: Report) -> Report:
        """The header, signature and executor from the settings; a report that names its own
        organisation (a school's document) keeps its header and has no ИМЦ executor."""
        from dataclasses import replace

        if report.organization:
            return replace(report, signatures=report.signatures or self.signatures(),
                           date=report.date or self.today)
        return replace(report, department=self.department, organization=self.organization,
                       signatures=report.signatures or self.signatures(),
                       executor_name=self.executor_name, executor_phone=self.executor_phone,
                       date=report.date or self.today)


@dataclass(frozen=True)
class ReportDefinition:
    name: str
    title: str
    params: tuple[ReportParam, ...]
    build: Callable[[dict[str, Any], ReportContext], Report]


def param_place(report: str, param: str, title: str) -> str:
    """Where a bad parameter is, for the message: «Параметр «from» (Начало периода) отчёта «…»»."""
    return f"Параметр «{param}» ({title}) отчёта «{report}»"


REGISTRY: dict[str, ReportDefinition] = {}


def register(definition: ReportDefinition) -> ReportDefinition:
    REGISTRY[definition.name] = definition
    return definition


def definitions() -> list[ReportDefinition]:
    """Every report: the modules of :mod:`..catalog` register theirs on import."""
    from imc_desktop.services import catalog

    catalog.load_reports()
    return list(REGISTRY.values())


def get(name: str) -> ReportDefinition:
    known = {d.name: d for d in definitions()}
    if name not in known:
        raise ServiceError(f"Нет отчёта «{name}». Список отчётов: imc-desktop report --list")
    return known[name]


def short_name(full: str) -> str:
    """«Иванова Елена Петровна» → «Е.П. Иванова»."""
    parts = full.split()
    if len(parts) < 2:
        return full.strip()
    return exports.initials_name(parts[0], parts[1], parts[2] if len(parts) > 2 else "")


def context(settings: config.Settings, today: date | None = None) -> ReportContext:
    return ReportContext(
        department=settings.get(config.DEPARTMENT_NAME),
        organization=settings.get(config.IMC_NAME),
        director_position=settings.get(config.DIRECTOR_POSITION),
        director_name=settings.get(config.DIRECTOR_NAME),
        executor_name=settings.get(config.EXECUTOR_NAME),
        executor_phone=settings.get(config.EXECUTOR_PHONE),
        today=today or clock.today(),
        rules=Rules.from_settings(settings),
        form_codes={s.key: settings.get(s) for s in (*config.FORM_CODES, *config.ACCOUNTING)},
    )


def style(settings: config.Settings) -> ReportStyle:
    letterhead = settings.get(config.LETTERHEAD_FILE).strip()
    font_file = settings.get(config.PDF_FONT_FILE).strip()
    return ReportStyle(
        font_name=settings.get(config.REPORT_FONT) or "Times New Roman",
        text_size=settings.get(config.REPORT_TEXT_SIZE),
        table_size=settings.get(config.REPORT_TABLE_SIZE),
        letterhead_docx=Path(letterhead) if letterhead else None,
        pdf_font_path=Path(font_file) if font_file else None,
    )


# ---------------------------------------------------------------- parameters

def defaults(definition: ReportDefinition) -> dict[str, str]:
    return {p.name: p.default() for p in definition.params}


def parse_params(definition: ReportDefinition, raw: dict[str, str]) -> dict[str, Any]:
    """Typed values from text; a Russian message naming the parameter when one is wrong."""
    by_name = {p.name: p for p in definition.params}
    unknown = sorted(set(raw) - set(by_name))
    if unknown:
        allowed = ", ".join(by_name) or "нет параметров"
        raise ServiceError(f"Отчёт «{definition.name}» не знает параметра «{unknown[0]}» "
                           f"(допустимые: {allowed}).")
    values = defaults(definition) | raw
    return {name: _parse(definition, by_name[name], text) for name, text in values.items()}


def _parse(definition: ReportDefinition, param: ReportParam, text: str) -> Any:
    where = f"Параметр «{param.name}» ({param.title}) отчёта «{definition.name}»"
    text = text.strip()
    if param.kind == "int":
        if not text.lstrip("-").isdigit():
            raise ServiceError(f"{where}: «{text}» — не целое число.")
        return int(text)
    if param.kind == "bool":
        if text.lower() not in ("1", "0", "да", "нет", "true", "false", "yes", "no"):
            raise ServiceError(f"{where}: ожидается да или нет, а не «{text}».")
        return text.lower() in ("1", "да", "true", "yes")
    if param.kind == "date":
        parsed = parse_date(text)
        if parsed is None:
            raise ServiceError(f"{where}: «{text}» — не дата (нужно дд.мм.гггг).")
        return parsed
    if param.kind == "choice" and param.choices is not None:
        options = param.choices()
        for value, label in options:
            if text in (value, label):
                return value
        allowed = ", ".join(f"«{label}»" for _, label in options[:50])
        raise ServiceError(f"{where}: нет значения «{text}» (допустимые: {allowed}).")
    return text


# ---------------------------------------------------------------- building and writing

def build(name: str, raw_params: dict[str, str], settings: config.Settings) -> Report:
    return build_in(name, raw_params, context(settings))


def build_in(name: str, raw_params: dict[str, str], ctx: ReportContext) -> Report:
    """Build with a context read beforehand (a worker thread must not read the settings)."""
    definition = get(name)
    params = parse_params(definition, raw_params)
    return ctx.dress(definition.build(params, ctx))


def write(report: Report, fmt: str, path: Path, settings: config.Settings,
          progress: Progress | None = None, cancelled: Cancelled | None = None) -> Path:
    return write_styled(report, fmt, path, style(settings), progress, cancelled)


def write_styled(report: Report, fmt: str, path: Path, report_style: ReportStyle,
                 progress: Progress | None = None, cancelled: Cancelled | None = None
                 ) -> Path:
    """Write with a style read beforehand (a worker thread must not read the settings)."""
    from imc_desktop.services.common import export_guard

    if fmt not in FORMATS:
        raise ServiceError(f"Неизвестный формат «{fmt}»: допустимы {', '.join(FORMATS)}.")
    export_guard.before_export(report)
    exports.write_report(report, path, fmt, report_style, progress=progress,
                         cancelled=cancelled)
    export_guard.after_export(report, fmt, path)
    return path


_KIND = {"text": "text", "int": "int", "number": "number", "money": "money", "date": "date",
         "bool": "text"}


def list_report(title: str, columns: Sequence[tuple[str, str, int]],
                rows: Sequence[Sequence[object]], settings: config.Settings,
                params_line: str = "") -> Report:
    """«Текущий список»: any list as the user sees it — (title, kind, width px) columns."""
    total_width = sum(w for _, _, w in columns) or 1
    report_columns = (ReportColumn("№", 0.45, kind="int"), *(
        ReportColumn(t, max(0.6, 12.0 * w / total_width), kind=_KIND.get(k, "text"))  # type: ignore[arg-type]
        for t, k, w in columns))
    cells = [(i, *(_cell(v) for v in row)) for i, row in enumerate(rows, 1)]
    table = ReportTable(report_columns, cells)
    return context(settings).dress(Report(title=title, params_line=params_line,
                                          tables=(table,)))


def _cell(value: object) -> exports.CellValue:
    if isinstance(value, bool):
        return "да" if value else "нет"
    if value is None or isinstance(value, str | int | float | date):
        return value
    return str(value)


def self_check(folder: Path, out: list[str]) -> list[str]:
    """Write every registered report in every format and read each file back."""
    from exports.fonts import find_cyrillic_font
    from imc_desktop.services.common.report_check import read_back

    settings = config.Settings(folder / "settings.ini")
    problems: list[str] = []
    try:
        font = find_cyrillic_font(style(settings).pdf_font_path)
        out.append(f"Шрифт PDF: {font.name} ({font.regular})")
    except exports.ExportError as exc:
        problems.append(str(exc))
    for definition in definitions():
        report = build(definition.name, {}, settings)
        for fmt in FORMATS:
            path = folder / f"{definition.name}.{fmt}"
            try:
                write(report, fmt, path, settings)
                read_back(path, report.title)
            except Exception as exc:  # every failure is reported, none stops the check
                problems.append(f"отчёт {definition.name} ({fmt}): {exc}")
    out.append(f"Отчёты: {len(definitions())} × {len(FORMATS)} формата записаны и прочитаны")
    return problems
