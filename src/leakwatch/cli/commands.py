"""Every top-level command: the module that builds it, the function that registers it and its
one-line help, the one copy of that help (the modules pass `BY_NAME[name].help`).

`leakwatch --help` lists them all from this table without importing any command module (those
pull in the store, the detectors and the web stack); a command's own module is imported only
when that command runs. `tests/cli/test_commands.py` checks that the table names exactly the
commands the modules register.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    module: str  # under leakwatch.cli
    register: str  # the module's function that adds this command (and maybe others)
    help: str


COMMANDS: tuple[Command, ...] = (
    Command("scan", "scan_cmd", "add_parser",
            "scan Telegram Desktop exports or JSON Lines posts for leaks"),
    Command("synth", "synth_cmd", "add_synth_parser",
            "write labelled synthetic Telegram exports (demo, tests, benchmark)"),
    Command("eval", "synth_cmd", "add_eval_parser",
            "score a scan against labels: message P/R/F1, FPR, span P/R/F1 per entity type"),
    Command("ingest", "ingest_cmd", "add_parsers",
            "scan exports and store the results (incremental, resumable)"),
    Command("status", "ingest_cmd", "add_parsers",
            "what the store holds: channels, messages, findings, cases, notices, audit events"),
    Command("case", "workflow_cmd", "add_parsers", "open, list, show and queue review cases"),
    Command("decide", "workflow_cmd", "add_parsers",
            "decide a case: remove, restrict_channel, no_violation or escalate (reviewer)"),
    Command("reveal", "workflow_cmd", "add_parsers",
            "decrypt one stored message's text (reviewer, admin; needs a reason; audited)"),
    Command("notice", "workflow_cmd", "add_parsers",
            "regulator notices: submit, acknowledge, follow, read the response"),
    Command("appeal", "workflow_cmd", "add_parsers",
            "a channel owner's appeal, decided by another reviewer"),
    Command("purge", "workflow_cmd", "add_parsers",
            "delete the raw text of messages in cases closed longer ago than a period (admin)"),
    Command("channels", "report_cmd", "add_parsers", "channels ranked by leak risk score"),
    Command("trace", "report_cmd", "add_parsers",
            "where a message's personal data (by fingerprint) appears across channels, first "
            "seen and forwarding chains"),
    Command("report", "report_cmd", "add_parsers", "reports for the regulator"),
    Command("user", "admin_cmd", "add_parsers", "add and list users and their roles (admin)"),
    Command("audit", "admin_cmd", "add_parsers",
            "check the audit log's hash chain (auditor, admin)"),
    Command("init", "key_cmd", "add_parsers",
            "create a store and its key, with the acting user as its first admin"),
    Command("key", "key_cmd", "add_parsers", "the store's key (admin)"),
    Command("token", "token_cmd", "add_parsers", "create, list and revoke API tokens (admin)"),
    Command("serve", "serve_cmd", "add_parsers",
            "serve the HTTP API (docs at /docs; tokens from `leakwatch token create`)"),
    Command("webhook", "webhook_cmd", "add_parsers",
            "signed webhooks that push actions to a platform"),
)  # fmt: skip

BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}
