"""The returned blanks: each file is matched to its ОО (by the blank's hidden sheet, else by
its name), checked against the collection's template with the shared import engine, and the
good ones are written in one transaction; a bad file changes nothing and gets a Russian
message naming the file, the row and the column."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exports.collection_blank import DATA_SHEET, META_SHEET, PROGRAM_MARK, read_meta
from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.importers import (
    ImportFailed,
    ImportField,
    ImportKind,
    ImportOptions,
    ImportRow,
    ImportSummary,
    column_letter,
    find_sheet,
    normalise,
    prepare,
    read_header,
)
from imc_desktop.importers.mapping import assign
from imc_desktop.importers.reading import opened
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.requests import records, rules
from imc_desktop.services.requests.records import AnswerRow, CollectionData
from models import CollectionAnswer

Progress = Callable[[int, int], None]
_ENGINE_KINDS = {"text": "text", "number": "number", "date": "date", "choice": "choice",
                 "bool": "bool"}
ORG_FIELD = "_org"
MAX_MESSAGES_PER_FILE = 20


class FileRejected(Exception):
    """The file is not taken; the messages say why (each names the file)."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = tuple(messages)
        super().__init__("\n".join(self.messages))


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    organization: str = ""
    rows: int = 0
    messages: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.messages


@dataclass(frozen=True)
class ReadResult:
    files: tuple[FileOutcome, ...]

    @property
    def accepted(self) -> tuple[FileOutcome, ...]:
        return tuple(f for f in self.files if f.ok)

    @property
    def rejected(self) -> tuple[FileOutcome, ...]:
        return tuple(f for f in self.files if not f.ok)

    def messages(self) -> list[str]:
        return [m for f in self.rejected for m in f.messages]


def _never(_rows: list[ImportRow], _options: ImportOptions) -> ImportSummary:
    raise AssertionError("a returned blank is written by its collection, not by the engine")


def template_kind(collection: CollectionData) -> ImportKind:
    """The collection's table as an import kind of the shared engine."""
    lead = (ImportField(ORG_FIELD, rules.ORG_COLUMN),) if collection.mode == "row" else ()
    fields = tuple(ImportField(f"c{n}", c.title, _ENGINE_KINDS[c.kind],  # type: ignore[arg-type]
                               choices=c.choices if c.kind == "choice" else ())
                   for n, c in enumerate(collection.columns))
    return ImportKind(f"collection:{collection.id}", collection.title, (*lead, *fields),
                      apply=_never)


@dataclass
class _Context:
    collection: CollectionData
    answers: dict[str, AnswerRow]
    org_names: dict[str, str]  # id -> short name (every ОО of the directory)
    by_name: dict[str, str]  # normalised short name -> id
    kind: ImportKind


def _context(collection_id: str) -> _Context:
    collection = records.get_collection(collection_id)
    answers = {a.organization_id: a for a in records.answers(collection_id)}
    names = dict(orgs.organization_choices())
    by_name = {normalise(n): i for i, n in names.items()}
    return _Context(collection, answers, names, by_name, template_kind(collection))


def read_returned(collection_id: str, paths: Sequence[Path],
                  progress: Progress | None = None) -> ReadResult:
    """Check every file; write the answers of the good ones in one transaction."""
    ctx = _context(collection_id)
    outcomes: list[FileOutcome] = []
    taken: dict[str, tuple[Path, list[dict[str, Any]]]] = {}
    for done, path in enumerate(paths):
        if progress is not None:
            progress(done, len(paths))
        try:
            org_id, rows = _check_file(Path(path), ctx)
            if org_id in taken:
                raise FileRejected([f"Файл «{Path(path).name}»: ответ ОО "
                                    f"«{ctx.org_names[org_id]}» уже есть среди выбранных "
                                    f"файлов («{taken[org_id][0].name}»); взят первый."])
            taken[org_id] = (Path(path), rows)
            outcomes.append(FileOutcome(Path(path), ctx.org_names[org_id], len(rows)))
        except FileRejected as exc:
            outcomes.append(FileOutcome(Path(path), messages=exc.messages))
    _write(collection_id, taken)
    if progress is not None:
        progress(len(paths), len(paths))
    return ReadResult(tuple(outcomes))


def _write(collection_id: str, taken: dict[str, tuple[Path, list[dict[str, Any]]]]) -> None:
    if not taken:
        return
    with session_scope() as s:
        for answer in s.query(CollectionAnswer).filter(
                CollectionAnswer.collection_id == collection_id,
                CollectionAnswer.organization_id.in_(list(taken))):
            path, rows = taken[answer.organization_id]
            answer.status, answer.received_on = rules.RECEIVED, clock.today()
            answer.file_path = str(path.resolve())
            answer.data = json.dumps(rows, ensure_ascii=False)


def _check_file(path: Path, ctx: _Context) -> tuple[str, list[dict[str, Any]]]:
    name = path.name
    try:
        with opened(path) as book:
            sheets = list(book.book.sheetnames)
            meta = read_meta(book.book[META_SHEET]) if META_SHEET in sheets else {}
    except ImportFailed as exc:
        raise FileRejected([str(exc)]) from exc
    if meta.get("program") == PROGRAM_MARK:
        org_id = _from_meta(name, meta, ctx)
    else:
        org_id = _from_name(name, ctx)
    _check_addressed(name, org_id, ctx)
    rows = _table(path, DATA_SHEET if DATA_SHEET in sheets else None, ctx, org_id)
    return org_id, rows


