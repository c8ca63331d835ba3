"""`leakwatch case|decide|reveal|notice|appeal|purge`: the review loop from the command line.

Every command runs as a user (`--as`, `$LEAKWATCH_USER` or the login name) and the role checks
happen in the services, so the CLI can refuse nothing the API would allow, and vice versa.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from rich.console import Console
from rich.table import Table

from leakwatch.cli.commands import BY_NAME
from leakwatch.cli.flags import at_least_one
from leakwatch.cli.store_opts import add_store_options, keyring, open_as
from leakwatch.entities import Category, Severity
from leakwatch.errors import UsageError
from leakwatch.workflow.appeals import OUTCOMES, decide_appeal, file_appeal, list_appeals
from leakwatch.workflow.cases import (
    DEFAULT_MIN_LEAKS,
    CaseView,
    list_cases,
    open_channel_cases,
    queue,
    show_case,
)
from leakwatch.workflow.exclusions import exclude_messages
from leakwatch.workflow.notices import (
    NoticeView,
    acknowledge_notice,
    list_notices,
    notice_response,
    notice_status,
    submit_notice,
)
from leakwatch.workflow.reasons import NO_VIOLATION_CODES, DecisionType, ReasonCode
from leakwatch.workflow.retention import parse_period, purge
from leakwatch.workflow.reveal import reveal, reveal_finding
from leakwatch.workflow.review import DecisionView, decide
from leakwatch.workflow.states import CaseStatus

FORMATS = ("table", "json")
CASE_EPILOG = """\
examples:
  leakwatch case open-auto                   open cases for channels above the threshold
  leakwatch case queue --limit 10            what to review next (notices by deadline first)
  leakwatch case show 3                      one case: its messages' masked findings
  leakwatch case exclude 3 17 --reason not_a_leak   one false positive out of the case
  leakwatch decide 3 --decision remove --reason identity_bundle --document-reason state_document
"""
NOTICE_EPILOG = """\
examples:
  leakwatch notice submit --authority CMC --reference CMC/2023/881 \\
      --legal-basis "Law 6/2019 art. 4" --category personal_data https://t.me/c/1001/42
  leakwatch notice ack 1                     acknowledge receipt (starts the second SLA stage)
  leakwatch notice response 1 --format json  what the regulator reads: no personal data
