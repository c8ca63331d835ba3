"""`leakwatch user password NAME`: set a user's web console password (an admin for anyone, a
user for themselves). Prompted twice without echo, or read from standard input for scripts;
never taken as an argument, where `ps` and the shell history would show it."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from leakwatch.cli.store_opts import add_store_options, open_as
from leakwatch.errors import UsageError


def add_parser(user_sub: Any) -> None:
    pw = user_sub.add_parser(
        "password", help="set a user's web console password (admin, or your own)"
    )
    pw.add_argument("name", help="the user whose password to set")
    pw.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input instead of prompting",
    )
    add_store_options(pw)
    pw.set_defaults(handler=_password)


def read_password(from_stdin: bool) -> str:
    """The new password: stdin's first line, or typed twice at a terminal."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UsageError("no password on standard input")
        return password
    if not sys.stdin.isatty():
        raise UsageError("no terminal to prompt on; pipe the password with --password-stdin")
    password = getpass.getpass("new password: ")
    if getpass.getpass("again: ") != password:
        raise UsageError("the two passwords differ; nothing was changed")
    return password


def _password(args: argparse.Namespace) -> int:
    from leakwatch.web.passwords import check_strength, set_password  # argon2: only when used

    password = read_password(args.password_stdin)
    check_strength(password)
    store, principal = open_as(args)
    try:
        set_password(store, principal, args.name, password)
    finally:
        store.close()
    print(f"password set for {args.name}; their console sessions are ended")
    return 0
