"""Which government a report speaks for: its level (national, provincial, city, district,
county) and its region, read from the title, the meeting, the byline or the opening sentence.

A region is the chain of administrative units a name starts with (广东省 / 深圳市福田区 /
北京市海淀区 / 广西壮族自治区); the most specific unit is the region, and its suffix gives the
level: 省, 自治区 and the four 直辖市 are provincial; 市, 州, 地区, 盟 are cities (a 市 inside a
city is a county-level city); 区 is a district; 县 and 旗 are counties. A unit is only taken
when what follows it is what follows a region in a report's title or meeting (a year, 国民经济,
政府, 第N届, another unit, an office, a 行政公署 or 管理委员会, the end), so a phrase that merely ends in 区 is not one.
National reports name no unit: they say 国务院, 全国人民代表大会 or 中华人民共和国.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from corpusdiff.text.chars import IDEOGRAPHS
from corpusdiff.text.stopwords import shipped_list
from corpusdiff.types.document import Level

#: The region written for a national report (its id and series use `national`).
NATIONAL_REGION = "全国"
NATIONAL_SLUG = "national"

_MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
#: The county-level cities (县级市; text/data/county-level-cities.txt): 义乌市 is a county whether
#: or not its report names 金华市 over it.
COUNTY_LEVEL_CITIES = frozenset(shipped_list("county-level-cities.txt"))
#: The level of a unit named by its suffix alone: 省第十四届…, 代表市人民政府, 全区, 区长.
_SUFFIX_LEVELS = {
    "自治区": Level.PROVINCIAL,
    "省": Level.PROVINCIAL,
    "市": Level.CITY,
    "州": Level.CITY,
    "盟": Level.CITY,
    "区": Level.DISTRICT,
    "县": Level.COUNTY,
    "旗": Level.COUNTY,
}
_SUFFIX_ALONE = "|".join(_SUFFIX_LEVELS)
_OFFICE_LEVELS = {
    **{f"{unit}长": level for unit, level in _SUFFIX_LEVELS.items() if len(unit) == 1},
    "主席": Level.PROVINCIAL,
    "专员": Level.CITY,  # a 地区's commissioner (喀什地区行政公署专员)
}
_SUFFIXES = "特别行政区|自治区|自治州|自治县|自治旗|新区|地区|省|市|州|盟|区|县|旗"
#: Words that make a 县 no county's name: 全县, 本县, 该县, 各县, 市县 ….
_NOT_A_COUNTY_NAME = "全本该我各每此其某一两这那外邻省市区州县乡镇村旗盟"
#: A unit: a name of two or more characters and its suffix, or a county of one character
#: (单县, 沛县, 歙县), tried first so that 单县经济开发区 is 单县, not one long name.
_UNIT_RE = re.compile(f"(?![{_NOT_A_COUNTY_NAME}])[{IDEOGRAPHS}]县|[{IDEOGRAPHS}]{{2,10}}?(?:{_SUFFIXES})")
_CN_YEAR = "[〇○零一二三四五六七八九]{4}年"
_YEAR = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年度?"
_OFFICE = f"(?:代|副)?(?:{'|'.join(_OFFICE_LEVELS)})"
#: What may follow a region at the start of a title, a meeting or a byline.
_AFTER_UNIT_RE = re.compile(
    rf"$|\d|{_CN_YEAR}|[“\"《（(]|{_OFFICE}|国民经济|政府|人民|第|关于|上半年|经济|社会|发展|委员会|"
    r"财政|预算|决算|十[一二三四五六七八九]?五|统计|年|委(?!员)|行政公署|管理委员会|管委会"
)
#: What a title may say before its region: 关于, the year and the part of it reported on
#: (`关于2024年上半年成都市…`, `2024年1—6月…`, `前三季度`), the party whose committee proposes a
#: plan (`中共杭州市委关于制定…的建议`; `中共中央…` is national), the quotation mark of the document
#: an explanation or review is about (`关于《杭州市…纲要（草案）》的说明`).
_PART_OF_YEAR = r"上半年|下半年|前三季度|一季度|第一季度|1\s*[—－\-~～至]+\s*\d{1,2}\s*月"
_LEADING_NOISE_RE = re.compile(f"^(?:关于|《|中共|中国共产党|{_YEAR}|{_PART_OF_YEAR})+")
#: A scope word is no unit's name: 全市, 全省, 本市 (`全市和市本级预算…`); but 全州县 is a county.
_SCOPE_NAME_RE = re.compile("^[全本我][省市区县州盟旗](?![县市区旗])")
#: `广东省委`: the unit's party committee, whose proposal names the region again after it
#: (`中共广东省委关于制定广东省…的建议`); no unit follows a committee.
_PARTY_COMMITTEE_RE = re.compile("委(?!员)")
_NATIONAL_NAME_RE = re.compile(r"^(?:中华人民共和国|中国|国务院|全国|我国|中央)")
_ORDINAL_RE = re.compile("^第?[一二三四五六七八九十]+届")
_NATIONAL_MEETING_RE = re.compile(r"全国人民代表大会|全国人大|全国政协|中国人民政治协商会议全国委员会")
_BARE_LEVEL_RE = re.compile(f"^({_SUFFIX_ALONE})(?:第?[一二三四五六七八九十]+届|人民政府|人大|常委会)")
_NATIONAL_OPENING_RE = re.compile(
    r"(?:代表|受)(?:中华人民共和国)?国务院|国务院(?:决定|向)|代表中央人民政府|"
    r"向[^。；]{0,6}第[一二三四五六七八九十]+届全国人民代表大会"
)
_LOCAL_OPENING_RE = re.compile(f"(?:代表|受)([{IDEOGRAPHS}]{{0,16}}?)({_SUFFIX_ALONE})人民政府")
#: The 56 nationalities as autonomous units name them before 自治区/州/县/旗 (each with 族, and
#: 维吾尔 without it), longest first.
_NATIONALITIES = "柯尔克孜|乌孜别克|维吾尔|哈萨克|达斡尔|塔吉克|鄂温克|俄罗斯|鄂伦春|塔塔尔|土家|蒙古|布依|朝鲜|哈尼|傈僳|东乡|仡佬|拉祜|纳西|仫佬|锡伯|景颇|撒拉|布朗|毛南|普米|阿昌|基诺|德昂|保安|裕固|门巴|独龙|赫哲|高山|珞巴|汉|壮|回|满|苗|彝|藏|侗|瑶|白|黎|傣|畲|佤|水|羌|土|怒|京"
_NATIONALITY_RE = re.compile(f"(?:(?:{_NATIONALITIES})族|维吾尔)+(?=自治[区州县旗]$)")


@dataclass(frozen=True)
class Region:
    """A region and its level; either may be unknown ("" / None)."""

    name: str = ""
    level: Level | None = None


UNKNOWN = Region()
NATIONAL = Region(NATIONAL_REGION, Level.NATIONAL)


def units_at_start(text: str) -> tuple[str, ...]:
    """The administrative units a name starts with: `深圳市福田区2022年…` → (深圳市, 福田区)."""
    text = _LEADING_NOISE_RE.sub("", text)
    units: list[str] = []
    position = 0
    while (match := _UNIT_RE.match(text, position)) and not _SCOPE_NAME_RE.match(match.group(0)):
        if not (_UNIT_RE.match(text, match.end()) or _AFTER_UNIT_RE.match(text, match.end())):
            break
        units.append(match.group(0))
        position = match.end()
        if _PARTY_COMMITTEE_RE.match(text, position):
            break
    return tuple(units)


def named_parent(region: str, *names: str) -> str:
    """The unit a title or meeting names over the region (`南京市鼓楼区第十九届…` → 南京市): what
    tells apart two districts of one name (鼓楼区 of 南京市 and of 福州市); "" when none does."""
    for name in names:
        units = units_at_start(name)
        if len(units) > 1 and units[-1] == region:
            return units[-2]
    return ""


def unit_level(unit: str, parent: str = "") -> Level:
    """The level of one unit, given the unit it sits in (a 市 in a 市 is county-level), or known
    as a county-level city."""
    if unit in _MUNICIPALITIES or unit.endswith(("省", "自治区", "特别行政区")):
        return Level.PROVINCIAL
    if unit.endswith("区") and not unit.endswith("地区"):  # a 地区 is a prefecture, as a city
        return Level.DISTRICT
    if unit.endswith(("县", "旗")):
        return Level.COUNTY
    if unit.endswith("市") and _simplified(unit) in COUNTY_LEVEL_CITIES:
        return Level.COUNTY
    if unit.endswith("市") and parent.endswith(("市", "州", "地区", "盟")) and parent not in _MUNICIPALITIES:
        return Level.COUNTY
    return Level.CITY


def _simplified(name: str) -> str:
    """A name in simplified characters (義烏市 → 义乌市), as the shipped lists write them."""
    from corpusdiff.text.script import simplified

    return simplified(name)


def region_of_name(text: str) -> Region:
    """The region a title, a meeting or a byline starts with."""
    text = _LEADING_NOISE_RE.sub("", text)
    if _NATIONAL_NAME_RE.match(text) or (_ORDINAL_RE.match(text) and _NATIONAL_MEETING_RE.search(text[:16])):
        return NATIONAL
    units = units_at_start(text)
    if units:
        parent = units[-2] if len(units) > 1 else ""
        return Region(units[-1], unit_level(units[-1], parent))
    bare = _BARE_LEVEL_RE.match(text)
    if bare:
        return Region("", _SUFFIX_LEVELS[bare.group(1)])
    return UNKNOWN


def region_of_office(office: str) -> Region:
    """The region a byline's office gives: 国务院总理 → national, 广东省省长 → 广东省, 市长 → a city."""
    named = region_of_name(office)
    if named.name:
        return named
    if office.endswith("总理"):
        return NATIONAL
    for word, level in _OFFICE_LEVELS.items():
        if office.endswith(word):
            return Region("", level)
    return UNKNOWN


