"""`leakwatch synth`: a labelled corpus of Telegram channel exports for evaluation and benchmarks.

Writes `<out>/<channel_slug>/result.json` per channel and `<out>/labels.jsonl` with one line per
non-service message (docs/spans.md). Output is a pure function of (messages, channels, seed,
style, mix): each channel draws from its own `random.Random` seeded from the run seed, nothing
global is touched, and messages stream to disk as they are made.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from leakwatch.errors import UsageError
from leakwatch.synth.context import Ctx, MsgLang
from leakwatch.synth.data_places import CHANNEL_NAMES
from leakwatch.synth.export import ChannelWriter, JsonValue
from leakwatch.synth.mix import DEFAULT_MIX, Mix, Picker
from leakwatch.synth.pools import STYLES, Pools, Style, pools_for
from leakwatch.synth.render import Rendered
from leakwatch.synth.templates import Template
from leakwatch.synth.truth import CLEAR, judge

LABELS_NAME = "labels.jsonl"
_EPOCH_START = 1_577_836_800  # 2020-01-01T00:00:00Z
_BAGHDAD_OFFSET = 3 * 3600  # exports write local time; the synthetic exporter sat in Baghdad
_SHORT_TEXT = 160
_REDRAWS = 32
_NOT_INCLUDED = "(File not included. Change data exporting settings to download.)"


@dataclass(frozen=True, slots=True)
class SynthSummary:
    """What `generate` wrote (counts are of labelled, i.e. non-service, messages)."""

    out_dir: Path
    labels_path: Path
    style: Style
    seed: int
    channels: int
    messages: int
    service_messages: int
    leaks: int
    clear: int
    hard_negatives: int
    chatter: int
    templates_used: int
    seconds: float
    by_kind: tuple[tuple[str, int], ...] = field(default=())
    by_lang: tuple[tuple[str, int], ...] = field(default=())
    by_severity: tuple[tuple[str, int], ...] = field(default=())

    @property
    def messages_per_second(self) -> float:
        return self.messages / self.seconds if self.seconds > 0 else float("inf")


def _fingerprint(text: str) -> int:
    """A process-independent 64-bit digest (`hash` of a str is salted per process)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


class _Counts:
    def __init__(self) -> None:
        self.kinds: Counter[str] = Counter()
        self.langs: Counter[str] = Counter()
        self.severities: Counter[str] = Counter()
        self.polarity: Counter[str] = Counter()
        self.templates: set[str] = set()
        self.service = 0
        # Short texts are the only ones likely to repeat; remembering their hashes keeps every
        # message distinct at a memory cost bounded by the number of short messages.
        self.short_seen: set[int] = set()


def _split_counts(rng: random.Random, total: int, parts: int) -> list[int]:
    weights = [rng.uniform(0.4, 1.6) for _ in range(parts)]
    scale = sum(weights)
    counts = [int(total * w / scale) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % parts] += 1
    return counts


def _stamp(ts: int) -> tuple[str, str]:
    local = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts + _BAGHDAD_OFFSET))
    return local, str(ts)


@dataclass(frozen=True, slots=True)
class _Channel:
    index: int
    chat_id: int
    name: str
    slug: str
    chat_type: str
    old_shape: bool


def _channel(index: int, rng: random.Random, mix: Mix) -> _Channel:
    name, base = CHANNEL_NAMES[index % len(CHANNEL_NAMES)]
    cycle = index // len(CHANNEL_NAMES)
    if cycle:
        name = f"{name} {cycle + 1}"
    return _Channel(
        index=index,
        chat_id=1_700_000_001 + index,
        name=name,
        slug=f"{index + 1:04d}_{base}",
        chat_type="private_channel" if rng.random() < 0.15 else "public_channel",
        old_shape=rng.random() < mix.old_shape_channels,
    )


