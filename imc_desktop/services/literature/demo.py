"""Demo literature: a catalogue of a few hundred titles, pupils by grade of every school and a
year of posted documents (receipts, issues to schools, transfers, returns, write-offs) that
never take a balance below zero, plus two drafts."""

from __future__ import annotations

import random
from datetime import date, timedelta

from models import (
    LiteratureDocument,
    LiteratureLine,
    LiteratureTitle,
    Organization,
    OrganizationGradePupils,
)
from models.base import new_id
from models.literature import ISSUE, RECEIPT, RETURN, TITLE_KINDS, TRANSFER, WRITE_OFF

#: subject: (first grade, last grade, grades per book, authors of alternative lines)
SUBJECTS: dict[str, tuple[int, int, int, tuple[str, ...]]] = {
    "Русский язык": (1, 11, 1, ("Канакина В.П., Горецкий В.Г.", "Ладыженская Т.А., Баранов М.Т.",
                                "Гольцова Н.Г.")),
    "Литературное чтение": (1, 4, 1, ("Климанова Л.Ф., Горецкий В.Г.",)),
    "Математика": (1, 6, 1, ("Моро М.И., Волкова С.И.", "Виленкин Н.Я., Жохов В.И.",
                             "Мерзляк А.Г., Полонский В.Б.")),
    "Окружающий мир": (1, 4, 1, ("Плешаков А.А.",)),
    "Литература": (5, 11, 1, ("Коровина В.Я., Журавлёв В.П.", "Лебедев Ю.В.")),
    "Алгебра": (7, 11, 1, ("Макарычев Ю.Н., Миндюк Н.Г.", "Алимов Ш.А., Колягин Ю.М.")),
    "Геометрия": (7, 11, 3, ("Атанасян Л.С., Бутузов В.Ф.",)),
    "Информатика": (7, 11, 1, ("Босова Л.Л., Босова А.Ю.", "Семакин И.Г.")),
    "История": (5, 11, 1, ("Вигасин А.А., Годер Г.И.", "Арсентьев Н.М., Данилов А.А.",
                           "Мединский В.Р., Торкунов А.В.")),
    "Обществознание": (6, 11, 1, ("Боголюбов Л.Н., Иванова Л.Ф.",)),
    "География": (5, 11, 2, ("Алексеев А.И., Николина В.В.",)),
    "Биология": (5, 11, 1, ("Пасечник В.В., Суматохин С.В.",)),
    "Физика": (7, 11, 1, ("Пёрышкин А.В.", "Мякишев Г.Я., Буховцев Б.Б.")),
    "Химия": (8, 11, 1, ("Габриелян О.С.", "Рудзитис Г.Е., Фельдман Ф.Г.")),
    "Английский язык": (2, 11, 1, ("Быкова Н.И., Дули Д.", "Ваулина Ю.Е., Дули Д.")),
    "Основы безопасности и защиты Родины": (10, 11, 2, ("Хренников Б.О., Гололобов Н.В.",)),
    "Изобразительное искусство": (1, 7, 1, ("Неменская Л.А.",)),
    "Музыка": (1, 8, 1, ("Критская Е.Д., Сергеева Г.П.",)),
    "Труд (технология)": (1, 9, 1, ("Лутцева Е.А., Зуева Т.П.", "Глозман Е.С.")),
}
PUBLISHERS = ("Просвещение", "Просвещение", "Просвещение", "Дрофа", "Вентана-Граф", "БИНОМ",
              "Русское слово")
SUPPLIERS = ("АО «Издательство «Просвещение»", "ООО «Книжный дом — Тюмень»",
             "ООО «Образовательные решения»")
METHODICAL = ("Методические рекомендации к урокам: {s}", "Поурочные разработки: {s}",
              "Контрольно-измерительные материалы: {s}", "Рабочая программа: {s}")


