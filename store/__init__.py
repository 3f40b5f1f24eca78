"""Keeping plans and drafts in a database: SQLite by default, or PostgreSQL.

See `store.plans.PlanStore` for the interface, `store.settings` for where and how long things
are kept, and `python -m store data --help` for the command line.
"""

from store.errors import BadDraft, StoreBusy, UnknownReference, UnreadablePlan
from store.plans import PlanStore, SavedVersion
from store.reference import BadReference, new_reference, normalise_reference

__all__ = [
    "BadDraft",
    "BadReference",
    "PlanStore",
    "SavedVersion",
    "StoreBusy",
    "UnknownReference",
    "UnreadablePlan",
    "new_reference",
    "normalise_reference",
]
