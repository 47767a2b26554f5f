"""Results kept on disk between runs: segmentations and document trees, keyed by content.

A cold `diff` of two known reports then needs neither jieba's dictionary (half a second to
load) nor the normaliser. Entries live under a stamp of corpusdiff's own code and of jieba's
dictionary, so a cache can never hand back what today's code would not produce. A new stamp
removes all but the most recently written of the other stamps' entries (`KEEP_GENERATIONS`):
two installed versions, or two checkouts, that share a cache keep each other's. The cache
is an optimisation only: when it cannot be read or written, everything works, just slower,
and deleting it is always safe.

A cache directory is not trusted (docs/security.md): entries are data, never code. Each is
JSON (no pickles) with a format version and the digest of its own key, and holds only values
built from JSON scalars, tuples, lists, dicts and the frozen dataclasses and enums of
corpusdiff's result types (`_ALLOWED`), each field checked against its annotation, the whole
value against what its namespace holds. An entry that fails any check, that was moved from
another key, that another user owns or that others could write is a miss, and is replaced.
The directory is created 0700, entries 0600.

Location: $CORPUSDIFF_CACHE_DIR, else $XDG_CACHE_HOME/corpusdiff, else ~/.cache/corpusdiff.
CORPUSDIFF_CACHE_DIR=off turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass
from enum import Enum
from functools import cache, lru_cache
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

from corpusdiff.store import files

T = TypeVar("T")

#: Bumped whenever the layout of an entry changes; other versions are misses.
FORMAT = 1
SUFFIX = ".json"
#: Entries larger than this are not read (a cache is not a place for gigabytes).
MAX_ENTRY_BYTES = 256 * 1024 * 1024
#: Generations (one per code stamp) kept: this code's and the others most recently written to.
KEEP_GENERATIONS = 3

#: The only modules whose classes an entry may rebuild (frozen dataclasses and enums, named
#: `module.Class`): corpusdiff's result types, and the series results the site caches.
_TYPES_PACKAGE = "corpusdiff.types."
_ALLOWED_MODULES = frozenset({"corpusdiff.series.trace", "corpusdiff.series.terms"})
#: What each namespace holds: classes, "str", or "segments"; other namespaces: anything allowed.
_NAMESPACES: dict[str, tuple[str, ...]] = {
    "segments": ("segments",),
    "trees": ("corpusdiff.types.tree.DocTree",),
    "diffs": ("corpusdiff.types.diff.DiffResult",),
    "series": (
        "corpusdiff.series.trace.Trace",
        "corpusdiff.series.terms.TermIndex",
        "str",
    ),
}


class _Bad(Exception):
    """An entry this code would not have written."""


def install() -> None:
    """Hand this cache to the text layer (segmentations, jieba's dictionary index): the
    command line does it at its edge; a library caller that wants the disk cache does too."""
    from corpusdiff.text import stores

    stores.use(sys.modules[__name__], _private_root)


def cache_dir() -> Path | None:
    """Where cached results live, or None when caching is off."""
    configured = os.environ.get("CORPUSDIFF_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "corpusdiff"


def _private_root() -> Path | None:
    """`cache_dir()`, created 0700 when missing (whoever creates it first: an entry, the index)."""
    root = cache_dir()
    if root is not None and not root.is_dir():
        try:
            root.parent.mkdir(parents=True, exist_ok=True)
            root.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return root
    return root


def load(namespace: str, key: object) -> Any | None:
    """The value stored under `key`, or None when absent, unreadable or not what this code
    would have stored there."""
    located = _path(namespace, key)
    if located is None:
        return None
    path, digest = located
    try:
        with files.open_regular(path) as handle:  # a named pipe planted here is a miss, not a wait
            if not _trusted(os.fstat(handle.fileno())):
                return None
            header = handle.readline(4096)
            if json.loads(header) != [FORMAT, namespace, digest]:
                return None
            value = json.loads(handle.read(MAX_ENTRY_BYTES + 1), object_hook=_Decoder().hook)
        _check_namespace(namespace, value)
        return value
    except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError, ImportError, _Bad):
        return None


def save(namespace: str, key: object, value: object) -> None:
    """Store `value` under `key` (atomically; failures, and values the cache cannot hold, are ignored)."""
    located = _path(namespace, key)
    if located is None:
        return
    path, digest = located
    try:
        body = json.dumps(_Encoder().encode(value), ensure_ascii=False, separators=(",", ":"))
        header = json.dumps([FORMAT, namespace, digest], ensure_ascii=False)
    except (_Bad, ValueError, TypeError, RecursionError):
        return
    try:
        if not path.parent.parent.exists():
            _private_root()
            _drop_stale_generations(path.parent.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(header.encode("utf-8") + b"\n" + body.encode("utf-8"))
        os.replace(tmp, path)
        os.utime(path.parent.parent)
    except OSError:
        return


def memo(namespace: str, key: object, compute: Callable[[], T]) -> T:
    """`compute()`, or its result from an earlier run with the same key."""
    value = load(namespace, key)
    if value is None:
        value = compute()
        save(namespace, key, value)
    return value


def memo_call(namespace: str, func: Callable[..., T], *args: object) -> T:
    """`func(*args)` for a pure `func`, keyed by the content of its arguments (their repr:
    frozen dataclasses of strings, numbers and tuples, as store.diffs.content_key)."""
    digest = hashlib.sha256(repr(args).encode("utf-8")).hexdigest()
    return memo(namespace, [func.__module__, func.__qualname__, digest], lambda: func(*args))


def _path(namespace: str, key: object) -> tuple[Path, str] | None:
    root = cache_dir()
    if root is None:
        return None
    digest = hashlib.sha256(json.dumps(key, ensure_ascii=False, default=str).encode()).hexdigest()
    return root / code_stamp()[:16] / namespace / f"{digest[:32]}{SUFFIX}", digest


def _trusted(stat: os.stat_result) -> bool:
    """An entry written by this user and writable by nobody else (POSIX; elsewhere: any)."""
    if not hasattr(os, "getuid"):
        return stat.st_size <= MAX_ENTRY_BYTES
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022 and stat.st_size <= MAX_ENTRY_BYTES


def _drop_stale_generations(generation: Path) -> None:
    """Remove the entries of other versions of the code but the most recently written ones:
    an old version's entries are useless to this one, but another version in use beside it (a
    second virtualenv, a checkout of another branch) would otherwise wipe and refill the cache
    at every switch."""
    import shutil

    others = [
        other
        for other in generation.parent.glob("*")
        if other.is_dir() and not other.is_symlink() and len(other.name) == 16 and other != generation
    ]
    others.sort(key=_written, reverse=True)
    for other in others[KEEP_GENERATIONS - 1 :]:
        shutil.rmtree(other, ignore_errors=True)


def _written(generation: Path) -> float:
    try:
        return generation.stat().st_mtime
    except OSError:
        return 0.0


# --- the data format ------------------------------------------------------------------------
# JSON scalars stand for themselves; a list is a JSON array; everything else is an object
# with one key: {"@t": [...]} a tuple, {"@d": [[k, v], ...]} a dict, {"@s": "..."} a str
# subclass such as Markup, {"@e": ["Status", "new"]} an enum, {"@c": ["Unit", [fields]]} a
# dataclass (fields in declaration order), {"@r": n} the n-th dataclass of the entry again
# (counted as they end). Any other object is a bad entry.


class _Encoder:
    """Values to JSON-able data; a dataclass met again (a unit shared by a tree and the
    initiatives that pair it) is written once and referred to by its number."""

    def __init__(self) -> None:
        self.seen: dict[int, int] = {}

    def encode(self, value: object) -> object:
        kind = type(value)
        if value is None or kind in _SCALARS:
            return value
        if isinstance(value, list) and kind is list:
            return self._items(value)
        if isinstance(value, tuple) and kind is tuple:
            return {"@t": self._items(value)}
        if isinstance(value, dict) and kind is dict:
            return {"@d": [[self.encode(k), self.encode(v)] for k, v in value.items()]}
        form = _FORMS.get(kind) or _FORMS.setdefault(kind, _form(kind))
        if not form:
            if isinstance(value, str) and kind.__name__ == "Markup":
                return {"@s": str(value)}
            raise _Bad(f"the cache does not hold {_name(kind)}")
        name, names = form
        if isinstance(value, Enum):
            return {"@e": [name, value.value]}
        number = self.seen.get(id(value))
        if number is not None:
            return {"@r": number}
        out = {"@c": [name, self._items([getattr(value, f) for f in names])]}
        self.seen[id(value)] = len(self.seen)  # numbered when complete, as the decoder meets them
        return out

    def _items(self, values: Iterable[object]) -> list[object]:
        """`encode` of each value, the strings and numbers (most of them) without a call."""
        return [v if type(v) in _SCALARS or v is None else self.encode(v) for v in values]


_SCALARS = (str, int, float, bool)
#: Each class the encoder met, as `_form` gives it.
_FORMS: dict[type, tuple[str, tuple[str, ...]] | tuple[()]] = {}


def _form(kind: type) -> tuple[str, tuple[str, ...]] | tuple[()]:
    """How the encoder writes a value of an allowed class: its name and its fields (none for
    an enum, written by value); () for any other class. Looked up once per class, not per
    value: a diff of two national reports holds some 100,000 values of a dozen classes, and
    naming each one's class again took half the time of writing the entry."""
    if not _allowed(kind):
        return ()
    name = _name(kind)
    return (name, ()) if issubclass(kind, Enum) else (name, _shape(name)[1])


