"""jieba's dictionary on disk, bucketed by the first two characters of each entry.

Loading the whole 350k-word dictionary takes about half a second, yet segmenting a text can
only look up its single characters and fragments that begin with one of its bigrams (see
`tokens.PartialDictionary`). This index hands out exactly those entries: the single
characters and the total once, then the buckets of the bigrams asked for (about 10% of the
dictionary for two plan reports).

It is a sqlite file (a table keyed by bigram: reading the 12k buckets of two plans takes
30 ms, where a marshalled offset table of all 178k bigrams takes 75 ms to load) in
corpusdiff's cache directory, named after the dictionary file's path, size and mtime, so a
new jieba gets a new index. It is built on first use with jieba's own parser
(`Tokenizer.gen_pfdict`, prefixes included), into a temp file renamed into place, so
concurrent builders cannot tear it, and under the folder's lock, so processes started together
build it once. A damaged or unreadable index is `Unusable`: the caller falls back to the full
dictionary and the file is removed, to be rebuilt by the next use.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from corpusdiff.text import stores

#: Bumped when the file layout changes; part of the file name.
FORMAT = 1
#: The folder of the cache directory that holds the index files.
INDEX_DIR = "jieba-index"
_CHUNK = 999  # bound parameters per query: the lowest limit sqlite versions have had
_EMPTY: dict[str, int] = {}
_SURROGATE = re.compile("[\ud800-\udfff]")  # in no dictionary word, and sqlite cannot take one


class Unusable(Exception):
    """The index file is damaged or unreadable."""


class DictIndex:
    """An open index; the buckets read so far are kept for every tokenizer of the process."""

    total: int  # of all the dictionary's frequencies, as jieba's full load has it
    singles: dict[str, int]  # every one-character entry, words and prefixes

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._buckets: dict[str, dict[str, int]] = {}
        meta = dict(self._query("SELECT key, value FROM meta", ()))
        try:
            if meta["format"] != str(FORMAT):
                raise ValueError(f"not a format {FORMAT} index")
            self.total = int(meta["total"])
            self.singles = _decode(meta["singles"])
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            raise self._unusable(error) from error

    def buckets(self, bigrams: Iterable[str]) -> list[dict[str, int]]:
        """The entries (words and their prefixes, as in jieba's FREQ) starting with each bigram."""
        bigrams = list(bigrams)
        missing = [b for b in bigrams if b not in self._buckets]
        for start in range(0, len(missing), _CHUNK):
            self._read(missing[start : start + _CHUNK])
        return [self._buckets[b] for b in bigrams]

    def _read(self, bigrams: list[str]) -> None:
        asked = bigrams
        if _SURROGATE.search("".join(bigrams)):
            asked = [b for b in bigrams if not _SURROGATE.search(b)]
        placeholders = ",".join("?" * len(asked))
        sql = f"SELECT bigram, entries FROM bucket WHERE bigram IN ({placeholders})"
        found = dict(self._query(sql, asked))
        try:
            for bigram in bigrams:
                self._buckets[bigram] = _decode(found[bigram]) if bigram in found else _EMPTY
        except (ValueError, TypeError, AttributeError) as error:
            raise self._unusable(error) from error

    def _query(self, sql: str, parameters: Iterable[str]) -> list[tuple[str, str]]:
        try:
            return self._connection().execute(sql, tuple(parameters)).fetchall()
        except sqlite3.Error as error:
            raise self._unusable(error) from error

    def _connection(self) -> sqlite3.Connection:
        """One read-only connection per process: a forked worker opens its own."""
        if self._db is None or self._pid != os.getpid():
            uri = self.path.resolve().as_uri() + "?mode=ro&immutable=1"
            self._db, self._pid = sqlite3.connect(uri, uri=True, check_same_thread=False), os.getpid()
        return self._db

    def _unusable(self, error: Exception) -> Unusable:
        """Remove the damaged file, so that the next use rebuilds it."""
        with suppress(OSError):
            self.path.unlink()
        _open_or_build.cache_clear()
        return Unusable(f"{self.path}: {error!r}")


def jieba_dictionary() -> Path | None:
    """The dict.txt that jieba's default tokenizer loads (found without importing jieba)."""
    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "dict.txt"


def load(dictionary: Path | None = None) -> DictIndex | None:
    """The index of `dictionary` (jieba's by default), built when missing; None when the disk
    cache is off or the index cannot be built or read."""
    root = stores.index_root() if stores.index_root is not None else None
    dictionary = dictionary or jieba_dictionary()
    if root is None or dictionary is None:
        return None
    try:
        stat = dictionary.stat()
    except OSError:
        return None
    stamp = f"{dictionary.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{FORMAT}"
    name = hashlib.sha256(stamp.encode()).hexdigest()[:32]
    return _open_or_build(root / INDEX_DIR / f"{name}.sqlite3", dictionary)


@lru_cache(maxsize=4)
def _open_or_build(path: Path, dictionary: Path) -> DictIndex | None:
    with suppress(Unusable):
        return DictIndex(path)
    try:
        with _one_builder(path.parent):
            with suppress(Unusable):  # built by another process while this one waited
                return DictIndex(path)
            build(dictionary, path)
        return DictIndex(path)
    except (OSError, sqlite3.Error, ValueError, Unusable):
        return None


@contextmanager
def _one_builder(folder: Path) -> Iterator[None]:
    """Hold the index folder's lock: processes started together on a cold cache (a pool's
    workers, a test run's) wait for the first one's index rather than each building their own
    (~2.5 s of CPU each). The lock is the folder's own (flock), so no file is left behind."""
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def build(dictionary: Path, target: Path) -> None:
    """Write the index of `dictionary` to `target`, atomically."""
    import jieba

    with open(dictionary, "rb") as lines:  # gen_pfdict closes it
        freq, total = jieba.Tokenizer.gen_pfdict(lines)
    singles = {word: f for word, f in freq.items() if len(word) == 1}
    buckets: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for word, f in freq.items():
        if len(word) > 1:
            buckets[word[:2]][word] = f
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        _write(temp, total, singles, buckets)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _write(path: Path, total: int, singles: dict[str, int], buckets: dict[str, dict[str, int]]) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
        db.execute("CREATE TABLE bucket (bigram TEXT PRIMARY KEY, entries TEXT) WITHOUT ROWID")
        meta = {"format": str(FORMAT), "total": str(total), "singles": _encode(singles)}
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.executemany("INSERT INTO bucket VALUES (?, ?)", ((b, _encode(e)) for b, e in buckets.items()))
        db.commit()


def _encode(entries: dict[str, int]) -> str:
    """`word freq word freq ...`: jieba's words never hold a space (it splits its lines on one)."""
    return " ".join(f"{word} {f}" for word, f in entries.items())


def _decode(text: str) -> dict[str, int]:
    fields = text.split(" ") if text else []
    return dict(zip(fields[::2], map(int, fields[1::2]), strict=True))
