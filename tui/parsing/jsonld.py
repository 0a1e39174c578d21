"""A web page's schema.org ``JobPosting``, read from its JSON-LD blocks.

Job pages (Greenhouse, Lever, Ashby, Workday, LinkedIn, company sites) embed the posting
as ``<script type="application/ld+json">`` for search engines. The page is parsed with
selectolax (already used for HTML bodies, :mod:`tui.parsing.html_text`) and each block
with :mod:`json`: extruct would add w3lib, rdflib-style dependencies and a second HTML
parser for the one format read here.

What is read is plain data, never executed: a block is at most ``MAX_BLOCK`` characters,
the search for the posting visits at most ``MAX_NODES`` values, and deep nesting (which
makes :func:`json.loads` recurse) is refused.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

MAX_BLOCK = 1_000_000  # characters of one JSON-LD block; real ones are under 100 kB
MAX_NODES = 5_000  # values visited looking for the JobPosting
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
UNITS = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
         "annual": "year", "yearly": "year", "monthly": "month", "hourly": "hour"}


@dataclass(frozen=True, slots=True)
class Salary:
    minimum: float | None = None
    maximum: float | None = None
    currency: str = ""
    unit: str = ""  # hour, day, week, month, year

    def text(self) -> str:
        """"USD 120,000–150,000 a year": how the salary line reads in a posting."""
        amounts = [f"{value:,.0f}" if value >= 100 else f"{value:g}"
                   for value in (self.minimum, self.maximum) if value is not None]
        if len(amounts) == 2 and amounts[0] == amounts[1]:
            amounts = amounts[:1]
        if not amounts:
            return ""
        words = [self.currency, "–".join(amounts)] if self.currency else ["–".join(amounts)]
        if self.unit:
            words.append(f"an {self.unit}" if self.unit == "hour" else f"a {self.unit}")
        return " ".join(words)


@dataclass(frozen=True, slots=True)
class JobPosting:
    """The fields of a ``JobPosting`` jobtui uses; "" / () / None where the page is silent."""

    title: str = ""
    company: str = ""
    addresses: tuple[str, ...] = ()  # "Berlin, BE, DE": locality, region, country
    telecommute: bool = False  # jobLocationType TELECOMMUTE
    remote_areas: tuple[str, ...] = ()  # applicantLocationRequirements, by name
    salary: Salary | None = None
    date_posted: str = ""  # ISO date
    valid_through: str = ""
    employment_type: str = ""  # "full time, contractor"
    url: str = ""
    direct_apply: bool | None = None
    description: str = ""  # HTML


def find_job_posting(tree: LexborHTMLParser) -> JobPosting | None:
    """The first ``JobPosting`` in the page's JSON-LD, or None."""
    for script in tree.css("script"):
        kind = (script.attributes.get("type") or "").strip().lower()
        if not kind.startswith("application/ld+json"):
            continue
        data = _load(script.text(deep=True, separator="", strip=False))
        found = _search(data)
        if found is not None:
            return _read(found)
    return None


def _load(text: str) -> Any:
    if not text.strip() or len(text) > MAX_BLOCK:
        return None
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    try:
        # strict=False: raw newlines inside strings are common in real blocks.
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None


def _is_job_posting(value: dict[str, Any]) -> bool:
    kinds = value.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind.rsplit("/", 1)[-1] == "JobPosting"
               for kind in kinds)


def _search(data: Any) -> dict[str, Any] | None:
    """Breadth first through lists, ``@graph`` and nested objects (``mainEntity``)."""
    pending, visited = [data], 0
    while pending and visited < MAX_NODES:
        value = pending.pop(0)
        visited += 1
        if isinstance(value, dict):
            if _is_job_posting(value):
                return value
            pending.extend(item for item in value.values() if isinstance(item, dict | list))
        elif isinstance(value, list):
            pending.extend(item for item in value if isinstance(item, dict | list))
    return None


def _text(value: Any) -> str:
    """A scalar, or an object's ``name`` (``{"@type": "Country", "name": "DE"}``), as text."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    if isinstance(value, list):
        return ", ".join(text for item in value if (text := _text(item)))
    if isinstance(value, bool) or value is None:
        return ""
    return " ".join(html.unescape(str(value)).split())


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _address(place: Any) -> str:
    if isinstance(place, str):
        return _text(place)
    if not isinstance(place, dict):
        return ""
    address = place.get("address", place)
    if isinstance(address, str | list):
        return _text(address)
    if not isinstance(address, dict):
        return ""
    parts = [_text(address.get(key)) for key in
             ("addressLocality", "addressRegion", "addressCountry")]
    parts = [part for part in parts if part]
    return ", ".join(dict.fromkeys(parts)) or _text(place.get("name"))


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        cleaned = re.sub(r"[^\d.]", "", value.replace(",", ""))
        try:
            return float(cleaned) if cleaned else None
        except ValueError:
            return None
    return None


def _salary(value: Any) -> Salary | None:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, dict)), None)
    if not isinstance(value, dict):
        return None
    amount = value.get("value")
    unit = ""
    if isinstance(amount, dict):
        unit = _text(amount.get("unitText"))
        low = _number(amount.get("minValue"))
        high = _number(amount.get("maxValue"))
        if low is None and high is None:
            low = high = _number(amount.get("value"))
    else:
        low = high = _number(amount)
    if low is None and high is None:
        return None
    currency = _text(value.get("currency")).upper()[:3]
    return Salary(low, high, currency, UNITS.get(unit.lower(), ""))


def _date(value: Any) -> str:
    text = _text(value)
    return text[:10] if DATE.match(text) else ""


def _read(posting: dict[str, Any]) -> JobPosting:
    organization = posting.get("hiringOrganization")
    kinds = " ".join(_text(kind) for kind in _items(posting.get("jobLocationType"))).upper()
    direct = posting.get("directApply")
    employment = [_text(kind).replace("_", " ").replace("-", " ").lower()
                  for kind in _items(posting.get("employmentType"))]
    description = posting.get("description")
    return JobPosting(
        title=_text(posting.get("title") or posting.get("name")),
        company=_text(organization),
        addresses=tuple(address for place in _items(posting.get("jobLocation"))
                        if (address := _address(place))),
        telecommute="TELECOMMUTE" in kinds,
        remote_areas=tuple(name for area in _items(posting.get("applicantLocationRequirements"))
                           if (name := _text(area))),
        salary=_salary(posting.get("baseSalary")),
        date_posted=_date(posting.get("datePosted")),
        valid_through=_date(posting.get("validThrough")),
        employment_type=", ".join(kind for kind in employment if kind)[:60],
        url=_text(posting.get("url")),
        direct_apply=direct if isinstance(direct, bool) else None,
        description=description if isinstance(description, str) else "",
    )
