"""Write a large, deterministic corpus of synthetic job postings for scale benchmarks.

Speed matters more than realism here (100,000 files in about 20 s), so the expensive
part, rendering template sentences with random words, happens once into a shared pool;
each posting then only picks pooled sentences, fills a header template and writes bytes.

    python -m benchmarks.generate DIR COUNT [--seed N]
"""

from __future__ import annotations

import argparse
import pathlib
import random
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from benchmarks import vocabulary as v

FILES_PER_FOLDER = 1000
SENTENCE_POOL = 20_000
REQUIREMENT_POOL = 3_000
COMPANY_COUNT = 2_000
WRITER_THREADS = 3
APPENDED_LINE = "\nUpdated: the team also uses Zig for new tooling.\n"


@dataclass(frozen=True)
class Pools:
    """Everything pre-rendered once per corpus, so per-file work stays cheap."""

    sentences: list[str]
    requirements: list[str]
    companies: list[str]
    titles: list[str]


@dataclass(frozen=True)
class Posting:
    """The facts of one synthetic posting, before a layout turns them into text."""

    index: int
    title: str
    company: str
    location: str
    stack: list[str]
    url: str
    labels: tuple[str, str, str, str, str, str]
    body: str


def _render(templates: Sequence[str], rng: random.Random, count: int) -> list[str]:
    """Render ``count`` random templates with random words, one column of draws per slot.

    Drawing each slot's words in one ``choices`` call is several times faster than drawing
    per sentence, which matters because the pools hold tens of thousands of sentences.
    """
    def column(words: Sequence[str]) -> list[str]:
        return rng.choices(words, k=count)

    lows = [rng.randint(40, 120) for _ in range(count)]
    slots = zip(
        column(templates), column(v.TECHNOLOGIES), column(v.TECHNOLOGIES), column(v.CITIES),
        column(v.CITIES), column(v.BENEFITS), column(v.BENEFITS), column(v.ADJECTIVES),
        column(v.DOMAINS), column(v.TEAMS), column(v.PRODUCTS), lows,
        column(range(10, 60)), column(range(2, 9)), strict=True,
    )
    return [
        template.format(
            tech=tech, tech2=tech2, city=city, city2=city2, benefit=benefit,
            benefit2=benefit2, adj=adj, domain=domain, team=team, product=product, n=low,
            n2=low + spread, m=m,
        )
        for (template, tech, tech2, city, city2, benefit, benefit2, adj, domain, team, product,
             low, spread, m) in slots
    ]


def _company_names(rng: random.Random, count: int) -> list[str]:
    """Make ``count`` distinct company names from syllable combinations."""
    names: dict[str, None] = {}
    while len(names) < count:
        stem = "".join(rng.choices(v.SYLLABLES, k=rng.randint(2, 3))).capitalize()
        names[stem + rng.choice(v.COMPANY_SUFFIXES)] = None
    return list(names)


def _titles() -> list[str]:
    """Every seniority × area × role combination."""
    return [f"{s} {a} {r}" for s in v.SENIORITIES for a in v.AREAS for r in v.ROLES]


def build_pools(rng: random.Random) -> Pools:
    """Pre-render the sentence, requirement, company and title pools."""
    return Pools(
        sentences=_render(v.SENTENCES, rng, SENTENCE_POOL),
        requirements=_render(v.REQUIREMENTS, rng, REQUIREMENT_POOL),
        companies=_company_names(rng, COMPANY_COUNT),
        titles=_titles(),
    )


def _location(rng: random.Random) -> str:
    """One to three cities, sometimes with a work mode, joined with slashes."""
    parts = rng.sample(v.CITIES, rng.randint(1, 3))
    if rng.random() < 0.6:
        parts.append(rng.choice(v.WORK_MODES))
    return " / ".join(parts)


