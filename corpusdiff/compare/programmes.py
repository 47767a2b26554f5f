"""Named programmes: the quoted names reports give to schemes, brands, campaigns and packages.

Reports put many things in “…”: programme names (“1+5”商圈体系, “百千万工程”, “凤巢计划”), but
also honours (获评“…百强区”), slogans and visions (“首善之区、幸福福田”), metaphors (“主航道”),
everyday words (“出海”), outcomes (“双第一”, “零的突破”) and descriptions (“线上+线下”). A quoted
name counts as a programme only with evidence that it names one: precision first, since every
name listed is a claim an analyst may quote. The rule, with examples and measured precision and
recall, is in docs/diff-output.md, "Programmes"; the labels in tests/data/labels/programmes.yaml.

A mention is one “…” of 2–16 characters (straight quotes are already curly in canonical
Markdown). Its name is the span, or for a formula without Han characters the span plus the noun
after it (“1+5”商圈体系 -> 1+5商圈); a comma between short members is a list's (“一个国家，两种制度”).
A name is never a programme's when it is a number, a date, a plan period, a sentence, an honour,
an outcome, a category, a doctrine (…主义), a goal (…目标) or a chain of levels (`_programme_name`, `_rejected_name`). Otherwise it is kept when one of its
mentions gives evidence (`_evidence`) and is not marked as something else:

- shape (`_shape`): counted (三大新引擎, 双招双引, 五个一百, 新十条, 民生七优), a number formula or
  version (1+9+N, 5G+…, 智网2.0), a conversion A改B (营改增, 煤改气), every unit connected
  (户户通), a brand “X+” or Latin-Han coinage (金融+, i福田), or a programme head word closing
  the name (凤巢计划, 无废城市, 福田咖啡生活节, 秒批办);
- context: a programme noun after the quote, or after the list of quotes it belongs to
  (“降尘”“减排”“削峰”三大行动, “X”系列活动), a category noun before it (卡通形象IP“福气家族”), a
  verb of launching before it (推出/启动/举办/实施…), or “X”为抓手/为牵引;
- list members share evidence (“新春艺术节”“五个一百”“追梦”等系列活动);
- a composition joining a brand quoted as “X+” (“中国制造+互联网” beside “互联网+”) is its pilot;
- with `others` (the texts of other editions): the name is shown to be a programme's there, or
  it is quoted there too and no mention anywhere marks it.

A mention is marked, and gives no evidence, when an honour verb precedes it (获评/荣获/入选…,
unless the quote modifies a noun after it), a goal, doctrine, category or honour noun follows
it (…目标, …重要思想, …经费, “小巨人”企业, …称号), a situation or an error follows it (…局面, …问题, …错误) or
it is a policy's focus (以“…”为重点), a verb of opposing, curing, punishing, believing or facing
precedes it (纠正/反对/严禁…, 解决/破除/查处…, 打破/粉碎/肃清…, 树立/坚定/秉持…, 成为, 跑出,
面对/面临/应对, 堵塞), a category joins it in a list (小微企业、“三农”等), a quantity precedes it (建设一批…
“海外仓”), it is eaten (吃了“定心丸”: a figure), or a flaw, a pipe dream, an idea or a role follows it
(…的弊端, …的迷梦, …的理念, …的带动作用). A mark
anywhere, in this edition or another, outweighs evidence from the name's shape alone. Streaks
(“十二连增”) and counted driver metaphors (“双引擎”, “三驾马车”) are never names. A manner word after
the quote (“出海”一站式服务平台) takes the programme noun after it; a report's own place named as a
model (福田模式: the place named often elsewhere, no context naming a pilot) is a claim. Lists (“首善之区、幸福福田”) need a counted part (not an idiom's figurative count:
百花齐放; not the numbered points of a maxim: 一要吃饭，二要建设), one verb a member (“放、调、管”:
abbreviated measures), a programme noun of the stronger kind (`_STRONG_AFTER_NOUNS`), a method
named after 的 (…的办法), or a count of their parts after them that counts no principles; word
compositions (“线上+线下”) need a strong noun after, a category noun before, or a
family (two or more quoted names “X+…” with one head: “互联网+政务服务”, “互联网+监管”).

Every word list and threshold is a module constant with its reason. None names a programme:
the lists are kinds of words (counts, head nouns, verbs), meant for any region's and any year's
reports.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpusdiff.text.chars import HAN, IDEOGRAPHS, WORD_CHARS
from corpusdiff.text.figures import FIGURE_RE
from corpusdiff.types.diff import ProgrammeChanges

# --- what a mention is -----------------------------------------------------------------------

_QUOTED_RE = re.compile(r"“([^“”]{1,40})”")
#: Full-width Latin letters, digits and plus sign as their ASCII forms: 互联网＋ (2021) and 互联网+
#: (the other years) are one name, in names and in the text they are looked for in.
_HALF_WIDTH = str.maketrans(
    {
        chr(code): chr(code - 0xFEE0)
        for code in (0xFF0B, *range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
    }
)
#: Names are 2–16 characters: one character is no name, and a longer quote is a sentence
#: or a title (a quotation, a report's own heading), never a programme's handle.
_MIN_LEN, _MAX_LEN = 2, 16
#: Quotes joined by nothing, or by 、, 和, 与 or 及 and at most four characters of modifier
#: (线上“云逛花市”和线下“多点开花”模式), form one list: the noun after the last one is the head of
#: all of them (“降尘”“减排”“削峰”三大行动), and the members share one kind.
_LIST_JOIN_RE = re.compile(rf"^(?:[、和与及][{IDEOGRAPHS}]{{0,4}})?$")
#: A formula without Han characters (“1+5”) is named with the noun after it, up to four
#: characters before a head word, as in “1+5”两级商圈体系 -> 1+5两级商圈.
_FORMULA_SUFFIX_RE = re.compile(
    rf"^([{IDEOGRAPHS}]{{0,4}}?(?:体系|计划|工程|行动|机制|模式|政策|商圈|战略|格局|产业|服务))"
)
_HAN_RE = re.compile(f"[{HAN}]")
_WORD_RUN_RE = re.compile(f"[{WORD_CHARS}.]+")
#: A year or number opening the words after a quote (“深爱·共进”2023粤港澳龙舟邀请赛) is skipped
#: when looking for the noun.
_LEADING_NUMBER_RE = re.compile(r"^[\d.]+")

# --- names that are never programmes ---------------------------------------------------------

#: Dates and plain numbers (“5.21”): events' dates, not names.
_NUMBER_ONLY_RE = re.compile(r"^[\d.·、\-/ ]+$")
#: Five-year-plan periods (“十四五”, and “六五”…“九五”, “十五” as the reports of their years wrote
#: them): a period, not a programme.
_PERIOD_RE = re.compile(r"^十?[一二三四五六七八九]?五$")
#: Sentence punctuation inside the quote: a quotation or a sentence-long slogan.
_SENTENCE_PUNCT = set("，。；：！？,;:")
#: A comma between short parallel members is a list's, not a sentence's (“一个国家，两种制度”,
#: “和平统一，一国两制”): such a name is read as a list (`_is_list`), which needs strong evidence.
#: Members longer than six characters (“先天下之忧而忧，…”) make it a quotation.
_LIST_COMMA = "，"
_LIST_MEMBER_MAX = 6
_LIST_SPLIT_RE = re.compile("[、，]")
#: How honours, awards, titles and rankings end: 奖/奖项 (award), 称号/荣誉 (title), 案例/典型
#: (a showcased case), 集体/先进 (a commended body), 百强/十强 and …强区/强县/强街道 (rankings),
#: TOPn. A programme name does not end so.
_HONOUR_NAME_RE = re.compile(
    r"(奖|奖项|称号|荣誉|案例|典型|集体|先进|[百十]强[区县市镇街道]*|[百十]强|TOP\d+)$", re.IGNORECASE
)
#: 年度 (“2024年度活力城区”, “年度重大创新突破产品”) belongs to yearly awards and rankings;
#: programmes carry a plain year (“2022福田文化菜单”).
_HONOUR_INFIX = ("年度",)
#: Outcomes, streaks, grades and paces (“双第一”, “三连冠”, “十二连增”, “五连快”, “优秀”, “零的突破”,
#: “双100%”, “加速度”, “深圳速度”): results a report boasts of, not things it runs. A streak is a
#: count, 连 and what went on (…连增/连涨/连降/连冠/连胜/连快/连升/连跌).
_OUTCOME_RE = re.compile(r"(第一|连[增涨降冠胜快升跌]|优秀|突破|速度|\d%)$")
#: A pure measure of time or distance (“半小时”, “一公里”) is an emphasis, not a name.
_MEASURE_RE = re.compile(r"^[半一二三四五六七八九十百千万两\d]+(小时|分钟|公里|米|天)$")
#: Names ending in a category word: an economy type (首店经济, 夜间经济), a kind of household,
#: person, group or firm (零就业家庭, 黄码人员), a faction or gang older reports name their
#: opponents by (“走资派”, “民主派”, “四人帮”), a manner (一站式, 嵌入式: “…式” says how, not
#: what; 模式/方式/形式 are nouns). Categories recur everywhere and name no scheme.
_CATEGORY_END_RE = re.compile(r"(经济|家庭|人员|人群|群体|企业|市民|派|帮|(?<![模方形公程仪样格])式)$")
#: Names ending in a doctrine word: a consensus, spirit, idea, principle, awareness, line,
#: -ism or theory (九二共识, 四个意识, 四个自信, “三不主义”, “唯生产力论”) is held, upheld or
#: fought, never run.
_DOCTRINE_END_RE = re.compile(r"(共识|精神|思想|理念|原则|意识|自信|方针|路线|主义|(?<!理)论)$")
#: Names ending in a goal word (“双目标”, …愿景, …底线) are aims, never the scheme that reaches them.
_GOAL_END_RE = re.compile(r"(目标|愿景|底线)$")
#: Two things counted with 个 (两个维护, 两个确立, 两个务必, 两个毫不动摇, 两个一百年): the shape of
#: political formulas and goals. Reports name two-part programmes 两X or 双X (两新, 两重, 双减).
_TWO_FORMULA_RE = re.compile(rf"^两个[{IDEOGRAPHS}]")
#: A count straight before a figure of a driver or a support (“双引擎”, “三驾马车”, “双轮驱动”, “两翼”):
#: a metaphor for what drives growth. A set counted with 大 (“三大新引擎”: three named
#: zones) lists its members and stays a name.
_DRIVER_METAPHOR_RE = re.compile(
    r"^新?[一三四五六七八九十两双]个?(驾马车|马车|引擎|轮驱动|轮|翼|动力|动能|支柱)$"
)
#: A chain of three or more levels or steps joined by - or — (“区-街道-社区”,
#: “居家-小区-社区-机构”, “智能识别—规划调整—更新激活”) describes a hierarchy or a process.
_CHAIN_MIN_PARTS = 3
_CHAIN_SPLIT_RE = re.compile(r"[-－—–]")

# --- shapes of a programme name --------------------------------------------------------------

#: Count words that open counted names: 三大产业, 十大行动, 双招双引, 两新, 百千万工程, 五个一百,
#: 一网统管. An optional 新 before them (新十条, 新四条: the revised n-point package). Not 二:
#: reports count programmes with 两/双, and 二 opens ordinal words (二次创业, 二手).
_COUNTS = "一三四五六七八九十百千万两双"
_COUNTED_RE = re.compile(rf"^新?[{_COUNTS}]+[{IDEOGRAPHS}]")
#: Ordinary words that open with 一 and count nothing: determiners and adverbs (一切, 一些, 一般,
#: 一直…). A slogan opening with one (“一切向钱看”) has no counted shape; 一网统管 and 一带一路 do.
#: 一律 is left out: it also opens counted pairs (一律所一社区).
_ORDINARY_YI_RE = re.compile(r"^一(切|些|般|定|直|致|贯|样|再|向|旦|味)")
#: An n-point policy package anywhere in the name: 十三条, 绿九条.
_ARTICLES_RE = re.compile(rf"[{_COUNTS}]+条$")
#: A count of three to nine closing a name of three or more characters (民生七优, 约法三章):
#: the counted list a programme is named after. 一/十/百 are left out here: they end many
#: ordinary words (统一, 唯一, 第十).
_INNER_COUNT_RE = re.compile(rf"^[{IDEOGRAPHS}]+[三四五六七八九][{IDEOGRAPHS}]{{1,2}}$")
#: The numerals by value, for a list that counts its own parts (“A、B、C、D”四智…).
_COUNT_VALUES = ("", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十")
#: Ordinal numerals that open the numbered points of a maxim (一要…，二要…).
_ORDINALS = "一二三四五六七八九十"
#: A list of one-character members needs three of them (“放、调、管”): two single characters
#: joined by 、 are as often a pair of words (“官、民”).
_ABBREVIATED_MIN_PARTS = 3
#: The part-of-speech tags jieba's dictionary gives idioms (成语) and verbs (v, vn, vd…).
_IDIOM_TAG = "i"
#: Chengyu have four characters or more: a shorter member is never looked up.
_IDIOM_MIN_LEN = 4
_VERB_TAG = "v"
#: “村村通”, “户户通”: a unit said twice and 通: every village, every household connected, the
#: shape of coverage programmes.
_EVERY_UNIT_CONNECTED_RE = re.compile(rf"^([{IDEOGRAPHS}])\1通$")
#: A number formula (1+5, 1+9+N, 20+8, 福田+1, 5G+…) or a version (智网2.0): such names are opaque
#: handles that reports coin for frameworks and systems.
_NUMBER_FORMULA_RE = re.compile(r"\d[A-Za-z]*\s*[+＋×]|[+＋×]\s*\d|[+＋]\s*N|\d\.\d$")
#: Words joined by + (“线上+线下”) are as often a description of a format as a named scheme;
#: they count when two or more distinct quoted names share the head before the + (a family:
#: “互联网+”, “互联网+监管”, “互联网+教育”).
_PLUS_RE = re.compile(r"[+＋×]")
_FAMILY_MIN = 2
#: A brand “X+” (金融+, 信福+, 智能+): the open + is the brand's mark.
_OPEN_PLUS_RE = re.compile(r"[+＋]$")
#: A conversion named A改B, one character each side (营改增, 煤改气, 煤改电, 瓶改管): the name
#: reports give to a policy of switching one thing for another; not when 改B is a verb of
#: its own (大改造, 深改革, 再改进).
_CONVERSION_RE = re.compile(rf"^[{IDEOGRAPHS}]改(?![造革善进变正良制建装版写编成为])[{IDEOGRAPHS}]$")
#: Latin letters glued to Han characters (i福田, e站通, M餐, AI福务管家): coined brand names.
_LATIN_BRAND_RE = re.compile(rf"^[A-Za-z]{{1,3}}[{IDEOGRAPHS}]|[{IDEOGRAPHS}][A-Za-z]{{1,3}}$")
#: Head words that end programme names: schemes and packages (工程 计划 行动 专项 项目 政策
#: 战略 改革 制度 机制 体系 模式 试点), brands and platforms (品牌 平台), events (…节 …周 …月
#: …杯 联赛 大会 论坛 市集 大讲堂), designated zones and facilities (示范区 中心 之家 驿站 乐园
#: 会客厅 客厅 超市 商城 …圈), named national-programme types (…城市: 无废城市; …经验: 枫桥经验;
#: …革命: 厕所革命), published indices, and ways of handling public business (秒批办, 跨省通办).
_HEAD_WORDS = (
    "工程", "计划", "行动", "专项", "项目", "政策", "战略", "改革", "制度", "机制", "体系",
    "模式", "试点", "品牌", "平台", "联赛", "大会", "论坛", "市集", "大讲堂", "示范区", "中心",
    "之家", "驿站", "乐园", "会客厅", "客厅", "超市", "商城", "城市", "经验", "革命", "指数",
    "节", "周", "月", "杯", "圈", "办",
)  # fmt: skip
#: At least two characters must precede a head word, so a bare category (“政策包”, “中心”) is
#: no name; three before a one-character head (“新春艺术节”, “香蜜湖杯”), which closes too many
#: ordinary words (岁月, 一周, 生活圈), except 办: service modes are three characters (“秒批办”).
_HEAD_MIN_PREFIX = 2
_SHORT_HEAD_MIN_PREFIX = 3
_SHORT_HEAD_EXCEPTIONS = ("办",)

# --- contexts --------------------------------------------------------------------------------

#: How far after a quote (its words, up to 的 or punctuation) a programme noun may sit:
#: “e站通”综合服务中心 puts the head word four characters on; ten covers long modifiers
#: (“一网统管、民意速办”群众诉求解决平台, “数字账本”数智化小区治理模式) without reaching the
#: next clause.
_AFTER_WINDOW = 10
#: Nouns that, after a quote, say it names a programme (…行动, …平台, …系列活动, …两大导则,
#: …建设: a project being built, an event: …邀请赛, …巡展).
_AFTER_NOUNS = (
    "工程", "计划", "行动", "专项", "项目", "政策", "战略", "改革", "制度", "机制", "体系", "模式",
    "试点", "品牌", "平台", "活动", "举措", "措施", "方案", "导则", "清单", "礼包", "系统", "产品",
    "服务站", "工作站", "中心", "园区", "建设", "市集", "招聘会", "购物节", "文化节", "艺术节",
    "音乐节", "邀请赛", "大赛", "巡展", "表演", "推介", "主题教育", "专题教育", "学习教育",
)  # fmt: skip
#: A manner word opening the words after a quote (企业“出海”一站式服务平台, “小个专”一站式…平台,
#: “大水漫灌”式强刺激): the programme noun that follows belongs to the manner (…式 says how), and
#: the quote names whom or what it serves, not the programme. 模式/方式/形式… are nouns, not manners.
_MANNER_AFTER_RE = re.compile(rf"^[{IDEOGRAPHS}]{{0,3}}?(?<![模方形公程仪样格])式")
#: “X”为抓手 / 为牵引 / 为载体 / 为突破口: the report makes X the lever of a chapter; what it
#: levers with is a programme (以“全域治理”为抓手).
_LEVER_AFTER_RE = re.compile(r"^为(抓手|牵引|载体|突破口)")
#: The stronger subset a composition (“信用+免申即享”改革) or a list needs: what a government
#: adopts (a reform, a strategy, a package), not the form something takes (模式, 体系, 场景).
_STRONG_AFTER_NOUNS = (
    "工程", "计划", "行动", "专项", "政策", "战略", "改革", "试点", "品牌", "平台", "主题教育",
    "专题教育", "学习教育",
)  # fmt: skip
#: Nouns that, right before a quote, are its category in apposition (卡通形象IP“福气家族”,
#: 研发计划项目“5G+智慧教育”, 新型文化空间“书语咖啡”, AI大模型“灵鹿未来”), or the kind of craft a
#: state builds (第一艘航母“辽宁舰”, 探测器“…”, 飞船“…”).
_BEFORE_NOUN_RE = re.compile(
    r"(IP|品牌|项目|工程|计划|行动|活动|平台|小程序|空间|模型|产品|系统|航母|舰|飞船|卫星|探测器|潜水器)$"
)
#: Verbs of launching, running or building something, before the quote with at most four
#: characters of object between (推出“迎福年”, 举办“全民挑战者”, 在全国实行“携号转网”, 加快建设
#: “…”); 打造/推进/构建 are left out: reports 打造 and 构建 visions and metaphors too.
_BEFORE_VERB_RE = re.compile(
    rf"(推出|启动|举办|开展|实施|实行|推行|试点|上线|发布|出台|制定|创新|首创|建设)[{IDEOGRAPHS}]{{0,4}}$"
)
#: What, right after a quote, makes it no programme: a goal, a vision or a doctrine
#: (…奋斗目标, …愿景, …重要思想, …底线), spending, a charge or an area (…经费, “五险一金”
#: 缴费比例, …领域), a kind of firm or person (“小巨人”企业, “零收入”市民), an honour (…称号,
#: …案例, …授牌, …奖项), a moral norm (“五爱”社会公德, …道德, …风尚: held, like a doctrine).
#: The noun may follow a modifier of up to two characters (奋斗目标, 重要思想), and it only
#: counts as the head when no programme noun closes the compound within two more characters
#: (“四位一体”企业服务体系 is a service system, not a firm).
_NEGATIVE_AFTER_RE = re.compile(
    r"^(.{0,2}?)(目标|愿景|思想|精神|理念|底线|定位|经费|缴费|费率|地区|领域|企业|单位|市民|人员|家庭|群体|"
    r"称号|荣誉|案例|授牌|认定|奖项|奖|公德|道德|美德|风尚)"
)
_COMPOUND_GAP = 2
#: A situation, a difficulty or a flaw named right after the quote, with or without 的
#: (“三期叠加”的局面, “三期叠加”矛盾, “三农”问题, 吃“大锅饭”的弊端, 肯定“文化大革命”错误理论: an error
#: named): the quote describes what a report
#: faces, not what it runs; and a design it denounces as another's pipe dream, plot or ambition
#: (建立“亚安体系”的迷梦): named, but never run by the government that reports.
_SITUATION_AFTER_RE = re.compile(
    r"^的?(局面|矛盾|问题|难题|困难|挑战|风险|压力|态势|形势|弊端|弊病|错误|迷梦|美梦|幻想|野心|阴谋|图谋)"
)
#: A method named after 的 (实行“上不封顶、下不保底”的办法, “定产、定购、定销”的办法, …的管理办法): a
#: list of rules a government adopts as its way of working, a scheme; unlike …的方针 and …的原则
#: (“安全第一、预防为主”的方针), which are guidelines. Read for lists only: a single quote before
#: 的…办法 is as often a practice described (“吃大锅饭”的管理办法).
_METHOD_AFTER_RE = re.compile(r"^的[^，。；：“”]{0,4}?办法")
#: A doctrine noun after 的 (秉持“两岸一家亲”的理念): `_NEGATIVE_AFTER_RE` reads the words up to 的,
#: but an idea, a thought or a spirit is one across it too.
_DOCTRINE_AFTER_RE = re.compile(r"^的(理念|思想|精神)")
#: A role or an effect right after the quote (发挥政府投资“四两拨千斤”的带动作用, “鲶鱼”效应): the
#: quote is a figure for how something works, not a thing that is run.
_ROLE_AFTER_RE = re.compile(r"^的?[^，。；：“”]{0,4}?(作用|效应)")
#: The object of 吃 (让市场吃了“定心丸”, 吃“大锅饭”): something eaten is a figure of speech.
_EATEN_BEFORE_RE = re.compile(r"吃[了上下到]?$")
#: “X”为重点 (以“一老一小”为重点完善人口服务体系): X is whom or what a policy puts first, a group
#: or an area; unlike 为抓手/为牵引 (`_LEVER_AFTER_RE`), it is not the tool the report works with.
_FOCUS_AFTER_RE = re.compile(r"^为重点")
#: A quote listed with other things (、 和 及 与) or given as an example (等) of a category of
#: areas, fields, firms or people (向创新驱动、“三农”、民生等领域倾斜; 小微企业、“三农”和贫困地区;
#: “三区三州”等深度贫困地区) is one of those things, not a programme; up to eight characters of
#: the category's modifier may stand between.
_CATEGORY_MEMBER_RE = re.compile(
    r"^(?:[、和及与]|等)[^，。；：“”]{0,8}?(地区|领域|行业|企业|单位|人员|群体|家庭)"
)
#: The same list read from its other end: a category right before the quote, joined to it
#: (小微企业、“三农”等支持).
_CATEGORY_BEFORE_RE = re.compile(r"(地区|领域|行业|企业|单位|人员|群体|家庭)[、和及与]$")
#: Verbs that introduce an honour or title (获评“…”, 荣获“…”, 入选全国“…”). Up to eight
#: characters (全国, 首批省级, 2022年) may stand between the verb and the quote.
_HONOUR_VERB_RE = re.compile(
    r"(获评|荣获|评为|入选|获得|授予|列为|认定为|誉为|称为|蝉联|共获|获)([^，。；：、“”]{0,8})$"
)
#: Unless the quote is followed by a noun it modifies (荣获…“百千万工程”年度考评…第一名: the
#: honour is the ranking, not the programme), or that noun is itself an award (…最佳产品奖).
_HONOUR_NOUN_END_RE = re.compile(r"(奖|奖项|称号|荣誉|案例)$")
#: Verbs of opposing (纠正“四风”, 反对“台独”, 严禁“洋垃圾”, 消除“大班额”, 不搞“大水漫灌”), of curing
#: or punishing (解决…“大班额”问题, 破除, 化解, 根治, 摆脱, 摒弃, 查处“地条钢”, 打击, 处置) and of
#: holding a belief (树立“四个意识”, 坚定“四个自信”, 秉持“两岸一家亲”; 纠治“四风”): what follows is a
#: problem or a doctrine; 成为 (打造成为“…”): a positioning, a title to reach; 着眼 (着眼“放水养鱼”):
#: an aim the policy serves; 跑出 (跑出…“加速度”): a pace, a metaphor; 面对/面临/应对 (面对“三期叠加”
#: 的局面): a situation or a threat faced; 堵塞/堵住 (堵塞“跑、冒、滴、漏”): a leak stopped; and 打破/粉碎/揭批/批判/肃清/清算/摧毁/打倒/否定 (打破
#: “大锅饭”, 粉碎“四人帮”): an old system or a foe ended, as reports of the late 1970s and 1980s
#: say it. 治理 and 防治 are left out: they are nouns before a programme as often (政府治理“一网统管”,
#: 污染防治三个“十条”).
_NEGATIVE_BEFORE_RE = re.compile(
    r"(纠正|纠治|反对|遏制|防止|避免|杜绝|严禁|克服|消除|整治|不搞|不能|决不能|解决|破除|化解|根治|摆脱|摒弃|"
    r"查处|打击|处置|树立|树牢|坚定(?!不移)|秉持|秉承|恪守|成为|着眼|跑出|面对|面临|应对|"
    r"打破|粉碎|揭批|批判|肃清|清算|摧毁|打倒|否定|堵塞|堵住)[^，。；：、“”]{0,4}$"
)
#: A report's own place named as a way or a showcase (“福田模式”, “福田品牌”, “福田样本”,
#: “中国方案”): a claim about the place, not a scheme; a place the report keeps naming outside
#: the quote, which a named experience from elsewhere (“枫桥经验”: 枫桥 only there) is not.
_SELF_MODEL_RE = re.compile(rf"^([{IDEOGRAPHS}]{{2,3}})(模式|品牌|样本|经验|方案)$")
_SELF_MODEL_MIN_USES = 5
#: A quantity of things before the quote (建设一批出口产品“海外仓”, 培育众多“…”, 打造更多“…”), with
#: up to six characters of modifier between: the quote is a kind of thing made or built by the
#: batch, not one named scheme — unless a programme noun follows the quote (更多感受到“放管服”改革成效:
#: the quantity is an adverb's, and the quote names the reform).
_QUANTITY_BEFORE_RE = re.compile(
    r"(一批|一大批|大批|一些|若干|多个|更多|众多|各类|各种)[^，。；：、“”]{0,6}$"
)
#: How many characters before a quote are read for its context.
_BEFORE_WINDOW = 12
#: Texts (paragraphs) whose mentions are remembered: a few reports' worth.
_MENTION_CACHE = 8192


@dataclass(frozen=True)
class Programme:
    name: str
    first_context: str  # a few characters around the first mention


@dataclass(frozen=True)
class _Mention:
    name: str
    context: str
    evidence: bool  # this mention shows the name is a programme's
    marked: bool  # this mention shows it is something else (honour, goal, problem, category)
    by_shape: bool = False  # the evidence is the name's shape alone, no word around it


def extract_programmes(texts: Iterable[str], *, others: Iterable[Iterable[str]] = ()) -> list[Programme]:
    """Programme names in order of first mention, each once. `others`: the texts of other
    editions (one iterable of texts per edition). A name shown to be a programme's there
    counts here too; a name merely quoted there counts unless some mention marks it as
    something else or it is a list or a composition (`_needs_strong_evidence`). A mark anywhere
    outweighs evidence from the name's shape alone (“三农”: counted, but a category where a
    sentence lists it with others); only a context naming a programme stands against a mark."""
    texts = list(texts)
    mentions = [m for text in texts for m in _mentions(text)]
    elsewhere = [m for edition in others for text in edition for m in _mentions(text)]
    shown_elsewhere = {m.name for m in elsewhere if m.evidence}
    quoted_elsewhere = {m.name for m in elsewhere}
    marked = {m.name for m in mentions + elsewhere if m.marked}
    evidenced = {m.name for m in mentions if m.evidence}
    families = _families({m.name for m in mentions + elsewhere})
    brands = _brands({m.name for m in mentions + elsewhere})
    evidenced |= {
        m.name for m in mentions
        if _is_composition(m.name) and not m.marked
        and (_plus_head(m.name) in families or _joins_a_brand(m.name, brands))
    }  # fmt: skip
    named_in_context = {m.name for m in mentions if m.evidence and not m.by_shape}
    outweighed = marked - named_in_context - {m.name for m in elsewhere if m.evidence and not m.by_shape}
    evidenced -= outweighed
    shown_elsewhere -= outweighed
    self_models = _self_models({m.name for m in mentions} - named_in_context, texts)
    kept: dict[str, Programme] = {}
    for m in mentions:
        if m.name in kept or m.name in self_models:
            continue
        if (
            m.name in evidenced
            or m.name in shown_elsewhere
            or (m.name in quoted_elsewhere and m.name not in marked and not _needs_strong_evidence(m.name))
        ):
            kept[m.name] = Programme(m.name, m.context)
    return list(kept.values())


def _self_models(names: Iterable[str], texts: Sequence[str]) -> set[str]:
    """Names “<place>模式/品牌/…” whose place the document names at least
    `_SELF_MODEL_MIN_USES` times outside them: its own place's way, a claim (`_SELF_MODEL_RE`).
    `names` are those no mention shows by its context (“香蜜湖模式”试点改革 is a pilot)."""
    document = "\n".join(texts)
    found = set()
    for name in names:
        model = _SELF_MODEL_RE.match(name)
        if model and document.count(model.group(1)) - document.count(name) >= _SELF_MODEL_MIN_USES:
            found.add(name)
    return found


def _plus_head(name: str) -> str:
    return _PLUS_RE.split(name, maxsplit=1)[0]


def _families(names: Iterable[str]) -> set[str]:
    """Heads “X” that open two or more distinct quoted names “X+…” (互联网+政务服务,
    互联网+监管; “信用+免申即享”, “信用+视频办”): a family of named pilots of one programme."""
    heads = Counter(_plus_head(name) for name in names if _PLUS_RE.search(name))
    return {head for head, count in heads.items() if count >= _FAMILY_MIN and head}


def _brands(names: Iterable[str]) -> set[str]:
    """The X of each brand quoted as “X+” (“互联网+”): the programme its compositions belong to."""
    return {name[:-1] for name in names if _OPEN_PLUS_RE.search(name) and len(name) > 1}


def _joins_a_brand(name: str, brands: set[str]) -> bool:
    """“中国制造+互联网” where “互联网+” is quoted too: the composition is a pilot of that brand's
    programme, whichever side of the + the brand stands."""
    return any(part in brands for part in _PLUS_RE.split(name))


@functools.lru_cache(maxsize=_MENTION_CACHE)
def _mentions(text: str) -> tuple[_Mention, ...]:
    """Every quoted name in `text` with its evidence; members of one list of quotes share
    evidence when none of them is marked (“新春艺术节”“五个一百”“追梦”等系列活动). Cached: a
    diff reads each edition's texts more than once (both sides, the domain dictionary)."""
    matches = list(_QUOTED_RE.finditer(text))
    found: list[tuple[int, _Mention]] = []
    for n, match in enumerate(matches):
        name = _programme_name(text, match)
        if name is None:
            continue
        start = _list_start(text, matches, n)
        before = text[max(0, start - _BEFORE_WINDOW) : start]
        own_before = text[max(0, match.start() - _BEFORE_WINDOW) : match.start()]
        after = text[_list_end(text, matches, n) :]
        evidence, marked = _evidence(name, before, own_before, after)
        by_shape = evidence and not _evidence(name, before, own_before, after, shape=False)[0]
        context = text[max(0, match.start() - 8) : match.end() + 8]
        found.append((start, _Mention(name, context, evidence, marked, by_shape)))
    lists: dict[int, list[_Mention]] = {}
    for start, mention in found:
        lists.setdefault(start, []).append(mention)
    shared = {
        start for start, members in lists.items()
        if any(m.evidence for m in members) and not any(m.marked for m in members)
    }  # fmt: skip
    return tuple(
        _Mention(m.name, m.context, True, False) if start in shared and not m.evidence else m
        for start, m in found
    )


