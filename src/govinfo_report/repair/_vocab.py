"""Character statistics behind every plausibility decision: common characters, template vocabulary.

The common-character list is the 1,500 most frequent simplified Chinese characters of modern
running text (about 98% of the characters of a report). The template vocabulary is every
character of the row and column labels of the official table templates, read from the package
data ``cells-2021.tsv`` and ``cells-2019.tsv``.
"""

from __future__ import annotations

import functools
import importlib.resources
import operator
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

__all__ = [
    "COMMON_CHARS",
    "char_class",
    "is_ideograph",
    "is_layout",
    "plausibility",
    "template_labels",
    "template_vocabulary",
]

COMMON_CHARS: frozenset[str] = frozenset(
    ""
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
    "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列"
    "武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供"
    "效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
    "仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳"
    "若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷"
    "洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈"
    "刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央"
    "户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括"
    "舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康"
    "虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅"
    "泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶"
    "玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸"
    "扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞"
    "街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残"
    "秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽"
    "烧距裁偏符勇触课敬哭懂墙袭召罚侠厅拜巧侧韩冒债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙"
    "镜唱烦签仙彼弗症仿倾牌陷鸟轰咱菜闭奋庆撤泪茶疾缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦"
    "愈潮粮缩罢聚径恰挑袋灰捕徐珍幕映裂泰隔启尖忠累炎暂估泛荒偿横拒瑞忆孤鼻闹羊呆厉衡胞零穷舍码赫婆魂灾洪"
    "腿胆津俗辩胸晓劲贫仁偶辑邦恢赖圈摸仰润堆碰艇稍迟辆废净凶署壁御奉旋冬矿抬蛋晨伏吹鸡倍糊秦盾杯租骑乏隆"
    "诊奴摄丧污渡旗甘耐凭扎抢绪粗肩梁幻菲皆碎宙叔岩荡综爬荷悉蒂返井壮薄悄扫敏碍殖详迪矛霍允幅撒剩凯颗骂赏"
    "液番箱贴漫酸郎腰舒眉忧浮辛恋餐吓挺励辞艘键伍峰尺昨黎辈贯侦滑券崇扰宪绕趋慈乔阅汗枝拖墨胁插箭腊粉泥氏"
)
"""The 1,500 most frequent simplified Chinese characters."""

_TEMPLATE_FILES = ("cells-2021.tsv", "cells-2019.tsv")

# Header cells that the tables print but the cell paths do not name.
_HEADER_LABELS = (
    "信息内容",
    "申请人情况",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "一、总体情况",
)

# Full-width and CJK punctuation that clean Chinese text uses all the time.
_CJK_PUNCT = frozenset("，。、：；！？（）《》〈〉“”‘’「」『』【】〔〕—…·－～％＋／　")


# Characters that draw tables and rules in rendered text: the Box Drawing and Block Elements
# blocks (U+2500-U+259F: w3m, links, tabulate, rich and most console renderers draw tables with
# them; GB2312 and Big5 have them too), and the full-width and half-width vertical lines (U+FF5C,
# U+FFE8), column separators of CJK plain-text tables. One character (the quicker search: a text
# without any is scanned at C speed), and runs (the quicker removal).
_LAYOUT_CLASS = "[\u2500-\u259f\uff5c\uffe8]"
_LAYOUT = re.compile(_LAYOUT_CLASS)
_LAYOUT_RUNS = re.compile(_LAYOUT_CLASS + "+")


def is_layout(char: str) -> bool:
    """Whether ``char`` draws a table or a rule: box drawing, block elements, ｜ and ￨.

    Such characters say nothing about the language or the encoding of a text (a table rendered
    by w3m can be half of them), so :func:`plausibility` leaves them out, like white space.

    >>> is_layout("─"), is_layout("┼"), is_layout("｜"), is_layout("|"), is_layout("政")
    (True, True, True, False, False)
    """
    return len(char) == 1 and _LAYOUT.match(char) is not None


def is_ideograph(char: str) -> bool:
    """Whether ``char`` is a CJK unified or compatibility ideograph (any plane).

    >>> is_ideograph("政"), is_ideograph("，"), is_ideograph("⼀")
    (True, False, False)
    """
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


