"""Person and actor finding in French, Spanish and Italian: one row per language × role class,
plus the Romance word-order machinery (role complements, elided articles, nationality adjective
after the noun, auxiliary before a speech verb). Sentences written for the project."""

from __future__ import annotations

import pytest

from fogofwar.actors import ActorRegistry
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.load()


# (lang, sentence, name, role, source kind, country)
ROLE_CASES = [
    # combatant
    (
        "fr",
        "Le mercenaire colombien Julián Restrepo, capturé en mai, a raconté son recrutement.",
        "Julián Restrepo",
        "combatant",
        "combatant",
        "COL",
    ),
    (
        "es",
        "El soldado ucraniano Taras Hnatiuk, herido en Bajmut, relató los combates.",
        "Taras Hnatiuk",
        "combatant",
        "combatant",
        "UKR",
    ),
    (
        "it",
        "Il prigioniero di guerra Pavlo Ostapenko, rilasciato ieri, ha parlato del campo.",
        "Pavlo Ostapenko",
        "combatant",
        "combatant",
        None,
    ),
    # military officer
    (
        "fr",
        "Le commandant de la brigade, Andriï Melnytchouk, affirme tenir la ligne.",
        "Andriï Melnytchouk",
        "military_officer",
        "military",
        None,
    ),
    (
        "es",
        "El coronel Rodrigo Benavides, jefe de la guarnición, negó cualquier retirada.",
        "Rodrigo Benavides",
        "military_officer",
        "military",
        None,
    ),
    (
        "it",
        "Il generale Stefano Gallina ha guidato l'esercitazione.",
        "Stefano Gallina",
        "military_officer",
        "military",
        None,
    ),
    # official
    (
        "fr",
        "Le gouverneur de la région de Soumy, Ivan Petrenko, a annoncé trois morts.",
        "Ivan Petrenko",
        "official",
        "government",
        None,
    ),
    (
        "es",
        "El alcalde de Járkov, Ígor Zhurba, informó de un incendio.",
        "Ígor Zhurba",
        "official",
        "government",
        None,
    ),
    (
        "it",
        "Lo ha riferito il governatore della regione, Oleksandr Koval, precisando che",
        "Oleksandr Koval",
        "official",
        "government",
        None,
    ),
    # spokesperson: takes the kind of the body named with it
    (
        "fr",
        "a indiqué le porte-parole de l'armée ukrainienne, Iouri Bondar, à la télévision.",
        "Iouri Bondar",
        "spokesperson",
        "military",
        "UKR",
    ),
    (
        "es",
        "según el portavoz del Ejército, Luis Carmona, en un comunicado.",
        "Luis Carmona",
        "spokesperson",
        "military",
        None,
    ),
    (
        "it",
        "Il portavoce del ministero degli Esteri russo, Irina Volkova, ha smentito.",
        "Irina Volkova",
        "spokesperson",
        "government",
        "RUS",
    ),
    # expert
    (
        "fr",
        "Selon l'analyste Clément Rougier, l'offensive piétine.",
        "Clément Rougier",
        "expert",
        "expert",
        None,
    ),
    (
        "es",
        "La investigadora Marta Quiroga, del instituto, estima que",
        "Marta Quiroga",
        "expert",
        "expert",
        None,
    ),
    (
        "it",
        "L'esperto militare Fabio Lanzetta ritiene che l'offensiva sia fallita.",
        "Fabio Lanzetta",
        "expert",
        "expert",
        None,
    ),
    # witness
    (
        "fr",
        "Un habitant du quartier, Mykola Savtchouk, a vu le drone tomber.",
        "Mykola Savtchouk",
        "witness",
        "witness",
        None,
    ),
    (
        "es",
        "La vecina Rosa Delgado escuchó tres explosiones.",
        "Rosa Delgado",
        "witness",
        "witness",
        None,
    ),
    (
        "it",
        "Il testimone Giacomo Ferri ha visto il missile colpire.",
        "Giacomo Ferri",
        "witness",
        "witness",
        None,
    ),
    # journalist
    (
        "fr",
        "La journaliste Hélène Marchal, présente sur place, décrit les dégâts.",
        "Hélène Marchal",
        "journalist",
        "media",
        None,
    ),
    (
        "es",
        "El corresponsal Andrés Villalba informó desde Odesa.",
        "Andrés Villalba",
        "journalist",
        "media",
        None,
    ),
    (
        "it",
        "La giornalista Chiara Benedetti, inviata a Kherson, racconta.",
        "Chiara Benedetti",
        "journalist",
        "media",
        None,
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "role", "kind", "country"), ROLE_CASES)
def test_role_word_and_name(
    reg: ActorRegistry,
    lang: str,
    text: str,
    name: str,
    role: str,
    kind: str,
    country: str | None,
) -> None:
    hits = [p for p in reg.find_persons(text, lang) if p.name == name]
    assert hits, [p.name for p in reg.find_persons(text, lang)]
    p = hits[0]
    assert p.role == role
    assert p.source_kind is not None and p.source_kind.value == kind
    assert p.country == country