def region_of_opening(paragraphs: list[str]) -> Region:
    """The government the opening sentences speak for: `我代表国务院…` is national,
    `我代表省人民政府…` provincial."""
    for text in paragraphs:
        if _NATIONAL_OPENING_RE.search(text):
            return NATIONAL
        local = _LOCAL_OPENING_RE.search(text)
        if local:
            named = region_of_name(local.group(1) + local.group(2)) if local.group(1) else UNKNOWN
            return named if named.name else Region("", _SUFFIX_LEVELS[local.group(2)])
    return UNKNOWN


_SCOPE_RE = re.compile(f"全(国|{_SUFFIX_ALONE})(?!人民代表大会|人大|政协|委员会)")
_SCOPE_MINIMUM = 5


def region_of_scope(paragraphs: Sequence[str]) -> Region:
    """The level a report's scope words say: a national report speaks of 全国 throughout, a
    city's of 全市. Only a clear majority counts (at least 5 and twice the next), and only the
    level: 全国人民代表大会 and 全国政协, which every report names, are not scope words."""
    counts = Counter(m.group(1) for text in paragraphs for m in _SCOPE_RE.finditer(text))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _SCOPE_MINIMUM:
        return UNKNOWN
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return UNKNOWN
    unit = ranked[0][0]
    return NATIONAL if unit == "国" else Region("", _SUFFIX_LEVELS[unit])


