"""Claims that describe an event's context, not an event of their own.

An article reporting a strike also says where the missiles were launched from, which country
the attacker is, and what happened before. Such a claim never founds an event of its own while
its article reports one: when it fits no event, it is linked to its article's event as
*context* (a :class:`~fogofwar.events.model.LinkReason` ``context``), listed with the event but
never its place, kind, source or figure. Three kinds:

* ``background`` — the sentence says it is earlier news ("earlier", "previously", "раніше",
  "ранее", "zuvor", "last week", "since the start of the war");
* ``launch site`` — an attack placed where it came from ("launched from Belgorod", "з
  Бєлгородської області", "aus Richtung");
* ``country only`` — a claim without figures placed no finer than a country (often the actor's
  own country) in an article that places its event more precisely.
"""

from __future__ import annotations

import re

from fogofwar.claim import Claim, ClaimKind
from fogofwar.events.model import ArticleMeta

__all__ = ["aircraft_over", "context_reason", "launch_site", "near_place"]

_BACKGROUND = re.compile(
    r"\b(earlier|previously|last (week|month|year)|in the past|since the (start|beginning)"
    r"|(a|one|two|three|four|five|several|\d+) days? (after|before)|the day before"
    r"|zuvor|vorher|früher|bereits im|vergangene[nr]? (woche|monat|jahr)|seit beginn"
    r"|(einen|ein|zwei|drei|vier|fünf|\d+) tage?n? (nach|vor)\b|am vortag"
    r"|ранее|прежде|на прошлой неделе|в прошлом (месяце|году)|с начала|накануне"
    r"|(за|через) (день|два дня|три дня|\d+ дн[яей]+)"
    r"|раніше|минулого (тижня|місяця|року)|з початку|напередодні"
    r"|(за|через) (день|два дні|три дні|\d+ дн[іяв]+)"
    r"|auparavant|précédemment|plus tôt|la semaine (dernière|passée)|la veille|au lendemain"
    r"|(un|deux|trois|\d+) jours? (après|avant)|depuis le début"
    r"|anteriormente|previamente|la semana pasada|la víspera|desde el (inicio|comienzo)"
    r"|(un|dos|tres|\d+) días? (después|antes)"
    r"|in precedenza|precedentemente|la settimana scorsa|il giorno prima|la vigilia"
    r"|(un|due|tre|\d+) giorni? (dopo|prima)|dall'inizio)\b",
    re.IGNORECASE,
)
_LAUNCH = re.compile(
    r"\b(launch\w*|fired|took off)\s+(\w+\s+){0,4}?from\b"
    r"|\bfrom the direction of\b|\bfrom (\w+\s+){0,2}airspace\b"
    r"|\b(gestartet|abgefeuert)\b|\baus richtung\b|\bvon\s+(\w+\s+)?aus\b"
    r"|\b(запущ\w*|выпущ\w*|випущ\w*)\s+(\w+\s+){0,3}?(с|из|со|з|із|зі)\b"
    r"|\bсо стороны\b|\bз боку\b|\bз напрямку\b|\bс направления\b|\bз території\b"
    r"|\bс территории\b|\bиз воздушного пространства\b|\bз повітряного простору\b"
    r"|\b(lancé\w*|tiré\w*)\s+(\w+\s+){0,3}?depuis\b"
    r"|\b(lanzad\w*|disparad\w*)\s+(\w+\s+){0,3}?desde\b"
    r"|\b(lanciat\w*)\s+(\w+\s+){0,3}?(da|dal|dalla|dallo)\b",
    re.IGNORECASE,
)
# bombs dropped FROM a place (aircraft over Belgorod region): the place follows the preposition
# at once or after at most two words that are not "over"/"on" (bombs dropped over a city hit it)
_DROPPED = re.compile(
    r"\b(dropped|сбрасыва\w*|сброш\w*|сбросил\w*|скину\w*|скида\w*|largué\w*|arrojad\w*"
    r"|sganciat\w*)\s+(\w+\s+){0,3}?(from|с|из|со|з|із|зі|depuis|desde|da|dal|dalla)\s+"
    r"((?!over\b|on\b|над\b|на\b|по\b|au-dessus\b|sur\b|sobre\b|sopra\b)\w+[\s']+){0,2}$",
    re.IGNORECASE,
)
# aircraft over a place in a sentence that drops or fires something from them ("von Kampfjets
# über der russischen Region Belgorod abgeworfen"): where the jets were — or the target ("from a
# plane over Kharkiv"); only another country than the article's event tells (see linking)
_AIRCRAFT_OVER = re.compile(
    r"\b(jets?|aircraft|planes?|bombers?|warplanes?|kampfjets?|flugzeuge?n?|bombern?"
    r"|kampfflugzeuge?n?|самол[её]т\w*|бомбардировщик\w*|літак\w*|бомбардувальник\w*"
    r"|avions?|bombardiers?|aviones|bombarderos?|aerei|bombardieri)\s+((flying|fliegend\w*)\s+)?"
    r"(over|above|über|над|au-dessus d[eu]s?|sobre|sopra)\s+((\w+|d')\s+){0,2}$",
    re.IGNORECASE,
)
_RELEASED = re.compile(
    r"\b(dropped|released|launched|fired|abgeworfen|abgefeuert|gestartet|сбрасыва\w*|сброш\w*"
    r"|сбросил\w*|выпущ\w*|запущ\w*|скину\w*|скида\w*|випущ\w*|largué\w*|lancé\w*"
    r"|tiré\w*|arrojad\w*|lanzad\w*|disparad\w*|sganciat\w*|lanciat\w*)",
    re.IGNORECASE,
)
# verb-final clauses name the launch after the place ("aus der Region Kursk gestartet")
_LAUNCH_AFTER = re.compile(r"^\W*(\w+\W+){0,3}?(gestartet|abgefeuert|aufgestiegen)\b", re.I)


