"""One exception hierarchy for the library; the CLI turns each into one line on stderr."""


class QuidproError(Exception):
    """Base of every error quidpro raises on purpose."""


class SourceError(QuidproError):
    """An input could not be read: missing, a directory, too large, unreachable."""


class ArticleError(QuidproError):
    """An input was read but holds no usable article: empty, binary, undecodable."""


class LexiconError(QuidproError):
    """A lexicon or gazetteer file is malformed."""


class LedgerError(QuidproError):
    """The ledger cannot be opened, migrated or queried as asked."""
