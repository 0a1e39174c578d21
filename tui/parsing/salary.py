"""Stated pay as figures: "$150k–$180k", "от 200 000 ₽", "€70,000 - €85,000 per year",
"60–80k EUR", "$45/hour" → low, high, currency, period.

The words (currencies, periods, "from"/"up to", multipliers, the usual period of a
currency) are data, per language: ``tui/data/salary.json``. Each figure's digits go to
`price-parser`, which knows "8.000,00", "200 000" and "1,5" apart; the rest is here.
Everything is compiled once, on first use.

The same module reads the value of a ``salary:`` query (``>=90k``, ``>=€90k``,
``<=120keur``, ``90k-120k``, ``unknown``), so both sides agree on what a figure means.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

from price_parser import Price

LETTER = r"[^\W\d_]"
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Pay:
    """Pay as stated: ``low``/``high`` per ``period`` (0: the posting leaves it open)."""

    low: int
    high: int
    currency: str  # ISO 4217, "" when the posting names none
    period: str  # hour, day, week, month or year


@dataclass(frozen=True, slots=True)
class SalaryBound:
    """A ``salary:`` clause: yearly pay from ``low`` to ``high`` (inclusive unless strict)
    in ``currency`` ("" for the catalog's usual one)."""

    low: float = 0.0
    high: float = math.inf
    currency: str = ""
    strict: bool = False  # > or <: the bound itself does not match


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    currencies: dict[str, str]
    currency: re.Pattern[str]
    period: re.Pattern[str]
    period_of: dict[str, str]
    opens_low: re.Pattern[str]
    opens_high: re.Pattern[str]
    figure: re.Pattern[str]
    multipliers: dict[str, int]
    default_period: dict[str, str]
    per_year: dict[str, int]
    guess_below: dict[str, int]


def _words(words: list[str]) -> str:
    """Whole words (not inside another word), longest first so "par an" beats "an"."""
    ordered = sorted(words, key=len, reverse=True)
    return rf"(?<!{LETTER})(?:{'|'.join(map(re.escape, ordered))})(?!{LETTER})"


@cache
def vocabulary() -> _Vocabulary:
    data = json.loads(resources.files("tui.data").joinpath("salary.json").read_text("utf-8"))
    period_of = {word.casefold(): period
                 for period, words in data["periods"].items() for word in words}
    multipliers = {key.casefold(): value for key, value in data["multipliers"].items()}
    scale = "|".join(map(re.escape, sorted(multipliers, key=len, reverse=True)))
    return _Vocabulary(
        currencies={key.casefold(): code for key, code in data["currencies"].items()},
        currency=re.compile(_words(list(data["currencies"])), re.IGNORECASE),
        period=re.compile(_words(list(period_of)), re.IGNORECASE),
        period_of=period_of,
        opens_low=re.compile(_words(data["from_words"]) + r"\W*$", re.IGNORECASE),
        opens_high=re.compile(_words(data["up_to_words"]) + r"\W*$", re.IGNORECASE),
        # Digits with , . or a space before a group of three; then maybe a multiplier that
        # is not the start of a word ("10 month" is ten, "10k" ten thousand).
        figure=re.compile(
            r"(?<![\w.,])(\d(?:[\d.,]*\d)?(?:[ \u00a0\u202f]\d{3}(?!\d))*)(?!\d)"
            rf"(?:\s?({scale})(?!{LETTER}))?(?!\s?%)",
            re.IGNORECASE),
        multipliers=multipliers,
        default_period=data["default_period"],
        per_year=data["per_year"],
        guess_below=data["guess_below"],
    )


def _amount(digits: str) -> Decimal | None:
    return Price.fromstring(digits).amount


def parse_salary(text: str) -> Pay | None:
    """The figures of a stated salary, or None when it has none."""
    words = vocabulary()
    figures: list[tuple[Decimal, int, int]] = []  # amount, multiplier, where it starts
    for match in words.figure.finditer(text):
        amount = _amount(match.group(1))
        if amount is None or amount <= 0:
            continue
        scale = words.multipliers.get((match.group(2) or "").casefold(), 1)
        figures.append((amount, scale, match.start()))
        if len(figures) == 2:
            break
    if not figures:
        return None
    (first, first_scale, start), *rest = figures
    if rest:
        second, second_scale, _ = rest[0]
        # "60–80k": a bare figure below a thousand takes the other figure's multiplier.
        if first_scale == 1 and second_scale > 1 and first < 1000:
            first_scale = second_scale
        if second_scale == 1 and first_scale > 1 and second < 1000:
            second_scale = first_scale
        low, high = sorted((int(first * first_scale), int(second * second_scale)))
    else:
        value = int(first * first_scale)
        before = text[:start]
        if words.opens_low.search(before):
            low, high = value, 0
        elif words.opens_high.search(before):
            low, high = 0, value
        else:
            low = high = value
    currency_match = words.currency.search(text)
    currency = words.currencies[currency_match.group().casefold()] if currency_match else ""
    period_match = words.period.search(text)
    if period_match:
        period = words.period_of[period_match.group().casefold()]
    else:
        period = words.default_period.get(currency, words.default_period["*"])
        top = max(low, high)
        if top < words.guess_below["hour"]:
            # "$60-80" is an hourly rate; a lone small figure with no period ("$15",
            # "R$28,00") is more often a perk, a price or a cut-off amount than pay.
            if not rest or period != "year":
                return None
            period = "hour"
        elif period == "year" and top < words.guess_below["month"]:
            period = "month"
    return Pay(low, high, currency, period)


def yearly(pay: Pay) -> tuple[float, float]:
    """``pay`` a year, as (low, high); a bound the posting leaves open is 0 or infinity."""
    factor = vocabulary().per_year.get(pay.period, 1)
    low = pay.low * factor if pay.low else 0.0
    high = pay.high * factor if pay.high else math.inf
    return float(low), float(high)


def currency_code(text: str) -> str:
    """The ISO code of a currency as a user might type it ("eur", "€", "usd"), or ""."""
    return vocabulary().currencies.get(text.strip().casefold(), "")


QUERY_FIGURE = re.compile(r"(\d[\d.,]*)\s*([a-zа-я]?)", re.IGNORECASE)
QUERY_VALUE = re.compile(
    r"(?P<op>>=|<=|>|<|=)?\s*(?P<before>[^\d\s]*)\s*(?P<low>\d[\d.,]*\s*[kmк]?)"
    r"(?:\s*(?:-|–|\.\.)\s*(?P=before)?\s*(?P<high>\d[\d.,]*\s*[kmк]?))?\s*(?P<after>\S*)",
    re.IGNORECASE)


def _query_figure(text: str) -> float | None:
    match = QUERY_FIGURE.fullmatch(text.strip())
    if match is None:
        return None
    amount = _amount(match.group(1))
    if amount is None:
        return None
    return float(amount) * vocabulary().multipliers.get(match.group(2).casefold(), 1)


def parse_salary_bound(value: str) -> SalaryBound | None:
    """A ``salary:`` value as a yearly range: ``>=90k``, ``>€90k``, ``<=120keur``,
    ``90k-120k`` (a bare figure means at least that); None when it is not one."""
    match = QUERY_VALUE.fullmatch(value.strip())
    if match is None:
        return None
    mark = (match["before"] or "") + (match["after"] or "")
    currency = currency_code(mark) if mark else ""
    if mark and not currency:
        return None
    low = _query_figure(match["low"])
    if low is None:
        return None
    if match["high"] is not None:
        high = _query_figure(match["high"])
        return None if high is None else SalaryBound(min(low, high), max(low, high), currency)
    op = match["op"] or ">="
    if op in (">=", "=", ">"):
        return SalaryBound(low=low, currency=currency, strict=op == ">")
    return SalaryBound(high=low, currency=currency, strict=op == "<")


def matches(bound: SalaryBound, low: float, high: float) -> bool:
    """Whether a posting paying ``low``…``high`` a year can meet ``bound``."""
    if bound.strict:
        return high > bound.low and low < bound.high
    return high >= bound.low and low <= bound.high
