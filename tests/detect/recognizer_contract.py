"""The contract every recognizer keeps, as a reusable test base (ThreatExchange's
`signal_type_test_helper` idea): subclass it, set `recognizer` and `samples`, and pytest runs
the whole contract against that recognizer.

Also the small helpers the per-recognizer table tests share.
"""

from __future__ import annotations

import pickle
from typing import ClassVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.patterns import iban_check_digits, luhn_valid
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType
from leakwatch.sources.message import Hint

# Characters that make recognizers fire (digits in three scripts, separators, Arabic, Kurdish and
# Latin letters, '@', an emoji) plus characters the normalizer removes or expands (tatweel,
# harakat, zero-width joiner, a presentation-form ligature), so random text exercises offsets.
_ALPHABET = (
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ +-./()\n:@📞️"
    "رقمهبغدادالبصرةاربيلسيارةمواليدجوازتولدهوية"
    "ژمارەێۆڕڵ"
    "abcdeiqIQAB.com"
    "\u0640\u064e\u200d\ufefb"
)


def spans(text: str, *values: str) -> list[tuple[int, int]]:
    """Expected spans for `values` in `text` (first occurrence each), so no one counts by hand."""
    out = []
    for value in values:
        start = text.index(value)
        out.append((start, start + len(value)))
    return sorted(out)


def make_iban(country: str, bban: str, *, grouped: bool = True) -> str:
    """A synthetic IBAN with correct check digits, printed in groups of four when `grouped`."""
    compact = f"{country}{iban_check_digits(country, bban)}{bban}"
    if not grouped:
        return compact
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def luhn_complete(prefix: str) -> str:
    """`prefix` plus the check digit that makes it Luhn-valid (synthetic card numbers)."""
    return next(prefix + d for d in "0123456789" if luhn_valid(prefix + d))


def find(recognizer: Recognizer, text: str, hints: tuple[Hint, ...] = ()) -> list[Finding]:
    return sorted(recognizer.analyze(Document.of(text, hints)), key=lambda f: (f.start, f.end))


def found_spans(recognizer: Recognizer, text: str, min_score: float = 0.0) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in find(recognizer, text) if f.score >= min_score]


def check_contract(recognizer: Recognizer, text: str, hints: tuple[Hint, ...] = ()) -> None:
    """Every finding for `text` keeps the contract (see `RecognizerContract`)."""
    for f in find(recognizer, text, hints):
        assert f.entity_type in recognizer.entities
        assert isinstance(f.entity_type, EntityType)
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.text == f.text.strip(), "a span never starts or ends with whitespace"
        assert 0.0 < f.score <= 1.0
        assert f.recognizer == recognizer.name
        assert f.text not in f.why, "why explains the rule, never repeats the value"


class RecognizerContract:
    """Mix-in: set `recognizer` (an instance) and `samples` (texts where it must find something)."""

    recognizer: ClassVar[Recognizer]
    samples: ClassVar[tuple[str, ...]]

    def test_declares_name_and_entities(self) -> None:
        assert self.recognizer.name
        assert self.recognizer.name == self.recognizer.name.strip().lower()
        assert self.recognizer.entities
        assert all(isinstance(e, EntityType) for e in self.recognizer.entities)

    def test_samples_yield_findings(self) -> None:
        for text in self.samples:
            assert find(self.recognizer, text), text

    def test_samples_keep_contract(self) -> None:
        for text in self.samples:
            check_contract(self.recognizer, text)

    def test_picklable_and_same_results(self) -> None:
        clone = pickle.loads(pickle.dumps(self.recognizer))
        assert type(clone) is type(self.recognizer)
        for text in self.samples:
            assert find(clone, text) == find(self.recognizer, text)

    def test_nothing_in_empty_text(self) -> None:
        for text in ("", " ", "\n", "\u200f", "ـ"):
            assert find(self.recognizer, text) == []

    def test_deterministic(self) -> None:
        for text in self.samples:
            assert find(self.recognizer, text) == find(self.recognizer, text)

    # One inherited test runs once per subclass; the recognizers are stateless, so the
    # "differing executors" warning does not apply.
    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.differing_executors]
    )
    @given(st.text(alphabet=_ALPHABET, max_size=80))
    def test_random_text_keeps_contract(self, text: str) -> None:
        check_contract(self.recognizer, text)

    @settings(
        max_examples=30, deadline=None, suppress_health_check=[HealthCheck.differing_executors]
    )
    @given(st.sampled_from(range(4)), st.text(alphabet=_ALPHABET, max_size=30))
    def test_samples_with_noise_keep_contract(self, which: int, noise: str) -> None:
        text = self.samples[which % len(self.samples)]
        check_contract(self.recognizer, noise + " " + text + " " + noise)