def _from_meta(name: str, meta: dict[str, str], ctx: _Context) -> str:
    collection = ctx.collection
    if meta.get("collection") != collection.id:
        other = _collection_title(meta.get("collection", ""))
        which = f"сбора «{other}»" if other and other != collection.title else (
            "другого сбора данных с тем же названием" if other else "другого сбора данных")
        raise FileRejected([f"Файл «{name}»: это бланк {which}, а не «{collection.title}»."])
    org_id = meta.get("organization", "")
    named = rules.organization_from_name(name, collection.title)
    named_id = ctx.by_name.get(normalise(named)) if named else None
    if named_id is not None and named_id != org_id:
        raise FileRejected([f"Файл «{name}»: назван по ОО «{ctx.org_names[named_id]}», но это "
                            f"бланк другой ОО — «{ctx.org_names.get(org_id, 'неизвестной')}». "
                            "Проверьте, что ОО прислала свой файл."])
    version = int(meta.get("version") or 0)
    if version != collection.template_version:
        raise FileRejected([f"Файл «{name}»: бланк старой версии шаблона (версия {version}, "
                            f"действует {collection.template_version}) — столбцы с тех пор "
                            "изменились. Отправьте ОО новый бланк."])
    return org_id


def _collection_title(collection_id: str) -> str:
    if not collection_id:
        return ""
    try:
        return records.get_collection(collection_id).title
    except Exception:  # noqa: BLE001 — a collection of another database: not known here
        return ""


def _from_name(name: str, ctx: _Context) -> str:
    named = rules.organization_from_name(name, ctx.collection.title)
    org_id = ctx.by_name.get(normalise(named)) if named else None
    if org_id is None:
        raise FileRejected([
            f"Файл «{name}»: не удалось определить ОО — в файле нет служебного листа бланка, "
            f"а имя файла не вида «{rules.blank_name(ctx.collection.title, 'ОО')}» "
            "с кратким наименованием ОО из справочника."])
    return org_id


def _check_addressed(name: str, org_id: str, ctx: _Context) -> None:
    answer = ctx.answers.get(org_id)
    org = ctx.org_names.get(org_id, "неизвестная ОО")
    if answer is None:
        raise FileRejected([f"Файл «{name}»: бланк ОО «{org}», которой этот сбор данных "
                            "не направлялся."])
    if answer.status == rules.ACCEPTED:
        raise FileRejected([f"Файл «{name}»: ответ ОО «{org}» уже принят; чтобы заменить его, "
                            "сначала верните ответ на доработку."])


def _table(path: Path, sheet: str | None, ctx: _Context, org_id: str) -> list[dict[str, Any]]:
    name, kind = path.name, ctx.kind
    try:
        header = read_header(path, sheet, kind) if sheet else find_sheet(path, kind)
        mapping = {col: field for col, (field, score) in assign(header.headers, kind).items()
                   if score == 3}
        missing = [f.title for f in kind.fields if f.name not in mapping.values()]
        if missing:
            raise FileRejected([f"Файл «{name}», лист «{header.sheet}»: нет столбца "
                                f"«{title}» (строка заголовков {header.header_row})."
                                for title in missing])
        preview = prepare(path, header.sheet, kind, mapping)
    except ImportFailed as exc:
        raise FileRejected([f"Файл «{name}»: {exc}"]) from exc
    letters = {kind.title_of(f): column_letter(c) for c, f in mapping.items()}
    problems = [f"Файл «{name}», строка {p.row}, столбец «{p.field}»"
                f"{' (' + letters[p.field] + ')' if p.field in letters else ''}: {p.message}"
                for p in preview.problems()]
    problems += _org_cell_problems(name, preview.rows, ctx, org_id)
    if problems:
        more = len(problems) - MAX_MESSAGES_PER_FILE
        tail = [f"Файл «{name}»: и ещё ошибок: {more}."] if more > 0 else []
        raise FileRejected(problems[:MAX_MESSAGES_PER_FILE] + tail)
    titles = {f.name: f.title for f in kind.fields if f.name != ORG_FIELD}
    return [{titles[k]: rules.json_value(v) for k, v in r.values.items() if k in titles}
            for r in preview.rows]


def _org_cell_problems(name: str, rows: Sequence[ImportRow], ctx: _Context,
                       org_id: str) -> list[str]:
    """In a row per ОО, the ОО's own name in its row: another name is another school's."""
    if ctx.collection.mode != "row":
        return []
    expected = ctx.org_names.get(org_id, "")
    if not rows:
        return [f"Файл «{name}»: в таблице нет строки с данными ОО «{expected}»."]
    problems = []
    for r in rows:
        written = str(r.values.get(ORG_FIELD) or "").strip()
        if not written:
            problems.append(f"Файл «{name}», строка {r.row}: лишняя строка — в бланке "
                            f"«строка на ОО» заполняется одна строка, строка ОО «{expected}».")
        elif normalise(written) != normalise(expected):
            problems.append(f"Файл «{name}», строка {r.row}: в столбце «{rules.ORG_COLUMN}» "
                            f"записана «{written}», а бланк выдан ОО «{expected}».")
    return problems