class _Decoder:
    """JSON objects back to values (json's object_hook: called innermost first, in file order)."""

    def __init__(self) -> None:
        self.objects: list[object] = []

    def hook(self, obj: dict[str, Any]) -> object:
        if len(obj) != 1:
            raise _Bad("an untagged object")
        ((tag, payload),) = obj.items()
        if tag == "@t":
            return tuple(payload)
        if tag == "@c":
            name, values = payload
            cls, names, checks = _shape(name)
            if type(values) is not list or len(values) != len(names):
                raise _Bad(name)
            for check, v in zip(checks, values, strict=True):
                if not check(v):
                    raise _Bad(name)
            instance: Any = object.__new__(cls)  # as pickle did: the fields as stored, no __init__
            instance.__dict__.update(zip(names, values, strict=True))
            self.objects.append(instance)
            return instance
        if tag == "@r":
            if type(payload) is not int or payload < 0:
                raise _Bad("a bad reference")
            return self.objects[payload]
        if tag == "@d":
            return {_hashable(k): v for k, v in payload}
        if tag == "@e":
            name, v = payload
            return _members(name)[v]
        if tag == "@s" and type(payload) is str:
            from markupsafe import Markup

            return Markup(payload)
        raise _Bad(f"unknown tag {tag!r}")


