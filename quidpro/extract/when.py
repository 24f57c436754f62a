"""Times of acts as EDTF: "en juin" -> 2024-06, "depuis août 2023" -> 2023-08/.., "last week".

The lexicon says which words make a time expression; dateparser resolves each against the
publication date.  Open intervals ("since ...") and vague parts of a year are handled here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from dateparser.date import DateDataParser

from quidpro.extract.language import Lexicon, load_lexicon

_YEAR = r"(?:19|20)\d{2}"


@dataclass(frozen=True)
class TimeMention:
    start: int  # character offsets in the text searched
    end: int
    edtf: str | None


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


@lru_cache(maxsize=None)
def _pattern(lang: str) -> re.Pattern:
    t = load_lexicon(lang).time
    months, since = _alt(t.get("months", [])), _alt(t.get("since", []))
    prefix, vague = _alt(t.get("year_prefix", [])), _alt(t.get("vague_year", []))
    rel, year_end = _alt(t.get("relative", [])), _alt(t.get("year_end", []))
    # words between day, month and year: "5 de noviembre de 2024", "agosto de 2023"
    join = rf"(?:\s+(?:{_alt(t.get('joiners', []))}))?"
    # Languages that write the year first and mark year and day ("2024년 6월 19일"): the marks;
    # "since" written after the time ("8월 이후"); postpositions a time may carry ("지난달에").
    year_mark, day_mark = _alt(t.get("year_marks", [])), _alt(t.get("day_marks", []))
    since_after, particles = _alt(t.get("since_after", [])), _alt(t.get("particles", []))
    # a word for a year relative to publication before a month: "지난해 8월" (August last year)
    year_words = _alt(list(t.get("year_words", {})))
    day = rf"\d{{1,2}}(?:er|st|nd|rd|th|\.|º|°|{day_mark})?"
    return re.compile(
        rf"(?<!\w)(?:(?P<since>{since})\s+)?(?:"
        rf"(?P<year_end>{year_end})(?:\s+(?P<ye_year>{_YEAR}))?"
        rf"|(?P<vague>{vague})\s+(?:de\s+|d'|of\s+)?(?P<vague_year>{_YEAR})"
        rf"|(?P<date>(?:(?P<year0>{_YEAR})\s*(?:{year_mark})\s*|(?P<year_word>{year_words})\s+)?"
        rf"(?:(?P<day>{day}){join}\s+)?(?P<month>{months})"
        rf"(?:\s+(?P<day2>{day}),?)?(?:{join}\s+(?P<year>{_YEAR}))?"
        # or after it: "julio del año pasado", "agosto deste ano"
        rf"(?:{join}\s+(?P<year_word2>{year_words}))?)"
        rf"|(?:(?P<prefix>{prefix})\s+)?(?P<year_only>{_YEAR})(?:\s*(?:{year_mark}))?"
        rf"|(?P<rel>{rel})"
        rf")(?:\s*(?:{particles}))?(?:\s*(?P<since_after>{since_after}))?(?:{particles})?(?!\w)",
        re.I,
    )


@lru_cache(maxsize=None)
def _parser(lang: str, base: str) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": datetime.fromisoformat(base)}
    return DateDataParser(languages=[lang], settings=settings)


def _resolve(expr: str, lang: str, published: str | None) -> tuple[datetime, str] | None:
    base = published or "2000-01-01"
    # month forms dateparser does not read, as the lexicon maps them ("в октябре" -> "октябрь")
    forms = {k.lower(): v for k, v in load_lexicon(lang).time.get("month_forms", {}).items()}
    if forms:
        expr = " ".join(forms.get(w.lower(), w) for w in expr.split())
    data = _parser(lang, base).get_date_data(expr)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


def _edtf(m: re.Match, lex: Lexicon, published: str | None) -> str | None:
    lang = lex.code
    if m.group("year_end"):
        year = m.group("ye_year") or (published[:4] if published else None)
        return f"{year}-12" if year else None
    if m.group("vague"):
        return m.group("vague_year")
    if m.group("year_only"):
        return m.group("year_only")
    if m.group("date"):
        bare = not (m.group("day") or m.group("day2") or m.group("year") or m.group("year0") or m.group("year_word")
                    or m.group("year_word2"))
        if bare and not (m.group("since") or m.group("since_after") or _preceded_by_prefix(m, lex)):
            return None  # a lone month name could be a word ("may"): only with a cue
        year = m.group("year") or m.group("year0")
        if not year and not published:
            return None
        if m.group("year_word") or m.group("year_word2"):
            if not published:
                return None
            offsets = {k.lower(): v for k, v in lex.time.get("year_words", {}).items()}
            word = m.group("year_word") or m.group("year_word2")
            if m.group("year_word"):
                expr = m.group("date")[m.end("year_word") - m.start("date"):]
            else:
                expr = m.string[m.start("date"):m.end("day2") if m.group("day2") else m.end("month")]
            resolved = _resolve(expr.strip(), lang, published)
            if resolved is None:
                return None
            when, _ = resolved
            when = when.replace(year=int(published[:4]) + int(offsets.get(word.lower(), 0)), day=1)
            period = "day" if (m.group("day") or m.group("day2")) else "month"
            if period == "day":
                when = resolved[0].replace(year=when.year)
            return _format(when, period)
        resolved = _resolve(m.group("date"), lang, published)
        if resolved is None:
            return None
        when, period = resolved
        if year and not (m.group("day") or m.group("day2")):
            period = "month"
        return _format(when, period)
    if m.group("rel"):
        if not published:
            return None
        aliases = {k.lower(): v for k, v in lex.time.get("aliases", {}).items()}
        resolved = _resolve(aliases.get(m.group("rel").lower(), m.group("rel")), lang, published)
        return _format(*resolved) if resolved else None
    return None


def _preceded_by_prefix(m: re.Match, lex: Lexicon) -> bool:
    before = m.string[max(0, m.start() - 20):m.start()].lower().rstrip()
    return any(before.endswith(p.lower()) for p in lex.time.get("year_prefix", []) + lex.time.get("since", []))


def _format(when: datetime, period: str) -> str:
    if period == "year":
        return f"{when.year}"
    if period in ("month", "week"):
        return f"{when.year}-{when.month:02d}"
    return when.strftime("%Y-%m-%d")


def find_times(text: str, lang: str, published: str | None) -> list[TimeMention]:
    """Every time expression in ``text`` with its EDTF value (None when it cannot be resolved)."""
    lex = load_lexicon(lang)
    found = []
    for m in _pattern(lang).finditer(text):
        edtf = _edtf(m, lex, published)
        if edtf and (m.group("since") or m.group("since_after")):
            edtf = f"{edtf}/.."
        found.append(TimeMention(m.start(), m.end(), edtf))
    return found