#: The stems of the provincial units: a city named as its province (吉林市, 海南藏族自治州) keeps
#: its suffix in its slug, so that it never shares a series with the province.
_PROVINCE_STEMS = frozenset(
    ["北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"]
)


#: A development zone named after its city, and the short name each kind goes by
#: (长沙经济技术开发区 is 长沙经开区: changsha-jingkaiqu, not changshajingjijishukaifa).
_ZONE_SLUGS = {
    "经济技术开发区": "jingkaiqu",
    "高新技术产业开发区": "gaoxinqu",
    "高新区": "gaoxinqu",
    "工业园区": "gongyeyuanqu",
    "保税区": "baoshuiqu",
    "开发区": "kaifaqu",
}
_ZONE_RE = re.compile(f"^(.{{2,}}?)({'|'.join(sorted(_ZONE_SLUGS, key=len, reverse=True))})$")


def region_slug(region: str, level: str) -> str:
    """The region's part of ids and series names: `national`, or the pinyin of the region without
    its administrative suffix and nationality (福田区 → futian, 广西壮族自治区 → guangxi); "" when
    the region is unknown. A county keeps its suffix (长沙县 → changsha-xian, beside 长沙市's
    changsha), and so does a city named as a province (吉林市 → jilin-shi, beside 吉林省's jilin):
    two governments are never one series. A county-level city is its stem (昆山市 → kunshan),
    whichever level its text gives it. A development zone is its city's slug and the zone's
    short name (`_ZONE_SLUGS`)."""
    from corpusdiff.text.slugs import region_stem, slugify, slugify_place

    if level == Level.NATIONAL:
        return NATIONAL_SLUG
    zone = _ZONE_RE.match(region)
    if zone:
        return f"{slugify_place(zone.group(1).removesuffix('市'))}-{_ZONE_SLUGS[zone.group(2)]}"
    name = _without_nationality(region)
    if not name:
        return ""
    stem = region_stem(name)
    slug = slugify_place(stem)
    suffix = name[len(stem) :]
    if suffix and (_is_county_seat(suffix, level) or (level == Level.CITY and stem in _PROVINCE_STEMS)):
        return f"{slug}-{slugify(suffix)}"
    return slug


