"""Build the shipped word lists `src/leakwatch/detect/lexicons/*.txt`.

Reads the staged third-party data in `../shared/data` (relative to the repository root) and the
hand-curated lists in `scripts/curated/`, and writes derived word lists only (no corpus text):
one `leakwatch.detect.lexicon.word_key`-normalized entry per line, sorted, under a header that
names every source and its licence. Output is deterministic, so a rebuild shows up in a diff.

Labelled corpora are read through `leakwatch.evaluate.corpora`, and only their learnable parts
(ANERcorp train span, NewsFANE sentences inside it, AQMAR): the ANERcorp test span, NewsFANE's
test-span sentences, the Wojood sample and the Maqsam set are what the figures are measured on,
so nothing from them may reach a word list (docs/evaluation.md and
tests/evaluate/test_corpus_split.py).

Usage: python scripts/build_lexicons.py [--data-root DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from leakwatch.detect.lexicon import word_key
from leakwatch.evaluate import corpora
from leakwatch.evaluate.corpora import NEWSFANE_PERSON, NEWSFANE_PUBLIC, Part, Sentence

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "scripts" / "curated"
OUT = ROOT / "src" / "leakwatch" / "detect" / "lexicons"

SOURCES = {
    "curated": "scripts/curated/*.txt (hand-written for leakwatch, Apache-2.0)",
    "anercorp": "ANERcorp train span (first 125,274 tokens), Benajiba et al. 2007 (CC BY-SA 4.0)",
    "newsfane": "NewsFANE Gold, train-span sentences only, Alotaibi & Lee 2014 (CC BY-SA 3.0)",
    "aqmar": "AQMAR Arabic Wikipedia NER, Mohit et al. 2012 (CC BY-SA 3.0)",
    "anergazet": "ANERgazet, Benajiba (research use, no licence stated)",
    "akhateeb": "AKhateeb/arabic-names (MIT)",
    "gender": "Faris-Alanazi Arabic names with gender (no licence stated)",
    "hadith": "AR-Sanad lite narrators, somaia02/ar280 (no licence stated)",
    "ocha": "OCHA COD-AB Iraq, CSO/ITOS 2019 (CC BY-IGO upstream, unverified)",
    "m7amad": "m7amad-t/iraq_geo_data (MIT)",
    "delivery": "alikehel/delivery-company-api locations (ISC declared, unverified)",
}

ARABIC_LETTERS = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)*$")
ABD_HEADS = {"عبد", "abd", "abdul", "abdel", "abdal"}
KUNYA_HEADS = {"ابو", "ام", "ابي", "abu", "umm", "um"}
COMPOUND_TAILS = {"الله", "الدين", "allah", "aldin", "uddin", "eddin", "addin"}
# Chain glue the recognizer handles by structure; never a name on their own.
STRUCTURAL = (
    ABD_HEADS
    | KUNYA_HEADS
    | COMPOUND_TAILS
    | {"بن", "بنت", "ابن", "ابنه", "ال", "البو", "bin", "ibn", "bint", "al", "el", "abdul"}
)
# OCHA ADM1_EN is the canonical governorate spelling in every places file.
GOVERNORATE_ALIASES = {
    "al anbar": "Al-Anbar",
    "anbar": "Al-Anbar",
    "basra": "Al-Basrah",
    "muthanna": "Al-Muthanna",
    "najaf": "Al-Najaf",
    "qadisiyyah": "Al-Qadissiya",
    "sulaymaniyah": "Al-Sulaymaniyah",
    "halabja": "Al-Sulaymaniyah",
    "babylon": "Babil",
    "babil": "Babil",
    "baghdad": "Baghdad",
    "diyala": "Diyala",
    "duhok": "Duhok",
    "dohuk": "Duhok",
    "erbil": "Erbil",
    "karbala": "Kerbala",
    "kirkuk": "Kirkuk",
    "maysan": "Maysan",
    "nineveh": "Ninewa",
    "saladin": "Salah Al-Din",
    "salah al din": "Salah Al-Din",
    "thi qar": "Thi Qar",
    "dhi qar": "Thi Qar",
    "wasit": "Wassit",
}
# The delivery list groups some areas by courier office; map those to governorates.
DELIVERY_GOVERNORATES = {
    "بغداد": "Baghdad",
    "البصرة": "Al-Basrah",
    "بصرة شركات": "Al-Basrah",
    "بصرة القديمة": "Al-Basrah",
    "سفوان": "Al-Basrah",
    "البراضعية": "Al-Basrah",
    "جزائر": "Al-Basrah",
    "أربيل": "Erbil",
    "سوران (محافظة)": "Erbil",
    "بارزان (محافظة)": "Erbil",
    "الانبار": "Al-Anbar",
    "السليمانية": "Al-Sulaymaniyah",
    "صلاح الدين": "Salah Al-Din",
    "نينوى": "Ninewa",
    "الموصل": "Ninewa",
    "بابل": "Babil",
    "شركات بابل": "Babil",
    "كربلاء": "Kerbala",
    "القادسية": "Al-Qadissiya",
    "النجف": "Al-Najaf",
    "كركوك": "Kirkuk",
    "ديالى": "Diyala",
    "كفري": "Diyala",
    "كفري (محافظة)": "Diyala",
    "واسط": "Wassit",
    "ناصرية شركات": "Thi Qar",
    "ميسان": "Maysan",
    "دهوك": "Duhok",
    "المثنى": "Al-Muthanna",
    "البياع": "Baghdad",
    "الدولاب": "Al-Basrah",
}
PLACE_PREFIXES = ("محافظة ", "محافظه ", "قضاء ", "ناحية ", "ناحيه ", "مركز ", "markaz ")
KURDISH_PREFIXES = ("پارێزگای ", "قەزای ", "ناحیەی ", "شاری ")
LANDMARK_LIKE = (
    "مشفى",
    "مستشفى",
    "جامع",
    "مسجد",
    "فندق",
    "كلية",
    "كراج",
    "سيطرة",
    "معمل",
    "مدينة العاب",
    "العاب",
    "مول",
    "مطعم",
    "شركة",
    "شركات",
    "مدرسة",
    "جسر",
    "ساحة",
    "بانزيخانه",
    "محطة",
    "مركز",
    "مجمع",
    "وزارة",
    "دائرة",
    "مديرية",
    "صيدلية",
    "مرطبات",
    "قنصلية",
    "سجن",
    "اكاديمية",
    "معارض",
    "معرض",
    "الطب",
    "مكتب",
    "بنزيخانة",
    "بانزيخانة",
    "بانزينخانة",
    "ملعب",
    "مخزن",
    "مصرف",
    "بنك",
    "ستي سنتر",
    "علوة",
    "مدينة",
    "مختبر",
    "عيادة",
    "مجلس",
    "بلديات",
    "بلدية",
    "مطار",
)
KURDISH_MARKS = set("ێۆڕڵڤەیک")
KURDISH_FOLD = str.maketrans({"ێ": "ي", "ۆ": "و", "ڕ": "ر", "ڵ": "ل", "ڤ": "ف"})
KURDISH_INITIALS = (("ئە", "ا"), ("ئا", "ا"), ("ئی", "ا"), ("ئێ", "اي"), ("ئۆ", "او"), ("ئو", "او"))


# --------------------------------------------------------------------------- reading


def curated(name: str) -> list[list[str]]:
    """Rows of a curated file (TAB-separated columns), comments and blanks skipped."""
    rows = []
    for raw in (CURATED / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def curated_words(name: str) -> list[str]:
    return [row[0] for row in curated(name)]


def lines(path: Path, encoding: str = "utf-8") -> list[str]:
    return path.read_text(encoding=encoding).splitlines()


@dataclass
class Corpus:
    """Token statistics and entity spans from the NER corpora (nothing else is kept)."""

    total: Counter[str] = field(default_factory=Counter)
    outside: Counter[str] = field(default_factory=Counter)
    person: Counter[str] = field(default_factory=Counter)
    occupation: Counter[str] = field(default_factory=Counter)
    person_spans: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def add(self, sentence: Sentence, person_classes: set[str]) -> None:
        span: list[str] = []
        span_class = ""
        for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
            tags = [tag]
            key = word_key(token)
            ok = bool(key) and " " not in key and bool(ARABIC_LETTERS.match(key))
            kinds = [t.split("-", 1) for t in tags if "-" in t]
            classes = {k[1] for k in kinds}
            if ok:
                self.total[key] += 1
                if all(t in {"O", "OO"} for t in tags):
                    self.outside[key] += 1
                if classes & person_classes:
                    self.person[key] += 1
                if any(k == ["B", "OCC"] for k in kinds):
                    self.occupation[key] += 1
            begin = next((k[1] for k in kinds if k[0] == "B" and k[1] in person_classes), None)
            inside = any(k[0] == "I" and k[1] == span_class for k in kinds)
            if span and (begin is not None or not inside):
                self.person_spans.append((span_class, tuple(span)))
                span = []
            if begin is not None:
                span, span_class = [key if ok else ""], begin
            elif inside and span:
                span.append(key if ok else "")
        if span:
            self.person_spans.append((span_class, tuple(span)))

    def common(self, min_count: int = 3, ratio: float = 0.9) -> set[str]:
        """Words tagged O nearly always: the corpus-derived everyday vocabulary."""
        return {
            w
            for w, n in self.total.items()
            if n >= min_count and self.outside[w] / n >= ratio and len(w) > 1
        }


# The only corpus parts a word list may come from; each with the classes that mean "person".
LEARN_PARTS: tuple[tuple[Part, frozenset[str]], ...] = (
    (Part.ANERCORP_TRAIN, frozenset({"PERS"})),
    (Part.NEWSFANE_TRAIN, NEWSFANE_PERSON),
    (Part.AQMAR, frozenset({"PERS"})),
)


def read_corpora(data: Path) -> Corpus:
    corpus = Corpus()
    for part, person_classes in LEARN_PARTS:
        if not corpora.learnable(part):
            raise SystemExit(f"build_lexicons: {part} is measure-only")
        for sentence in corpora.read(part, data, fine_classes=True):
            corpus.add(sentence, set(person_classes))
    return corpus


# --------------------------------------------------------------------------- names


def is_compound(key: str) -> bool:
    """Two-part given names that are one name: عبد الله, نور الدين, ابو بكر, نور الهدى."""
    parts = key.split(" ")
    if len(parts) == 1:
        return True
    if parts[0] in ABD_HEADS:
        return len(parts) <= 3
    if len(parts) != 2:
        return False
    return parts[0] in KUNYA_HEADS or parts[1] in COMPOUND_TAILS or parts[1].startswith("ال")


def joined_forms(key: str) -> set[str]:
    """ "عبد الله" is also written "عبدالله"."""
    parts = key.split(" ")
    if len(parts) > 1 and parts[0] in ABD_HEADS:
        return {key, "".join(parts)}
    return {key}


def kurdish_variants(raw: str) -> set[str]:
    """A Sorani spelling plus how it is typed on Arabic keyboards (ێ→ي, no short ە, ئە→ا)."""
    base = word_key(raw)
    out = {base, base.translate(KURDISH_FOLD)}
    bare = raw
    for src, dst in KURDISH_INITIALS:
        if bare.startswith(src):
            bare = dst + bare[len(src) :]
            break
    bare = re.sub(r"ە(?=[^\s])", "", bare).replace("وو", "و")
    key = word_key(bare)
    out |= {key, key.translate(KURDISH_FOLD)}
    return {v for v in out if len(v) > 1}


def is_kurdish(raw: str) -> bool:
    return any(c in KURDISH_MARKS for c in raw)


def name_keys(raws: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for raw in raws:
        keys = kurdish_variants(raw) if is_kurdish(raw) else {word_key(raw)}
        for key in keys:
            if key and ARABIC_LETTERS.match(key) and is_compound(key):
                out |= joined_forms(key)
    return out


def csv_names(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [row[column] for row in csv.DictReader(f) if row.get(column)]


def hadith_rows(data: Path) -> list[dict[str, str]]:
    with (data / "hadith_narrators_ar_sanad" / "lite_narrators_data.csv").open(
        encoding="utf-8"
    ) as f:
        return list(csv.DictReader(f))


def hadith_given(rows: list[dict[str, str]]) -> Counter[str]:
    """Names inside nasab chains ("X بن Y بن Z"): each link is a given name or عبد compound."""
    seen: Counter[str] = Counter()
    for row in rows:
        for chain in re.split(r"[:،,]|ويقال|وقيل", row["name"]):
            for link in re.split(r"\s+(?:بن|بنت|ابن)\s+", chain.strip()):
                key = word_key(link)
                parts = key.split(" ")
                simple = len(parts) == 1 or (len(parts) == 2 and parts[0] == "عبد")
                if simple and not key.startswith(("ال", "ابي ")):
                    seen[key] += 1
    return seen


def hadith_nisbas(rows: list[dict[str, str]]) -> Counter[str]:
    seen: Counter[str] = Counter()
    for row in rows:
        for part in re.split(r"[،,]", row["nasab"]):
            for token in part.split():
                key = word_key(token)
                if key.startswith("ال") and key.endswith("ي") and len(key) >= 5:
                    seen[key] += 1
    return seen


def latin_family(raws: Iterable[str]) -> set[str]:
    """Latin surnames with and without the article: al-rubaie → rubaie, alrubaie."""
    out: set[str] = set()
    for raw in raws:
        key = word_key(raw)
        base = re.sub(r"^(?:al|el) ", "", key)
        if base:
            out |= {base, "al" + base.replace(" ", "")}
    return out


# --------------------------------------------------------------------------- places


def governorate_of(name: str) -> str:
    key = word_key(name)
    for prefix in ("al ", "محافظه "):
        key = key.removeprefix(prefix)
    return GOVERNORATE_ALIASES.get(key, GOVERNORATE_ALIASES.get("al " + key, name))


def strip_place(raw: str) -> set[str]:
    """A place name as written plus its bare form (no محافظة / قضاء / Markaz / District / al-)."""
    raw = re.sub(r"\s*\(.*?\)\s*", " ", raw).strip()
    forms = {raw}
    for prefix in PLACE_PREFIXES + KURDISH_PREFIXES:
        if raw.lower().startswith(prefix):
            forms.add(raw[len(prefix) :])
    for suffix in (" District", " Sub-district", " Subdistrict", " Governorate"):
        if raw.endswith(suffix):
            forms.add(raw[: -len(suffix)])
    out: set[str] = set()
    for form in forms:
        key = word_key(form)
        if key:
            out.add(key)
            if re.match(r"^(?:al|el|ar|as|ash|an|at|ad|az) ", key):
                out.add(key.split(" ", 1)[1])
        if is_kurdish(form):
            out |= {v for v in kurdish_variants(form) if " " not in v or v == key}
    return {k for k in out if len(k) > 1 and ARABIC_LETTERS.match(k)}


def ocha(data: Path, level: int) -> list[dict[str, str]]:
    path = data / "iraq_admin_ocha_cod" / f"irq_admbnda_adm{level}_cso_20190603.geojson"
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return [f["properties"] for f in features]


def places(
    data: Path, common: set[str], stop: set[str], names: set[str]
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Governorates, districts (+ sub-districts) and neighbourhoods, each name → governorate.

    A bare neighbourhood name counts as a precise location, so that list drops entries that
    are everyday words or person names, and shops or offices from the courier list.
    """
    landmark_like = tuple(word_key(w) for w in LANDMARK_LIKE)
    gov: dict[str, str] = {}
    dist: dict[str, str] = {}
    hood: dict[str, str] = {}

    def put(table: dict[str, str], raw: str, governorate: str) -> None:
        for key in strip_place(raw):
            if key not in stop:
                table.setdefault(key, governorate)

    for p in ocha(data, 1):
        for col in ("ADM1_AR", "ADM1_EN"):
            put(gov, p[col], p["ADM1_EN"])
    for row in curated("governorates.txt"):
        put(gov, row[0], row[1])
    geo = json.loads((data / "iraq_geo_m7amad" / "output.json").read_text(encoding="utf-8"))
    for prov in geo["provinces"]:
        canonical = governorate_of(prov["engName"])
        for col in ("arbName", "krdName", "engName"):
            put(gov, prov[col], canonical)
        subs = list(prov.get("subdistricts") or [])
        for district in prov.get("districts") or []:
            for col in ("arbName", "krdName", "engName"):
                put(dist, district[col], canonical)
            subs += district.get("subdistricts") or []
        for sub in subs:
            for col in ("arbName", "krdName", "engName"):
                put(dist, sub[col], canonical)
    for level in (2, 3):
        for p in ocha(data, level):
            for col in (
                f"ADM{level}_AR",
                f"ADM{level}_EN",
                f"ADM{level}ALT1AR",
                f"ADM{level}ALT1EN",
            ):
                if p.get(col):
                    put(dist, p[col], p["ADM1_EN"])
    locations = json.loads((data / "iraq_delivery_locations" / "locations.json").read_text("utf-8"))
    for loc in locations:
        governorate = DELIVERY_GOVERNORATES.get(loc["governorate"].strip())
        name = re.sub(r"\s+", " ", loc["name"]).strip()
        if not governorate or re.search(r"\d", name) or word_key(name).startswith(landmark_like):
            continue
        put(hood, name, governorate)
    for key in list(hood):
        if all(t in names for t in key.split(" ")):
            del hood[key]
    # A bare place name that is also an everyday word ("المدينة", "الحي") would fire on prose.
    for table in (dist, hood):
        for key in [k for k in table if " " not in k and k in common]:
            del table[key]
    mine: dict[str, str] = {}
    for row in curated("neighbourhoods.txt"):
        put(mine, row[0], row[1])
    hood.update(mine)
    for key in list(dist):
        if key in gov or key in mine:
            del dist[key]
    for key in list(hood):
        if key in gov or (key in dist and key not in mine) or len(key) < 3:
            del hood[key]
    return gov, dist, hood