# a place named only as what the event was near ("near Odesa", "під Одесою", "bei Odessa"):
# the event is in that place's region, not in it
_NEAR = re.compile(
    r"\b(near|outside|close to|not far from|on the outskirts of|(north|south|east|west) of"
    r"|nahe|bei|unweit( von)?|in der nähe von|(nördlich|südlich|östlich|westlich) von"
    r"|под|возле|около|близ|вблизи|недалеко от|к (северу|югу|востоку|западу) от"
    r"|під|біля|поблизу|неподалік( від)?|поруч із|на (північ|південь|схід|захід) від"
    r"|près de|non loin de|aux environs de|(au nord|au sud|à l'est|à l'ouest) de"
    r"|cerca de|a las afueras de|al (norte|sur|este|oeste) de|próximo a"
    r"|vicino a|nei pressi di|alle porte di|a (nord|sud|est|ovest) di)"
    r"\s+(the\s+|der\s+|des\s+|dem\s+|la\s+|le\s+|l'|el\s+|di\s+)?$",
    re.IGNORECASE,
)


def near_place(claim: Claim, meta: ArticleMeta | None) -> bool:
    """True when the claim's town is named only as what the event was near ("in Chornomorsk
    near Odesa" names Odesa as a landmark): the event lies in its region, not in the town."""
    loc = claim.location
    if loc is None or loc.span is None or meta is None or loc.precision != "point":
        return False
    text = meta.title if claim.in_headline else meta.text
    if loc.span.end > len(text):
        return False
    return bool(_NEAR.search(text[max(0, loc.span.start - 40) : loc.span.start]))


def launch_site(claim: Claim, meta: ArticleMeta | None) -> bool:
    """True when an attack claim's place is where the attack came from, not where it hit."""
    if claim.kind is not ClaimKind.ATTACK or claim.location is None or meta is None:
        return False
    loc, text = claim.location, meta.title if claim.in_headline else meta.text
    if loc.span is None or loc.span.end > len(text):
        return False
    before = text[max(0, loc.span.start - 60) : loc.span.start]
    after = text[loc.span.end : loc.span.end + 40]
    return bool(_LAUNCH.search(before) or _DROPPED.search(before) or _LAUNCH_AFTER.search(after))


def aircraft_over(claim: Claim, meta: ArticleMeta | None) -> bool:
    """True when a figureless attack claim's place is where aircraft flew as they dropped or
    fired ("jets over Russia's Belgorod region dropped the bombs"): a launch site when that
    place lies in another country than its article's event (the linker checks the country)."""
    if claim.kind is not ClaimKind.ATTACK or claim.location is None or meta is None:
        return False
    if not claim.counts.is_empty():
        return False
    loc, text = claim.location, meta.title if claim.in_headline else meta.text
    if loc.span is None or loc.span.end > len(text):
        return False
    before = text[max(0, loc.span.start - 60) : loc.span.start]
    return bool(_AIRCRAFT_OVER.search(before)) and bool(_RELEASED.search(meta.claim_text(claim)))


def context_reason(claim: Claim, meta: ArticleMeta | None) -> str | None:
    """Why ``claim`` may be context rather than an event of its own (None: it may found one)."""
    if launch_site(claim, meta):
        return "launch site"
    if aircraft_over(claim, meta):
        return "aircraft over"
    sentence = meta.claim_text(claim) if meta else ""
    if _BACKGROUND.search(sentence):
        return "background"
    loc = claim.location
    coarse = loc is None or loc.precision in ("country", "region")
    if coarse and claim.counts.is_empty() and not claim.in_headline:
        return "country only" if loc is not None else "unplaced"
    return None