def _without_nationality(region: str) -> str:
    """广西壮族自治区 → 广西自治区; a unit named by its nationality alone keeps it, as its name
    (鄂温克族自治旗 → 鄂温克自治旗, never a bare 自治旗 that every such unit would share)."""
    from corpusdiff.text.slugs import region_stem

    name = _NATIONALITY_RE.sub("", region)
    if name and region_stem(name) == name and name != region:
        return re.sub("族(?=自治)", "", region)
    return name


def _is_county_seat(suffix: str, level: str) -> bool:
    """A county (长沙县) keeps its suffix beside the city of its name (长沙市); a county-level
    city (昆山市) does not: it is `county` when the text names the city over it (苏州市昆山市)
    and `city` when not, and both must give one series."""
    return level == Level.COUNTY and suffix != "市"


def same_government(region: str, parent: str, other: str, other_parent: str) -> bool:
    """Whether two reports' regions (with the city their texts name over them, or "") are one
    government: one name (a suffix left out counts as the same: 苏州 and 苏州市), and not two
    cities named over it (鼓楼区 of 南京市 and of 福州市). 苏州市 and 宿州市, 朝阳区 and 朝阳市
    share a slug but are two."""
    from corpusdiff.text.script import simplified
    from corpusdiff.text.slugs import region_stem

    if parent and other_parent and simplified(parent) != simplified(other_parent):
        return False
    mine, theirs = _without_nationality(simplified(region)), _without_nationality(simplified(other))
    return mine == theirs or region_stem(mine) == theirs or mine == region_stem(theirs)


def namesake_slugs(region: str, level: str, parent: str, other: str, other_parent: str) -> tuple[str, ...]:
    """Slugs that set a government apart from another one whose slug its own is (`region_slug`),
    best first: the city its text names over it when the other's names another (鼓楼区 of
    福州市 → fuzhou-gulou), the tones where their names differ (宿州 beside 苏州 → su4zhou), its
    suffix where only that differs (朝阳市 beside 朝阳区 → chaoyang-shi, as 吉林市 is jilin-shi),
    else the city over it. May be empty: the caller numbers it then."""
    from corpusdiff.text.slugs import region_stem, slugify, slugify_place, slugify_region, toned_slug

    plain = region_slug(region, level)
    mine, theirs = _without_nationality(region), _without_nationality(other)
    stem, their_stem = region_stem(mine), region_stem(theirs)
    under_parent = f"{slugify_region(parent)}-{plain}" if parent else ""
    found = []
    if under_parent and other_parent and other_parent != parent:
        found.append(under_parent)
    toned = toned_slug(stem, their_stem)
    if toned:
        found.append(toned + plain.removeprefix(slugify_place(stem)))
    suffix = mine[len(stem) :]
    if suffix and stem == their_stem and suffix != theirs[len(their_stem) :]:
        found.append(f"{plain.removesuffix('-' + slugify(suffix))}-{slugify(suffix)}")
    found.append(under_parent)
    return tuple(slug for slug in dict.fromkeys(found) if slug and slug != plain)