def world_places(data: Path, common: set[str], iraqi: set[str]) -> set[str]:
    out = set()
    for raw in lines(data / "anergazet" / "AlignedLocGazetteer.txt"):
        key = word_key(raw)
        known = key in common or key in iraqi
        if len(key) > 2 and ARABIC_LETTERS.match(key) and not known and not key.startswith("وال"):
            out.add(key)
    return out


def landmark_heads(raws: Iterable[str]) -> dict[str, str]:
    """Landmark heads with their ال-forms (قرب المستوصف); Sorani heads are marked "ku"."""
    heads: dict[str, str] = {}
    for raw in raws:
        kurdish = is_kurdish(raw)
        keys = kurdish_variants(raw) if kurdish else {word_key(raw)}
        for key in keys:
            heads.setdefault(key, "ku" if kurdish else "")
            if not kurdish and not key.isascii() and not key.startswith("ال"):
                heads.setdefault("ال" + key, "")
    return heads


# --------------------------------------------------------------------------- writing


def write(
    out: Path, name: str, entries: dict[str, str] | set[str], sources: list[str], fmt: str
) -> None:
    header = [
        f"# {name}.txt — generated by scripts/build_lexicons.py; do not edit by hand.",
        "# source: " + "; ".join(SOURCES[s] for s in sources),
        f"# format: {fmt}",
    ]
    if isinstance(entries, dict):
        body = [f"{k}\t{v}" if v else k for k, v in sorted(entries.items())]
    else:
        body = sorted(entries)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.txt").write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{name}.txt: {len(body)} entries")


