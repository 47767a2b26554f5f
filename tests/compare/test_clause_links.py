"""Clause links (issue 14): a measure one edition gives a paragraph of its own and the other lists
as one clause of a long sentence still links the two units."""

from __future__ import annotations

from corpusdiff.compare.features import Features, candidate_features
from corpusdiff.structure import tree_from_markdown
from corpusdiff.text.segment import segmenter
from corpusdiff.text.sentences import clauses

FRONT = "---\ndialect: corpusdiff/1\ntitle: 政府工作报告\n---\n\n## 一、{year}年重点工作\n\n"

# the old edition gives each measure a paragraph with details of its own; the new one lists them
# as clauses of one sentence of a paragraph named for something else
ENVIRONMENT = (
    "加强生态环境保护。深入打好蓝天碧水净土保卫战，持续推进黑臭水体治理，完成重点行业超低排放改造。"
    "新建污水管网120公里，新增城市绿地面积80公顷，PM2.5平均浓度下降到25微克每立方米。"
    "实施山水林田湖草沙一体化保护和修复工程，开展河湖岸线清理整治专项行动。"
)
HOUSING_OLD = "加强住房保障。筹集保障性租赁住房3万套，推进城中村改造和老旧小区加装电梯。"
OLD = FRONT.format(year=2024) + "\n\n".join(
    [
        "加快建设现代化产业体系。培育壮大新能源汽车、生物医药等战略性新兴产业集群，推动传统制造业数字化转型。",
        ENVIRONMENT,
        HOUSING_OLD,
    ]
)
LISTING = (
    "扎实推动高质量发展。今年要培育壮大新能源汽车和生物医药等战略性新兴产业集群，深入打好蓝天碧水净土保卫战，"
    "加快建设全国统一大市场，着力扩大有效投资，促进民营经济发展壮大，稳定外贸外资基本盘，推动消费持续恢复，"
    "提升城市精细化管理水平，完善社会保障体系，提高基层治理效能，强化安全生产责任落实。"
)
HOUSING_NEW = "加强住房保障。筹集保障性租赁住房2万套，稳步推进城中村改造。"
NEW = FRONT.format(year=2025) + "\n\n".join([LISTING, HOUSING_NEW])


def test_clauses_cut_sentences_at_commas_and_colons_not_at_enumeration_commas() -> None:
    text = "主要措施：严格规定各类产品的能源消耗定额，关掉一批严重浪费能源、产品不符合社会需要的工厂；推进改革。"
    assert clauses(text) == [
        "主要措施：",
        "严格规定各类产品的能源消耗定额，",
        "关掉一批严重浪费能源、产品不符合社会需要的工厂；",
        "推进改革。",
    ]


def _pair_features(old_md: str, new_md: str) -> dict[tuple[str, str], Features]:
    old_units, new_units, features = candidate_features(
        tree_from_markdown(old_md), tree_from_markdown(new_md), segmenter()
    )
    return {(old_units[i].text, new_units[j].text): f for (i, j), f in features.items()}


def test_a_measure_listed_as_a_clause_links_its_paragraph_to_the_listing() -> None:
    """No sentence of the environment paragraph is like the listing's one long sentence, but its
    蓝天碧水净土保卫战 clause is one of that sentence's clauses."""
    features = _pair_features(OLD, NEW)
    listed = features[(ENVIRONMENT, LISTING)]
    assert listed.sentences == 0.0
    assert listed.clauses > 0.0
    # the housing paragraph's clauses link to the housing paragraph, not to the listing
    assert features.get((HOUSING_OLD, LISTING), Features(0, 0, 0, 0, 0, 0)).clauses == 0.0
    assert features[(HOUSING_OLD, HOUSING_NEW)].clauses > 0.0


def test_clause_links_are_the_same_read_either_way() -> None:
    """The differ mirrors: comparing new with old links the same clauses."""
    forward = _pair_features(OLD, NEW)
    backward = _pair_features(NEW, OLD)
    assert {pair: f.clauses for pair, f in forward.items()} == {
        (old, new): f.clauses for (new, old), f in backward.items()
    }
