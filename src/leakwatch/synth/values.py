"""Fake but well-formed identifiers: Iraqi phones, IDs, passports, IBANs, cards, plates, DOBs.

Every value is built so that validators accept it (IBAN mod-97 check digits, Luhn card numbers,
real Iraqi mobile operator prefixes), because a detector that checks checksums must still find
them. Values are ASCII here; `render` converts digits to Arabic-Indic scripts where a message uses
them. Nothing here is a real person's number except by coincidence of random digits.
"""

from __future__ import annotations

import random
import string

#: Iraqi mobile operator prefixes after the trunk 0 (Korek 75x, Asiacell 77x, Zain 78x/79x).
MOBILE_PREFIXES = ("750", "751", "752", "770", "771", "772", "780", "781", "782", "790", "791")
#: Landline area codes (after the trunk 0) and the subscriber number length.
AREA_CODES = (("1", 7), ("40", 7), ("60", 7), ("66", 7), ("53", 7), ("62", 7), ("50", 7), ("33", 6))
IBAN_BANKS = ("NBIQ", "RAFB", "RSHB", "TRIQ", "BBAC", "AIBI", "KIBI", "CIHB", "GIBQ", "IDBQ")
PASSPORT_LETTERS = "AAAAAAABG"
PLATE_LETTERS_AR = "أبجدهوزحطيكلمنسعفصقرشت"
PLATE_LETTERS_EN = "ABCDEFGHKLMNRSTY"
EMAIL_DOMAINS = ("gmail.com", "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com")
AR_MONTHS = (
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
)
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def digits(rng: random.Random, count: int) -> str:
    """`count` random decimal digits."""
    return "".join(rng.choices(string.digits, k=count))


def mobile_nsn(rng: random.Random) -> str:
    """A national significant number of an Iraqi mobile: prefix without trunk 0 + 7 digits."""
    return rng.choice(MOBILE_PREFIXES) + digits(rng, 7)


def format_mobile(nsn: str, rng: random.Random) -> str:
    """One of the ways people write an Iraqi mobile, local or international."""
    p, a, b = nsn[:3], nsn[3:6], nsn[6:]
    forms = (
        f"0{nsn}",
        f"0{nsn}",
        f"0{p} {a} {b}",
        f"0{p} {a} {b}",
        f"0{p}-{a}-{b}",
        f"0{p} {a}{b}",
        f"0{p} {a[:2]} {a[2]}{b[:1]} {b[1:]}",
        f"+964 {p} {a} {b}",
        f"+964{nsn}",
        f"00964 {p} {a} {b}",
        f"00964{nsn}",
        f"+964-{p}-{a}-{b}",
        f"(+964) {p} {a} {b}",
    )
    return rng.choice(forms)


def mobile(rng: random.Random) -> str:
    return format_mobile(mobile_nsn(rng), rng)


def landline(rng: random.Random) -> str:
    """An Iraqi landline, local (0 + area code) or international."""
    area, length = rng.choice(AREA_CODES)
    sub = digits(rng, length)
    forms = (f"0{area} {sub}", f"0{area}-{sub[:3]}-{sub[3:]}", f"+964 {area} {sub[:3]} {sub[3:]}")
    return rng.choice(forms)


def national_id(rng: random.Random) -> str:
    """A 12-digit unified national card number, sometimes grouped."""
    raw = rng.choice("12") + digits(rng, 11)
    form = rng.random()
    if form < 0.8:
        return raw
    if form < 0.9:
        return f"{raw[:4]} {raw[4:8]} {raw[8:]}"
    return f"{raw[:6]} {raw[6:]}"


def civil_id(rng: random.Random, lang: str) -> str:
    """An old civil-status ID number, often followed by its record (سجل) and page (صحيفة)."""
    number = digits(rng, rng.choice((6, 7, 7, 8)))
    if rng.random() < 0.35:
        return number
    record, page = str(rng.randint(1, 400)), str(rng.randint(1, 300))
    if lang == "en":
        rec, pg = rng.choice((("record", "page"), ("Record", "Page"), ("rec.", "p.")))
    elif lang == "ku" and rng.random() < 0.5:
        rec, pg = "تۆمار", "لاپەڕە"
    else:
        rec, pg = rng.choice((("سجل", "صحيفة"), ("سجل", "صحيفة"), ("السجل", "الصحيفة")))
    sep = rng.choice((" ", " ", " - ", "، " if lang != "en" else ", ", " / "))
    return f"{number}{sep}{rec} {record}{sep}{pg} {page}"


