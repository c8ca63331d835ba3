"""Fields of tabular leaks: a header row names the columns, the rows below fill them.

Lists of people are the commonest bulk leak (salary sheets, voter rolls, "lists of
collaborators"). Their cells carry no cue of their own — the header says what they are — so
recognizers that need a cue miss them. This step reads a header row, then types each unclaimed
cell of the rows below by its column, when the cell has the shape of that type. Without a
header, a bare date in the same row as a name of a list is a date of birth.

It runs after the recognizers and only adds findings where none exists, on original offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from leakwatch.detect import phrases
from leakwatch.detect.finding import Finding
from leakwatch.entities import EntityType
from leakwatch.normalize import normalize_token

NAME = "table_columns"
_DELIMS = ("|", "\t", ",", "،", ";", " - ", "  ")
# Delimiters of more than one character: " - " (any dash, any spaces) and aligned columns.
_SPACED = {" - ": re.compile(r"[ \t]+[-–—][ \t]+"), "  ": re.compile(r"[ \t]{2,}")}
_HEADERS: dict[EntityType, tuple[str, ...]] = {
    EntityType.PERSON: (
        "الاسم", "الاسم الكامل", "الاسم الثلاثي", "الاسم الرباعي", "اسم", "اسم الموظف",
        "اسم المنتسب", "الاسماء", "name", "names", "full name", "ناو", "ناوی تەواو", "ناوی سیانی",
        "ناوەکان",
    ),
    EntityType.DATE_OF_BIRTH: (
        "التولد", "تولد", "تاريخ الميلاد", "تاريخ التولد", "سنة التولد", "المواليد", "مواليد",
        "الولادة", "تاريخ الولادة", "سنة الولادة", "سنة الميلاد", "dob", "d.o.b", "d.o.b.",
        "date of birth", "born", "birth", "birth date", "birthdate", "year of birth",
        "birth year", "لەدایکبوون", "لەدایکبووی", "بەرواری لەدایکبوون", "ساڵی لەدایکبوون",
    ),
    EntityType.IQ_RESIDENCE_CARD: (
        "بطاقة السكن", "رقم بطاقة السكن", "residence card", "کارتی نیشتەجێبوون",
    ),
    # Plural headers too: a list's column names what each row holds ("أرقام الهويات", "IDs").
    EntityType.IQ_CIVIL_ID: (
        "رقم الهوية", "الهوية", "هوية الاحوال", "الهوية المدنية", "ارقام الهويات", "الهويات",
        "ارقام الهوية", "رقم الهويات", "civil id", "civil ids", "id", "ids", "id no", "id number",
        "id numbers", "ناسنامە", "ژمارەی ناسنامە", "ناسنامەکان", "ژمارەی ناسنامەکان",
    ),
    EntityType.IQ_NATIONAL_ID: (
        "البطاقة الوطنية", "الرقم الوطني", "رقم البطاقة الوطنية", "الارقام الوطنية",
        "البطاقات الوطنية", "ارقام البطاقات الوطنية", "national id", "national ids",
        "national card", "national id numbers", "کارتی نیشتمانی",
    ),
    EntityType.IQ_PASSPORT: ("جواز", "رقم الجواز", "جواز السفر", "passport", "پاسپۆرت"),
    EntityType.PHONE_NUMBER: (
        "الهاتف", "الموبايل", "رقم الهاتف", "التلفون", "phone", "mobile", "tel", "مۆبایل",
        "ژمارەی مۆبایل", "تەلەفۆن",
    ),
    EntityType.ADDRESS: ("العنوان", "السكن", "محل السكن", "address", "ناونیشان"),
    EntityType.IBAN_CODE: ("iban", "ايبان", "الايبان", "رقم الحساب"),
    EntityType.EMAIL_ADDRESS: ("email", "e-mail", "البريد", "الايميل", "ئیمەیڵ"),
}  # fmt: skip
_GENERIC_ID = frozenset({"id", "ids", "id no", "id number", "id numbers"})
_HEADER_OF = {normalize_token(h): et for et, hs in _HEADERS.items() for h in hs}


# Header words through the shared phrase pass: a message without any holds no header row.
_HEADER_WORDS = phrases.register({word: word for word in _HEADER_OF})
# A year of birth, in any of the three digit sets: most messages have none and skip row dates.
# (The first digit comes before the look-behind so the engine can skip ahead to it.)
_ANY_YEAR = re.compile(r"[12١٢۱۲](?<![0-9٠-٩۰-۹][12١٢۱۲])[0-9٠-٩۰-۹]{3}(?![0-9٠-٩۰-۹])")

_MONTHS = (
    r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
    r"كانون الثاني|كانون الاول|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|"
    r"تشرين الثاني|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر"
)
_YEAR = r"(?:19[2-9][0-9]|200[0-9]|201[0-5])"
# Under a birth-date header the column vouches for the cell: children born lately count too.
_COLUMN_YEAR = r"(?:19[2-9][0-9]|20[0-2][0-9])"


def _date_cell(year: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:{year}|[0-3]?[0-9][/.\-][01]?[0-9][/.\-]{year}|{year}[/.\-][01]?[0-9][/.\-][0-3]?[0-9]"
        rf"|[0-3]?[0-9] (?:{_MONTHS}),? {year}|(?:{_MONTHS}) [0-3]?[0-9], {year})"
    )


_DATE_CELL = _date_cell(_YEAR)
_COLUMN_DATE_CELL = _date_cell(_COLUMN_YEAR)
_DIGITS = re.compile(r"[0-9][0-9 \-]*[0-9]")
_ID_LENGTH: dict[EntityType, tuple[int, int]] = {
    EntityType.IQ_RESIDENCE_CARD: (5, 10),
    EntityType.IQ_CIVIL_ID: (5, 9),
    EntityType.IQ_NATIONAL_ID: (12, 12),
}


def _cells(line: str, offset: int, delim: str) -> list[tuple[int, int]]:
    """(start, end) of each stripped cell of `line`, honouring double quotes (CSV)."""
    spaced = _SPACED.get(delim)
    if spaced is not None:
        bounds = [0, *(x for m in spaced.finditer(line) for x in m.span()), len(line)]
        pairs = zip(bounds[::2], bounds[1::2], strict=False)
        return [(offset + a, offset + b) for a, b in (_strip_cell(line, a, b) for a, b in pairs)]
    spans: list[tuple[int, int]] = []
    start, quoted = 0, False
    for i, ch in enumerate(line + delim):
        if ch == '"':
            quoted = not quoted
        elif ch == delim and not quoted:
            a, b = _strip_cell(line, start, i)
            spans.append((offset + a, offset + b))
            start = i + 1
    return spans


def _strip_cell(line: str, a: int, b: int) -> tuple[int, int]:
    while a < b and line[a] in ' "\u200f\u200e':
        a += 1
    while b > a and line[b - 1] in ' "\u200f\u200e':
        b -= 1
    return a, b


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _cell_type(et: EntityType, cell: str) -> EntityType | None:
    """The type of a cell under a column of type `et`, or None when its shape does not fit.

    ID columns are read by the number's shape: 12 digits are a national ID whatever the header
    says ("أرقام الهويات"), and a short number under a national-ID header is an old civil ID.
    """
    if et in _ID_LENGTH:
        digits = _id_digits(cell)
        if digits == 12:
            return EntityType.IQ_NATIONAL_ID
        if et is EntityType.IQ_NATIONAL_ID and _fits(EntityType.IQ_CIVIL_ID, cell):
            return EntityType.IQ_CIVIL_ID
    return et if _fits(et, cell) else None


def _id_digits(cell: str) -> int:
    norm = normalize_token(cell)
    m = _DIGITS.fullmatch(norm)
    return sum(c.isdigit() for c in m.group()) if m else 0


def _fits(et: EntityType, cell: str) -> bool:
    norm = normalize_token(cell)
    if et is EntityType.DATE_OF_BIRTH:
        return _COLUMN_DATE_CELL.fullmatch(norm) is not None
    if et in _ID_LENGTH:
        lo, hi = _ID_LENGTH[et]
        m = _DIGITS.match(norm)
        digits = sum(c.isdigit() for c in m.group()) if m else 0
        return (
            m is not None
            and lo <= digits <= hi
            and (m.end() == len(norm) or et is EntityType.IQ_CIVIL_ID)
        )
    if et is EntityType.PERSON:
        words = norm.split()
        return 2 <= len(words) <= 7 and not any(c.isdigit() for c in norm)
    if et is EntityType.ADDRESS:
        return any(c.isalpha() for c in norm) and len(norm) >= 3
    return False


def infer_row_fields(text: str, norm: str, found: list[Finding]) -> list[Finding]:
    """Findings for table cells typed by their column header (or a list row's bare date).

    `norm` is the normalized text, only used to skip messages that cannot hold a table.
    """
    if "\n" not in text or not (
        phrases.hits(norm, _HEADER_WORDS) or phrases.hits(norm, _TITLE_WORDS)
    ):
        return _row_dates(text, found)
    claimed = [(f.start, f.end) for f in found]
    out: list[Finding] = []
    columns: dict[int, EntityType] | None = None
    delim = ""
    for offset, line in _lines(text):
        if columns is not None and _has_delim(line, delim):
            cells = _cells(line, offset, delim)
            for i, (a, b) in enumerate(cells):
                et = columns.get(i)
                if et is None or b <= a or any(s < b and a < e for s, e in claimed):
                    continue
                typed = _cell_type(et, text[a:b])
                if typed is not None:
                    why = f"column '{et.value}'"
                    out.append(Finding(typed, a, b, 0.7, NAME, text[a:b], why))
                    claimed.append((a, b))
            continue
        columns = None
        header = _header(line, offset)
        if header is not None:
            delim, columns = header
    out.extend(_titled_ids(text, [*found, *out]))
    found_all = [*found, *out]
    return out + _row_dates(text, found_all)


# A short list title that names IDs in the plural ("أسماء المشمولين مع أرقام هوياتهم:",
# "Names and IDs:", "ناو و ژمارەی ناسنامەکان:"): each row below holds a name and a bare number.
_TITLE_OF = {
    normalize_token(title): et
    for et, titles in (
        (
            EntityType.IQ_CIVIL_ID,
            ("ارقام الهويات", "ارقام هوياتهم", "ارقام هويات", "الهويات", "هوياتهم", "ids",
             "id numbers", "civil ids", "ناسنامەکان", "ژمارەی ناسنامەکان", "ناسنامەکانیان",
             "ژمارەی ناسنامەکانیان"),
        ),
        (
            EntityType.IQ_NATIONAL_ID,
            ("الارقام الوطنية", "ارقام البطاقات الوطنية", "البطاقات الوطنية", "national ids"),
        ),
    )
    for title in titles
}  # fmt: skip
_ID_TITLE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(t) for t in sorted(_TITLE_OF, key=len, reverse=True))
    + r")(?!\w)"
)
_TITLE_WORDS_MAX = 6  # a title, not a sentence that mentions IDs
_TITLE_WORDS = phrases.register({word: word for word in _TITLE_OF})
_BARE_NUMBER = re.compile(r"(?<!\w)[0-9٠-٩۰-۹]{7,12}(?!\w)")  # shorter: amounts, serials


def _titled_ids(text: str, found: list[Finding]) -> list[Finding]:
    """The first bare number of each name row under a title that names an ID kind.

    The rows run from the title to the first blank line or line without a name.
    """
    persons = [f for f in found if f.entity_type is EntityType.PERSON]
    if len(persons) < 2:
        return []
    claimed = [(f.start, f.end) for f in found]
    out: list[Finding] = []
    kind: EntityType | None = None
    for offset, line in _lines(text):
        if kind is not None:
            names = [p for p in persons if offset <= p.start < offset + len(line)]
            if names:
                for m in _BARE_NUMBER.finditer(line):
                    a, b = offset + m.start(), offset + m.end()
                    if a < names[0].start or any(s < b and a < e for s, e in claimed):
                        continue
                    typed = _cell_type(kind, m.group())
                    if typed is not None:
                        why = f"list title '{kind.value}'"
                        out.append(Finding(typed, a, b, 0.65, NAME, m.group(), why))
                        claimed.append((a, b))
                    break
                continue
        kind = None
        if len(line.split()) <= _TITLE_WORDS_MAX:
            title = _ID_TITLE.search(normalize_token(line))
            kind = _TITLE_OF[title.group()] if title is not None else None
    return out


def _has_delim(line: str, delim: str) -> bool:
    spaced = _SPACED.get(delim)
    return delim in line if spaced is None else spaced.search(line) is not None


def _header(line: str, offset: int) -> tuple[str, dict[int, EntityType]] | None:
    for delim in _DELIMS:
        if not _has_delim(line, delim):
            continue
        cells = _cells(line, 0, delim)
        if len(cells) < 2:
            continue
        columns = {}
        generic = []
        for i, (a, b) in enumerate(cells):
            key = normalize_token(line[a:b]).rstrip(":")
            et = _HEADER_OF.get(key)
            if et is not None:
                columns[i] = et
                if key in _GENERIC_ID:
                    generic.append(i)
        if EntityType.PERSON not in columns.values():
            for i in generic:
                del columns[i]  # "ID,Product,Price": a bare "ID" names people only beside names
        if set(columns.values()) == {EntityType.PERSON}:
            continue  # "Name,Price": a product list, not a list of people
        if columns and len(columns) >= max(1, len(cells) // 3):
            return delim, columns
    return None


# Cell separators of a list row; "/" and "-" only with spaces around, so dates stay whole;
# bullets ("▪️") and runs of two or more spaces, as lists pasted from sheets are aligned.
_ROW_SPLIT = re.compile(r"\s*(?:[|,،;\t▪•◾●]\ufe0f?|\s[/\-–—]\s|\s{2,})\s*")


_DIGIT = re.compile(r"\d")  # any script's digits: a date cell has one, most cells none


def _row_dates(text: str, found: list[Finding]) -> list[Finding]:
    """A bare date or year in its own cell of a row that names a person: a date of birth."""
    persons = [f for f in found if f.entity_type is EntityType.PERSON and not f.public]
    if not persons or _ANY_YEAR.search(text) is None:
        return []
    rows_with_people = {text.count("\n", 0, p.start) for p in persons}
    is_list = len(rows_with_people) >= 2
    out: list[Finding] = []
    for row, (offset, line) in enumerate(_lines(text)):
        if row not in rows_with_people:
            continue
        bounds = [0, *(x for m in _ROW_SPLIT.finditer(line) for x in m.span()), len(line)]
        cells = [_strip(line, lo, hi) for lo, hi in zip(bounds[::2], bounds[1::2], strict=False)]
        previous = (-1, -1)
        i = 0
        while i < len(cells):
            a, b = cells[i]
            if (
                i + 1 < len(cells)
                and _DIGIT.search(line, cells[i + 1][0], cells[i + 1][1]) is not None
                and _DATE_CELL.fullmatch(normalize_token(line[a : cells[i + 1][1]]))
            ):
                b = cells[i + 1][1]  # "April 23, 1967": the comma is the date's own
                i += 1
            i += 1
            start, end = offset + a, offset + b
            after_name = any(p.start < previous[1] and previous[0] < p.end for p in persons)
            previous = (start, end)
            if b <= a or any(f.start < end and start < f.end for f in found):
                continue
            if not (is_list or after_name):
                continue  # one row only: the date must be the cell right after the name
            cell = line[a:b]
            if _DIGIT.search(cell) is not None and _DATE_CELL.fullmatch(normalize_token(cell)):
                out.append(
                    Finding(
                        EntityType.DATE_OF_BIRTH,
                        start,
                        end,
                        0.6,
                        NAME,
                        cell,
                        "date in a person row",
                    )
                )
    return out


def _strip(line: str, a: int, b: int) -> tuple[int, int]:
    while a < b and not line[a].isalnum():
        a += 1
    while b > a and not line[b - 1].isalnum():
        b -= 1
    return a, b