def _list_end(text: str, matches: Sequence[re.Match[str]], n: int) -> int:
    """Where the list of quotes that `matches[n]` belongs to ends."""
    while n + 1 < len(matches) and _LIST_JOIN_RE.match(text[matches[n].end() : matches[n + 1].start()]):
        n += 1
    return matches[n].end()


def _list_start(text: str, matches: Sequence[re.Match[str]], n: int) -> int:
    while n > 0 and _LIST_JOIN_RE.match(text[matches[n - 1].end() : matches[n].start()]):
        n -= 1
    return matches[n].start()


def _programme_name(text: str, match: re.Match[str]) -> str | None:
    """The name a quote gives, or None when it is no name at all (too short or long, a number,
    a period, a sentence)."""
    name = match.group(1).strip().translate(_HALF_WIDTH)
    if len(name) < _MIN_LEN or len(name) > _MAX_LEN or _NUMBER_ONLY_RE.match(name) or _PERIOD_RE.match(name):
        return None
    if any(ch in _SENTENCE_PUNCT for ch in name) and not _comma_list(name):
        return None
    if not _HAN_RE.search(name):
        suffix = _FORMULA_SUFFIX_RE.match(text[match.end() :])
        if suffix:
            name += suffix.group(1)
    return name


def _rejected_name(name: str) -> bool:
    """Names that are never a programme's, whatever the context."""
    if _HONOUR_NAME_RE.search(name) or any(word in name for word in _HONOUR_INFIX):
        return True
    if _OUTCOME_RE.search(name) or _CATEGORY_END_RE.search(name) or _MEASURE_RE.match(name):
        return True
    if _DOCTRINE_END_RE.search(name) or _GOAL_END_RE.search(name) or _TWO_FORMULA_RE.match(name):
        return True
    if _DRIVER_METAPHOR_RE.match(name):
        return True
    return len(_CHAIN_SPLIT_RE.split(name)) >= _CHAIN_MIN_PARTS


