"""Keep Python's full garbage collections cheap.

A full collection walks every object the process holds, and this process holds the goal
library, pydantic, pandas, altair, SQLAlchemy and reportlab: when Streamlit ran one after every
run of the page, that walk cost about 80 ms of CPU per click. Streamlit's collection after each
run is now off (`.streamlit/config.toml`), but Python still makes full collections of its own
as objects pile up. `gc.freeze()` moves what is loaded once per process (modules, the library)
out of the collector's sight, so each collection walks only what the appointments made since.
"""

from __future__ import annotations

import gc

_frozen = False


def freeze_what_is_loaded() -> None:
    """Once per process, after the library and the modules are loaded."""
    global _frozen
    if _frozen:
        return
    gc.collect()
    gc.freeze()
    _frozen = True
