"""YAML front matter, read with python-frontmatter and a loader that cannot be abused.

The loader is PyYAML's *safe* loader with two guards: aliases are refused (a
few hundred bytes of "billion laughs" anchors expand to gigabytes), and
nesting deeper than a real posting would ever need is refused before YAML
sees it (very deep nesting crashes the C loader, uncatchably). Scalars come
back as the text that was written: ``1.10`` stays "1.10", ``2026-11-01`` a
string, ``yes`` "yes" (a company called "Yes" is not ``True``); :func:`flag`
reads a yes/no field such as ``remote``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

import frontmatter
import yaml

MAX_FRONT_MATTER = 64 * 1024
MAX_DEPTH = 20
OPENING = re.compile(r"\A-{3,}[ \t]*\n")


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


class GuardedYAMLHandler(frontmatter.YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        if len(fm) > MAX_FRONT_MATTER:
            raise ValueError("front matter is too large")
        if _depth(fm) > MAX_DEPTH:
            raise ValueError("front matter is nested too deeply")
        return yaml.load(fm, Loader=_NoAliasLoader)


def _depth(text: str) -> int:
    """An upper bound on the nesting depth: flow brackets plus indentation levels."""
    deepest = depth = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    indents = {len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()}
    return deepest + len(indents)


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
    if not OPENING.match(text):
        return {}, text, None
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
