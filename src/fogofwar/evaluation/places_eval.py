"""The ``places`` suite: toponym recognition and resolution on GeoWebNews, LGL and GeoVirus.

Read in place from ``<shared>/datasets`` (never copied):

* GeoWebNews (``geowebnews/GWN.xml``, 200 English articles). Gold toponyms are the spans typed
  as *literal* or *associative* toponyms in the annotation scheme (Gritta et al. 2019):
  ``Literal, Literal_Modifier, Mixed, Embedded_Literal, Coercion, Metonymic,
  Non_Literal_Modifier, Embedded_Non_Lit``. Not counted: ``Demonym`` and ``Language`` (fogofwar
  returns demonyms as country context, not as places), ``Homonym``, ``Non_Toponym`` and the
  ``*_Expression`` types (common nouns such as "city").
* LGL (``geoparsing_lgl_trnews_geovirus/lgl.xml``, 588 local US news articles): every
  ``<toponym>``; GeoNames id, lat/lon from ``<gaztag>`` where present.
* GeoVirus (``GeoVirus.xml``, 229 WikiNews articles): every ``<location>``; lat/lon only.
  Its offsets are one character past the name in this copy; each span is moved to read its
  ``<name>`` (:func:`_aligned`).

Recognition: precision/recall/F1 with *overlapping* span match (a predicted mention matches at
most one gold span that shares at least one character with it, greedily in text order).
Metonymic mentions count as predictions. A predicted demonym counts, with the country it
names, only as an adjectival modifier (a word follows: "Russian government", "Canadian Blood
Services"; GeoWebNews' ``*_Modifier`` and ``Embedded_*`` types), only in the datasets whose
gold annotates such adjectives (GeoWebNews, LGL; GeoVirus annotates none) and only with
``modifiers=True`` (the default); other demonyms ("the Russians") are ignored, as GeoWebNews
does not count its ``Demonym`` type.

Resolution, over correctly recognised toponyms whose gold has coordinates: ``exact`` (same
GeoNames id; only where gold has one), ``country`` (country of the prediction equals the
country reverse_geocoder gives for the gold point), ``acc_161km`` (great-circle error at most
161 km; a prediction without coordinates counts as wrong), ``mean_km`` / ``median_km`` (over
predictions with coordinates).

``gold_spans``: the same resolution figures over *every* gold toponym, each resolved through
:meth:`Gazetteer.resolve` (an unresolved span counts wrong) — the usual "gold spans given"
geocoding protocol. ``<set>.dev`` / ``<set>.held-out``: the same rows for each half of a set,
split by a stable hash of the document id (:func:`half`); rules are tuned on dev halves only.

Error analysis: :func:`worst_misses` lists the gold spans of one half resolved farthest from
their gold point (unresolved, located only at the text's anchor, or a wrong place)::

    PYTHONPATH=src python -c "from pathlib import Path; from fogofwar.evaluation.places_eval \
        import worst_misses as w; [print(m) for m in w(Path('../shared'), 'geowebnews')]"

The mordecai3 anchors (Halterman 2023) are printed in each metric's note; they are measured
under that paper's protocol and are a reference point, not the same experiment.

Country points are GeoNames' own for the countries shipped in ``data/geo/countries.toml``;
LGL's gold uses older GeoNames points for a few (Canada 60/-96, UK 54/-4).
"""

from __future__ import annotations

import hashlib
import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from fogofwar.claim import Location
from fogofwar.evaluation.report import EvalReport, Metric, f1
from fogofwar.geo import Gazetteer, PlaceMention
from fogofwar.geo.nearby import km_between

__all__ = [
    "GOLD_TYPES",
    "GoldDoc",
    "GoldToponym",
    "Miss",
    "evaluate_places",
    "half",
    "load_dataset",
    "worst_misses",
]

