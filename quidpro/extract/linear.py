"""Reading a sentence with no dependency parse: the parsed reader's logic, word order for the tree.

Used for every language whose pipeline is a blank tokeniser with lemmas (no parser on the
package index).  Nothing here may call Token.subtree, .ancestors, .left_edge or .right_edge:
with no parse they read uninitialised memory.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from quidpro.extract.language import Match
from quidpro.extract.quantity import _is_number_token
from quidpro.extract.reader import (
    SEGMENT_BREAKS,
    Mention,
    RawClaim,
    SentenceReader,
    Trigger,
    _most_specific,
    _settle,
    runs_of,
)
from quidpro.models import Quantity

# A lexicon term "sagen ... zu" is a separable verb: the verb (lemma or form), then its particle
# as the last word of the clause ("sagte der Ukraine Panzer zu", "wies die Berichte zurück").
SPLIT = "..."
# An [items] term "-panzer" is a compound head: it names the goods at the end of a longer word
# ("Kampfpanzer", "Bergepanzern"); the whole word, listed on its own, matches first.
HEAD = "-"
_SPLIT_TERMS: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]] = {}
_COMPOUNDS: dict[str, tuple[list[tuple[str, str]], dict[str, str]]] = {}


def _split_terms(lex) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(label, verb words, particle words) of every separable-verb term of a lexicon."""
    if lex.code not in _SPLIT_TERMS:
        groups = [(f"trigger:{k}", v) for k, v in lex.triggers.items()] + \
            [("cue:pledge_modifier", lex.pledge_modifier)] + [(f"cue:{k}", v) for k, v in lex.cues.items()]
        out = []
        for label, terms in groups:
            for term in terms:
                if SPLIT in term:
                    head, _, tail = term.partition(SPLIT)
                    if head.split() and tail.split():
                        out.append((label, tuple(head.split()), tuple(tail.split())))
        _SPLIT_TERMS[lex.code] = out
    return _SPLIT_TERMS[lex.code]


def _compounds(lex) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The compound heads of a lexicon's items (longest first), and its one-word item terms."""
    if lex.code not in _COMPOUNDS:
        heads, words = [], {}
        for label, terms in lex.items.items():
            for term in terms:
                if term.startswith(HEAD) and len(term) > 2:
                    heads.append((term[1:], label))
                elif " " not in term:
                    words.setdefault(term, label)
        _COMPOUNDS[lex.code] = (sorted(heads, key=lambda h: -len(h[0])), words)
    return _COMPOUNDS[lex.code]


_POSTPOSITIONS: dict[str, list[tuple[str, str]]] = {}


def _postpositions(pack) -> list[tuple[str, str]]:
    """(cue, role) of every role cue written with a leading hyphen: a postposition, read after
    the mention ("-에게" recipient, "-로부터" origin); spaces are dropped, as the tokens after
    the mention are compared glued together."""
    lex = pack.lexicon
    if lex.code not in _POSTPOSITIONS:
        out = []
        for role, cues in lex.roles.items():
            for cue in cues:
                if cue.startswith(HEAD) and len(cue) > 1:
                    out.append((cue[1:].lower().replace(" ", ""), role))
        _POSTPOSITIONS[lex.code] = out
    return _POSTPOSITIONS[lex.code]


