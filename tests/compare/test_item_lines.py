"""Review items printed as a line of their own (`四是…。`, the account in the paragraph below)
pair by what the account is about, not by the dozen generic characters of the line."""

from __future__ import annotations

import pytest

from corpusdiff.compare.core import compare
from corpusdiff.compare.features import _item_bodies, is_item_line
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.tree import Unit

FRONT = """---
dialect: corpusdiff/1
title: 政府工作报告
---

## 一、过去一年工作回顾

"""

R2021 = FRONT + """三是坚决打好三大攻坚战，主要目标任务如期完成。

较大幅度增加财政扶贫资金投入。对工作难度大的贫困县和贫困村挂牌督战，精准落实各项帮扶措施。优先支持贫困劳动力稳岗就业，帮助返乡贫困劳动力再就业，努力稳住务工收入。加大产业扶贫力度，深入开展消费扶贫。加强易返贫致贫人口监测和帮扶。年初剩余的551万农村贫困人口全部脱贫、52个贫困县全部摘帽。继续打好蓝天、碧水、净土保卫战，完成污染防治攻坚战阶段性目标任务。长江、黄河、海岸带等重要生态系统保护和修复重大工程深入实施，生态建设得到加强。稳妥化解地方政府债务风险，及时处置一批重大金融风险隐患。

四是坚定不移推进改革开放，发展活力和内生动力进一步增强。

完善要素市场化配置体制机制。加强产权保护。深入推进“放管服”改革，实施优化营商环境条例。出台国企改革三年行动方案。支持民营企业发展。完善资本市场基础制度。扎实推进农业农村、社会事业等领域改革。共建“一带一路”稳步推进。海南自由贸易港建设等重大举措陆续推出。成功举办第三届中国国际进口博览会、中国国际服务贸易交易会。推动区域全面经济伙伴关系协定签署。完成中欧投资协定谈判。维护产业链供应链稳定，对外贸易和利用外资保持增长。

五是大力促进科技创新，产业转型升级步伐加快。

建设国际科技创新中心和综合性国家科学中心，成功组建首批国家实验室。“天问一号”、“嫦娥五号”、“奋斗者”号等突破性成果不断涌现。加强关键核心技术攻关。加大知识产权保护力度。支持科技成果转化应用，促进大中小企业融通创新，推广全面创新改革试验相关举措。推动产业数字化智能化改造，战略性新兴产业保持快速发展势头。
"""

R2022 = FRONT + """二是优化和落实助企纾困政策，巩固经济恢复基础。

上亿市场主体承载着数亿人就业创业，宏观政策延续疫情发生以来行之有效的支持路径和做法。去年新增减税降费超过1万亿元，还对制造业中小微企业、煤电和供热企业实施阶段性缓缴税费。实践表明，减税降费是助企纾困直接有效的办法，实际上也是“放水养鱼”、涵养税源，2013年以来新增的涉税市场主体去年纳税达到4.76万亿元。加强铁路、公路、航空、海运、港口等运输保障。加大对受疫情影响严重行业企业信贷投放，继续执行小微企业贷款延期还本付息和信用贷款支持政策，银行业金融机构普惠小微企业贷款增长27.3%，大型商业银行普惠小微企业贷款增幅超过40%，企业综合融资成本稳中有降。

三是深化改革扩大开放，持续改善营商环境。

加强市场体系基础制度建设，推进要素市场化配置等改革。继续压减涉企审批手续和办理时限，更多政务服务事项实现一网通办。推广一批地方改革经验，开展营商环境创新试点。加强和创新监管，反垄断和防止资本无序扩张，维护公平竞争。深入实施国企改革三年行动。支持民营企业健康发展。基本完成行业协会商会与行政机关脱钩改革。设立北京证券交易所和广州期货交易所。稳步推进农业农村、社会事业、生态文明等领域改革。深化共建“一带一路”务实合作。加大稳外贸稳外资力度，成功举办进博会、广交会、服贸会及首届消博会等重大展会。新增4个服务业扩大开放综合试点，推出海南自由贸易港开放新举措。

四是强化创新引领，稳定产业链供应链。

加强国家实验室建设，推进重大科技项目实施。改革完善中央财政科研经费管理，提高间接费用比例，扩大科研自主权。延续实施研发费用加计扣除政策，将制造业企业研发费用加计扣除比例提高到100%。强化知识产权保护。开展重点产业强链补链行动。传统产业数字化智能化改造加快，新兴产业保持良好发展势头。
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("四是坚定不移推进改革开放，发展活力和内生动力进一步增强。", True),
        ("三是深化改革扩大开放，持续改善营商环境。", True),
        ("一是宏观经济运行保持在合理区间。经济增长6.6%。", False),  # the account runs on in the line
        ("——生态文明建设持续推进。", False),
        ("就业是最大的民生，保市场主体也是为稳就业保民生。", False),
    ],
)
def test_an_item_line_is_a_lone_numbered_review_item(text: str, expected: bool) -> None:
    assert is_item_line(Unit(0, 0, "paragraph", "", text, 0)) is expected


def test_item_lines_pair_by_the_account_below_them() -> None:
    """2021 → 2022 (reports of 2021 and 2022): 四是坚定不移推进改革开放 continues as 三是深化改革
    扩大开放 and 五是大力促进科技创新 as 四是强化创新引领 (labelled `same`); the lines share one
    generic word or none, their accounts (放管服, 国企改革三年行动; 国家实验室, 数字化智能化改造)
    a great deal."""
    result = compare(tree_from_markdown(R2021), tree_from_markdown(R2022))
    successors: dict[str, set[str]] = {}
    for item in result.initiatives:
        if item.level == "unit" and item.old and item.new:
            successors.setdefault(item.old.text, set()).add(item.new.text)
    assert "三是深化改革扩大开放，持续改善营商环境。" in successors["四是坚定不移推进改革开放，发展活力和内生动力进一步增强。"]
    assert "四是强化创新引领，稳定产业链供应链。" in successors["五是大力促进科技创新，产业转型升级步伐加快。"]


def test_an_item_line_takes_only_the_paragraph_right_below_it() -> None:
    """The last item of 2021's review is followed by paragraphs of other subjects (外交, 一年来的
    工作殊为不易); they are not its account."""
    tree = tree_from_markdown(
        FRONT
        + "七是加强依法行政和社会建设，社会保持和谐稳定。\n\n提请全国人大常委会审议法律议案9件。\n\n"
        + "中国特色大国外交卓有成效。\n\n一年来的工作殊为不易。\n"
    )
    line = next(u for u in tree.units if is_item_line(u))
    assert _item_bodies(tree) == {line.index: "提请全国人大常委会审议法律议案9件。"}