def build(data: Path, out: Path) -> None:
    """Write every word list into `out` from the data staged under `data`."""
    corpus = read_corpora(data)
    common = corpus.common()
    curated_common = {word_key(w) for w in curated_words("common_words.txt")}
    adjectives = {word_key(w) for w in curated_words("nisba_adjectives.txt")}
    adjectives |= {w for w in common if w.startswith("ال") and w.endswith("ي")}
    titles = name_keys(curated_words("titles.txt")) | {
        word_key(w) for w in curated_words("titles.txt")
    }
    roles = {word_key(w) for w in curated_words("public_roles.txt")}
    frequent = {w for w in common if corpus.total[w] >= 10}

    # ---- given names
    clean_raw = (
        csv_names(data / "arabic_names_gender" / "males_ar.csv", "Name")
        + csv_names(data / "arabic_names_gender" / "females_ar.csv", "Name")
        + lines(data / "arabic_names_akhateeb" / "male-first--names-in-arabic.txt")
        + lines(data / "arabic_names_akhateeb" / "female-first-names-in-arabic.txt")
        + lines(data / "arabic_names_akhateeb" / "Most-Popular-Arabic-FirstNames.txt")
        + curated_words("given_names_arabic.txt")
        + curated_words("given_names_kurdish.txt")
        + curated_words("given_names_latin.txt")
        + curated_words("ambiguous_names.txt")
    )
    given = name_keys(clean_raw)
    everyday_words = common | curated_common
    merged_only: set[str] = set()
    for key in name_keys(csv_names(data / "arabic_names_gender" / "Arabic_names.csv", "name")):
        if key in curated_common or key in frequent or key in given or key in titles:
            continue
        if key.endswith("ه") and key[:-1] in everyday_words:
            continue  # "طالبة", "موظفة": the feminine of an everyday noun, not a name
        merged_only.add(key)
    rows = hadith_rows(data)
    given |= {k for k, n in hadith_given(rows).items() if n >= 2 and k not in common}
    for _cls, span in corpus.person_spans:
        first = span[0] if span else ""
        seen = corpus.person[first] if first else 0
        mostly_person = seen >= 2 and seen / corpus.total[first] >= 0.5
        if mostly_person and not first.startswith("ال") and first not in common:
            given.add(first)
    for raw in lines(data / "anergazet" / "AlignedPersGazetteer.txt"):
        key = word_key(raw)
        if key and " " not in key and not key.startswith(("ال", "وال")) and key not in common:
            given.add(key)
    given = {g for g in given if len(g) > 1 and g not in curated_common and g not in titles} | {
        word_key(w) for w in curated_words("ambiguous_names.txt")
    }
    merged_only = {m for m in merged_only - given if len(m) > 1}
    given |= merged_only
    given.add("علي")  # its fold-mate "على" is a function word; the recognizer tells them apart
    given -= STRUCTURAL
    # "ومحمد" in a noisy list is و + محمد: the recognizer strips the conjunction itself.
    clean = name_keys(clean_raw)
    given = {g for g in given if g in clean or not (g.startswith("و") and g[1:] in given)}
    # "بالله", "للعلم": a preposition glued to the article is never a name.
    given = {g for g in given if not g.startswith(("بال", "لل", "كال", "فال", "وال"))}

    # ---- family names
    family = name_keys(curated_words("family_names.txt"))
    family |= latin_family(curated_words("family_names_latin.txt"))
    family |= latin_family(
        lines(data / "arabic_names_akhateeb" / "Most-Popular-Arabic-LastNames.txt")
    )
    family |= name_keys(lines(data / "arabic_names_akhateeb" / "last-names-in-arabic.txt"))
    derived: set[str] = set()
    for raw in lines(data / "anergazet" / "AlignedPersGazetteer.txt"):
        key = word_key(raw)
        if key.startswith("ال") and " " not in key and len(key) >= 4:
            derived.add(key)
    derived |= set(hadith_nisbas(rows))
    for _cls, span in corpus.person_spans:
        if len(span) >= 2 and span[-1].startswith("ال") and span[-2] not in STRUCTURAL:
            derived.add(span[-1])
    derived = {
        f for f in derived if f not in common and f not in adjectives and f not in curated_common
    }
    family -= titles | roles | STRUCTURAL
    derived -= family | titles | roles | STRUCTURAL
    # Corpus-derived surnames that are not nisbas ("الوكيل", "الحكيم") are weak evidence.
    family_out = {f: "" for f in family}
    for f in derived:
        family_out[f] = "" if re.search(r"(?:ي|اوي)$", f) else "weak"
    family = set(family_out)

    # ---- ambiguity: names that are also everyday words
    ambiguous = {word_key(w) for w in curated_words("ambiguous_names.txt")}
    everyday = common | curated_common | adjectives
    ambiguous |= {n for n in given | family if n in everyday}
    # The merged 10.7K list mixes in everyday words ("سماء", "نظام", "صدقة"): names found
    # only there are weak evidence (two of them never make a name without context).
    ambiguous |= merged_only & given
    ambiguous.discard("علي")  # "على" folds to it; the recognizer reads the original spelling
    ambiguous &= given | family

    # ---- places
    everyday_all = common | curated_common | adjectives
    gov, dist, hood = places(data, everyday_all, curated_common | titles | roles, given | family)
    world = world_places(data, everyday_all | given, set(gov) | set(dist) | set(hood))
    for key in [k for k in hood if k in world]:
        del hood[key]

    # ---- roles, public figures
    for word, n in corpus.occupation.items():
        clitic_copy = word[0] == "و" and word[1:] in roles
        known = word in given or word in titles or word in curated_common
        if n >= 2 and n / corpus.total[word] >= 0.3 and not clitic_copy and not known:
            roles.add(word)
    figures = {word_key(w) for w in curated_words("public_figures.txt")}
    for cls, span in corpus.person_spans:
        parts = list(span)
        while parts and (parts[0] in titles or parts[0] in roles):
            parts.pop(0)
        if cls not in NEWSFANE_PUBLIC or len(parts) < 2 or not all(len(t) > 1 for t in parts):
            continue
        if any(t in common and t not in given for t in parts) or all(t in given for t in parts):
            continue
        figures.add(" ".join(parts))

    common_out = (common | curated_common | adjectives) - {""}
    fmt_word = "one normalized entry per line"
    fmt_place = "normalized name<TAB>governorate (OCHA ADM1_EN spelling)"
    write(
        out,
        "given_names",
        given,
        [
            "curated",
            "gender",
            "akhateeb",
            "hadith",
            "anergazet",
            "anercorp",
            "newsfane",
            "aqmar",
        ],
        fmt_word,
    )
    write(
        out,
        "family_names",
        family_out,
        ["curated", "akhateeb", "anergazet", "hadith", "anercorp", "newsfane", "aqmar"],
        fmt_word + " (<TAB>weak: corpus-derived surname that is not a nisba)",
    )
    write(
        out,
        "ambiguous_names",
        ambiguous,
        ["curated", "gender", "anercorp", "newsfane", "aqmar"],
        fmt_word + " (names that are also common words)",
    )
    write(
        out,
        "common_words",
        common_out,
        ["curated", "anercorp", "newsfane", "aqmar"],
        fmt_word + " (tokens tagged O in >=90% of >=3 corpus occurrences)",
    )
    write(out, "places_governorates", gov, ["ocha", "m7amad", "curated"], fmt_place)
    write(
        out,
        "places_districts",
        dist,
        ["ocha", "m7amad"],
        fmt_place + "; districts and sub-districts",
    )
    write(out, "places_neighbourhoods", hood, ["delivery", "curated"], fmt_place)
    write(out, "places_world", world, ["anergazet"], fmt_word + " (places outside Iraq)")
    write(
        out,
        "landmarks",
        landmark_heads(curated_words("landmarks.txt")),
        ["curated"],
        "normalized head<TAB>ku for Sorani heads (their names follow without ال)",
    )
    write(out, "titles", titles, ["curated"], fmt_word)
    write(out, "public_roles", roles, ["curated"], fmt_word)
    write(out, "public_figures", figures, ["curated", "newsfane"], fmt_word + " (full names)")
    for name in ("person_context", "address_context"):
        kinds: dict[str, set[str]] = {}
        for row in curated(f"{name}.txt"):
            kinds.setdefault(word_key(row[0]), set()).add(row[1])
        write(
            out,
            name,
            {k: ",".join(sorted(v)) for k, v in kinds.items() if k},
            ["curated"],
            "normalized word<TAB>kind[,kind…] (kinds listed in scripts/curated/" + name + ".txt)",
        )
    markers: dict[str, str] = {}
    for row in curated("state_markers.txt"):
        for key in {word_key(row[0])} | (kurdish_variants(row[0]) if is_kurdish(row[0]) else set()):
            markers.setdefault(key, row[1])
    write(
        out, "state_markers", markers, ["curated"], "normalized marker<TAB>kind (country | agency)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-root", type=Path, default=None, help="default: ../shared/data")
    parser.add_argument("--out", type=Path, default=OUT, help="default: the shipped lexicons")
    args = parser.parse_args(argv)
    data: Path = args.data_root or corpora.data_root()
    if not corpora.available(data):
        sys.exit(f"build_lexicons: no corpora under {data} (stage ../shared/data first)")
    build(data, args.out)


if __name__ == "__main__":
    main()
