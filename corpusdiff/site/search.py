"""The site's search index: every paragraph and heading of the corpus, as script files a page
loads from file:// (fetch() is refused there, a <script> tag is not). A heading is indexed as a
paragraph is, under its anchor on the document page (`h<n>`, the one address scheme), which is
how the page tells it apart.

A small corpus gets one file, `search-index.js`, holding every paragraph: the page scans it.
From `SHARD_THRESHOLD_BYTES` of paragraph text on, that file would be too large to load, so the
index is sharded instead, and `search-index.js` only describes the shards:

- content shards (`search/c-<hash>.js`): consecutive paragraphs of one document, about
  `BLOCK_BYTES` each, named by their content, so a shard a rebuild leaves unchanged keeps its file;
- posting shards (`search/idx-<n>.js`): for each key, the paragraphs (numbered across the
  corpus) that contain it, spread over a power of two of files by the key's FNV-1a hash.

A paragraph printed in traditional characters carries its simplified copy (`_entries`), whose keys
are its keys too: a query in simplified characters finds it. A query typed in traditional
characters is folded by the page with `search-fold.js` (`fold_table`): OpenCC's simplified form of
each character alone, for the characters whose simplified form the index holds; the page matches
each character of a term as typed or as folded, and takes the keys of either.

A key is an indexed character (Han, ASCII letter or digit, letters lowercased) or two adjacent
ones. A paragraph containing a query term contains a form of every key of the term
(`query_keys`), so the paragraphs listed under a form of each are a superset of the hits: the page
loads the posting shards of the query's keys, intersects their lists (each key's forms' joined), then loads the content shards of the first
candidates and matches the terms exactly as in the one file. Both ways give the same hits.
static/app.js mirrors `query_keys` (its keys folded as the page folds a query: a traditional
character as typed or as folded), `key_shard` and the posting encoding; keep them in step.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from corpusdiff.text.script import searchable, simplified_characters, simplified_texts

#: Paragraph text (UTF-8 bytes) past which the index is sharded: a 2 MB script still loads in
#: well under a second, and below it one file keeps a small site simple.
SHARD_THRESHOLD_BYTES = 2_000_000
#: Target size of a content shard: the hits of a common word are spread over many documents,
#: and the page loads each shard that holds one of the first 200.
BLOCK_BYTES = 16_000
#: Target size of a posting shard, which sets how many there are (a power of two).
POSTING_SHARD_BYTES = 64_000
MIN_POSTING_SHARDS, MAX_POSTING_SHARDS = 16, 4096

INDEX_SCRIPT = "search-index.js"
FOLD_SCRIPT = "search-fold.js"
SHARD_FOLDER = "search/"
RESULT_LIMIT = 200  # hits shown, as static/app.js

_INDEXED = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9A-Za-z]+")


@dataclass(frozen=True)
class SearchDocument:
    """A document as search lists it, with its paragraphs and headings as (anchor, text), in the
    order the page prints them (`reading_order`)."""

    url: str
    title: str
    date: str
    paragraphs: tuple[tuple[str, str], ...]


def reading_order(
    paragraphs: Sequence[Sequence[str]], headings: Sequence[Sequence[str | int]]
) -> tuple[tuple[str, str], ...]:
    """The paragraphs (anchor, text) with the headings (anchor, text, paragraphs before it) among
    them, as the document page prints them: a word only a section's title has (（三）…) is found,
    and hits come in the order a reader meets them."""
    placed = [((int(at), 0), (str(anchor), str(text))) for anchor, text, at in headings]
    placed += [((number, 1), (anchor, text)) for number, (anchor, text) in enumerate(paragraphs)]
    return tuple(entry for _place, entry in sorted(placed, key=operator.itemgetter(0)))


def search_files(documents: Sequence[SearchDocument], threshold: int | None = None) -> dict[str, str]:
    """The files of the search index, by path inside the site (deterministic); sharded past
    `threshold` bytes of paragraph text on (default SHARD_THRESHOLD_BYTES; 0: always)."""
    size = sum(len(text.encode("utf-8")) for doc in documents for _anchor, text in doc.paragraphs)
    listed = [{"url": d.url, "title": d.title, "date": d.date} for d in documents]
    entries = [_entries(d.paragraphs) for d in documents]
    fold = {FOLD_SCRIPT: fold_script(text for each in entries for entry in each for text in entry[1:])}
    if size < (SHARD_THRESHOLD_BYTES if threshold is None else threshold):
        paragraphs = [[number, *entry] for number, each in enumerate(entries) for entry in each]
        return {INDEX_SCRIPT: _assign({"documents": listed, "paragraphs": paragraphs}), **fold}
    return {**_sharded(entries, listed), **fold}


def fold_script(texts: Iterable[str]) -> str:
    """The script that gives the pages `window.CORPUSDIFF_FOLD`, the pairs of `fold_table`."""
    pairs = "".join(t + s for t, s in fold_table(texts).items())
    return "window.CORPUSDIFF_FOLD = " + _json(pairs) + ";\n"


def fold_table(texts: Iterable[str]) -> dict[str, str]:
    """Traditional characters and their simplified forms (`text.script.simplified_characters`),
    those whose simplified form the texts hold (a query folded to any other finds nothing more),
    so that a query typed in traditional characters finds the editions printed in simplified
    ones: what the page folds a query with, and `query_keys` too."""
    held: set[str] = set()
    for text in texts:
        held.update(text)
    return {t: s for t, s in simplified_characters().items() if s in held}


def _entries(paragraphs: Sequence[tuple[str, str]]) -> list[list[str]]:
    """[anchor, text] of each paragraph, and its simplified copy after them where it has
    traditional characters: the page matches a term in the text or in the copy, which is as long,
    so a simplified query finds a paragraph printed in traditional characters and marks it in
    place (`text.script.searchable`)."""
    texts = [text for _anchor, text in paragraphs]
    copies = simplified_texts(texts)
    return [
        [anchor, text, copy] if copy != text and len(copy) == len(text) else [anchor, text]
        for (anchor, text), copy in zip(paragraphs, copies, strict=True)
    ]


def document_fold(text: str) -> str:
    """Pairs of a character `text` prints in traditional and its simplified form in the text's
    copy (`text.script.searchable`; the most frequent where the copy gives it two): the document
    page reads its words as the index does, to mark a query typed in the other script. Empty for
    a text in simplified characters."""
    copy = searchable(text)
    if copy == text:
        return ""
    seen = Counter(
        (printed, simple)
        for printed, simple in zip(text, copy, strict=True)
        if printed != simple and max(ord(printed), ord(simple)) < 0x10000  # a page's string holds a pair as two
    )
    chosen: dict[str, str] = {}
    for (printed, simple), _count in seen.most_common():
        chosen.setdefault(printed, simple)
    return "".join(printed + simple for printed, simple in sorted(chosen.items()))


def _sharded(entries: Sequence[list[list[str]]], listed: list[dict[str, str]]) -> dict[str, str]:
    files: dict[str, str] = {}
    blocks: list[list[str | int]] = []
    texts: list[str] = []
    for number, each in enumerate(entries):
        for block in _blocks(each):
            name = "c-" + hashlib.sha256(_json(block).encode("utf-8")).hexdigest()[:16]
            files[SHARD_FOLDER + name + ".js"] = _shard_script(name, block)
            blocks.append([name, number, len(texts)])  # its first paragraph's number
            texts += ["\n".join(texts_and_copy) for _anchor, *texts_and_copy in block]
    postings = _postings(texts)
    count = posting_shard_count(postings)
    digits = max(2, len(f"{count - 1:x}"))
    shards: list[dict[str, str]] = [{} for _ in range(count)]
    for key in sorted(postings):
        shards[key_shard(key, count)][key] = postings[key]
    for number, shard in enumerate(shards):
        name = f"idx-{number:0{digits}x}"
        files[SHARD_FOLDER + name + ".js"] = _shard_script(name, shard)
    meta = {"folder": SHARD_FOLDER, "postings": count, "digits": digits, "blocks": blocks}
    files[INDEX_SCRIPT] = _assign({"documents": listed, "sharded": meta})
    return files


def _blocks(entries: Sequence[list[str]]) -> list[list[list[str]]]:
    """A document's paragraph entries in runs of about BLOCK_BYTES (a longer paragraph alone)."""
    blocks: list[list[list[str]]] = []
    size = 0
    for entry in entries:
        length = len(entry[1].encode("utf-8"))
        if not blocks or (size and size + length > BLOCK_BYTES):
            blocks.append([])
            size = 0
        blocks[-1].append(entry)
        size += length
    return blocks