class _ChannelRun:
    """Writes one channel: its messages into result.json and their labels into labels.jsonl."""

    def __init__(
        self, ch: _Channel, rng: random.Random, pools: Pools, picker: Picker, mix: Mix
    ) -> None:
        self.ch, self.rng, self.pools, self.picker, self.mix = ch, rng, pools, picker, mix
        self.source = f"{ch.slug}/result.json"
        self.from_id: JsonValue = ch.chat_id if ch.old_shape else f"channel{ch.chat_id}"
        self.next_id = 1
        self.ts = _EPOCH_START + rng.randrange(0, 3 * 365 * 86400)
        self.last_ids: list[int] = []

    def _base(self, kind: str) -> dict[str, JsonValue]:
        msg: dict[str, JsonValue] = {"id": self.next_id, "type": kind}
        date, unix = _stamp(self.ts)
        msg["date"] = date
        if not self.ch.old_shape:
            msg["date_unixtime"] = unix
        return msg

    def _advance(self) -> None:
        self.next_id += 1 if self.rng.random() > 0.05 else self.rng.randint(2, 6)
        self.ts += 60 + int(self.rng.expovariate(1 / 10_800))

    def service(self, action: str) -> dict[str, JsonValue]:
        msg = self._base("service")
        msg["actor"] = self.ch.name
        msg["actor_id"] = self.from_id
        msg["action"] = action
        if action in ("create_channel", "edit_group_title"):
            msg["title"] = self.ch.name
        elif action == "pin_message":
            msg["message_id"] = self.rng.choice(self.last_ids) if self.last_ids else 1
        elif action == "edit_group_photo":
            msg.update(
                {
                    "photo": _NOT_INCLUDED,
                    "photo_file_size": self.rng.randint(20_000, 250_000),
                    "width": 640,
                    "height": 640,
                }
            )
        msg["text"] = ""
        if not self.ch.old_shape:
            msg["text_entities"] = []
        self._advance()
        return msg

    def _draw(self, counts: _Counts) -> tuple[Template, MsgLang, Ctx, Rendered]:
        """Make one message, redrawing (a few times at most) a short text already used."""
        template, lang = self.picker.pick(self.rng)
        for _ in range(_REDRAWS):  # same template again: the corpus mix must not drift
            ctx = Ctx(self.rng, self.pools, lang)
            template.write(ctx)
            rendered = ctx.b.finish(trailing_empty=self.rng.random() < 0.5)
            if not rendered.flat or len(rendered.flat) > _SHORT_TEXT:
                break
            key = _fingerprint(rendered.flat)
            if key not in counts.short_seen:
                counts.short_seen.add(key)
                break
        return template, lang, ctx, rendered

    def message(self, counts: _Counts) -> tuple[dict[str, JsonValue], dict[str, object]]:
        rng, mix = self.rng, self.mix
        template, lang, ctx, rendered = self._draw(counts)
        truth = judge(ctx.facts) if template.polarity == "leak" else CLEAR
        if template.polarity == "leak" and not ctx.facts:
            raise AssertionError(f"leak template {template.id} recorded no fact")

        msg = self._base("message")
        if rng.random() < mix.edited:
            msg["edited"], edited_unix = _stamp(self.ts + rng.randint(60, 86_400))
            if not self.ch.old_shape:
                msg["edited_unixtime"] = edited_unix
        msg["from"] = self.ch.name
        msg["from_id"] = self.from_id
        if rng.random() < mix.forwarded:
            other_name, _ = CHANNEL_NAMES[rng.randrange(len(CHANNEL_NAMES))]
            msg["forwarded_from"] = other_name
            if not self.ch.old_shape and rng.random() < 0.5:
                msg["forwarded_from_id"] = f"channel{rng.randint(1_100_000_000, 2_900_000_000)}"
        if template.kind == "media_only" or rng.random() < mix.photo_caption:
            msg.update(
                {
                    "photo": _NOT_INCLUDED,
                    "photo_file_size": rng.randint(30_000, 400_000),
                    "width": 1280,
                    "height": rng.choice((720, 960, 1280)),
                }
            )
        msg["text"] = rendered.text  # type: ignore[assignment]
        if not self.ch.old_shape:
            msg["text_entities"] = rendered.text_entities  # type: ignore[assignment]

        label: dict[str, object] = {
            "source": self.source,
            "channel_id": self.ch.chat_id,
            "message_id": self.next_id,
            "verdict": truth.verdict.value,
            "severity": truth.severity.value if truth.severity else None,
            "categories": [c.value for c in truth.categories],
            "findings": [
                {"entity_type": s.entity_type.value, "start": s.start, "end": s.end}
                for s in rendered.spans
            ],
            "kind": template.kind,
            "lang": lang,
            "template": template.id,
        }
        counts.kinds[template.kind] += 1
        counts.langs[lang] += 1
        counts.polarity[template.polarity] += 1
        counts.templates.add(template.id)
        if truth.severity:
            counts.severities[truth.severity.value] += 1
        self.last_ids.append(self.next_id)
        if len(self.last_ids) > 50:
            del self.last_ids[:25]
        self._advance()
        return msg, label

    def run(self, total: int, labels: IO[str], out_dir: Path, counts: _Counts) -> None:
        with ChannelWriter(
            out_dir / self.source, self.ch.name, self.ch.chat_type, self.ch.chat_id
        ) as writer:
            writer.write(self.service("create_channel"))
            counts.service += 1
            for _ in range(total):
                if self.rng.random() < self.mix.service:
                    writer.write(
                        self.service(
                            self.rng.choice(
                                (
                                    "pin_message",
                                    "pin_message",
                                    "edit_group_photo",
                                    "edit_group_title",
                                )
                            )
                        )
                    )
                    counts.service += 1
                msg, label = self.message(counts)
                writer.write(msg)
                labels.write(json.dumps(label, ensure_ascii=False) + "\n")


