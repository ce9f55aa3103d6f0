"""Search terms as typed or scanned, cleaned before they reach SQL.

A scanner or a paste can bring characters nobody types: a NUL ends a LIKE pattern early
on SQLite (so the search matched every order) and is refused outright by PostgreSQL;
lone surrogates cannot even be encoded. No identifier, name or barcode the app stores
holds such characters, so they are dropped; a term that had nothing else finds nothing.
"""

from __future__ import annotations

import unicodedata

#: Control, format (zero-width, bidi) and surrogate characters: never part of a stored value.
_UNSEARCHABLE = frozenset({"Cc", "Cf", "Cs"})


def search_term(raw: str | None) -> str | None:
    """The term to search for.

    None: nothing was typed (the search is no filter). ``""``: only unsearchable
    characters were typed, so the search matches nothing. Otherwise the term without
    them and without surrounding spaces.
    """
    if raw is None or not raw.strip():
        return None
    kept = "".join(c for c in raw if unicodedata.category(c) not in _UNSEARCHABLE)
    return kept.strip()