def isbn13(rng: random.Random) -> str:
    body = "978509" + "".join(str(rng.randint(0, 9)) for _ in range(6))
    check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    return f"{body[:3]}-{body[3]}-{body[4:6]}-{body[6:12]}-{check}"


def _textbooks(rng: random.Random, today: date) -> list[LiteratureTitle]:
    titles = []
    for n, (subject, (first, last, span, authors)) in enumerate(SUBJECTS.items(), 1):
        for line, author in enumerate(authors, 1):
            for grade in range(first, last + 1, span):
                upper = min(grade + span - 1, last)
                grades = f"{grade}–{upper}" if upper > grade else str(grade)
                excluded = rng.random() < 0.08
                titles.append(LiteratureTitle(
                    kind=TITLE_KINDS[0], authors=author, subject=subject,
                    title=f"{subject}. {grades} класс", grade_from=grade, grade_to=upper,
                    publisher=rng.choice(PUBLISHERS), year=rng.randint(today.year - 5,
                                                                      today.year - 1),
                    isbn=isbn13(rng), fpu_number=f"1.1.{n}.{line}.{grade}.1",
                    level="базовый", fpu_status="исключён" if excluded else "в перечне",
                    use_until=date(today.year + rng.randint(-1, 1), 8, 31) if excluded else None,
                    price_kopecks=rng.randint(350, 950) * 100 + rng.choice((0, 50, 90))))
                if excluded:
                    until = titles[-1].use_until
                    assert until is not None
                    titles[-1].excluded_on = date(until.year - 5, 9, 1)
    return titles


def _exclude_one_in_use(needs: dict[str, list[tuple[LiteratureTitle, int]]],
                        today: date) -> None:
    """A textbook a school still holds, excluded from the ФПУ over 5 years ago without a
    «use until» date: it is past its last day and red in the balances."""
    for lines in needs.values():
        for t, quantity in lines:
            if quantity:
                t.fpu_status, t.use_until = "исключён", None
                t.excluded_on = date(today.year - 6, 9, 1)
                return


def _others(rng: random.Random, today: date) -> list[LiteratureTitle]:
    titles = []
    for subject in SUBJECTS:
        for pattern in rng.sample(METHODICAL, 2):
            kind = TITLE_KINDS[3] if pattern.startswith("Рабочая") else TITLE_KINDS[2]
            titles.append(LiteratureTitle(
                kind=kind, authors=rng.choice(SUBJECTS[subject][3]), subject=subject,
                title=pattern.format(s=subject.lower()), publisher=rng.choice(PUBLISHERS),
                year=rng.randint(today.year - 6, today.year), isbn=isbn13(rng),
                price_kopecks=rng.randint(200, 600) * 100))
        titles.append(LiteratureTitle(
            kind=TITLE_KINDS[1], authors=rng.choice(SUBJECTS[subject][3]), subject=subject,
            title=f"{subject}. Рабочая тетрадь", publisher=rng.choice(PUBLISHERS),
            year=today.year - 1, isbn=isbn13(rng), price_kopecks=rng.randint(150, 300) * 100))
    for name in ("Вестник образования", "Методист", "Народное образование"):
        titles.append(LiteratureTitle(kind=TITLE_KINDS[4], title=f"Журнал «{name}»",
                                      year=today.year, price_kopecks=45000))
    titles.append(LiteratureTitle(kind=TITLE_KINDS[5], title="Электронная библиотека "
                                  "учителя", year=today.year, price_kopecks=0))
    return titles


def _pupils(rng: random.Random, school: Organization) -> dict[int, int]:
    """Pupils by grade that add up to the pupils on the school's card (fewer in 10–11)."""
    last = 9 if "ООШ" in school.short_name else 11
    if not school.pupils:
        school.pupils = 100
    weights = {g: rng.uniform(0.8, 1.15) * (0.6 if g > 9 else 1) for g in range(1, last + 1)}
    return split_by_weight(school.pupils, weights)


