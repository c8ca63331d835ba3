"""Entry point: parse arguments, run a command, map `LeakwatchError` to one line and an exit code.

Exit codes: 0 done; 1 leaks found with `--fail-on leak`; 2 bad input or usage (after scanning
everything that was readable); 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from leakwatch import __version__
from leakwatch.cli.commands import BY_NAME, COMMANDS
from leakwatch.errors import LeakwatchError

EPILOG = """\
examples:
  leakwatch scan export/result.json                 summary table of leaks per channel
  leakwatch scan exports/ --format jsonl -o out.jsonl   every export under a folder, as JSON Lines
  leakwatch scan posts.jsonl --min-severity high --fail-on leak   gate a pipeline on serious leaks
  leakwatch synth demo/ --messages 5000             write labelled synthetic exports
  leakwatch eval demo/labels.jsonl out.jsonl        precision/recall of a scan against labels

what counts as a leak: docs/leak-policy.md; output fields: docs/scan-output.md
"""


def build_parser(
    argv: Sequence[str] | None = None, *, full: bool = False
) -> argparse.ArgumentParser:
    """The parser for `argv`: the command it names is built by its own module, every other one
    is listed from `commands.COMMANDS` without importing its module (so `leakwatch --help` and
    a store command start without loading the detectors or the web stack). `full` builds every
    command for real (tests, documentation)."""
    parser = argparse.ArgumentParser(
        prog="leakwatch",
        description="Find leaks of personal data and state documents in public messaging "
        "channels (Arabic, Kurdish, English).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"leakwatch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    wanted = _command_in(sys.argv[1:] if argv is None else argv)
    # The registering functions to run for real: the asked-for command's (which may add
    # others too: `ingest` and `status` come from one), or every one.
    chosen = {(c.module, c.register) for c in COMMANDS if full or c.name == wanted}
    built: set[tuple[str, str]] = set()
    for command in COMMANDS:
        source = (command.module, command.register)
        if source not in chosen:
            sub.add_parser(command.name, help=command.help, add_help=False)
        elif source not in built:
            module = importlib.import_module(f"leakwatch.cli.{command.module}")
            getattr(module, command.register)(sub)
            built.add(source)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The command `argv` names: its first word that is not an option."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in BY_NAME else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
        return code
    except LeakwatchError as exc:
        print(f"leakwatch: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("leakwatch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
