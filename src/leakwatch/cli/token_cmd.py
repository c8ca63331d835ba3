"""`leakwatch token create|list|revoke`: API tokens for `Authorization: Bearer` (admin).

`create` prints the token once, alone on standard output (so a script can capture it), and what
it is for on standard error; the store keeps only its hash, so a lost token is revoked and
replaced, never recovered.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from leakwatch.cli.commands import BY_NAME
from leakwatch.cli.store_opts import add_store_options, open_as
from leakwatch.store.models import utcnow
from leakwatch.workflow.tokens import (
    DEFAULT_DAYS,
    MAX_DAYS,
    TokenView,
    create_token,
    list_tokens,
    revoke_token,
)


def add_parsers(sub: Any) -> None:
    token = sub.add_parser("token", help=BY_NAME["token"].help)
    token_sub = token.add_subparsers(dest="token_command", metavar="ACTION", required=True)
    create = token_sub.add_parser("create", help="a new token for a user, printed once")
    create.add_argument("user", metavar="USER", help="the user the token acts as")
    create.add_argument(
        "--expires-days",
        type=int,
        metavar="N",
        help=f"days until the token expires (1-{MAX_DAYS}; default $LEAKWATCH_TOKEN_DAYS, "
        f"else {DEFAULT_DAYS})",
    )
    add_store_options(create)
    create.set_defaults(handler=_create)
    ls = token_sub.add_parser("list", help="tokens with their user, expiry and state")
    ls.add_argument("--user", metavar="USER", help="only this user's tokens")
    ls.add_argument(
        "--format", "-f", choices=["text", "json"], default="text", help="output format"
    )
    add_store_options(ls)
    ls.set_defaults(handler=_list)
    rv = token_sub.add_parser("revoke", help="revoke a token at once")
    rv.add_argument("id", type=int, metavar="ID", help="the token's id (token list)")
    add_store_options(rv)
    rv.set_defaults(handler=_revoke)


def _state(t: TokenView) -> str:
    if t.revoked_at is not None:
        return "revoked"
    return "active" if t.active(utcnow()) else "expired"


def _create(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    days = args.expires_days
    if days is None:
        from leakwatch.settings import load_settings

        days = load_settings().token_days
    issued = create_token(store, principal, args.user, days)
    v = issued.view
    print(
        f"token {v.id} for {v.user} ({v.role}), expires {v.expires_at:%Y-%m-%d %H:%M} UTC; "
        "shown once, only its hash is stored:",
        file=sys.stderr,
    )
    print(issued.secret)
    return 0


def _list(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    tokens = list_tokens(store, principal, args.user)
    if args.format == "json":
        rows = [asdict(t) | {"state": _state(t)} for t in tokens]
        json.dump(rows, sys.stdout, default=str, ensure_ascii=False)
        print()
        return 0
    for t in tokens:
        used = f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "never used"
        print(f"{t.id}\t{t.user}\t{t.role}\t{_state(t)}\texpires {t.expires_at:%Y-%m-%d}\t{used}")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    t = revoke_token(store, principal, args.id)
    print(f"token {t.id} of {t.user} revoked")
    return 0