class LinearReader(SentenceReader):
    # Nothing here may call Token.subtree, .ancestors, .left_edge or .right_edge: with no
    # parse they read uninitialised memory.
    """For languages with no dependency parser (a blank tokeniser and simplemma lemmas): the
    same reading, with the tree replaced by word order.  A token belongs to the nearest act,
    counting a comma as a long way; the first actor with no preposition is the subject, a
    later one the indirect object; cues count within the act's reach."""

    COMMA_COST = 12

    def __init__(self, pack, sent, times, ctx):
        self.split_ends: dict[int, int] = {}
        self._owners: list[Trigger] | None = None
        super().__init__(pack, sent, times, ctx)
        self.items = self._with_compounds(self.items)
        # a one-word troops term right after goods qualifies them: "drones militares"
        self.items = [m for i, m in enumerate(self.items) if not (
            m.label == "troops" and m.end - m.start == 1 and i > 0 and self.items[i - 1].end == m.start
            and self.items[i - 1].label != "troops")]
        # a vehicle that carries the goods: "російський військовий літак доставив до Тегерана гроші"
        verbs = {t.start: t for t in self.triggers if t.cls == "give"}
        self.items = [m for m in self.items if not (
            m.label in ("aircraft", "naval", "armored_vehicles") and m.end in verbs
            and any(n.start > m.end and n.start < self._segment(m.end)[1] for n in self.items))]
        # a unit of troops before goods counts the goods: "три полка зенитных ракетных систем С-400"
        self.items = [m for m in self.items if not (m.label == "troops" and any(
            n.start == m.end and n.label not in ("troops", "weapons_unspecified") for n in self.items))]
        self.items = self._for_platform(self.items)
        self._owners = None     # (ownership depends on the goods: computed again with the compounds)

    PLATFORM_GOODS = ("nuclear", "air_defense", "drones", "aircraft", "naval", "armored_vehicles", "missiles",
                      "artillery", "small_arms")

    def _for_platform(self, items: list[Match]) -> list[Match]:
        """Goods for a weapon (a one-word recipient cue between: "para", "für", "для") are the
        goods, not the weapon: "munición para tanques" is ammunition; and missiles for an
        air-defence system are air defence: "misiles para baterías antiaéreas Patriot"."""
        recipient = {w.lower() for w in self.lex.roles.get("recipient", []) if " " not in w}
        dets = {d.lower() for d in self.lex.cues.get("determiners", [])}
        out: list[Match] = []
        dropped: set[int] = set()
        for k, m in enumerate(items):
            if k in dropped:
                continue
            nxt = items[k + 1] if k + 1 < len(items) else None
            gap = self.doc[m.end:nxt.start] if nxt is not None else []
            if nxt is not None and len(gap) and gap[0].lower_ in recipient \
                    and all(t.lower_ in dets for t in gap[1:]) \
                    and m.label in self.PLATFORM_GOODS + ("military_technology",) and nxt.label in self.PLATFORM_GOODS:
                dropped.add(k + 1)
                j = k + 2       # and the rest of the weapon's name: "los tanques Leopard"
                while j < len(items) and items[j].start <= items[j - 1].end + 1 and items[j].label in self.PLATFORM_GOODS:
                    dropped.add(j)
                    j += 1
                if m.label == "missiles" and nxt.label == "air_defense":
                    m = Match(m.start, m.end, "air_defense")
            out.append(m)
        return out

    # -- separable verbs and compounds ------------------------------------------------
    def _split_matches(self) -> list[tuple[int, int, str]]:
        """(verb index, particle index, label) of each separable verb of the sentence: the
        particle ends the clause (before punctuation, the sentence's end or "und")."""
        out = []
        joining = {w.lower() for w in self.lex.cues.get("coordination", [])}
        for label, head, tail in _split_terms(self.lex):
            n, m = len(head), len(tail)
            for i in range(self.sent.start, self.sent.end - n):
                if not all(self.doc[i + k].lemma_ == w or self.doc[i + k].lower_ == w for k, w in enumerate(head)):
                    continue
                j = i + n
                # a speech verb set off by a comma reaches over its speaker's apposition:
                # ", kündigte der Sekretär des Sicherheitsrats, Sergej Schoigu, am Dienstag an."
                inverted = i > self.sent.start and self.doc[i - 1].text == ","
                while j + m <= self.sent.end and (not self.doc[j].is_punct or inverted and self.doc[j].text == ","):
                    after = j + m
                    if tuple(t.lower_ for t in self.doc[j:after]) == tail and (
                            after >= self.sent.end or self.doc[after].is_punct or self.doc[after].lower_ in joining):
                        out.append((i, j, label))
                        break
                    j += 1
        return out

    def _drop_shadowed_cues(self) -> None:
        """A cue word inside a longer cue of another kind is that cue's: "no menos de 50" is an
        approximation, not a negation; "según se informa" a hedge with no named source."""
        inside = {"cue:negation": "cue:approx", "cue:attribution_prep": "cue:reported"}
        spans = {k: [(c.start, c.end) for c in self.cues if c.label == k] for k in inside.values()}
        kept = [c for c in self.cues if not (c.label in inside and any(
            lo <= c.start and c.end <= hi for lo, hi in spans[inside[c.label]]))]
        # and a state's name is no cue word: "Irão" (Iran) is also "irão" (they will go)
        kept = [c for c in kept if not any(self.doc[i]._.actor is not None for i in range(c.start, c.end))]
        # a report verb inside a longer hedge is the hedge's: "secondo quanto riferito, ..." names
        # no speaker
        hedges = [(c.start, c.end) for c in self.cues if c.label == "cue:reported" and c.end - c.start > 1]
        kept = [c for c in kept if not (c.label == "cue:speech" and any(
            lo <= c.start and c.end <= hi and hi - lo > c.end - c.start for lo, hi in hedges))]
        # an attribution word after a determiner is an ordinal or a noun: "un secondo sistema",
        # "um segundo lote"
        dets = {d.lower() for d in self.lex.cues.get("determiners", [])}
        kept = [c for c in kept if not (c.label == "cue:attribution_prep" and c.start > self.sent.start
                                        and self.doc[c.start - 1].lower_ in dets)]
        if len(kept) != len(self.cues):
            self.cues = kept
            self.cue_tokens = {}
            for c in self.cues:
                self.cue_tokens.setdefault(c.label[4:], set()).update(range(c.start, c.end))

    def _ends_with_speaker(self, trig: Trigger, found: list[Trigger]) -> bool:
        """Whether only the speaker follows a verb to the sentence's end: "..., anunciou na
        segunda-feira a agência de compras de defesa de Seul." """
        rest = [t for t in self.doc[trig.end:self.sent.end] if not t.is_punct or t.text == "-"]
        return 0 < len(rest) <= 20 and not any(t.is_punct and t.text != "-" for t in self.doc[trig.end:self.sent.end - 1]) \
            and not any(u.start > trig.start and u.cls not in ("buy", "give_noun", "deploy_noun") for u in found) \
            and not any(m.start >= trig.end for m in self.pack.find("items", self.sent))

    def _find_triggers(self) -> list[Trigger]:
        self._drop_shadowed_cues()
        split = self._split_matches()
        verbs = {i for i, _, _ in split}
        self.split_ends = {i: j for i, j, _ in split}
        if verbs:
            # the verb's token reads as its separable verb only: "sagte ... zu" says no word
            self.cues = [c for c in self.cues if not (c.end - c.start == 1 and c.start in verbs)]
            self.cues += [Match(i, i + 1, label) for i, _, label in split if label.startswith("cue:")]
            self.cue_tokens = {}
            for c in self.cues:
                self.cue_tokens.setdefault(c.label[4:], set()).update(range(c.start, c.end))
        found = [t for t in super()._find_triggers() if t.token.i not in verbs]
        # a word inside the name of the goods is no act: "carros de combate" ("combate" -> "combater")
        named = [m for m in self.pack.find("items", self.sent) if m.end - m.start > 1]
        found = [t for t in found if not any(m.start <= t.start and t.end <= m.end for m in named)]
        found += [Trigger(self.doc[i], label[8:], i, i + 1) for i, _, label in split
                  if label.startswith("trigger:")]
        found.sort(key=lambda t: t.start)
        # A speech verb set off by a comma after an act reports it, whatever else it can mean:
        # "Nordkorea wird Soldaten entsenden, kündigte Schoigu an" (no pledge of Schoigu's own).
        speech = self.cue_tokens.get("speech", set())
        reports = {t.token.i for t in found if t.token.i in speech and t.start > self.sent.start
                   and self.doc[t.start - 1].text == "," and (any(u.start < t.start for u in found)
                                                             or self._ends_with_speaker(t, found))}
        if reports:
            self.cue_tokens.get("pledge_modifier", set()).difference_update(reports)
            found = [t for t in found if t.token.i not in reports]
        # A verb that approves a promise or a pact ("billigen") is the pact's with a treaty noun in
        # its clause: "hatte die Duma einen Vertrag über eine Partnerschaft gebilligt".
        pacts = [m.start for m in self.pack.find("agreement_nouns", self.sent)]
        signing = set(self.lex.triggers.get("agreement", []))
        for k, t in enumerate(found):
            lo, hi = self._segment(t.start)
            if t.cls == "pledge" and (t.token.lemma_ in signing or t.token.lower_ in signing) \
                    and any(lo <= p < hi for p in pacts):
                found[k] = Trigger(t.token, "agreement", t.start, t.end)
        # A promise or an order said of the goods in the clause that delivers them: "hat der
        # Ukraine das erste von vier zugesagten Systemen übergeben" (delivered, and promised).
        self.promised: set[int] = set()
        dets = {d.lower() for d in self.lex.cues.get("determiners", [])}
        goods = {m.start for m in self.pack.find("items", self.sent)}
        figures = {t.i for t in self.sent if _is_number_token(t, self.pack)}
        for t in list(found):
            before = self.doc[t.start - 1] if t.start > self.sent.start else None
            if t.cls not in ("pledge", "buy") or t.end not in goods or before is None \
                    or not (before.lower_ in dets or before.i in figures or (
                        before._.actor is not None and self._cue_before(before.i) is not None)):
                # (after an article, a figure, or a phrase of its own: "das bei TKMS bestellte U-Boot")
                continue
            _, hi = self._segment(t.start)
            give = next((u for u in found if u.cls == "give" and t.start < u.start < hi), None)
            if give is not None:
                found.remove(t)
                self.promised.add(give.token.i)
                self.cue_tokens.get("pledge_modifier", set()).discard(t.token.i)
        # ... or just after them, in a relative clause with no subject of its own: "entregó a
        # Ucrania el primero de los cuatro sistemas IRIS-T que le había prometido"
        spans = self.pack.find("items", self.sent)
        for t in list(found):
            lo, _ = self._segment(t.start)
            give = next((u for u in reversed(found) if u.cls == "give" and lo <= u.start < t.start), None)
            if t.cls != "pledge" or give is None or t is not found[-1]:
                continue
            last = max((m.end for m in spans if give.end <= m.start and m.end <= t.start), default=None)
            if last is not None and t.start - last <= 5 and not any(
                    self.doc[i]._.actor is not None or self.doc[i].is_punct for i in range(last, t.start)):
                found.remove(t)
                self.promised.add(give.token.i)
                self.cue_tokens.get("pledge_modifier", set()).discard(t.token.i)
        return found

    # weapons that make a contract a sale, not a pact
    SALE_GOODS = ("air_defense", "missiles", "artillery", "small_arms", "armored_vehicles", "aircraft",
                  "drones", "naval")

    def _agreement(self, trig, parties, certainty, source, when):
        # "Den Vertrag über die Raketenwerfer sollen Neu-Delhi und Eriwan unterzeichnet haben":
        # a contract for weapons is a sale in one direction (CLAIMS.md section 2), no pact.
        for n in self._agreement_nouns(trig):
            _, hi = self._segment(n.start)
            if any(n.end <= m.start < hi and m.label in self.SALE_GOODS for m in self.items):
                return []
        # "Южная Корея, которая отказывалась поставлять Украине оружие, после подписания
        # договора ...": a pact with no party of its own does not borrow the states of another act
        if not parties and any(self.owner(m.root) not in (trig, None) for m in self.mentions):
            return []
        out = super()._agreement(trig, parties, certainty, source, when)
        # a bare "agreement" about something else ("рамкову угоду про спільне використання
        # корисних копалин"): no pact unless the sentence says something military
        if self.STRICT_PACTS and out and not out[0].items and not self.items:
            return []
        return out

    STRICT_PACTS = True

    def _items_for(self, trig: Trigger, single: bool, zone: bool) -> set[str]:
        items = super()._items_for(trig, single, zone)
        if items or trig.cls not in ("give", "receive", "buy", "pledge"):
            return items
        # a second act joined to the first with no goods of its own shares them: "caccia MiG-29,
        # sei dei quali donati dalla Russia e altri quattro ceduti dalla Bielorussia"
        before = [t for t in self.triggers if t.start < trig.start]
        if not before or before[-1].cls != trig.cls:
            return items
        prev = before[-1]
        joining = {w.lower() for w in self.lex.cues.get("coordination", [])}
        gap = self.doc[prev.end:trig.start]
        # (or the first act is in a clause set off inside the subject's, and the second, the main
        # verb, names no goods: "Słowacja, która zobowiązała się oddać 13 MiG-ów, przekazała już
        # Ukrainie pierwsze cztery z nich")
        inserted = self._segment(prev.token.i)[0] > self.sent.start and bool(self._fronted_subject(trig, [])) \
            and self._segment(trig.token.i)[0] > self._segment(prev.token.i)[0] \
            and not any(t.text in (";", ":", "(", ")") for t in gap)
        if inserted:
            return super()._items_for(prev, single, zone)
        if not any(t.lower_ in joining for t in gap) or any(t.text in (";", ":", "(", ")") for t in gap) \
                or any(prev.end <= m.start < trig.start for m in self.items):
            return items
        return super()._items_for(prev, single, zone)

    def quantity_for(self, trig, quantities, single):
        # a year is a time, not a count: "seit 2017 sind deutsche Soldaten ... stationiert"
        spans = [(t.start, t.end) for t in self.times]
        quantities = [q for q in quantities if not any(
            a <= self.doc[q.start].idx < b or a < self.doc[q.end - 1].idx + len(self.doc[q.end - 1]) <= b
            for a, b in spans)]
        return super().quantity_for(trig, quantities, single)

    def read(self):
        claims = super().read()
        zone = self.exchange_zone
        if zone is None or not self._postposed_exchange() or any(c.exchange_of is not None for c in claims):
            return claims
        # a postposed exchange: the main act comes after what is given back for it; the given
        # back goes the other way ("[북한이 포탄을 제공한] 대가로 러시아는 기술을 이전했다")
        main = next((k for k, c in enumerate(claims) if not c.in_zone), None)
        if main is not None:
            for c in claims:
                if c.in_zone:
                    c.exchange_of = main
        return claims

    def _claims_for(self, trig, quantities, single):
        claims = super()._claims_for(trig, quantities, single)
        if self.exchange_zone is not None:
            for c in claims:
                c.in_zone = self.exchange_zone[0] <= trig.start < self.exchange_zone[1]
        if any(c.when is None for c in claims) and (trig.cls == "pledge" or self._is_future(trig)):
            # the time of a promise is when it was made, though said in the speaker's words:
            # "Nordkorea wird Soldaten entsenden, kündigte Schoigu am Dienstag an"
            lo, hi = self.sent.start_char, self.sent.end_char
            when = next((t.edtf for t in self.times if t.edtf and lo <= t.start < hi), None)
            for c in claims:
                c.when = c.when or when
        # "..., Нідерланди — 24": a gapped giver's own figure, after its dash
        # (and its own time, if any: "а Бельгія — 30 до 2028 року")
        gapped = {m.code: m for m in self.mentions if self._gapped(m)}
        for c in claims:
            m = gapped.get(c.from_)
            if m is None:
                continue
            if c.quantity is not None:
                figure = self.doc[m.end + 1].text
                c.quantity = Quantity(int(figure), c.quantity.unit, False) if figure.isdigit() else None
            end = next((t.i for t in self.doc[m.end + 1:self.sent.end] if t.text in (",", ";")), self.sent.end)
            lo, hi = self.doc[m.start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
            c.when = next((t.edtf for t in self.times if t.edtf and lo <= t.start and t.end <= hi), None)
        if trig.token.i in self.promised:
            # (promised before the delivery's date: the promise's own time is not given)
            claims += [RawClaim("pledge", c.from_, c.to, set(c.items), quantity=c.quantity, when=None,
                                source=c.source, certainty=c.certainty)
                       for c in claims if c.kind == "transfer"]
        # A giver announcing its own pledge states it: "..., wie der britische Premierminister
        # Keir Starmer bekanntgab" (CLAIMS.md section 5).
        for c in claims:
            if c.kind == "pledge" and c.certainty == "reported" and c.source and c.from_ and any(
                    m.code == c.from_ and self.doc[m.start:m.end].text == c.source for m in self.mentions):
                c.certainty, c.source = "asserted", None
        return claims

    def _with_compounds(self, items: list[Match]) -> list[Match]:
        """Goods named by a compound's last part: "Eurofighter-Kampfjets" (a hyphenated word
        whose last part is an item), "Bergepanzer" (a listed compound head)."""
        heads, words = _compounds(self.lex)
        taken = {i for m in items for i in range(m.start, m.end)}
        extra = []
        for tok in self.sent:
            if tok.i in taken or tok._.actor is not None or tok.is_punct or tok.like_num:
                continue
            forms = (tok.lemma_.lower(), tok.lower_)
            label = next((words[f.rsplit("-", 1)[1]] for f in forms
                          if "-" in f.strip("-") and f.rsplit("-", 1)[1] in words), None)
            if label is None:
                label = next((lb for h, lb in heads for f in forms if f.endswith(h) and len(f) > len(h) + 2), None)
            if label is not None:
                extra.append(Match(tok.i, tok.i + 1, label))
        if not extra:
            return items
        return _most_specific(sorted(items + extra, key=lambda m: m.start), self.doc)

    def when_for(self, trig: Trigger, single: bool) -> str | None:
        """As the parsed reader's, but a time nearer a speech verb than the act is when it was
        said ("confirmó el lunes que unidades norcoreanas han sido desplegadas"), and one nearer a
        denial when it was denied ("negó este miércoles haber enviado"); a promise takes it all
        the same (see _claims_for)."""
        speech = self._speech_indices | self.cue_tokens.get("denial", set())
        for t in self.times:
            if t.edtf is None:
                continue
            toks = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if toks is None or not any(self._belongs(x, trig, False) for x in toks):
                continue
            if speech and min(abs(toks.start - i) for i in speech) < abs(toks.start - trig.token.i):
                continue
            return t.edtf
        return None

    def owner(self, tok: Token) -> Trigger | None:
        if tok.i in self.trigger_index:
            return self.trigger_index[tok.i]
        if not self.sent.start <= tok.i < self.sent.end:
            return None     # a time in the paragraph's other sentences is not this sentence's
        # what follows a word of making, testing or asking, with no act between, is its
        # ("..., без которых Россия не смогла бы выпускать ракеты, танки и беспилотники")
        blocks = [i for i in self.cue_tokens.get("block", ()) if i < tok.i
                  and i not in self.cue_tokens.get("pledge_modifier", ())]    # ("will liefern": see _blocked)
        if blocks and not any(max(blocks) < t.start <= tok.i for t in self.triggers):
            # (but not over a comma into a clause with an act of its own: "Según un informe
            # presentado ante el Congreso, unos quinientos militares de EE UU están destinados en")
            lo, hi = self._segment(tok.i)
            if not (max(blocks) < lo and any(lo <= t.start < hi for t in self.triggers)):
                return None
        # a clause opened by a consequence relative ([cues] consequence: ", lo que llevó a Pekín a
        # sancionar") with no act of its own says what followed, not who took part
        lo, hi = self._segment(tok.i)
        if lo in self.cue_tokens.get("consequence", ()) and not any(lo <= t.start < hi for t in self.triggers):
            return None
        return self._nearest(tok, self._owning_triggers())

    def _owning_triggers(self) -> list[Trigger]:
        """The acts words can belong to: not one read through another (see _absorbed), and not
        a receiving or arriving verb with no goods of its own after an act that has some ("enviados
        al este de Rusia para recibir entrenamiento": Russia is where the soldiers go, not who
        receives; "los seis carros enviados por España llegaron a Ucrania": both are the sending's;
        but "das bei TKMS bestellte U-Boot ist an die ägyptische Marine übergeben worden")."""
        if self._owners is None:
            base = [t for t in self.triggers if not self._absorbed(t)]
            self._owners = base
            goods = [self.doc[m.start] for m in self.items] + [t for t in self.sent if t.like_num]
            having = {id(self._nearest(t, base)) for t in goods}
            # (an act blocked by a request or an intent keeps its words: "Alemania, que quería
            # enviarla a Ucrania")
            # (and a delivery noun with no goods: "zaprzeczył, by Warszawa wstrzymała wszystkie
            # dostawy, ... w tym dostawy amunicji")
            self._owners = [t for t in base if id(t) in having or self._near(t.token, "block")
                            or (t.cls not in ("receive", "buy", "arrive")
                                or not any(id(u) in having and u.start < t.start for u in base))
                            and (t.cls != "give_noun" or not having)] or base
        return self._owners

    def _absorbed(self, trig: Trigger) -> bool:
        """An act read through another one: a promise of a later delivery ("versprach, Panzer zu
        liefern", "prometió enviar"), the signing of a contract to buy ("firmó contratos para
        adquirir"), a delivery noun that is the object of the verb before it ("ha recibido un
        nuevo envío de", "aprobó el envío de")."""
        later = [t for t in self.triggers if t.start > trig.start]
        if trig.cls == "pledge":
            return any(t.cls in ("give", "deploy") for t in later)
        if trig.cls == "buy":
            # a purchase with no party of its own in its clause, after a gift, is what the gift
            # pays for ("виділить Україні 2,5 млрд фунтів ..., з яких 200 млн буде спрямовано на
            # закупівлю безпілотників"): its goods are the gift's
            lo, hi = self._segment(trig.token.i)
            gifts = [t for t in self.triggers if t.start < lo and t.cls in ("give", "pledge")]
            return bool(gifts) and not any(lo <= m.start < hi for m in self.mentions)
        if trig.cls == "agreement":
            lo, hi = self._segment(trig.token.i)
            # (a deal to supply in one direction is a pledge: "firmaron un acuerdo para el
            # suministro de cazas", "firmaron los documentos que regulan el despliegue de armas";
            # with the verb last, the deal comes before it: "Verträge über den Kauf von Panzern
            # unterzeichnet")
            earlier = [t for t in self.triggers if lo <= t.start < trig.start]
            return any(t.cls in ("give", "buy", "give_noun", "deploy", "deploy_noun") and t.start < hi
                       for t in later + earlier)
        if trig.cls == "give":
            # a participle just after the goods of a receiving verb names who gave them, one act
            # with it: "l'Ucraina ha ricevuto il sistema SAMP/T, fornito congiuntamente da Italia e
            # Francia" (the receiving verb takes the agent as its giver)
            got = [t for t in self.triggers if t.end <= trig.start]
            if got and got[-1].cls == "receive":
                goods_end = max((m.end for m in self.items if got[-1].end <= m.start and m.end <= trig.start),
                                default=None)
                if goods_end is not None:
                    gap = self.doc[goods_end:trig.start]
                    if len([t for t in gap if not t.is_punct]) <= 1 and not any(
                            self.doc[i]._.actor is not None or self.doc[i].like_num
                            for i in range(got[-1].end, trig.start)):
                        return True
        if trig.cls in ("give_noun", "deploy_noun"):
            verbs = [t for t in self.triggers if t.start < trig.start]
            if verbs and verbs[-1].cls in ("give", "receive", "buy", "pledge", "deploy"):
                gap = self.doc[verbs[-1].end:trig.start]     # ("ha recibido de Irán varios cargamentos de")
                if len(gap) <= 8 and not any(t.is_punct for t in gap):
                    return True
            # with the verb last, the noun is its object before it: "hatte die Lieferung einer
            # Patriot-Batterie beim Besuch Selenskyjs zugesagt"
            _, hi = self._segment(trig.token.i)
            after = [t for t in self.triggers if trig.start < t.start < hi]
            return bool(after) and after[0].cls in ("pledge", "give", "receive", "buy") \
                and after[0].start - trig.end <= 12
        return False

    def _nearest(self, tok: Token, triggers: list[Trigger]) -> Trigger | None:
        if triggers and _postpositions(self.pack):
            # A language with postpositions puts a verb's words before it (head last: "북한이
            # 러시아에 포탄을 보냈다"): a word belongs to the first act after it, else the last one
            after = [t for t in triggers if t.token.i >= tok.i]
            return min(after, key=lambda t: t.token.i) if after else max(triggers, key=lambda t: t.token.i)
        goods = any(m.start <= tok.i < m.end for m in self.items)
        verbs = [t for t in triggers if t.cls not in ("give_noun", "deploy_noun") and t.start < tok.i]
        lo_seg, _ = self._segment(tok.i)
        if goods:
            # goods are never a pact's ("..., incluidos misiles ..., en virtud del acuerdo firmado")
            triggers = [t for t in triggers if t.cls != "agreement"] or triggers
        if verbs and verbs[-1].start >= lo_seg:
            # goods after a verb are its object, not those of a noun that follows them ("entregará
            # las 400 bombas cuya venta había paralizado")
            triggers = [t for t in triggers if not (t.cls in ("give_noun", "deploy_noun") and t.start > tok.i
                                                    and self._segment(t.start)[0] == lo_seg)] or triggers
        best, best_cost = None, None
        for trig in triggers:
            lo, hi = sorted((tok.i, trig.token.i))
            commas = sum(1 for t in self.doc[lo:hi] if t.text in (",", ";", ":", "(", ")"))
            cost = hi - lo + self.COMMA_COST * commas
            if best_cost is None or cost < best_cost:
                best, best_cost = trig, cost
        return best

    def subject(self, trig: Trigger) -> tuple[Token | None, bool]:
        return None, False

    def role_cue(self, m: Mention) -> str | None:
        cue = super().role_cue(m)
        if cue == "genitive" and self._government_of(m):
            return None     # "El Gobierno de Brasil se negó a vender": the state itself
        if cue is None and m.demonym and m.start - 1 > self.sent.start \
                and any(it.end == m.start for it in getattr(self, "items", [])):
            # an adjective after the forces it names takes their preposition: "al fianco delle
            # forze russe", "a las fuerzas ucranianas"
            before = self._cue_before(next(it.start for it in self.items if it.end == m.start))
            if before in ("recipient", "destination", "origin", "agent"):
                return before
        if cue is None and m.demonym and m.start - 1 > self.sent.start and hasattr(self, "items"):
            # and after another noun: "la transferencia de tecnología a la industria brasileña"
            prev = self.doc[m.start - 1]
            if prev.is_alpha and prev._.actor is None and prev.i not in self.trigger_index \
                    and not any(x.start <= prev.i < x.end for x in self.items):
                before = self._cue_before(prev.i)
                if before in ("recipient", "destination"):
                    return before
        return cue if cue is not None else self._cue_after(m)

    def _of_troops(self, m: Mention) -> bool:
        """Whether a genitive actor says whose the troops just before it are: "soldados de
        Corea del Norte", "militari della Russia"."""
        dets = {d.lower() for d in self.lex.cues.get("determiners", [])}
        gen = {w.lower() for w in self.lex.roles.get("genitive", [])}
        j = m.start - 1
        while j > self.sent.start and self.doc[j].lower_ in dets:
            j -= 1
        if j <= self.sent.start or self.doc[j].lower_ not in gen:
            return False
        return any(it.label == "troops" and it.end == j for it in getattr(self, "items", []))

    def _government_of(self, m: Mention) -> bool:
        """Whether the mention names whose government (country, state) the noun before it is:
        "el Gobierno de Brasil", "o governo da Hungria"."""
        dets = {d.lower() for d in self.lex.cues.get("determiners", [])}
        own = {w.lower() for w in self.lex.cues.get("self_reference", [])}
        j = m.start
        while j > self.sent.start and self.doc[j - 1].lower_ in dets:
            j -= 1
        return j - 2 >= self.sent.start and (self.doc[j - 2].lower_ in own or self.doc[j - 2].lemma_.lower() in own)

    def _cue_after_word(self, j: int) -> str | None:
        """The role of the postposition that starts at token j, if any."""
        glued = ""
        for t in self.doc[j:min(self.sent.end, j + 4)]:
            glued += t.lower_
            role = next((r for c, r in _postpositions(self.pack) if c == glued), None)
            if role is not None:
                return role
        return None

    def _cue_after(self, m: Mention) -> str | None:
        """A postposition after the mention: role cues written with a leading hyphen in the
        lexicon ("-에게", "-로부터").  Head nouns listed as determiners may come between
        ("러시아 정부에"), and coordinated actors share the last one's ("북한과 러시아에")."""
        after = _postpositions(self.pack)
        if not after:
            return None
        dets = {d.lower() for d in self.lex.cues.get("determiners", [])}
        joining = {w.lower() for w in self.lex.cues.get("coordination", [])}
        starts = {x.start: x for x in self.mentions}
        j = m.end
        for _ in range(8):
            # head nouns and names of places the actor qualifies: "러시아 쿠르스크 전선에"
            while j < self.sent.end and (self.doc[j].lower_ in dets or (
                    self.doc[j].pos_ == "PROPN" and self.doc[j]._.actor is None)):
                j += 1
            if j + 1 < self.sent.end and self.doc[j].lower_ in joining and j + 1 in starts:
                j = starts[j + 1].end       # "북한과 러시아에": past the next actor
                continue
            break
        nouns = {t.token.i for t in self.triggers if t.cls in ("give_noun", "deploy_noun")}
        if j == m.end and j in nouns and m.start - 2 >= self.sent.start and any(
                x.end == m.start - 1 for x in self.mentions) and self._cue_after_word(m.start - 1) == "genitive":
            return "destination"    # "북한의 러시아 파병": whose act, then where to
        glued = [""]
        for t in self.doc[j:min(self.sent.end, j + 4)]:
            glued.append(glued[-1] + t.lower_)
        best: tuple[int, str] | None = None
        for cue, role in after:
            if cue in glued and (best is None or len(cue) > best[0]):
                best = (len(cue), role)
        return best[1] if best else None

    def _segment(self, i: int) -> tuple[int, int]:
        """The stretch between commas (or other clause punctuation) around a token; where a
        tagger marks converbs, a clause also ends after one ("제공하고 있으며 | 검토하고 있다")."""
        lo = i
        while lo > self.sent.start and self.doc[lo - 1].text not in SEGMENT_BREAKS and not self._clause_end(lo - 1):
            lo -= 1
        hi = i
        while hi < self.sent.end and self.doc[hi].text not in SEGMENT_BREAKS:
            hi += 1
            if self._clause_end(hi - 1):
                break
        return lo, hi

    def _clause_end(self, i: int) -> bool:
        """A converb that no auxiliary continues ("제공하고 있으며": "제공하고" goes on in "있으며")."""
        if "Conv" not in self.doc[i].morph.get("VerbForm"):
            return False
        return i + 1 >= self.sent.end or self.doc[i + 1].pos_ != "AUX"

    # Cues that reach past a comma: a hedge set off by commas ("КНДР, вероятно, поставляет",
    # "Iran habe, so heißt es, geliefert") and a denial, hedge or report that ends the clause
    # before ("отрицали, что КНДР поставляет", "zaprzecza, jakoby", "wahrscheinlich, dass").
    CLAUSE_CUES = ("denial", "speculative", "reported")

    def _near(self, tok: Token, label: str, hops: int = 3) -> bool:
        """A cue counts inside the act's own clause: "könnte liefern", not a hedge in a
        relative clause after the comma."""
        lo, hi = self._segment(tok.i)
        marks = self.cue_tokens.get(label, set())
        if any(lo <= i < hi for i in marks):
            return True
        if label not in self.CLAUSE_CUES or not marks:
            return False
        before = lo - 2 if lo - 2 >= self.sent.start and self.doc[lo - 2].text not in SEGMENT_BREAKS else None
        after = hi + 1 if hi + 1 < self.sent.end and self.doc[hi + 1].text not in SEGMENT_BREAKS else None
        for j in (before, after):
            if j is None:
                continue
            a, b = self._segment(j)
            if all(i in marks or self.doc[i].is_punct for i in range(a, b)):
                return True     # a parenthetical: ", вероятно,"
        # (a split cue ends its clause with its particle: "wies die Berichte zurück, wonach ...")
        ends = getattr(self, "split_ends", {})
        return before is not None and (before in marks or any(ends.get(i) == before for i in marks)) \
            and not self._segment_has_trigger(before)

    def _np_end(self, i: int) -> int:
        """With no tagger the phrase after "laut", "nach Angaben" ends at punctuation, an act,
        the goods, a figure, or a bare actor that starts the clause after it ("Nach Angaben des
        südkoreanischen Geheimdienstes hat Pjöngjang ... geliefert")."""
        end = super()._np_end(i)
        dets = {d.lower() for d in self.lex.cues.get("determiners", [])}
        starts = {m.start: m for m in self.mentions}
        goods = {m.start for m in getattr(self, "items", [])}
        for j in range(i + 1, end):
            m = starts.get(j)
            if j in self.trigger_index or self.doc[j].like_num or j in goods:
                return j
            if m is not None and not m.demonym and not m.person and self.role_cue(m) is None \
                    and self.doc[j - 1].lower_ not in dets and self.doc[j - 1]._.actor is None \
                    and (not self.doc[j - 1].text[:1].isupper() or self._last_before_act(m)):
                # (after a capitalised word it is a name in apposition: "Geheimdienst NIS", unless
                # no other actor stands before the act: "Według Reutersa Iran przekazał")
                return j
        return end

    def _last_before_act(self, m: Mention) -> bool:
        """Whether an act follows the mention with no actor and no punctuation between."""
        for j in range(m.end, self.sent.end):
            if j in self.trigger_index:
                return True
            if self.doc[j].is_punct or self.doc[j]._.actor is not None:
                return False
        return False

    def _segment_has_trigger(self, i: int) -> bool:
        a, b = self._segment(i)
        return any(a <= t.start < b for t in self.triggers)

    def _governs(self, verb: Token, tok: Token) -> bool:
        return True   # a speech verb anywhere in the sentence reports what it says

    def _speech_verbs(self) -> list[Token]:
        # no tagger to tell verbs from nouns: a speech term outside the act's own words
        idx = self.cue_tokens.get("speech", set()) - self.cue_tokens.get("pledge_modifier", set())
        # a denial that ends its clause denies the next one, and its subject is who denies:
        # "Москва и Пхеньян отрицали, что КНДР поставляет России оружие"
        idx = idx | {i for i in self.cue_tokens.get("denial", set())
                     if i + 1 < self.sent.end and self.doc[i + 1].text == ","}
        # and one whose clause has a subject of its own: "Moscú y Pionyang niegan que Corea del
        # Norte haya suministrado" (but "Irán niega haber enviado": Iran is who sends)
        idx = idx | {i for i in self.cue_tokens.get("denial", set()) if self._clause_subject_after(i)}
        # a speech term of several words ("ha detto", "hat gesagt") is one verb, its last word
        speech = self.cue_tokens.get("speech", set())
        idx = {i for i in idx if not (i in speech and i + 1 in speech and i + 1 < self.sent.end)}
        return [self.doc[i] for i in sorted(idx) if i not in self.trigger_index]

    def _speech_start(self, i: int) -> int:
        """The first word of the speech term ending at a word: "ha" of ", ha detto il ministro"."""
        speech = self.cue_tokens.get("speech", set())
        while i - 1 > self.sent.start and i - 1 in speech and i in speech:
            i -= 1
        return i

    def _bare_infinitive(self, trig: Trigger, verb: Token) -> bool:
        """An infinitive that ends the clause after a comma, behind a short particle: "bestreitet,
        Russland mit Waffen zu versorgen" -- its subject is the speaker's, a bare actor in it is
        whom it is for."""
        tok = trig.token
        end = trig.end
        while end < self.sent.end and not self.doc[end].is_punct:
            end += 1
        tail = self.doc[trig.end:end]
        before = self.doc[trig.start - 1]

        def particle(t: Token) -> bool:
            return t.text.islower() and len(t.text) <= 3 and t._.actor is None
        # "zu liefern", and a past one: "geschickt zu haben"
        infinitive = (not len(tail) and tok.lower_ == tok.lemma_ and particle(before)) or (
            len(tail) == 2 and particle(tail[0]) and tail[1].text.islower() and tail[1].lower_ == tail[1].lemma_)
        breaks = [j for j in range(verb.i + 1, trig.start) if self.doc[j].text in SEGMENT_BREAKS]
        # (an actor after the verb, before the comma, is whom it speaks of, and the subject:
        # "werfen Teheran vor, Russland zu beliefern")
        return infinitive and bool(breaks) and not any(verb.i < m.start < breaks[0] for m in self.mentions)

    def _clause_subject_after(self, i: int) -> bool:
        """Whether a bare actor (no preposition before it) stands between a word and the next act:
        the reported clause has a subject of its own."""
        nxt = min((t.start for t in self.triggers if t.start > i), default=None)
        if nxt is None or not hasattr(self, "mentions"):
            return False
        # (or one marked as the giver: "acusa a Irán de enviar")
        return any(i < m.start < nxt and self.role_cue(m) in (None, "origin") for m in self.mentions)

    def _inverted_speaker(self, verb: Token) -> Span | None:
        """The words after a speech verb set off by a comma: ", sagte ein Beamter"."""
        end = verb.i + 1
        while end < self.sent.end and not self.doc[end].is_punct:
            end += 1
        if verb.i in self.split_ends:
            # ", kündigte der Sekretär des Sicherheitsrats, Sergej Schoigu, am Dienstag an."
            end = self.split_ends[verb.i]
        else:
            end = self._apposition_end(end)
        after = self.doc[verb.i + 1:end]
        # up to the sentence's end it may be long: ", заявил в четверг координатор Совета
        # национальной безопасности США по стратегическим коммуникациям Джон Кирби."
        limit = 20 if end >= self.sent.end - 1 or verb.i in self.split_ends else 8
        # a speaker names no act: ", informó de que Pionyang ha enviado ..." is what is said
        if any(verb.i < t.start < end for t in self.triggers):
            return None
        first = self._speech_start(verb.i)
        if first > self.sent.start and self.doc[first - 1].is_punct and 0 < len(after) <= limit:
            return after
        return None

    def _apposition_end(self, end: int) -> int:
        """Past the name that ends a sentence after a title and a comma: "..., según el asesor de
        seguridad nacional, Shin Won-sik." """
        last = self.sent.end - (1 if self.doc[self.sent.end - 1].is_punct else 0)
        tail = self.doc[end + 1:last]
        if end < last and self.doc[end].text == "," and 0 < len(tail) <= 5 and tail[0].text[:1].isupper() \
                and not any(t.is_punct and t.text != "-" for t in tail) \
                and not any(end < t.start < last for t in self.triggers):
            return last
        return end

    def _prepositional_source(self) -> str | None:
        for m in self.cues:
            if m.label == "cue:attribution_prep":
                return self._name_in(m.end, self._apposition_end(self._np_end(m.end)))
        for lo, hi in self._postposed_attributions():
            return self._name_in(lo, hi)
        return None

    def _postposed_attributions(self) -> list[tuple[int, int]]:
        """The phrases before an attribution written after its source ("-에 따르면" in the
        lexicon: "러시아 국방부 관계자에 따르면" -> "러시아 국방부 관계자"): back to the
        previous punctuation, postposition or predicate."""
        cues = [c[1:].lower().replace(" ", "") for c in self.lex.cues.get("attribution_prep", [])
                if c.startswith(HEAD) and len(c) > 1]
        if not cues:
            return []
        out = []
        for k in range(self.sent.start + 1, self.sent.end):
            glued = ""
            for t in self.doc[k:min(self.sent.end, k + 5)]:
                glued += t.lower_
                if glued in cues:
                    break
            else:
                continue
            lo = k
            while lo > self.sent.start and k - lo < 6 and not self.doc[lo - 1].is_punct \
                    and self.doc[lo - 1].pos_ not in ("ADP", "VERB", "ADJ", "AUX"):
                lo -= 1
            if lo < k:
                out.append((lo, k))
        return out

    def _speaker(self, verb: Token) -> str | None:
        after = self._inverted_speaker(verb)
        if after is not None:
            return self._name_in(after.start, after.end)
        start = self.sent.start
        if _postpositions(self.pack):
            # verb last: the speaker stands after the clause it reports ("... 배치됐다고
            # 우크라이나 정보당국이 밝혔다"), unless that clause has no act of its own
            start = max((t.end for t in self.triggers if t.end <= verb.i), default=start)
        name = self._name_in(start, verb.i, names_only=True)
        if name is None and start > self.sent.start:
            # or as the topic that opens the sentence: "신 장관은 [...] 들어간다고 덧붙였다"
            first = min([t.start for t in self.triggers] + [self.sent.start + 3])
            persons = [m for m in self.mentions if m.person and m.start < first]
            names = [t for t in self.doc[self.sent.start:first] if t.pos_ == "PROPN" and t._.actor is None]
            if persons or names:
                name = self.doc[persons[0].start:persons[0].end].text if persons else self._expand_name(names[0].text)
        if name is None:
            # a state or body as the speaker: "Тегеран отрицает, что", "Южнокорейская разведка считает"
            toks = self._speaker_tokens(verb)
            end = verb.i
            if toks:
                # where a tagger marks postpositions, the name ends at one: "국방부가 26일 밝혔다"
                end = next((t.i for t in self.doc[max(toks) + 1:verb.i] if t.pos_ == "ADP"), verb.i)
                if end - max(toks) > 3:
                    end = max(toks) + 1     # the actor alone: "Pjöngjang hatte Ende April bestätigt"
            name = self.doc[min(toks):end].text if toks else None
        if name is None and any(t.pos_ == "PRON" for t in self.doc[max(self.sent.start, verb.i - 3):verb.i]):
            name = self.ctx.last_source     # "... 보인다고 그는 설명했다": he who spoke before
        if name is None and self._clause_subject_after(verb.i):
            # "El servicio de inteligencia surcoreano (NIS) había estimado que ..."
            start = max((t.end for t in self.triggers if t.end <= verb.i), default=self.sent.start)
            before = [m for m in self.mentions if start <= m.start < verb.i]
            if before:
                name = self.doc[start:before[-1].end].text
            elif 0 < verb.i - start <= 8:
                # no actor: the words before the verb ("Analistas consultados por este diario
                # creen que", "Occidente acusa a Teherán de")
                name = self.doc[start:verb.i].text.strip(" ,;:«»\"'") or None
        return name

    def _name_in(self, start: int, end: int, names_only: bool = False) -> str | None:
        persons = [m for m in self.mentions if m.person and start <= m.start and m.end <= end]
        if persons:
            # a known leader's name, without the title before it (which German capitalises):
            # "der britische Premierminister Keir Starmer" -> "Keir Starmer"
            m = persons[-1] if names_only else persons[0]
            return self.doc[m.start:m.end].text
        return super()._name_in(start, end, names_only)

    def _name_runs(self, start: int, end: int) -> list[list[Token]]:
        """With no tagger a name is a run of capitalised words (not a state's name; the
        sentence's first word only with another after it): "Джон Кирби", "Sky News"."""
        actor_toks = {i for m in self.mentions if not m.person for i in range(m.start, m.end)}

        def name_like(t: Token, run: list[Token]) -> bool:
            if t.i in actor_toks or not t.text[:1].isupper():
                return t.pos_ == "PROPN" and t.i not in actor_toks
            if t.i == self.sent.start:
                nxt = self.doc[t.i + 1] if t.i + 1 < self.sent.end else None
                return nxt is not None and nxt.text[:1].isupper() and nxt.i not in actor_toks
            return True
        # a date is no name: "hatte Ende April bestätigt"
        time = self.lex.time
        timewords = {w.lower() for k in ("months", "year_prefix", "vague_year") for p in time.get(k, [])
                     for w in p.split()}
        return [r for r in runs_of(self.doc[start:end], name_like) if not any(t.lower_ in timewords for t in r)]

    def _expand_name(self, name: str) -> str:
        full = super()._expand_name(name)
        if full != name or " " in name or name[:1].isupper() or name[:1].islower():
            return full
        # a script with no case writes names unspaced, surname first: "신 장관" after "신원식"
        return next((f for f in reversed(self.ctx.proper_names)
                     if " " not in f and f.startswith(name) and len(name) < len(f) <= len(name) + 3), name)

    def _speaker_tokens(self, verb: Token) -> set[int]:
        after = self._inverted_speaker(verb)
        if after is not None:
            return set(range(after.start, after.end))
        # "Das Pentagon hatte ... gesprochen": the nearest actor before the verb in its clause
        # (where a tagger marks verbs, not one beyond an act's verb: "북한이 러시아에 ... 보냈다고
        # 동아일보가 보도했다" -- the speaker stands after the reported clause)
        lo, _ = self._segment(verb.i)
        if lo == verb.i and lo > self.sent.start + 1 and self.doc[lo - 1].text == ",":
            # "..., Mark Rutte, confirmó": the speaker set off before the verb, when no act is there
            prev_lo, _ = self._segment(lo - 2)
            if not any(prev_lo <= t.start < lo for t in self.triggers):
                lo = prev_lo
        before = [m for m in self.mentions if lo <= m.start < verb.i
                  and not any(t.token.pos_ == "VERB" and m.start < t.start < verb.i for t in self.triggers)]
        if _postpositions(self.pack):
            # the speaker is the verb's subject, with no role postposition ("러시아 파병을 규탄했다")
            before = [m for m in before if self.role_cue(m) is None]
        if not before:
            return self._framing_subject(verb, lo)
        # and the actors coordinated with it: "Москва и Пхеньян отрицали"
        joining = {w.lower() for w in self.lex.cues.get("coordination", [])}
        first = len(before) - 1
        while first > 0 and all(t.lower_ in joining for t in self.doc[before[first - 1].end:before[first].start]):
            first -= 1
        out = set(range(before[first].start, before[-1].end))
        if lo > self.sent.start + 1 and self.doc[lo - 1].text == ",":
            # the title before a speaker set off by commas: "El secretario general de la OTAN,
            # Mark Rutte, confirmó ..." -- when no act stands in it
            head_lo, _ = self._segment(lo - 2)
            if not any(head_lo <= t.start < lo for t in self.triggers):
                out |= {i for m in self.mentions if head_lo <= m.start < lo for i in range(m.start, m.end)}
        return out

    def _framing_subject(self, verb: Token, lo: int) -> set[int]:
        """Verb last: "국정원은 [북한이 러시아에 병력을 파병했다고] 밝혔다".  A speech verb right
        after the act it reports (no punctuation between) with two bare actors before the act:
        the first (and those joined to it) says it, the second does it."""
        while lo > self.sent.start and self.doc[lo - 1].text not in SEGMENT_BREAKS:
            lo -= 1     # (the clause the verb closes, up to punctuation)
        acts = [t for t in self.triggers if lo <= t.start < verb.i]
        if not _postpositions(self.pack) or not acts or any(t.is_punct for t in self.doc[acts[-1].end:verb.i]):
            return set()
        bare = [m for m in self.mentions if lo <= m.start < acts[0].start and not m.demonym
                and self.role_cue(m) is None]
        if len(bare) < 2:
            return set()
        joining = {w.lower() for w in self.lex.cues.get("coordination", [])}
        last = 0
        while last + 1 < len(bare) and all(t.lower_ in joining for t in self.doc[bare[last].end:bare[last + 1].start]):
            last += 1
        if last + 1 >= len(bare):
            return set()        # only one group of bare actors: they are the act's
        return set(range(bare[0].start, bare[last].end))

    def _excluded_tokens(self) -> set[int]:
        out = super()._excluded_tokens()
        for m in self.cues:
            if m.label == "cue:attribution_prep":
                out.update(range(m.start, self._apposition_end(self._np_end(m.end))))
        for lo, hi in self._postposed_attributions():
            out.update(range(lo, hi))
        # A headline's "Südkorea: Russland liefert ...": who says it, before the colon.
        for m in self.mentions:
            if m.start == self.sent.start and m.end < self.sent.end and self.doc[m.end].text == ":":
                out.update(range(m.start, m.end))
        # A reported clause with a subject of its own: the actors before the speech verb say or
        # deny it ("El servicio de inteligencia surcoreano (NIS) estima que Pionyang envió ...").
        for v in self._speech_verbs():
            if self._clause_subject_after(v.i):
                start = max((t.end for t in self.triggers if t.end <= v.i), default=self.sent.start)
                # (not across a comma: "поставила Индии ..., а оставшиеся два, как заявляют
                # индийские чиновники, должны прибыть": India receives)
                start = max([start] + [i + 1 for i in range(start, v.i) if self.doc[i].text == ","])
                out.update(i for m in self.mentions if start <= m.start < v.i for i in range(m.start, m.end))
            elif self._noun_act_with_origin(v.i):
                # "Washington, que respalda a Guaidó, criticó el despliegue de militares rusos": who
                # speaks of a delivery or deployment whose origin is named is not its giver
                start = max((t.end for t in self.triggers if t.end <= v.i), default=self.sent.start)
                out.update(i for m in self.mentions if start <= m.start < v.i for i in range(m.start, m.end))
        # A second statement joined after the act, with no act of its own: "zaprzeczył, jakoby
        # Kair zamierzał dostarczać Moskwie amunicję, i zapewnił, że Egipt zachowuje w wojnie na
        # Ukrainie neutralność": its actors are not the act's
        joining = {w.lower() for w in self.lex.cues.get("coordination", [])}
        for v in self._speech_verbs():
            j = v.i - 1
            if j - 1 > self.sent.start and self.doc[j].lower_ in joining and self.doc[j - 1].text == "," \
                    and any(t.start < v.i for t in self.triggers) and not any(t.start > v.i for t in self.triggers):
                out.update(i for m in self.mentions if m.start > v.i for i in range(m.start, m.end))
        return out

    def _noun_act_with_origin(self, i: int) -> bool:
        """Whether the next act after a word is a noun ("el despliegue", "la entrega") whose goods
        carry their origin as an adjective ("de militares rusos")."""
        nxt = min((t for t in self.triggers if t.start > i), key=lambda t: t.start, default=None)
        if nxt is None or nxt.cls not in ("give_noun", "deploy_noun"):
            return False
        _, hi = self._segment(nxt.start)
        goods = {j for m in self.items for j in range(m.start, m.end)}
        return any(m.demonym and nxt.start < m.start < hi and (m.start - 1 in goods or m.end in goods)
                   for m in self.mentions)

    def _exchange_zone(self) -> tuple[int, int] | None:
        """"в обмен на ракеты Москва может предоставить ...": with no parse the zone ends where
        the main clause starts, at a bare actor or an act's verb."""
        zone = super()._exchange_zone()
        if zone is None:
            return self._postposed_exchange()
        start, end = zone
        stops = [t.start for t in self.triggers if t.cls not in ("give_noun", "deploy_noun") and start < t.start < end]
        stops += [m.start for m in self.mentions if start < m.start < end and self.role_cue(m) is None
                  and not m.demonym]
        return start, min(stops, default=end)

    def _shared_topic(self, mine: list[Mention]) -> list[Mention]:
        """"북한은 [포탄을 제공한] 대가로 러시아로부터 기술을 받았다": the bare actor that opens a
        postposed exchange clause is the subject of the main act too, when it has none."""
        zone = self.exchange_zone
        if zone is None or zone[0] != self.sent.start or not self._postposed_exchange() \
                or any(self.role_cue(m) is None for m in mine):
            return []
        first = next((m for m in self.mentions if zone[0] <= m.start < zone[1]), None)
        return [first] if first is not None and self.role_cue(first) is None else []

    def _postposed_exchange(self) -> tuple[int, int] | None:
        """An exchange cue written after what is given back (leading hyphen in the lexicon:
        "-대가로"): the zone is the clause before it ("[북한이 포탄을 제공하는] 대가로 러시아는
        기술을 이전한다")."""
        cues = [c[1:].lower().replace(" ", "") for c in self.lex.cues.get("exchange", [])
                if c.startswith(HEAD) and len(c) > 1]
        for k in range(self.sent.start + 1, self.sent.end if cues else self.sent.start):
            glued = ""
            for t in self.doc[k:min(self.sent.end, k + 4)]:
                glued += t.lower_
                if glued in cues:
                    lo = k
                    while lo > self.sent.start and self.doc[lo - 1].text not in SEGMENT_BREAKS:
                        lo -= 1
                    return (lo, k) if lo < k else None
        return None

    def _agreement_nouns(self, trig: Trigger) -> list[Match]:
        return self.pack.find("agreement_nouns", self.sent)

    def _covered(self, tok: Token) -> set[int]:
        # (Token.subtree needs a parse: on a blank doc it must not be touched at all.)
        # The clause between commas: "..., en virtud del acuerdo de seguridad firmado el lunes"
        # is a pact even though the sentence also delivers.
        lo, hi = self._segment(tok.i)
        return set(range(lo, hi))

    def _blocked(self, trig: Trigger) -> bool:
        if self._near(trig.token, "block"):
            # a word of wanting that is also one of promising ("will liefern", "will kaufen")
            # promises what a giver gives, and blocks only what a buyer wants
            lo, hi = self._segment(trig.token.i)
            blocks = {i for i in self.cue_tokens.get("block", ()) if lo <= i < hi}
            promising = blocks <= self.cue_tokens.get("pledge_modifier", set())
            if not (promising and trig.cls in ("give", "deploy", "pledge", "give_noun", "deploy_noun")):
                return True
        # "versprach, Panzer zu liefern": the promise is read from the delivery verb
        return self._absorbed(trig)

    def _is_past(self, trig: Trigger) -> bool:
        """A finite past, as the tagger marks it, or, with no tagger, by an ending of the past
        the lexicon lists ([morphology] past_endings: "передала", "przekazali"), on a verb form that is
        not its lemma: "ймовірно, вже передала" stays a transfer."""
        tok = trig.token
        if "Past" in tok.morph.get("Tense"):
            return super()._is_past(trig)
        endings = self.lex.morphology.get("past_endings", ())
        return bool(endings) and trig.cls in ("give", "receive", "deploy") and tok.lower_ != tok.lemma_ \
            and tok.lower_.endswith(endings)

    def _passive_form(self, trig: Trigger) -> bool:
        """A giving verb in a passive participle or impersonal form, by its ending ([morphology]
        passive_endings: "передані", "передано", "przekazane"): its bare actor is who gets the
        goods ("Україні були передані танки"), not who gives them."""
        endings = self.lex.morphology.get("passive_endings", ())
        return bool(endings) and trig.cls in ("give", "deploy") and trig.token.lower_.endswith(endings)

    def _instrumental_agent(self, m: Mention, trig: Trigger) -> bool:
        """A bare actor in the instrumental beside a passive act is its agent ("передані
        Німеччиною"): [morphology] instrumental_endings, for languages that mark it so."""
        endings = self.lex.morphology.get("instrumental_endings", ())
        return bool(endings) and not m.demonym and self._passive_form(trig) \
            and self.doc[m.end - 1].text.endswith(endings)

    def _is_future(self, trig: Trigger) -> bool:
        tok = trig.token
        if "Fut" in tok.morph.get("Tense"):
            return True     # a tokenizer that reads tense: "보낼 것이다", "보내겠다"
        if "Past" in tok.morph.get("Tense"):
            return False    # "지원했다고 발표했다": what is announced as done is no promise
        nouns = {n.lower() for n in self.lex.agreement_nouns}
        if tok.i + 1 < self.sent.end and (self.doc[tok.i + 1].lower_ in nouns or self.doc[tok.i + 1].lemma_ in nouns):
            return True     # an act that qualifies a contract is promised: "수출하는 계약을 맺었다"
        if trig.cls == "give_noun" and any(self._segment(trig.start)[0] <= i < trig.start
                                           for i in self.cue_tokens.get("sale", set())):
            return True     # a delivery a contract provides for: "un contrato que incluye la transferencia de tecnología"
        nxt = self.doc[tok.i + 1] if tok.i + 1 < self.sent.end else None
        if nxt is not None and nxt.i in self.cue_tokens.get("negation", set()) and nxt.pos_ in ("AUX", "VERB") \
                and not nxt.morph.get("Tense"):
            return True     # a tagged negative auxiliary, not past: "지원하지 않는다" (does / will not)
        endings = tuple(self.lex.cues.get("future_endings", []))
        if endings and tok.lower_ != tok.lemma_ and tok.lower_.endswith(endings):
            return True
        if self._is_past(trig) and not self._near(tok, "future"):
            return False    # done, after a promise: "zobowiązała się oddać 13 MiG-ów, przekazała już"
        if any(t.cls == "pledge" and t.start < trig.start for t in self.triggers):
            return True
        if any(t.cls == "agreement" and t.start < trig.start and self._absorbed(t) for t in self.triggers):
            return True
        # "wird liefern", "va a enviar": a future auxiliary with the verb left in the infinitive
        # ("wurden geliefert" has the same auxiliary, with a participle)
        # (an infinitive may carry a pronoun: "vai entregar-lhe", "va a enviarle")
        # (and the Polish compound future with the past form: "będzie dostarczała")
        return (self._near(tok, "future") and (tok.lower_.startswith(tok.lemma_) or self._is_past(trig))) \
            or self._near(tok, "pledge_modifier")

    def _implicit_subject(self, trig: Trigger) -> list[Mention]:
        """A reported clause with no subject of its own has the speaker's: "Тегеран отрицает,
        что передавал ракеты Москве", "Путин заявил, что передаст Беларуси ..."."""
        if trig.cls in ("give_noun", "deploy_noun"):
            return []
        verbs = [v for v in self._speech_verbs() if v.i < trig.start]
        if not verbs:
            return []
        v = verbs[-1]
        if any(v.i < t.start < trig.start for t in self.triggers):
            return []
        if self._clause_subject_after(v.i) and not self._bare_infinitive(trig, v):
            return []
        toks = self._speaker_tokens(v)
        return [m for m in self.mentions if m.start in toks]

    def _fronted_subject(self, trig: Trigger, mine: list[Mention]) -> list[Mention]:
        """A subject set off before an inserted clause: "A Força Aérea Portuguesa, que encomendou
        cinco KC-390 à Embraer, recebeu o primeiro avião", "Rusia, según Seúl, ha enviado"."""
        if trig.cls not in ("give", "receive", "buy", "pledge", "deploy"):
            return []
        lo, _ = self._segment(trig.token.i)
        first_lo, first_hi = self._segment(self.sent.start)
        if lo == first_lo or any(lo <= m.start < trig.start and self._cue_before(m.start) is None
                                 for m in self.mentions):
            return []
        if any(first_lo <= t.start < first_hi for t in self.triggers):
            return []
        return [m for m in self.mentions if first_lo <= m.start < first_hi and m not in mine
                and self._cue_before(m.start) is None
                and not any(i in self.excluded for i in range(m.start, m.end))][:1]

    def _after_colon(self, trig: Trigger, mine: list[Mention]) -> list[Mention]:
        """A clause after a colon or semicolon with a subject of its own before the act: the
        actors of the clause before it are not the act's ("Бухарест залишається партнером
        Києва: у жовтні Румунія передала Україні ...", "Zełenski: Niemcy przekażą ...")."""
        stops = [t.i for t in self.doc[self.sent.start:trig.start] if t.text in (":", ";")]
        if not stops:
            return mine
        stop = stops[-1]
        if not any(stop < m.start < trig.start and not m.demonym and self.role_cue(m) is None for m in mine):
            return mine
        return [m for m in mine if m.start > stop]

    def _gapped(self, m: Mention) -> bool:
        """An actor opening a clause whose verb is a dash: ", Нідерланди — 24", ", а Бельгія — 30"."""
        joining = {w.lower() for w in self.lex.cues.get("coordination", [])} | {"а", "a"}
        j = m.start - 1
        while j > self.sent.start and self.doc[j].lower_ in joining:
            j -= 1
        return j > self.sent.start and self.doc[j].text in (",", ";") and m.end < self.sent.end \
            and self.doc[m.end].text in ("—", "–", "-") and m.end + 1 < self.sent.end \
            and self.doc[m.end + 1].like_num

    def _opens_clause(self, start: int, end: int) -> bool:
        """Whether a speech or promise verb between two words opens a clause with one word (a
        conjunction: "ha annunciato che l'Italia", "anunció que España") and no punctuation, so
        that the actor at the end is that clause's subject.  The comma that Slavic languages put
        before the conjunction, and a time after it, may come between ("оголосив, що цього року
        Лондон виділить", "zapowiedział, że w przyszłym roku Polska przekaże")."""
        words = self.cue_tokens.get("speech", set()) | self.cue_tokens.get("pledge_modifier", set())
        dets = {d.lower() for d in self.lex.cues.get("determiners", [])}
        j = end
        while j > start and self.doc[j - 1].lower_.replace("’", "'") in dets:
            j -= 1
        spans = [(t.start, t.end) for t in self.times]
        while j > start and not self.doc[j - 1].is_punct and any(
                a <= self.doc[j - 1].idx < b for a, b in spans):
            j -= 1      # a time at the head of the clause
        link = j - 1
        verb = link - 1
        if verb >= start and self.doc[verb].text == ",":
            verb -= 1
        if any(t.is_punct for t in self.doc[start:verb + 1]) or any(t.is_punct for t in self.doc[link:end]):
            return False
        return verb >= start and verb in words and link not in words \
            and self.doc[link].is_alpha and self.doc[link]._.actor is None and self._cue_before(end) is None

    def _owned_by(self, tok: Token, trig: Trigger) -> bool:
        # by position, not identity: the reader re-reads a sale contract's verb as a new "buy"
        # Trigger on the same token ("ha firmato un contratto con l'Italia per l'acquisto di")
        own = self.owner(tok)
        return own is not None and own.token.i == trig.token.i

    def _roles(self, trig: Trigger, single: bool, zone: bool) -> tuple[list[str], list[str], list[str]]:
        givers: list[str] = []
        receivers: list[str] = []
        parties: list[str] = []
        weak: list[str] = []
        weak_demonyms: set[str] = set()
        item_tokens = {i for it in self.items for i in range(it.start, it.end)}
        mine = [m for m in self.mentions
                if not any(i in self.excluded for i in range(m.start, m.end))
                and (self.exchange_zone is not None and self.exchange_zone[0] <= m.start < self.exchange_zone[1]) == zone
                and self._owned_by(m.root, trig)]
        if not zone:
            mine = self._implicit_subject(trig) + self._fronted_subject(trig, mine) + mine
            mine = self._shared_topic(mine) + mine
            mine = self._after_colon(trig, mine)
        if not mine and not zone and trig.cls == "give_noun":
            # a delivery with no actor of its own continues the act before it in the sentence:
            # "zaprzeczył, by Warszawa wstrzymała dostawy, i zapewnił, że realizowane są te
            # uzgodnione wcześniej, w tym dostawy amunicji"
            before = [t for t in self.triggers if t.start < trig.start
                      and t.cls in ("give", "give_noun", "receive", "pledge")]
            if before:
                return self._roles(before[-1], single, zone)
        cues = {id(m): self.role_cue(m) or ("agent" if self._instrumental_agent(m, trig) else None) for m in mine}
        passive = any(c == "agent" for c in cues.values()) or self._passive_form(trig)
        joining = {w.lower() for w in self.lex.cues.get("coordination", [])} | \
            {w.lower() for w in self.lex.cues.get("determiners", [])}
        seen_subject = False
        subject_code: str | None = None
        subject_end = self.sent.start
        origin_codes: set[str] = set()
        via_agent: set[str] = set()     # givers named by a passive agent cue ("dal", "von", "por")
        previous: tuple[Mention, str | None] | None = None
        for m in mine:
            cue = cues[id(m)]
            between = [t for t in self.doc[previous[0].end:m.start]] if previous else None
            if previous and between and all(t.lower_ in joining or t.text == "," for t in between):
                # "Großbritannien und Frankreich": a coordinated actor shares the first one's role
                target = previous[1]
                if target is not None:
                    lst = {"from": givers, "to": receivers, "weak": weak}[target]
                    lst.append(m.code) if m.code not in lst else None
                    if previous[0].code in via_agent:
                        via_agent.add(m.code)
                previous = (m, target)
                continue
            if cue == "agent":
                via_agent.add(m.code)
            if cue == "opponent":
                continue
            if trig.cls == "agreement":
                parties.append(m.code) if m.code not in parties else None
                continue
            next_to_goods = any(j in item_tokens for j in (m.start - 1, m.end, m.end + 1))
            if m.demonym and cue is None and next_to_goods:
                if m.start > trig.start and any(x.demonym and x.start < trig.start and x.code in weak for x in mine):
                    continue    # "російський літак доставив британську ракету NLAW": where it was made
                weak.append(m.code)
                weak_demonyms.add(m.code)
                continue
            if cue is None and trig.cls == "arrive":
                # what arrives is the goods: a bare actor beside them is where they come from
                # ("북한 무기가 도착했다"), one elsewhere is no party ("북한과 러시아는 무기가
                # 러시아로 넘어갔다는 의혹을 부인했다": who denies)
                if next_to_goods and m.code not in weak:
                    weak.append(m.code)
                previous = (m, "weak" if next_to_goods else None)
                continue
            if cue == "origin":
                origin_codes.add(m.code)
            if cue is None and not seen_subject:
                seen_subject = True
                subject_code = m.code
                subject_end = m.end
                role = self._role(trig.cls, None, True, passive, False, False)
            elif cue is None and m.start < trig.start and not m.demonym and self._opens_clause(subject_end, m.start):
                # "Crosetto ha annunciato che l'Italia fornirà": the subject of the clause the
                # promise or statement opens is the act's, not the one who announces it
                for lst in (givers, receivers, weak):
                    if subject_code in lst:
                        lst.remove(subject_code)
                subject_code, subject_end = m.code, m.end
                role = self._role(trig.cls, None, True, passive, False, False)
            elif cue is None and self._gapped(m):
                # "Данія пообіцяла Києву 19 літаків, Нідерланди — 24, а Бельгія — 30": the verb
                # left out after a dash, each actor before one is a subject of the same act
                role = self._role(trig.cls, None, True, passive, False, False)
            else:
                role = self._role(trig.cls, cue, False, passive, m.demonym, cue is None)
            if cue == "genitive" and role is None and trig.cls == "give" and self._of_troops(m):
                role = "from"       # "quinientos militares de Estados Unidos están destinados en"
            if cue == "destination" and trig.cls == "buy":
                role = "from"       # "die in China gekauften Kampfflugzeuge": bought there
            if cue == "agent" and role == "to" and seen_subject and m.start > trig.start:
                role = "from"       # an active receiver named first: "Armenien erhielt Waffen von Russland"
            if cue == "destination" and m.code in {"from": receivers, "to": givers}.get(role, ()):
                role = None         # "sagte im Weißen Haus zu": where a party acts, not a party again
            target = {"from": givers, "to": receivers, "weak": weak}.get(role)
            if target is not None and m.code not in target:
                target.append(m.code)
            previous = (m, role if role in ("from", "to", "weak") else None)
        if trig.cls in ("buy", "receive") and not seen_subject and not receivers:
            # A participle with no subject: its agent is who buys or gets ("i sottomarini ordinati
            # dal Pakistan alla Cina"); a receiving verb's agent only when the giver is named
            # apart ("ricevuti dall'Iran" is as often "from Iran")
            agents = [c for c in givers if c in via_agent]
            if agents and (trig.cls == "buy" or len(agents) < len(givers)):
                givers = [c for c in givers if c not in agents]
                receivers = agents
        if trig.cls == "give_noun" and subject_code and origin_codes and subject_code not in origin_codes \
                and all(c in origin_codes for c in receivers):
            # "Polska podpisała umowę na dostawę 180 czołgów K2 z Korei Południowej": with the
            # origin named, the subject of the verb around a delivery noun is who gets it
            givers = [c for c in givers if c != subject_code] or sorted(origin_codes)
            receivers = [subject_code]
        return _settle(givers, receivers, weak, weak_demonyms) + (parties,)
