"""TF-IDF and latent (LSA) cosines between the units of two editions."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusdiff.text import vectors
from corpusdiff.text.vectors import closest, cosine_matrix, latent_cosine_matrix, tfidf_vectors

# Two topics, each told in two vocabularies that the context documents use together: a unit about
# building a smart city in one wording and its continuation in the other share no word.
SMART = [["智慧", "城区", "数字", "政务"], ["智慧", "城区", "建设"], ["数字", "政务", "建设"], ["智慧", "政务"]]
TALENT = [["人才", "引进", "企业"], ["招商", "引资", "企业"], ["人才", "招商", "企业"], ["引进", "引资"]]
OLD = [["智慧", "城区"], ["人才", "引进"]]
NEW = [["招商", "引资"], ["数字", "政务"]]


def test_tfidf_matrix_rows_are_tfidf_vectors() -> None:
    """cosine_matrix computes in scipy what tfidf_vectors and cosine give one pair at a time."""
    documents = [*OLD, *NEW]
    vectors = tfidf_vectors(documents)
    expected = [[sum(v * b.get(t, 0.0) for t, v in a.items()) for b in vectors[2:]] for a in vectors[:2]]
    assert np.allclose(cosine_matrix(OLD, NEW), expected)


def _tfidf_by_formula(documents: list[list[str]]) -> list[dict[str, float]]:
    """Sublinear tf (1 + log count) times smoothed idf (log((1 + n) / (1 + df)) + 1), unit length."""
    import math

    df = {t: sum(t in doc for doc in documents) for doc in documents for t in doc}
    out = []
    for doc in documents:
        raw = {t: (1 + math.log(doc.count(t))) * (math.log((1 + len(documents)) / (1 + df[t])) + 1) for t in doc}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        out.append({t: v / norm for t, v in raw.items()})
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["改革", "开放", "创新", "人才", "一"]), max_size=8), max_size=6))
def test_tfidf_vectors_are_the_formula_to_the_last_bit(documents: list[list[str]]) -> None:
    """The shortcuts (a word once weighs its idf, no logarithm taken) change no float: the
    sentence aligner's choices rest on exact ties."""
    assert tfidf_vectors(documents) == _tfidf_by_formula(documents)


def test_latent_cosines_join_units_on_one_topic_in_different_words() -> None:
    plain = cosine_matrix(OLD, NEW)
    assert not plain.any()  # no word in common anywhere
    latent = latent_cosine_matrix(OLD, NEW, 2, context=SMART + TALENT)
    # the smart-city unit is nearer the e-government one than the investment one, and the talent
    # unit nearer the investment one
    assert latent[0, 1] > 0.9 > 0.1 > latent[0, 0]
    assert latent[1, 0] > 0.9 > 0.1 > latent[1, 1]


def test_latent_cosines_are_mirror_symmetric() -> None:
    forward = latent_cosine_matrix(OLD, NEW, 2, context=SMART + TALENT)
    backward = latent_cosine_matrix(NEW, OLD, 2, context=SMART + TALENT)
    assert np.allclose(forward, backward.T)


def test_latent_cosines_of_nothing_are_zero() -> None:
    assert not latent_cosine_matrix([[]], [[]], 5).any()
    assert latent_cosine_matrix([["一"]], [["一"]], 5).shape == (1, 1)


def test_ppmi_cosines_join_units_whose_words_keep_the_same_company() -> None:
    from corpusdiff.text.vectors import ppmi_cosine_matrix

    # the sentences teach that 智慧/城区 and 数字/政务 share company, as do 人才/引进 and 招商/引资
    sentences = [
        ["智慧", "城区", "建设"], ["数字", "政务", "建设"], ["智慧", "城区", "平台"], ["数字", "政务", "平台"],
        ["人才", "引进", "企业"], ["招商", "引资", "企业"], ["人才", "引进", "落户"], ["招商", "引资", "落户"],
    ]
    assert not cosine_matrix(OLD, NEW).any()
    ppmi = ppmi_cosine_matrix(OLD, NEW, sentences)
    assert ppmi[0, 1] > 0.5 and ppmi[0, 0] == 0  # they share the company of 建设 and 平台 only
    assert ppmi[1, 0] > 0.5 and ppmi[1, 1] == 0
    assert np.allclose(ppmi, ppmi_cosine_matrix(NEW, OLD, sentences).T)


def test_ppmi_cosines_of_nothing_are_zero() -> None:
    from corpusdiff.text.vectors import ppmi_cosine_matrix

    assert not ppmi_cosine_matrix([[]], [[]], []).any()
    assert not ppmi_cosine_matrix([["一"]], [["二"]], [["一"], ["二"]]).any()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from("甲乙丙丁戊己庚"), max_size=5), min_size=1, max_size=9),
    st.lists(st.lists(st.sampled_from("甲乙丙丁戊己庚"), max_size=5), min_size=1, max_size=9),
    st.integers(min_value=1, max_value=30),
)
def test_closest_in_blocks_is_the_whole_matrix_argmax(
    left: list[list[str]], right: list[list[str]], cells: int
) -> None:
    """Row by row in blocks (memory bounded for a report in one paragraph) it finds what the
    whole matrix finds: each side's first closest partner within its group, and the cosine."""
    groups_left = [len(doc) % 2 for doc in left]
    groups_right = [len(doc) % 2 for doc in right]
    whole = cosine_matrix(left, right)
    whole[np.array(groups_left)[:, None] != np.array(groups_right)[None, :]] = 0.0
    with patch.object(vectors, "BLOCK_CELLS", cells):
        found = closest(left, right, groups_left, groups_right)
    assert list(found.left) == list(whole.argmax(axis=1))
    assert list(found.right) == list(whole.argmax(axis=0))
    assert np.allclose(found.left_cosine, whole.max(axis=1)) and np.allclose(found.right_cosine, whole.max(axis=0))