GOLD_TYPES = frozenset(
    {
        "Literal",
        "Literal_Modifier",
        "Mixed",
        "Embedded_Literal",
        "Coercion",
        "Metonymic",
        "Non_Literal_Modifier",
        "Embedded_Non_Lit",
    }
)
_ANCHORS = {
    (name, field_, metric): note
    for field_ in ("resolution", "gold_spans")
    for name, metric, note in (
        ("geowebnews", "exact", "mordecai3: 90.1% exact"),
        ("geowebnews", "acc_161km", "mordecai3: 94.1% within 161 km"),
        ("lgl", "exact", "mordecai3: 79.4% exact"),
    )
}
_DATASETS = ("geowebnews", "lgl", "geovirus")
_ADJECTIVES = frozenset({"geowebnews", "lgl"})  # gold annotates "Russian" in "Russian army"


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold span with what is known of its place."""

    start: int
    end: int
    geonames_id: int | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """An article and its gold toponyms."""

    text: str
    toponyms: tuple[GoldToponym, ...]
    doc_id: str = ""


def _num(node: ET.Element | None, tag: str) -> float | None:
    el = node.find(tag) if node is not None else None
    return float(el.text) if el is not None and el.text and el.text.strip() else None


def _gwn(path: Path) -> Iterator[GoldDoc]:
    for art in ET.parse(path).getroot().iter("article"):
        gold = []
        for t in art.iter("toponym"):
            if (t.findtext("type") or "") not in GOLD_TYPES:
                continue
            gid = (t.findtext("geonamesID") or "").strip()
            gold.append(
                GoldToponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                            int(gid) if gid.isdigit() else None,
                            _num(t, "latitude"), _num(t, "longitude"))
            )  # fmt: skip
        yield GoldDoc(art.findtext("text") or "", tuple(sorted(gold, key=lambda g: g.start)),
                      art.get("file") or "")  # fmt: skip


def _lgl(path: Path) -> Iterator[GoldDoc]:
    for art in ET.parse(path).getroot().iter("article"):
        gold = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            gid = tag.get("geonameid") if tag is not None else None
            gold.append(
                GoldToponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                            int(gid) if gid and gid.isdigit() else None,
                            _num(tag, "lat"), _num(tag, "lon"))
            )  # fmt: skip
        yield GoldDoc(art.findtext("text") or "", tuple(sorted(gold, key=lambda g: g.start)),
                      art.get("docid") or "")  # fmt: skip


def _aligned(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """``(start, end)`` moved by up to three characters so the span reads ``name``: GeoVirus'
    offsets are one past the name in this copy ("oronto " for "Toronto")."""
    for shift in (0, -1, 1, -2, 2, -3, 3):
        if text[start + shift : end + shift] == name:
            return start + shift, end + shift
    return start, end


def _geovirus(path: Path) -> Iterator[GoldDoc]:
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("location"):
            start, end = _aligned(
                text,
                int(t.findtext("start") or 0),
                int(t.findtext("end") or 0),
                t.findtext("name") or "",
            )
            gold.append(GoldToponym(start, end, None, _num(t, "lat"), _num(t, "lon")))
        yield GoldDoc(text, tuple(sorted(gold, key=lambda g: g.start)),
                      (art.findtext("source") or "").strip())  # fmt: skip


def _valid(doc: GoldDoc) -> GoldDoc:
    """Drop gold spans outside the text (GeoWebNews has one at offset -239)."""
    ok = tuple(t for t in doc.toponyms if 0 <= t.start < t.end <= len(doc.text))
    return doc if len(ok) == len(doc.toponyms) else GoldDoc(doc.text, ok, doc.doc_id)


def load_dataset(shared: Path, name: str, limit: int | None = None) -> list[GoldDoc]:
    """The first ``limit`` documents (all when ``None``) of one dataset, in file order."""
    base = shared / "datasets"
    readers = {
        "geowebnews": (_gwn, base / "geowebnews" / "GWN.xml"),
        "lgl": (_lgl, base / "geoparsing_lgl_trnews_geovirus" / "lgl.xml"),
        "geovirus": (_geovirus, base / "geoparsing_lgl_trnews_geovirus" / "GeoVirus.xml"),
    }
    reader, path = readers[name]
    docs = [_valid(d) for d in reader(path)]
    return docs if limit is None else docs[:limit]


@dataclass(slots=True)
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact_n: int = 0
    exact_ok: int = 0
    geo_n: int = 0
    within: int = 0
    errors: list[float] = field(default_factory=list)
    pairs: list[tuple[float, float, str | None]] = field(default_factory=list)  # gold, ISO3

    def add(self, other: _Tally) -> None:
        """Add ``other``'s counts to this tally."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.exact_n += other.exact_n
        self.exact_ok += other.exact_ok
        self.geo_n += other.geo_n
        self.within += other.within
        self.errors += other.errors
        self.pairs += other.pairs

    def place(self, g: GoldToponym, loc: Location | None) -> None:
        """Score one predicted location against its gold toponym."""
        if g.geonames_id is not None:
            self.exact_n += 1
            self.exact_ok += loc is not None and loc.geonames_id == g.geonames_id
        if g.lat is None or g.lon is None:
            return
        self.geo_n += 1
        self.pairs.append((g.lat, g.lon, loc.country if loc is not None else None))
        if loc is not None and loc.lat is not None and loc.lon is not None:
            err = km_between(g.lat, g.lon, loc.lat, loc.lon)
            self.errors.append(err)
            self.within += err <= 161.0


