"""Fifth stage: the web app and REST API over the ledger (``quidpro serve``)."""
from quidpro.web.app import create_app

__all__ = ["create_app"]
