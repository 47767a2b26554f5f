"""The interface strings of the site and the report labels, in Chinese (the default: the
readers of these reports read Chinese) and English, in one catalogue.

`catalogue(language)` gives the strings of one language; `status_labels(language)` the names
of the change classes. The corpus chooses the language with `language:` in site.yaml, for the
site and for the labels of the reports alike (terminal, Markdown, the 新旧对照表 files,
`review`; `--lang` overrides it); JSON stays one machine format and error messages stay
English. Dates follow the language: `2025年1月` in Chinese, `2025-01` in English, Arabic digits
in both. A string may hold `{name}` fields, filled by `Strings.__call__`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from corpusdiff.errors import CorpusError
from corpusdiff.types.genre import GENRES

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

#: Change classes and section statuses: (zh, en). `recurring` is SAME in English reports.
_STATUS = {
    "new": ("新增", "NEW"),
    "dropped": ("删除", "DROPPED"),
    "reworded": ("改写", "REWORDED"),
    "moved": ("移动", "MOVED"),
    "recurring": ("延续", "SAME"),
    "matched": ("对应", "MATCHED"),
    "merge": ("合并", "MERGED"),
    "merged": ("合并", "MERGED"),  # the class of a merge's extra pair (types.diff.RELATION_CLASS)
    "split": ("拆分", "SPLIT"),
    "joined": ("合并/拆分", "MERGED/SPLIT"),
}

#: The parts of a report (types.diff.Role), as a reader names them.
_PARTS = {
    "tasks": ("主要任务", "Tasks"),
    "targets": ("主要目标", "Targets"),
    "review": ("上年回顾", "Review"),
    "preamble": ("开篇", "Opening"),
    "closing": ("结束部分", "Closing"),
    "appendix": ("附件", "Appendix"),
    "other": ("其他", "Other"),
}

#: The genres of types.genre, as the reports call themselves.
_GENRES = {name: (genre.zh, genre.en) for name, genre in GENRES.items()}

_STRINGS: dict[str, tuple[str, str]] = {
    "html.lang": ("zh-Hans", "en"),
    # navigation and footer
    "nav.documents": ("文件", "Documents"),
    "nav.timelines": ("时间线", "Timelines"),
    "nav.indicators": ("指标", "Indicators"),
    "nav.trace": ("规划追踪", "Trace"),
    "nav.terms": ("词语", "Terms"),
    "nav.programmes": ("项目", "Programmes"),
    "nav.search": ("搜索", "Search"),
    "footer": ("由 corpusdiff {version} 生成。", "Built by corpusdiff {version}."),
    "footer.commit": (
        "由 corpusdiff {version} 根据语料库提交 {commit} 生成。",
        "Built by corpusdiff {version} from the corpus at commit {commit}.",
    ),
    # index
    "index.title": ("报告及其变化", "Reports and what changed"),
    "index.lede": (
        "{series} 个系列共 {documents} 份文件。每个系列列出已生成的版本对比；用“比较”选择任意两个版本。",
        "{documents} documents in {series} series. Each series lists the comparisons built; "
        "pick any two editions under “Compare”.",
    ),
    "index.views": ("系列视图", "Series views"),
    "index.timeline": ("时间线：{name}", "Timeline: {name}"),
    "index.timeline_meta": ("{count} 个版本，{first} 至 {last}", "{count} editions, {first} to {last}"),
    "index.from_site_yaml": ("来自 site.yaml", "from site.yaml"),
    "index.indicators": ("指标", "Indicators"),
    "index.indicators_meta": (
        "各版本的目标与完成情况，附图表",
        "targets and results across editions, with charts",
    ),
    "index.trace": ("五年规划追踪", "Five-year plan trace"),
    "index.trace_meta": ("{plans} 与年度报告对照", "{plans} against the yearly reports"),
    "index.trace_none": ("语料库中没有五年规划", "no five-year plan in the corpus"),
    "index.terms": ("词语索引", "Term index"),
    "index.terms_meta": (
        "各版本首次提到和不再提到的词语",
        "what each edition mentions first and no longer mentions",
    ),
    "index.diffs": ("版本对比", "Comparisons"),
    "index.other_diffs": ("其他对比", "Other comparisons"),
    # the pair picker
    "picker.legend": ("比较任意两个版本", "Compare any two editions"),
    "picker.old": ("旧版", "Old"),
    "picker.new": ("新版", "New"),
    "picker.go": ("比较", "Compare"),
    "picker.missing": (
        "这两个版本的对比没有预先生成（灰色的版本没有）；用 corpusdiff site build --pairs all 生成全部对比。",
        "This pair was not built (greyed editions are not); corpusdiff site build --pairs all builds every pair.",
    ),
    # the diff page
    "diff.old": ("旧版", "old"),
    "diff.new": ("新版", "new"),
    "diff.side_old": ("旧", "old"),
    "diff.side_new": ("新", "new"),
    "diff.dated": ("{name}（{date}）", "{name} ({date})"),
    "diff.duizhao": ("新旧对照表", "新旧对照 table"),
    "diff.summary": ("各部分的变化", "What changed, part by part"),
    "diff.part": ("部分", "Part"),
    "diff.units": ("条目（旧 → 新）", "Units (old → new)"),
    "diff.continuing": ("延续", "Continue"),
    "diff.of_which_reworded": ("其中改写", "of which reworded"),
    "diff.within": (
        "延续条目内部的变化：增加 {added} 句，删去 {removed} 句，{figures} 处数字变化。",
        "Changes within continuing initiatives: {added} sentences added, {removed} removed, "
        "{figures} figures changed.",
    ),
    "diff.sections": (
        "章节：{matched} 对应，{moved} 移动，{new} 新增，{dropped} 删除。",
        "Sections: {matched} matched, {moved} moved, {new} new, {dropped} dropped.",
    ),
    "diff.programmes": (
        "项目名称：{new} 新增，{dropped} 不再提及，{recurring} 延续。",
        "Programmes: {new} new, {dropped} dropped, {recurring} recurring.",
    ),
    "diff.new_programmes": ("新增项目（{n}）", "New programmes ({n})"),
    "diff.dropped_programmes": ("不再提及的项目（{n}）", "Dropped programmes ({n})"),
    "diff.override": ("审阅设定：", "Override: "),
    "diff.override.pinned": ("{source} 指定二者对应：{old} = {new}", "pinned by {source}: {old} = {new}"),
    "diff.override.forbidden": ("{source} 禁止二者对应：{old} ≠ {new}", "forbidden by {source}: {old} ≠ {new}"),
    "diff.override.alone": (
        "{source} 指定其在另一版本中无对应：{old}{new}",
        "{source}: {old}{new} continues nothing in the other edition",
    ),
    "diff.override.not_found": (
        "{source} 所指的标题或条目未找到：{old} / {new}",
        "override in {source} names no heading or initiative found: {old} / {new}",
    ),
    "diff.override.ambiguous": (
        "{source} 所指的条目不止一处，请改写其地址（如 p163）：{old} / {new}",
        "override in {source} names more than one initiative; give its address (such as p163): {old} / {new}",
    ),
    "diff.notes": ("审阅批注（{n}）", "Reviewer notes ({n})"),
    "alignments.head": (
        "审阅设定：{old} → {new}，存为 corpus/alignments/ 下的 <旧>__<新>.yaml（见 docs/diff-output.md）。\n"
        "以下 {n} 处新增或删除判断把握低，各给两种写法：二者为同一举措，取消 pin 下一条的注释；\n"
        "确无对应，取消 forbid 下一条的注释（删去行首的“# ”）。原样提交不改变任何判断。",
        "Reviewer overrides of {old} → {new}: save as corpus/alignments/<old>__<new>.yaml (docs/diff-output.md).\n"
        "Below, each of the {n} calls of new or dropped the differ doubts, two ways: if the two are one\n"
        "initiative, uncomment its pin; if the unit continues nothing, its forbid (remove the leading \"# \").\n"
        "As it is, the file decides nothing.",
    ),
    "alignments.pin": ("旧 {old} = 新 {new}（匹配概率 {p}）", "old {old} = new {new} (probability {p})"),
    "alignments.alone.old": ("旧 {unit} 在新版中无对应（删除）", "old {unit} continues nothing (dropped)"),
    "alignments.alone.new": ("新 {unit} 在旧版中无对应（新增）", "new {unit} continues nothing (new)"),
    "diff.significant": ("重要", "significant"),
    "diff.orphans": (
        "以下批注对应的改动在本次对比中已不存在（corpusdiff check 会报告）：",
        "These notes name a change this diff no longer has (corpusdiff check reports them):",
    ),
    "diff.parts_nav": ("按部分查看", "Parts"),
    "diff.all_parts": ("全部", "All"),
    "diff.changes": ("{n} 处改动", "{n} changes"),
    "diff.toolbar": ("查看方式", "View"),
    "diff.show": ("显示", "Show"),
    "diff.side_by_side": ("左右对照", "Side by side"),
    "diff.inline": ("行内修订", "Inline"),
    "diff.previous": ("上一处", "Previous"),
    "diff.next": ("下一处", "Next"),
    "diff.keys": ("键盘：j/n 下一处，k/p 上一处", "Keys: j/n next, k/p previous"),
    "diff.at_old": ("旧{at}", "old {at}"),
    "diff.at_new": ("新{at}", "new {at}"),
    "diff.at_title": ("在原文中打开这一段", "Open this paragraph in its document"),
    # the 新旧对照 page
    "duizhao.title": ("新旧对照表", "新旧对照 table"),
    "duizhao.lede": (
        "两个版本的每个条目各出现一次，按章节分组编号：延续、新增、删除各占一行，合并或拆分的条目合为一行。"
        "删去的文字加删除线，新增的文字加下划线。",
        "Every unit of both editions once, numbered and grouped by section: one row per continuing "
        "pair, new or dropped unit, one row for a whole merge or split. Deleted words are struck "
        "through, inserted words underlined.",
    ),
    "duizhao.back": ("返回版本对比", "Back to the diff"),
    "duizhao.download": ("下载：", "Download: "),
    "duizhao.docx": ("Word 文档", "Word"),
    "duizhao.xlsx": ("Excel 表格", "Excel"),
    "duizhao.csv": ("CSV", "CSV"),
    "duizhao.number": ("序号", "No."),
    "duizhao.old": ("旧（{date}）", "Old ({date})"),
    "duizhao.new": ("新（{date}）", "New ({date})"),
    "duizhao.explain": ("修改说明", "修改说明 (what changed)"),
    "duizhao.note": ("批注：", "Note: "),
    "duizhao.continues": ("（接下行）", " (continued in the next row)"),
    "duizhao.continued": (
        "接上行：原文超过 Excel 单元格 {limit} 字的上限，分行写出",
        "Continued: the text is longer than the {limit} characters of an Excel cell, so it runs on over rows",
    ),
    # document pages
    "doc.outline": ("目录", "Outline"),
    "doc.series": ("系列", "series"),
    "doc.raw": ("原始文件", "raw source"),
    "doc.markdown": ("规范 Markdown", "canonical Markdown"),
    "doc.diffs": ("包含本文件的对比", "Comparisons with this document"),
    "doc.diff_with": ("与 {date} 版对比", "against the {date} edition"),
    "doc.as_old": ("（本文件为旧版）", "(this is the old edition)"),
    "doc.as_new": ("（本文件为新版）", "(this is the new edition)"),
    # search
    "search.title": ("搜索", "Search"),
    "search.label": (
        "词语（中文或拉丁字母，空格分隔多个词）",
        "Words (Chinese or Latin; several separated by spaces)",
    ),
    "search.placeholder": ("例如：河套 或 三大新引擎", "e.g. 河套 or 三大新引擎"),
    "search.status": ("{n} 处包含“{q}”", "{n} paragraphs or headings match “{q}”"),
    "search.heading": ("标题", "heading"),
    "search.loading": ("正在搜索…", "Searching…"),
    "search.failed": (
        "搜索索引文件缺失或损坏，请重新构建站点（corpusdiff site build）。",
        "A file of the search index is missing or damaged; build the site again (corpusdiff site build).",
    ),
    # programmes
    "programmes.title": ("项目", "Programmes"),
    "programmes.lede": (
        "报告中带引号的项目名称及提到它们的版本（● 带引号提到，○ 提到但未加引号，"
        "与 diff 判断项目延续的规则相同）；先列多个版本都提到的项目。",
        "Named programmes (quoted names) and the editions that mention "
        "them (● quoted, ○ named without quotes: the rule by which diff calls a programme "
        "recurring); those several editions mention come first.",
    ),
    "programmes.name": ("项目", "Programme"),
    "programmes.shared": ("多个版本提到（{n}）", "In more than one edition ({n})"),
    "programmes.single": ("只有一个版本提到（{n}）", "In one edition only ({n})"),
    "programmes.not_mentioned": ("未提到", "not mentioned"),
    # series views
    "timeline.title": ("时间线：{name}", "Timeline: {name}"),
    "timeline.lede": (
        "每行追踪一项举措在{where}中的沿革。格中是该版本的标题，链接到原文；"
        "“=”表示标题与上一版相同，“—”表示该版本没有这项举措。",
        "Each row follows one initiative lineage across the editions {where}. "
        "A cell shows the heading in that edition, linked to the document; = marks a heading "
        "worded as in the previous edition, — an edition without the initiative.",
    ),
    "timeline.where_series": ("本系列各版本", "of the series"),
    "timeline.missing_years": (
        "没有 {years} 年的版本：表中相邻的两列之间可能隔着这些年份。",
        "No edition of {years}: neighbouring columns may be years apart.",
    ),
    "timeline.pairs_all": (
        "各条线来自所有版本两两之间的比较，与 corpusdiff timeline 相同。",
        "The threads come from comparing every pair of editions, as corpusdiff timeline does.",
    ),
    "timeline.pairs_within": (
        "各条线来自相隔不超过 {n} 个版本的版本对之间的比较（site build --pairs）；corpusdiff timeline "
        "比较所有版本对，可能把跳过更多版本的沿革连起来（site build --pairs all 与之相同）。",
        "The threads come from comparing editions at most {n} apart (site build --pairs); corpusdiff "
        "timeline compares every pair and may join lineages that skip more editions (as site build "
        "--pairs all does).",
    ),
    "timeline.where_site": ("site.yaml 列出的各版本", "listed in site.yaml"),
    "timeline.groups": ("（一）级举措", "Groups （一）…"),
    "timeline.tasks": ("编号任务", "Tasks N.…"),
    "timeline.single": ("只见于一个版本的{title}（{n}）", "{title} in one edition only ({n})"),
    "timeline.threads": ("{title}：{n} 条，其中 {gaps} 条有中断", "{title}: {n} threads, {gaps} with gaps"),
    "timeline.threads_grid": (
        "{title}：{n} 条见于多个版本，其中 {gaps} 条有中断",
        "{title}: {n} threads in several editions, {gaps} with gaps",
    ),
    "timeline.first": ("首见", "First"),
    "timeline.last": ("末见", "Last"),
    "timeline.gaps": ("中断", "Gaps"),
    "timeline.gap": ("中断于 {editions}", "gap {editions}"),
    "timeline.bridged": ("桥接 {steps}", "bridged {steps}"),
    "timeline.same": ("与上一版标题相同", "same heading as the previous edition"),
    "timeline.absent": ("该版本没有", "not in this edition"),
    "timeline.evidence_key": (
        "依据：每一步出自哪两个版本的对比、其类别、把握（高、中、低）和匹配概率，如“改写 (高 0.93)”",
        "evidence: each step's diff, its class, and the confidence (high, medium, low) with the "
        "matcher's probability, as in “reworded (high 0.93)”",
    ),
    "timeline.programmes": ("项目", "Programmes"),
    "timeline.programmes_lede": (
        "带引号的项目名称及使用它们的版本：",
        "Quoted programme names and the editions that use them: ",
    ),
    "timeline.quoted": ("带引号提到", "quoted"),
    "timeline.mentioned": ("提到但未加引号", "mentioned without quotes"),
    "timeline.first_seen": ("首见", "First seen"),
    "timeline.last_seen": ("末见", "Last seen"),
    "indicators.title": ("指标", "Indicators"),
    "indicators.lede": (
        "各版本在指标列表、表格和预算句子中给出的目标与完成情况，按指标对齐。"
        "+ 增长，- 下降，无符号为水平值；a–b 为区间；— 报告未填；（无目标）报告说明本年不设；"
        "（未说明）、（未说明增速）另一版本给出而本版本没有。只涵盖部分年份的列会注明：H1（上半年）、Q1-Q3（1至9月）。"
        "图：● 完成值，实线；○ 目标值，虚线；区间取中点；每个点标出数字。部分年份的水平值不画入图中，以免看似下降。",
        "Targets and results each edition states in its indicator lists, tables and budget "
        "sentences, aligned by indicator. + growth, - decline, no sign: a "
        "level; a–b: a range; — the report leaves the cell blank; (no target): the report says it "
        "sets none this year; (not stated), (growth not stated): another edition of the series "
        "states it, this one does not. A column for part of a year says so: H1 (first half), "
        "Q1-Q3 (January to September). Charts: ● achieved, solid line; ○ target, dashed line; a "
        "range at its middle; every point is labelled with its figure. Levels for part of a year "
        "are not charted: beside annual levels they would read as a fall.",
    ),
    "indicators.none": ("语料库中没有文件。", "No documents in the corpus."),
    "indicators.not_found": ("（未找到指标列表或表格）", "(no indicator list or table found)"),
    "indicators.indicator": ("指标", "Indicator"),
    "indicators.versus": ("目标 → 完成", "Target → achieved"),
    "indicators.charts": (
        "图表（{n} 项指标至少有两个同类数字）",
        "Charts ({n} indicators with at least two figures of one kind)",
    ),
    "indicators.empty": ("这些版本中没有找到指标。", "No indicators found in these editions."),
    "indicators.target": ("目标", "target"),
    "indicators.achieved": ("完成", "achieved"),
    "indicators.years": ("{years}年累计", "{years}-year total"),
    "indicators.target_vs_achieved": (
        "{year}年：目标 {target} → 完成 {achieved}",
        "{year}: target {target} → achieved {achieved}",
    ),
    "indicators.chart.rate": ("增减幅度", "rate of change"),
    "indicators.chart.level": ("水平", "level"),
    "indicators.chart.caption": ("{measure}，{unit}", "{measure}, {unit}"),
    "indicators.chart.title": ("{name}：{caption}，按年份", "{name}: {caption}, by year"),
    "indicators.chart.point": ("{role} {year}：{label}", "{role} {year}: {label}"),
    "indicators.chart.legend": ("● 完成 ○ 目标（虚线）", "● achieved ○ target (dashed)"),
    "trace.title": ("五年规划追踪", "Five-year plan trace"),
    "trace.lede": (
        "哪些年度报告回应了五年规划的各项内容，在哪里回应。"
        "格中是报告中与该项内容用词最相近的句子的相近程度（0 到 1，1 为用词相同；达到 {threshold} 时列出），链接到该段落；"
        "“—”表示没有句子达到该值，但这不能证明报告没有提到。",
        "Which yearly reports address each item of a five-year plan, and where. A cell gives how "
        "close in wording the report's closest sentence is to the item's text (0 to 1, 1 the same "
        "words) when it reaches {threshold}, and links to that passage; — means no sentence pair "
        "reaches it, which does not prove the report is silent.",
    ),
    "trace.no_plan": (
        "语料库中没有五年规划（genre five-year-plan）可供追踪。",
        "The corpus has no five-year plan (genre five-year-plan) to trace.",
    ),
    "trace.needs": (
        "需要一份五年规划和至少一份同一地区、在规划之后、规划期内的年度计划、年中报告或政府工作报告。",
        "The corpus needs a five-year plan and at least one annual plan, mid-year or government work report "
        "of the plan's region, from the plan's date on and within its period.",
    ),
    "trace.reports": ("报告：", "Reports: "),
    "trace.unaddressed_count": (
        "{plan} 项规划内容中有 {n} 项没有任何报告回应。",
        "{n} of {plan} plan items are not addressed by any report.",
    ),
    "trace.item": ("规划内容", "Plan item"),
    "trace.passages": ("段落", "Passages"),
    "trace.not_addressed": ("没有报告回应", "not addressed by any report"),
    "trace.below": ("没有段落达到阈值", "no passage reaches the threshold"),
    "trace.plan": ("规划：", "plan: "),
    "trace.unaddressed": (
        "没有报告回应的内容（{plan} 项中的 {n} 项）",
        "Not addressed by any report ({n} of {plan})",
    ),
    "terms.title": ("词语索引", "Term index"),
    "terms.lede": (
        "各版本使用的关键词和项目名称，每个版本最有特色的排在前面（比其他版本用得格外多的词）。"
        "相对于最新版本的状态：",
        "Key words and programme names each edition uses, the most distinctive of an edition first "
        "(the words it uses far more than the other editions do). Status "
        "against the latest edition: ",
    ),
    "terms.none": (
        "没有哪个系列或 site.yaml 时间线有两个以上版本，所以词语还没有状态。",
        "No series or site.yaml timeline has two editions or more, so no term has a status yet.",
    ),
    "terms.filter": ("按状态筛选", "Filter by status"),
    "terms.term": ("词语", "Term"),
    "terms.kind": ("类别", "Kind"),
    "terms.status": ("状态", "Status"),
    "terms.first": ("首见", "First"),
    "terms.last": ("末见", "Last"),
    "terms.total": ("合计", "Total"),
    "terms.on_this_page": ("本页内容", "On this page"),
    "terms.count": ("共 {n} 个词语：", "{n} terms: "),
    "terms.left": (
        "本页列出全部项目名称和用得最多的词；另有 {n} 个较少用的词未列出，全部词语：",
        "This page lists every programme name and the most used words; {n} rarer words are not. Every term: ",
    ),
}

#: The labels of the reports: terminal text, Markdown, the 新旧对照表 files, `review`.
_REPORTS: dict[str, tuple[str, str]] = {
    "report.colon": ("：", ": "),
    "report.count": ("{label}（{n}）", "{label} ({n})"),
    "report.editions": (
        "{old}（{old_date}）→ {new}（{new_date}）",
        "{old} ({old_date}) → {new} ({new_date})",
    ),
    "report.parts": ("各部分的条目（旧 → 新）：", "Initiatives, part by part (units):"),
    "report.part_line": ("{part} {old} → {new}：{pieces}", "{part} {old} → {new}: {pieces}"),
    "report.sep": ("，", ", "),
    "list.sep": ("、", ", "),
    "report.continue": ("延续 {n}", "{n} continue"),
    "report.detail": ("（{detail}）", " ({detail})"),
    "report.of_kind": ("{kind} {n}", "{n} {kind}"),
    "report.unchanged": ("未变", "unchanged"),
    # each of the n old units is folded into one of `into` new units that (as a rule) continue
    # another: "合并为" would say n became `into`, and "1 项合并为 1 项" nothing at all
    "report.merged": ("{n} 项并入 {into} 项", "{n} folded into {into}"),
    "report.split": ("{n} 项由 {source} 项拆分而来", "{n} split from {source}"),
    "report.new": ("新增 {n}", "{n} new"),
    "report.dropped": ("删除 {n}", "{n} dropped"),
    "report.initiatives": ("{status}条目（{n}）", "{status} initiatives ({n})"),
    "report.initiatives_doubtful": (
        "{status}条目（{n}，其中 {low} 项把握低，标 ?）",
        "{status} initiatives ({n}; {low} doubtful, marked ?)",
    ),
    "report.initiatives_sure": (
        "{status}条目（{n}，另有 {low} 项把握低，未列出）",
        "{status} initiatives ({n}; {low} doubtful left out)",
    ),
    "report.doubtful_left_out": (
        "另有 {n} 项新增或删除的判断把握低，未列出（去掉 --sure 可见）。",
        "{n} doubtful calls of new or dropped are left out (drop --sure to see them).",
    ),
    "report.doubt.new": (
        "（把握低：或延续旧版「{title}」，匹配概率 {p}）",
        "(doubtful: may continue old {title}, probability {p})",
    ),
    "report.doubt.dropped": (
        "（把握低：或延续为新版「{title}」，匹配概率 {p}）",
        "(doubtful: may go on as new {title}, probability {p})",
    ),
    "report.section_similarity": ("（相似度 {s}）", " (similarity {s})"),
    "report.before_first": ("（正文开头）", "(before the first heading)"),
    "report.scope": (
        "仅含标题含“{text}”的章节（--section），各项计数只计这些章节。",
        "Only the sections whose heading contains “{text}” (--section): every count is of those alone.",
    ),
    "report.closing_section": ("（结束部分，报告原文无标题）", "(closing part, without a heading in the report)"),
    "report.pinned": ("（已固定）", " [pinned]"),
    "report.section": ("{status}章节 {heading}", "{status} SECTION {heading}"),
    "report.confidence": ("（把握{level}）", "({level})"),
    "report.reviewed": ("（已审定）", "(reviewed)"),
    "report.level.high": ("高", "high"),
    "report.level.medium": ("中", "medium"),
    "report.level.low": ("低", "low"),
    "report.level.reviewed": ("已审定", "reviewed"),
    "report.sentence_added": ("+ 增加句子", "+ sentence added"),
    "report.sentence_removed": ("- 删去句子", "- sentence removed"),
    "report.figure_changed": ("数字变化：{change}", "figure changed: {change}"),
    "report.merged_into": ("{old} — 并入 — {new}{confidence}", "{old} — merged into — {new} {confidence}"),
    "report.split_from": ("{new} — 拆分自 — {old}{confidence}", "{new} — split from — {old} {confidence}"),
    "report.programmes_heading": ("== 项目名称", "== programmes"),
    "report.recurring_programmes": ("延续的项目（{n}）", "Recurring programmes ({n})"),
    "report.md.sides": (
        "旧版：`{old}`（{old_date}）· 新版：`{new}`（{new_date}）",
        "Old: `{old}` ({old_date}) · New: `{new}` ({new_date})",
    ),
    "report.md.parts": (
        "各部分的条目（旧 → 新；延续条目内部的变化另计）：",
        "Initiatives, part by part (units; changes inside continuing units are counted apart):",
    ),
    "report.md.programmes": ("项目名称", "Programmes"),
    "report.md.joined": ("合并与拆分的条目（{n} 行）", "Merged and split initiatives ({n} rows)"),
    "report.md.joined_sep": ("；", "; "),
    "report.md.inside": (
        "延续条目内部增删的句子（{n}）",
        "Sentences added or removed inside continuing initiatives ({n})",
    ),
    "report.md.figures": ("数字变化（{n}）", "Figures changed ({n})"),
    "report.md.left_out": (
        "*摘要：另有延续条目内部增删的 {sentences} 句、{rows} 行改写与移动条目的新旧对照未列出（去掉 --summary 可见）。*",
        "*Summary: {sentences} sentences added or removed inside continuing initiatives and the 新旧对照 "
        "of {rows} rows of reworded or moved initiatives are left out (drop --summary to see them).*",
    ),
    "report.md.cut": (
        "报告在此截断以免超过长度上限（--max-chars）：略去其后 {lines} 行，涉及各节：{sections}。"
        "完整报告请用 -o 写入文件。",
        "The report is cut here to stay within its length limit (--max-chars): {lines} more lines "
        "are left out, in the sections {sections}. Write the whole report to a file with -o.",
    ),
    "report.md.in": ("见于{title}", "in {title}"),
    "report.table": ("表格{n}（{rows}行）：{header}", "table {n} ({rows} rows): {header}"),
    "report.table_row_added": ("+ 增加行", "+ row added"),
    "report.table_row_removed": ("- 删去行", "- row removed"),
    "report.table_cell": ("{row} · {column}：{old} → {new}", "{row} · {column}: {old} → {new}"),
    "report.tables_line": (
        "表格：{new} 新增，{dropped} 删除，{reworded} 改动。",
        "Tables: {new} new, {dropped} dropped, {reworded} changed.",
    ),
    "report.md.tables": ("表格的变化（{n}）", "Tables changed ({n})"),
    "report.md.reworded": (
        "新旧对照：改写与移动的条目（{n} 行）",
        "新旧对照: reworded and moved initiatives ({n} rows)",
    ),
    "report.md.reworded_joined": (
        "新旧对照：改写与移动的条目（{n} 行，其中 {joined} 行为合并与拆分）",
        "新旧对照: reworded and moved initiatives ({n} rows, {joined} of them merges or splits)",
    ),
    "report.md.marks": (
        "删去的文字加~~删除线~~，新增的文字**加粗**。",
        "Deleted words are ~~struck through~~, inserted words **bold**.",
    ),
    "report.md.columns": ("| 序号 | 类别 | 旧 | 新 |", "| Row | Class | 旧 (old) | 新 (new) |"),
    "report.md.orphan": ("*本次对比中没有这处改动*", "*no such change in this diff*"),
    "report.table.section": ("章节", "Section"),
    "report.table.class": ("类别", "Class (类别)"),
    "report.table.old_address": ("旧版位置", "Old address"),
    "report.table.new_address": ("新版位置", "New address"),
    "report.table.old_title": ("旧：{title}（{date}）", "Old: {title} ({date})"),
    "report.table.new_title": ("新：{title}（{date}）", "New: {title} ({date})"),
    "report.timeline.of": ("{n} 个版本的时间线", "timeline of {n} editions"),
    "report.timeline.cells": (
        "格：标题有变化时为该版本的标题 · ● 与上一版标题相同 · — 没有",
        "cells: the heading where it changed · ● same heading as before · — absent",
    ),
    "report.timeline.notes": (
        "备注：中断（跳过了版本）· 合并 / 拆分（与另一条线共享条目）· 桥接（某一步的依据是跨过版本的对比）· "
        "低（某一步把握低；--format json 或 markdown 给出依据）",
        "notes: gap (editions skipped) · merged / split (shares an item with another thread) · "
        "bridged (a step's evidence is a diff across editions) · "
        "low (a step of low confidence; --format json or markdown for the evidence)",
    ),
    "report.timeline.bridge": ("（桥接：{diff} 的对比）", " (bridged by {diff})"),
    "report.timeline.where": ("{part}中的{level}", "{level} in {part}"),
    "report.timeline.other_groups": (
        "注：下列标题不是（一）级标题：没有（一）级分组之处，整个部分或其他层级的标题也作为一组：{editions}",
        "note: not （一） headings: where a report has no （一） groups, whole parts or other headings "
        "stand as groups: {editions}",
    ),
    "report.timeline.document": ("全文", "the document"),
    "report.timeline.title": ("时间线", "Timeline"),
    "report.timeline.focus": (
        "只列出有条目提到“{text}”的线和名称含“{text}”的项目（--match），各项计数只计这些。",
        "Only the threads with an item that mentions “{text}” and the programmes named so (--match): "
        "every count is of those alone.",
    ),
    "report.timeline.evidence": ("依据", "evidence"),
    "report.timeline.presence": (
        "● 带引号提到 · ○ 提到但未加引号 · — 没有",
        "● quoted · ○ mentioned without quotes · — absent",
    ),
    "report.timeline.programmes": (
        "== 项目名称：{n} 个带引号的名称，{shared} 个见于多个版本（{legend}）",
        "== programmes: {n} quoted names, {shared} in more than one edition ({legend})",
    ),
    "report.timeline.single": (
        "另有 {n} 个只见于一个版本（--format json 列出）",
        "{n} more appear in one edition only (--format json)",
    ),
    "report.trace.of": ("{id} 的规划追踪  {title}", "trace of {id}  {title}"),
    "report.trace.in": ("报告：", "in:"),
    "report.trace.cells": (
        "格：报告句子与该项内容段落的最高余弦相似度（≥ {threshold}）· — 没有",
        "cells: best cosine of a report sentence with the item's paragraphs (>= {threshold}) · — none",
    ),
    "report.trace.unaddressed": (
        "没有报告回应：{plan} 项规划内容中的 {n} 项",
        "not addressed by any report: {n} of {plan} plan items",
    ),
    "report.trace.title": ("# 规划追踪：{title}", "# Trace: {title}"),
    "report.trace.threshold": ("阈值：余弦 ≥ {threshold}。", "Threshold: cosine >= {threshold}."),
    "report.trace.best": ("最佳段落", "Best passages"),
    "report.indicators.indicator": ("指标", "indicator"),
    "report.indicators.none": ("未找到指标", "no indicators found"),
    "report.indicators.no_region": ("未注明地区", "no region"),
    "report.indicators.not_stated": ("（未说明）", "(not stated)"),
    "report.indicators.change_not_stated": ("（未说明{change}）", "({change} not stated)"),
    "report.indicators.change.growth": ("增速", "growth"),
    "report.indicators.change.decline": ("降幅", "decline"),
    "report.indicators.change.level": ("水平", "level"),
    "report.indicators.no_target": ("（无目标）", "(no target)"),
    "report.indicators.legend": (
        "+ 增长，- 下降，无符号为水平值；a–b 为区间；— 报告未填或写作 —；\n"
        "（无目标）报告说明不设此目标；（未说明）、（未说明增速）本系列另一版本给出而本版本没有；\n"
        "空白：本系列没有版本给出",
        "+ growth, - decline, no sign: a level; a–b: a range; — the report leaves the cell blank or writes —;\n"
        "(no target): the report says it sets no such target; (not stated), (growth not stated): another\n"
        "edition of the series states it, this one does not; empty: no edition of the series states it",
    ),
    "report.terms.summary": (
        "{editions} 个版本，{terms} 个词语（{words} 个词，{programmes} 个项目名称；词至少出现 {min_total} 次）",
        "{editions} editions, {terms} terms ({words} words, {programmes} programmes; words seen at least "
        "{min_total} times)",
    ),
    "report.terms.keyness": (
        "关键度：{ranked}的对数似然 G²（3.84：p < 0.05，6.63：p < 0.01；负值：用得少）",
        "keyness: log-likelihood G² of {ranked} (3.84: p < 0.05, 6.63: p < 0.01; negative: used less)",
    ),
    "report.terms.ranked_in": ("{edition} 版相对其他版本", "edition {edition} against the others"),
    "report.terms.ranked_most": ("每个词在用得最多的版本中", "the edition each is most used in"),
    "report.terms.status": ("状态", "status"),
    "report.terms.kind": ("类别", "kind"),
    "report.terms.total": ("合计", "total"),
    "report.terms.term": ("词语", "term"),
    "report.terms.keyness_column": ("关键度", "keyness"),
    "report.terms.key_in": ("最突出", "key in"),
    "report.terms.more": ("… 另有 {n} 个（--limit 0 全部列出）", "… {n} more (--limit 0 shows all)"),
    "report.terms.edition": ("版本", "edition"),
    "report.terms.counted": ("计数", "counted"),
    "report.terms.mentions": ("提及", "mentions"),
    "report.terms.not_mentioned": ("各版本都没有提到", "not mentioned in any edition"),
    "report.terms.as_text": ("不是索引词，作为文本提到", "not an indexed term, mentioned as text"),
    "report.terms.found": (
        "{kind}，{status}（首见 {first}，末见 {last}）",
        "{kind}, {status} (first {first}, last {last})",
    ),
    "review.none": ("此范围内没有改动的语料库文件", "no corpus documents changed in this range"),
    "review.item": ("=== {id}：{change}", "=== {id}: {change}"),
    "review.against": ("（对比 {against}）", " (against {against})"),
    "review.note": ("批注（{flag}{change}）：{text}", "note ({flag}{change}): {text}"),
    "review.note_orphan": (
        "批注（{flag}{change}，本次对比中没有这处改动，见 corpusdiff check）：{text}",
        "note ({flag}{change}; no such change in this diff, see corpusdiff check): {text}",
    ),
    "review.significant": ("重要 ", "significant "),
    "review.document": ("文件", "document"),
    "review.change": ("改动", "change"),
    "review.against_column": ("对比对象", "against"),
    "review.change.new edition": ("新版本", "new edition"),
    "review.change.revised": ("修订", "revised"),
    "review.change.deleted": ("删除", "deleted"),
    "review.change.renamed": ("改名", "renamed"),
    "review.front_matter": ("元数据改动：{changes}", "front matter changed: {changes}"),
    "review.problem": ("问题：{text}", "problem: {text}"),
    "review.missing_years": (
        "注：语料库中两者之间没有 {years} 年的同类版本，对比跨过了这些年份。",
        "note: the corpus has no edition of this kind from {years} between the two; the comparison "
        "spans those years.",
    ),
    "review.change.first of its series": ("系列中的第一份", "first of its series"),
    "review.change.first of its kind": ("同类中的第一份", "first of its kind"),
    "review.change.now follows a new edition": ("前面新增了版本", "now follows a new edition"),
    "review.change.now follows an earlier edition": ("前一版本已删除，现对比更早的版本", "now follows an earlier edition"),
    "review.change.now first of its kind": ("前一版本已删除，现为同类中的第一份", "now first of its kind"),
}

#: Term statuses and kinds of the term index (series/terms.py), and what each means.
_TERMS = {
    "terms.status.new-in-latest": ("新出现", "new"),  # short: one per row of a long table; a word, not the key
    "terms.status.dropped": ("不再用", "dropped"),
    "terms.status.steady": ("持续", "steady"),
    "terms.meaning.new-in-latest": ("只有最新版本使用", "only the latest edition uses it"),
    "terms.meaning.dropped": ("最新版本不再使用", "the latest edition no longer does"),
    "terms.meaning.steady": ("最新版本和更早的版本都使用", "the latest and an earlier edition use it"),
    "terms.meaning.sep": ("；", "; "),
    "terms.meaning.end": ("。", "."),
    "terms.kind.word": ("词", "word"),
    "terms.kind.programme": ("项目", "programme"),
    "terms.kind.text": ("文本", "text"),
}


def counted(count: int, noun: str, plural: str = "") -> str:
    """`1 line`, `2 lines`: a count with its English noun in the number it needs, for the
    warnings and notes (English, as error messages are); `plural` where adding -s is wrong."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def check_language(language: object, where: str) -> str:
    """The language a setting names; one CorpusError line for any other value."""
    if language not in LANGUAGES:
        raise CorpusError(f"{where}: language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return str(language)


@dataclass(frozen=True)
class Strings:
    """One language's strings: `strings("diff.within", added=3, …)`; a missing key is a bug."""

    language: str
    table: Mapping[str, str]

    def __call__(self, key: str, **fields: object) -> str:
        text = self.table[key]
        return text.format(**fields) if fields else text

    def status(self, status: str) -> str:
        return self.table[f"status.{status}"]

    def part(self, part: str) -> str:
        return self.table.get(f"part.{part}", part)

    def genre(self, genre: str) -> str:
        return self.table.get(f"genre.{genre}", genre)

    def labelled(self, label: str, text: str) -> str:
        """`label：text` in Chinese, `label: text` in English."""
        return f"{label}{self.table['report.colon']}{text}"

    def date(self, date: str) -> str:
        """`2025年1月` in Chinese, the ISO date in English."""
        from corpusdiff.text.dates import chinese_date

        return chinese_date(date) if self.language == "zh" else date


def _entries() -> dict[str, tuple[str, str]]:
    return (
        _STRINGS
        | _REPORTS
        | _TERMS
        | {f"status.{k}": v for k, v in _STATUS.items()}
        | {f"part.{k}": v for k, v in _PARTS.items()}
        | {f"genre.{k}": v for k, v in _GENRES.items()}
    )


@functools.cache
def catalogue(language: str = DEFAULT_LANGUAGE) -> Strings:
    column = LANGUAGES.index(check_language(language, "language"))
    return Strings(language, MappingProxyType({key: pair[column] for key, pair in _entries().items()}))


def status_labels(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Change class -> its label: `new` -> 新增 (zh) or NEW (en)."""
    strings = catalogue(language)
    return {status: strings.status(status) for status in _STATUS}


PART_ORDER = tuple(_PARTS)  # tasks first: a plan's reader wants next year's work before last year's
