"""Property tests: normalized spans always map back into the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leakwatch.normalize import normalize

# Characters that exercise every path: ASCII, Arabic letters and variants, harakat, tatweel,
# Arabic-Indic digits, Kurdish letters, presentation forms, zero-width and bidi controls, emoji.
ALPHABET = st.sampled_from(
    list("abcXYZ 019-+/.\n")
    + list("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةئؤء")
    + ["\u064e", "\u0650", "\u0651", "\u0652", "\u0640", "\u0670"]
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
    + list("ێۆەڕڵڤگچپژکیھ")
    + ["\ufefb", "\ufe8d", "\ufb50", "\uff21", "\u200c", "\u200f", "\u202b", "\ufeff"]
    + ["📞", "🔴", "İ", "ß"]
    # decorated digits: keycap marks, circled, dingbat, fullwidth, mathematical
    + ["\ufe0f", "\ufe0e", "\u20e3", "7\ufe0f\u20e3", "①", "⓪", "❶", "➊", "０", "９", "𝟎", "𝟡"]
)
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)


@given(TEXTS)
def test_offsets_are_monotonic_and_in_bounds(text: str) -> None:
    n = normalize(text)
    if n.offsets is None:
        assert len(n.text) == len(text)
        return
    assert len(n.offsets) == len(n.text) + 1
    assert n.offsets[-1] == len(text)
    assert all(0 <= o < len(text) for o in n.offsets[:-1])
    assert list(n.offsets) == sorted(n.offsets)


@given(TEXTS, st.data())
def test_every_span_maps_to_a_span_of_the_original(text: str, data: st.DataObject) -> None:
    n = normalize(text)
    start = data.draw(st.integers(0, len(n.text)))
    end = data.draw(st.integers(start, len(n.text)))
    o_start, o_end = n.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(text)
    if end > start:
        assert o_end > o_start
        # the original span normalizes to text that contains the normalized span
        assert n.text[start:end] in normalize(text[o_start:o_end]).text


@given(TEXTS)
def test_normalization_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("٠٧٧٠١٢٣٤٥٦٧", "07701234567"),
        ("۰۷۵۰ ۱۲۳ ۴۵۶۷", "0750 123 4567"),
        ("أحمد إبراهيم آمنة", "احمد ابراهيم امنه"),
        ("مُحَمَّد", "محمد"),
        ("زيـــنب", "زينب"),
        ("مصطفى علي", "مصطفي علي"),
        ("ئەحمەد کەریم", "ئهحمهد كهريم"),
        ("Ahmed KAREEM", "ahmed kareem"),
        ("ﻻ", "لا"),
        ("١٢٫٥", "12.5"),
        ("بغداد، الكرادة", "بغداد, الكراده"),
        ("0️⃣7️⃣7️⃣0️⃣", "0770"),
        ("7\u20e3", "7"),
        ("０７７０ １２３", "0770 123"),
        ("①②③ ⓪ ⓵⓶ ❶❷ ➀➁ ➊➋ ⓿", "123 0 12 12 12 12 0"),
        ("𝟎𝟕𝟕𝟎 𝟘𝟙 𝟬𝟭 𝟶𝟷", "0770 01 01 01"),
        ("❤️ ok", "❤ ok"),
    ],
)
def test_folding_table(original: str, expected: str) -> None:
    assert normalize(original).text == expected


def test_span_maps_back_across_removed_characters() -> None:
    text = "المدعو مُحَمَّد علي"
    n = normalize(text)
    start = n.text.index("محمد")
    o_start, o_end = n.to_original(start, start + len("محمد"))
    assert text[o_start:o_end] == "مُحَمَّد"


@pytest.mark.parametrize(
    "decorated",
    ["0️⃣7️⃣7️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣", "0\u20e37\u20e37\u20e3", "０７７０", "𝟎𝟕𝟕𝟎", "⓪⑦⑦⓪"],
)
def test_a_span_of_decorated_digits_covers_every_original_character(decorated: str) -> None:
    text = f"رقمه {decorated} فقط"
    n = normalize(text)
    digits = "".join(ch for ch in n.text if ch.isdigit())
    start = n.text.index(digits)
    o_start, o_end = n.to_original(start, start + len(digits))
    assert text[o_start:o_end] == decorated


def test_a_span_ending_before_a_keycap_digit_does_not_swallow_it() -> None:
    text = "1️⃣2️⃣"
    n = normalize(text)
    assert n.text == "12"
    assert text[slice(*n.to_original(0, 1))] == "1️⃣"
    assert text[slice(*n.to_original(1, 2))] == "2️⃣"
