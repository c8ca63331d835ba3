"""Third-party labelled corpora, each split into what we may learn from and what we only measure on.

The split is the project's honesty contract (docs/evaluation.md): word lists, the name tagger and
rules may be built from `Use.LEARN` parts only; `Use.MEASURE` parts are read by evaluation alone.
Every reader here names the part it returns, and `tests/evaluate/test_corpus_split.py` fails if
the lexicon build or the tagger training touches a measure-only part.

- ANERcorp: one file, no sentence breaks. Its first 125,274 tokens are train, the last 25,008
  (CAMeL Lab's test span) are test. Sentences are cut after `.`, `!`, `?` and `؟` tokens.
- NewsFANE Gold re-annotates ANERcorp's newswire (in another order, with other spelling), so only
  its sentences whose text lies inside ANERcorp's train span may be learned from; a sentence
  found in the test span, or in neither, is not used.
- AQMAR (Wikipedia): learn.
- The Wojood sample and the Maqsam PII set: measure only, all of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

ANERCORP_TRAIN_TOKENS = 125_274
_SENTENCE_END = frozenset({".", "!", "?", "؟"})


class Use(StrEnum):
    LEARN = "learn"
    MEASURE = "measure"


class Part(StrEnum):
    ANERCORP_TRAIN = "anercorp-train"
    ANERCORP_TEST = "anercorp-test"
    NEWSFANE_TRAIN = "newsfane-train"  # NewsFANE sentences inside ANERcorp's train span
    NEWSFANE_TEST = "newsfane-test"  # NewsFANE sentences inside ANERcorp's test span
    AQMAR = "aqmar"
    WOJOOD = "wojood"
    MAQSAM = "maqsam"


USES: dict[Part, Use] = {
    Part.ANERCORP_TRAIN: Use.LEARN,
    Part.ANERCORP_TEST: Use.MEASURE,
    Part.NEWSFANE_TRAIN: Use.LEARN,
    Part.NEWSFANE_TEST: Use.MEASURE,
    Part.AQMAR: Use.LEARN,
    Part.WOJOOD: Use.MEASURE,
    Part.MAQSAM: Use.MEASURE,
}


@dataclass(frozen=True)
class Sentence:
    """Tokens with one IOB2 tag each (the outermost tag where a corpus nests them)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    def text(self) -> str:
        return " ".join(self.tokens)

    def spans(self, kinds: frozenset[str]) -> list[tuple[int, int]]:
        """Character spans, in `text()`, of the entities whose class is in `kinds`."""
        out: list[tuple[int, int]] = []
        pos = 0
        open_start = -1
        open_end = -1
        for token, tag in zip(self.tokens, self.tags, strict=True):
            prefix, _, cls = tag.partition("-")
            inside = prefix == "I" and cls in kinds and open_start >= 0
            if open_start >= 0 and not inside:
                out.append((open_start, open_end))
                open_start = -1
            if prefix == "B" and cls in kinds:
                open_start = pos
            if open_start >= 0:
                open_end = pos + len(token)
            pos += len(token) + 1
        if open_start >= 0:
            out.append((open_start, open_end))
        return out


def data_root() -> Path:
    """`../shared/data` beside the repository (or the `shared_data` setting,
    `$LEAKWATCH_SHARED_DATA`)."""
    from leakwatch.settings import load_settings

    configured = load_settings().shared_data
    if configured is not None:
        return configured
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def available(root: Path | None = None) -> bool:
    return ((root or data_root()) / "anercorp" / "ANERCorp_Benajiba_full.txt").is_file()


# Every read goes through here, so a test can record which parts a job asked for.
_requested: list[Part] | None = None


def record_requests() -> list[Part]:
    """Start recording the parts read from now on (tests of the learn/measure split)."""
    global _requested  # noqa: PLW0603 - one process-wide recorder, tests only
    _requested = []
    return _requested


def _request(part: Part) -> None:
    if _requested is not None:
        _requested.append(part)


def learnable(part: Part) -> bool:
    return USES[part] is Use.LEARN


def read(part: Part, root: Path | None = None, *, fine_classes: bool = False) -> list[Sentence]:
    """The sentences of one part (NewsFANE keeps its own person classes with `fine_classes`)."""
    _request(part)
    base = root or data_root()
    if part in (Part.ANERCORP_TRAIN, Part.ANERCORP_TEST):
        tokens = _anercorp_tokens(base)
        cut = ANERCORP_TRAIN_TOKENS
        return _sentences(tokens[:cut] if part is Part.ANERCORP_TRAIN else tokens[cut:])
    if part in (Part.NEWSFANE_TRAIN, Part.NEWSFANE_TEST):
        return _newsfane(base, train=part is Part.NEWSFANE_TRAIN, fine=fine_classes)
    if part is Part.AQMAR:
        return [
            s
            for path in sorted((base / "aqmar" / "articles").glob("*.txt"))
            for s in _conll(path, " ")
        ]
    if part is Part.WOJOOD:
        return [
            s
            for name in ("train.txt", "val.txt", "test.txt")
            for s in _conll(base / "wojood_sample" / name, " ")
        ]
    raise ValueError(f"{part} is not a token-tagged corpus")