def _comma_list(name: str) -> bool:
    """“一个国家，两种制度”: short members joined by ， and no other sentence punctuation."""
    if any(ch in _SENTENCE_PUNCT for ch in name.replace(_LIST_COMMA, "")):
        return False
    return all(0 < len(member) <= _LIST_MEMBER_MAX for member in _LIST_SPLIT_RE.split(name))


@functools.cache
def _word_tags() -> dict[str, str]:
    """Part-of-speech tags of jieba's dictionary words, read by jieba once per process (0.8 s),
    only when a list needs them."""
    import jieba.posseg

    return dict(jieba.posseg.dt.word_tag_tab)


def _idiom(word: str) -> bool:
    return _word_tags().get(word) == _IDIOM_TAG


def _verb(word: str) -> bool:
    return _word_tags().get(word, "").startswith(_VERB_TAG)


def _is_list(name: str) -> bool:
    """“首善之区、幸福福田”, “可感、可知、可及”, “一个国家，两种制度”: parallel phrases, the shape of
    slogans."""
    return bool(_LIST_SPLIT_RE.search(name))


def _list_parts(name: str) -> list[str]:
    return _LIST_SPLIT_RE.split(name)


def _abbreviated_measures(parts: Sequence[str]) -> bool:
    """“放、调、管”, “破、立、降”, “租、购、改、建”: one verb a member, each an action taken: the short
    name of a set of measures, as 放管服 is written unpunctuated. Nouns and adjectives so listed
    are a description (“山、林、城、海”风光) or a slogan (“多、快、好、省”)."""
    if len(parts) < _ABBREVIATED_MIN_PARTS or any(len(part) != 1 for part in parts):
        return False
    return all(_verb(part) for part in parts)