def index_hash(documents: Sequence[SearchDocument], stamp: str) -> str:
    """What the index is made of (with the code's `stamp` and this module's settings): the same
    hash, the same files."""
    settings = (
        SHARD_THRESHOLD_BYTES,
        BLOCK_BYTES,
        POSTING_SHARD_BYTES,
        MIN_POSTING_SHARDS,
        MAX_POSTING_SHARDS,
    )
    digest = hashlib.sha256(_json([stamp, settings]).encode("utf-8"))
    for doc in documents:
        digest.update(_json([doc.url, doc.title, doc.date, doc.paragraphs]).encode("utf-8"))
    return digest.hexdigest()


def _postings(texts: Sequence[str]) -> dict[str, str]:
    """Each key's paragraphs, encoded (`encode_numbers`)."""
    listed: defaultdict[str, list[int]] = defaultdict(list)
    for number, text in enumerate(texts):
        for key in text_keys(text):
            listed[key].append(number)
    return {key: encode_numbers(numbers) for key, numbers in listed.items()}


#: The digits of the posting encoding: base64url's, safe in JSON and JavaScript strings.
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def encode_numbers(numbers: Sequence[int]) -> str:
    """Increasing numbers as the gaps between them, five bits a digit, low bits first, a digit
    of 32 or more saying another follows: a gap under 32 is one character (a JSON list of
    gaps costs two or three)."""
    gaps = [b - a for a, b in zip([0, *numbers], numbers, strict=False)]
    if max(gaps, default=0) < 32:  # the common case, a character a gap
        return "".join(map(DIGITS.__getitem__, gaps))
    digits = []
    for gap in gaps:
        while gap >= 32:
            digits.append(DIGITS[32 | (gap & 31)])
            gap >>= 5
        digits.append(DIGITS[gap])
    return "".join(digits)


