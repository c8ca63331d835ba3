"""A base for read-only value classes on the compiled hot path.

A frozen dataclass would say the same in fewer lines, but compiled with mypyc its generated
`__init__` runs as interpreted Python, and findings, assessments and normalized texts are built
several times per message. Subclasses are plain classes with `Final` attributes set in their own
`__init__`; this base gives them a frozen dataclass's equality, hash and repr over the fields
that `_NAMES` lists, in that order.
"""

from __future__ import annotations

from typing import ClassVar


class Frozen:
    """Equality, hash and repr over the attributes named in `_NAMES`, as a frozen dataclass's."""

    __slots__ = ()

    #: The attributes that make up the value, in the order `repr` shows them.
    _NAMES: ClassVar[tuple[str, ...]] = ()

    def _fields(self) -> tuple[object, ...]:
        return tuple([getattr(self, name) for name in self._NAMES])

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self) or not isinstance(other, Frozen):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        args = ", ".join(
            f"{name}={value!r}" for name, value in zip(self._NAMES, self._fields(), strict=True)
        )
        return f"{type(self).__name__}({args})"