def generate(
    out_dir: Path,
    messages: int,
    channels: int,
    seed: int,
    style: Style = "default",
    mix: Mix = DEFAULT_MIX,
) -> SynthSummary:
    """Write a labelled synthetic corpus: `messages` labelled messages over `channels` channels."""
    if messages < 0:
        raise UsageError("messages must be zero or more")
    if channels < 1:
        raise UsageError("channels must be at least 1")
    if min(mix.leak, mix.negative, mix.chatter) < 0 or mix.leak + mix.negative + mix.chatter <= 0:
        raise UsageError("mix shares must be non-negative and not all zero")
    if style not in STYLES:
        raise UsageError(f"unknown style {style!r}; use one of: {', '.join(STYLES)}")
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    pools = pools_for(style)
    picker = Picker(style, mix)
    master = random.Random(seed)
    per_channel = _split_counts(master, messages, channels)
    counts = _Counts()
    labels_path = out_dir / LABELS_NAME
    with labels_path.open("w", encoding="utf-8", newline="\n") as labels:
        for index, total in enumerate(per_channel):
            rng = random.Random(seed * 1_000_003 + index)
            run = _ChannelRun(_channel(index, rng, mix), rng, pools, picker, mix)
            run.run(total, labels, out_dir, counts)
    leaks = counts.polarity["leak"]
    return SynthSummary(
        out_dir=out_dir,
        labels_path=labels_path,
        style=style,
        seed=seed,
        channels=channels,
        messages=messages,
        service_messages=counts.service,
        leaks=leaks,
        clear=messages - leaks,
        hard_negatives=counts.polarity["negative"],
        chatter=counts.polarity["chatter"],
        templates_used=len(counts.templates),
        seconds=time.perf_counter() - started,
        by_kind=tuple(sorted(counts.kinds.items())),
        by_lang=tuple(sorted(counts.langs.items())),
        by_severity=tuple(sorted(counts.severities.items())),
    )