def text_keys(text: str) -> set[str]:
    """Every key a text contains: each indexed character, and each two adjacent ones."""
    keys: set[str] = set()
    for run in _runs(text):
        keys.update(run)
        keys.update(map(operator.add, run, run[1:]))
    return keys


def query_keys(term: str, fold: Mapping[str, str] | None = None) -> list[tuple[str, ...]]:
    """The keys every text containing `term` contains, each as the forms a text may hold it in:
    two adjacent indexed characters of the term, or one that stands alone in it, each character
    as typed or as `fold` folds it (the pairs of search-fold.js, `fold_table`; by default every
    pair that table is cut from). A text holding the term holds a form of each. Empty: the term
    names no shard. static/app.js `corpusdiffKeys` is this function: keep them in step."""
    table = simplified_characters() if fold is None else fold
    keys: list[tuple[str, ...]] = []
    for run in _runs(term):
        forms = [char + table.get(char, "") for char in run]
        if len(forms) == 1:
            keys.append(tuple(forms[0]))
        keys += [tuple(a + b for a in first for b in second) for first, second in itertools.pairwise(forms)]
    return list(dict.fromkeys(keys))


def _runs(text: str) -> list[str]:
    return [run.lower() for run in _INDEXED.findall(text)]


def key_shard(key: str, count: int) -> int:
    """The posting shard of a key: 32-bit FNV-1a over its characters (all in the BMP), as in app.js."""
    value = 0x811C9DC5
    for char in key:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value & (count - 1)


def posting_shard_count(postings: dict[str, str]) -> int:
    """A power of two of posting shards of about POSTING_SHARD_BYTES each."""
    size = sum(len(key.encode("utf-8")) + len(listed) + 6 for key, listed in postings.items())
    count = MIN_POSTING_SHARDS
    while count < MAX_POSTING_SHARDS and count * POSTING_SHARD_BYTES < size:
        count *= 2
    return count


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _assign(index: object) -> str:
    return "window.CORPUSDIFF_INDEX = " + _json(index) + ";\n"


def _shard_script(name: str, data: object) -> str:
    return f'CORPUSDIFF_SHARD("{name}",{_json(data)});\n'
