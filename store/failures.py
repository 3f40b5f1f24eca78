"""What a database failure means, in words an operator can act on.

SQLAlchemy, the drivers and Alembic fail in their own terms ("attempt to write a readonly
database"); `store_error_for` turns each into a StoreError that names the problem and the fix.
The driver's own text is only matched, never repeated: it can hold a server address or values.
"""

from __future__ import annotations

import errno
from pathlib import Path

from store.errors import StoreBusy, StoreError, StoreUnavailable

URL_SETTING = "RIGHT_STEPS_DATABASE_URL"
DIR_SETTING = "RIGHT_STEPS_DATA_DIR"

BUSY = "The database is busy with other saves; please try again in a moment."


def store_error_for(error: BaseException, database_file: Path | None) -> StoreError:
    """The StoreError for a failure from SQLAlchemy, a driver, Alembic or the file system."""
    text = _driver_text(error).lower()
    if "locked" in text and "database" in text:
        return StoreBusy(BUSY)
    if database_file is not None:
        return _sqlite_problem(error, text, database_file)
    return _server_problem(error, text)


def _sqlite_problem(error: BaseException, text: str, file: Path) -> StoreError:
    where = f"the database file {file}"
    if isinstance(error, NotADirectoryError | FileExistsError):
        return StoreUnavailable(
            f"the data folder for {where} is a file, not a folder: move the file, or set "
            f"{DIR_SETTING} to a folder"
        )
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError):
        return StoreUnavailable(
            f"{where} cannot be written: let the user who runs Right Steps write to it and to "
            f"its folder, or set {DIR_SETTING} to a folder they own"
        )
    if "full" in text:
        return StoreUnavailable(
            f"there is no room left on the disk that holds {where}: free some space, or set "
            f"{DIR_SETTING} to a folder on another disk"
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreUnavailable(
            f"{where} is damaged or is not a Right Steps database: move it aside (restore a "
            "backup if you have one) and Right Steps will make a new one"
        )
    if "unable to open" in text or isinstance(error, OSError):
        return StoreUnavailable(
            f"{where} cannot be opened or made: check that its folder exists, is a folder and "
            f"can be written, or set {DIR_SETTING} to one that can"
        )
    if "i/o" in text or (isinstance(error, OSError) and error.errno in (errno.EFBIG, errno.EIO)):
        return StoreUnavailable(
            f"{where} could not be written or read: its disk may be full or failing; free some "
            f"space and check the disk, or set {DIR_SETTING} to a folder on another disk"
        )
    if "revision" in text:
        return _newer_database()
    return StoreUnavailable(
        f"{where} gave an error Right Steps cannot recover from ({type(error).__name__})"
    )


def _server_problem(error: BaseException, text: str) -> StoreError:
    if "revision" in text:
        return _newer_database()
    if "password" in text or "authentication" in text or "role" in text:
        return StoreUnavailable(
            f"the database server refused the user or password in {URL_SETTING}"
        )
    if "does not exist" in text and "database" in text:
        return StoreUnavailable(
            f"the database named in {URL_SETTING} does not exist on the server: create it first"
        )
    if any(
        word in text
        for word in ("connect", "connection", "timeout", "timed out", "resolve", "host")
    ):
        return StoreUnavailable(
            f"cannot reach the database server named in {URL_SETTING}: check that it is running "
            "and that the address is right"
        )
    return StoreUnavailable(
        f"the database server gave an error Right Steps cannot recover from "
        f"({type(error).__name__}); see the server's log"
    )


def bad_url(reason: str) -> StoreUnavailable:
    return StoreUnavailable(
        f"{URL_SETTING} is not a database address Right Steps can use ({reason}); for example "
        "postgresql+psycopg://user@dbhost/rightsteps, or leave it unset for SQLite"
    )


def _newer_database() -> StoreUnavailable:
    return StoreUnavailable(
        "the database was made by a newer version of Right Steps: run that version, or point "
        f"{URL_SETTING} at another database"
    )


def _driver_text(error: BaseException) -> str:
    original = getattr(error, "orig", None)
    return str(original if original is not None else error)
