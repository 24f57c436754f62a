"""Fourth stage: claims from many articles -> facts, kept in a SQL ledger."""
from quidpro.ledger.store import DEFAULT_URL, IngestResult, Ledger, content_hash

__all__ = ["DEFAULT_URL", "IngestResult", "Ledger", "content_hash"]
