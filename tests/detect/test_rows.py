"""Table columns and list rows: cells typed by their header, bare dates in person rows."""

from __future__ import annotations

import pytest

from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.registry import default_recognizers
from leakwatch.entities import EntityType

ANALYZER = Analyzer(default_recognizers())

ROWS = [
    # CSV with an Arabic header: residence card and birth date columns
    ("الاسم,بطاقة السكن,التولد\nباقر قحطان الخاقاني,١٧٥٠٧٣٣,١٦-٢-١٩٧٩\n"
     "سيف جلال الكعبي,٨٤٢٤٤٥١٧,١٩٥١",
     [(EntityType.IQ_RESIDENCE_CARD, "١٧٥٠٧٣٣"), (EntityType.DATE_OF_BIRTH, "١٦-٢-١٩٧٩"),
      (EntityType.IQ_RESIDENCE_CARD, "٨٤٢٤٤٥١٧"), (EntityType.DATE_OF_BIRTH, "١٩٥١")]),
    # Markdown-like table with an English header
    ("| # | Name | DOB |\n| 1 | Abeer Kareem Al-Safi | October 1, 1982 |\n"
     "| 2 | Hind Ali Nawzad | 1984-07-25 |",
     [(EntityType.DATE_OF_BIRTH, "October 1, 1982"), (EntityType.DATE_OF_BIRTH, "1984-07-25")]),
    # Kurdish header, civil ID column
    ("ناو | ناسنامە\nهێمن سدیق ئالان | 7233144\nزەینەب نوری عەلی | 9288572",
     [(EntityType.IQ_CIVIL_ID, "7233144"), (EntityType.IQ_CIVIL_ID, "9288572")]),
    # no header: a bare year beside a name in a list row
    ("Staff list\n1. Pshtiwan Ammar Luay / 1971\n2. Sozan Hamid Rashid / 1975",
     [(EntityType.DATE_OF_BIRTH, "1971"), (EntityType.DATE_OF_BIRTH, "1975")]),
    # one row: the date right after the name
    ("فەرهاد گۆران باڵەتەیی، ۱۹۷۳", [(EntityType.DATE_OF_BIRTH, "۱۹۷۳")]),
    # g. birth-date columns: "تولد", "المواليد", "DOB", "D.O.B", Kurdish; recent years count
    ("ت | الاسم | تولد\n1 | نمير فاضل عواد | 2017\n2 | رغد سامي جليل | 2018/4/2",
     [(EntityType.DATE_OF_BIRTH, "2017"), (EntityType.DATE_OF_BIRTH, "2018/4/2")]),
    ("الاسم، المواليد، الصف\nنمير فاضل عواد، 2016، الرابع\nرغد سامي جليل، 2015، الخامس",
     [(EntityType.DATE_OF_BIRTH, "2016"), (EntityType.DATE_OF_BIRTH, "2015")]),
    ("Name, D.O.B, Phone\nAbeer Kareem Al-Safi, 03/11/1992, 07701234567\n"
     "Hind Ali Nawzad, 1999, 07811234567",
     [(EntityType.DATE_OF_BIRTH, "03/11/1992"), (EntityType.DATE_OF_BIRTH, "1999")]),
    ("ناو | ساڵی لەدایکبوون\nهێمن سدیق ئالان | ۱۹۸۷\nزەینەب نوری عەلی | ۲۰۱۹",
     [(EntityType.DATE_OF_BIRTH, "۱۹۸۷"), (EntityType.DATE_OF_BIRTH, "۲۰۱۹")]),
    # g. list rows aligned with spaces or bullets, a date whose own comma is a CSV comma
    ("Staff\n1- Parwin Nizar Al-Saadi  07810763489  1984  549\n"
     "2- Jaafar Mustafa Pshtiwan  07905431682  1959-03-02  178",
     [(EntityType.DATE_OF_BIRTH, "1984"), (EntityType.DATE_OF_BIRTH, "1959-03-02")]),
    ("غزوان باقر شهاب النعيمي ▪️ 18-6-1993", [(EntityType.DATE_OF_BIRTH, "18-6-1993")]),
    ("Name,DOB,City\nQusay Hamza Al-Kubaisi,April 23, 1967,Kirkuk\n"
     "Hind Ali Nawzad,May 2, 1971,Erbil",
     [(EntityType.DATE_OF_BIRTH, "April 23, 1967"), (EntityType.DATE_OF_BIRTH, "May 2, 1971")]),
    # c. " - " and aligned columns as delimiters
    ("الاسم - أرقام الهويات\nعلي حسين كاظم - 00123456\nزينب عبد الامير - 00765432",
     [(EntityType.IQ_CIVIL_ID, "00123456"), (EntityType.IQ_CIVIL_ID, "00765432")]),
    ("ت  الاسم  رقم الهوية\n1  علي حسين كاظم  00123456\n2  زينب عبد الامير  00765432",
     [(EntityType.IQ_CIVIL_ID, "00123456"), (EntityType.IQ_CIVIL_ID, "00765432")]),
    # c. a short title that names IDs in the plural, then name rows with a bare number
    ("أسماء المشمولين مع أرقام هوياتهم:\n1- علي حسين كاظم 00123456\n2- زينب عبد الامير 00765432",
     [(EntityType.IQ_CIVIL_ID, "00123456"), (EntityType.IQ_CIVIL_ID, "00765432")]),
    ("Names and IDs:\n1. Ahmed Kareem Hassan 00123456\n2. Sara Ali Mahmood 199012345678",
     [(EntityType.IQ_CIVIL_ID, "00123456"), (EntityType.IQ_NATIONAL_ID, "199012345678")]),
    ("ناو و ژمارەی ناسنامەکان:\n1. هێمن سدیق ئالان 7233144\n2. زەینەب نوری عەلی 9288572",
     [(EntityType.IQ_CIVIL_ID, "7233144"), (EntityType.IQ_CIVIL_ID, "9288572")]),
    # c. civil IDs under a plural header; 12 digits in an ID column are a national ID
    ("الاسم | أرقام الهويات\nعلي حسين كاظم | 00123456\nزينب عبد الامير | 00765432",
     [(EntityType.IQ_CIVIL_ID, "00123456"), (EntityType.IQ_CIVIL_ID, "00765432")]),
    ("الاسم، الأرقام الوطنية\nعلي حسين كاظم، 00123456\nزينب عبد الامير، 199012345678",
     [(EntityType.IQ_CIVIL_ID, "00123456"), (EntityType.IQ_NATIONAL_ID, "199012345678")]),
    ("Name | National IDs\nAhmed Kareem Hassan | 00123456\nSara Ali Mahmood | 00765432",
     [(EntityType.IQ_CIVIL_ID, "00123456"), (EntityType.IQ_CIVIL_ID, "00765432")]),
    ("Name, IDs\nAhmed Kareem Hassan, 1234567\nSara Ali Mahmood, 7654321",
     [(EntityType.IQ_CIVIL_ID, "1234567"), (EntityType.IQ_CIVIL_ID, "7654321")]),
    ("ناو | ژمارەی ناسنامەکان\nهێمن سدیق ئالان | 7233144\nزەینەب نوری عەلی | 9288572",
     [(EntityType.IQ_CIVIL_ID, "7233144"), (EntityType.IQ_CIVIL_ID, "9288572")]),
]  # fmt: skip

