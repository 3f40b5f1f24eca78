"""The command-line tests choose their own database and limits, as the store tests do."""

from tests.store.conftest import _no_store_settings_from_outside  # noqa: F401 (autouse)