def maqsam_path(root: Path | None = None) -> Path:
    _request(Part.MAQSAM)
    return (root or data_root()) / "arabic_pii_maqsam" / "arabic_pii_maqsam.jsonl"


@cache
def _anercorp_tokens(base: Path) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    text = (base / "anercorp" / "ANERCorp_Benajiba_full.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        token, _, tag = raw.rpartition(" ")
        out.append((token.strip(), tag.strip() or "O"))
    return tuple(out)


def _sentences(tokens: tuple[tuple[str, str], ...]) -> list[Sentence]:
    out: list[Sentence] = []
    cur: list[tuple[str, str]] = []
    for token, tag in tokens:
        if not token:
            continue
        cur.append((token, tag))
        if token in _SENTENCE_END:
            out.append(_sentence(cur))
            cur = []
    if cur:
        out.append(_sentence(cur))
    return out


def _sentence(pairs: list[tuple[str, str]]) -> Sentence:
    return Sentence(tuple(t for t, _ in pairs), tuple(_iob(g) for _, g in pairs))


def _iob(tag: str) -> str:
    """IOB2 with the corpus's class names mapped to PERS/LOC/ORG/MISC where they differ."""
    if tag in ("O", "OO", ""):
        return "O"
    prefix, _, cls = tag.partition("-")
    if prefix not in ("B", "I") or not cls:
        return "O"
    cls = {"PER": "PERS"}.get(cls, cls)
    return f"{prefix}-{cls}"


def _conll(path: Path, sep: str | None, encoding: str = "utf-8") -> Iterator[Sentence]:
    cur: list[tuple[str, str]] = []
    for raw in path.read_text(encoding=encoding).splitlines():
        parts = raw.replace("\u200e", "").strip("\r").split(sep)
        token = parts[0].strip() if parts else ""
        if not token or token == "$#$":
            if cur:
                yield _sentence(cur)
            cur = []
            continue
        tags = [p.strip() for p in parts[1:] if p.strip()]
        # Nested corpora (Wojood) list several tags; the PERS one, if any, is the one we score.
        tag = next((t for t in tags if t.endswith("-PERS")), tags[0] if tags else "O")
        cur.append((token, tag))
    if cur:
        yield _sentence(cur)


#: NewsFANE's fine classes of public figures, and of every person (its own annotation of people).
NEWSFANE_PUBLIC = frozenset(
    {"Politician", "Athlete", "Artist", "Religious_PER", "Scientist", "Businessperson"}
)
NEWSFANE_PERSON = NEWSFANE_PUBLIC | {"Other_PER", "Lawyer", "Engineer"}
# Classes read as PERS when NewsFANE is scored like the other corpora (police and military too).
_NEWSFANE_PERS = NEWSFANE_PERSON | {"Police", "Military"}
_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)
_NOT_LETTER = re.compile(r"[^\u0621-\u064A0-9A-Za-z]")


def _flat(text: str) -> str:
    """Letters only, hamza and ta-marbuta folded: NewsFANE spells and splits words differently."""
    return _NOT_LETTER.sub("", text.translate(_FOLD))


def _newsfane(base: Path, train: bool, fine: bool = False) -> list[Sentence]:
    tokens = _anercorp_tokens(base)
    cut = ANERCORP_TRAIN_TOKENS
    train_stream = _flat("".join(t for t, _ in tokens[:cut]))
    test_stream = _flat("".join(t for t, _ in tokens[cut:]))
    out: list[Sentence] = []
    path = base / "newsfane_gold" / "NewsFANE_Gold_2014_170K.txt"
    for sentence in _conll(path, "\t", "utf-8-sig"):
        flat = _flat("".join(sentence.tokens))
        if len(flat) < 12:
            continue  # too short to place in one span or the other
        in_train, in_test = flat in train_stream, flat in test_stream
        if (in_train and not in_test) if train else in_test:
            tags = sentence.tags if fine else tuple(_newsfane_tag(t) for t in sentence.tags)
            out.append(Sentence(sentence.tokens, tags))
    return out


def _newsfane_tag(tag: str) -> str:
    prefix, _, cls = tag.partition("-")
    if prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-PERS" if cls in _NEWSFANE_PERS else f"{prefix}-{cls}"
