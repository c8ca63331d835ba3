"""Builder offsets, Telegram text shapes, and surface variants that must not break spans."""

from __future__ import annotations

import json
import random

from leakwatch.entities import EntityType
from leakwatch.synth.export import tg_dumps, tg_string
from leakwatch.synth.render import (
    Builder,
    add_diacritics,
    add_tatweel,
    emojify,
    to_script,
    vary_letters,
)


def test_builder_records_offsets_into_flat_text() -> None:
    b = Builder()
    b.add("الاسم: ")
    b.entity("علي حسين", EntityType.PERSON, "bold")
    b.add("\nرقمه ")
    b.entity("0770 123 4567", EntityType.PHONE_NUMBER)
    out = b.finish()
    assert [out.flat[s.start : s.end] for s in out.spans] == ["علي حسين", "0770 123 4567"]
    assert out.text == ["الاسم: ", {"type": "bold", "text": "علي حسين"}, "\nرقمه 0770 123 4567"]
    assert out.text_entities[0] == {"type": "plain", "text": "الاسم: "}
    assert "".join(e["text"] for e in out.text_entities) == out.flat


def test_single_plain_part_is_a_string_and_trailing_empty_part() -> None:
    b = Builder()
    b.add("hello ")
    b.add("world")
    assert b.finish().text == "hello world"
    b = Builder()
    b.add("call ")
    b.entity("+9647701234567", EntityType.PHONE_NUMBER, "phone")
    out = b.finish(trailing_empty=True)
    assert isinstance(out.text, list)
    assert out.text[-1] == ""
    assert out.text_entities[-1] == {"type": "plain", "text": ""}
    assert Builder().finish().text == ""


def test_label_covers_a_block() -> None:
    b = Builder()
    start = b.pos
    b.add("جمهورية العراق\nوزارة الداخلية")
    b.label(EntityType.STATE_DOCUMENT, start, b.pos)
    b.label(EntityType.STATE_DOCUMENT, 3, 3)  # empty labels are ignored
    assert len(b.finish().spans) == 1


def test_digit_scripts_preserve_length() -> None:
    assert to_script("0770 123", "arabic") == "٠٧٧٠ ١٢٣"
    assert to_script("0770 123", "extended") == "۰۷۷۰ ۱۲۳"
    assert to_script("0770", "ascii") == "0770"


def test_emoji_breaks_digit_groups() -> None:
    rng = random.Random(3)
    for value in ("0770 123 4567", "07701234567", "+964-770-123-4567"):
        out = emojify(value, rng)
        assert out[0] == value[0]
        assert out[-1] == value[-1]
        assert not out.isascii()


def test_name_variants_stay_inside_the_name() -> None:
    rng = random.Random(0)
    for _ in range(200):
        name = "عبد الأمير مصطفى فاطمة"
        for variant in (add_tatweel(name, rng), add_diacritics(name, rng), vary_letters(name, rng)):
            assert variant == variant.strip()
            assert not variant.startswith("ـ")
            assert "ـ " not in variant
    assert vary_letters("مصطفى", random.Random(1)) in {"مصطفى", "مصطفي"}


def test_tg_string_escapes_like_telegram_desktop() -> None:
    assert tg_string('a"b\\c\n') == '"a\\"b\\\\c\\n"'
    assert tg_string("x\x0by") == '"x\\x0by"'
    assert tg_string("\x08\x0c\x1f") == '"\\x08\\x0c\\x1f"'
    assert tg_string("a\u2028b") == '"a\\u2028b"'
    assert tg_string("\\u000b") == '"\\\\u000b"'  # an escaped backslash is text, not an escape
    assert tg_string("بغداد") == '"بغداد"'


def test_tg_dumps_matches_json_indent_one() -> None:
    value = {
        "id": 1,
        "type": "message",
        "ok": True,
        "none": None,
        "text": ["a", {"type": "bold", "text": "b"}],
        "e": [],
    }
    assert tg_dumps(value) == json.dumps(value, ensure_ascii=False, indent=1)  # type: ignore[arg-type]
