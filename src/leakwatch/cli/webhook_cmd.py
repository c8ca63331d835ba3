"""`leakwatch webhook add|list|remove|rotate-secret|dead|replay|deliver`: actions to a platform.

`add` prints the endpoint's secret once, alone on standard output (so a script can capture it);
the store keeps it only sealed. `deliver` is the loop a systemd unit runs (`--once`: one pass, for
cron or a test); it acts for no user: whoever holds the store's key may run it, and it changes
nothing but delivery state.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from leakwatch.cli.commands import BY_NAME
from leakwatch.cli.store_opts import add_store_options, open_as
from leakwatch.errors import UsageError
from leakwatch.store.crypto import KeyRing, key_source
from leakwatch.store.db import open_store
from leakwatch.store.keybind import bind
from leakwatch.workflow.delivery import Deliverer, PassReport, RetryPolicy
from leakwatch.workflow.webhooks import (
    add_endpoint,
    dead_letters,
    list_endpoints,
    remove_endpoint,
    replay,
    rotate_secret,
)

_DEFAULTS = RetryPolicy()


def add_parsers(sub: Any) -> None:
    hook = sub.add_parser("webhook", help=BY_NAME["webhook"].help)
    hook_sub = hook.add_subparsers(dest="webhook_command", metavar="ACTION", required=True)

    add = hook_sub.add_parser("add", help="register an endpoint; prints its secret once (admin)")
    add.add_argument("url", metavar="URL", help="where to POST actions (https://...)")
    add.add_argument(
        "--backfill", action="store_true", help="deliver every action so far, not only new ones"
    )
    add_store_options(add)
    add.set_defaults(handler=_add)

    ls = hook_sub.add_parser("list", help="endpoints with their cursor and delivery state")
    ls.add_argument("--all", action="store_true", help="removed endpoints too")
    ls.add_argument("--format", "-f", choices=["text", "json"], default="text")
    add_store_options(ls)
    ls.set_defaults(handler=_list)

    rm = hook_sub.add_parser("remove", help="stop delivering to an endpoint")
    rm.add_argument("id", type=int, metavar="ID", help="the endpoint's id (webhook list)")
    add_store_options(rm)
    rm.set_defaults(handler=_remove)

    rs = hook_sub.add_parser("rotate-secret", help="a new signing secret, printed once")
    rs.add_argument("id", type=int, metavar="ID", help="the endpoint's id")
    add_store_options(rs)
    rs.set_defaults(handler=_rotate_secret)

    dead = hook_sub.add_parser("dead", help="deliveries that ran out of retries")
    dead.add_argument("--endpoint", type=int, metavar="ID", help="only this endpoint's")
    dead.add_argument("--format", "-f", choices=["text", "json"], default="text")
    add_store_options(dead)
    dead.set_defaults(handler=_dead)

    rp = hook_sub.add_parser("replay", help="requeue an endpoint's dead letters")
    rp.add_argument("id", type=int, metavar="ID", help="the endpoint's id")
    add_store_options(rp)
    rp.set_defaults(handler=_replay)

    dl = hook_sub.add_parser("deliver", help="deliver waiting actions (a loop; --once: one pass)")
    dl.add_argument("--once", action="store_true", help="one pass, then exit")
    dl.add_argument(
        "--poll", type=float, default=2.0, metavar="S", help="seconds between idle passes (2)"
    )
    dl.add_argument(
        "--max-attempts",
        type=int,
        default=_DEFAULTS.max_attempts,
        metavar="N",
        help=f"attempts per action before it is dead-lettered ({_DEFAULTS.max_attempts})",
    )
    dl.add_argument(
        "--base-delay",
        type=float,
        default=_DEFAULTS.base_delay,
        metavar="S",
        help=f"first retry delay in seconds, doubled per failure ({_DEFAULTS.base_delay:g})",
    )
    dl.add_argument(
        "--max-delay",
        type=float,
        default=_DEFAULTS.max_delay,
        metavar="S",
        help=f"longest retry delay in seconds ({_DEFAULTS.max_delay:g})",
    )
    dl.add_argument(
        "--timeout",
        type=float,
        default=_DEFAULTS.timeout,
        metavar="S",
        help=f"HTTP timeout in seconds ({_DEFAULTS.timeout:g})",
    )
    dl.add_argument(
        "--db",
        metavar="PATH|URL",
        help="SQLite file or database URL (postgresql://user@host/db); "
        "default $LEAKWATCH_DB, else leakwatch.db in the user data directory",
    )
    dl.set_defaults(handler=_deliver)


def _add(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    new = add_endpoint(store, principal, args.url, backfill=args.backfill)
    v = new.view
    since = "every action so far" if args.backfill else f"actions after {v.cursor}"
    print(
        f"webhook {v.id} registered, receives {since}; its signing secret is shown once:",
        file=sys.stderr,
    )
    print(new.secret)
    return 0


def _list(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    views = list_endpoints(store, principal, removed=args.all)
    if args.format == "json":
        json.dump([asdict(v) for v in views], sys.stdout, default=str)
        print()
        return 0
    for v in views:
        state = "removed" if v.removed else (f"retrying: {v.last_error}" if v.failures else "ok")
        print(
            f"{v.id}\t{v.url}\tcursor {v.cursor}\tdelivered {v.delivered}\t"
            f"dead {v.dead_letters}\t{state}"
        )
    return 0


def _remove(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    v = remove_endpoint(store, principal, args.id)
    print(f"webhook {v.id} removed; its dead letters stay listed")
    return 0


def _rotate_secret(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    new = rotate_secret(store, principal, args.id)
    print(f"webhook {new.view.id}: new signing secret, shown once:", file=sys.stderr)
    print(new.secret)
    return 0


def _dead(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    rows = dead_letters(store, principal, args.endpoint)
    if args.format == "json":
        json.dump([asdict(d) for d in rows], sys.stdout, default=str)
        print()
        return 0
    for d in rows:
        state = "requeued" if d.requeued else "dead"
        print(
            f"{d.id}\twebhook {d.endpoint_id}\taction {d.action_id}\t{d.attempts} attempts\t"
            f"{d.last_error}\t{state}"
        )
    return 0


def _replay(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    n = replay(store, principal, args.id)
    print(f"webhook {args.id}: {n} dead letter(s) requeued; `leakwatch webhook deliver` sends them")
    return 0


def _deliver(args: argparse.Namespace) -> int:
    if args.poll <= 0:
        raise UsageError("--poll must be positive")
    policy = RetryPolicy(
        max_attempts=args.max_attempts,
        base_delay=args.base_delay,
        max_delay=args.max_delay,
        timeout=args.timeout,
    )
    store = bind(open_store(args.db), KeyRing.load(create=False), key_source())
    try:
        deliverer = Deliverer(store, policy=policy)
        total = deliverer.run(poll=args.poll, passes=1 if args.once else None, on_pass=_tell)
    finally:
        store.close()
    print(f"delivered {total.delivered}, failed {total.failed}, dead-lettered {total.dead}")
    return 0


def _tell(report: PassReport) -> None:
    """Each failure as it happens, on standard error (the journal, under systemd)."""
    for line in report.errors:
        print(f"leakwatch: {line}", file=sys.stderr, flush=True)
    if report.dead:
        print(f"leakwatch: {report.dead} action(s) dead-lettered", file=sys.stderr, flush=True)
