"""TF-IDF vectors over content words and cosine similarity, with an inverted index so that
comparing every unit of one edition with every unit of the next stays fast."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

Vector = dict[str, float]


def tfidf_vectors(documents: Sequence[Sequence[str]]) -> list[Vector]:
    """Unit-length TF-IDF vectors (sublinear tf, smoothed idf) for token lists."""
    frequency = Counter(chain.from_iterable(map(set, documents)))
    total = len(documents)
    idf = {token: math.log((1 + total) / (1 + count)) + 1 for token, count in frequency.items()}
    vectors = []
    for doc in documents:
        # a word once has weight idf (1 + log 1 = 1: the same float, without the logarithm)
        vector = {t: idf[t] if c == 1 else (1 + math.log(c)) * idf[t] for t, c in Counter(doc).items()}
        norm = math.sqrt(sum([v * v for v in vector.values()])) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def similarity_matrix(left: Sequence[Vector], right: Sequence[Vector]) -> list[dict[int, float]]:
    """For each left vector, the non-zero cosines with right vectors (sparse rows)."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, vector in enumerate(right):
        for token, weight in vector.items():
            postings[token].append((j, weight))
    rows = []
    for vector in left:
        scores: dict[int, float] = defaultdict(float)
        for token, weight in vector.items():
            for j, other in postings.get(token, ()):
                scores[j] += weight * other
        rows.append(dict(scores))
    return rows


def _term_counts(
    documents: Sequence[Sequence[str]], vocabulary: np.ndarray | None = None
) -> tuple[csr_matrix, np.ndarray]:
    """documents x vocabulary: how often each token occurs in each document, and the vocabulary (the
    documents' own sorted tokens, or `vocabulary` when given: sorted, holding every token)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    tokens = np.array([token for doc in documents for token in doc], dtype=str)
    rows = np.repeat(np.arange(len(documents)), [len(doc) for doc in documents])
    if vocabulary is None:
        vocabulary, columns = np.unique(tokens, return_inverse=True)
    else:
        columns = np.searchsorted(vocabulary, tokens)
    counts = csr_matrix((np.ones(len(tokens)), (rows, columns)), shape=(len(documents), len(vocabulary)))
    counts.sum_duplicates()
    return counts, vocabulary


def _vocabulary(*collections: Sequence[Sequence[str]]) -> np.ndarray:
    """The sorted distinct tokens of every document of `collections`."""
    import numpy as np

    return np.unique(np.array([token for documents in collections for doc in documents for token in doc], dtype=str))


def tfidf_matrix(documents: Sequence[Sequence[str]], vocabulary: np.ndarray | None = None) -> csr_matrix:
    """The unit-length TF-IDF rows of `tfidf_vectors` as one sparse documents x vocabulary matrix
    (numpy and scipy imported here, on first use, so cached paths never load them); the columns are
    `vocabulary` (sorted, holding every token) when given, the documents' own tokens otherwise."""
    import numpy as np
    from scipy.sparse import csr_matrix

    counts, vocabulary = _term_counts(documents, vocabulary)
    frequency = np.bincount(counts.indices, minlength=len(vocabulary))
    idf = np.log((1 + len(documents)) / (1 + frequency)) + 1
    weights = csr_matrix(
        ((1 + np.log(counts.data)) * idf[counts.indices], counts.indices, counts.indptr), shape=counts.shape
    )
    return _unit_rows(weights)


def _unit_rows(matrix: csr_matrix) -> csr_matrix:
    """The rows of a sparse matrix scaled to unit length (empty rows stay empty)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1 / norms[:, None]))


def cosine_matrix(left: Sequence[Sequence[str]], right: Sequence[Sequence[str]]) -> np.ndarray:
    """Cosines of the TF-IDF vectors of every left document with every right document, the
    vectors of `tfidf_vectors` over both lists together, as a dense len(left) x len(right) array:
    all-pairs scoring of two whole editions in numpy and scipy's sparse matrices."""
    weights = tfidf_matrix([*left, *right])
    return (weights[: len(left)] @ weights[len(left) :].T).toarray()


#: How many cosines `closest` holds at once (a block of rows against every column): 128 MB of
#: float64 at most, whatever the size of the editions (two 1.2 MB one-paragraph texts made a
#: 23888 x 23888 matrix); two whole reports' clauses fit in one block.
BLOCK_CELLS = 16_000_000


