"""Reading a sentence with no dependency parse: the parsed reader's logic, word order for the tree.

Used for every language whose pipeline is a blank tokeniser with lemmas (no parser on the
package index).  Nothing here may call Token.subtree, .ancestors, .left_edge or .right_edge:
with no parse they read uninitialised memory.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from quidpro.extract.language import Match
from quidpro.extract.reader import (
    SEGMENT_BREAKS,
    Mention,
    SentenceReader,
    Trigger,
    _settle,
)


class LinearReader(SentenceReader):
    # Nothing here may call Token.subtree, .ancestors, .left_edge or .right_edge: with no
    # parse they read uninitialised memory.
    """For languages with no dependency parser (a blank tokeniser and simplemma lemmas): the
    same reading, with the tree replaced by word order.  A token belongs to the nearest act,
    counting a comma as a long way; the first actor with no preposition is the subject, a
    later one the indirect object; cues count within the act's reach."""

    COMMA_COST = 12

    def owner(self, tok: Token) -> Trigger | None:
        if tok.i in self.trigger_index:
            return self.trigger_index[tok.i]
        best, best_cost = None, None
        for trig in self.triggers:
            lo, hi = sorted((tok.i, trig.token.i))
            commas = sum(1 for t in self.doc[lo:hi] if t.text in (",", ";", ":", "(", ")"))
            cost = hi - lo + self.COMMA_COST * commas
            if best_cost is None or cost < best_cost:
                best, best_cost = trig, cost
        return best

    def subject(self, trig: Trigger) -> tuple[Token | None, bool]:
        return None, False

    def _segment(self, i: int) -> tuple[int, int]:
        """The stretch between commas (or other clause punctuation) around a token."""
        lo = i
        while lo > self.sent.start and self.doc[lo - 1].text not in SEGMENT_BREAKS:
            lo -= 1
        hi = i
        while hi < self.sent.end and self.doc[hi].text not in SEGMENT_BREAKS:
            hi += 1
        return lo, hi

    def _near(self, tok: Token, label: str, hops: int = 3) -> bool:
        """A cue counts inside the act's own clause: "könnte liefern", not a hedge in a
        relative clause after the comma."""
        lo, hi = self._segment(tok.i)
        return any(lo <= i < hi for i in self.cue_tokens.get(label, set()))

    def _governs(self, verb: Token, tok: Token) -> bool:
        return True   # a speech verb anywhere in the sentence reports what it says

    def _speech_verbs(self) -> list[Token]:
        # no tagger to tell verbs from nouns: a speech term outside the act's own words
        idx = self.cue_tokens.get("speech", set()) - self.cue_tokens.get("pledge_modifier", set())
        return [self.doc[i] for i in sorted(idx) if i not in self.trigger_index]

    def _inverted_speaker(self, verb: Token) -> Span | None:
        """The words after a speech verb set off by a comma: ", sagte ein Beamter"."""
        end = verb.i + 1
        while end < self.sent.end and not self.doc[end].is_punct:
            end += 1
        after = self.doc[verb.i + 1:end]
        if verb.i > self.sent.start and self.doc[verb.i - 1].is_punct and 0 < len(after) <= 8:
            return after
        return None

    def _speaker(self, verb: Token) -> str | None:
        after = self._inverted_speaker(verb)
        return after.text if after is not None else self._name_in(self.sent.start, verb.i, names_only=True)

    def _speaker_tokens(self, verb: Token) -> set[int]:
        after = self._inverted_speaker(verb)
        if after is not None:
            return set(range(after.start, after.end))
        # "Das Pentagon hatte ... gesprochen": the nearest actor before the verb in its clause
        lo, _ = self._segment(verb.i)
        before = [m for m in self.mentions if lo <= m.start < verb.i]
        return set(range(before[-1].start, before[-1].end)) if before else set()

    def _excluded_tokens(self) -> set[int]:
        out = super()._excluded_tokens()
        # A headline's "Südkorea: Russland liefert ...": who says it, before the colon.
        for m in self.mentions:
            if m.start == self.sent.start and m.end < self.sent.end and self.doc[m.end].text == ":":
                out.update(range(m.start, m.end))
        return out

    def _agreement_nouns(self, trig: Trigger) -> list[Match]:
        return self.pack.find("agreement_nouns", self.sent)

    def _covered(self, tok: Token) -> set[int]:
        # (Token.subtree needs a parse: on a blank doc it must not be touched at all.)
        return set(range(self.sent.start, self.sent.end))

    def _blocked(self, trig: Trigger) -> bool:
        if self._near(trig.token, "block"):
            return True
        # "versprach, Panzer zu liefern": the promise is read from the delivery verb
        return trig.cls == "pledge" and any(t.cls in ("give", "deploy") and t.start > trig.start
                                            for t in self.triggers)

    def _is_future(self, trig: Trigger) -> bool:
        tok = trig.token
        endings = tuple(self.lex.cues.get("future_endings", []))
        if endings and tok.lower_ != tok.lemma_ and tok.lower_.endswith(endings):
            return True
        if any(t.cls == "pledge" and t.start < trig.start for t in self.triggers):
            return True
        # "wird liefern", "va a enviar": a future auxiliary with the verb left in the infinitive
        # ("wurden geliefert" has the same auxiliary, with a participle)
        return (self._near(tok, "future") and tok.lower_ == tok.lemma_) or self._near(tok, "pledge_modifier")

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
                and self.owner(m.root) is trig]
        cues = {id(m): self.role_cue(m) for m in mine}
        passive = any(c == "agent" for c in cues.values())
        joining = {w.lower() for w in self.lex.cues.get("coordination", [])} | \
            {w.lower() for w in self.lex.cues.get("determiners", [])}
        seen_subject = False
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
                previous = (m, target)
                continue
            if cue == "opponent":
                continue
            if trig.cls == "agreement":
                parties.append(m.code) if m.code not in parties else None
                continue
            next_to_goods = any(j in item_tokens for j in (m.start - 1, m.end, m.end + 1))
            if m.demonym and cue is None and next_to_goods:
                weak.append(m.code)
                weak_demonyms.add(m.code)
                continue
            if cue is None and not seen_subject:
                seen_subject = True
                role = self._role(trig.cls, None, True, passive, False, False)
            else:
                role = self._role(trig.cls, cue, False, passive, m.demonym, cue is None)
            target = {"from": givers, "to": receivers, "weak": weak}.get(role)
            if target is not None and m.code not in target:
                target.append(m.code)
            previous = (m, role if role in ("from", "to", "weak") else None)
        return _settle(givers, receivers, weak, weak_demonyms) + (parties,)
