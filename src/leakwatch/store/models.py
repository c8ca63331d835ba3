"""The case store's tables (SQLAlchemy 2, typed), created by Alembic migrations, never `create_all`.

What is *not* here matters as much as what is: no raw finding value anywhere (a keyed HMAC
`fingerprint` and a `masked` preview instead), and a message's text only as AES-GCM ciphertext,
which retention purges. Every row a workflow step writes is paired with an `AuditEvent` written in
the same transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite forgets the offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use UTC-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}  # noqa: RUF012


class User(Base):
    """Someone who acts through leakwatch; the role decides what they may do (workflow.roles)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: For a liaison, the authority they speak for: they see only its notices (workflow.notices).
    authority: Mapped[str | None] = mapped_column(String(200))
    #: The web console's password as an argon2id hash (leakwatch.web.passwords); None: no login.
    password_hash: Mapped[str | None] = mapped_column(String(200))


class Channel(Base):
    """A public channel; `last_message_id` is the ingest checkpoint."""

    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    platform_id: Mapped[int | None] = mapped_column(BigInteger)
    title: Mapped[str | None] = mapped_column(String(300))
    last_message_id: Mapped[int | None] = mapped_column(BigInteger)
    first_ingested_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_ingested_at: Mapped[datetime] = mapped_column(default=utcnow)
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)


class StoredMessage(Base):
    """A scanned post: its verdict in the clear, its text only encrypted (and purgeable)."""

    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("channel_id", "message_id", name="uq_messages_channel_msg"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"), index=True)
    message_id: Mapped[int] = mapped_column(BigInteger)
    posted_at: Mapped[datetime | None]
    date_text: Mapped[str | None] = mapped_column(String(40))
    forwarded_from: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(500))
    text_length: Mapped[int] = mapped_column(Integer)
    text_nonce: Mapped[bytes | None] = mapped_column(LargeBinary)
    text_cipher: Mapped[bytes | None] = mapped_column(LargeBinary)
    text_purged_at: Mapped[datetime | None]
    verdict: Mapped[str] = mapped_column(String(10), index=True)
    severity: Mapped[str | None] = mapped_column(String(10))
    risk: Mapped[float] = mapped_column(Float)
    categories: Mapped[str] = mapped_column(String(100), default="")
    reasons: Mapped[str] = mapped_column(Text, default="")
    people: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None]

    channel: Mapped[Channel] = relationship()
    findings: Mapped[list[FindingRow]] = relationship(
        back_populates="message", order_by="FindingRow.start"
    )


class FindingRow(Base):
    """A finding without its value: where it is, what it is, a keyed fingerprint, a preview."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    entity_type: Mapped[str] = mapped_column(String(30))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    recognizer: Mapped[str] = mapped_column(String(50))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    masked: Mapped[str] = mapped_column(String(300))

    message: Mapped[StoredMessage] = relationship(back_populates="findings")


class Notice(Base):
    """A regulator's removal request, with its SLA clock (received → acknowledged → decided →
    actioned)."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    authority: Mapped[str] = mapped_column(String(200))
    reference: Mapped[str] = mapped_column(String(200))
    legal_basis: Mapped[str] = mapped_column(String(500))
    category: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20), default="received")
    submitted_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    actioned_at: Mapped[datetime | None]
    sla_hours: Mapped[int] = mapped_column(Integer, default=24)

    __table_args__ = (UniqueConstraint("authority", "reference", name="uq_notices_reference"),)

    items: Mapped[list[NoticeItem]] = relationship(
        back_populates="notice", order_by="NoticeItem.id"
    )


class NoticeItem(Base):
    """One link of a notice (a channel or a message), resolved to stored rows where possible."""

    __tablename__ = "notice_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id"), index=True)
    link: Mapped[str] = mapped_column(String(500))
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    message_pk: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))

    notice: Mapped[Notice] = relationship(back_populates="items")


class Case(Base):
    """A unit of review: a channel above the risk threshold, or a notice.

    `version` is the optimistic lock: a decision updates the row only at the version it read, so
    of two reviewers deciding at once exactly one wins.
    """

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "channel" | "notice"
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"), index=True)
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    severity: Mapped[str | None] = mapped_column(String(10))
    priority: Mapped[float] = mapped_column(Float, default=0.0)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)

    channel: Mapped[Channel | None] = relationship()
    notice: Mapped[Notice | None] = relationship()
    messages: Mapped[list[CaseMessage]] = relationship(order_by="CaseMessage.message_pk")
    decisions: Mapped[list[Decision]] = relationship(order_by="Decision.id")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class CaseMessage(Base):
    """A message in a case's scope, unless a reviewer excluded it (a false positive: the case's
    decision then does not touch it); `reason_code` is the clause it was decided on."""

    __tablename__ = "case_messages"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("messages.id"), primary_key=True)
    excluded_reason: Mapped[str | None] = mapped_column(String(40))
    excluded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    excluded_at: Mapped[datetime | None]
    reason_code: Mapped[str | None] = mapped_column(String(40))


