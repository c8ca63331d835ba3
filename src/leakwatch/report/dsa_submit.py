"""Statements of reasons as the EU DSA transparency database's API takes them, checked against the
database's own field rules before anything is sent.

The rules are those the database's submission endpoint validates (its open-source Laravel
request rules, API schema v2 of July 2025): `puid` required, at most 500 characters of
`[A-Za-z0-9_-]`; `decision_facts` required, at most 5,000 characters; the ground's legal or
contractual reference at most 500, its explanation at most 2,000; `content_date` and
`application_date` as YYYY-MM-DD within 2000/2020..2038; enumerated fields from the database's
vocabularies; `territorial_scope` EEA country codes only; `content_language` an ISO 639-1 code
(upper case), here one of the languages leakwatch reads: AR, KU, EN; and at most 100 statements
per multiple-statements request.

Two fields are adapted, not copied, from `TransparencyReport`: the `puid` (leakwatch's
`leakwatch:decision:N` has a colon the database refuses) becomes `leakwatch-decision-N`, and a
territorial scope outside the EEA (Iraq) is left out, since the database accepts none.
`platform_name` is not sent: the database sets it from the submitting account.

`content_language` is read from the decided messages' own text, decrypted in memory only to
count letters by script; only the two-letter code leaves this module.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from leakwatch.report import dsa
from leakwatch.report.transparency import StatementOfReasons, transparency_report
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store
from leakwatch.store.models import CaseMessage, Decision, StoredMessage
from leakwatch.workflow.principal import Principal

PUID = re.compile(r"^[A-Za-z0-9_-]+$")
MAX_PUID = 500
MAX_FACTS = 5000
MAX_GROUND = 500
MAX_EXPLANATION = 2000
MAX_SHORT = 500
MAX_BATCH = 100
LANGUAGES = frozenset({"AR", "KU", "EN"})
EEA = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
        "IS",
        "LI",
        "NO",
    ]
)
CATEGORIES = frozenset(
    {
        "STATEMENT_CATEGORY_ANIMAL_WELFARE",
        "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
        "STATEMENT_CATEGORY_CYBER_VIOLENCE",
        "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
        "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
        "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
        "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
        "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
        "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
        "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
        "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
        "STATEMENT_CATEGORY_SELF_HARM",
        "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
        "STATEMENT_CATEGORY_VIOLENCE",
    }
)
CONTENT_TYPES = frozenset(
    {
        "CONTENT_TYPE_APP",
        "CONTENT_TYPE_AUDIO",
        "CONTENT_TYPE_IMAGE",
        "CONTENT_TYPE_OTHER",
        "CONTENT_TYPE_PRODUCT",
        "CONTENT_TYPE_SYNTHETIC_MEDIA",
        "CONTENT_TYPE_TEXT",
        "CONTENT_TYPE_VIDEO",
    }
)
REQUIRED = (
    "puid",
    "decision_ground",
    "category",
    "content_type",
    "content_date",
    "application_date",
    "decision_facts",
    "source_type",
    "automated_detection",
    "automated_decision",
)
#: Fields the database does not take from a platform (it fills them itself).
NOT_SENT = frozenset({"platform_name"})

#: Letters only Kurdish (Sorani) writes among the Arabic-script languages leakwatch reads.
_KURDISH_LETTERS = frozenset("ڕڵێۆەڤڎ")


def _arabic(c: str) -> bool:
    return "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f"


def language_of(text: str) -> str | None:
    """AR, KU or EN by the letters `text` is written in; None when it has no letters."""
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if _arabic(c))
    latin = sum(1 for c in letters if c.isascii())
    if not arabic and not latin:
        return None
    if arabic >= latin:
        kurdish = sum(1 for c in letters if c in _KURDISH_LETTERS)
        return "KU" if kurdish >= max(2, arabic // 100) else "AR"
    return "EN"


def puid_of(puid: str) -> str:
    """`leakwatch:decision:7` → `leakwatch-decision-7`: the database allows `[A-Za-z0-9_-]` only."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", puid)[:MAX_PUID]


