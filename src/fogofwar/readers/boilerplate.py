"""Boilerplate lines left in an extracted article body: related links, promos, credits.

Extractors keep the blocks that sit inside the article container; publishers put "Read also",
newsletter boxes and photo credits there too. Two kinds of short line are recognised by their
first words, in the project's languages and the other common European ones:

* a *section end* ("Related articles", "Lesen Sie auch:", "Читайте также", "Keine
  Kommentare", "Kontakt:") in the last part of the body: the article ends before it,
  everything after is dropped;
* a *credit* ("© 2020 …", "Foto: …", "Quelle: …", "Featured image by …", a news agency's
  sign-off alone: "aja/PAP", "(dpa)"): that line alone is dropped;
* a *label*: a section cue alone with its colon ("Weitere Informationen:", "Kontakt:") before
  the last part: that line alone is dropped (it holds nothing of the article);
* a *promo* ("Sign up to get …", "Subscribe now to our …", "PC Gamer Newsletter",
  "Hazte miembro …", a donation appeal: "Support our journalism", a box ending in its
  button: "… Sign up here", the site's channel elsewhere: "nuestro canal de YouTube", a call
  to comment or the note that commenting needs an account, "Alle Angaben ohne Gewähr") or an
  advertising disclosure ("Anzeige, enthält Affiliate Links", "This post contains references
  to products …"): that line alone is dropped, wherever it is;
* a *link* ("Lesen Sie auch: <headline>", "VEA TAMBIÉN: <headline>"): a cue, a colon and a
  headline on one line is a link to another article, wherever it is: that line alone is
  dropped (the article often goes on after it).

Only short lines count, and a line that is a sentence ("Related talks stalled again.") is text.
"""

from __future__ import annotations

import re

__all__ = ["trim_boilerplate"]

