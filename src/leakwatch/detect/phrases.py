"""Every cue-word list of the recognizers and the assessment, matched in one pass per message.

Recognizers look for their cue words ("رقمه", "tel", "مواليد") around candidates, and the
assessment for its message-level cues; with an automaton per list, a message was walked once per
list and again per candidate window. The lists register here instead (`register`), one
Aho-Corasick automaton holds them all, and a message is walked once: a list's hits are exactly
what an automaton of its own would report over the whole text (every occurrence, by end
position, longest first), so each owner applies its own boundary rules and windows to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Final

import ahocorasick

from leakwatch.detect.memo import LastText

#: A raw hit: (index of the phrase's last character, the payload its list gave it).
PhraseHit = tuple[int, Any]

_GROUPS: list[Mapping[str, Any]] = []


def register(phrases: Mapping[str, Any]) -> int:
    """Add a list (phrase → payload; phrases already normalized) and return its group number.

    Meant for lists built once at import time: every registered list stays in the automaton.
    """
    _GROUPS.append(dict(phrases))
    return len(_GROUPS) - 1


@cache
def _automaton(n: int) -> Any:
    """One automaton over the first `n` groups; each phrase carries its (group, payload)s."""
    merged: dict[str, list[tuple[int, Any]]] = {}
    for group in range(n):
        for phrase, payload in _GROUPS[group].items():
            if phrase:
                merged.setdefault(phrase, []).append((group, payload))
    automaton = ahocorasick.Automaton()
    for phrase, owners in merged.items():
        automaton.add_word(phrase, tuple(owners))
    automaton.make_automaton()
    return automaton


def _all_hits(text: str, n: int) -> tuple[list[PhraseHit], ...]:
    # Untyped on purpose: compiled, a typed payload would be unpacked and packed again per hit.
    lists: list[list[Any]] = [[] for _ in range(n)]
    automaton = _automaton(n)
    if len(automaton) == 0:
        return tuple(lists)
    for found in automaton.iter(text):
        last = found[0]
        for owner in found[1]:
            lists[owner[0]].append((last, owner[1]))
    return tuple(lists)


_LAST: Final = LastText()


def hits(text: str, group: int) -> list[PhraseHit]:
    """Every occurrence of `group`'s phrases in `text`, in automaton order (do not modify).

    Kept for the last text, so all the lists read one message in one pass.
    """
    n = len(_GROUPS)
    found: tuple[list[PhraseHit], ...] | None = _LAST.get(text, n)
    if found is None:
        found = _all_hits(text, n)
        _LAST.put(text, n, found)
    return found[group]