@functools.cache
def template_labels() -> tuple[str, ...]:
    """Every distinct section, row and column label of both templates, plus the header cells.

    Row and column paths are split on `` / `` into their components.

    >>> "行政许可" in template_labels()
    True
    """
    labels: dict[str, None] = dict.fromkeys(_HEADER_LABELS)
    root = importlib.resources.files("govinfo_report").joinpath("data")
    for name in _TEMPLATE_FILES:
        lines = root.joinpath(name).read_text(encoding="utf-8").splitlines()
        for line in lines[1:]:
            fields = line.split("\t")
            for field in fields[2:5]:
                for label in field.split(" / "):
                    if label.strip():
                        labels[label.strip()] = None
    return tuple(labels)


@functools.cache
def template_vocabulary() -> frozenset[str]:
    """The ideographs used by the template labels.

    >>> {"勾", "稽", "逾", "诉", "讼"} <= template_vocabulary()
    True
    """
    return frozenset(c for label in template_labels() for c in label if is_ideograph(c))


# Character classes, from most to least plausible in a Chinese report.
COMMON = 0  # a common character or a template character
PUNCT = 1  # CJK punctuation, ASCII printable, whitespace
HANZI = 2  # another GB2312 level-1 hanzi (or Big5 level-1 traditional character)
RARE = 3  # any other CJK ideograph
LETTER = 4  # a non-ASCII letter: Latin-1, Greek, Cyrillic, kana, hangul...
SYMBOL = 5  # symbols, box drawing (left out of plausibility: is_layout), other punctuation
JUNK = 6  # controls, private use, unassigned, U+FFFD, surrogates

_COSTS = (0.0, 0.5, 2.0, 3.0, 4.0, 5.0, 8.0)
_SCORES = (1.0, 0.6, 0.5, 0.0, -0.5, -1.0, -1.0)


def _gb_level1(char: str) -> bool:
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xD7


def _big5_level1(char: str) -> bool:
    try:
        encoded = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xA4 <= encoded[0] <= 0xC6


@functools.lru_cache(maxsize=65536)
def char_class(char: str) -> int:
    """The plausibility class of one character, ``COMMON`` (0) to ``JUNK`` (6).

    >>> [char_class(c) for c in "政，鍙Ã€\\ufffd"]
    [0, 1, 3, 4, 5, 6]
    """
    if char in COMMON_CHARS or char in template_vocabulary():
        return COMMON
    code = ord(char)
    if code < 0x80:
        return PUNCT if (char.isprintable() or char in "\t\n\r") else JUNK
    if char in _CJK_PUNCT:
        return PUNCT
    if is_ideograph(char):
        return HANZI if (_gb_level1(char) or _big5_level1(char)) else RARE
    category = unicodedata.category(char)
    if category.startswith("L"):
        return LETTER
    if category == "Zs":
        return PUNCT
    if category[0] in "PSN" and char != "\ufffd":
        return SYMBOL
    return JUNK


_V = TypeVar("_V")


class ByChar(dict[str, _V]):
    """``function(char)`` for each character, computed on first use and kept (up to 2**17
    characters): a plain dict lookup, which ``map`` runs at C speed."""

    def __init__(self, function: Callable[[str], _V]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, char: str) -> _V:
        value = self._function(char)
        if len(self) < 1 << 17:
            self[char] = value
        return value


_COST_OF = ByChar(lambda char: _COSTS[char_class(char)])
_SCORE_OF = ByChar(lambda char: _SCORES[char_class(char)])


def char_cost(char: str) -> float:
    """Cost (a rough negative log-likelihood) of ``char`` in a Chinese report.

    >>> char_cost("政") < char_cost("鍙") < char_cost("Ã") < char_cost("\\x81")
    True
    """
    return _COST_OF[char]


def text_cost(text: str) -> float:
    """Sum of :func:`char_cost` over ``text`` (exact: every cost is a multiple of 0.5).

    >>> text_cost("政府Ã")
    4.0
    """
    return sum(map(_COST_OF.__getitem__, text))


def _scored(text: str) -> str:
    """The characters of ``text`` that :func:`plausibility` scores: all but white space (what
    ``str.split()`` drops: exactly what ``str.isspace()`` is true of) and layout characters."""
    chars = "".join(text.split())
    return _LAYOUT_RUNS.sub("", chars) if _LAYOUT.search(chars) else chars


