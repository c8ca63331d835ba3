"""Issue 8's acceptance run: mutated exports through `leakwatch scan`, each in its own process.

    python scripts/fuzz_exports.py --count 3000     # the full run (about 10 minutes on one core)
    python scripts/fuzz_exports.py --count 100                          # a quick look

Base exports: the real ones in `../shared/data/telegram_export_examples/` when that folder exists,
and synthetic ones from `leakwatch synth`. Each case mutates one base, by bytes (flipped, inserted,
deleted or duplicated bytes, an early `\\xff`, a NUL in the first 16 KB, a truncation) or by
structure (a field of the wrong JSON type, a message `text` 100,000 arrays deep, a root 50,000
objects deep, a key removed, `messages` of the wrong type, a phone-dense or a 2 MB message), and
runs `leakwatch scan FILE -f jsonl --all -w 1` on it in a child process forked from a parent that
has already imported leakwatch (so a case costs its scan, not an interpreter start), under a 2 GB
address-space cap (RLIMIT_AS) and a 20 s timeout.

Counted: tracebacks (an uncaught exception, or any "Traceback" on stderr), timeouts, OOMs
(MemoryError, or the child killed by a signal), exit codes other than 0 and 2, error lines that
are not one line starting "leakwatch: ", and the share of the base's readable messages each
mutated export still yields (one JSONL record per message with `--all`). The mutators are also
what `tests/sources/test_fuzz.py` uses, on a few hundred cases in-process.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import signal
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "data" / "telegram_export_examples"
MEMORY_CAP = 2 * 1024**3
TIMEOUT_S = 20.0

Mutator = Callable[[bytes, random.Random], bytes]

# --- byte mutations ---------------------------------------------------------------------------

_JUNK = (b"\xff", b"\x00", b"{", b"}", b"[", b"]", b'"', b",", b":", b"\\", b"\xc3", b"\xe2\x80")


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def insert_junk(data: bytes, rng: random.Random) -> bytes:
    out = data
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(out) + 1)
        junk = rng.choice(_JUNK) if rng.random() < 0.7 else rng.randbytes(rng.randint(1, 16))
        out = out[:at] + junk + out[at:]
    return out


def delete_range(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 200) :]


def duplicate_range(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    end = min(len(data), at + rng.randint(1, 400))
    return data[:end] + data[at:end] + data[end:]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def early_ff(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(min(len(data), 1024))
    return data[:at] + b"\xff" + data[at:]


def early_nul(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(min(len(data), 16 * 1024))
    return data[:at] + b"\x00" + data[at:]


# --- structure mutations ----------------------------------------------------------------------

_WRONG: tuple[object, ...] = ([], {}, None, 1.5, True, "x", -1, 2**70, [[["deep"]]], {"a": {}})


def _dump(root: object) -> bytes:
    return json.dumps(root, ensure_ascii=False, indent=1).encode()


def _messages(root: Any) -> list[Any]:
    if isinstance(root, dict) and isinstance(root.get("messages"), list):
        return list(root["messages"])
    return []


def _structure(
    data: bytes, rng: random.Random, change: Callable[[Any, random.Random], bytes]
) -> bytes:
    try:
        root = json.loads(data)
    except ValueError:
        return data
    return change(root, rng)


def wrong_type(data: bytes, rng: random.Random) -> bytes:
    def change(root: Any, rng: random.Random) -> bytes:
        msgs = [m for m in _messages(root) if isinstance(m, dict) and m]
        if not msgs:
            return _dump(root)
        for m in rng.sample(msgs, min(len(msgs), rng.randint(1, 3))):
            m[rng.choice(sorted(m))] = rng.choice(_WRONG)
        return _dump(root)

    return _structure(data, rng, change)


def remove_key(data: bytes, rng: random.Random) -> bytes:
    def change(root: Any, rng: random.Random) -> bytes:
        msgs = [m for m in _messages(root) if isinstance(m, dict)]
        for m in rng.sample(msgs, min(len(msgs), rng.randint(1, 5))):
            m.pop(rng.choice(("id", "type", "text", "date_unixtime")), None)
        return _dump(root)

    return _structure(data, rng, change)


def root_field_type(data: bytes, rng: random.Random) -> bytes:
    def change(root: Any, rng: random.Random) -> bytes:
        if isinstance(root, dict):
            root[rng.choice(("messages", "name", "id", "type"))] = rng.choice(_WRONG)
        return _dump(root)

    return _structure(data, rng, change)


def _replace_text(data: bytes, rng: random.Random, text: bytes) -> bytes:
    """Put raw JSON `text` as one message's `text` (built as bytes: json.dumps recurses)."""
    marker = "@@FUZZ@@"

    def change(root: Any, rng: random.Random) -> bytes:
        msgs = [m for m in _messages(root) if isinstance(m, dict)]
        if not msgs:
            return _dump(root)
        rng.choice(msgs)["text"] = marker
        return _dump(root).replace(f'"{marker}"'.encode(), text, 1)

    return _structure(data, rng, change)


