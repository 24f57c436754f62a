"""The multilingual actor gazetteer: surface forms -> ISO 3166-1 alpha-3 codes or slugs.

Curated forms come from ``quidpro/data/gazetteer.toml``; pycountry adds every state's English
names and their translations for the languages quidpro has lexicons for.
"""
from __future__ import annotations

import gettext
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

from quidpro.errors import LexiconError

FIELDS = ("names", "capitals", "demonyms", "leaders", "metonyms", "companies")


@dataclass(frozen=True)
class Gazetteer:
    forms: dict[str, str]            # exact surface form -> code
    kinds: dict[str, str]            # surface form -> field ("names", "demonyms", ...)
    contextual: dict[str, str]       # forms valid only when their code is named elsewhere


def _case_variants(form: str, field: str) -> set[str]:
    if field != "demonyms":
        return {form}
    return {form, form.lower(), form[:1].upper() + form[1:]}


def _pycountry_forms(langs: tuple[str, ...]) -> dict[str, str]:
    forms: dict[str, str] = {}
    translations = []
    for lang in langs:
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if not name:
                continue
            forms.setdefault(name, country.alpha_3)
            for tr in translations:
                forms.setdefault(tr.gettext(name), country.alpha_3)
    # Official forms such as "Korea, Republic of" never occur in running text.
    return {f: c for f, c in forms.items() if "," not in f and "(" not in f}


def _read_curated() -> dict:
    try:
        return tomllib.loads(resources.files("quidpro.data").joinpath("gazetteer.toml").read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"quidpro/data/gazetteer.toml: {exc}") from exc


@lru_cache(maxsize=1)
def load_gazetteer(langs: tuple[str, ...] = ("en", "fr")) -> Gazetteer:
    raw = _read_curated()
    # [common_words] forms = [...]: translations pycountry gives that running text mostly uses as
    # ordinary words (Ukrainian/Russian "Того" = "of that", not Togo); never an actor.
    common = set(raw.pop("common_words", {}).get("forms", []))
    forms: dict[str, str] = {}
    kinds: dict[str, str] = {}
    contextual: dict[str, str] = {}
    for code, entry in raw.items():
        if not isinstance(entry, dict):
            raise LexiconError(f"gazetteer.toml: [{code}] must be a table")
        for field in FIELDS:
            for form in entry.get(field, []):
                for variant in _case_variants(form.strip(), field):
                    if variant and variant not in forms:
                        forms[variant] = code
                        kinds[variant] = field
        for form in entry.get("contextual", []):
            for variant in (form, form[:1].upper() + form[1:]):    # "le Nord" opens sentences too
                contextual.setdefault(variant, code)
    for form, code in _pycountry_forms(langs).items():
        if form not in forms and form not in common:
            forms[form] = code
            kinds[form] = "names"
    return Gazetteer(forms=forms, kinds=kinds, contextual=contextual)