def _enumeration(parts: Sequence[str]) -> bool:
    """“一要吃饭，二要建设”, “一不怕苦、二不怕死”: members numbered 一, 二, … in turn are the points of
    a maxim, not counted names."""
    return all(part.startswith(_ORDINALS[n]) for n, part in enumerate(parts[: len(_ORDINALS)]))


def _counted_member(part: str) -> bool:
    """A member counted as a programme is (双随机, 一个国家), but not an idiom whose number is a
    figure (百花齐放, 百家争鸣: chengyu in jieba's dictionary)."""
    return _counted(part) and not (len(part) >= _IDIOM_MIN_LEN and _idiom(part))


def _is_composition(name: str) -> bool:
    """“线上+线下”, “政府+市场”: words joined by + with no number: as often a description of a
    format as a named scheme."""
    return (
        bool(_PLUS_RE.search(name)) and not _NUMBER_FORMULA_RE.search(name) and not _OPEN_PLUS_RE.search(name)
    )


def _needs_strong_evidence(name: str) -> bool:
    return _is_list(name) or _is_composition(name)


def _counted(name: str) -> bool:
    opens_with_a_count = bool(_COUNTED_RE.match(name)) and not _ORDINARY_YI_RE.match(name)
    return opens_with_a_count or bool(_ARTICLES_RE.search(name) or _INNER_COUNT_RE.match(name))


