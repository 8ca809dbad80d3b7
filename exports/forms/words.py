"""Sums and counts in words, as the forms write them: «Одна тысяча двести рублей 50 копеек»."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from num2words import (
    lang_RU,  # noqa: F401  (imported by name at run time: bundle it)
    num2words,
)


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian form of a noun after ``n``: 1 рубль, 2 рубля, 5 рублей, 11 рублей."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def number_in_words(n: int, feminine: bool = False) -> str:
    """«двадцать одна» (feminine: штука, единица) or «двадцать один»."""
    text: str = num2words(n, lang="ru")
    if feminine:
        words = text.split()
        last = {"один": "одна", "два": "две"}.get(words[-1], words[-1])
        text = " ".join([*words[:-1], last])
    return text


def count_in_words(n: int) -> str:
    """«5 (пять)» — a count of lines or units for the «Итого по странице» lines."""
    return f"{n} ({number_in_words(n)})"


def rubles_in_words(amount: float | Decimal) -> str:
    """«Одна тысяча двести тридцать четыре рубля 50 копеек»: roubles in words (capital
    first letter), kopecks in figures."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    rubles = int(value)
    kopecks = int((value - rubles) * 100)
    words = number_in_words(rubles)
    words = words[0].upper() + words[1:]
    return (f"{words} {plural(rubles, 'рубль', 'рубля', 'рублей')} {kopecks:02d} "
            f"{plural(kopecks, 'копейка', 'копейки', 'копеек')}")