def split_by_weight(total: int, weights: dict[int, float]) -> dict[int, int]:
    """``total`` split in proportion to ``weights``, in whole numbers that add up to it
    (largest remainders first), at least 1 each while there are enough."""
    scale = sum(weights.values())
    exact = {k: total * w / scale for k, w in weights.items()}
    parts = {k: max(1, int(x)) if total >= len(weights) else int(x) for k, x in exact.items()}
    by_remainder = sorted(exact, key=lambda k: exact[k] - int(exact[k]), reverse=True)
    while sum(parts.values()) < total:
        for k in by_remainder:
            if sum(parts.values()) == total:
                break
            parts[k] += 1
    while sum(parts.values()) > total:
        k = max((k for k in parts if parts[k] > 1), key=lambda k: parts[k] - exact[k])
        parts[k] -= 1
    return parts


class _Ledger:
    """Balances as the demo writes documents, so that none goes below zero."""

    def __init__(self) -> None:
        self.held: dict[tuple[str, str | None], int] = {}
        self.documents: list[LiteratureDocument] = []
        self.numbers: dict[str, int] = {}
        self.titles: dict[str, LiteratureTitle] = {}

    def document(self, kind: str, day: date, lines: list[tuple[LiteratureTitle, int]],
                 src: str | None = None, dst: str | None = None, posted: bool = True,
                 **header: object) -> LiteratureDocument | None:
        lines = [(t, q) for t, q in lines if q > 0]
        if not lines:
            return None
        self.numbers[kind] = self.numbers.get(kind, 0) + 1
        doc = LiteratureDocument(id=new_id(), kind=kind, number=str(self.numbers[kind]),
                                 doc_date=day, from_org_id=src, to_org_id=dst, posted=posted,
                                 **header)
        doc.lines = [LiteratureLine(title_id=t.id, quantity=q, price_kopecks=t.price_kopecks,
                                    position=i) for i, (t, q) in enumerate(lines, 1)]
        self.titles.update((t.id, t) for t, _q in lines)
        if posted:
            for t, q in lines:
                if kind != RECEIPT:
                    self.held[(t.id, src)] = self.held.get((t.id, src), 0) - q
                if kind != WRITE_OFF:
                    self.held[(t.id, dst)] = self.held.get((t.id, dst), 0) + q
        self.documents.append(doc)
        return doc

    def has(self, title: LiteratureTitle, holder: str | None) -> int:
        return self.held.get((title.id, holder), 0)


def _slots(textbooks: list[LiteratureTitle]) -> dict[tuple[str, int], list[LiteratureTitle]]:
    by_slot: dict[tuple[str, int], list[LiteratureTitle]] = {}
    for t in textbooks:
        by_slot.setdefault((t.subject, t.grade_from or 0), []).append(t)
    return by_slot


def _needs(rng: random.Random, schools: list[Organization], pupils: dict[str, dict[int, int]],
           by_slot: dict[tuple[str, int], list[LiteratureTitle]]
           ) -> dict[str, list[tuple[LiteratureTitle, int]]]:
    needs: dict[str, list[tuple[LiteratureTitle, int]]] = {}
    for school in schools:
        grades = pupils[school.id]
        for (_subject, _grade), options in by_slot.items():
            t = rng.choice(options)
            need = sum(grades.get(g, 0) for g in range(t.grade_from or 0, (t.grade_to or 0) + 1))
            if need:
                needs.setdefault(school.id, []).append(
                    (t, max(0, int(need * rng.uniform(0.85, 1.1)))))
    return needs


def demo_literature(rng: random.Random, orgs: list[Organization], today: date
                    ) -> list[object]:
    """The rows to add (after the ОО are flushed, so that they have ids)."""
    textbooks = _textbooks(rng, today)
    others = _others(rng, today)
    for t in (*textbooks, *others):
        t.id = new_id()
    schools = [o for o in orgs if o.kind == "школа"]
    pupils = {s.id: _pupils(rng, s) for s in schools}
    rows: list[object] = [*textbooks, *others, *(
        OrganizationGradePupils(organization_id=s, grade=g, pupils=n)
        for s, grades in pupils.items() for g, n in grades.items())]
    needs = _needs(rng, schools, pupils, _slots(textbooks))
    _exclude_one_in_use(needs, today)
    ledger = _Ledger()
    _year(rng, ledger, schools, needs, others, today)
    return [*rows, *ledger.documents]


