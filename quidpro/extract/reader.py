"""Reading one sentence into raw claims: triggers, the actors around them, items and cues.

A trigger (a verb or noun from the lexicon) owns the tokens below it in the dependency tree
up to the next trigger; its actors get roles from their grammatical position (subject, passive
agent) and from the words before them (recipient, origin, destination cues).  Raw claims may
still lack a giver: the article-level pass in ``quidpro.extract`` fills it from context or
drops the claim.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from quidpro.extract.language import LanguagePack, Match
from quidpro.extract.quantity import (
    MONEY_UNITS,
    QuantityMention,
    choose_quantity,
    find_quantities,
)
from quidpro.extract.when import TimeMention
from quidpro.models import AGREEMENT_ITEMS, Quantity

# Dependency labels of the two schemes our pipelines use (Universal Dependencies for most
# languages, ClearNLP for English); they are annotation schemes, not language knowledge.
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"}
SPEAKER_DEPS = {"nsubj", "csubj"}       # the subject of an active speech verb
PASSIVE_DEPS = {"aux:pass", "auxpass", "nsubj:pass", "nsubjpass", "obl:agent", "agent"}
MODIFIER_DEPS = {"amod", "nmod", "appos", "compound", "conj", "flat", "flat:name", "nmod:poss",
                 "poss", "det", "case", "fixed", "cc", "punct", "nummod"}
SEGMENT_BREAKS = {",", ";", ":", "(", ")", "–", "—"}
OBJECT_DEPS = {"obj", "dobj", "iobj", "dative", "obl:arg"}
MODIFYING = {"aux", "aux:tense", "aux:pass", "auxpass", "advmod", "neg", "mark", "cop", "xcomp",
             "amod", "det", "case", "prep", "advcl"}
THEME_DEPS = {"acl", "relcl", "acl:relcl"}          # a verb modifying the noun it is about
CLAUSE_BOUNDARY = {"ccomp", "parataxis", "relcl", "acl:relcl", "csubj"}
VERB_CLASSES = {"give", "receive", "buy", "pledge", "deploy", "agreement", "arrive"}
NOUN_CLASSES = {"give_noun", "deploy_noun"}


@dataclass
class Trigger:
    token: Token
    cls: str
    start: int
    end: int


@dataclass
class Mention:
    code: str
    start: int
    end: int
    root: Token
    demonym: bool
    contextual: bool
    person: bool        # a leader: stands for the state, and is also a name a source can have


@dataclass
class RawClaim:
    """A claim as one sentence gives it; ``from_``/``to`` may still be missing."""

    kind: str
    from_: str | None
    to: str | None
    items: set[str]
    parties: set[str] = field(default_factory=set)
    quantity: Quantity | None = None
    when: str | None = None
    source: str | None = None
    certainty: str = "asserted"
    exchange_of: int | None = None  # index, in the sentence's list, of the claim this pays for
    pair: bool = False      # an agreement of "the two countries": its parties are the ones just named
    reciprocal: bool = False  # "In exchange, Russia shares technology": given back to the last giver
    in_zone: bool = False     # read inside the sentence's exchange zone (what is given back)


@dataclass
class SentenceContext:
    """What the article-level pass tells the reader about the rest of the article."""

    named_codes: set[str]          # codes named outright somewhere in the article
    last_source: str | None = None
    proper_names: list[str] = field(default_factory=list)
    previous_states: set[str] = field(default_factory=set)   # the states the sentence before names


class SentenceReader:
    """Reads the claims of one parsed sentence with one language's lexicon and matchers."""

    def __init__(self, pack: LanguagePack, sent: Span, times: list[TimeMention], ctx: SentenceContext):
        self.pack = pack
        self.lex = pack.lexicon
        self.sent = sent
        self.doc = sent.doc
        self.ctx = ctx
        self.times = times
        self.cues = pack.find("cues", sent, overlap=True)
        self.cue_tokens: dict[str, set[int]] = {}
        for m in self.cues:
            self.cue_tokens.setdefault(m.label[4:], set()).update(range(m.start, m.end))
        self.regional: set[int] = set()    # mentions read through "the east of" (role_cue)
        self.cut: set[int] = set()         # tokens in a clause of their own (owner): no act's
        self.triggers = self._find_triggers()
        self.trigger_index = {t.token.i: t for t in self.triggers}
        self._speech_indices = {v.i for v in self._speech_verbs()}
        self.mentions = self._find_mentions()
        # goods are nouns, names or their adjectives: "fuelling the war" supplies no fuel
        # Goods are nouns, names or their adjectives ("fuelling the war" supplies no fuel), and
        # troops are people: "exercices militaires" sends nobody.
        self.items = _most_specific([
            m for m in pack.find("items", sent)
            if self.doc[m.start:m.end].root.pos_ not in ("VERB", "AUX")
            and not (m.label == "troops" and m.end - m.start == 1 and self.doc[m.start].pos_ == "ADJ")
            # "Indian Air Force transport planes": a unit naming whose planes, sending nobody
            and not (m.label == "troops" and self.doc[m.start:m.end].root.dep_ == "compound")
        ], self.doc)
        self.items = self._technology_of(self.items)
        self.excluded = self._excluded_tokens()
        self.exchange_zone = self._exchange_zone()

    def _technology_of(self, items: list[Match]) -> list[Match]:
        """"the design of its attack submarine", "la technologie des missiles": a weapon named
        after technology and a genitive is what the technology is for, not goods of its own;
        troops named after goods and a genitive are what the goods carry."""
        link = {w.lower() for w in self.lex.roles.get("genitive", []) + self.lex.cues.get("determiners", [])}
        out: list[Match] = []
        for m in items:
            prev = out[-1] if out else None
            # (and "véhicules blindés de transport de troupes" carry troops: armour, no deployment)
            absorbs = prev is not None and ((prev.label == "military_technology" and m.label != "troops") or (
                m.label == "troops" and prev.label not in ("troops", "military_technology")))
            if absorbs:
                between = self.doc[prev.end:m.start]
                if 0 < len(between) <= 6 and between[0].lower_ in link and all(
                        t.lower_ in link or t.pos_ in ("ADJ", "DET", "PRON", "NOUN", "NUM") or t.text == "-"
                        for t in between):
                    out[-1] = Match(prev.start, m.end, prev.label)
                    continue
            out.append(m)
        return out

    # -- finding things ------------------------------------------------------------------
    def _find_triggers(self) -> list[Trigger]:
        found = []
        for m in self.pack.find("triggers", self.sent):
            tok = self.doc[m.start:m.end].root
            cls = m.label
            # "supply" and "sending" are verbs or nouns: the parse decides which class they take.
            # (The root of a sentence is its predicate, whatever the tagger says: "Le Royaume-Uni
            # livre ..." has "livre" tagged as a noun.)
            if cls in VERB_CLASSES and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "ROOT":
                nouns = self.lex.triggers["give_noun"] + self.lex.triggers["deploy_noun"]
                twin = {"give": "give_noun", "deploy": "deploy_noun"}.get(cls)
                cls = twin if tok.lemma_.lower() in nouns or tok.lower_ in nouns else None
            elif cls in NOUN_CLASSES and tok.pos_ in ("VERB", "AUX"):
                cls = {"give_noun": "give", "deploy_noun": "deploy"}[cls]
            if cls is None:
                continue
            found.append(Trigger(tok, cls, m.start, m.end))
        # "anti-ship missiles": a trigger word inside an item's name, before its head, is no act
        inside = {i for m in self.pack.find("items", self.sent) for i in range(m.start, m.end - 1)}
        found = [t for t in found if not (t.end - t.start == 1 and t.start in inside)]
        if not self.doc.has_annotation("DEP"):
            return found
        # "received shipments of missiles", "approved the sale of drones to Morocco": the noun
        # is the verb's object, one act with it; what hangs from the noun is the verb's.
        verbs = {t.token.i for t in found if t.cls in VERB_CLASSES and t.cls != "agreement"}
        return [t for t in found if not (t.cls in NOUN_CLASSES and t.token.dep_ in OBJECT_DEPS
                                         and t.token.head.i in verbs)]

    def _find_mentions(self) -> list[Mention]:
        gaz = self.pack.gazetteer
        out = []
        for m in self.pack.find_actors(self.doc):
            if m.start < self.sent.start or m.end > self.sent.end:
                continue
            text = self.doc[m.start:m.end].text
            contextual = text in gaz.contextual and text not in gaz.forms
            if contextual and m.label not in self.ctx.named_codes:
                continue
            kind = gaz.kinds.get(text)
            out.append(Mention(m.label, m.start, m.end, self.doc[m.start:m.end].root,
                               kind == "demonyms", contextual, kind == "leaders"))
        return out

    def _np_end(self, i: int) -> int:
        """End of the noun phrase starting at token i: up to punctuation or a clause word."""
        j = i
        while j < self.sent.end and not self.doc[j].is_punct and self.doc[j].pos_ not in ("VERB", "SCONJ", "PRON"):
            j += 1
        return j

    def _excluded_tokens(self) -> set[int]:
        """Tokens that name who says something, not who gives: they never take a role."""
        out: set[int] = set()
        for m in self.cues:
            if m.label == "cue:attribution_prep":
                out.update(range(m.start, self._np_end(m.end)))
        for v in self._speech_verbs():
            out.update(self._speaker_tokens(v))
        return out

    def _speaker_tokens(self, verb: Token) -> set[int]:
        return {t.i for c in verb.children if c.dep_ in SPEAKER_DEPS and c.i not in self.trigger_index
                for t in self.phrase(c)}

    def phrase(self, head: Token) -> list[Token]:
        """The noun phrase of a head: its subtree without the clauses hanging from it."""
        out, stack = [], [head]
        while stack:
            tok = stack.pop()
            out.append(tok)
            stack.extend(c for c in tok.children
                         if c.pos_ not in ("VERB", "AUX") and c.dep_ not in ("mark", "punct") or c.text == "-")
        return sorted(out, key=lambda t: t.i)

    def _exchange_zone(self) -> tuple[int, int] | None:
        for m in self.cues:
            if m.label == "cue:exchange":
                end = m.end
                while end < self.sent.end and self.doc[end].text not in (",", ";", ".", ":"):
                    end += 1
                return m.start, end
        return None

    def _speech_verbs(self) -> list[Token]:
        idx = self.cue_tokens.get("speech", set()) - self.cue_tokens.get("pledge_modifier", set())
        return [self.doc[i] for i in sorted(idx) if self.doc[i].pos_ in ("VERB", "AUX")]

    # -- structure ----------------------------------------------------------------------
    def owner(self, tok: Token) -> Trigger | None:
        """The nearest trigger at or above a token in the dependency tree; what hangs from a
        speech verb ("..., a affirmé Poutine lors du forum économique") belongs to none."""
        node = tok
        speech = self._speech_indices
        for _ in range(40):
            if node.i in self.trigger_index:
                return self.trigger_index[node.i]
            if node.i in speech:
                self.cut.add(tok.i)
                return None
            if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.i != tok.i and any(
                    c.dep_ in SUBJECT_DEPS for c in node.children):
                self.cut.add(tok.i)
                return None     # a coordinated clause with its own subject is another statement
            if node.dep_ in ("relcl", "acl:relcl"):
                self.cut.add(tok.i)
                return None     # "..., qui ont informé des parlementaires à Séoul": says nothing of the act
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def subject(self, trig: Trigger) -> tuple[Token | None, bool]:
        """The subject governing a trigger, and whether the trigger is passive.

        A gerund or infinitive takes the subject of the verb above it ("Beijing denied
        supplying", "stood to gain from sending"); after a verb with an object naming an actor,
        that object ("accuse Tehran of supplying")."""
        node = trig.token
        passive = any(c.dep_ in PASSIVE_DEPS for c in node.children)
        if node.dep_ in THEME_DEPS and node.morph.get("VerbForm") == ["Part"]:
            return None, True
        for c in node.children:
            if c.dep_ in SUBJECT_DEPS:
                return c, passive or c.dep_ in ("nsubj:pass", "nsubjpass")
        if trig.cls in NOUN_CLASSES:
            # "Riyad a soutenu ... par des dépôts et des livraisons de pétrole"
            for _ in range(3):
                if node.dep_ not in ("obj", "dobj", "conj", "obl", "obl:mod", "pobj", "prep") \
                        or node.head.i == node.i or node.head.i in self.trigger_index:
                    break
                node = node.head
                subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None and (node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT"):
                    return subj, passive
            return None, passive
        if node.dep_ in THEME_DEPS:
            if node.head.pos_ == "NOUN":
                # "la décision britannique de fournir": the one whose decision it is
                owner = next((c for c in node.head.children if c.dep_ in ("amod", "nmod", "poss", "nmod:poss")
                              and self._actor_at(c)), None)
                # ("la France pourrait à son tour fournir", misparsed as a modifier of "tour")
                return owner or (None if passive else self._subject_to_the_left(trig)), passive
            return (self._subject_to_the_left(trig) if node.dep_ == "acl" and not passive else None), passive
        for _ in range(4):
            if node.head.i == node.i or node.dep_ in CLAUSE_BOUNDARY:
                break
            came_from, node = node, node.head
            if node.i in self.trigger_index and came_from.dep_ not in ("xcomp", "advcl", "conj"):
                break   # the subject of another act, unless this one shares it ("signed a deal to buy")
            subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            obj = next((c for c in node.children if c.dep_ in ("obj", "dobj") and c.i != came_from.i
                        and self._actor_at(c)), None)
            if obj is not None and came_from.dep_ in ("prep", "pcomp", "advcl", "xcomp", "obl", "acl"):
                return obj, False
            if subj is not None:
                return subj, False
        return self._subject_to_the_left(trig), passive

    def _subject_to_the_left(self, trig: Trigger) -> Token | None:
        """When the parse gives no subject: the nearest actor before the trigger that the
        parse calls a subject, with no other trigger in between."""
        for i in range(trig.token.i - 1, self.sent.start - 1, -1):
            if i in self.trigger_index:
                return None
            tok = self.doc[i]
            if tok.dep_ in SUBJECT_DEPS and self._actor_at(tok) and i not in self.excluded:
                return tok
        return None

    def _actor_at(self, tok: Token) -> bool:
        return any(m.start <= tok.i < m.end for m in self.mentions)

    def in_subject(self, m: Mention, subj: Token) -> bool:
        node, hops = m.root, 0
        while node.i != subj.i:
            if node.dep_ not in MODIFIER_DEPS | {"prep", "pobj"} or node.head.i == node.i or hops > 3:
                return False
            node, hops = node.head, hops + 1
        return True

    def role_cue(self, m: Mention) -> str | None:
        """The role a preposition before the mention (or its head noun) gives it; the later
        members of a coordination share the first one's ("from the US, Germany and the
        Netherlands")."""
        node = m.root
        while node.dep_ == "conj" and node.head.i != node.i and node.head.i < node.i:
            node = node.head
        if node.i != m.root.i:
            first = next((x for x in self.mentions if x.start <= node.i < x.end), None)
            return self._cue_before(first.start if first else node.i)
        cue = self._cue_before(m.start)
        if cue is None and m.demonym and m.root.head.i < m.start:
            cue = self._cue_before(m.root.head.i)
        region = self._region_before(m.start) if cue == "genitive" else None
        if region is not None:
            # "envoyés dans l'est de la Russie": a part of a state stands for the state
            self.regional.add(m.start)
            cue = self._cue_before(region)
        return cue

    def _region_before(self, i: int) -> int | None:
        """Where "the east of" starts before a name, when a region noun and a genitive precede it."""
        dets = {d.lower() for d in self.lex.cues.get("determiners", [])}
        genitive = {g.lower() for g in self.lex.roles.get("genitive", [])}
        regions = {r.lower() for r in self.lex.cues.get("region", [])}
        j = i
        while j > self.sent.start and self.doc[j - 1].lower_.replace("’", "'") in dets:
            j -= 1
        if j <= self.sent.start or self.doc[j - 1].lower_.replace("’", "'") not in genitive:
            return None
        j -= 1
        if j <= self.sent.start or not {self.doc[j - 1].lower_, self.doc[j - 1].lemma_.lower()} & regions:
            return None
        return j - 1

    def _cue_before(self, i: int, skip_modifiers: bool = False) -> str | None:
        dets = {d.lower() for d in self.lex.cues.get("determiners", [])}
        j = i
        while j > self.sent.start and (self.doc[j - 1].lower_.replace("’", "'") in dets or skip_modifiers and (
                self.doc[j - 1].pos_ in ("ADJ", "NUM") or self.doc[j - 1]._.actor is not None)):
            j -= 1
        words = [t.lower_.replace("’", "'") for t in self.doc[max(self.sent.start, j - 4):j]]
        best: tuple[int, str] | None = None
        for role, cues in self.lex.roles.items():
            for cue in cues:
                parts = cue.lower().replace("'", "' ").split()
                n = len(parts)
                tail = " ".join(words[-n:]).replace("' ", "'") if n <= len(words) else None
                if tail is not None and tail.replace(" ", "") == cue.lower().replace(" ", ""):
                    if best is None or n > best[0]:
                        best = (n, role)
        return best[1] if best else None

    def _near(self, tok: Token, label: str, hops: int = 3) -> bool:
        """Whether a cue of this label is the token, one of its children or a close ancestor."""
        marks = self.cue_tokens.get(label, set())
        if not marks:
            return False
        if tok.i in marks or any(c.i in marks and c.dep_ in MODIFYING for c in tok.children):
            return True
        node = tok
        for _ in range(hops):
            if node.head.i == node.i:
                break
            node = node.head
            if node.i in marks or any(c.i in marks and c.dep_ in ("aux", "advmod", "neg", "aux:tense", "cop")
                                      for c in node.children):
                return True
        return False

    # -- fields ---------------------------------------------------------------------------
    def certainty_and_source(self, trig: Trigger) -> tuple[str, str | None, bool]:
        """Certainty, source, and whether the act is withheld (a denied pledge)."""
        tok = trig.token
        # a denial governs what it denies however deep: "dismissed reports of soldiers fighting"
        withheld = self._near(tok, "withhold", hops=5)
        if self._near(tok, "denial", hops=5) or withheld or self._near(tok, "negation", hops=1):
            certainty = "denied"
        elif self._near(tok, "speculative", hops=6):
            certainty = "speculative"
        else:
            certainty = "asserted"
        source = self._prepositional_source()
        speaker = None
        for v in self._speech_verbs():
            if v.i != tok.i and self._governs(v, tok):
                speaker = self._speaker(v) or speaker
                if certainty == "asserted":
                    certainty = "reported"
        source = source or speaker
        if certainty == "asserted" and (source or self._near(tok, "reported", hops=6)
                                        or self.cue_tokens.get("attribution_prep")):
            certainty = "reported"
        return certainty, source, withheld

    def _governs(self, verb: Token, tok: Token) -> bool:
        """Whether a speech verb reports the act: it is above it, or follows it as a
        parenthetical ("..., a déclaré Shin")."""
        ancestors = {a.i for a in tok.ancestors} | {tok.i}
        return verb.i in ancestors or (verb.dep_ in ("parataxis", "conj") and verb.head.i in ancestors)

    def _prepositional_source(self) -> str | None:
        for m in self.cues:
            if m.label == "cue:attribution_prep":
                return self._name_in(m.end, self._np_end(m.end))
        return None

    def _speaker(self, verb: Token) -> str | None:
        if any(c.dep_ in PASSIVE_DEPS for c in verb.children):
            return None     # "Iran is believed to have shipped": nobody named says so
        for c in verb.children:
            if c.dep_ in SPEAKER_DEPS:
                if c.pos_ == "PRON":
                    return self.ctx.last_source
                toks = self.phrase(c)
                return self._name_in(toks[0].i, toks[-1].i + 1)
        # No subject in the parse: the nearest name before the verb ("..., Shin Won-sik, a déclaré").
        name = self._name_in(self.sent.start, verb.i, names_only=True)
        return name

    def _name_in(self, start: int, end: int, names_only: bool = False) -> str | None:
        """A person's or body's name inside a phrase (its longest run of name words that is
        not a state; with ``names_only`` the last run, or nothing), else the phrase itself."""
        runs = self._name_runs(start, end)
        if runs:
            best = runs[-1] if names_only else max(runs, key=len)
            return self._expand_name(self.doc[best[0].i:best[-1].i + 1].text)
        if names_only:
            return None
        phrase = self.doc[start:end].text.strip(" ,;:«»\"'")
        return phrase or None

    def _name_runs(self, start: int, end: int) -> list[list[Token]]:
        """Runs of proper nouns that name no state ("Shin Won-sik" in three tokens is one)."""
        actor_toks = {i for m in self.mentions if not m.person for i in range(m.start, m.end)}

        def name_word(t: Token, run: list[Token]) -> bool:
            glued = bool(run) and not self.doc[t.i - 1].whitespace_ and (t.text == "-" or self.doc[t.i - 1].text == "-")
            return (t.pos_ == "PROPN" and t.i not in actor_toks) or glued
        return [r[:-1] if r[-1].text == "-" else r for r in runs_of(self.doc[start:end], name_word)]

    def _expand_name(self, name: str) -> str:
        """A surname alone ("Shin") becomes the full name given earlier ("Shin Won-sik")."""
        if " " in name:
            return name
        for full in reversed(self.ctx.proper_names):
            if full.split()[0] == name or full.split()[-1] == name:
                return full
        return name

    def quantity_for(self, trig: Trigger, quantities: list[QuantityMention], single: bool) -> Quantity | None:
        mine = [q for q in quantities if self._belongs(self.doc[q.start], trig, single)
                or self._belongs(self.doc[q.end - 1], trig, single)]
        return choose_quantity(mine)

    def when_for(self, trig: Trigger, single: bool) -> str | None:
        for t in self.times:
            if t.edtf is None:
                continue
            tok = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if tok is not None and any(self._belongs(x, trig, False) for x in tok):
                return t.edtf
        return None

    def _belongs(self, tok: Token, trig: Trigger, single: bool) -> bool:
        if tok.i in self.excluded:
            return False
        own = self.owner(tok)
        return (own is not None and own.token.i == trig.token.i) or (own is None and single and tok.i not in self.cut)

    # -- the claims -------------------------------------------------------------------------
    def read(self) -> list[RawClaim]:
        if self.doc.has_annotation("DEP") and not any(t.pos_ in ("VERB", "AUX") for t in self.sent):
            return []   # a heading or a caption states no act
        quantities = find_quantities(self.sent, self.pack)
        active = [t for t in self.triggers if not self._blocked(t)]
        # With one act in the sentence, stated at its root, what the parse left unattached is
        # that act's; a lone act inside a relative or reported clause gets no such help.
        single = len(active) == 1 and active[0].token.dep_ == "ROOT"
        claims: list[RawClaim] = []
        main_of_exchange: int | None = None
        for trig in active:
            in_zone = self.exchange_zone is not None and self.exchange_zone[0] <= trig.start < self.exchange_zone[1]
            before = len(claims)
            claims.extend(self._claims_for(trig, quantities, single))
            if in_zone and main_of_exchange is not None:
                for c in claims[before:]:
                    c.exchange_of = main_of_exchange
            elif self.exchange_zone and trig.start < self.exchange_zone[0] and len(claims) > before:
                main_of_exchange = before
        if self.exchange_zone and main_of_exchange is not None \
                and not any(c.exchange_of is not None for c in claims):
            claims.extend(self._zone_without_trigger(claims[main_of_exchange], main_of_exchange))
        if self.exchange_zone and self.exchange_zone[0] == self.sent.start and not any(
                self.exchange_zone[0] <= m.start < self.exchange_zone[1] for m in self.items + self.mentions):
            for c in claims:    # "In exchange, ...": what this sentence gives pays for the last act
                c.reciprocal = True
        return claims

    def _blocked(self, trig: Trigger) -> bool:
        if self._near(trig.token, "block", hops=2):
            return True
        # A pledge modifier above a nested trigger makes it a pledge; it is no claim itself.
        if trig.cls == "pledge" and any(
            self.owner(t.head) is trig and t.i != trig.token.i and t.dep_ in ("xcomp", "ccomp")
            for t in (x.token for x in self.triggers)
        ):
            return True
        return False

    def _items_for(self, trig: Trigger, single: bool, zone: bool) -> set[str]:
        items = set()
        for m in self.items:
            tok = self.doc[m.start:m.end].root
            if m.label == "troops" and self._cue_before(m.start, skip_modifiers=True) in ("recipient", "destination"):
                continue    # "delivered tanks to Ukrainian forces": the forces receive
            in_zone = self.exchange_zone is not None and self.exchange_zone[0] <= m.start < self.exchange_zone[1]
            if in_zone != zone:
                continue
            if self._belongs(tok, trig, single) or (
                trig.token.dep_ in THEME_DEPS and self._is_theme(trig, m)) or (
                m.start >= trig.start and m.end <= trig.end and m.label != "troops"):
                items.add(m.label)
        return items

    def _is_theme(self, trig: Trigger, item: Match) -> bool:
        """Whether a participle or relative clause modifies this item ("les avions de combat
        F-35 commandés par Ankara"): its head is the item, or a name or modifier of it."""
        j = trig.token.i
        while j > item.end and (self.doc[j - 1].pos_ == "ADJ" or self.doc[j - 1]._.actor is not None):
            j -= 1
        if j == item.end:
            return True     # right after the item, whatever the parse attached it to
        node = trig.token.head
        for _ in range(3):
            if item.start <= node.i < item.end:
                return True
            if node.dep_ not in ("nmod", "flat", "flat:name", "appos", "compound") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _claims_for(self, trig: Trigger, quantities: list[QuantityMention], single: bool) -> list[RawClaim]:
        zone = self.exchange_zone is not None and self.exchange_zone[0] <= trig.start < self.exchange_zone[1]
        items = self._items_for(trig, single, zone)
        if trig.cls in ("deploy", "deploy_noun") and not (items - {"troops"}):
            items = {"troops"}
        quantity = self.quantity_for(trig, quantities, single)
        if not items and quantity is not None and quantity.unit in MONEY_UNITS and trig.cls not in ("buy", "agreement"):
            # (what a buyer pays, or what a contract is worth, is a price, not aid)
            items = {"economic_aid"}     # "pledged 18.1 billion euros to Kyiv"
        if trig.cls == "agreement" and not self._agreement_nouns(trig) and self._near(trig.token, "pledge_modifier", 0):
            trig = Trigger(trig.token, "pledge", trig.start, trig.end)   # "Congress approved $175bn"
        certainty, source, withheld = self.certainty_and_source(trig)
        givers, receivers, parties = self._roles(trig, single, zone)
        when = self.when_for(trig, single)
        if trig.cls == "agreement" and items - {"troops"} and self._is_sale(trig):
            # "signed a contract for the purchase of 36 Caesar guns with France": a sale is a
            # pledge from the seller to the buyer, not a pact (CLAIMS.md section 2)
            buy = Trigger(trig.token, "buy", trig.start, trig.end)
            givers, receivers, _ = self._roles(buy, single, zone)
            givers = givers or [p for p in parties if p not in receivers]
            trig, items = buy, items - {"troops"}
            quantity = self.quantity_for(trig, quantities, single) or quantity
        elif trig.cls == "agreement":
            return self._agreement(trig, parties, certainty, source, when)
        if not items:
            return []
        contract = self._enclosing_agreement(trig)
        if contract is not None:
            # "Hanwha signed a contract with Poland to supply K9 howitzers": the act is promised,
            # and the contract's other party is the one missing
            others = [p for p in self._roles(contract, single, zone)[2] if p not in givers + receivers]
            if givers and not receivers:
                receivers = others
            elif receivers and not givers:
                givers = others
            makers = {m.code for m in self.mentions
                      if self.pack.gazetteer.kinds.get(self.doc[m.start:m.end].text) == "companies"}
            if not givers and not receivers and len(others) == 2 and len(makers & set(others)) == 1:
                givers = [p for p in others if p in makers]      # "... with Fincantieri for the supply of"
                receivers = [p for p in others if p not in makers]
            elif makers & set(receivers) and not makers & set(givers):
                # "Il Qatar ha firmato con Fincantieri un contratto per la fornitura di sette navi":
                # the arms maker is the seller, whoever signs first
                givers, receivers = receivers, givers
        # A transfer that is promised, future, withheld or only possible ("could supply") is a pledge.
        future = self._is_future(trig) or contract is not None or (
            certainty == "speculative" and not self._is_past(trig))   # "likely delivered" stays a transfer
        kind = "pledge" if trig.cls in ("pledge", "buy") or future or withheld else "transfer"
        out = []
        troops = items & {"troops"}
        goods = items - troops - set(AGREEMENT_ITEMS)
        groups = []
        if troops:
            groups.append(("deployment", {"troops"}))
        if goods:
            groups.append((kind, goods))
        givers = [g for g in givers if g not in receivers]
        for k, its in groups:
            gs = givers or [None]
            rs = receivers or [None]
            for g in gs:
                for r in rs:
                    if g is not None and g == r:
                        continue
                    out.append(RawClaim(k, g, r, set(its), quantity=quantity, when=when, source=source,
                                        certainty=certainty))
        return out

    def _enclosing_agreement(self, trig: Trigger) -> Trigger | None:
        """The agreement act a supply is part of ("a deal to supply", "un contrat pour livrer")."""
        for ag in self.triggers:
            if ag.cls == "agreement" and ag.token.i < trig.token.i and trig.token.i in self._covered(ag.token):
                return ag
        return None

    def _is_past(self, trig: Trigger) -> bool:
        """A finite past or a perfect ("livra", "a livré", "have supplied"), as the tagger marks it."""
        tok = trig.token
        if "Past" not in tok.morph.get("Tense"):
            return False
        return "Fin" in tok.morph.get("VerbForm") or any(
            c.dep_.startswith("aux") and c.lemma_.lower() not in self.lex.cues.get("speculative", [])
            for c in tok.children)

    def _is_future(self, trig: Trigger) -> bool:
        tok = trig.token
        if "Fut" in tok.morph.get("Tense"):
            return True
        endings = tuple(self.lex.cues.get("future_endings", []))
        if endings and tok.pos_ in ("VERB", "AUX") and tok.lower_ != tok.lemma_ and tok.lower_.endswith(endings):
            return True
        if self._near(tok, "future", hops=1):
            return True
        # "a annoncé l'envoi de chars" is a promise; "est arrivé, a annoncé le ministre" is not:
        # an act told in a past tense of its own happened, whoever announces it
        perfect = "Past" in tok.morph.get("Tense") and any(c.dep_.startswith("aux") for c in tok.children)
        if self._near(tok, "pledge_modifier", hops=3) and not perfect:
            return True
        return any("Fut" in c.morph.get("Tense") for c in tok.children if c.dep_.startswith("aux"))

    def _qualifies_goods(self, m: Mention, item_heads: set[int]) -> bool:
        """Whether the mention sits inside a phrase that qualifies the goods or troops (through
        nouns, adjectives, names and prepositions, never through a verb)."""
        node = m.root
        for _ in range(5):
            if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
                return False
            if node.dep_ not in ("nmod", "amod", "flat:name", "flat", "appos", "compound", "pobj", "prep",
                                 "case", "poss", "nmod:poss") and node.i != m.root.i:
                return False
            node = node.head
            if node.i in item_heads:
                return node.i != m.root.i
        return False

    def _inside_other_noun(self, m: Mention, trig: Trigger, item_heads: set[int]) -> bool:
        """Whether the mention only qualifies a noun that is neither the goods, the trigger nor
        a mention: then it says nothing of who gives or gets."""
        node = m.root
        if node.dep_ in SUBJECT_DEPS or node.dep_ in OBJECT_DEPS and node.head.i == trig.token.i:
            return False
        head = node.head
        while head.pos_ == "ADP" and head.head.i != head.i:   # English: pobj -> prep -> noun
            head = head.head
        if head.i == trig.token.i or head.pos_ not in ("NOUN",) or head.i in item_heads:
            return False
        if head.dep_ in OBJECT_DEPS and head.head.i == trig.token.i:
            return False    # "gave North Korea access to oil"
        if any(x.start <= head.i < x.end for x in self.mentions):
            return False
        return node.dep_ in ("nmod", "amod", "pobj", "compound", "obl:mod") and head.i != node.i

    def _antecedent(self, subj: Token, trig: Trigger) -> Token | None:
        """What a pronoun subject stands for: a relative pronoun's noun ("la Lituanie, qui le
        remettra"), or the subject of the verb above a personal one ("Baykar a annoncé qu'il
        offrirait")."""
        own = subj.lemma_.lower() in self.lex.cues.get("self_reference", []) and any(
            c.dep_ in ("poss", "nmod:poss", "det") and "Yes" in c.morph.get("Poss")
            for c in subj.children)
        if (subj.pos_ != "PRON" and not own) or self._actor_at(subj):
            return subj
        in_relative = trig.token.dep_ in ("relcl", "acl:relcl")
        # a relative pronoun: so marked, or the subject that opens a relative clause ("which")
        if "Rel" in subj.morph.get("PronType") or (in_relative and subj.i == trig.token.left_edge.i):
            return trig.token.head if in_relative else None
        node = trig.token
        for _ in range(4):
            if node.head.i == node.i:
                return None
            node = node.head
            above = next((c for c in node.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"), None)
            if above is not None and any(self.in_subject(m, above) for m in self.mentions):
                return above
        return None

    def _roles(self, trig: Trigger, single: bool, zone: bool) -> tuple[list[str], list[str], list[str]]:
        subj, passive = self.subject(trig)
        if subj is not None and not self._actor_at(subj):
            subj = self._antecedent(subj, trig)
        givers: list[str] = []
        receivers: list[str] = []
        parties: list[str] = []
        weak: list[str] = []        # adjectives and modifiers of the goods: "US military aid"
        weak_demonyms: set[str] = set()
        item_heads = {i for it in self.items for i in range(it.start, it.end)}
        goods_heads = {i for it in self.items if it.label != "troops" for i in range(it.start, it.end)}

        def add(lst: list[str], code: str) -> None:
            if code not in lst:
                lst.append(code)

        for m in self.mentions:
            is_subject = subj is not None and self.in_subject(m, subj)
            if any(i in self.excluded for i in range(m.start, m.end)) and not is_subject:
                continue
            m_zone = self.exchange_zone is not None and self.exchange_zone[0] <= m.start < self.exchange_zone[1]
            if m_zone != zone:
                continue
            theme = trig.token.dep_ in THEME_DEPS and self.in_subject(m, trig.token.head)
            if not (is_subject or theme or self._belongs(m.root, trig, single)):
                continue
            cue = self.role_cue(m)
            if cue == "opponent":
                continue
            if m.root.dep_ in ("amod", "compound", "nmod") and m.root.i < m.root.head.i and m.root.head.i in goods_heads:
                cue = None      # "in US military aid": the preposition is the goods', not the name's
            if not (is_subject or theme) and cue in (None, "genitive") and trig.cls != "agreement" \
                    and self._qualifies_goods(m, item_heads):
                add(weak, m.code)   # "des mercenaires du groupe russe Wagner", "soldiers of Pyongyang"
                weak_demonyms.add(m.code) if m.demonym else None
                continue
            if not (is_subject or theme) and cue in (None, "destination", "genitive") \
                    and m.start not in self.regional and not (trig.cls == "arrive" and cue == "destination" and m.demonym) \
                    and self._inside_other_noun(m, trig, item_heads):   # (goods arrive at "the Polish port")
                continue    # "sa guerre en Ukraine", "le front ukrainien"
            if trig.cls == "agreement":
                add(parties, m.code)
                continue
            modifier = m.root.dep_ in ("amod", "compound", "nmod", "nmod:poss", "poss") \
                and m.root.head.i in item_heads and cue in (None, "genitive")
            if modifier and m.root.dep_ in ("poss", "nmod:poss") and passive:
                add(receivers, m.code)      # "Hezbollah's missiles were supplied by Iran"
                continue
            if modifier and m.root.i < m.root.head.i and trig.cls != "agreement":
                add(weak, m.code)
                continue
            direct = (m.root.head.i == trig.token.i and m.root.dep_ in OBJECT_DEPS) or (
                # "gave North Korea access to oil", parsed as a compound of the object
                m.root.dep_ == "compound" and m.root.head.head.i == trig.token.i
                and m.root.head.dep_ in OBJECT_DEPS)
            helped = m.root.dep_ in OBJECT_DEPS and m.root.head.i != trig.token.i and \
                m.root.head.lemma_.lower() in self.lex.cues.get("beneficiary", [])
            if helped and trig.cls not in ("receive", "buy"):
                add(receivers, m.code)      # "sent 12,000 soldiers to help Russia"
                continue
            # "les avions de transport chinois", "the soldiers of North Korea": a name qualifying
            # the subject stands for it (and, on a passive subject, for where it comes from)
            of_subject = is_subject and cue == "genitive"
            role = self._role(trig.cls, None if of_subject else cue, is_subject and cue in (None, "genitive"),
                              passive, m.demonym or theme or of_subject, direct)
            if role == "from":
                add(givers, m.code)
            elif role == "to":
                add(receivers, m.code)
            elif role == "weak":
                add(weak, m.code)
        return _settle(givers, receivers, weak, weak_demonyms) + (parties,)

    @staticmethod
    def _role(cls: str, cue: str | None, subject: bool, passive: bool, origin_adj: bool,
              direct: bool) -> str | None:
        receiving = cls in ("receive", "buy")
        if subject:
            if receiving:
                return "to"
            if passive and cls not in ("deploy", "deploy_noun"):
                # "Ukraine was given tanks" vs "Iranian drones were delivered": a demonym on
                # the passive subject names where the goods come from.
                return "from" if origin_adj else "to"
            return "from"
        if origin_adj and cue is None:
            return "weak"
        if cue == "agent" and receiving and passive:
            return "to"       # "F-35s ordered by Ankara", "received by Kyiv"
        if cue in ("origin", "agent"):
            return "from"
        if cue == "genitive":
            return "from" if receiving or cls in ("deploy", "deploy_noun", "give_noun") else None
        if cue == "recipient":
            return "from" if cls == "buy" else (None if receiving else "to")
        if cue == "destination":
            # "envoyer en Israël", "deployed to Russia"; a place inside another noun ("la
            # guerre en Ukraine") never gets here (see _inside_other_noun)
            return None if receiving else "to"
        if cls == "arrive":
            return "weak" if origin_adj else None
        if origin_adj:
            return "weak"
        if cue is None and direct and not receiving:
            return "to"   # "supplied Ukraine with", "gave North Korea missiles"
        return None

    def _covered(self, tok: Token) -> set[int]:
        """The tokens a word governs."""
        return {t.i for t in tok.subtree}

    def _agreement_nouns(self, trig: Trigger) -> list[Match]:
        scope = set(t.i for t in trig.token.subtree)
        subj, _ = self.subject(trig)
        if subj is not None:
            scope |= {t.i for t in subj.subtree}
        if trig.token.dep_ in THEME_DEPS:
            scope |= {t.i for t in trig.token.head.subtree}
        nouns = self.pack.find("agreement_nouns", self.sent)
        found = [m for m in nouns if m.start in scope]
        if not found and trig.token.dep_ in THEME_DEPS:
            # "a protocol that the two countries signed", the clause misattached: the nearest
            # agreement noun before it, with no punctuation or other act between
            before = [m for m in nouns if m.end <= trig.token.i and trig.token.i - m.end <= 6
                      and not any(t.is_punct or t.i in self.trigger_index for t in self.doc[m.end:trig.token.i])]
            found = before[-1:]
        return found

    def _is_sale(self, trig: Trigger) -> bool:
        """An agreement that is a contract of sale: a sale noun in its reach and no pact term."""
        if not self.cue_tokens.get("sale"):
            return False
        pact = {m.label for m in self.pack.find("agreement_items", self.sent)} & {"mutual_defense", "military_cooperation"}
        if pact:
            return False
        covered = self._covered(trig.token)
        return any(i in covered for i in self.cue_tokens["sale"])

    def _agreement(self, trig: Trigger, parties: list[str], certainty: str, source: str | None,
                   when: str | None) -> list[RawClaim]:
        sale = self.cue_tokens.get("sale", set())
        nouns = [m for m in self._agreement_nouns(trig) if not sale.issuperset(range(m.start, m.end))]
        if not nouns:
            return []   # a contract that names no goods is neither a sale nor a pact
        # "a framework agreement under which Seoul is to supply Warsaw": a supply in one
        # direction is a pledge (read from its own trigger), not a pact (CLAIMS.md section 2).
        noun_root = self.doc[nouns[0].start:nouns[0].end].root
        covered = self._covered(noun_root) | self._covered(trig.token)
        if any(t.cls in ("give", "buy", "pledge") and t.token.i in covered for t in self.triggers):
            return []
        # A pact that commits to mutual defence is a mutual-defence pact, whatever else it covers.
        found = {m.label for m in self.pack.find("agreement_items", self.sent)}
        item = next((i for i in ("mutual_defense", "arms_deal", "military_cooperation") if i in found), None)
        if item is None:
            noun_text = self.doc[nouns[0].start:nouns[0].end].lemma_.lower()
            item = self.lex.agreement_nouns.get(noun_text) or self.lex.agreement_nouns.get(
                self.doc[nouns[0].start:nouns[0].end].text.lower()) or None
        if len(set(parties)) < 2:
            # "un accord conclu entre les deux États": the two states the sentence names
            states = {m.code for m in self.mentions if m.code.isupper()}
            if len(states) == 2:
                parties = sorted(states)
        pair = len(set(parties)) < 2 and bool(self.cue_tokens.get("pair"))
        if pair and len(self.ctx.previous_states) == 2 and set(parties) <= self.ctx.previous_states:
            parties, pair = sorted(self.ctx.previous_states), False   # "La France et la Pologne ... Les deux pays"
        return [RawClaim("agreement", None, None, {item} if item else set(), parties=set(parties),
                         when=when, source=source, certainty=certainty, pair=pair)]

    def _zone_without_trigger(self, main: RawClaim, main_index: int) -> list[RawClaim]:
        """'en échange de soldats': what is given back, with the main claim's parties reversed."""
        zs, ze = self.exchange_zone
        items = {m.label for m in self.items if zs <= m.start < ze}
        if not items:
            return []
        kind = "deployment" if items == {"troops"} else "transfer"
        return [RawClaim(kind, main.to, main.from_, items, source=main.source, certainty=main.certainty,
                         exchange_of=main_index)]


def runs_of(tokens, keep) -> list[list[Token]]:
    """The maximal runs of consecutive tokens for which ``keep(token, run so far)`` holds."""
    runs, run = [], []
    for t in tokens:
        if keep(t, run):
            run.append(t)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


# When two weapon terms stand side by side in one phrase ("Stinger missiles", "missiles
# nucléaires", "Shahed drones"), the phrase is the more specific category: a SAM is air
# defence, not also a missile (CLAIMS.md section 4).  Kinds of support listed side by side
# ("soutien technologique économique") stay separate.
SPECIFICITY = ("nuclear", "air_defense", "drones", "aircraft", "naval", "armored_vehicles", "missiles",
               "artillery", "small_arms", "weapons_unspecified")


def _most_specific(items: list[Match], doc) -> list[Match]:
    out: list[Match] = []
    for m in items:
        prev = out[-1] if out else None
        adjacent = prev is not None and (prev.end == m.start or (
            prev.end + 1 == m.start and doc[prev.end].text in ("-", "–")))
        if adjacent and m.label == "military_technology" and prev.label in SPECIFICITY:
            out[-1] = Match(prev.start, m.end, m.label)    # "missile technology" is technology
        elif adjacent and prev.label != m.label and {prev.label, m.label} <= set(SPECIFICITY):
            keep = min((prev, m), key=lambda x: SPECIFICITY.index(x.label))
            out[-1] = Match(prev.start, m.end, keep.label)
        else:
            out.append(m)
    return out


def _settle(givers: list[str], receivers: list[str], weak: list[str],
            weak_demonyms: set[str]) -> tuple[list[str], list[str]]:
    """A modifier of the goods names their origin, unless the giver is already known: then it
    names who gets them ("Moscow offered Pyongyang economic aid")."""
    weak = [c for c in weak if c not in givers and c not in receivers]
    if len(weak) > 1 and set(weak) - weak_demonyms:
        weak = [c for c in weak if c not in weak_demonyms]   # a name over an adjective
    if not givers:
        givers = weak
    elif not receivers:
        receivers = weak
    return givers, receivers