def _quantity(name: str) -> bool:
    """A number with a unit (“24小时”, “最后100米”, “72个固定”): a measure, not a formula."""
    return any(not m.group(0).replace(".", "").isdigit() for m in FIGURE_RE.finditer(name))


def _shape(name: str) -> bool:
    """The name alone looks like a programme's."""
    if _counted(name) or _OPEN_PLUS_RE.search(name) or _LATIN_BRAND_RE.search(name):
        return True
    if _CONVERSION_RE.match(name) or _EVERY_UNIT_CONNECTED_RE.match(name):
        return True
    if _NUMBER_FORMULA_RE.search(name) and not _quantity(name):
        return True
    if re.search(r"\d", name) and not _quantity(name) and _HAN_RE.search(name):
        return True  # a year or number in a coined name: 98音乐节, 中国制造2025
    return _has_head_word(name)


def _has_head_word(name: str) -> bool:
    for head in _HEAD_WORDS:
        short = len(head) == 1 and head not in _SHORT_HEAD_EXCEPTIONS
        if name.endswith(head) and len(name) - len(head) >= (
            _SHORT_HEAD_MIN_PREFIX if short else _HEAD_MIN_PREFIX
        ):
            return True
    return False


def _after_nouns(after: str) -> str:
    """The words right after a quote (or its list), up to 的 or punctuation, at most
    `_AFTER_WINDOW` characters."""
    run = _WORD_RUN_RE.match(after.removeprefix("等"))
    words = _LEADING_NUMBER_RE.sub("", run.group(0)) if run else ""
    return words.split("的")[0][:_AFTER_WINDOW]