def _year(rng: random.Random, ledger: _Ledger, schools: list[Organization],
          needs: dict[str, list[tuple[LiteratureTitle, int]]], others: list[LiteratureTitle],
          today: date) -> None:
    start = date(today.year - (1 if today.month >= 7 else 2), 7, 1)  # the last school year
    wanted: dict[str, tuple[LiteratureTitle, int]] = {}
    for lines in needs.values():
        for t, q in lines:
            wanted[t.id] = (t, wanted.get(t.id, (t, 0))[1] + q)
    titles = sorted(wanted.values(), key=lambda x: x[0].subject)
    parts = [titles[i::3] for i in range(3)]
    for i, part in enumerate(parts):
        ledger.document(RECEIPT, start + timedelta(days=i * 4), [
            (t, int(q * 1.1) + 5) for t, q in part], supplier=SUPPLIERS[i],
            supplier_doc_number=str(rng.randint(100, 999)),
            supplier_doc_date=start + timedelta(days=i * 4 - 2))
    ledger.document(RECEIPT, start + timedelta(days=20), [(t, rng.randint(2, 6))
                                                          for t in others],
                    supplier=SUPPLIERS[1], supplier_doc_number=str(rng.randint(100, 999)))
    for n, school in enumerate(schools):
        ledger.document(ISSUE, start + timedelta(days=25 + n // 4), [
            (t, min(q, ledger.has(t, None))) for t, q in needs.get(school.id, [])],
            dst=school.id)
    _during_year(rng, ledger, schools, start, today)


def _during_year(rng: random.Random, ledger: _Ledger, schools: list[Organization],
                 start: date, today: date) -> None:
    held = [(tid, h) for (tid, h), q in ledger.held.items() if h and q > 5]
    by_id = ledger.titles
    lent = []
    for k in range(8):
        tid, src = rng.choice(held)
        dst = rng.choice([s.id for s in schools if s.id != src])
        day = start + timedelta(days=60 + k * 20)
        doc = ledger.document(TRANSFER, day, [(by_id[tid], min(5, ledger.has(by_id[tid], src)))],
                              src=src, dst=dst, return_by=day + timedelta(days=90),
                              notes="Временная передача из обменного фонда")
        if doc is not None and k % 3:
            lent.append(doc)
    for k, doc in enumerate(lent):  # most come back in spring, the rest are overdue
        ledger.document(TRANSFER, start + timedelta(days=240 + k * 4), [
            (by_id[x.title_id], x.quantity) for x in doc.lines], src=doc.to_org_id,
            dst=doc.from_org_id, return_of_id=doc.id,
            notes=f"Возврат по документу «передача» № {doc.number}")
    for k in range(5):
        tid, src = rng.choice(held)
        ledger.document(RETURN, start + timedelta(days=300 + k * 5), [
            (by_id[tid], min(rng.randint(1, 4), ledger.has(by_id[tid], src)))], src=src)
    for k, reason in enumerate(("ветхость", "утеря обучающимися", "исключение из ФПУ")):
        tid, src = rng.choice(held)
        ledger.document(WRITE_OFF, start + timedelta(days=330 + k * 10), [
            (by_id[tid], min(rng.randint(3, 12), ledger.has(by_id[tid], src)))], src=src,
            reason=reason,
            act_number=f"{k + 1}-с")
    draft = by_id[rng.choice(sorted(by_id))]
    ledger.document(ISSUE, today, [(draft, 3)], dst=schools[0].id, posted=False)
    ledger.document(RECEIPT, today, [(draft, 10)], supplier=SUPPLIERS[0], posted=False)
