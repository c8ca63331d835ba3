"""`leakwatch init` and `leakwatch key rotate`: the commands that create a key.

`init` also makes the acting user (`--as`, else `$LEAKWATCH_USER`, else the login name) the first
admin of a store that has no users; `user add NAME --role admin` on an empty store does the same
for NAME. Every other store command needs the store's existing key and refuses another one
(store.keybind), and an existing user.
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import Any

from leakwatch.cli.commands import BY_NAME
from leakwatch.cli.store_opts import (
    actor_name,
    add_store_options,
    keyring,
    open_as,
    open_empty,
)
from leakwatch.errors import UsageError
from leakwatch.store.crypto import ENV_KEY, ENV_KEY_FILE, KeyRing, create_key_file, key_source
from leakwatch.store.keybind import belongs_to
from leakwatch.store.rotate import rotate_key
from leakwatch.workflow.users import bootstrap_admin


def add_parsers(sub: Any) -> None:
    init = sub.add_parser("init", help=BY_NAME["init"].help)
    add_store_options(init)
    init.set_defaults(handler=_init)
    key = sub.add_parser("key", help=BY_NAME["key"].help)
    key_sub = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    rot = key_sub.add_parser(
        "rotate",
        help="re-encrypt every stored text, re-derive fingerprints and re-link the audit chain "
        "under a new key, in one transaction",
    )
    rot.add_argument(
        "--new-key-file",
        type=Path,
        required=True,
        metavar="PATH",
        help="where to create the new key (mode 0600; must not exist yet)",
    )
    add_store_options(rot)
    rot.set_defaults(handler=_rotate)


def _init(args: argparse.Namespace) -> int:
    name = actor_name(args)
    store = open_empty(args)
    if store is not None and bootstrap_admin(store, name):
        keys = keyring(store)
        print(f"store ready under key {keys.key_id} ({key_source()}); first admin: {name}")
        return 0
    store, _ = open_as(args)  # it has users already: init only checks that it opens
    keys = keyring(store)
    print(f"store ready under key {keys.key_id} ({key_source()}); it has users already")
    return 0


def _rotate(args: argparse.Namespace) -> int:
    path: Path = args.new_key_file
    if path.exists():
        raise UsageError(f"--new-key-file {path} exists; name a new file")
    store, principal = open_as(args)
    new = KeyRing.from_master(create_key_file(path))
    try:
        report = rotate_key(store, principal, new)
    except BaseException:
        # the key goes only if the store is certainly not under it (an interrupt may come after
        # the commit): a store whose key was deleted is lost
        with contextlib.suppress(Exception):
            if not belongs_to(store, new):
                path.unlink(missing_ok=True)
        raise
    print(
        f"rotated key {report.old_key_id} -> {report.new_key_id}: {report.texts:,} texts "
        f"re-encrypted, {report.fingerprints:,} fingerprints re-derived "
        f"({report.fingerprints_unmatched:,} of purged messages without a live twin), "
        f"{report.audit_events:,} audit events re-linked"
    )
    print(
        f"from now on use the new key: export {ENV_KEY_FILE}={path} (and unset {ENV_KEY}), "
        "then export a fresh audit anchor; older anchors no longer match"
    )
    return 0
