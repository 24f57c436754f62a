"""A spaCy tokenizer for Korean built on Kiwi (``kiwipiepy``) morphemes.

Korean writes a noun and its postpositions as one word ("북한이", "러시아에게"), so splitting on
whitespace leaves no token that a lexicon or the gazetteer can name.  Kiwi analyses each word
into morphemes; a token here is a stretch of the text made of morphemes:

* a noun, a number, a name and each postposition stand alone ("북한" + "이", "러시아" + "에게");
* a predicate is its stem with its endings and with the noun it is derived from ("제공했다",
  "지원받은", "넘어갔다는"), since Kiwi may fuse stem and ending in one syllable ("보냈" =
  보내 + 었) and a token must be a piece of the text.  Its lemma is the dictionary form: the
  text before the last stem, that stem and "다" ("보냈다" -> "보내다", "제공됐다" -> "제공되다",
  "넘어갔다" -> "넘어가다"), so lexicon terms are written as dictionary forms;
* the token's tag is Kiwi's tags joined by "+" ("NNG+XSV+EP+EF"), its POS the Universal
  Dependencies class of its head morpheme.

The model ships inside the ``kiwipiepy-model`` package: nothing is downloaded at run time.  The
analyser takes a few seconds to load and is built once per process.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc
from spacy.vocab import Vocab

# Predicate morphemes: verbs, adjectives, auxiliaries, the copula and the suffixes that make
# a verb or an adjective of a noun ("제공" + "하다").
_PREDICATE = {"VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA"}
_UPOS = {
    "NNG": "NOUN", "NNB": "NOUN", "NR": "NUM", "NP": "PRON", "NNP": "PROPN", "SN": "NUM",
    "VV": "VERB", "XSV": "VERB", "VA": "ADJ", "XSA": "ADJ", "VX": "AUX", "VCP": "AUX", "VCN": "AUX",
    "MM": "DET", "MAG": "ADV", "MAJ": "CCONJ", "IC": "INTJ", "XPN": "X", "XSN": "X", "XR": "NOUN",
    "SF": "PUNCT", "SP": "PUNCT", "SS": "PUNCT", "SSO": "PUNCT", "SSC": "PUNCT", "SE": "PUNCT",
    "SO": "PUNCT", "SW": "SYM", "SL": "X", "SH": "NOUN", "SB": "X",
}


def _base(tag: str) -> str:
    return tag.split("-")[0]          # "VV-R", "VA-I": regular / irregular conjugation marks


@lru_cache(maxsize=1)
def _kiwi():
    from kiwipiepy import Kiwi

    return Kiwi()


_CODE = {"SL", "SN", "SO", "SW"}


def _code_like(tags: list[str], tag: str) -> bool:
    """Latin letters, digits, hyphens and unit signs written together are one token: names of
    weapons ("KN-23", "K9", "S-400") and calibres ("155mm", "152㎜"), which are no counts."""
    return tag in _CODE and all(t in _CODE for t in tags) and ("SL" in tags or tag in ("SL", "SW"))


def _upos(tags: list[str]) -> str:
    if any(t in ("VV", "XSV") for t in tags):
        return "VERB"
    if any(t in ("VA", "XSA") for t in tags):
        return "ADJ"
    head = tags[0]
    if head.startswith("J"):
        return "ADP"
    if head.startswith("E"):
        return "PART"
    return _UPOS.get(head, "X")


def _features(morphs: list) -> str:
    """Tense of a predicate: the prospective adnominal -ㄹ/-을 ("보낼 것이다", "제공할 예정") and
    the pre-final -겠- ("보내겠다") are future; -었/-았/-였- past.  A predicate ending in a
    connective ending that links clauses is a converb (VerbForm=Conv)."""
    tense = None
    for x in morphs:
        tag = _base(x.tag)
        if tag == "EP" and x.form == "겠" or tag == "ETM" and x.form in ("ᆯ", "을", "ㄹ"):
            tense = "Fut"
        elif tag == "EP" and x.form in ("었", "았", "였", "었었", "았었") and tense is None:
            tense = "Past"
    feats = [f"Tense={tense}"] if tense else []
    last = morphs[-1]
    if _base(last.tag) == "EC" and last.form not in _BINDING:
        feats.append("VerbForm=Conv")   # a connective ending closes a clause: "제공하며", "보냈다고"
    return "|".join(feats)


# Connective endings that bind an auxiliary or a negation rather than close a clause
# ("보내지 않다", "보내어 주다", "있게 되다").
_BINDING = {"어", "아", "여", "지", "게"}


class KiwiTokenizer:
    """Text -> Doc whose tokens are Korean morphemes (see the module docstring)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        groups: list[list] = []          # [start, end, [morphemes]]
        for m in _kiwi().tokenize(text):
            tag = _base(m.tag)
            start, end = m.start, m.start + m.len
            if groups:
                g = groups[-1]
                same_word = start == g[1]        # no space between: the same written word
                tags = [_base(x.tag) for x in g[2]]
                predicate = any(t in _PREDICATE for t in tags)
                noun = tags[-1] in ("NNG", "NNP", "XR", "SH")
                join = start < g[1] or end <= start or (same_word and (
                    tag.startswith("E") and (predicate or tags[-1].startswith("E"))
                    or tag in ("XSV", "XSA") and noun
                    or tag == "VV" and tags[-1] == "NNG"      # "공급받다", "지원받다"
                    or tag == "VX" and predicate
                    or tag in ("VV", "VA") and tags[-1] == "EC" and predicate
                    or _code_like(tags, tag)))
                if join:
                    g[1] = max(g[1], end)
                    g[2].append(m)
                    continue
            groups.append([start, end, [m]])
        words, spaces, lemmas, tags_out, pos, morphs_out = [], [], [], [], [], []
        pos_text = 0

        def gap(upto: int) -> None:
            piece = text[pos_text:upto]
            if not piece:
                return
            if piece == " " and words and not spaces[-1]:
                spaces[-1] = True
                return
            if piece[0] == " " and words and not spaces[-1]:
                spaces[-1] = True
                piece = piece[1:]
            words.append(piece)
            spaces.append(False)
            lemmas.append(piece)
            tags_out.append("_SP" if not piece.strip() else "SW")
            pos.append("SPACE" if not piece.strip() else "X")
            morphs_out.append("")

        for start, end, morphs in groups:
            if end <= pos_text:          # (Kiwi's offsets do not overlap groups; keep the text whole)
                continue
            start = max(start, pos_text)
            gap(start)
            surface = text[start:end]
            tags = [_base(x.tag) for x in morphs]
            words.append(surface)
            spaces.append(False)
            tags_out.append("+".join(tags))
            pos.append(_upos(tags))
            lemmas.append(self._lemma(text, start, morphs, surface))
            morphs_out.append(_features(morphs))
            pos_text = end
        gap(len(text))
        return Doc(self.vocab, words=words, spaces=spaces, lemmas=lemmas, tags=tags_out, pos=pos,
                   morphs=morphs_out)

    @staticmethod
    def _lemma(text: str, start: int, morphs: list, surface: str) -> str:
        stems = [x for x in morphs if _base(x.tag) in _PREDICATE]
        if not stems:
            return surface.lower()
        last = stems[-1]
        form = last.form
        if _base(last.tag) == "VCP":
            form = "이"
        return text[start:max(start, last.start)] + form + "다"

    # spaCy's Language.to_disk / from_disk call these; the analyser has no state to save.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> KiwiTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> KiwiTokenizer:
        return self


def kiwi_tokenizer(vocab: Vocab) -> KiwiTokenizer:
    return KiwiTokenizer(vocab)
