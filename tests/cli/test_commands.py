"""The top-level command table (`cli/commands.py`) against what the command modules register,
and `leakwatch --help` loading none of them."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from leakwatch.cli.commands import BY_NAME, COMMANDS, Command
from leakwatch.cli.main import build_parser, main


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, str | None]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {a.dest: a.help for a in action._choices_actions}
    raise AssertionError("no sub-commands")


def test_the_table_lists_every_command_with_its_modules_help() -> None:
    real = _subcommands(build_parser([], full=True))
    assert real == {c.name: c.help for c in COMMANDS}
    assert len(BY_NAME) == len(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_each_command_is_built_by_its_module_and_the_rest_listed(command: Command) -> None:
    """Every command, the second one a module registers too (`status` after `ingest`)."""
    parser = build_parser([command.name])
    assert _subcommands(parser) == {c.name: c.help for c in COMMANDS}
    with pytest.raises(SystemExit) as exc:
        parser.parse_args([command.name, "--help"])
    assert exc.value.code == 0


def test_help_loads_no_command_module() -> None:
    probe = (
        "import sys\n"
        "from leakwatch.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.startswith(('sqlalchemy', 'leakwatch.detect', "
        "'leakwatch.store', 'fastapi', 'leakwatch.cli.scan_cmd'))]\n"
        "print(heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().endswith("[]"), out


def test_an_unknown_command_is_one_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["no-such-command"])
    assert exc.value.code == 2
