"""Synthetic, exactly labelled Telegram exports for evaluating leakwatch (`leakwatch synth`)."""

from __future__ import annotations

from leakwatch.synth.generate import LABELS_NAME, SynthSummary, generate
from leakwatch.synth.mix import DEFAULT_MIX, Mix
from leakwatch.synth.pools import STYLES, Style
from leakwatch.synth.templates import count_templates

__all__ = [
    "DEFAULT_MIX",
    "LABELS_NAME",
    "STYLES",
    "Mix",
    "Style",
    "SynthSummary",
    "count_templates",
    "generate",
]