NOT_ROWS = [
    # prices in a table are not identifiers; years after 2015 are not birth years
    "المادة,السعر\nطماطة,1500\nبصل,750",
    "| team | score |\n| Zawraa | 2 |\n| Talaba | 1 |",
    "افتتاح جسر الجادرية 2023",
    "Name,Price\nKebab plate,12000",
    # a sentence that mentions IDs, then amounts: not a list of IDs
    "تم توزيع الهويات على المستفيدين التالية أسماؤهم مع المبالغ:\n"
    "1- علي حسين كاظم 250000\n2- زينب عبد الامير 300000",
    "Names and IDs:\n1. Ahmed Kareem Hassan 250000\n2. Sara Ali Mahmood 300000",
    # a bare "ID" column without a name column is a product or order number
    "ID,Product,Price\n1234567,Kebab plate,12000\n7654321,Dolma,9000",
    # "المواليد" of a club's youth team is a category, not a cell of birth dates
    "الفئة | المدرب\nالمواليد | حسن كاظم",
    # a date inside a sentence, or after "في", is not a cell of its own
    "كتبته سكينة بنت محمد ناصر الدين الالبانية في 8/18/2009",
    "ملاحظات\nسكينة بنت محمد الالبانية في 8/18/2009",
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_cells_are_typed_by_their_column(text: str, expected: list[tuple[EntityType, str]]) -> None:
    _, findings = ANALYZER.analyze(text)
    got = [(f.entity_type, f.text) for f in findings if f.entity_type in {e for e, _ in expected}]
    assert got == expected


@pytest.mark.parametrize("text", NOT_ROWS)
def test_numbers_in_other_tables_are_not_identifiers(text: str) -> None:
    _, findings = ANALYZER.analyze(text)
    assert not [f for f in findings if f.recognizer == "table_columns"]
