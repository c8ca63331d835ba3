"""Normalization of Arabic, Kurdish and Latin text with an offset map back to the original."""

from leakwatch.normalize.text import NormalizedText, normalize, normalize_token

__all__ = ["NormalizedText", "normalize", "normalize_token"]