def _hashable(key: object) -> object:
    if isinstance(key, list | dict):
        raise _Bad("an unhashable dict key")
    return key


def _check_namespace(namespace: str, value: object) -> None:
    expected = _NAMESPACES.get(namespace)
    if expected is None:
        return
    for kind in expected:
        if kind == "str" and isinstance(value, str):
            return
        if kind == "segments" and _is_segments(value):
            return
        if "." in kind and _name(type(value)) == kind:
            return
    raise _Bad(f"not what {namespace} holds")


def _is_segments(value: object) -> bool:
    return isinstance(value, dict) and all(
        type(k) is str and type(v) is tuple and all(type(t) is str for t in v) for k, v in value.items()
    )


@cache
def _lookup(name: str) -> type:
    """An allowed class by `module.Class`, its module imported on first use (_Bad: not allowed)."""
    module, _, qualname = name.rpartition(".")
    if not (module.startswith(_TYPES_PACKAGE) or module in _ALLOWED_MODULES):
        raise _Bad(f"{name} is not a result type")
    cls = getattr(import_module(module), qualname, None)
    if not (
        isinstance(cls, type) and cls.__module__ == module and (is_dataclass(cls) or issubclass(cls, Enum))
    ):
        raise _Bad(f"{name} is neither a dataclass nor an enum")
    return cls


@cache
def _members(name: str) -> dict[object, Enum]:
    """An allowed enum's members by value."""
    enum = _lookup(name)
    if not issubclass(enum, Enum):
        raise _Bad(name)
    return {member.value: member for member in enum}


def _name(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def _allowed(kind: type) -> bool:
    try:
        return _lookup(_name(kind)) is kind
    except (_Bad, ImportError):
        return False


@cache
def _shape(name: str) -> tuple[type, tuple[str, ...], tuple[Callable[[object], bool], ...]]:
    """An allowed dataclass, its field names and one check per field, from its annotation."""
    cls = _lookup(name)
    if issubclass(cls, Enum):
        raise _Bad(f"{name} is an enum")
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    return cls, names, tuple(_check_for(hints[n]) for n in names)


def _check_for(annotation: object) -> Callable[[object], bool]:
    """What a value of a field so annotated may be (after decoding)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is Any:
        return lambda v: True
    if annotation is type(None):
        return lambda v: v is None
    if annotation is float:
        return lambda v: type(v) in (float, int)
    if annotation is int:
        return lambda v: type(v) in (int, bool)
    if annotation is bool:
        return lambda v: type(v) is bool
    if annotation is str:
        return lambda v: isinstance(v, str)
    if origin in (types.UnionType, typing.Union):
        options = tuple(_check_for(a) for a in args)
        return lambda v: any(check(v) for check in options)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _check_for(args[0])
            return lambda v: type(v) is tuple and all(item(x) for x in v)
        each = tuple(_check_for(a) for a in args)
        return lambda v: (
            type(v) is tuple and len(v) == len(each) and all(c(x) for c, x in zip(each, v, strict=True))
        )
    if origin is dict:
        key, val = (_check_for(a) for a in args)
        return lambda v: type(v) is dict and all(key(k) and val(x) for k, x in v.items())
    if isinstance(annotation, type) and _allowed(annotation):
        return lambda v: type(v) is annotation
    raise TypeError(f"the cache cannot check {annotation!r}")


def stamped_files(package: Path) -> list[Path]:
    """What the results depend on: the modules and the data shipped with them (stopwords,
    indicator synonyms), so editing a data file is a new generation too."""
    return sorted([*package.rglob("*.py"), *(p for p in package.rglob("data/*") if p.is_file())])


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A hash of corpusdiff's own modules and data files and jieba's dictionary stamp, found
    without imports."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for module in stamped_files(package):
        digest.update(module.relative_to(package).as_posix().encode() + b"\0" + module.read_bytes())
    spec = find_spec("jieba")
    if spec is not None and spec.origin is not None:
        stat = (Path(spec.origin).parent / "dict.txt").stat()
        digest.update(f"jieba:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()
