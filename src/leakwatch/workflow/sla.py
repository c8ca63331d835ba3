"""A notice's SLA clock, as a pure function of its timestamps (no store, easy to test).

The clock runs from receipt until the notice is finished: actioned, or decided with nothing to do
(`no_violation`). Each stage gets its own duration so a regulator can see where time went.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


def _hours(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 3600, 2)


@dataclass(frozen=True, slots=True)
class Clock:
    """Hours per stage (None until the stage is reached), in total, and against the SLA."""

    to_acknowledge: float | None
    to_decide: float | None
    to_action: float | None
    total: float
    due_at: datetime
    finished: bool
    overdue: bool  # open past the deadline, or finished after it


def clock(
    received: datetime,
    acknowledged: datetime | None,
    decided: datetime | None,
    actioned: datetime | None,
    sla_hours: int,
    *,
    finished: bool,
    now: datetime,
) -> Clock:
    """The clock at `now`; `finished` says whether the notice needs nothing more."""
    end = (actioned or decided or now) if finished else now
    total = _hours(received, end) or 0.0
    return Clock(
        to_acknowledge=_hours(received, acknowledged),
        to_decide=_hours(acknowledged or received, decided),
        to_action=_hours(decided, actioned),
        total=total,
        due_at=received + timedelta(hours=sla_hours),
        finished=finished,
        overdue=total > sla_hours,
    )
