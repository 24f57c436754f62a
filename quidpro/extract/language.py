"""Per-language knowledge, loaded from ``quidpro/lexicons/<lang>.toml`` and compiled once.

A ``LanguagePack`` bundles a language's spaCy pipeline with matchers built from its lexicon and
from the shared gazetteer.  Adding a language means adding a lexicon file; nothing here branches
on the language code.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from quidpro.errors import LexiconError
from quidpro.extract.gazetteer import Gazetteer, load_gazetteer
from quidpro.models import ITEMS

# The actor code of a token that names a state or group (set by LanguagePack.parse).
if not Token.has_extension("actor"):
    Token.set_extension("actor", default=None)

TRIGGER_CLASSES = ("give", "receive", "buy", "pledge", "deploy", "agreement", "arrive", "give_noun",
                   "deploy_noun")
CUE_LISTS = ("determiners", "exchange", "attribution_prep", "speech", "reported", "speculative",
             "negation", "denial", "withhold", "block", "future", "future_endings", "approx", "range",
             "self_reference", "beneficiary", "coordination", "sale", "pair", "region", "consequence")
ROLE_LISTS = ("recipient", "origin", "genitive", "agent", "destination", "opponent")


@dataclass(frozen=True)
class Lexicon:
    code: str
    name: str
    spacy_model: str | None
    lemmatizer: str | None          # "simplemma" for languages with no spaCy lemmatizer
    tokenizer: str | None           # a name in TOKENIZERS, for languages not split on whitespace
    number_words: str | None
    triggers: dict[str, list[str]]
    pledge_modifier: list[str]
    agreement_nouns: dict[str, str]
    agreement_items: dict[str, list[str]]
    items: dict[str, list[str]]
    roles: dict[str, list[str]]
    cues: dict[str, list[str]]
    multipliers: dict[str, int]
    vague_numbers: dict[str, int]
    decimal_comma: bool
    units: dict[str, str]
    time: dict
    # word endings standing in for a tagger's tags (past_endings, passive_endings,
    # instrumental_endings), for languages read with no tagger
    morphology: dict[str, tuple[str, ...]] = field(default_factory=dict)


def lexicon_files() -> dict[str, str]:
    """Language code -> lexicon file name, for every lexicon shipped in the package."""
    folder = resources.files("quidpro.lexicons")
    return {p.name[:-5]: p.name for p in folder.iterdir() if p.name.endswith(".toml")}


def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(lexicon_files()))


def _require(table: dict, key: str, where: str):
    if key not in table:
        raise LexiconError(f"{where}: missing field '{key}'")
    return table[key]


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    files = lexicon_files()
    if lang not in files:
        raise LexiconError(f"no lexicon for language '{lang}' (have: {', '.join(sorted(files))})")
    where = f"quidpro/lexicons/{files[lang]}"
    try:
        raw = tomllib.loads(resources.files("quidpro.lexicons").joinpath(files[lang]).read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{where}: {exc}") from exc
    language = _require(raw, "language", where)
    triggers = _require(raw, "triggers", where)
    items = _require(raw, "items", where)
    unknown = set(items) - set(ITEMS)
    if unknown:
        raise LexiconError(f"{where}: [items] has categories outside the fixed list: {sorted(unknown)}")
    numbers = raw.get("numbers", {})
    return Lexicon(
        code=_require(language, "code", where),
        name=language.get("name", lang),
        spacy_model=language.get("spacy_model"),
        lemmatizer=language.get("lemmatizer"),
        tokenizer=language.get("tokenizer"),
        number_words=language.get("number_words"),
        triggers={k: [t.lower() for t in triggers.get(k, [])] for k in TRIGGER_CLASSES},
        pledge_modifier=[t.lower() for t in triggers.get("pledge_modifier", [])],
        agreement_nouns=raw.get("agreement_nouns", {}),
        agreement_items=raw.get("agreement_items", {}),
        items=items,
        roles={k: raw.get("roles", {}).get(k, []) for k in ROLE_LISTS},
        cues={k: raw.get("cues", {}).get(k, []) for k in CUE_LISTS},
        multipliers=numbers.get("multipliers", {}),
        vague_numbers=numbers.get("vague", {}),
        decimal_comma=bool(numbers.get("decimal_comma", False)),
        units=raw.get("units", {}),
        time=raw.get("time", {}),
        morphology={k: tuple(v) for k, v in raw.get("morphology", {}).items() if isinstance(v, list)},
    )


@dataclass(frozen=True)
class Match:
    """A term found in a doc: the token span, and what the lexicon says it is."""

    start: int
    end: int
    label: str


@dataclass
class LanguagePack:
    lexicon: Lexicon
    nlp: Language
    gazetteer: Gazetteer
    has_lemmas: bool
    _matchers: dict[str, tuple[PhraseMatcher, Matcher]] = field(default_factory=dict)

    # -- building ------------------------------------------------------------------------
    def _compile(self, name: str, terms: dict[str, list[str]]) -> None:
        """One phrase matcher on lowercase forms and one token matcher on lemmas per term set."""
        lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        lemma = Matcher(self.nlp.vocab)
        for label, words in terms.items():
            # Typographic apostrophes are as common as straight ones in news text.
            variants = {w for w in words} | {w.replace("'", "’") for w in words}
            # A tokeniser may split "iris-t" but keep "IRIS-T" whole: hyphenated terms are also
            # compiled in the capitals news writes them in.
            variants |= {v for w in words if "-" in w for v in (w.upper(), w.title())}
            docs = [self.nlp.make_doc(w) for w in sorted(variants)]
            if docs:
                lower.add(label, docs)
                patterns = [[{"LEMMA": t.text} for t in d] for d in docs if len(d)]
                lemma.add(label, patterns)
        self._matchers[name] = (lower, lemma)

    def find(self, name: str, doc: Doc | Span, overlap: bool = False) -> list[Match]:
        """Longest non-overlapping matches of a compiled term set, by lowercase form or lemma.

        With ``overlap`` every match is kept (cue lists may share a word: "announce" is both a
        speech verb and a pledge modifier)."""
        # Each matcher runs once over the whole doc (cached on it); a span gets its share.
        whole = doc.doc if isinstance(doc, Span) else doc
        key = ("quidpro", name, overlap)
        if key not in whole.user_data:
            lower, lemma = self._matchers[name]
            found = [(s, e, self.nlp.vocab.strings[m]) for m, s, e in lower(whole)]
            if self.has_lemmas:
                found += [(s, e, self.nlp.vocab.strings[m]) for m, s, e in lemma(whole)]
            whole.user_data[key] = (sorted({Match(s, e, lb) for s, e, lb in found}, key=lambda m: m.start)
                                    if overlap else _longest(found))
        matches = whole.user_data[key]
        if isinstance(doc, Span):
            return [m for m in matches if doc.start <= m.start and m.end <= doc.end]
        return list(matches)

    def _match_actors(self, doc: Doc) -> list[Match]:
        matcher = self._matchers["actors"][0]
        return _longest([(s, e, self.nlp.vocab.strings[m]) for m, s, e in matcher(doc)])

    def parse(self, text: str) -> Doc:
        """Tokenise, make each actor name one token ("Royaume-Uni", "Corée du Nord"), then tag
        and parse: the parser then sees a name as a name and never splits a sentence in it."""
        doc = self.nlp.make_doc(text)
        last = doc[-1] if len(doc) else None
        if last is not None and len(last.text) > 1 and last.text.endswith(".") and not last.is_punct:
            # "... sistemas IRIS-T." : a capital and a full stop read as an initial; at the
            # end of a paragraph the stop ends the sentence.
            with doc.retokenize() as retok:
                retok.split(last, [last.text[:-1], "."], heads=[(last, 0), (last, 0)])
        mentions = self._match_actors(doc)
        with doc.retokenize() as retok:
            for m in mentions:
                if m.end - m.start > 1:
                    retok.merge(doc[m.start:m.end])
        shift = 0
        for m in mentions:
            doc[m.start - shift]._.actor = m.label
            shift += m.end - m.start - 1
        _set_sentence_starts(doc)
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        for tok in doc:
            # A state's or a person's name is a proper noun, whatever the tagger made of the
            # merged token ("Shin Won-sik" as NOUN, "Le Nord" as PRON).
            if tok._.actor is not None and self.gazetteer.kinds.get(tok.text) != "demonyms":
                tok.pos_ = "PROPN"
        return doc

    def find_actors(self, doc: Doc) -> list[Match]:
        """The actor names of a doc made by ``parse``."""
        return [Match(t.i, t.i + 1, t._.actor) for t in doc if t._.actor is not None]


def _longest(found: list[tuple[int, int, str]], offset: int = 0) -> list[Match]:
    """Longest matches first, then leftmost; those overlapping a kept one are dropped."""
    found = sorted(found, key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: set[int] = set()
    kept = []
    for s, e, label in found:
        if taken.isdisjoint(range(s, e)):
            kept.append(Match(s + offset, e + offset, label))
            taken.update(range(s, e))
    return sorted(kept, key=lambda m: m.start)


_SENTENCE_END = {".", "!", "?", "…", "。", "！", "？"}
_CLOSERS = {"»", "”", '"', "’", ")", "'"}


def _set_sentence_starts(doc: Doc) -> None:
    """Sentences end at . ! ? (and a closing quote after them) before a word that does not
    start in lower case, nowhere else: the statistical splitters cut sentences at capitalised
    names ("drones Shahed", "Royaume-Uni")."""
    end = False
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
        elif end and tok.text[:1].isdigit() and _abbreviation_before(doc, i):
            tok.is_sent_start = False   # "ok. 10 000 żołnierzy", "ca. 300 tanks": a short word's stop
            end = False
        elif end and tok.text not in _CLOSERS and not tok.is_space and not tok.text[:1].islower():
            # (a lower-case word after a full stop follows an abbreviation: "10 tys. żołnierzy")
            tok.is_sent_start = True
            end = False
        elif end and tok.text[:1].islower():
            tok.is_sent_start = False
            end = False
        else:
            tok.is_sent_start = False
        if tok.text in _SENTENCE_END or (tok.text[-1:] in _SENTENCE_END and len(tok.text) > 1
                                          and tok.text[-2:-1].islower()):
            end = True


def _abbreviation_before(doc: Doc, i: int) -> bool:
    """Whether the full stop before token i ends a short lower-case word ("ok.", "ca.")."""
    prev = doc[i - 1]
    word = prev.text[:-1] if prev.text.endswith(".") and len(prev.text) > 1 else (
        doc[i - 2].text if prev.text == "." and i > 1 else "")
    return 0 < len(word) <= 4 and word.isalpha() and word.islower()


@Language.factory("quidpro_simplemma", default_config={"lang": "xx"})
def _simplemma_lemmatizer(nlp: Language, name: str, lang: str):
    """Lemmas from simplemma's tables, for languages with no spaCy pipeline on the index."""
    import simplemma

    def lemmatize(doc: Doc) -> Doc:
        for tok in doc:   # every token gets one: the matchers need a doc fully lemmatised
            plain = tok.is_punct or tok.like_num or tok.is_space
            tok.lemma_ = tok.text if plain else simplemma.lemmatize(tok.text, lang=lang).lower()
        return doc
    return lemmatize