def _counts_parts(head: str, parts: Sequence[str]) -> bool:
    """“智脑、智眼、智网、智体”四智融合: a list followed by its own count is a named set; not when
    what is counted is a doctrine (“和平友好、平等互利、长期稳定”三项原则: principles held)."""
    counted = len(parts) < len(_COUNT_VALUES) and head.startswith(_COUNT_VALUES[len(parts)])
    return counted and not _DOCTRINE_END_RE.search(head)


def _negative_after(head: str) -> bool:
    """The words after a quote make it a goal, doctrine, category or honour."""
    negative = _NEGATIVE_AFTER_RE.match(head)
    if not negative:
        return False
    rest = head[negative.end() : negative.end() + _COMPOUND_GAP + 2]
    return not any(noun in rest for noun in _AFTER_NOUNS)


def _made_by_the_batch(own_before: str, head: str) -> bool:
    """建设一批…“海外仓”: a quantity before the quote, no programme noun after it."""
    return bool(_QUANTITY_BEFORE_RE.search(own_before)) and not any(noun in head for noun in _AFTER_NOUNS)


def _marked_by_context(before: str, own_before: str, head: str, after: str) -> bool:
    """The words around a mention make it something else: a goal, doctrine or problem, one of a
    list of categories, a situation faced, a policy's focus, or a kind of thing made by the batch."""
    return bool(
        _negative_after(head)
        or _NEGATIVE_BEFORE_RE.search(before)
        or _CATEGORY_MEMBER_RE.match(after)
        or _CATEGORY_BEFORE_RE.search(own_before)
        or _SITUATION_AFTER_RE.match(after)
        or _FOCUS_AFTER_RE.match(after)
        or _DOCTRINE_AFTER_RE.match(after)
        or _ROLE_AFTER_RE.match(after)
        or _EATEN_BEFORE_RE.search(own_before)
        or _made_by_the_batch(own_before, head)
    )


