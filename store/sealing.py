"""Plans and drafts sealed at rest: encrypted and authenticated with keys from the environment.

RIGHT_STEPS_ENCRYPTION_KEYS holds one or more keys, newest first, separated by commas; each is
a Fernet key (`python -m planner data new-key` makes one). What is written is sealed with the
newest key; what was sealed with any of them can be read, so a new key goes in front and the
old ones stay until `python -m planner data re-encrypt` has sealed every row again with it.
Fernet (AES-128 in CBC mode with an HMAC-SHA256 tag, from the `cryptography` package) is
chosen as a well-kept recipe made for exactly this: a row changed, or sealed with a key that is
not given, is refused rather than read.

Without keys a single machine keeps plain JSON, as it always has (its file is readable only
by its user). In team mode (RIGHT_STEPS_TEAM_MODE=on) keys are required.
"""

from __future__ import annotations

import os

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from store import settings
from store.settings import SettingsError

KEYS_SETTING = "RIGHT_STEPS_ENCRYPTION_KEYS"
TEAM_MODE_SETTING = "RIGHT_STEPS_TEAM_MODE"
# Sealed text starts with this; plain JSON starts with "{".
_PREFIX = "sealed:v1:"


class SealedWithOtherKey(SettingsError):
    """A row sealed with a key that is not among the keys given (or changed since)."""


class Sealer:
    """Seals text for the database and opens it again; with no keys, text is kept as it is."""

    def __init__(self, keys: list[bytes]) -> None:
        self._fernet = MultiFernet([Fernet(key) for key in keys]) if keys else None

    @property
    def seals(self) -> bool:
        return self._fernet is not None

    def seal(self, text: str) -> str:
        if self._fernet is None:
            return text
        return _PREFIX + self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def open(self, stored: str) -> str:
        if not stored.startswith(_PREFIX):
            return stored  # kept before keys were set: plain, and sealed at the next re-encrypt
        if self._fernet is None:
            raise SealedWithOtherKey(
                f"the database holds sealed plans, but {KEYS_SETTING} is not set; "
                "set it to the keys they were sealed with"
            )
        try:
            return self._fernet.decrypt(stored[len(_PREFIX) :].encode("ascii")).decode("utf-8")
        except (InvalidToken, ValueError):
            raise SealedWithOtherKey(
                f"a sealed row cannot be opened with the keys in {KEYS_SETTING}: add the key it "
                "was sealed with (keys are kept, newest first, until `data re-encrypt` has run)"
            ) from None

    def reseal(self, stored: str) -> str:
        """The row sealed again with the newest key (a plain row, sealed for the first time)."""
        return self.seal(self.open(stored))


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")


def team_mode() -> bool:
    given = os.environ.get(TEAM_MODE_SETTING, "").strip().lower()
    if given in ("", "off", "no", "false", "0"):
        return False
    if given in ("on", "yes", "true", "1"):
        return True
    raise SettingsError(f"{TEAM_MODE_SETTING} needs to be on or off")


def sealer_from_settings() -> Sealer:
    """The keys from the environment, checked; in team mode, at least one is required."""
    given = [part.strip() for part in os.environ.get(KEYS_SETTING, "").split(",")]
    keys = [part.encode("ascii", "replace") for part in given if part]
    for number, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            raise SettingsError(
                f"key {number} in {KEYS_SETTING} is not a key Right Steps can use; make one with "
                "`python -m planner data new-key`"
            ) from None
    if not keys and team_mode():
        raise SettingsError(
            f"team mode keeps plans encrypted, and {KEYS_SETTING} is not set; make a key with "
            "`python -m planner data new-key` and set it before starting"
        )
    return Sealer(keys)


def checked_settings() -> Sealer:
    """Every setting read and checked, the keys too; the sealer they give. A wrong one raises
    SettingsError, naming the setting, never its value."""
    settings.check()
    return sealer_from_settings()
