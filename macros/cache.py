"""One private directory where a build leaves what the next build may reuse.

It is Jinja's bytecode-cache directory in the system's temporary directory: Jinja creates it for
this user only (mode 0700) and refuses it if someone else owns it, so what is read back from it
(compiled templates, parsed data files) was written by this user's own builds. Every entry is
named by a hash of everything it was made from: a changed file or a changed rule is a new entry,
never a stale one. Deleting the directory only makes the next build slower; KB_BUILD_CACHE=off
makes a build neither read nor write anything here (tests/test_reproducible.py builds that way;
`make bench` measures a build with it and without).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from pathlib import Path

import jinja2


def enabled() -> bool:
    return os.environ.get("KB_BUILD_CACHE", "on") != "off"


@functools.lru_cache(maxsize=1)
def _store() -> jinja2.FileSystemBytecodeCache:
    return jinja2.FileSystemBytecodeCache()


def bytecode_cache() -> jinja2.FileSystemBytecodeCache | None:
    """For Jinja environments: compiled templates kept between builds (None: the cache is off)."""
    return _store() if enabled() else None


def directory() -> Path:
    return Path(_store().directory)


def key(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def has_mark(name: str) -> bool:
    return enabled() and (directory() / name).exists()


def set_mark(name: str) -> None:
    _write(name, b"")


def load(name: str) -> object | None:
    """What store() kept under name, or None."""
    if not enabled():
        return None
    try:
        return pickle.loads((directory() / name).read_bytes())  # noqa: S301 - this user's own directory
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def store(name: str, value: object) -> None:
    _write(name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _write(name: str, data: bytes) -> None:
    if not enabled():
        return
    target = directory() / name
    temporary = target.with_name(f"{name}.{os.getpid()}")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)  # parallel builds may write the same entry
    except OSError:
        pass  # nothing kept: the next build does the work again