def deep_text(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice((1_000, 40_000, 100_000))
    return _replace_text(data, rng, b"[" * depth + b"]" * depth)


def dense_text(data: bytes, rng: random.Random) -> bytes:
    return _replace_text(data, rng, json.dumps("رقمه 07701234567 " * 8000).encode())


def huge_text(data: bytes, rng: random.Random) -> bytes:
    return _replace_text(data, rng, json.dumps("x" * (2 * 1024 * 1024)).encode())


def deep_root(data: bytes, rng: random.Random) -> bytes:
    depth = 50_000
    return b'{"a":' * depth + b"1" + b"}" * depth


BYTE_MUTATORS: tuple[Mutator, ...] = (
    flip_bytes,
    insert_junk,
    delete_range,
    duplicate_range,
    truncate,
    early_ff,
    early_nul,
)
STRUCTURE_MUTATORS: tuple[Mutator, ...] = (wrong_type, remove_key, root_field_type, deep_text)
RARE_MUTATORS: tuple[Mutator, ...] = (dense_text, huge_text, deep_root)


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One random mutation of `data`: its name and the mutated bytes."""
    roll = rng.random()
    if roll < 0.6:
        fn = rng.choice(BYTE_MUTATORS)
    elif roll < 0.95:
        fn = rng.choice(STRUCTURE_MUTATORS)
    else:
        fn = rng.choice(RARE_MUTATORS)
    return fn.__name__, fn(data, rng)


# --- base exports -----------------------------------------------------------------------------


def base_exports(work: Path, synthetic: int = 4, messages: int = 160) -> list[Path]:
    """The real exports (if the shared folder is there) and `synthetic` `leakwatch synth` ones."""
    found = sorted(REAL.glob("*.json")) if REAL.is_dir() else []
    out = work / "synth"
    if synthetic and not out.exists():
        from leakwatch.cli.main import main

        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            main(["synth", str(out), "--messages", str(messages), "--channels", str(synthetic)])
    found += sorted(out.glob("*/result.json")) if out.exists() else []
    return found


# --- one case in a forked child ---------------------------------------------------------------


@dataclass
class Outcome:
    kind: str
    rc: int | None
    kept: int
    base: int
    seconds: float
    stderr: str = ""

    @property
    def share(self) -> float:
        return min(1.0, self.kept / self.base) if self.base else 1.0


def _child(path: Path, out: Path, err: Path) -> None:
    """Runs in the forked child: cap memory, scan, exit with the CLI's status."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    code = 70
    with out.open("w") as o, err.open("w") as e:
        os.dup2(o.fileno(), 1)
        os.dup2(e.fileno(), 2)
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 - the child exits right after
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
        try:
            from leakwatch.cli.main import main

            code = main(["scan", str(path), "-f", "jsonl", "--all", "-w", "1", "-q"])
        except MemoryError:
            print("MemoryError", file=sys.stderr)
            code = 71
        except BaseException:
            traceback.print_exc()
            code = 70
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
    os._exit(code)


def run_case(path: Path, base: int, kind: str, timeout: float = TIMEOUT_S) -> Outcome:
    out, err = path.with_suffix(".out"), path.with_suffix(".err")
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            _child(path, out, err)
        finally:
            os._exit(70)
    status = None
    while time.monotonic() - start < timeout:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.01)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return Outcome("timeout", None, 0, base, time.monotonic() - start)
    seconds = time.monotonic() - start
    stderr = err.read_text(errors="replace") if err.exists() else ""
    kept = 0
    if out.exists():
        with out.open("rb") as f:
            kept = sum(1 for _ in f)
    assert status is not None
    if os.WIFSIGNALED(status):
        return Outcome("oom", None, kept, base, seconds, stderr)
    rc = os.WEXITSTATUS(status)
    if rc == 71 or "MemoryError" in stderr:
        return Outcome("oom", rc, kept, base, seconds, stderr)
    if rc == 70 or "Traceback" in stderr:
        return Outcome("traceback", rc, kept, base, seconds, stderr)
    if rc not in (0, 2):
        return Outcome("bad-exit", rc, kept, base, seconds, stderr)
    lines = [line for line in stderr.splitlines() if line.strip()]
    if any(not line.startswith("leakwatch: ") for line in lines):
        return Outcome("bad-message", rc, kept, base, seconds, stderr)
    return Outcome("ok", rc, kept, base, seconds, stderr)


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Tally:
    outcomes: Counter[str] = field(default_factory=Counter)
    by_mutation: dict[str, list[float]] = field(default_factory=dict)
    damaged: list[float] = field(default_factory=list)
    shares: list[float] = field(default_factory=list)
    slowest: float = 0.0
    examples: dict[str, str] = field(default_factory=dict)