def _list_evidence(parts: Sequence[str], head: str, after: str, *, shape: bool) -> bool:
    """A list's own evidence, the checks that need jieba's word tags last: loading them costs a
    process most of a second, so a list settled by the words around it never asks."""
    if _METHOD_AFTER_RE.match(after) or _counts_parts(head, parts):
        return True
    if not _enumeration(parts) and any(_counted_member(part) for part in parts):
        return True
    return shape and _abbreviated_measures(parts)


def _evidence(
    name: str, before: str, own_before: str, after: str, *, shape: bool = True
) -> tuple[bool, bool]:
    """(evidence, marked) for one mention: `before` precedes its list of quotes, `own_before`
    the quote itself, `after` follows the list; with `shape` False, the words around it alone."""
    if _rejected_name(name):
        return False, True
    head = _after_nouns(after)
    honour = _HONOUR_VERB_RE.search(before)
    if honour and (not head or _HONOUR_NOUN_END_RE.search(head)):
        return False, True
    if _marked_by_context(before, own_before, head, after):
        return False, True
    serves_a_manner = bool(_MANNER_AFTER_RE.match(head))
    programme_head = "" if serves_a_manner else head
    strong_after = any(noun in programme_head for noun in _STRONG_AFTER_NOUNS) or bool(
        _LEVER_AFTER_RE.match(after)
    )
    if _is_list(name):
        return strong_after or _list_evidence(_list_parts(name), head, after, shape=shape), False
    if _is_composition(name):
        return strong_after or bool(_BEFORE_NOUN_RE.search(own_before)), False
    if (shape and _shape(name)) or strong_after or any(noun in programme_head for noun in _AFTER_NOUNS):
        return True, False
    launched = bool(_BEFORE_VERB_RE.search(own_before)) and not serves_a_manner
    return bool(_BEFORE_NOUN_RE.search(own_before) or launched), False


