"""YAML and TOML front matter, read with loaders that cannot be abused, and its fields.

TOML (``+++`` fences, or TOML written between ``---`` fences, as some static-site
generators allow) is read with the stdlib's tomllib. Which key holds which field
(``companyName``, ``hiringOrganization: {name: …}``, ``applyUrl``…) is data:
``tui/data/front_matter_keys.json``, read by :func:`meta_text`.

YAML is read with python-frontmatter and a loader that cannot be abused.

The loader is PyYAML's *safe* loader with two guards: aliases are refused (a
few hundred bytes of "billion laughs" anchors expand to gigabytes), and
nesting deeper than a real posting would ever need is refused before YAML
sees it (very deep nesting crashes the C loader, uncatchably). The C loader
(libyaml) reads ~10x faster than the pure-Python one (0.06 ms against 0.66 ms
for a real posting's front matter), so it is used whenever a cheap upper bound
on the nesting depth is small; anything else goes to the pure loader. Scalars come
back as the text that was written: ``1.10`` stays "1.10", ``2026-11-01`` a
string, ``yes`` "yes" (a company called "Yes" is not ``True``); :func:`flag`
reads a yes/no field such as ``remote``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any, ClassVar

import frontmatter
import yaml

MAX_FRONT_MATTER = 64 * 1024
MAX_DEPTH = 20
OPENING = re.compile(r"\A-{3,}[ \t]*\n")
TOML_OPENING = re.compile(r"\A\+{3}[ \t]*\n")
TOML_CLOSING = re.compile(r"^\+{3}[ \t]*$", re.MULTILINE)
# A first line "key = value" (not "key: value"): TOML, whatever the fences.
TOML_FIRST_LINE = re.compile(r"\A-{3,}[ \t]*\n\s*[\w.\"-]+\s*=\s*\S")
KEY_FOLD = re.compile(r"[\s_.-]+")


class _NoAliasLoader(yaml.SafeLoader):
    """Safe loading, no aliases, and scalars kept as written ("1.10" stays "1.10")."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {
        first: [
            (tag, pattern) for tag, pattern in resolvers
            if tag not in {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                           "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("YAML aliases are not allowed in front matter")
        return super().compose_node(parent, index)


_CLoader: type | None = getattr(yaml, "CSafeLoader", None)


class _CNoAliasLoader(*(() if _CLoader is None else (_CLoader,))):  # type: ignore[misc]
    """The same rules on libyaml's parser. Its composer is C, so aliases are caught at
    construction: an alias is a node constructed a second time."""

    yaml_implicit_resolvers = _NoAliasLoader.yaml_implicit_resolvers

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.YAMLError("YAML aliases are not allowed in front matter")
        return super().construct_object(node, deep)


# Block indicators that open a nested collection on the same line ("- - - x", "? ? k").
LEADING_INDICATORS = re.compile(r"^[ \t]*((?:[-?:][ \t]+)+)", re.MULTILINE)


class GuardedYAMLHandler(frontmatter.YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        if len(fm) > MAX_FRONT_MATTER:
            raise ValueError("front matter is too large")
        indents = _indent_levels(fm)
        brackets = fm.count("[") + fm.count("{")
        if brackets + indents > MAX_DEPTH and _bracket_depth(fm) + indents > MAX_DEPTH:
            raise ValueError("front matter is nested too deeply")
        if _CLoader is not None and brackets + indents + _indicator_run(fm) <= MAX_DEPTH:
            return _load_c(fm)
        return yaml.load(fm, Loader=_NoAliasLoader)


def _load_c(fm: str) -> Any:
    """``yaml.load(fm, Loader=_CNoAliasLoader)``, with the usual shapes (text, lists and
    tables of text, no tags, anchors or merge keys) built straight from libyaml's nodes:
    PyYAML's constructor, in Python, was ~40 % of reading a real posting's front matter."""
    loader = _CNoAliasLoader(fm)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _plain_node(node, set())
        except _Unusual:
            return loader.construct_document(node)  # the constructor decides, or refuses
    finally:
        loader.dispose()


class _Unusual(Exception):
    """A node :func:`_plain_node` leaves to PyYAML's constructor."""


STR_TAG, NULL_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
SEQ_TAG, MAP_TAG = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _plain_node(node: yaml.Node, seen: set[int]) -> Any:
    """What the safe constructor builds from ``node`` when it holds only text, nulls,
    lists and tables (implicit tags); anything else, or a node met twice (an alias, which
    the loader refuses), raises :class:`_Unusual`."""
    if id(node) in seen:
        raise _Unusual
    seen.add(id(node))
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == STR_TAG:
            return node.value
        if tag == NULL_TAG:
            return None
    elif isinstance(node, yaml.SequenceNode) and tag == SEQ_TAG:
        return [_plain_node(item, seen) for item in node.value]
    elif isinstance(node, yaml.MappingNode) and tag == MAP_TAG:
        table = {}
        for key_node, value_node in node.value:
            key = _plain_node(key_node, seen)  # a merge ("<<") or value ("=") key: unusual
            if not isinstance(key, str | None):
                raise _Unusual  # a list or table as a key: the constructor's error
            table[key] = _plain_node(value_node, seen)
        return table
    raise _Unusual


def _indent_levels(text: str) -> int:
    return len({len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()})


def _indicator_run(text: str) -> int:
    return max((len(run.split()) for run in LEADING_INDICATORS.findall(text)), default=0)


def _bracket_depth(text: str) -> int:
    """The deepest nesting of flow brackets (an upper bound: quotes are not skipped)."""
    deepest = depth = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest


def plain(value: Any, depth: int = 0) -> Any:
    """A YAML value as JSON-safe data: str, bool, list or dict of those."""
    if depth > MAX_DEPTH:
        return ""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):  # !!binary
        return value.decode("utf-8", errors="replace")
    if isinstance(value, list | tuple | set):
        return [plain(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item, depth + 1) for key, item in value.items()}
    return str(value)


YES = frozenset({"y", "yes", "true", "on"})
NO = frozenset({"n", "no", "false", "off", "none", "null", "~", ""})


def flag(value: Any) -> bool | None:
    """A yes/no field as written in YAML 1.1 (``yes``, ``true``, ``on``…); None when it
    is neither (then it is text, such as a remote scope: ``remote: EU``)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if value is not None else ""
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    """``(metadata, body, warning)``. Broken front matter is dropped with a warning,
    never rendered: the body is what follows it."""
    if TOML_OPENING.match(text):
        return _split_toml(text, TOML_CLOSING)
    if not OPENING.match(text):
        return {}, text, None
    if TOML_FIRST_LINE.match(text):
        return _split_toml(text, re.compile(r"^-{3,}[ \t]*$", re.MULTILINE))
    try:
        # parse(), not loads(): loads() passes the keys to Post(**metadata), so a
        # field named "content" or "handler" would throw all the metadata away.
        metadata, content = frontmatter.parse(text, handler=GuardedYAMLHandler())
    except Exception as error:  # YAML raises several unrelated types; all mean the same
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return {}, _after_front_matter(text), f"front matter ignored: {reason[:120]}"
    return {str(k).lower(): plain(v) for k, v in metadata.items()}, content, None


def _after_front_matter(text: str) -> str:
    lines = text.split("\n")
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in {"---", "..."}:
            return "\n".join(lines[index + 1:])
    # No closing line: the metadata runs to the first blank line.
    blank = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    return "\n".join(lines[blank + 1:])


def _split_toml(text: str, closing: re.Pattern[str]) -> tuple[dict[str, Any], str, str | None]:
    start = text.index("\n") + 1
    end = closing.search(text, start)
    if end is None:
        return {}, text, None  # a "+++" line that opens nothing: ordinary text
    block, body = text[start:end.start()], text[end.end():].removeprefix("\n")
    if len(block) > MAX_FRONT_MATTER:
        return {}, body, "front matter ignored: front matter is too large"
    try:
        metadata = tomllib.loads(block)
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return {}, body, f"front matter ignored: {reason[:120]}"
    return {str(k).lower(): plain(v) for k, v in metadata.items()}, body, None


@cache
def _key_table() -> dict[str, tuple[str, ...]]:
    raw = json.loads(resources.files("tui.data").joinpath("front_matter_keys.json").read_text(
        "utf-8"))
    return {name: tuple(keys) for name, keys in raw.items() if not name.startswith("_")}


def fold_key(key: str) -> str:
    return KEY_FOLD.sub("", key).lower()


def meta_value(meta: dict[str, Any], field: str) -> Any:
    """The value of the first key of ``field``'s key list that ``meta`` has and fills."""
    if not meta:
        return None
    for table in _tables(meta):
        for key in _key_table()[field]:
            value = table.get(key)
            if value not in (None, "", [], {}):
                return value
    return None


# (meta, its tables) of the last posting, asked four times per posting. One tuple, read
# once, so that a thread parsing another posting meanwhile cannot pair them wrongly.
_last_tables: list[tuple[dict[str, Any], list[dict[str, Any]]] | None] = [None]


def _tables(meta: dict[str, Any]) -> list[dict[str, Any]]:
    """``meta`` with folded keys: top-level keys first, then one table down ("[links]
    apply = …", "job: {title: …}")."""
    last = _last_tables[0]
    if last is not None and last[0] is meta:
        return last[1]
    folded = {fold_key(key): value for key, value in meta.items()}
    tables = [folded] + [{fold_key(str(key)): item for key, item in value.items()}
                         for value in folded.values() if isinstance(value, dict)]
    _last_tables[0] = (meta, tables)
    return tables


def meta_text(meta: dict[str, Any], field: str) -> str:
    """``field`` (a name in the key table: title, company, url, apply_url, date, location)
    as one line of text; a nested value is read through its name-like keys, a list joined."""
    return _as_text(meta_value(meta, field), depth=0)


def _as_text(value: Any, depth: int) -> str:
    if depth > 3 or value is None or isinstance(value, bool):
        return ""
    if isinstance(value, dict):
        folded = {fold_key(str(key)): item for key, item in value.items()}
        for key in _key_table()["nested"]:
            text = _as_text(folded.get(key), depth + 1)
            if text:
                return text
        return ""
    if isinstance(value, list):
        return ", ".join(text for item in value if (text := _as_text(item, depth + 1)))
    return str(value).strip()