class Decision(Base):
    """A reviewer's decision with its statement of reasons (EU DSA Art. 17), free of personal data.

    `stage` is "initial" or "appeal"; one of each per case at most (a unique constraint backs the
    optimistic lock).
    """

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("case_id", "stage", name="uq_decisions_case_stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    stage: Mapped[str] = mapped_column(String(10), default="initial")
    decision: Mapped[str] = mapped_column(String(30))
    reason_code: Mapped[str] = mapped_column(String(40))
    decided_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
    automated_detection: Mapped[bool] = mapped_column(Boolean, default=True)
    automated_decision: Mapped[bool] = mapped_column(Boolean, default=False)
    statement: Mapped[dict[str, Any]]


class Action(Base):
    """What was done to carry out a decision (messages removed, channel restricted)."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    target: Mapped[str] = mapped_column(String(300))
    performed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    performed_at: Mapped[datetime] = mapped_column(default=utcnow)


class Appeal(Base):
    """A channel owner's appeal against a decision, decided by a different reviewer."""

    __tablename__ = "appeals"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), unique=True)
    appellant: Mapped[str] = mapped_column(String(200))
    grounds: Mapped[str] = mapped_column(Text)
    filed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    filed_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="open")
    outcome: Mapped[str | None] = mapped_column(String(20))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]


class AuditEvent(Base):
    """Append-only, hash-chained record of everything done (workflow.audit)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    event: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """The chain's last sequence number and hash, updated with every append: it makes deleting the
    newest events detectable."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    #: HMAC of (seq, hash) under the audit key: the previous head's MAC is nowhere in the store.
    mac: Mapped[str | None] = mapped_column(String(64))


class ApiToken(Base):
    """A bearer token for the HTTP API, as its SHA-256 only (workflow.tokens): the token itself is
    shown once and never stored. It acts as its user, until it expires or is revoked."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(foreign_keys=[user_id])


class ActionEvent(Base):
    """One entry of the actions outbox (workflow.outbox): a decision, a notice event or an appeal
    decision, written in the transaction that recorded it. `id` is the feed's cursor and the
    order webhooks deliver in; `body` names message links and statement ids, never a value."""

    __tablename__ = "action_feed"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    event: Mapped[str] = mapped_column(String(30))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id"))
    appeal_id: Mapped[int | None] = mapped_column(ForeignKey("appeals.id"))
    body: Mapped[dict[str, Any]]


class WebhookEndpoint(Base):
    """A receiver of signed action deliveries (workflow.webhooks). Its secret is sealed under the
    store's key; `cursor` is the last action it acknowledged (or gave up on), `failures` the
    consecutive failed attempts at the next one, retried from `next_attempt_at`."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    url: Mapped[str] = mapped_column(String(2000))
    secret_nonce: Mapped[bytes] = mapped_column(LargeBinary)
    secret_cipher: Mapped[bytes] = mapped_column(LargeBinary)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None]
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(300))
    delivered: Mapped[int] = mapped_column(BigInteger, default=0)


class WebhookDeadLetter(Base):
    """An action an endpoint did not acknowledge after every retry; `requeued_at` set by a
    replay puts it back in line, `delivered_at` records that a replay got through."""

    __tablename__ = "webhook_dead_letters"
    __table_args__ = (
        UniqueConstraint(
            "endpoint_id", "action_id", name="uq_webhook_dead_letters_endpoint_action"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    endpoint_id: Mapped[int] = mapped_column(ForeignKey("webhook_endpoints.id"), index=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action_feed.id"))
    attempts: Mapped[int] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(300))
    dead_at: Mapped[datetime] = mapped_column(default=utcnow)
    requeued_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]


class StoreMeta(Base):
    """Store-wide facts: `key_check` (which key the store belongs to, store.keybind) and
    `audit_legacy` (events written before the chain was keyed)."""

    __tablename__ = "store_meta"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


Index("ix_findings_type_fp", FindingRow.entity_type, FindingRow.fingerprint)