def mentioned(name: str, plain_text: str) -> bool:
    """A programme recurs if its name occurs in the other document, quoted or not."""
    return name in plain_text


def plain(text: str) -> str:
    """Text without quotation marks, full-width letters, digits and plus folded, for `mentioned`."""
    return text.replace("“", "").replace("”", "").replace('"', "").translate(_HALF_WIDTH)


def compare_programmes(
    old_texts: list[str], new_texts: list[str], *, one_edition: bool = False
) -> ProgrammeChanges:
    """Recurring / new / dropped programme names between two editions; a name quoted in both
    counts as evidence that it is a programme's (`extract_programmes`, `others`). Two texts of
    `one_edition` (a document and its revision, one report from two sources) are no evidence
    for each other: every quote would be "quoted in two editions"."""
    old_plain, new_plain = plain("\n".join(old_texts)), plain("\n".join(new_texts))
    old_others, new_others = ([], []) if one_edition else ([new_texts], [old_texts])
    old_names = [p.name for p in extract_programmes(old_texts, others=old_others)]
    new_names = [p.name for p in extract_programmes(new_texts, others=new_others)]
    recurring = [n for n in old_names if mentioned(n, new_plain)]
    recurring += [n for n in new_names if n not in recurring and mentioned(n, old_plain)]
    return ProgrammeChanges(
        recurring=tuple(recurring),
        new=tuple(n for n in new_names if not mentioned(n, old_plain)),
        dropped=tuple(n for n in old_names if not mentioned(n, new_plain)),
    )
