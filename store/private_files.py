"""The SQLite file and its folder are private to the user who runs Right Steps (0600 / 0700).

SQLite gives its -wal and -shm files the permissions of the database file, so making the file
private before SQLite first opens it keeps all three private. A folder is only tightened when
Right Steps made it, or when it holds nothing but the database's own files: pointing the data
folder at a shared place never changes that place's permissions.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_COMPANIONS = ("", "-wal", "-shm", "-journal")


def make_private_database_file(database: Path) -> None:
    """Make the folders and an empty database file, each private; raises OSError if it cannot."""
    for folder in _missing_folders(database.parent):
        folder.mkdir(mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)  # the umask may have taken bits off the mode above
    with contextlib.suppress(FileExistsError):
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    keep_private(database)


def keep_private(database: Path) -> None:
    """Tighten an existing database's files, and its folder when the folder is its own."""
    for name in _companion_files(database):
        _tighten(name, FILE_MODE)
    folder = database.parent
    with contextlib.suppress(OSError):
        own_files = {f.name for f in _companion_files(database)}
        if {entry.name for entry in folder.iterdir()} <= own_files:
            _tighten(folder, FOLDER_MODE)


def _companion_files(database: Path) -> list[Path]:
    candidates = [database.with_name(database.name + suffix) for suffix in _COMPANIONS]
    return [path for path in candidates if path.is_file()]


def _tighten(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):
        info = path.stat()
        if info.st_uid == os.getuid() and info.st_mode & 0o777 != mode:
            os.chmod(path, mode)


def _missing_folders(folder: Path) -> list[Path]:
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not a folder")
    return list(reversed(missing))
