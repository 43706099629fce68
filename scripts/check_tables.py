#!/usr/bin/env python3
"""Check our data tables: header columns, field counts, no trailing spaces, first column sorted
and unique, and cross-references (role codes exist in cameo_roles.tsv, country codes in
countries.tsv). Exit status 1 when anything is wrong. Usage: check_tables.py [DATA_DIR]"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OURS = os.path.join(os.path.dirname(HERE), "data")
DATA = sys.argv[1] if len(sys.argv) > 1 else OURS

COLUMNS = {
    "ontology/cameo_events.tsv": ["code", "label", "goldstein", "quad_class", "plover", "plover_mode"],
    "ontology/goldstein.tsv": ["code", "goldstein"],
    "ontology/cameo_roles.tsv": ["code", "label", "kind"],
    "ontology/organizations.tsv": ["code", "name", "aliases", "country", "sector"],
    "geo/countries.tsv": ["code", "iso2", "name", "aliases", "adjectives", "capital", "valid_from", "valid_to", "ambiguous"],
    "geo/country_overrides.tsv": None,  # same columns as countries.tsv, not sorted (hand-edited merge input)
    "geo/places.tsv": ["name", "country", "kind", "aliases"],
    "en/roles.tsv": ["phrase", "code", "role", "kind"],
    "en/leaders.tsv": ["name", "aliases", "country", "office", "code", "start", "end"],
    "en/leaders_history.tsv": ["name", "aliases", "country", "office", "code", "start", "end"],
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
errors = []


def err(path, line, msg):
    errors.append(f"{path}:{line}: {msg}")


def load(rel, cols):
    path = os.path.join(DATA, rel)
    if not os.path.exists(path):
        return None
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.endswith("\n"):
                err(rel, n, "no final newline")
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if line.endswith(" ") or "\r" in line:
                err(rel, n, "trailing space")
            parts = line.split("\t")
            if header is None:
                header = parts
                if cols and header != cols:
                    err(rel, n, f"header {header} != {cols}")
                continue
            if len(parts) != len(header):
                err(rel, n, f"{len(parts)} fields, expected {len(header)}")
                continue
            for p in parts:
                if p != p.strip():
                    err(rel, n, f"field {p!r} has surrounding spaces")
            rows.append((n, dict(zip(header, parts))))
    return header, rows


def load_quiet(rel):
    path = os.path.join(OURS, rel)
    rows, header = [], None
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if header is None:
                header = parts
            else:
                rows.append((0, dict(zip(header, parts))))
    return rows


def sorted_unique(rel, rows, key):
    prev = None
    seen = set()
    for n, r in rows:
        k = r[key]
        if k in seen:
            err(rel, n, f"duplicate key {k!r}")
        if prev is not None and k < prev:
            err(rel, n, f"not sorted: {k!r} after {prev!r}")
        seen.add(k)
        prev = k


def main():
    tables = {}
    for rel, cols in COLUMNS.items():
        t = load(rel, cols)
        if t is None:
            print(f"skip {rel} (absent)")
            continue
        tables[rel] = t[1]
        if cols is not None:
            key = cols[0]
            # leaders: several terms per name; the key is (name, office, start)
            if rel.startswith("en/leaders"):
                keys = [(n, (r["name"], r["country"], r["office"], r["start"])) for n, r in t[1]]
                for i in range(1, len(keys)):
                    if keys[i][1] <= keys[i - 1][1]:
                        err(rel, keys[i][0], f"not sorted/unique: {keys[i][1]} after {keys[i - 1][1]}")
            else:
                sorted_unique(rel, t[1], key)
        print(f"{rel}: {len(t[1])} rows")

    def codes(rel):
        # A user --dict directory may reference our codes: check against both.
        got = {r["code"] for _, r in tables.get(rel, [])}
        if os.path.abspath(DATA) != os.path.abspath(OURS):
            base = load_quiet(rel)
            got |= {r["code"] for _, r in base}
        return got

    roles = codes("ontology/cameo_roles.tsv")
    countries = codes("geo/countries.tsv")
    orgs = codes("ontology/organizations.tsv")
    for n, r in tables.get("ontology/cameo_events.tsv", []):
        if not re.fullmatch(r"\d{2,4}", r["code"]):
            err("ontology/cameo_events.tsv", n, f"bad code {r['code']}")
        if r["quad_class"] not in "1234" or not r["quad_class"]:
            err("ontology/cameo_events.tsv", n, "bad quad_class")
        g = float(r["goldstein"])
        if not -10 <= g <= 10:
            err("ontology/cameo_events.tsv", n, "goldstein out of range")
        if len(r["code"]) > 2 and r["code"][:2] not in {x["code"] for _, x in tables["ontology/cameo_events.tsv"]}:
            err("ontology/cameo_events.tsv", n, "no root")
    for n, r in tables.get("en/roles.tsv", []):
        if r["code"] not in roles:
            err("en/roles.tsv", n, f"unknown role code {r['code']}")
        if r["kind"] not in {"person", "organization", "group"}:
            err("en/roles.tsv", n, f"bad kind {r['kind']}")
    for n, r in tables.get("ontology/organizations.tsv", []):
        if r["sector"] not in roles:
            err("ontology/organizations.tsv", n, f"unknown sector {r['sector']}")
        if r["country"] and r["country"] not in countries and r["country"] not in orgs and r["country"] != "IMG":
            err("ontology/organizations.tsv", n, f"unknown country {r['country']}")
    alias_owner = {}
    for n, r in tables.get("geo/countries.tsv", []):
        for k in ("valid_from", "valid_to"):
            if r[k] and not DATE.match(r[k]):
                err("geo/countries.tsv", n, f"bad {k} {r[k]}")
        if r["ambiguous"] not in ("", "yes"):
            err("geo/countries.tsv", n, "ambiguous must be yes or empty")
        for a in [x for x in r["aliases"].split("|") + r["adjectives"].split("|") if x]:
            if a in alias_owner and alias_owner[a] != r["code"]:
                err("geo/countries.tsv", n, f"{a!r} also names {alias_owner[a]}")
            alias_owner[a] = r["code"]
    place_names = {}
    for n, r in tables.get("geo/places.tsv", []):
        if r["country"] and r["country"] not in countries:
            err("geo/places.tsv", n, f"unknown country {r['country']}")
        if r["kind"] not in {"capital", "city", "district", "region"}:
            err("geo/places.tsv", n, f"bad kind {r['kind']}")
        for a in [r["name"]] + [x for x in r["aliases"].split("|") if x]:
            if a in alias_owner:
                err("geo/places.tsv", n, f"{a!r} is also a country name/adjective ({alias_owner[a]})")
            if a in place_names:
                err("geo/places.tsv", n, f"{a!r} also names the place on line {place_names[a]}")
            place_names[a] = n
    org_names = {}
    for n, r in tables.get("ontology/organizations.tsv", []):
        for a in [r["name"]] + [x for x in r["aliases"].split("|") if x]:
            if a in alias_owner:
                err("ontology/organizations.tsv", n, f"{a!r} is also a country name/adjective ({alias_owner[a]})")
            if a in org_names and org_names[a] != r["code"]:
                err("ontology/organizations.tsv", n, f"{a!r} also names {org_names[a]}")
            org_names[a] = r["code"]
    for rel in ("en/leaders.tsv", "en/leaders_history.tsv"):
        open_terms = {}
        for n, r in tables.get(rel, []):
            if not r["end"]:
                key = (r["country"], r["office"])
                if key in open_terms:
                    err(rel, n, f"two open terms for {key}: {r['name']} and {open_terms[key]}")
                open_terms[key] = r["name"]
            if r["country"] in orgs:
                # heads of international organizations: the organization's code
                if r["code"] != r["country"]:
                    err(rel, n, f"code {r['code']} should equal the organization code {r['country']}")
            elif r["country"] not in countries:
                err(rel, n, f"unknown country {r['country']}")
            elif not r["code"].startswith(r["country"]) or r["code"][len(r["country"]):] not in roles:
                err(rel, n, f"code {r['code']} is not country+role")
            for k in ("start", "end"):
                if r[k] and not DATE.match(r[k]):
                    err(rel, n, f"bad {k} {r[k]}")
            if r["start"] and r["end"] and r["end"] < r["start"]:
                err(rel, n, "end before start")
    for e in errors:
        print(e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