def _clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def submission_record(sor: StatementOfReasons, language: str | None) -> dict[str, Any]:
    """One statement as the API's `statements` array takes it: database field names, no empty
    fields, limits applied to the free-text ones."""
    raw = sor.as_dict()
    record: dict[str, Any] = {}
    for key, value in raw.items():
        if key in NOT_SENT or value is None or value == []:
            continue
        record[key] = value
    record["puid"] = puid_of(sor.puid)
    scope = [c for c in sor.territorial_scope if c in EEA]
    if scope:
        record["territorial_scope"] = scope
    else:
        record.pop("territorial_scope", None)
    record["content_date"] = sor.content_date or sor.application_date
    record["decision_facts"] = _clip(sor.decision_facts, MAX_FACTS)
    for key, limit in (
        ("illegal_content_legal_ground", MAX_GROUND),
        ("incompatible_content_ground", MAX_GROUND),
        ("illegal_content_explanation", MAX_EXPLANATION),
        ("incompatible_content_explanation", MAX_EXPLANATION),
        ("source_identity", MAX_SHORT),
    ):
        if key in record:
            record[key] = _clip(record[key], limit)
    if language is not None:
        record["content_language"] = language
    return record


def _date_problem(record: dict[str, Any], key: str, earliest: str) -> str | None:
    value = record.get(key)
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{key} must be YYYY-MM-DD"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return f"{key} is not a date"
    if not date.fromisoformat(earliest) <= day <= date(2038, 1, 1):
        return f"{key} must be between {earliest} and 2038-01-01"
    return None


def problems(record: dict[str, Any]) -> list[str]:
    """Every rule of the database's submission endpoint that `record` breaks (none: it would be
    accepted as far as its fields go)."""
    out = [f"{key} is required" for key in REQUIRED if record.get(key) in (None, "", [])]
    puid = record.get("puid")
    if isinstance(puid, str) and (len(puid) > MAX_PUID or not PUID.match(puid)):
        out.append("puid must be at most 500 characters of A-Z, a-z, 0-9, _ and -")
    facts = record.get("decision_facts")
    if isinstance(facts, str) and len(facts) > MAX_FACTS:
        out.append(f"decision_facts is over {MAX_FACTS} characters")
    restrictions = (
        "decision_visibility",
        "decision_monetary",
        "decision_provision",
        "decision_account",
    )
    if not any(record.get(k) for k in restrictions):
        out.append("one of decision_visibility, _monetary, _provision, _account is required")
    visibility = record.get("decision_visibility", [])
    if not isinstance(visibility, list) or not set(visibility) <= dsa.DECISION_VISIBILITY:
        out.append("decision_visibility has a value outside the database's list")
    provision = record.get("decision_provision")
    if provision is not None and provision not in dsa.DECISION_PROVISION:
        out.append("decision_provision has a value outside the database's list")
    ground = record.get("decision_ground")
    if ground not in dsa.DECISION_GROUND:
        out.append("decision_ground has a value outside the database's list")
    prefix = {
        "DECISION_GROUND_ILLEGAL_CONTENT": "illegal_content",
        "DECISION_GROUND_INCOMPATIBLE_CONTENT": "incompatible_content",
    }.get(str(ground))
    if prefix is not None:
        ground_ref = record.get(
            f"{prefix}_legal_ground" if prefix == "illegal_content" else f"{prefix}_ground"
        )
        explanation = record.get(f"{prefix}_explanation")
        if not ground_ref or not explanation:
            out.append(f"{prefix} needs its ground and its explanation")
        if isinstance(ground_ref, str) and len(ground_ref) > MAX_GROUND:
            out.append(f"the {prefix} ground is over {MAX_GROUND} characters")
        if isinstance(explanation, str) and len(explanation) > MAX_EXPLANATION:
            out.append(f"the {prefix} explanation is over {MAX_EXPLANATION} characters")
    if record.get("incompatible_content_illegal") not in (None, "Yes", "No"):
        out.append("incompatible_content_illegal must be Yes or No")
    if record.get("category") not in CATEGORIES:
        out.append("category is outside the database's list")
    if not set(record.get("category_addition", [])) <= CATEGORIES:
        out.append("category_addition has a value outside the database's list")
    content_type = record.get("content_type", [])
    if not isinstance(content_type, list) or not set(content_type) <= CONTENT_TYPES:
        out.append("content_type has a value outside the database's list")
    if not set(record.get("territorial_scope", [])) <= EEA:
        out.append("territorial_scope may hold EEA country codes only")
    language = record.get("content_language")
    if language is not None and language not in LANGUAGES:
        out.append("content_language must be AR, KU or EN")
    for key, earliest in (("content_date", "2000-01-01"), ("application_date", "2020-01-01")):
        if key in record and (problem := _date_problem(record, key, earliest)):
            out.append(problem)
    if record.get("source_type") not in dsa.SOURCE_TYPE:
        out.append("source_type is outside the database's list")
    identity = record.get("source_identity")
    if isinstance(identity, str) and len(identity) > MAX_SHORT:
        out.append(f"source_identity is over {MAX_SHORT} characters")
    if record.get("automated_detection") not in dsa.AUTOMATED_DETECTION:
        out.append("automated_detection must be Yes or No")
    if record.get("automated_decision") not in dsa.AUTOMATED_DECISION:
        out.append("automated_decision is outside the database's list")
    unknown = set(record) - set(StatementOfReasons.field_names())
    if unknown:
        out.append(f"unknown fields: {', '.join(sorted(unknown))}")
    return out


