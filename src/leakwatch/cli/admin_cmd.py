"""`leakwatch user …` and `leakwatch audit verify`: who may act, and proof of what was done."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from leakwatch.cli import password_cmd
from leakwatch.cli.commands import BY_NAME
from leakwatch.cli.store_opts import add_store_options, open_as, open_empty
from leakwatch.errors import LeakwatchError
from leakwatch.workflow.anchor import export_anchor, read_anchor
from leakwatch.workflow.audit import EventType
from leakwatch.workflow.roles import Role
from leakwatch.workflow.service_audit import audit_log, verify_audit
from leakwatch.workflow.tsq import timestamp_request
from leakwatch.workflow.users import add_user, bootstrap_admin, list_users


class AuditBroken(LeakwatchError):
    """The audit chain does not verify."""

    exit_code = 1
    http_status = 409


def add_parsers(sub: Any) -> None:
    user = sub.add_parser("user", help=BY_NAME["user"].help)
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser("add", help="add a user with a role")
    add.add_argument("name", help="the user's name")
    add.add_argument(
        "--role", required=True, choices=[r.value for r in Role], help="what the user may do"
    )
    add.add_argument(
        "--authority",
        help="for a liaison: the authority they speak for (they see only its notices)",
    )
    add_store_options(add)
    add.set_defaults(handler=_user_add)
    ls = user_sub.add_parser("list", help="list users and roles")
    ls.add_argument(
        "--format", "-f", choices=["text", "json"], default="text", help="output format"
    )
    add_store_options(ls)
    ls.set_defaults(handler=_user_list)
    password_cmd.add_parser(user_sub)

    audit = sub.add_parser("audit", help=BY_NAME["audit"].help)
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    ver = audit_sub.add_parser(
        "verify",
        help="walk the hash chain; exit 1 if any event was edited, deleted or reordered",
    )
    ver.add_argument(
        "--format", "-f", choices=["text", "json"], default="text", help="output format"
    )
    ver.add_argument(
        "--anchor",
        type=Path,
        metavar="FILE",
        help="also check that the log still contains and extends this anchor (audit anchor)",
    )
    add_store_options(ver)
    ver.set_defaults(handler=_audit_verify)
    anc = audit_sub.add_parser(
        "anchor", help="export the signed chain head, to keep outside the store"
    )
    anc.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="anchor file")
    anc.add_argument(
        "--tsq",
        type=Path,
        metavar="FILE",
        help="also write an RFC 3161 timestamp request over the anchor file, for a "
        "timestamping authority",
    )
    add_store_options(anc)
    anc.set_defaults(handler=_audit_anchor)
    log = audit_sub.add_parser("log", help="the newest audit events first")
    log.add_argument("--limit", type=int, default=50, metavar="N", help="events shown (default 50)")
    log.add_argument(
        "--event", choices=[e.value for e in EventType], help="only events of this type"
    )
    log.add_argument(
        "--format", "-f", choices=["text", "json"], default="text", help="output format"
    )
    add_store_options(log)
    log.set_defaults(handler=_audit_log)


def _user_add(args: argparse.Namespace) -> int:
    if args.role == Role.ADMIN.value and args.authority is None:
        empty = open_empty(args)  # the store's first admin needs no admin before them
        if empty is not None and bootstrap_admin(empty, args.name):
            print(f"added {args.name} (admin), the store's first user")
            return 0
    store, principal = open_as(args)
    view = add_user(store, principal, args.name, args.role, args.authority)
    speaks = f" for {view.authority}" if view.authority else ""
    print(f"added {view.name} ({view.role}{speaks})")
    return 0


def _user_list(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    users = list_users(store, principal)
    if args.format == "json":
        json.dump([asdict(u) for u in users], sys.stdout, ensure_ascii=False)
        print()
        return 0
    for u in users:
        line = f"{u.name}\t{u.role}\t{'active' if u.active else 'inactive'}"
        print(line + (f"\t{u.authority}" if u.authority else ""))
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    anchor = read_anchor(args.anchor) if args.anchor else None
    store, principal = open_as(args)
    report = verify_audit(store, principal, anchor)
    if args.format == "json":
        json.dump(
            {
                "ok": report.ok,
                "events": report.events,
                "head": report.head,
                "problem": report.problem,
                "unkeyed_legacy_events": report.legacy,
                "anchor": str(args.anchor) if args.anchor else None,
            },
            sys.stdout,
        )
        print()
    elif report.ok:
        line = f"audit log intact: {report.events} events, head {report.head}"
        if report.legacy:
            line += f"; events 1-{report.legacy} predate the keyed chain (plain SHA-256)"
        if anchor:
            line += f"; contains and extends the anchor at event {anchor.seq}"
        print(line)
    if not report.ok:
        raise AuditBroken(f"audit log broken: {report.problem}")
    return 0


def _audit_anchor(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    anchor = export_anchor(store, principal)
    body = anchor.to_json().encode("utf-8")
    try:
        args.output.write_bytes(body)
        if args.tsq:
            args.tsq.write_bytes(timestamp_request(body))
    except OSError as exc:
        raise LeakwatchError(f"cannot write {exc.filename}: {exc.strerror}") from exc
    print(f"anchored event {anchor.seq} (head {anchor.hash}) in {args.output}")
    if args.tsq:
        print(f"RFC 3161 timestamp request for it in {args.tsq}")
    return 0


def _audit_log(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    events = audit_log(store, principal, args.limit, args.event)
    if args.format == "json":
        json.dump([asdict(e) for e in events], sys.stdout, default=str, ensure_ascii=False)
        print()
        return 0
    for e in events:
        payload = json.dumps(e.payload, ensure_ascii=False, sort_keys=True)
        print(f"{e.seq}\t{e.at:%Y-%m-%d %H:%M:%S}\t{e.actor}\t{e.event}\t{e.subject}\t{payload}")
    return 0
