"""Posting text is untrusted: every attack ends as a loaded posting with safe text, or as a
skipped file with a named reason, and never reaches the terminal or the markup parser."""

from __future__ import annotations

import re

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.parsing import SkipFile, parse_posting
from tui.sanitize import clean_text, safe_url

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\ufeff]"
)


def parse(text: str | bytes, name: str = "hostile.md"):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_posting(raw, name)


def all_text(posting) -> str:
    return "\n".join([posting.title, posting.company, *posting.locations, posting.remote_scope,
                      *posting.stack, posting.url, posting.salary, posting.body])


@pytest.mark.parametrize("attack", [
    "\x1b[2J\x1b[31mRed Engineer",  # CSI: clear screen, colour
    "\x1b]52;c;ZWNobyBwd25lZA==\x07Clipboard Engineer",  # OSC 52 clipboard write
    "\x1b]8;;https://evil.example\x1b\\Link Engineer\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1bP+q544e\x1b\\DCS Engineer",  # DCS
    "\x9b31mEight-bit CSI Engineer",  # 8-bit CSI
    "\u202eReenigne\u202c Bidi",  # right-to-left override
    "Zero\u200bWidth\ufeff Engineer",
    "Bell\x07 and backspace\x08 Engineer",
])
def test_control_sequences_never_survive(attack: str) -> None:
    posting = parse(f"# {attack}\n\nWe use Rust.\n\n{attack}\n").posting
    text = all_text(posting)
    assert not UNSAFE.search(text)
    assert "Engineer" in posting.title or "Bidi" in posting.title


def test_escape_sequences_in_text_that_ftfy_repairs_are_removed_whole() -> None:
    # ftfy deletes a lone ESC: the rest of the sequence ("]52;c;…", "[31m") stayed as text.
    posting = parse("# \x1b]52;c;cHduZWQ=\x07Clip \x1b[31mRed Engineer in MÃ©xico\n\nBody\n"
                    ).posting
    assert posting.title == "Clip Red Engineer in México"


def test_yaml_escape_that_creates_esc_after_parsing_is_removed() -> None:
    posting = parse('---\ntitle: "\\e]52;c;aGk=\\aSneaky Engineer"\ncompany: "\\x1b[5mBlink"\n---\n'
                    "Body\n").posting
    assert posting.title == "]52;c;aGk=Sneaky Engineer" or "\x1b" not in posting.title
    assert not UNSAFE.search(all_text(posting))


@pytest.mark.parametrize("title", [
    "[@click=app.quit]Dev[/]",
    "[@click=app.bell('[')]x[/]",
    "C++ [/opt] Engineer",
    "[/bold] Closing Tag Engineer",
    "[link=file:///etc/passwd]Local[/link]",
])
def test_markup_lookalikes_are_kept_as_literal_text(title: str) -> None:
    posting = parse(f"# {title}\n\nBody text.\n").posting
    assert posting.title == title  # stored literally; the UI renders it as Text, not markup


def test_html_entities_are_not_unescaped_into_markup() -> None:
    posting = parse("# &#91;@click=app.quit&#93;Engineer\n\nBody MÃ©xico\n").posting
    assert "[@click" not in posting.title


@pytest.mark.parametrize(("url", "safe"), [
    ("https://jobs.example.com/1", True),
    ("http://jobs.example.com/1", True),
    ("smb://host/share", False),
    ("file:///etc/passwd", False),
    ("--help", False),
    ("-https://x.example", False),
    ("javascript:alert(1)", False),
    ("https://", False),
    ("https://ex ample.com", False),
    ("https://example.com/\x1b[2J", False),
    ("/home/user/.ssh/id_rsa", False),
])
def test_only_http_links_with_a_host_are_kept(url: str, safe: bool) -> None:
    assert bool(safe_url(url)) is safe
    posting = parse(f"# [Engineer]({url})\n\nBody\n").posting
    assert (posting.url == url) is safe


def test_billion_laughs_front_matter_is_refused_quickly() -> None:
    bomb = "\n".join(
        ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f'{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},'
           f'*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},'
           f'*{chr(97 + i)}]' for i in range(8)]
        + ['title: *i', '---', '# Real Title', '', 'Body'])
    result = parse(bomb)
    assert result.posting.title == "Real Title"
    assert any("front matter ignored" in warning for warning in result.warnings)
    assert len(orjson.dumps(result.posting.to_dict(with_body=True))) < 10_000


def test_deeply_nested_front_matter_cannot_crash_the_interpreter() -> None:
    result = parse("---\ntitle: " + "[" * 30_000 + "\n---\n# Deep Title\n\nBody\n")
    assert result.posting.title == "Deep Title"
    assert result.warnings


@pytest.mark.parametrize("front", [
    "title: [unclosed\n",  # ParserError
    "title: 'a\n  b: c: d\n",  # ScannerError
    "title: \"\\q bad escape\"\n",  # ScannerError (unknown escape)
    "!!python/object/apply:os.system ['echo pwned']\n",  # ConstructorError (unsafe tag)
    "title: !!str [a, b]\n",  # ConstructorError (wrong node kind)
    "\t tabs: bad\n",  # ScannerError (tab)
    "a: 1\na: 2\nb: [" + "x," * 10 + "\n",  # unclosed flow after a duplicate key
    "title: *undefined\n",  # an alias (refused) to nothing (ComposerError)
    "company: &c Acme\ntitle: *c\n",  # an alias to text (refused)
    "title: \xff\ufffe\n",  # a character YAML does not allow (ReaderError)
    "? [a, b]\n: c\n",  # a list as a key (unhashable: ConstructorError)
])
def test_broken_or_unsafe_yaml_loads_the_posting_with_a_warning(front: str) -> None:
    result = parse(f"---\n{front}---\n# Fallback Title\n\nWe use Golang and Rust.\n")
    assert result.posting.title == "Fallback Title"
    assert any(warning.startswith("front matter ignored") for warning in result.warnings)
    assert "---" not in result.posting.body and "tabs" not in result.posting.body
    assert result.posting.stack == ("go", "rust")