"""


def _console() -> Console:
    """Stdout, 140 columns wide when piped (so channel keys are not cut)."""
    console = Console()
    return console if console.is_terminal else Console(width=140)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()


def _fmt(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", "-f", choices=FORMATS, default="table", help="output format (default table)"
    )


def add_parsers(sub: Any) -> None:
    _case_parsers(sub)
    _decide_parser(sub)
    _reveal_parser(sub)
    _notice_parsers(sub)
    _appeal_parsers(sub)
    _purge_parser(sub)


def _case_parsers(sub: Any) -> None:
    case = sub.add_parser(
        "case",
        help=BY_NAME["case"].help,
        epilog=CASE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cs = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    auto = cs.add_parser("open-auto", help="open a case per channel above the leak threshold")
    auto.add_argument(
        "--min-leaks",
        type=int,
        default=DEFAULT_MIN_LEAKS,
        metavar="N",
        help=f"leak messages not yet in a case that open one (default {DEFAULT_MIN_LEAKS}; "
        "a single critical leak always does)",
    )
    auto.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        default=Severity.MEDIUM.value,
        help="count only leaks at least this severe (default medium)",
    )
    add_store_options(auto)
    auto.set_defaults(handler=_case_open_auto)
    ls = cs.add_parser("list", help="all cases, or those with one status")
    ls.add_argument("--status", choices=[c.value for c in CaseStatus], help="filter by status")
    _fmt(ls)
    add_store_options(ls)
    ls.set_defaults(handler=_case_list)
    q = cs.add_parser("queue", help="active cases, highest severity x reach first")
    q.add_argument("--limit", type=int, metavar="N", help="show the first N only")
    _fmt(q)
    add_store_options(q)
    q.set_defaults(handler=_case_queue)
    ex = cs.add_parser(
        "exclude",
        help="take messages out of a case's scope (a false positive; reviewer): the case's "
        "decision will not touch them",
    )
    ex.add_argument("case_id", type=int, metavar="CASE")
    ex.add_argument("message_pks", type=int, nargs="+", metavar="MESSAGE", help="stored message")
    ex.add_argument(
        "--reason",
        required=True,
        choices=[r.value for r in ReasonCode if r.value in NO_VIOLATION_CODES],
        help="why they are no violation",
    )
    ex.add_argument("--version", type=int, metavar="V", help="the case version you reviewed")
    _fmt(ex)
    add_store_options(ex)
    ex.set_defaults(handler=_case_exclude)
    show = cs.add_parser("show", help="one case with its messages' masked findings")
    show.add_argument("case_id", type=int, metavar="CASE")
    _fmt(show)
    add_store_options(show)
    show.set_defaults(handler=_case_show)


def _decide_parser(sub: Any) -> None:
    d = sub.add_parser(
        "decide",
        help=BY_NAME["decide"].help,
        description="Decide a case and record its statement of reasons. remove and "
        "restrict_channel are carried out at once; the reason code names the leak-policy clause.",
    )
    d.add_argument("case_id", type=int, metavar="CASE")
    d.add_argument("--decision", required=True, choices=[x.value for x in DecisionType])
    d.add_argument(
        "--reason",
        required=True,
        choices=[r.value for r in ReasonCode],
        help="reason code: identity_bundle (policy 1), third_party_identifier (2), "
        "bulk_records (3), state_document (4); not_a_leak, public_contact, public_figure",
    )
    d.add_argument(
        "--document-reason",
        choices=[r.value for r in ReasonCode],
        help="the reason for the messages that are state documents, when it differs from "
        "--reason (then used for personal data); each message records its own",
    )
    d.add_argument(
        "--version",
        type=int,
        metavar="V",
        help="the case version you reviewed (from `case show`); refuse if it changed since",
    )
    _fmt(d)
    add_store_options(d)
    d.set_defaults(handler=_decide)


def _reveal_parser(sub: Any) -> None:
    r = sub.add_parser(
        "reveal",
        help=BY_NAME["reveal"].help,
    )
    r.add_argument(
        "message_pk", type=int, nargs="?", metavar="MESSAGE", help="stored message number"
    )
    r.add_argument(
        "--finding",
        type=int,
        metavar="ID",
        help="reveal only this finding's value instead of a whole message (case show --format "
        "json lists finding ids)",
    )
    r.add_argument("--reason", required=True, help="why you need the raw text (audited)")
    add_store_options(r)
    r.set_defaults(handler=_reveal)


def _notice_parsers(sub: Any) -> None:
    n = sub.add_parser(
        "notice",
        help=BY_NAME["notice"].help,
        epilog=NOTICE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ns = n.add_subparsers(dest="notice_command", metavar="ACTION", required=True)
    submit = ns.add_parser("submit", help="take in a notice (liaison); opens its case")
    submit.add_argument("links", nargs="+", metavar="LINK", help="channel or message links")
    submit.add_argument("--authority", required=True, help="the authority sending the notice")
    submit.add_argument("--reference", required=True, help="the authority's own reference")
    submit.add_argument("--legal-basis", required=True, help="the law the notice rests on")
    submit.add_argument("--category", required=True, choices=[c.value for c in Category])
    submit.add_argument(
        "--sla-hours", type=int, default=24, metavar="H", help="hours to action (default 24)"
    )
    _fmt(submit)
    add_store_options(submit)
    submit.set_defaults(handler=_notice_submit)
    ack = ns.add_parser("ack", help="acknowledge receipt")
    ack.add_argument("notice_id", type=int, metavar="NOTICE")
    _fmt(ack)
    add_store_options(ack)
    ack.set_defaults(handler=_notice_ack)
    st = ns.add_parser("status", help="a notice's stage and SLA clock")
    st.add_argument("notice_id", type=int, metavar="NOTICE")
    _fmt(st)
    add_store_options(st)
    st.set_defaults(handler=_notice_status)
    ls = ns.add_parser("list", help="all notices with their stage and clock")
    _fmt(ls)
    add_store_options(ls)
    ls.set_defaults(handler=_notice_list)
    resp = ns.add_parser(
        "response", help="the answer for the authority: statements of reasons, no personal data"
    )
    resp.add_argument("notice_id", type=int, metavar="NOTICE")
    _fmt(resp)
    add_store_options(resp)
    resp.set_defaults(handler=_notice_response)


def _appeal_parsers(sub: Any) -> None:
    a = sub.add_parser("appeal", help=BY_NAME["appeal"].help)
    aps = a.add_subparsers(dest="appeal_command", metavar="ACTION", required=True)
    f = aps.add_parser("file", help="file an appeal against a remove/restrict decision")
    f.add_argument("decision_id", type=int, metavar="DECISION")
    f.add_argument("--appellant", required=True, help="who appeals (the channel owner)")
    f.add_argument("--grounds", required=True, help="why they appeal")
    _fmt(f)
    add_store_options(f)
    f.set_defaults(handler=_appeal_file)
    d = aps.add_parser("decide", help="uphold or reverse (not by the original reviewer)")
    d.add_argument("appeal_id", type=int, metavar="APPEAL")
    d.add_argument("--outcome", required=True, choices=list(OUTCOMES))
    d.add_argument("--reason", required=True, choices=[r.value for r in ReasonCode])
    _fmt(d)
    add_store_options(d)
    d.set_defaults(handler=_appeal_decide)
    ls = aps.add_parser("list", help="all appeals")
    _fmt(ls)
    add_store_options(ls)
    ls.set_defaults(handler=_appeal_list)


def _purge_parser(sub: Any) -> None:
    p = sub.add_parser(
        "purge",
        help=BY_NAME["purge"].help,
    )
    p.add_argument("--older-than", required=True, metavar="PERIOD", help="e.g. 90d, 12h, 4w")
    p.add_argument("--dry-run", action="store_true", help="count only, delete nothing")
    add_store_options(p)
    p.set_defaults(handler=_purge)


# --- handlers ---------------------------------------------------------------------------------


def _case_table(cases: list[CaseView], title: str) -> None:
    t = Table(title=title)
    cols = ("case", "kind", "channel", "status", "severity", "priority", "leaks", "people", "due")
    for col in cols:
        t.add_column(col, justify="right" if col in ("priority", "leaks", "people") else "left")
    for c in cases:
        t.add_row(
            str(c.id),
            c.kind,
            c.channel or "-",
            c.status,
            c.severity or "-",
            f"{c.priority:.1f}",
            str(c.scope.leak_messages),
            str(c.scope.people),
            _due(c),
        )
    _console().print(t)


def _due(c: CaseView) -> str:
    """A notice case's deadline (UTC), flagged once past it; '-' for other cases."""
    if c.due_at is None:
        return "-"
    return f"{c.due_at:%Y-%m-%d %H:%M}" + (" OVERDUE" if c.overdue else "")


