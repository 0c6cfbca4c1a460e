"""Folders that change as one: write a new folder beside the old one, then swap them.

On Linux the swap is one renameat2(RENAME_EXCHANGE) call, so a reader sees the old folder
or the new one, never a mix. Elsewhere two renames leave a window of microseconds in which
the folder is absent; readers of the published tables retry (schema.published).

A staging folder's name carries the id of the process writing it, so that the next build can
remove the folders of builds that were killed while writing, and leave those of a build
running at the same moment alone.
"""

import ctypes
import glob
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

FILE_MODE = 0o644
FOLDER_MODE = 0o755
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def staging_folder(target: Path) -> Path:
    """An empty folder beside `target`, readable by other users, for its next version (the
    leftovers of killed builds removed first)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    prefix = f"{_staging_prefix(target)}{os.getpid()}-"
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=target.parent))
    folder.chmod(FOLDER_MODE)
    return folder


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the staging folders of `target` whose process is gone; returns them."""
    prefix = _staging_prefix(target)
    removed = []
    for folder in target.parent.glob(glob.escape(prefix) + "*"):
        owner = folder.name.removeprefix(prefix).split("-")[0]
        if folder.is_dir() and not (owner.isdigit() and _running(int(owner))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _staging_prefix(target: Path) -> str:
    return f".{target.name}-new-"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def write_files(folder: Path, files: Mapping[str, bytes]) -> None:
    """Write each file completely (flushed to disk), mode 0644."""
    for name, data in files.items():
        path = folder / name
        with path.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        path.chmod(FILE_MODE)


def replace_file(path: Path, data: bytes) -> None:
    """Replace one file atomically (write beside it, then rename over it), mode 0644."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}-new-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, FILE_MODE)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def exchange(a: Path, b: Path) -> None:
    """Swap two existing folders' names."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
        if result == 0:
            return
        errno = ctypes.get_errno()
        if errno not in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: no exchange here
            raise OSError(errno, os.strerror(errno), str(a))
    aside = a.with_name(a.name + ".aside")
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)


def swap_in(new: Path, target: Path) -> Path | None:
    """Make `new` the folder at `target`. Returns where the previous version now is (the
    caller removes it, or swaps it back to roll back), or None if there was none."""
    if target.exists():
        exchange(new, target)
        return new
    os.rename(new, target)
    return None


def remove(folder: Path | None) -> None:
    """Delete a staging or replaced folder."""
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def replace_folder(target: Path, files: Mapping[str, bytes]) -> None:
    """Replace `target` by a folder holding exactly `files`, in one swap."""
    staged = staging_folder(target)
    try:
        write_files(staged, files)
    except BaseException:
        remove(staged)
        raise
    remove(swap_in(staged, target))