@pytest.mark.parametrize("front", [
    "- just\n- a list\n", "just a string\n", "42\n", "~\n", "[]\n", "\n",
])
def test_front_matter_that_is_not_a_mapping_is_ignored(front: str) -> None:
    result = parse(f"---\n{front}---\n# Fallback Title\n\nBody\n")
    assert result.posting.title == "Fallback Title"
    assert "---" not in result.posting.body


def test_binary_yaml_value_becomes_text() -> None:
    assert parse("---\ntitle: !!binary SGVsbG8gG1sySg==\n---\nBody\n").posting.title == (
        "Hello")  # b"Hello \x1b[2J": the escape sequence is removed


@pytest.mark.parametrize("key", ["content", "handler", "metadata"])
def test_a_front_matter_key_named_like_a_library_argument_keeps_the_rest(key: str) -> None:
    # frontmatter.loads() passes keys to Post(content, handler, **metadata): "content"
    # or "handler" raised TypeError, and all of the posting's metadata was lost.
    result = parse(f"---\n{key}: x\ntitle: Real Title\ncompany: Acme\n---\nBody\n")
    assert (result.posting.title, result.posting.company) == ("Real Title", "Acme")
    assert result.warnings == ()


def test_typed_yaml_values_become_the_text_that_was_written() -> None:
    result = parse("---\ntitle: 1.10\ncompany: yes\nposted: 2026-11-01\nremote: true\n"
                   "salary: 0x1F\nlocation: 1e3\ntags: [2026-01-01, rust, on]\n---\nBody\n")
    posting = result.posting
    assert (posting.title, posting.company, posting.salary) == ("1.10", "yes", "0x1F")
    assert posting.remote is True and "rust" in posting.stack
    orjson.dumps(posting.to_dict(with_body=True))  # serialisable


@pytest.mark.parametrize(("value", "remote", "scope"), [
    ("yes", True, ""), ("true", True, ""), ("on", True, ""), ("'yes'", True, ""),
    ("no", False, ""), ("false", False, ""), ("off", False, ""), ("EU", True, "Europe"),
])
def test_front_matter_remote_flag_reads_every_yaml_spelling(value, remote, scope) -> None:
    posting = parse(f"---\ntitle: T\nremote: {value}\n---\nWe are fully remote.\n").posting
    assert (posting.remote, posting.remote_scope) == (remote, scope)


@pytest.mark.parametrize("nested", [
    "[" * 30_000,
    "{" * 30_000,
    "- " * 30_000 + "x",
    "'" + "[" * 30_000 + "'",
    "".join(" " * i + f"k{i}:\n" for i in range(0, 60)),
])
def test_very_deep_front_matter_is_refused_without_crashing(nested: str) -> None:
    result = parse(f"---\ntitle: {nested}\n---\n# Deep Title\n\nBody\n")
    assert result.posting.title == "Deep Title"
    assert result.warnings


def test_a_title_taken_from_a_file_name_with_escape_codes_is_clean() -> None:
    posting = parse("---\ncompany: Acme\n---\n", name="\x1b[2Jowned\u202e-\x9b31m.txt").posting
    assert posting.title == "owned"


def test_front_matter_after_a_bom_is_still_read() -> None:
    posting = parse(b"\xef\xbb\xbf---\ntitle: BOM Title\ncompany: Acme\n---\nBody\n").posting
    assert (posting.title, posting.company) == ("BOM Title", "Acme")


@pytest.mark.parametrize(("raw", "reason"), [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    (b"x" * (5 * 1024 * 1024), "too large"),
])
def test_unloadable_files_are_skipped_with_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(SkipFile) as skipped:
        parse(raw)
    assert reason in skipped.value.reason


def test_legacy_encoding_is_read_with_a_warning() -> None:
    result = parse("# Desarrollador en Bogotá\n\nUbicación: Bogotá\n".encode("cp1252"))
    assert result.posting.title == "Desarrollador en Bogotá"
    assert result.warnings


def test_clean_text_keeps_real_text_in_any_language() -> None:
    text = "São Paulo · Москва · 東京 · עברית · 👩‍💻 · tab\there"
    assert clean_text(text) == text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600) | st.text(max_size=600).map(lambda t: t.encode("utf-8")))
def test_parser_never_raises_and_never_lets_control_characters_through(raw: bytes) -> None:
    try:
        result = parse(raw)
    except SkipFile as skipped:
        assert skipped.reason
        return
    assert not UNSAFE.search(all_text(result.posting))
    orjson.dumps(result.posting.to_dict(with_body=True))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]/@=:'\"-#*`\x1b\x9b\u202e ab\n")), max_size=200))
def test_fuzzed_markupish_text_parses_and_stays_literal(text: str) -> None:
    try:
        result = parse("# T\n" + text)
    except SkipFile:
        return
    assert not UNSAFE.search(all_text(result.posting))
