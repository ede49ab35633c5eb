"""Places, round 9 (local news): dictionary words that match a town only without its accents,
person names around places (sentences written for these tests)."""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _found(gaz: Gazetteer, text: str) -> dict[str, str | None]:
    return {
        m.surface: m.location.normalized if m.location is not None else None
        for m in gaz.find(text, "en")
        if not m.is_demonym
    }


def test_dictionary_word_without_accents_is_the_word(gaz: Gazetteer) -> None:
    """ "the grace of God" is no Göd (Hungary); the town written with its accent, or after a
    place preposition, stays a place."""
    assert "God" not in _found(gaz, "The pastor thanked God for the rain that fell on Tulsa.")
    assert _found(gaz, "Factory workers in Göd, Hungary, went on strike.").get("Göd") == "Göd"


def test_qualified_mention_is_a_place_despite_a_person(gaz: Gazetteer) -> None:
    """A town the text qualifies with its state ("Paris, Tenn.") is a place there, though the
    same word opened a person's name earlier ("Paris Hilton")."""
    text = "Paris Hilton flew home. Deputies in Jackson, Tenn., and Paris, Tenn., searched."
    found = {(m.surface, m.span.start): m for m in gaz.find(text, "en")}
    assert ("Paris", 0) not in found
    second = found[("Paris", text.index("Paris, Tenn."))].location
    assert second is not None and second.admin1 == "Tennessee"


def test_country_name_as_first_name_opening_a_sentence(gaz: Gazetteer) -> None:
    """ "Jordan Henderson scored": a census first name that is also a country's name, opening
    the sentence, makes the town after it a surname; "Will Henderson vote?" keeps the town."""
    assert "Henderson" not in _found(gaz, "Jordan Henderson scored twice in the second half.")
    assert _found(gaz, "Will Henderson vote on the levy?").get("Henderson") is not None


def test_region_word_alone_is_no_town(gaz: Gazetteer) -> None:
    """ "Republic" alone is the common noun of a name ("Venezuela (Bolivarian Republic of)",
    "Banana Republic"), not Republic, Missouri, and lends the text no US evidence; after a
    place preposition the town stays."""
    found = _found(gaz, "Aid reached Venezuela (Bolivarian Republic of) and Brazil this week.")
    assert "Republic" not in found
    assert _found(gaz, "Two deputies in Republic, Mo., were hurt.").get("Republic") == "Republic"


def test_exact_name_beats_an_undone_ending(gaz: Gazetteer) -> None:
    """ "the Americas" is the region of that very name, not America (the US) with its plural
    undone; a region after a place preposition and its article stays ("in the Midlands")."""
    found = {
        m.surface: m.location
        for m in gaz.find("Measles was imported to the Americas from Europe.", "en")
    }
    assert found["Americas"] is not None and found["Americas"].country != "USA"
    regions = _found(gaz, "Aid is now reaching farmers in the Punjab and in the Midlands.")
    assert regions.get("Punjab") == "Punjab"


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        # a dateline ("AKRON, Ohio --") names the town a story is filed from: a school or a
        # hospital the gazetteer does not know is placed there, not in a bigger town named once
        (
            "AKRON, Ohio -- Pupils at Lincoln Middle School were sent home and two were taken "
            "to Mercy Hospital. A flight from Columbus was late.",
            ("Lincoln Middle School", "Mercy Hospital"),
        ),
        # "Jefferson High School" and "Madison Avenue" in a story filed from Akron are there,
        # not in the towns of Jefferson or Madison, Ohio, tens of kilometres away
        (
            "AKRON, Ohio -- Pupils at Jefferson High School went home early. Crews closed "
            "Madison Avenue for the day. A bus from Columbus was late.",
            ("Jefferson High School", "Madison Avenue"),
        ),
    ],
)
def test_unknown_or_far_named_spans_are_in_the_dateline_town(
    gaz: Gazetteer, text: str, inside: tuple[str, ...]
) -> None:
    """Spans the gazetteer does not place by their own name lie in the dateline's town."""
    words = ["AKRON", *inside, "Columbus"]
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    got = {m.surface: m.location for m in gaz.resolve(text, spans, "en")}
    for name in inside:
        loc = got[name]
        assert loc is not None and loc.normalized == "Akron" and loc.geonames_id is None


def test_country_name_opening_with_a_demonym(gaz: Gazetteer) -> None:
    """ "Central African Republic" is the country, not the demonym "Central African" and a
    town called Republic; "Central African leaders" stays a demonym."""
    found = _found(gaz, "A grenade attack in the Central African Republic killed seven people.")
    assert found == {"Central African Republic": "Central African Republic"}
    dem = [m for m in gaz.find("Central African leaders met on Monday.", "en") if m.is_demonym]
    assert [m.surface for m in dem] == ["Central African"]