def _case_open_auto(args: argparse.Namespace) -> int:
    at_least_one(args.min_leaks, "--min-leaks")
    store, principal = open_as(args)
    r = open_channel_cases(store, principal, args.min_leaks, args.min_severity)
    print(
        f"opened {len(r.opened)} case(s), added {r.messages_added} message(s); "
        f"updated {len(r.updated)} open case(s)"
    )
    return 0


def _print_cases(args: argparse.Namespace, cases: list[CaseView], title: str) -> int:
    if args.format == "json":
        _print_json([asdict(c) for c in cases])
    else:
        _case_table(cases, title)
    return 0


def _case_list(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    return _print_cases(args, list_cases(store, principal, args.status), "cases")


def _case_queue(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    title = "review queue (notices by deadline, then severity x reach)"
    return _print_cases(args, queue(store, principal, args.limit), title)


def _case_exclude(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    c = exclude_messages(
        store, principal, args.case_id, args.message_pks, args.reason, args.version
    )
    if args.format == "json":
        _print_json(asdict(c))
        return 0
    print(
        f"excluded {len(set(args.message_pks))} message(s) from case {c.id} ({args.reason}); "
        f"now version {c.version}, {c.scope.messages} message(s) in scope"
    )
    return 0


def _case_show(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    c = show_case(store, principal, args.case_id)
    if args.format == "json":
        _print_json(asdict(c))
        return 0
    _case_table([c], f"case {c.id} (version {c.version})")
    t = Table(title="messages (masked)")
    for col in ("message", "ref", "severity", "state", "reason", "findings"):
        t.add_column(col)
    for m in c.messages:
        state = "purged" if m.text_purged else ("removed" if m.removed else "live")
        if m.excluded:
            state += f", excluded ({m.excluded})"
        t.add_row(
            str(m.message_pk),
            f"{m.channel}/{m.message_id}",
            m.severity or "-",
            state,
            m.reason_code or "-",
            "; ".join(f"{f.entity_type} {f.masked}" for f in m.findings),
        )
    _console().print(t)
    if c.decisions:
        print("decisions: " + ", ".join(c.decisions))
    return 0


def _print_decision(d: DecisionView, fmt: str) -> None:
    if fmt == "json":
        _print_json(asdict(d))
        return
    print(f"decision {d.id} on case {d.case_id}: {d.stage} {d.decision} ({d.reason_code})")
    for a in d.actions:
        print(f"  action: {a}")
    print(f"statement of reasons: {d.statement.facts_and_circumstances}")


def _decide(args: argparse.Namespace) -> int:
    if args.decision == DecisionType.ESCALATE.value and args.document_reason:
        raise UsageError("an escalation decides nothing per category; drop --document-reason")
    store, principal = open_as(args)
    d = decide(
        store,
        principal,
        args.case_id,
        args.decision,
        args.reason,
        args.version,
        args.document_reason,
    )
    _print_decision(d, args.format)
    return 0


def _reveal(args: argparse.Namespace) -> int:
    if (args.message_pk is None) == (args.finding is None):
        raise UsageError("give either a MESSAGE number or --finding ID")
    store, principal = open_as(args)
    if args.finding is not None:
        value = reveal_finding(store, keyring(store), principal, args.finding, args.reason)
        print(
            f"{value.channel}/{value.message_id} {value.entity_type} "
            "(this reveal is recorded in the audit log)"
        )
        print(value.value)
        return 0
    shown = reveal(store, keyring(store), principal, args.message_pk, args.reason)
    print(f"{shown.channel}/{shown.message_id} (this reveal is recorded in the audit log)")
    print(shown.text)
    for f in shown.findings:
        print(f"  {f.entity_type} [{f.start}:{f.end}] {f.value}")
    return 0


def _notice_table(notices: list[NoticeView]) -> None:
    t = Table(title="notices")
    cols = ("notice", "authority", "reference", "status", "hours", "ack/decide/act h", "SLA")
    for col in (*cols, "resolved", "case"):
        t.add_column(col)
    for n in notices:
        late = " LATE" if n.finished else " OVERDUE"
        sla = f"{n.sla_hours} h" + (late if n.overdue else "")
        stages = (n.hours_to_acknowledge, n.hours_to_decide, n.hours_to_action)
        t.add_row(
            str(n.id),
            n.authority,
            n.reference,
            n.status,
            f"{n.hours_open:.1f}",
            " / ".join("-" if h is None else f"{h:.1f}" for h in stages),
            sla,
            f"{n.links_resolved}/{n.links}",
            str(n.case_id or "-"),
        )
    _console().print(t)
    for n in notices:
        for v in n.link_states:
            if not v.resolved:
                print(f"notice {n.id}: {v.state.value}: {v.link}")


def _notice_out(n: NoticeView, fmt: str) -> None:
    if fmt == "json":
        _print_json(asdict(n))
    else:
        _notice_table([n])


def _notice_submit(args: argparse.Namespace) -> int:
    at_least_one(args.sla_hours, "--sla-hours")
    store, principal = open_as(args)
    n = submit_notice(
        store,
        principal,
        args.authority,
        args.reference,
        args.legal_basis,
        args.category,
        args.links,
        args.sla_hours,
    )
    _notice_out(n, args.format)
    return 0


def _notice_ack(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    _notice_out(acknowledge_notice(store, principal, args.notice_id), args.format)
    return 0


def _notice_status(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    _notice_out(notice_status(store, principal, args.notice_id), args.format)
    return 0


def _notice_list(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    notices = list_notices(store, principal)
    if args.format == "json":
        _print_json([asdict(n) for n in notices])
    else:
        _notice_table(notices)
    return 0


def _notice_response(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    r = notice_response(store, principal, args.notice_id)
    if args.format == "json":
        _print_json(asdict(r))
        return 0
    _notice_table([r.notice])
    for st in r.statements:
        print(f"\ndecision {st.decision_id} ({st.stage}): {st.decision} — {st.scope}")
        print(f"  facts: {st.facts_and_circumstances}")
        print(f"  ground: {st.ground.terms_of_service}")
        if st.ground.legal is not None:
            print(f"  legal basis: {st.ground.legal}")
        print(
            f"  automated detection: {st.automated_detection}; "
            f"automated decision: {st.automated_decision}"
        )
        print(f"  redress: {st.redress.internal_complaint}")
    for ap in r.appeals:
        print(f"\nappeal on decision {ap.decision_id}: {ap.status} {ap.outcome or ''}")
    return 0


def _appeal_file(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    a = file_appeal(store, principal, args.decision_id, args.appellant, args.grounds)
    if args.format == "json":
        _print_json(asdict(a))
    else:
        print(f"appeal {a.id} filed against decision {a.decision_id} (case {a.case_id})")
    return 0


def _appeal_decide(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    d = decide_appeal(store, principal, args.appeal_id, args.outcome, args.reason)
    _print_decision(d, args.format)
    return 0


def _appeal_list(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    appeals = list_appeals(store, principal)
    if args.format == "json":
        _print_json([asdict(a) for a in appeals])
        return 0
    for a in appeals:
        outcome = a.outcome or ""
        print(f"appeal {a.id}\tdecision {a.decision_id}\tcase {a.case_id}\t{a.status}\t{outcome}")
    return 0


def _purge(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    r = purge(store, principal, parse_period(args.older_than), dry_run=args.dry_run)
    verb = "would purge" if r.dry_run else "purged"
    print(
        f"{verb} the text of {r.messages} message(s) stored or in cases closed before "
        f"{r.cutoff:%Y-%m-%d %H:%M} UTC ({r.in_cases} in {r.cases} closed case(s), {r.uncased} "
        "never in a case); fingerprints, decisions and audit kept"
    )
    return 0