_SECTION_END = re.compile(
    r"^\W*(?:related(?: articles| posts| stories| content| news)?|read (?:more|also|next)"
    r"|see also|more (?:from|on|about)\b|you (?:may|might) also like|recommended"
    r"|newsletter|subscribe|sign up|share (?:this|on)|follow us|tags?\b|topics?\b"
    r"|lesen sie (?:auch|mehr)|mehr zum thema"
    r"|weitere (?:\w+ )?(?:artikel|beiträge|themen|informationen|meldungen|nachrichten)"
    r"|auch interessant|das könnte sie auch interessieren|schon gelesen"
    r"|zum weiterlesen|verwandte (?:artikel|themen)|schlagwörter|themen\b"
    r"|notas relacionadas|noticias relacionadas|lee también|lea también|te puede interesar"
    r"|puedes ver|vea también|mira\b|leia também|leia mais|veja também|lire aussi"
    r"|à lire aussi|sur le même sujet|leggi anche|czytaj (?:też|także|więcej)"
    r"|zobacz (?:też|także)|читайте (?:также|еще|ещё|також)|дивіться також|по теме"
    r"|схожі новини|похожие новости|новини по темі)\b"
    # the cue alone, the cue and a colon (a list or a headline follows), or a few more words
    # without a full stop ("Mehr zum Thema Corona"), never a sentence
    r"(?:\s*:.*|(?:\s+[^\s]*[^\s.]){0,6}\s*[?!…»>]*)\s*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    # a news agency's sign-off alone: the writers' initials and the agency ("aja/PAP",
    # "(dpa)", "kb/AFP/Reuters")
    r"^\(?(?:[a-zäöüа-яіїє]{2,4}/)*(?:[a-zäöüа-яіїє]{2,4}/)?(?:dpa|afp|ap|apa|pap|reuters|kna|epd"
    r"|sda|efe|ansa|ani|ukrinform|укрінформ|интерфакс|інтерфакс|тасс|риа)"
    r"(?:/(?:dpa|afp|ap|apa|pap|reuters|kna|epd|sda|efe|ansa))*\)?\.?$"
    r"|^\W*(?:©|\(c\)\s|copyright\b|all rights reserved|alle rechte vorbehalten"
    r"|(?:foto|fotos|photo|photos|bild|bilder|titelbild|beitragsbild|image|credits?"
    r"|crédits? photos?|quelle|source|fuente|źródło|фото|джерело|источник)\s*:"
    r"|(?:featured |header |top |cover |lead )?(?:image|photo|picture|illustration)s?"
    r" (?:by|courtesy of|credit)\b)",
    re.IGNORECASE,
)
# A newsletter, subscription or app box inside the article container.
_PROMO = re.compile(
    r"^\W*(?:sign[ -]up (?:to|for|now|here)\b|subscribe (?:now|to|here|today)\b"
    r"|(?:jetzt )?(?:newsletter )?abonnieren\b|melden sie sich (?:jetzt )?(?:hier )?an\b"
    r"|hazte (?:miembro|socio)\b|suscr[ií]bete\b|assine\b|abonnez-vous\b"
    r"|for the latest (?:news|stories)\b.*\bdownload\b|download (?:our|the) \w+ apps?\b"
    r"|follow us on\b|folgen sie uns\b|s[ií]guenos\b"
    # a donation appeal ("Unterstütze RosaMag bereits mit 2,50!", "Support our journalism")
    r"|unterstützen? (?:sie )?(?:uns|unsere?n? \w+|\w+ (?:bereits|schon|jetzt) mit)\b"
    r"|support (?:us|our (?:journalism|work|reporting))\b"
    r"|(?:[\w&'’-]+ ){0,3}newsletter\W*$|zum newsletter\b|newsletter (?:abonnieren|bestellen"
    r"|anmelden)\b"
    # a call to comment, or the note that commenting needs an account
    r"|(?:verraten|schreiben|sagen) sie (?:uns )?(?:gerne )?(?:in den|im) kommentar"
    r"|(?:let us|tell us) (?:know )?in the comments|dites-(?:le )?nous en commentaire"
    r"|cu[ée]ntanos en los comentarios|diteci nei commenti|пишите в комментари"
    r"|пишіть у коментар"
    r"|(?:du musst|sie müssen) (?:eingeloggt|angemeldet) sein,? um"
    r"|you must be (?:logged in|registered) to (?:post a )?comment"
    r"|debes (?:estar registrado|iniciar sesi[oó]n) para (?:publicar un )?comentar"
    r"|vous devez être connecté pour (?:publier|poster) un commentaire"
    r"|devi essere (?:connesso|registrato) per (?:inviare|pubblicare) un commento"
    r"|(?:вы должны|необходимо) (?:войти|авторизоваться)[^.]{0,40}коммент"
    r"|(?:ви повинні|необхідно) (?:увійти|авторизуватися)[^.]{0,40}комент"
    # a donation appeal ("We need your help. Help us continue … Donate")
    # (the appeal alone, no quote: its end, a stop, or a new sentence; "We need your help to
    # find the boy" is an appeal reported)
    r"|(?![^\"“”«»„]*[\"“”«»„])(?:we need your (?:help|support)"
    r"|wir brauchen (?:deine|ihre|eure) (?:hilfe|unterstützung)"
    r"|necesitamos (?:tu|su) (?:ayuda|apoyo)|nous avons besoin de (?:vous|votre (?:aide|soutien))"
    r"|abbiamo bisogno (?:di te|del tuo (?:aiuto|sostegno))|нам нужна ваша (?:помощь|поддержка)"
    r"|нам потрібна ваша (?:допомога|підтримка))(?:\W*$|\s*[.!|:]|\s+(?-i:[A-ZÄÖÜÁÉÍÓÚА-ЯІЇЄ]))"
    # a pointer to a website ("Weitere Infos unter www.example.de.")
    r"|(?:weitere|mehr) info(?:rmationen|s)?\b.{0,40}\b(?:unter|auf|bei)"
    r" (?:www\.|https?:|\S+\.\w{2,4}\W*$|der (?:web ?site|webseite|homepage))"
    r"|more info(?:rmation)? (?:at|on) (?:www\.|https?:|\S+\.\w{2,4}\W*$|(?:our|the) website)"
    r"|más información en (?:www\.|https?:|\S+\.\w{2,4}\W*$|(?:nuestra|la) (?:web|página))"
    r"|plus d'informations sur (?:www\.|https?:|\S+\.\w{2,4}\W*$|(?:notre|le) site)"
    # a disclaimer alone ("(Alle Angaben ohne Gewähr)")
    r"|(?:alle angaben ohne gewähr|all information without (?:guarantee|warranty)"
    r"|información sin garantía|informations sans garantie|informazioni senza garanzia"
    r"|информация без гарантии|інформація без гарантії)\W*$)",
    re.IGNORECASE,
)
# Found anywhere in a short line (a search: a leading ".{0,120}" in _PROMO would be tried at
# every length): a box that ends in its button ("Do you want to be informed of our actions?
# Sign up here") …
_PROMO_BUTTON = re.compile(
    r"\b(?:sign up|subscribe|jetzt anmelden|suscr[ií]bete|abonnez-vous|iscriviti"
    r"|подпишитесь|підпишіться) (?:here|now|hier|aquí|ici|qui|здесь|тут)\W*$",
    re.IGNORECASE,
)
# … and the site's channel elsewhere ("¡Mira lo que tiene nuestro canal de YouTube!"), near the
# start of a line that ends soon after and is no quote.
_PROMO_CHANNEL = re.compile(
    r"\b(?:our|unser(?:em|en)?|nuestro|notre|nostro|наш(?:ем|ему)?)"
    r" (?:(?:youtube|telegram|whatsapp|tiktok|instagram)[ -]?(?:channel|kanal|account)"
    r"|canal de (?:youtube|telegram|whatsapp|tiktok)|chaîne (?:youtube|telegram)"
    r"|canale (?:youtube|telegram)|(?:youtube|telegram)[- ]канал\w*)\b",
    re.IGNORECASE,
)
_CHANNEL_START = 64
_CHANNEL_REST = 40
_QUOTE = re.compile(r"[\"“”«»„]")