@pytest.mark.parametrize(
    ("lang", "text", "name", "country"),
    [
        ("en", "Fighting displaced thousands in the Democratic Republic of Congo.",
         "Democratic Republic of Congo", "COD"),
        ("fr", "Des combats ont éclaté dans l'est de la RDC mardi.", "RDC", "COD"),
        ("it", "Scontri nella Repubblica Democratica del Congo orientale.",
         "Repubblica Democratica del Congo", "COD"),
        ("en", "Troops of the Republic of Congo crossed the river.", "Republic of Congo", "COG"),
        ("en", "Washington accused the Islamic Republic of enriching uranium.",
         "Islamic Republic", "IRN"),
        ("de", "Die Islamische Republik wies die Vorwürfe zurück.", "Islamische Republik", "IRN"),
    ],
)  # fmt: skip
def test_country_names_the_press_uses(
    gaz: Gazetteer, lang: str, text: str, name: str, country: str
) -> None:
    """Short and long country names of the news in several languages ("Democratic Republic
    of Congo" without "the", "RDC", "the Islamic Republic" for Iran)."""
    found = {m.surface: m.location for m in gaz.find(text, lang) if not m.is_demonym}
    loc = found.get(name)
    assert loc is not None and loc.country == country


def test_armed_group_names_are_no_villages(gaz: Gazetteer) -> None:
    """ "Boko Haram", "the Taliban", "Ansar Allah" name listed armed groups, not Boko (Congo),
    Bozhüyük (Turkey, "Taliban" by another name) or Insar (Russia); a region inside a group's
    name stays ("Kurdistan Workers' Party")."""
    found = _found(gaz, "Boko Haram and the Taliban praised Ansar Allah; Kano was calm.")
    assert set(found) == {"Kano"}
    assert "Kurdistan" in _found(gaz, "The Kurdistan Workers' Party clashed with troops.")


def test_region_word_and_hyphenated_article_open_no_place(gaz: Gazetteer) -> None:
    """ "Region" after a region's name is the common noun (not Maritime, Togo, by another
    name); "Al-" opening an unknown hyphenated name is no town Al or Halle; a hyphenated
    name the gazetteer knows stays ("El-Fasher")."""
    found = _found(gaz, "Clashes in the Lower Jubba Region spread to Al-Qarya village.")
    assert set(found) == {"Lower Jubba"}
    assert "El-Fasher" in _found(gaz, "Shelling hit El-Fasher on Sunday.")


def test_party_home_state_and_title_abbreviations(gaz: Gazetteer) -> None:
    """ "(D-Mo.)", "(R-Texas)": a member of Congress's state (not Meaux or Texas County);
    "Sens." and "Del." before a name are titles; "Dover, Del." stays Delaware."""
    found = {
        m.surface: m.location
        for m in gaz.find(
            "Sens. Ann Ruiz (D-Mo.) and Tom Hale (R-Texas) wrote. Del. Joan Park agreed.", "en"
        )
    }
    assert found["Mo."] is not None and found["Mo."].normalized == "Missouri"
    assert found["Texas"] is not None and found["Texas"].precision == "admin1"
    assert "Sens" not in found and "Del." not in found
    dover = _found(gaz, "The council met in Dover, Del. The mayor spoke.")
    assert dover.get("Del.") == "Delaware"


def test_contracted_pronoun_is_no_place(gaz: Gazetteer) -> None:
    """ "She’ll", "They'd" are a pronoun and a verb, not a place's other name; the possessive
    stays a place ("Kharkiv’s governor")."""
    found = _found(gaz, "She’ll fly to Lyon, and they'd follow. Kharkiv’s governor spoke.")
    assert set(found) == {"Lyon", "Kharkiv"}


def test_town_list_after_a_place_preposition(gaz: Gazetteer) -> None:
    """ "through Monroe, Trenton and Seven Mile": a town the first-name guard would drop
    ("Trenton") is a town in a list opened by a place preposition; a list of people stays
    people ("Smith, Jones and Brown met in Dallas")."""
    found = _found(gaz, "The road runs through Monroe, Trenton and Seven Mile in Butler County.")
    assert {"Monroe", "Trenton", "Seven Mile"} <= set(found)
    assert set(_found(gaz, "Smith, Jones and Brown met in Dallas.")) == {"Dallas"}


def test_town_list_stops_at_a_person(gaz: Gazetteer) -> None:
    """A name after a listed town that goes on with a middle initial is a person ("at Lenox,
    Lawrence B. Cummings"), not a town of the list."""
    assert "Lawrence" not in _found(gaz, "His partner at Lenox, Lawrence B. Cummings, called.")