def half(dataset: str, doc_id: str) -> str:
    """``"dev"`` or ``"held-out"``: a stable hash of the document id splits each set in two
    (tune on dev, report held-out)."""
    digest = hashlib.sha1(f"{dataset}:{doc_id}".encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "held-out"


def _modifier(text: str, m: PlaceMention) -> bool:
    """A demonym with a country, used as an adjective: a word follows ("Russian army",
    "Canadian Blood Services", "British Prime Minister"), not a full stop or a comma ("speaks
    Russian.", "the Russians")."""
    rest = text[m.span.end : m.span.end + 3].lstrip(" ")
    return m.location is not None and bool(rest) and rest[0].isalpha()


def _end_to_end(doc: GoldDoc, gaz: Gazetteer, modifiers: bool) -> _Tally:
    """Recognition and resolution of what the gazetteer finds on its own."""
    tally = _Tally()
    pred = [
        m
        for m in gaz.find(doc.text, "en")
        if not m.is_demonym or (modifiers and _modifier(doc.text, m))
    ]
    used: set[int] = set()
    for m in pred:
        match = next(
            (k for k, g in enumerate(doc.toponyms)
             if k not in used and g.start < m.span.end and m.span.start < g.end),
            None,
        )  # fmt: skip
        if match is None:
            tally.fp += 1
            continue
        used.add(match)
        tally.tp += 1
        tally.place(doc.toponyms[match], m.location)
    tally.fn += len(doc.toponyms) - len(used)
    return tally


def _gold_spans(doc: GoldDoc, gaz: Gazetteer) -> _Tally:
    """Resolution of every gold span (``Gazetteer.resolve``); unresolved spans count wrong."""
    tally = _Tally()
    spans = [(g.start, g.end) for g in doc.toponyms]
    for g, m in zip(doc.toponyms, gaz.resolve(doc.text, spans, "en"), strict=True):
        tally.place(g, m.location)
    return tally


@cache
def _geocoder() -> Any:
    import reverse_geocoder

    return reverse_geocoder.RGeocoder(mode=1, verbose=False)


def _country_hits(pairs: list[tuple[float, float, str | None]]) -> int:
    if not pairs:
        return 0
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    found = _geocoder().query([(a, b) for a, b, _ in pairs])
    return sum(iso3.get(f["cc"]) == pred for f, (_, _, pred) in zip(found, pairs, strict=True))


def _resolution(name: str, field_: str, t: _Tally) -> list[Metric]:
    out = []
    if t.exact_n:
        out.append(Metric(name, field_, "exact", t.exact_ok / t.exact_n, t.exact_n))
    if t.geo_n:
        country = _country_hits(t.pairs)
        out += [
            Metric(name, field_, "country", country / t.geo_n, t.geo_n),
            Metric(name, field_, "acc_161km", t.within / t.geo_n, t.geo_n),
        ]
    if t.errors:
        out += [
            Metric(name, field_, "mean_km", statistics.fmean(t.errors), len(t.errors)),
            Metric(name, field_, "median_km", statistics.median(t.errors), len(t.errors)),
        ]
    return out


def _metrics(name: str, t: _Tally, gold: _Tally) -> list[Metric]:
    p = t.tp / (t.tp + t.fp) if t.tp + t.fp else 0.0
    r = t.tp / (t.tp + t.fn) if t.tp + t.fn else 0.0
    n_gold = t.tp + t.fn
    out = [
        Metric(name, "toponyms", "precision", p, t.tp + t.fp),
        Metric(name, "toponyms", "recall", r, n_gold),
        Metric(name, "toponyms", "f1", f1(p, r), n_gold),
        *_resolution(name, "resolution", t),
        *_resolution(name, "gold_spans", gold),
    ]
    return [
        Metric(m.dataset, m.field, m.metric, round(m.value, 4), m.n,
               note=_ANCHORS.get((name, m.field, m.metric), ""))
        for m in out
    ]  # fmt: skip


def evaluate_places(
    shared: Path,
    limit: int | None = None,
    gazetteer: Gazetteer | None = None,
    modifiers: bool = True,
    splits: bool = True,
    halves: tuple[str, ...] = ("dev", "held-out"),
    whole: bool = True,
) -> EvalReport:
    """Run the ``places`` suite on the first ``limit`` documents of each dataset (all: None).

    Per dataset: end-to-end recognition and resolution (``toponyms``, ``resolution``) and
    resolution of the gold spans (``gold_spans``, through :meth:`Gazetteer.resolve`); with
    ``splits``, the same again for each half (``<dataset>.dev``, ``<dataset>.held-out``, see
    :func:`half`). ``modifiers=False`` ignores every predicted demonym (the protocol before
    adjectival modifiers were counted). ``halves=("dev",), whole=False`` reports the dev halves
    only and reads no held-out document (for tuning)."""
    gaz = gazetteer if gazetteer is not None else Gazetteer.open()
    metrics: list[Metric] = []
    for name in _DATASETS:
        docs = load_dataset(shared, name, limit)
        parts = {"": (_Tally(), _Tally()), ".dev": (_Tally(), _Tally()),
                 ".held-out": (_Tally(), _Tally())}  # fmt: skip
        for doc in docs:
            part = half(name, doc.doc_id)
            if not whole and part not in halves:
                continue  # not read at all: a tuning run never scores the other half
            e2e = _end_to_end(doc, gaz, modifiers and name in _ADJECTIVES)
            gold = _gold_spans(doc, gaz)
            for key in ("", "." + part):
                parts[key][0].add(e2e)
                parts[key][1].add(gold)
        for key, (e2e_t, gold_t) in parts.items():
            if (key == "" and whole) or (key and splits and key[1:] in halves):
                metrics += _metrics(name + key, e2e_t, gold_t)
    notes = (
        f"documents per dataset: {'all' if limit is None else limit}",
        "recognition: overlapping span match; GeoWebNews gold types: "
        + ", ".join(sorted(GOLD_TYPES)),
        "adjectival demonyms (modifiers): " + ("counted" if modifiers else "ignored"),
        "gold_spans: every gold toponym resolved through Gazetteer.resolve (unresolved = wrong)",
        "<set>.dev / <set>.held-out: halves by a stable hash of the document id; tune on dev",
    )
    return EvalReport("places", tuple(metrics), notes)


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold span resolved more than 161 km from its gold point (error analysis)."""

    doc_id: str
    surface: str
    gold_id: int | None
    gold: tuple[float, float]
    predicted: str | None  # the place's name, "" when only the text's anchor was given
    country: str | None
    precision: str | None
    km: float  # infinite: no location at all
    kind: str  # "unresolved" | "anchor" (no place of its own) | "wrong place"


def worst_misses(
    shared: Path, name: str, part: str = "dev", n: int = 40, gazetteer: Gazetteer | None = None
) -> list[Miss]:
    """The ``n`` gold spans of one half of a set resolved farthest from their gold point, for
    error analysis on the half rules are tuned on (``part="dev"``)."""
    gaz = gazetteer if gazetteer is not None else Gazetteer.open()
    out: list[Miss] = []
    for doc in load_dataset(shared, name):
        if half(name, doc.doc_id) != part:
            continue
        spans = [(g.start, g.end) for g in doc.toponyms]
        for g, m in zip(doc.toponyms, gaz.resolve(doc.text, spans, "en"), strict=True):
            if g.lat is None or g.lon is None:
                continue
            loc = m.location
            if loc is None or loc.lat is None or loc.lon is None:
                out.append(Miss(doc.doc_id, m.surface, g.geonames_id, (g.lat, g.lon), None,
                                None, None, math.inf, "unresolved"))  # fmt: skip
                continue
            err = km_between(g.lat, g.lon, loc.lat, loc.lon)
            if err > 161.0:
                kind = "anchor" if loc.geonames_id is None else "wrong place"
                out.append(Miss(doc.doc_id, m.surface, g.geonames_id, (g.lat, g.lon),
                                loc.normalized, loc.country, loc.precision, err, kind))  # fmt: skip
    return sorted(out, key=lambda x: -x.km)[:n]
