"""Quantities: "environ 10 000 soldats", "more than 10,000 troops", "dix mille", "$1.5 billion".

Figures are read from tokens (digits with any grouping, or number words through text2num);
approximation cues, multipliers, vague amounts and units come from the lexicon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token
from text_to_num import text2num

from quidpro.extract.language import LanguagePack, load_lexicon
from quidpro.models import Quantity

_DIGITS = re.compile(r"\d[\d.,\u00a0\u202f ]*")
MONEY_UNITS = {"USD", "EUR", "GBP"}


@dataclass(frozen=True)
class QuantityMention:
    start: int  # token index of the first token (cue included)
    end: int
    quantity: Quantity

    @property
    def is_money(self) -> bool:
        return self.quantity.unit in MONEY_UNITS


def parse_figure(text: str, decimal_comma: bool) -> float | None:
    """A figure written with digits: "10 000", "10.000", "10,000", "1,5", "1.5"."""
    s = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if not _DIGITS.fullmatch(s):
        return None
    decimal, group = (",", ".") if decimal_comma else (".", ",")
    s = s.replace(" ", "")
    # A decimal mark followed by exactly three digits and nothing else is a thousands mark.
    if s.count(decimal) == 1 and re.fullmatch(r"\d{1,3}%s\d{3}" % re.escape(decimal), s) and group not in s:
        s = s.replace(decimal, "")
    s = s.replace(group, "")
    if s.count(decimal) > 1:
        return None
    try:
        return float(s.replace(decimal, "."))
    except ValueError:
        return None


def _is_number_token(tok: Token, pack: LanguagePack) -> bool:
    if tok.text.lower() in pack.lexicon.multipliers:
        return True
    if tok.like_num and not tok.is_punct:
        return True
    # spaCy's like_num misses many number words ("diecimila", "trentasei", "zwei"); text2num
    # reads them (an article that is also "one", "un", and a word of a vague amount, "miles",
    # are left alone)
    lex = pack.lexicon
    if not lex.number_words or not tok.is_alpha:
        return False
    return tok.lower_ not in _not_number_words(lex.code) and _number_word(tok.lower_, lex.number_words)


@lru_cache(maxsize=None)
def _not_number_words(lang: str) -> frozenset[str]:
    """Articles ("un") and words of vague amounts ("miles"), which text2num would read as figures."""
    lex = load_lexicon(lang)
    return frozenset({d.lower() for d in lex.cues.get("determiners", [])}
                     | {w for phrase in lex.vague_numbers for w in phrase.lower().split()})


@lru_cache(maxsize=None)
def _month_words(lang: str) -> frozenset[str]:
    return frozenset(mo.lower() for mo in load_lexicon(lang).time.get("months", []))


@lru_cache(maxsize=4096)
def _number_word(word: str, lang: str) -> bool:
    try:
        text2num(word, lang)
    except Exception:      # text2num raises ValueError, and others on odd input
        return False
    return True


def _run_value(tokens: list[Token], pack: LanguagePack) -> float | None:
    lex = pack.lexicon
    if any(t.text.lower() in lex.multipliers for t in tokens[:-1]) and all(
            t.text.lower() in lex.multipliers or any(c.isdigit() for c in t.text) for t in tokens):
        return _grouped_value(tokens, pack)
    multiplier = 1
    while tokens and tokens[-1].text.lower() in lex.multipliers and len(tokens) > 1:
        multiplier *= lex.multipliers[tokens[-1].text.lower()]
        tokens = tokens[:-1]
    if len(tokens) == 1 and tokens[0].text.lower() in lex.multipliers \
            and tokens[0].text.lower() not in {v.lower() for v in lex.vague_numbers}:
        return float(lex.multipliers[tokens[0].text.lower()])   # "не менее миллиона снарядов"
    digits = [t for t in tokens if any(c.isdigit() for c in t.text)]
    if digits and len(digits) == len(tokens):
        # "10 000" arrives as two tokens: glue groups of exactly three digits.
        text = tokens[0].text
        for t in tokens[1:]:
            if re.fullmatch(r"\d{3}", t.text):
                text += t.text
            else:
                break
        value = parse_figure(text, lex.decimal_comma)
    elif not digits and lex.number_words:
        try:
            value = float(text2num(" ".join(t.text.lower() for t in tokens), lex.number_words))
        except ValueError:
            return None
    else:
        return None
    return None if value is None else value * multiplier


def _grouped_value(tokens: list[Token], pack: LanguagePack) -> float | None:
    """Figures with multipliers inside the run: "1만 2천" (12,000), "6천700" (6,700), "1억 5천만"
    (150,000,000).  A multiplier of 10,000 or more closes a group (the myriads of Korean and
    Chinese counting); a smaller one scales the figure before it within the group."""
    lex = pack.lexicon
    total = group = 0.0
    current: float | None = None
    for t in tokens:
        mult = lex.multipliers.get(t.text.lower())
        if mult is None:
            if current is not None:
                return None
            current = parse_figure(t.text, lex.decimal_comma)
            if current is None:
                return None
        elif mult >= 10000:
            total += (group + (current or 0) or 1) * mult
            group, current = 0.0, None
        else:
            group += (current if current is not None else 1) * mult
            current = None
    return total + group + (current or 0)


def _unit_after(sent: Span, i: int, pack: LanguagePack) -> tuple[str | None, int]:
    """The unit named after a figure (skipping "de", "of" and one adjective), and its end."""
    units = pack.lexicon.units
    coordination = {w.lower() for w in pack.lexicon.cues.get("coordination", [])}
    for j in range(i, min(i + 4, sent.end)):
        tok = sent.doc[j]
        for key in (tok.text.lower(), tok.lemma_.lower()):
            if key in units:
                return units[key], j + 1
        for key in (tok.text.lower(), tok.lemma_.lower()):
            # a hyphenated compound counts what its last part names: "20 Eurofighter-Kampfjets"
            if "-" in key.strip("-") and key.rsplit("-", 1)[1] in units:
                return units[key.rsplit("-", 1)[1]], j + 1
        if tok.text == "." and j > 0 and sent.doc[j - 1].text.lower() in pack.lexicon.multipliers:
            continue    # "10 tys. żołnierzy": the stop of an abbreviated multiplier
        if tok.is_punct or tok.like_num or tok.lower_ in coordination:
            break   # "obici da 170 millimetri e lanciarazzi": the unit of another phrase
        if tok.lower_ in _month_words(pack.lexicon.code):
            break   # "20 серпня російський військовий літак": a date, no count
    return None, i


def find_quantities(sent: Span, pack: LanguagePack) -> list[QuantityMention]:
    lex = pack.lexicon
    doc = sent.doc
    cues = pack.find("cues", sent, overlap=True)
    approx_ends = {m.end: m.start for m in cues if m.label == "cue:approx"}
    range_words = {w.lower() for w in lex.cues.get("range", [])}
    found: list[QuantityMention] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if not _is_number_token(tok, pack):
            i += 1
            continue
        j = i
        while j < sent.end and _is_number_token(doc[j], pack):
            j += 1
        value = _run_value(list(doc[i:j]), pack)
        start, end, approx = i, j, False
        # A range "10 000 à 12 000", "2,000-3,000": keep the upper figure.
        if value is not None and j + 1 < sent.end and doc[j].text.lower() in range_words \
                and _is_number_token(doc[j + 1], pack):
            k = j + 1
            while k < sent.end and _is_number_token(doc[k], pack):
                k += 1
            upper = _run_value(list(doc[j + 1:k]), pack)
            if upper is not None and upper > value:
                value, end, approx = upper, k, True
        if value is None or value <= 0:
            i = j
            continue
        unit, unit_end = _unit_after(sent, end, pack)
        before = doc[i - 1] if i > sent.start else None
        if before is not None and before.text.lower() in lex.units and (unit is None or before.is_alpha) \
                and not (found and found[-1].end > before.i):   # (not the unit of the figure before)
            # "$1.5 billion"; and a noun named before its figure wins over a counter after it
            # ("포탄 50만 발": shells, not rounds)
            unit = lex.units[before.text.lower()]
            start = i - 1
        if unit is None:
            i = end
            continue
        if start in approx_ends:
            approx, start = True, approx_ends[start]
        # approximation written after the figure or its unit ("1만여 명", "300만 발 이상")
        after = {w[1:].lower() for w in lex.cues.get("approx", []) if w.startswith("-")}
        ks = [end, unit_end] + ([unit_end + 1] if unit_end < sent.end and doc[unit_end].pos_ == "ADP" else [])
        if after and any(k < sent.end and doc[k].text.lower() in after for k in ks):
            approx = True
        found.append(QuantityMention(start, max(end, unit_end), Quantity(int(round(value)), unit, approx)))
        i = max(end, unit_end)
    # Vague amounts with no figure: "des centaines de milliers d'obus", "hundreds of shells".
    for m in pack.find("vague_numbers", sent):
        if any(q.start <= m.start < q.end for q in found):
            continue
        unit, unit_end = _unit_after(sent, m.end, pack)
        if unit:
            found.append(QuantityMention(m.start, unit_end, Quantity(int(m.label), unit, True)))
    return sorted(found, key=lambda q: q.start)


def choose_quantity(mentions: list[QuantityMention]) -> Quantity | None:
    """A count of the things given before a money value; then the first."""
    counts = [m for m in mentions if not m.is_money]
    pick = counts or mentions
    return pick[0].quantity if pick else None
