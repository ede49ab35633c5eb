"""A passive speech verb with its agent: "The death of two soldiers was confirmed by the
Ministry of Defence", "Der Tod … wurde vom Verteidigungsministerium bestätigt", "La mort … a
été confirmée par le ministère", "fue confirmada por el Ministerio", "è stata confermata dal
ministero".

A verb cue with a passive auxiliary (``[attribution] passive_aux``) among the few words before
it, and an agent word (``passive_agents``: "by", "von", "par", "por", "dal") either right after
it or between the auxiliary and a verb-final participle: the body or person after the agent
word speaks (not the subject, which is what is said), and the words before the auxiliary are
what it says.
"""

from __future__ import annotations

from fogofwar.model import Span
from fogofwar.nlp.attribution_entities import Source, trim
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.attribution_source import Finder
from fogofwar.nlp.doc import Doc, Sentence
from fogofwar.nlp.matcher import Token

__all__ = ["passive_agent"]

_AUX_BACK = 3  # words between a passive auxiliary and its participle ("has been", "wurde … ")
_AGENT_WORDS = 8  # words of an agent phrase
_STOPS = frozenset({",", ";", ":", "(", "—", "–"})


def passive_agent(
    doc: Doc, f: Finder, sent: Sentence, start: int, end: int
) -> tuple[Span, Source] | None:
    """Content and source of the passive verb cue at tokens ``[start, end)``, or ``None``
    when the cue is not passive or names no agent."""
    lex = lexicon(doc.lang)
    if not lex.passive_aux or not lex.passive_agents:
        return None
    toks = doc.tokens
    lo, hi = sent.tok_start, sent.tok_end
    agent = _agent_after(toks, lex.passive_agents, lex.cue_adverbs, end, hi)
    aux_hi = start
    if agent is None:  # verb-final: "wurde vom Verteidigungsministerium bestätigt"
        marker = next(
            (
                k
                for k in range(start - 1, max(lo, start - _AGENT_WORDS) - 1, -1)
                if toks[k].lower in lex.passive_agents
            ),
            None,
        )
        if marker is None or any(toks[k].text in _STOPS for k in range(marker, start)):
            return None
        agent, aux_hi = (marker + 1, start), marker
    aux = next(
        (
            k
            for k in range(aux_hi - 1, max(lo, aux_hi - 1 - _AUX_BACK) - 1, -1)
            if toks[k].lower in lex.passive_aux
        ),
        None,
    )
    if aux is None or aux <= lo:
        return None
    while aux - 1 > lo and (
        toks[aux - 1].lower in lex.passive_aux or toks[aux - 1].lower in lex.cue_adverbs
    ):
        aux -= 1  # "a été", "è stata", "has been": the whole verb group
    region = Span(toks[agent[0]].start, toks[agent[1] - 1].end)
    cue = Span(toks[start].start, toks[end - 1].end)
    src = f.source_near(cue, region, None, speakers_only=True)
    words = [k for k in range(lo, aux) if toks[k].is_word]
    comma = next((k for k in range(aux - 1, lo, -1) if toks[k].text == ","), None)
    if len(words) <= 1:  # "It was reported by the governor that …": the words after the agent
        content = trim(doc, toks[agent[1] - 1].end, sent.span.end) if agent[1] < hi else None
    elif comma is not None and sum(1 for k in range(comma, aux) if toks[k].is_word) <= 1:
        content = trim(doc, sent.span.start, toks[comma].start)  # "…, it was confirmed by X"
    else:
        content = trim(doc, sent.span.start, toks[aux].start)
    if src is None or content is None:
        return None
    return content, src


def _agent_after(
    toks: tuple[Token, ...], agents: frozenset[str], adverbs: frozenset[str], end: int, hi: int
) -> tuple[int, int] | None:
    """Tokens of the agent phrase right after the cue ("confirmed by the ministry")."""
    k = end
    while k < hi and toks[k].lower in adverbs:
        k += 1
    if k >= hi or toks[k].lower not in agents:
        return None
    stop = next(
        (j for j in range(k + 1, min(hi, k + 1 + _AGENT_WORDS)) if toks[j].text in _STOPS),
        min(hi, k + 1 + _AGENT_WORDS),
    )
    return (k + 1, stop) if stop > k + 1 else None
