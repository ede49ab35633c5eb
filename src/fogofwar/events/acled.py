"""ACLED's own vocabulary for an event record: actor names, inter codes, region, source scale,
notes, precision. The data (regions, regime years, short country names) is
``data/acled.toml``; ``exports_tables.acled_row`` puts the row together.

* **Actors**: state forces are "Military Forces of <Country> (<regime>-)", police "Police
  Forces of <Country> (<regime>-)", governments "Government of <Country> (<regime>-)",
  civilians "Civilians (<Country>)", armed groups without a registry name "Unidentified Armed
  Group (<Country>)"; named groups and persons keep their name.
* **Inter codes** (ACLED's numeric codebook): 1 state forces, 2 rebel groups, 3 political
  militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces —
  state forces or a government acting outside the event's country are 8. **Interaction** is
  the two codes, lower first ("78"); one actor alone is its code and 0 ("60").
* **Source scale**: per outlet, "New media" for channels and social media, "National" when the
  outlet's country-code domain is the event's country, "International" for another country's,
  else "Other"; distinct scales joined by "-" ("National-International").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pycountry

from fogofwar.events.record import EventRecord

__all__ = [
    "acled_actor",
    "acled_country",
    "acled_notes",
    "inter_code",
    "interaction",
    "region",
    "source_scale",
]

_DATA = Path(__file__).resolve().parents[1] / "data" / "acled.toml"
_POLICE = ("police", "polizei", "полиц", "поліц", "national guard", "nationalgard")


@dataclass(frozen=True, slots=True)
class _Vocab:
    region: dict[str, str]
    regime: dict[str, str]
    names: dict[str, str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    with _DATA.open("rb") as fh:
        data = tomllib.load(fh)
    regions = {iso: name for name, isos in data.get("region", {}).items() for iso in isos}
    return _Vocab(regions, dict(data.get("regime", {})), dict(data.get("country_name", {})))


def acled_country(iso3: str | None) -> str:
    """ACLED's short country name of an ISO3 code ("" when unknown)."""
    if not iso3:
        return ""
    known = _vocab().names.get(iso3)
    if known:
        return known
    entry = pycountry.countries.get(alpha_3=iso3)
    if entry is None:
        return iso3
    return str(getattr(entry, "common_name", None) or entry.name)


def region(iso3: str | None) -> str:
    """ACLED's region of a country ("" when the table does not list it)."""
    return _vocab().region.get(iso3 or "", "")


def _regime(iso3: str) -> str:
    years = _vocab().regime.get(iso3)
    return f" ({years})" if years else ""


def acled_actor(name: str, kind: str, country: str, event_country: str | None) -> str:
    """An actor in ACLED's naming convention (see the module docstring)."""
    iso = country or ""
    where = acled_country(iso)
    if kind == "state_forces" and where:
        force = "Police Forces" if any(p in name.lower() for p in _POLICE) else "Military Forces"
        return f"{force} of {where}{_regime(iso)}"
    if kind == "government" and where:
        return f"Government of {where}{_regime(iso)}"
    if kind == "civilians":
        home = where or acled_country(event_country)
        return f"Civilians ({home})" if home else "Civilians"
    if kind == "armed_group" and (not name or name[:1].islower()):  # "militants", "боевики"
        home = where or acled_country(event_country)
        return f"Unidentified Armed Group ({home})" if home else "Unidentified Armed Group"
    return name


def inter_code(kind: str, country: str, event_country: str | None) -> int:
    """ACLED inter code of an actor (state forces abroad are external forces, 8)."""
    if kind in ("state_forces", "government"):
        abroad = bool(country and event_country and country != event_country)
        return 8 if abroad else 1
    return {"armed_group": 2, "civilians": 7, "protesters": 6, "rioters": 5}.get(kind, 8)


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED interaction code: both inter codes, lower first; one actor alone ends in 0."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return ""
    return f"{codes[0]}{codes[1] if len(codes) > 1 else 0}"


def _tld_country(outlet: str) -> str | None:
    tld = outlet.rsplit(".", 1)[-1].lower() if "." in outlet else ""
    if len(tld) != 2:
        return None
    entry = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
    return entry.alpha_3 if entry is not None else None


def source_scale(rec: EventRecord) -> str:
    """ACLED source scale of the record's outlets (see the module docstring)."""
    scales: list[str] = []
    if "social_media" in rec.source_kinds:
        scales.append("New media")
    for outlet in rec.outlets:
        if outlet.startswith("@") or outlet.startswith("t.me"):
            scales.append("New media")
            continue
        home = _tld_country(outlet)
        if home is None:
            scales.append("Other")
        else:
            scales.append("National" if home == rec.country else "International")
    order = ["New media", "Subnational", "National", "Regional", "International", "Other"]
    distinct = sorted(set(scales), key=order.index)
    if len(distinct) > 1 and "Other" in distinct:
        distinct.remove("Other")
    return "-".join(distinct) or "Other"


_VERBS = {
    "attack": "attacked",
    "armed_clash": "clashed with",
    "casualties": "inflicted casualties on",
    "territorial_change": "took territory from",
    "arrest": "arrested",
    "desertion": "saw desertions from",
    "deployment": "deployed against",
    "protest": "protested against",
    "diplomacy": "engaged with",
    "statement": "made a statement about",
    "other": "acted against",
}


def _day(value: str | None) -> str:
    if not value:
        return "an unknown date"
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{d.day} {d.strftime('%B')} {d.year}"


def acled_notes(rec: EventRecord, actor1: str, actor2: str, coarse: bool) -> str:
    """Notes in ACLED's style: "On <date>, <actor1> <did> <actor2> in <place> (<admin1>).
    <n> fatalities (range, disputed). Sources: …"; a place known only to the country says so."""
    when = _day(rec.date_start)
    if rec.time_precision not in ("day",):
        when = (
            f"or around {when}" if rec.time_precision == "week" else f"in the period before {when}"
        )
    who = actor1 or "Unidentified actors"
    verb = _VERBS.get(rec.kind, "acted against")
    target = f" {actor2}" if actor2 else ""
    if not actor2 and verb.endswith((" with", " on", " from", " against", " about")):
        verb = verb.rsplit(" ", 1)[0]
    place = rec.location or acled_country(rec.country) or "an unknown location"
    if rec.admin1 and rec.admin1 != rec.location:
        place += f" ({rec.admin1})"
    text = f"On {when}, {who} {verb}{target} in {place}."
    if rec.killed_best is not None:
        text += f" {rec.killed_best} fatalities"
        if rec.killed_low != rec.killed_high:
            text += f" (reports range {rec.killed_low}-{rec.killed_high})"
        text += "."
    if coarse:
        text += " Location known only to the country; no coordinates are given."
    if "counts_disagree" in rec.flags or "characterisation_disputed" in rec.flags:
        text += " Sources disagree."
    return text