def _promo(para: str) -> bool:
    """A promo line (see the module doc); ``para`` is short."""
    if _PROMO.match(para) is not None or _PROMO_BUTTON.search(para) is not None:
        return True
    m = _PROMO_CHANNEL.search(para, 0, _CHANNEL_START + 40)
    return (
        m is not None
        and m.start() <= _CHANNEL_START
        and len(para) - m.end() <= _CHANNEL_REST
        and _QUOTE.search(para) is None
    )


# An advertising or affiliate disclosure.
_DISCLOSURE = re.compile(
    r"^\W*(?:(?:anzeige|werbung|sponsored(?: content| post)?|advertisement|paid (?:post|content))"
    r"\s*(?:[,:.|·*-]|$)"
    r"|(?:this (?:post|article|page) (?:contains|may contain|includes) (?:affiliate|references"
    r"|sponsored)|dieser (?:beitrag|artikel|text) enthält (?:werbung|affiliate)"
    r"|we (?:may )?(?:earn|receive) (?:a )?(?:commission|compensation))\b)",
    re.IGNORECASE,
)
# A cue, a colon and a headline: a link to another article.
_LINK = re.compile(
    r"^\W*(?:read (?:more|also|next)|see also|related(?: articles?| stories| posts)?|also read"
    r"|lesen sie (?:auch|mehr|hier)|hier lesen|read (?:it )?here|lee aquí|lea aquí|lire ici"
    r"|leggi qui|читайте (?:здесь|тут)|читайте тут|mehr zum thema|auch interessant|vea también"
    r"|lee también"
    r"|lea también|ver también|leia também|veja também|lire aussi|à lire aussi|voir aussi"
    r"|leggi anche|czytaj (?:też|także|więcej)|zobacz (?:też|także)|читайте (?:также|також)"
    r"|дивіться також|по теме)\s*:\s*\w",
    re.IGNORECASE,
)
# A comments or contact block after the article: the cue alone, with a count or a colon.
_TAIL_BLOCK = re.compile(
    r"^\W*(?:(?:keine|\d+) kommentare?|kommentare|(?:no |\d+ )?comments?"
    r"|leave a (?:comment|reply)|schreibe(?:n sie)? einen kommentar|kommentar schreiben"
    r"|komentarze|comentarios|commentaires|kontakt|pressekontakt|ansprechpartner(?:in)?"
    r"|(?:media |press )?contacts?(?: us)?)\W*(?:\(?\d+\)?)?\s*(?::.{0,80})?$",
    re.IGNORECASE,
)
# A section end counts only in the last part of the body (after this share of its lines).
_TAIL_START = 0.7
_MAX_CUE_CHARS = 80
_MAX_CREDIT_CHARS = 160
_MAX_COPYRIGHT_CHARS = 320
_MAX_PROMO_CHARS = 160
_MAX_LINK_CHARS = 200
_COPYRIGHT = re.compile(r"^\W*(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)


def _label(para: str) -> bool:
    """A section cue alone as a heading ("Weitere Informationen:", "Kontakt:"): a label
    with nothing of the article in it."""
    return (
        len(para) <= _MAX_CUE_CHARS
        and para.rstrip().endswith(":")
        and (_SECTION_END.match(para) is not None or _TAIL_BLOCK.match(para) is not None)
    )


def _dropped(para: str) -> bool:
    """A credit, a copyright notice, a promo, a link line or a section label (see the module
    doc)."""
    n = len(para)
    return (
        _label(para)
        or (n <= _MAX_CREDIT_CHARS and _CREDIT.match(para) is not None)
        or (n <= _MAX_COPYRIGHT_CHARS and _COPYRIGHT.match(para) is not None)
        or (n <= _MAX_PROMO_CHARS and _promo(para))
        or (n <= _MAX_LINK_CHARS and _LINK.match(para) is not None)
        or (n <= _MAX_COPYRIGHT_CHARS and _DISCLOSURE.match(para) is not None)
    )


def trim_boilerplate(body: str) -> str:
    """``body`` (paragraphs separated by blank lines) without trailing sections and credits."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    tail = max(1, int(len(paragraphs) * _TAIL_START))
    kept: list[str] = []
    for i, para in enumerate(paragraphs):
        if (
            i >= tail
            and len(para) <= _MAX_CUE_CHARS
            and (_SECTION_END.match(para) or _TAIL_BLOCK.match(para))
            and not _LINK.match(para)  # a link to one article: the text may go on after it
        ):
            break
        if _dropped(para):
            continue
        kept.append(para)
    return "\n\n".join(kept)