def passport(rng: random.Random) -> str:
    return rng.choice(PASSPORT_LETTERS) + digits(rng, 8)


def residence_card(rng: random.Random) -> str:
    return digits(rng, rng.choice((6, 7, 7, 8)))


def iban_check_digits(country: str, bban: str) -> str:
    """ISO 13616 check digits: 98 - (BBAN + country + "00" as a number mod 97)."""
    rearranged = bban + country + "00"
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return f"{98 - int(number) % 97:02d}"


def iban_is_valid(value: str) -> bool:
    """Whether `value` (spaces allowed) passes the IBAN mod-97 check."""
    compact = value.replace(" ", "").upper()
    if len(compact) < 5 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def iban(rng: random.Random) -> str:
    """An Iraqi IBAN (23 characters: IQ, check, 4-letter bank, 3-digit branch, 12-digit account)."""
    bban = rng.choice(IBAN_BANKS) + digits(rng, 15)
    compact = "IQ" + iban_check_digits("IQ", bban) + bban
    if rng.random() < 0.3:
        return compact
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def luhn_check_digit(payload: str) -> str:
    """The digit that makes `payload` + digit Luhn-valid."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_is_valid(value: str) -> bool:
    """Whether the digits of `value` pass the Luhn check."""
    nums = [int(c) for c in value if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(nums)):
        doubled = d * 2 if i % 2 == 1 else d
        total += doubled - 9 if doubled > 9 else doubled
    return len(nums) >= 12 and total % 10 == 0


def card(rng: random.Random) -> str:
    """A Luhn-valid 16-digit payment card number (Visa, Mastercard or a local 62 prefix)."""
    prefix = rng.choice(("4", "4", "51", "52", "53", "54", "55", "2221", "62"))
    payload = prefix + digits(rng, 15 - len(prefix))
    raw = payload + luhn_check_digit(payload)
    sep = rng.choice((" ", " ", "-", ""))
    return sep.join(raw[i : i + 4] for i in range(0, 16, 4))


def plate(rng: random.Random, gov: str, lang: str) -> str:
    """An Iraqi plate: number and series letter, with the governorate written as part of it."""
    number = digits(rng, rng.choice((5, 5, 5, 6)))
    if lang == "en":
        letter = rng.choice(PLATE_LETTERS_EN)
        return rng.choice((f"{gov} {number} {letter}", f"{number} {letter} {gov}"))
    letter = rng.choice(PLATE_LETTERS_AR)
    return rng.choice(
        (f"{number} {letter} {gov}", f"{gov} {number} {letter}", f"{number} {letter} {gov}")
    )


def birth_date(rng: random.Random, lang: str) -> str:
    """A date or year of birth in one of the forms each language uses."""
    year = rng.randint(1950, 2006)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if rng.random() < 0.3:
        return str(year)
    forms: tuple[str, ...]
    if lang == "en":
        forms = (
            f"{day} {EN_MONTHS[month - 1]} {year}",
            f"{year}-{month:02d}-{day:02d}",
            f"{day}/{month}/{year}",
            f"{EN_MONTHS[month - 1]} {day}, {year}",
        )
    elif lang == "ku":
        forms = (f"{day}/{month}/{year}", f"{year}/{month}/{day}", f"{day}-{month}-{year}")
    else:
        forms = (
            f"{year}/{month}/{day}",
            f"{day}/{month}/{year}",
            f"{year}-{month:02d}-{day:02d}",
            f"{day}-{month}-{year}",
            f"{day} {AR_MONTHS[month - 1]} {year}",
        )
    return rng.choice(forms)


def email(rng: random.Random, first: str, last: str) -> str:
    """An e-mail address built from a Latin name."""
    first = first.lower().replace(" ", "")
    last = last.lower().replace("al-", "").replace(" ", "").replace("-", "")
    local = rng.choice(
        (
            f"{first}.{last}",
            f"{first}{last}{rng.randint(1, 99)}",
            f"{first}_{last}",
            f"{first[0]}.{last}",
            f"{first}{rng.randint(1970, 2005)}",
        )
    )
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"