def _kiwi_tokenizer(nlp: Language):
    from quidpro.extract.kiwi import kiwi_tokenizer

    return kiwi_tokenizer(nlp.vocab)


# Tokenizers a lexicon can name (``[language] tokenizer = "kiwi"``) for languages whose words
# are not cut by whitespace: name -> factory(nlp) -> tokenizer.  A tokenizer so named also gives
# each token its lemma (and its tag and POS where it knows them).
TOKENIZERS = {
    "kiwi": _kiwi_tokenizer,        # Korean morphemes (kiwipiepy, model shipped in kiwipiepy-model)
}


def _load_nlp(lex: Lexicon) -> tuple[Language, bool]:
    if lex.spacy_model:
        try:
            nlp = spacy.load(lex.spacy_model, exclude=["ner"])
            return nlp, "lemmatizer" in nlp.pipe_names
        except OSError as exc:
            raise LexiconError(
                f"spaCy pipeline '{lex.spacy_model}' for '{lex.code}' is not installed ({exc}); "
                "run `make install`"
            ) from exc
    if lex.tokenizer:
        if lex.tokenizer not in TOKENIZERS:
            raise LexiconError(f"lexicon '{lex.code}': unknown tokenizer '{lex.tokenizer}' "
                               f"(have: {', '.join(sorted(TOKENIZERS))})")
        # The multi-language blank pipeline (spaCy's own blank pipelines for some languages need
        # third-party tokenizers) with the named tokenizer, which sets the lemmas itself.
        nlp = spacy.blank("xx")
        nlp.tokenizer = TOKENIZERS[lex.tokenizer](nlp)
        return nlp, True
    # A blank tokeniser: sentences come from _set_sentence_starts, lemmas from simplemma.
    nlp = spacy.blank(lex.code)
    if lex.lemmatizer == "simplemma":
        nlp.add_pipe("quidpro_simplemma", config={"lang": lex.code})
        return nlp, True
    return nlp, False


