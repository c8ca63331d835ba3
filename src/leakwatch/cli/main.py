"""Entry point: parse arguments, run a command, map `LeakwatchError` to one line and an exit code.

Exit codes: 0 done; 1 leaks found with `--fail-on leak`; 2 bad input or usage (after scanning
everything that was readable); 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from leakwatch import __version__
from leakwatch.cli import (
    admin_cmd,
    ingest_cmd,
    key_cmd,
    report_cmd,
    scan_cmd,
    serve_cmd,
    synth_cmd,
    token_cmd,
    webhook_cmd,
    workflow_cmd,
)
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leakwatch",
        description="Find leaks of personal data and state documents in public messaging "
        "channels (Arabic, Kurdish, English).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"leakwatch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    scan_cmd.add_parser(sub)
    synth_cmd.add_synth_parser(sub)
    synth_cmd.add_eval_parser(sub)
    ingest_cmd.add_parsers(sub)
    workflow_cmd.add_parsers(sub)
    report_cmd.add_parsers(sub)
    admin_cmd.add_parsers(sub)
    key_cmd.add_parsers(sub)
    token_cmd.add_parsers(sub)
    serve_cmd.add_parsers(sub)
    webhook_cmd.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