def _body(rng: random.Random, pools: Pools, stack: list[str], labels: tuple[str, ...]) -> str:
    """Paragraphs of pooled sentences, a stack line and a few requirement bullets."""
    target = rng.randint(2000, 6000)
    sentences = rng.choices(pools.sentences, k=target // 85)
    sentences.insert(rng.randrange(len(sentences)),
                     f"You will work every day with {stack[0]} and {stack[-1]}.")
    step = rng.randint(3, 6)
    paragraphs = [" ".join(sentences[i:i + step]) for i in range(0, len(sentences), step)]
    if rng.random() < 0.01:
        paragraphs.insert(rng.randrange(len(paragraphs)), rng.choice(paragraphs))
    bullets = "\n".join("- " + r for r in rng.sample(pools.requirements, rng.randint(3, 6)))
    stack_line = f"{labels[3]}: {', '.join(stack)}."
    paragraphs.insert(1, stack_line)
    paragraphs.append(f"## {labels[2]}\n\n{bullets}")
    if rng.random() < 0.01:
        paragraphs.append("\n".join(rng.sample(v.BOILERPLATE, 3)))
    return "\n\n".join(paragraphs) + "\n"


def make_posting(index: int, rng: random.Random, pools: Pools) -> Posting:
    """Draw the facts of posting number ``index``."""
    stack = rng.sample(v.TECHNOLOGIES, rng.randint(3, 8))
    labels = rng.choice(v.LABELS)
    return Posting(
        index=index, title=rng.choice(pools.titles), company=rng.choice(pools.companies),
        location=_location(rng), stack=stack, url=f"{rng.choice(v.URL_HOSTS)}{index}",
        labels=labels, body=_body(rng, pools, stack, labels),
    )


def _markdown(p: Posting) -> str:
    return (f"# [{p.title}]({p.url})  \n### {p.company}  \n#### `🌎 {p.location}`  \n\n"
            + p.body)


def _front_matter(p: Posting) -> str:
    tags = ", ".join(t.lower() for t in p.stack[:4])
    return (f'---\ntitle: "{p.title}"\ncompany: "{p.company}"\nlocation: "{p.location}"\n'
            f"tags: [{tags}]\nurl: {p.url}\n---\n\n" + p.body)


def _plain(p: Posting) -> str:
    return f"{p.title}\n{p.labels[0]}: {p.company}\n{p.labels[1]}: {p.location}\n\n" + p.body


def _role_at(p: Posting) -> str:
    return f"# {p.labels[4]}: {p.title}\n{p.labels[5]} {p.company}\n\n{p.location}\n\n" + p.body


LAYOUTS: Sequence[tuple[str, Callable[[Posting], str]]] = (
    (".md", _markdown), (".md", _front_matter), (".txt", _plain), (".md", _role_at),
)


def encode(text: str, rng: random.Random) -> bytes:
    """UTF-8 bytes, except ~5% mojibake (UTF-8 read as cp1252) and ~2% cp1252 files."""
    roll = rng.random()
    if roll < 0.05:
        return text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    if roll < 0.07:
        return text.encode("cp1252", errors="replace")
    return text.encode("utf-8")


def file_stem(index: int) -> str:
    """Folder and file name (without suffix) of posting ``index``."""
    return f"{index // FILES_PER_FOLDER:03d}/{index:06d}"


def _write_batch(batch: list[tuple[pathlib.Path, bytes]]) -> None:
    """Write one folder's files (runs on a writer thread)."""
    for path, data in batch:
        path.write_bytes(data)


def _render_folder(
    directory: pathlib.Path, indexes: range, rng: random.Random, pools: Pools
) -> list[tuple[pathlib.Path, bytes]]:
    """Create one subfolder and render its postings to (path, bytes) pairs."""
    (directory / f"{indexes.start // FILES_PER_FOLDER:03d}").mkdir(parents=True, exist_ok=True)
    batch = []
    for index in indexes:
        suffix, layout = LAYOUTS[rng.randrange(len(LAYOUTS))]
        text = layout(make_posting(index, rng, pools))
        batch.append((directory / (file_stem(index) + suffix), encode(text, rng)))
    return batch


def generate_corpus(directory: pathlib.Path, count: int, seed: int = 7) -> None:
    """Write ``count`` postings under ``directory``, 1000 per subfolder, same bytes per seed.

    Rendering stays on this thread, in index order, so the output depends only on the seed;
    file creation is slow on some disks (~0.5 ms a file on a VM), so writer threads create
    each finished folder while the next one is rendered. At most a few folders wait in memory.
    """
    rng = random.Random(seed)
    pools = build_pools(rng)
    directory = pathlib.Path(directory)
    pending: deque[Future[None]] = deque()
    with ThreadPoolExecutor(max_workers=WRITER_THREADS) as writers:
        for start in range(0, count, FILES_PER_FOLDER):
            indexes = range(start, min(start + FILES_PER_FOLDER, count))
            pending.append(writers.submit(_write_batch,
                                          _render_folder(directory, indexes, rng, pools)))
            while len(pending) > WRITER_THREADS:
                pending.popleft().result()
        for future in pending:
            future.result()


def touch_one(directory: pathlib.Path, index: int = 0) -> pathlib.Path:
    """Append a line to generated posting ``index`` (a "one file changed" edit); return it."""
    stem = pathlib.Path(directory) / file_stem(index)
    matches = sorted(stem.parent.glob(stem.name + ".*"))
    if not matches:
        raise FileNotFoundError(f"no generated posting {index} under {directory}")
    path = matches[0]
    path.write_bytes(path.read_bytes() + APPENDED_LINE.encode("utf-8"))
    return path


def main(argv: Sequence[str] | None = None) -> None:
    """CLI: generate a corpus and print how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=pathlib.Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    generate_corpus(args.directory, args.count, args.seed)
    elapsed = time.perf_counter() - start
    print(f"wrote {args.count} postings to {args.directory} in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