@lru_cache(maxsize=None)
def load_pack(lang: str) -> LanguagePack:
    """The language's pipeline and compiled matchers, built once per process."""
    lex = load_lexicon(lang)
    nlp, has_lemmas = _load_nlp(lex)
    gaz = load_gazetteer(supported_languages())
    pack = LanguagePack(lexicon=lex, nlp=nlp, gazetteer=gaz, has_lemmas=has_lemmas)
    actors = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_code: dict[str, list[Doc]] = {}
    for form, code in {**gaz.forms, **gaz.contextual}.items():
        by_code.setdefault(code, []).append(nlp.make_doc(form))
    for code, docs in by_code.items():
        actors.add(code, docs)
    pack._matchers["actors"] = (actors, Matcher(nlp.vocab))
    pack._compile("items", lex.items)
    pack._compile("triggers", {k: v for k, v in lex.triggers.items() if v})
    pack._compile("agreement_nouns", {"agreement": list(lex.agreement_nouns)})
    pack._compile("agreement_items", lex.agreement_items)
    cue_terms = {f"cue:{k}": v for k, v in lex.cues.items() if v and k not in ("future_endings", "self_reference")}
    cue_terms["cue:pledge_modifier"] = lex.pledge_modifier
    pack._compile("cues", cue_terms)
    vague: dict[str, list[str]] = {}
    for phrase, value in lex.vague_numbers.items():
        vague.setdefault(str(value), []).append(phrase)
    pack._compile("vague_numbers", vague)
    return pack
