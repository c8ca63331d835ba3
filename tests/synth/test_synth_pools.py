"""The holdout style shares no names, places or templates with the default style."""

from __future__ import annotations

from leakwatch.synth.pools import SPLIT_FIELDS, pools_for, split
from leakwatch.synth.templates import ALL_TEMPLATES, count_templates, templates_for


def test_pools_are_disjoint_and_non_empty() -> None:
    default, holdout = pools_for("default"), pools_for("holdout")
    for lang in ("ar", "ku", "en"):
        d, h = default.of(lang), holdout.of(lang)
        for name in SPLIT_FIELDS:
            dv, hv = set(getattr(d, name)), set(getattr(h, name))
            assert dv, (lang, name)
            assert hv, (lang, name)
            assert not dv & hv, (lang, name)
        assert not {hood for _, hood in d.hoods} & {hood for _, hood in h.hoods}


def test_split_is_roughly_eighty_twenty_and_exhaustive() -> None:
    items = tuple(f"name{i}" for i in range(100))
    default, holdout = split(items, "default"), split(items, "holdout")
    assert len(holdout) == 20
    assert sorted(default + holdout) == sorted(items)
    assert split(("only",), "holdout") == ()


def test_templates_are_disjoint_and_cover_every_kind() -> None:
    default, holdout = templates_for("default"), templates_for("holdout")
    assert not {t.id for t in default} & {t.id for t in holdout}
    assert {t.id for t in default} | {t.id for t in holdout} == {t.id for t in ALL_TEMPLATES}
    kinds = {t.kind for t in ALL_TEMPLATES}
    assert {t.kind for t in default} == kinds
    assert {t.kind for t in holdout} == kinds


def test_template_variety() -> None:
    counts = count_templates()
    assert counts["leak"] >= 80
    assert counts["negative"] >= 60
    assert count_templates("default")["negative"] >= 30
    for lang in ("ar", "ku", "en", "mix"):
        assert any(t.lang == lang and t.polarity == "leak" for t in templates_for("default"))
