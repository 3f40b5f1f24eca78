"""Words the app shows for ids: life areas, nations, strength groups and work situations.

They live in the library's data (areas.yaml, labels.yaml), read once with the library.
"""

from __future__ import annotations

from goal_library.loader import national_library

_LIBRARY = national_library()
_LABELS = _LIBRARY.labels
assert _LABELS is not None  # the bundled library always has its labels.yaml

AREA_LABELS: dict[str, str] = {area.id: area.label for area in _LIBRARY.areas}
NATION_LABELS: dict[str, str] = dict(_LABELS.nations)
STRENGTH_GROUP_LABELS: dict[str, str] = dict(_LABELS.strength_groups)
WORK_SITUATION_LABELS: dict[str, str] = dict(_LABELS.work_situations)
