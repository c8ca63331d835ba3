"""Table tests for `SoraniKinRecognizer`: both names of "X-ی کچی/کوڕی Y"; names synthetic."""

from __future__ import annotations

import pytest

from leakwatch.detect.document import Document
from leakwatch.detect.recognizers.sorani_kin import SoraniKinRecognizer

R = SoraniKinRecognizer()

CASES: list[tuple[str, list[str]]] = [
    # ezafe on the first name, a title before the relative, copula on the relative
    ("تارای کچی حاجی ڕەئووفە، ماڵیان لە گەڕەکی ئاشتی", ["تارا", "ڕەئووف"]),
    ("ڕێوازی کوڕی حەمەی قەساب", ["ڕێواز", "حەمە"]),
    ("ئەمە ڤیانە، کچی مام ئیسماعیلی فرۆشیاری سەوزە", ["ڤیان", "ئیسماعیل"]),
    ("ژینای ژنی کاک ئاراس", ["ژینا", "ئاراس"]),
    # not names: a sister's son is one person, "a pretty girl", no listed name on either side
    ("کوڕی خوشکی ئاکار محسن", []),
    ("کچی جوان و کوڕی باش", []),
    ("قوتابخانەی کچی نموونەیی", []),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_sorani_kin_names(text: str, names: list[str]) -> None:
    found = [text[f.start : f.end] for f in R.analyze(Document.of(text))]
    assert found == names