# Romance word order: a role phrase that must NOT reach a name (lang, sentence, wrong name)
NO_PERSON = [
    ("fr", "Le porte-parole a déclaré que Kouznetsov mentait.", "Kouznetsov"),
    ("es", "El portavoz dijo que Martínez Ruiz había huido.", "Martínez Ruiz"),
    ("it", "Il portavoce ha detto che Bianchi era a Roma.", "Bianchi"),
    ("it", "nella parte orientale di Rafah», ha dichiarato ancora il portavoce.", "Rafah"),
    ("es", "afirmaron voluntarios de la Media Luna Roja en un comunicado.", "Luna Roja"),
    ("fr", "Les combats ont repris autour de Kadugli, chef-lieu du Kordofan-Sud.", "Kadugli"),
    ("it", "L'agenzia statale Global Press Agency ha riferito che", "Global Press Agency"),
]


@pytest.mark.parametrize(("lang", "text", "wrong"), NO_PERSON)
def test_verb_ends_role_phrase(reg: ActorRegistry, lang: str, text: str, wrong: str) -> None:
    assert all(p.name != wrong or p.role is None for p in reg.find_persons(text, lang))


# (lang, sentence, name): names without a role word, before an auxiliary + speech verb or
# after a speech verb, or a listed given name + surname
BARE_NAMES = [
    ("fr", "Oleh Vassylenko a déclaré que la ville tenait.", "Oleh Vassylenko"),
    ("es", "«Es terrible», dijo Lucía Ferrández.", "Lucía Ferrández"),
    ("it", "Giorgio Santambrogio ha detto che il convoglio era partito.", "Giorgio Santambrogio"),
]


@pytest.mark.parametrize(("lang", "text", "name"), BARE_NAMES)
def test_bare_names(reg: ActorRegistry, lang: str, text: str, name: str) -> None:
    assert name in [p.name for p in reg.find_persons(text, lang)]


# (lang, text, surface, actor id): generic noun + nationality adjective after it, elided
# articles, and noun + country
GENERIC = [
    ("fr", "L'armée russe a bombardé la ville.", "L'armée russe", "rus-forces"),
    ("fr", "les services de renseignement ukrainiens ont", "renseignement ukrainiens", None),
    ("es", "El ejército ruso avanzó cerca de Pokrovsk.", "ejército ruso", "rus-forces"),
    ("es", "las fuerzas armadas ucranianas resisten", "fuerzas armadas ucranianas", "ukr-forces"),
    ("it", "Le forze armate russe hanno colpito Odessa.", "forze armate russe", "rus-forces"),
    ("it", "secondo l'esercito ucraino, i droni", "l'esercito ucraino", "ukr-forces"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "actor"), GENERIC)
def test_noun_then_nationality(
    reg: ActorRegistry, lang: str, text: str, surface: str, actor: str | None
) -> None:
    found = {a.surface: a.entry for a in reg.find(text, lang)}
    hit = next((e for s, e in found.items() if surface in s or s in surface), None)
    assert hit is not None, found
    if actor is not None:
        assert hit.id == actor


@pytest.mark.parametrize(
    ("lang", "word", "iso"),
    [("fr", "ukrainiennes", "UKR"), ("es", "israelíes", "ISR"), ("it", "russe", "RUS")],
)
def test_nationality_adjectives(reg: ActorRegistry, lang: str, word: str, iso: str) -> None:
    assert reg.nationality(word, lang) == iso


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


# (lang, text, source name, source kind): the reader names the person a role phrase introduces
READER_CASES = [
    (
        "fr",
        "Deux civils ont été tués à Kherson, a déclaré le gouverneur de la région, Oleksandr "
        "Moroz.",
        "Oleksandr Moroz",
        "government",
    ),
    (
        "es",
        "Tres personas murieron en un bombardeo, indicó el gobernador, Oleg Tarasenko.",
        "Oleg Tarasenko",
        "government",
    ),
    (
        "it",
        "Due persone sono morte in un attacco, ha detto il portavoce della Protezione civile, "
        "Ahmed Saleh.",
        "Ahmed Saleh",
        "ngo_io",
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "kind"), READER_CASES)
def test_reader_source(reader: Reader, lang: str, text: str, name: str, kind: str) -> None:
    claims = reader.read_text(text, lang).claims
    assert any(c.source.name == name and c.source.kind.value == kind for c in claims), [
        (c.source.name, c.source.kind.value) for c in claims
    ]


# (lang, sentence, name, country): long complements and adjectives after the role word
COMPLEMENTS = [
    (
        "fr",
        "selon la porte-parole du ministère russe des Affaires étrangères, Vera Orlova.",
        "Vera Orlova",
        "RUS",
    ),
    (
        "fr",
        "a écrit le conseiller présidentiel ukrainien Petro Hontcharenko",
        "Petro Hontcharenko",
        "UKR",
    ),
    ("es", "dijo la jefa adjunta de la misión, Carmen Olmedo, en Ginebra.", "Carmen Olmedo", None),
    (
        "it",
        "riferisce il capo dell'amministrazione militare della città, Roman Klymenko.",
        "Roman Klymenko",
        None,
    ),
    (
        "it",
        "«È falso», ha scritto su Telegram Mykola Danyliuk, portavoce del comando.",
        "Mykola Danyliuk",
        None,
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "country"), COMPLEMENTS)
def test_long_complements(
    reg: ActorRegistry, lang: str, text: str, name: str, country: str | None
) -> None:
    hits = [p for p in reg.find_persons(text, lang) if p.name == name]
    assert hits, [p.name for p in reg.find_persons(text, lang)]
    assert hits[0].role in ("official", "spokesperson")
    assert hits[0].country == country
    assert hits[0].source_kind is not None and hits[0].source_kind.value == "government"
