"""Keeping plans and drafts in a database: SQLite by default, or PostgreSQL.

See `store.plans.PlanStore` for the interface, `store.settings` for where and how long things
are kept, and `python -m store data --help` for the command line. Importing this package loads
nothing: `store.errors` and `store.settings` are light, and only `store.plans` needs SQLAlchemy.
"""