def batches(records: Sequence[dict[str, Any]], size: int = MAX_BATCH) -> list[list[dict[str, Any]]]:
    """`records` in requests of at most `size` (the database takes 1 to 100 per request)."""
    if not 1 <= size <= MAX_BATCH:
        raise ValueError(f"a batch holds 1 to {MAX_BATCH} statements")
    return [list(records[i : i + size]) for i in range(0, len(records), size)]


@dataclass(frozen=True, slots=True)
class Rejected:
    puid: str
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DsaSubmission:
    """Requests ready for the database's multiple-statements endpoint (`{"statements": [...]}`
    each), and any statement that would be refused, with why (never sent)."""

    batches: tuple[dict[str, list[dict[str, Any]]], ...]
    statements: int
    rejected: tuple[Rejected, ...]


def _languages(store: Store, decision_ids: Iterable[int]) -> dict[int, str]:
    """Each decision's content language: the commonest among its in-scope messages' texts."""
    keys: KeyRing | None = store.keys
    out: dict[int, str] = {}
    if keys is None:
        return out
    with store.session() as s:
        for decision_id in decision_ids:
            d = s.get(Decision, decision_id)
            if d is None:
                continue
            rows = s.scalars(
                select(StoredMessage)
                .join(CaseMessage, CaseMessage.message_pk == StoredMessage.id)
                .where(CaseMessage.case_id == d.case_id, CaseMessage.excluded_at.is_(None))
            )
            votes: Counter[str] = Counter()
            for m in rows:
                if m.text_cipher is None or m.text_nonce is None:
                    continue
                text = keys.open(m.text_nonce, m.text_cipher, f"{m.channel.key}:{m.message_id}")
                if (lang := language_of(text)) is not None:
                    votes[lang] += 1
            if votes:
                out[decision_id] = votes.most_common(1)[0][0]
    return out


def _decision_id(puid: str) -> int | None:
    tail = puid.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def dsa_submission(store: Store, principal: Principal, start: date, end: date) -> DsaSubmission:
    """The period's statements of reasons (see `transparency_report`, which checks the role and
    audits the export) as the database's API takes them."""
    report = transparency_report(store, principal, start, end, export_format="dsa")
    ids = {i for sor in report.statements if (i := _decision_id(sor.puid)) is not None}
    languages = _languages(store, ids)
    good: list[dict[str, Any]] = []
    rejected: list[Rejected] = []
    for sor in report.statements:
        decision_id = _decision_id(sor.puid)
        record = submission_record(sor, languages.get(decision_id) if decision_id else None)
        found = problems(record)
        if found:
            rejected.append(Rejected(record.get("puid", ""), tuple(found)))
        else:
            good.append(record)
    return DsaSubmission(
        tuple({"statements": b} for b in batches(good)), len(good), tuple(rejected)
    )
