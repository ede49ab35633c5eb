"""Casualty words that count no one: an attempt or a near miss ("tried to kill", "nearly
died", "пытался убить", "мало не загинула": pack ``unrealised``), and a verb that kills only
people used of a thing ("цю службу було ліквідовано", "ликвидированных отделов": pack
``people_lost`` with no person and no head count in its clause).

Mixed into :class:`~fogofwar.nlp.toll_cues.TollCues` (and so into the claim builder).
"""

from __future__ import annotations

from fogofwar.nlp.doc import Doc
from fogofwar.nlp.matcher import Match, Token
from fogofwar.nlp.victims import noun_animacy
from fogofwar.packs import LanguagePack, Trigger

__all__ = ["TollGuards"]

_UNREALISED_GAP = 1  # words between an attempt ("tried to") and its casualty word
_THEME_WORDS = 3  # words from a people_lost verb to the noun it liquidates
_DETERMINER_WORDS = 2  # tokens a determiner phrase before a victim noun may span


class TollGuards:
    """Guards on casualty words over the builder's document (a mixin: ``doc``, ``pack``,
    ``toks``)."""

    doc: Doc
    pack: LanguagePack
    toks: tuple[Token, ...]

    def unpeopled(self, m: Match[Trigger], lo: int, hi: int) -> bool:
        """Killing word ``m`` is one of the pack's ``people_lost`` verbs ("ліквідовано",
        "ликвидированных", "neutralised", "eliminated") and the clause ``[lo, hi)`` names no
        people (a group, person or fighter noun) and no head count: a structure, a firm or a
        threat was liquidated or eliminated, nobody was killed."""
        pack, toks = self.pack, self.toks
        if m.payload.count != "killed" or not pack.people_lost.size:
            return False
        if not any(v.start <= m.start < v.end for v in pack.people_lost.find(toks, m.start, m.end)):
            return False
        if any(lo <= q.tok_start < hi and q.toll for q in self.doc.quantities):
            return False
        # by the analyser: the first noun after the word ("ліквідовано командира") or, when
        # none is there, before it ("агенцію було ліквідовано") says whether it names people
        after = range(m.end, min(hi, m.end + _THEME_WORDS))
        before = range(m.start - 1, max(lo, m.start - _THEME_WORDS) - 1, -1)
        for side in (after, before):
            for k in side:
                if not toks[k].is_word:
                    break
                animacy = noun_animacy(toks[k].lower, self.doc.lang)
                if animacy in ("anim", "inan"):
                    return animacy == "inan"
        return not any(
            f.match_at(toks, k, hi) is not None
            for k in range(lo, hi)
            for f in (pack.groups, pack.persons, pack.fighters)
        )

    def unrealised(self, m: Match[Trigger], lo: int) -> bool:
        """Casualty word ``m`` follows a pack ``unrealised`` phrase (an attempt, a wish, a
        threat or a near miss: "tried to kill", "nearly died", "пытался убить", "мало не
        загинула", "a tenté de tuer") at most :data:`_UNREALISED_GAP` words before it, with no
        figure between: nobody was killed or hurt by that word."""
        toks, words = self.toks, self.pack.unrealised
        if not words.size or m.payload.count is None:
            return False
        for u in words.find(toks, max(lo, m.start - _UNREALISED_GAP - 3), m.start):
            between = range(u.end, m.start)
            if (
                len(between) <= _UNREALISED_GAP
                and all(toks[k].is_word for k in between)
                and not any(u.end <= q.tok_start < m.start for q in self.doc.quantities)
            ):
                return True
        return False

    def counts_thing(self, k: int, hi: int) -> bool | None:
        """By the analyser (ru/uk), whether the noun right after a figure, at token ``k`` or
        after one adjective, is a thing ("один из *судов*", "трьох *голодоморів*", "двох
        *воєн*": True) or a person ("трьох *бійців*", "5 мирных *жителей*": False); None when
        no noun stands there (a preposition, a substantivised adjective: "5 загиблих у …")."""
        toks, pack, lang = self.toks, self.pack, self.doc.lang
        for j in range(k, min(hi, k + 2)):
            if not toks[j].is_word or pack.triggers.match_at(toks, j, hi) is not None:
                return None  # "тіл", "жертв": casualty nouns count the dead
            animacy = noun_animacy(toks[j].lower, lang)
            if animacy in ("anim", "inan"):
                return animacy == "inan"
            if animacy != "adj":
                return None
        return None

    def pronoun_people(self, m: Match[Trigger], lo: int, hi: int) -> int:
        """People a pack object pronoun names for casualty or arrest word ``m``: right before it
        ("Його затримали", "Её убили") or right after it with no noun following ("arrested
        him at the border", not the possessive "killed her husband"). 1 for a singular pronoun,
        -1 for a plural one (a group of no stated number), 0 when none stands there."""
        toks, pack = self.toks, self.pack
        if not pack.pronouns_one and not pack.pronouns_many:
            return 0
        spots = [m.start - 1] if m.start - 1 >= lo else []
        after = m.end
        if after < hi and (
            after + 1 >= hi
            or not toks[after + 1].is_word
            or pack.scene_prepositions.match_at(toks, after + 1, hi) is not None
        ):
            spots.append(after)
        for k in spots:
            low = toks[k].lower
            if low in pack.pronouns_one:
                return 1
            if low in pack.pronouns_many:
                return -1
        return 0

    def known_victims(self, m: Match[Trigger], lo: int) -> bool:
        """Bare victim noun ``m`` follows a pack ``known_victims`` determiner ("the relatives of
        the dead", "bei den Getöteten handle es sich um …", "le vittime sarebbero state scelte",
        "все жертвы — гражданские"): victims the text already told of, no toll of their own —
        unless an ``among`` word stands before the determiner ("among the dead": a part)."""
        pack, toks = self.pack, self.toks
        if not pack.known_victims.size:
            return False
        for d in pack.known_victims.find(toks, max(lo, m.start - _DETERMINER_WORDS), m.start):
            if d.end == m.start:
                return not any(a.end == d.start for a in pack.among.find(toks, lo, d.start))
        return False