def plausibility(text: str) -> float:
    """Mean plausibility of the characters of ``text``, from -1.0 (junk) to 1.0; white space and
    layout characters (:func:`is_layout`: box drawing, block elements, ｜, ￨) are left out.

    Common characters and template characters score 1.0, punctuation and ASCII 0.6, other
    level-1 hanzi 0.5, rare ideographs 0.0, foreign letters -0.5, symbols and junk -1.0. A text
    with nothing but white space and layout characters scores 0.0.

    >>> plausibility("本年新收政府信息公开申请数量") == 1.0
    True
    >>> plausibility("│本年新收│政府信息公开申请数量│\\n├────┼────────┤") == 1.0
    True
    >>> plausibility("鏀垮簻淇℃伅鍏\\ue100紑") < 0.0
    True
    """
    chars = _scored(text)
    if not chars:
        return 0.0
    return _sequential_sum(map(_SCORE_OF.__getitem__, chars)) / len(chars)


def _reduce_sum(values: Iterable[float]) -> float:
    return functools.reduce(operator.add, values, 0.0)


# The scores are added one by one, left to right, in float arithmetic, so that a mean sitting on
# a threshold (0.75 = (5 x 0.6 + 3 x 1.0) / 8) comes out the same everywhere. sum() does exactly
# that before Python 3.12, and compensates the rounding errors from 3.12 on.
_sequential_sum: Callable[[Iterable[float]], float] = (
    sum if sys.version_info < (3, 12) else _reduce_sum
)


# plausibility_for_display: the sum is taken over whole tenths (every score is a multiple of
# 0.1), the runs of common characters (ten tenths each) and then of punctuation (six) being
# counted at C speed.
_TENTHS_OF = ByChar(lambda char: round(10 * _SCORES[char_class(char)]))
# Past this many characters the rounding errors of plausibility()'s float sum are no longer
# provably below the distance from the exact mean to the nearest multiple of 1/2000.
_DISPLAY_MAX = 100_000


def _class_run(chars: Iterable[str], wanted: int) -> re.Pattern[str]:
    """Runs of those of ``chars`` that are of class ``wanted``, not spaces and not layout."""
    members = sorted(
        c for c in chars if char_class(c) == wanted and not c.isspace() and not is_layout(c)
    )
    return re.compile("[" + "".join(re.escape(c) for c in members) + "]+")


@functools.cache
def _common_and_punct_runs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of characters of class ``COMMON``; runs of ASCII and CJK punctuation of class
    ``PUNCT``."""
    common = _class_run(COMMON_CHARS | template_vocabulary(), COMMON)
    punct = _class_run({chr(code) for code in range(0x80)} | _CJK_PUNCT, PUNCT)
    return common, punct


def plausibility_for_display(text: str) -> float:
    """:func:`plausibility`, for a value that is only compared with a multiple of 0.0005 or
    rounded to at most three decimals (``round(x, 3)``, ``f"{x:.2f}"``), also after clamping to
    0.0-1.0: it gives exactly the outcome :func:`plausibility` would, about twice as fast.

    The exact mean is ``tenths / (10 * n)``, a sum of integers. Unless it lies on a multiple of
    1/2000 (then :func:`plausibility` itself is returned), it is at least ``1 / (2000 * n)`` from
    every such multiple, where all those comparisons and roundings change their outcome; both
    :func:`plausibility`'s mean of a left-to-right float sum (within ``(n / 2 + 1) * 2**-53``
    of the exact mean: n additions to partial sums of at most n, one division) and the
    correctly rounded quotient returned here are far closer to it than that for ``n`` up to
    ``_DISPLAY_MAX``, so they fall on the same side of every such multiple.

    Here ``n`` is the number of characters scored: layout characters, which are neither common
    characters nor punctuation, are counted out of what the two runs leave.

    >>> plausibility_for_display("本年新收政府信息公开申请数量")
    1.0
    >>> plausibility_for_display("政AA"), plausibility("政AA")
    (0.7333333333333333, 0.7333333333333334)
    >>> plausibility_for_display("│政│A│A│"), plausibility("│政│A│A│")
    (0.7333333333333333, 0.7333333333333334)
    """
    chars = "".join(text.split())  # str.split() drops what str.isspace() is true of
    if len(chars) > _DISPLAY_MAX:
        return plausibility(text)
    common, punct = _common_and_punct_runs()
    rest = common.sub("", chars)
    others = punct.sub("", rest)
    scored = _LAYOUT_RUNS.sub("", others)
    count = len(chars) - (len(others) - len(scored))  # the characters _scored(text) keeps
    if not count:
        return plausibility(text)
    tenths = (
        10 * (len(chars) - len(rest))
        + 6 * (len(rest) - len(others))
        + sum(map(_TENTHS_OF.__getitem__, scored))
    )
    if 200 * tenths % count == 0:  # the mean is a multiple of 1/2000
        return plausibility(text)
    return tenths / (10 * count)