def run(count: int, seed: int, work: Path, progress: bool = True) -> Tally:
    bases = base_exports(work)
    if not bases:
        raise SystemExit("no base exports")
    _warm()
    base_bytes = [p.read_bytes() for p in bases]
    base_counts = [_count(p, work) for p in bases]
    rng = random.Random(seed)
    tally = Tally()
    cases = work / "cases"
    cases.mkdir(exist_ok=True)
    for i in range(count):
        b = rng.randrange(len(bases))
        kind, data = mutate(base_bytes[b], rng)
        path = cases / "case.json"
        path.write_bytes(data)
        outcome = run_case(path, base_counts[b], kind)
        _add(tally, kind, outcome, path.read_bytes() if outcome.kind != "ok" else b"")
        if progress and (i + 1) % 50 == 0:
            print(f"{i + 1}/{count} {dict(tally.outcomes)}", file=sys.stderr, flush=True)
    return tally


def _warm() -> None:
    """Import and build everything once, so each forked child starts with warm caches."""
    from leakwatch.cli import main as _main  # noqa: F401
    from leakwatch.detect.analyzer import Analyzer
    from leakwatch.detect.registry import default_recognizers
    from leakwatch.scan.engine import scan_message
    from leakwatch.sources.message import Message

    scan_message(Analyzer(default_recognizers()), Message("warm", 1, "w", 1, None, "07701234567"))


def _count(path: Path, work: Path) -> int:
    outcome = run_case(path, 0, "base", timeout=120)
    return outcome.kept


def _add(tally: Tally, kind: str, outcome: Outcome, data: bytes) -> None:
    tally.outcomes[outcome.kind] += 1
    tally.slowest = max(tally.slowest, outcome.seconds)
    tally.by_mutation.setdefault(kind, []).append(outcome.share)
    tally.shares.append(outcome.share)
    if outcome.rc == 2:
        tally.damaged.append(outcome.share)
    if outcome.kind != "ok" and outcome.kind not in tally.examples:
        tally.examples[outcome.kind] = f"{kind}: {outcome.stderr.strip()[-400:]}"


def report(tally: Tally, count: int, seed: int, seconds: float) -> str:
    o = tally.outcomes
    med = statistics.median(tally.damaged) if tally.damaged else 1.0
    lines = [
        f"`python scripts/fuzz_exports.py --count {count} --seed {seed}`: {count:,} mutated "
        f"exports, each scanned in its own process under a 2 GB address-space cap and a "
        f"{TIMEOUT_S:.0f} s timeout ({seconds / 60:.1f} min in all; slowest case "
        f"{tally.slowest:.1f} s).",
        "",
        "| outcome | cases |",
        "|---|--:|",
        *(
            f"| {k} | {o.get(k, 0):,} |"
            for k in ("ok", "traceback", "timeout", "oom", "bad-exit", "bad-message")
        ),
        "",
        f"Damaged exports (exit 2): {len(tally.damaged):,}; median share of the base's readable "
        f"messages kept: **{med:.0%}** (mean {statistics.fmean(tally.damaged or [1.0]):.0%}); "
        f"over all cases: median {statistics.median(tally.shares or [1.0]):.0%}.",
        "",
        "| mutation | cases | median kept | mean kept |",
        "|---|--:|--:|--:|",
    ]
    for kind, shares in sorted(tally.by_mutation.items()):
        lines.append(
            f"| {kind} | {len(shares):,} | {statistics.median(shares):.0%} | "
            f"{statistics.fmean(shares):.0%} |"
        )
    for kind, example in tally.examples.items():
        lines += ["", f"First `{kind}`: {example}"]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    args = ap.parse_args()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lw-fuzz-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        tally = run(args.count, args.seed, work)
    text = report(tally, args.count, args.seed, time.monotonic() - start)
    print(text)
    bad = sum(tally.outcomes[k] for k in ("traceback", "timeout", "oom", "bad-exit", "bad-message"))
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
