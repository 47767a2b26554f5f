"""TF-IDF vectors over content words and cosine similarity, with an inverted index so that
comparing every unit of one edition with every unit of the next stays fast."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

Vector = dict[str, float]


def tfidf_vectors(documents: Sequence[Sequence[str]]) -> list[Vector]:
    """Unit-length TF-IDF vectors (sublinear tf, smoothed idf) for token lists."""
    frequency = Counter(token for doc in documents for token in set(doc))
    total = len(documents)
    idf = {token: math.log((1 + total) / (1 + count)) + 1 for token, count in frequency.items()}
    vectors = []
    for doc in documents:
        counts = Counter(doc)
        vector = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
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


def tfidf_matrix(documents: Sequence[Sequence[str]]) -> csr_matrix:
    """The unit-length TF-IDF rows of `tfidf_vectors` as one sparse documents x vocabulary matrix
    (numpy and scipy imported here, on first use, so cached paths never load them)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    tokens = [token for doc in documents for token in doc]
    if not tokens:
        return csr_matrix((len(documents), 0))
    rows = np.repeat(np.arange(len(documents)), [len(doc) for doc in documents])
    vocabulary, columns = np.unique(np.array(tokens), return_inverse=True)
    counts = csr_matrix((np.ones(len(tokens)), (rows, columns)), shape=(len(documents), len(vocabulary)))
    counts.sum_duplicates()
    frequency = np.bincount(counts.indices, minlength=len(vocabulary))
    idf = np.log((1 + len(documents)) / (1 + frequency)) + 1
    weights = csr_matrix(
        ((1 + np.log(counts.data)) * idf[counts.indices], counts.indices, counts.indptr), shape=counts.shape
    )
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(weights.multiply(1 / norms[:, None]))


def cosine_matrix(left: Sequence[Sequence[str]], right: Sequence[Sequence[str]]) -> np.ndarray:
    """Cosines of the TF-IDF vectors of every left document with every right document, the
    vectors of `tfidf_vectors` over both lists together, as a dense len(left) x len(right) array:
    all-pairs scoring of two whole editions in numpy and scipy's sparse matrices."""
    weights = tfidf_matrix([*left, *right])
    return (weights[: len(left)] @ weights[len(left) :].T).toarray()


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