@dataclass(frozen=True)
class Closest:
    """For each left document its closest right one and the cosine (`left`, `left_cosine`), and
    for each right document its closest left one (`right`, `right_cosine`)."""

    left: np.ndarray
    left_cosine: np.ndarray
    right: np.ndarray
    right_cosine: np.ndarray


def closest(
    left: Sequence[Sequence[str]],
    right: Sequence[Sequence[str]],
    left_groups: Sequence[int],
    right_groups: Sequence[int],
) -> Closest:
    """`cosine_matrix`'s closest partners on both sides, among documents of the same group only,
    computed a block of rows at a time so that memory stays bounded however long the texts."""
    import numpy as np

    weights = tfidf_matrix([*left, *right])
    ours, theirs = weights[: len(left)], weights[len(left) :].T
    groups_left, groups_right = np.asarray(left_groups), np.asarray(right_groups)
    found = Closest(
        np.zeros(len(left), dtype=int),
        np.zeros(len(left)),
        np.zeros(len(right), dtype=int),
        np.full(len(right), -1.0),
    )
    step = max(1, BLOCK_CELLS // max(1, len(right)))
    for start in range(0, len(left), step):
        block = (ours[start : start + step] @ theirs).toarray()
        block[groups_left[start : start + step, None] != groups_right[None, :]] = 0.0
        rows = np.arange(block.shape[0])
        found.left[start : start + step] = block.argmax(axis=1)
        found.left_cosine[start : start + step] = block[rows, found.left[start : start + step]]
        best = block.argmax(axis=0)
        values = block[best, np.arange(block.shape[1])]
        better = values > found.right_cosine
        found.right[better] = best[better] + start
        found.right_cosine[better] = values[better]
    return found


def latent_cosine_matrix(
    left: Sequence[Sequence[str]],
    right: Sequence[Sequence[str]],
    dimensions: int,
    context: Sequence[Sequence[str]] = (),
) -> np.ndarray:
    """Cosines of every left document with every right one in a latent topic space (LSA): the
    TF-IDF rows of left, right and `context` (more documents of the same kind, which only teach
    the space which words go together) cut to their `dimensions` largest singular directions.
    Two texts on one topic in different words come close there when other documents use those
    words together; plain TF-IDF cosine sees only the words they share."""
    import numpy as np
    from scipy.sparse.linalg import svds

    weights = tfidf_matrix([*left, *right, *context])
    rank = min(dimensions, min(weights.shape) - 1)
    if rank < 1:
        return np.zeros((len(left), len(right)))
    u, s, _ = svds(weights, k=rank, random_state=0)
    latent = u * s
    norms = np.linalg.norm(latent, axis=1)
    latent = latent / np.where(norms > 0, norms, 1.0)[:, None]
    return latent[: len(left)] @ latent[len(left) : len(left) + len(right)].T


def ppmi_cosine_matrix(
    left: Sequence[Sequence[str]], right: Sequence[Sequence[str]], sentences: Sequence[Sequence[str]]
) -> np.ndarray:
    """Cosines of every left document with every right one as the TF-IDF-weighted sums of their
    words' co-occurrence vectors: a word's vector holds, for each other word, how much more often
    than chance the two share a sentence of `sentences` (positive pointwise mutual information).
    Two texts on one topic in different words come close when their words keep the same company;
    unlike LSA nothing is cut, so a rare pairing is not lost to the largest directions."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary = _vocabulary(left, right, sentences)
    present, _ = _term_counts([sorted(set(s)) for s in sentences], vocabulary)
    together = (present.T @ present).tocoo()
    off_diagonal = together.row != together.col
    rows, columns, counts = together.row[off_diagonal], together.col[off_diagonal], together.data[off_diagonal]
    if not len(counts):
        return np.zeros((len(left), len(right)))
    marginal = np.bincount(rows, weights=counts, minlength=len(vocabulary))
    pmi = np.log(counts * counts.sum() / (marginal[rows] * marginal[columns]))
    positive = pmi > 0
    ppmi = csr_matrix((pmi[positive], (rows[positive], columns[positive])), shape=(len(vocabulary),) * 2)
    units = _unit_rows(csr_matrix(tfidf_matrix([*left, *right], vocabulary) @ ppmi))
    return (units[: len(left)] @ units[len(left) :].T).toarray()
