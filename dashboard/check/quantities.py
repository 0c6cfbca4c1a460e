"""Quantities in text: a number with its scale and unit ("$64.2bn", "24-25%", "38 bcm a year").

Numbers without a unit this project holds (years, days, kilometres, degrees, people) are not
quantities here, so they never become claims. A scale word binds to its own number only:
"700 million cubic metres" is 0.7 bcm, "1,5 трлн юаней" 1,500 billion yuan, "2401亿美元"
240.1 billion dollars. Fractions and multiples written in words ("two thirds of", "half of",
"ten times") are quantities too, stated roughly.

quantulum3 (0.10) was tried on the project's own quotes and dropped: it read "$64.2bn" as
"dollar bit newton", "56.83 billion U.S. dollars" as atomic mass units, split "$89,21 млрд"
into $89 and 21, took "$190,27 billion" for 19,027 billion, and spent 5 s loading its model
on the first call. One regular expression over the project's few units does better here.
"""

import re
from dataclasses import dataclass

from dashboard.schema.verdict import parse_number

SPACE = "[ \u00a0\u202f]"
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:{SPACE}\d{{3}}(?!\d))+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
)
CURRENCY = r"US\s?\$\s?|\$\s?|USD\s?|¥|RMB\s?|CNY\s?"
SCALE = (
    r"trillions?|tn|trln|trn|billions?|bln|bn|b(?!\w)|millions?|mln|mn|thousands?|млрд\.?"
    r"|миллиард\w*|миллион\w*|триллион\w*|млн\.?|трлн\.?|тыс\.?|万亿|萬億|亿|億|万|萬"
)
UNIT = (
    r"U\.\s?S\.\s?dollars|US dollars|dollars|долларов|доллар\w*|(?:ам\.\s?)?долл\.?"
    r"|дол(?![а-яё])\.?|美元|USD"
    r"|yuan|renminbi|RMB|CNY|юан\w*|元|roubles?|rubles?|рубл\w*|₽"
    r"|percent|per cent|pct|pc\b|%|процент\w*|проц\."
    r"|cubic met(?:er|re)s?|cu\.? m|m3|m³|кубометр\w*|кубическ\w* метр\w*|куб\.? ?м|立方米|立方公尺"
    r"|bcm|Bcm|BCM|tonnes|tons|mt|metric tons|тонн|吨|噸"
    r"|times|-?fold|раза?\b|倍"
)
PER_YEAR = (
    r"\s*(?:of (?:natural )?gas )?(?:per year|a year(?!\s+(?:earlier|ago|before|later))|per annum"
    r"|annually|/yr|(?:(?:природного )?газа )?в год)"
)
PER_YEAR_BEFORE = re.compile(r"(?:每年|年输气能力|年輸氣能力)[^,，。;；\d]{0,30}$")
MONEY = ("USD bn", "CNY bn", "RUB bn")
CARRIED = (*MONEY, "bcm", "bcm/yr")  # units a bare scale word after them takes ("增至440億")
# what may follow a bare scale word that ends its phrase
BARE_END = re.compile(
    r"\s*(?:[,.;:)!?，。；）]|$|(?:by|in|to|and|from|annually|a year|per year|за|к|до|в|по|и|с)\b)",
    re.IGNORECASE,
)
DOLLAR_TERMS = re.compile(
    r"(?:in dollar terms|in dollars|в долларах|в долларовом выражении)[^.]{0,20}$", re.IGNORECASE
)
QUANTITY = re.compile(
    rf"(?P<currency>{CURRENCY})?(?<![\d.,])(?P<num>(?!(?:19|20)\d\d\b){NUMBER})"
    # "$220 billion-245 billion": a scale word written on both ends of a range
    rf"(?:\s*(?P<scale1>{SCALE})(?=\s*[-–]\s*(?:{CURRENCY})?{NUMBER}\s*(?P=scale1)))?"
    rf"(?:\s*(?P<dash>[-–]|to|and|до|и)\s*(?(currency)(?:{CURRENCY})?|)(?P<num2>{NUMBER}))?"
    rf"(?:\s*(?P<scale>{SCALE}))?\.?(?:\s*(?P<unit>{UNIT}))?(?P<year>{PER_YEAR})?",
    re.IGNORECASE,
)
# a number written in two scales: "31 млрд 198,7 млн долл." (31.1987 billion), "2181亿7600万美元"
COMPOUND = re.compile(
    r"(?<![\d.,])(?P<big>\d{1,4})\s*(?P<bigscale>млрд\.?|миллиард\w*|billion|bn|亿|億)\s*"
    r"(?P<small>\d{1,4}(?:[.,]\d+)?)\s*(?P<smallscale>млн\.?|миллион\w*|million|mln|万|萬)"
    rf"(?:\s*(?P<unit>{UNIT}))?(?P<year>{PER_YEAR})?",
    re.IGNORECASE,
)
CURRENCY_BEFORE = re.compile(rf"(?:{CURRENCY})$", re.IGNORECASE)
RANGE_START = re.compile(
    r"(?:between|from|(?<![а-яё])(?:с|от))(?: (?:an?|the))?"
    r"(?: (?:initial|earlier|previous|original|planned))?\s*$",
    re.IGNORECASE,
)

SCALES = (  # the start of a scale word, and what it multiplies by
    ("thousand", 1e3),
    ("тыс", 1e3),
    ("million", 1e6),
    ("миллион", 1e6),
    ("mln", 1e6),
    ("mn", 1e6),
    ("млн", 1e6),
    ("billion", 1e9),
    ("bln", 1e9),
    ("bn", 1e9),
    ("b", 1e9),
    ("миллиард", 1e9),
    ("млрд", 1e9),
    ("trillion", 1e12),
    ("триллион", 1e12),
    ("tn", 1e12),
    ("trn", 1e12),
    ("trln", 1e12),
    ("трлн", 1e12),
    ("万亿", 1e12),
    ("萬億", 1e12),
    ("亿", 1e8),
    ("億", 1e8),
    ("万", 1e4),
    ("萬", 1e4),
)
FRACTIONS = {
    "half": 50.0,
    "a third": 33.3,
    "one third": 33.3,
    "two thirds": 66.7,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
}
MULTIPLES = {
    "one and a half": 1.5,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "eleven": 11.0,
    "twelve": 12.0,
}
RU_MULTIPLES = {"два с половиной": 2.5, "три с половиной": 3.5, "полтора": 1.5, "два": 2.0}
RU_MULTIPLES |= {"три": 3.0, "четыре": 4.0, "пять": 5.0}
RU_GROWTH = {"половину": 50.0, "треть": 33.3, "четверть": 25.0}
RU_FRACTIONS = {"половин": 50.0, "две трети": 66.7, "треть": 33.3, "четверть": 25.0}
RU_FRACTIONS |= {"три четверти": 75.0}
WORDS = re.compile(
    r"(?<!first )(?<!second )(?<!\w)(?P<fraction>(?:a |one )?half|(?:a|one) third|two[- ]thirds"
    r"|(?:a|one) quarter|three[- ]quarters)(?= of\b(?!\s*(?:the )?(?:year|\d{4})))"
    r"|(?<=by )(?:(?:more than|over|almost|nearly|about|around|some) )?"
    r"(?P<growth>(?:a |one )?half|(?:a|one) third|(?:a|one) quarter)(?! of)"
    rf"|\b(?P<multiple>{'|'.join(MULTIPLES)}) times\b|\b(?P<verb>doubled|tripled)\b"
    rf"|\b(?P<percent>one|{'|'.join(k for k in MULTIPLES if ' ' not in k)}) (?:percent|per cent)\b"
    rf"|\bв (?P<ru>{'|'.join(RU_MULTIPLES)}) раза?\b"
    # "выросли более чем на четверть", "почти на треть": a growth rate in words
    rf"|(?<=\bна )(?P<rugrowth>{'|'.join(RU_GROWTH)})(?![а-яё])"
    # "половина товарооборота", "две трети торговли" (not "вторая половина года")
    r"|(?<!ой )(?<!ая )(?<!ую )(?<![\w-])(?P<rufraction>половин[аыуе]|две трети|три четверти|треть"
    r"|четверть)(?=\s+(?!год|полугод|месяц|\d)[а-яё])"
    # "三成" (30 %), "近九成" (about 90 %): tenths in Chinese
    r"|(?<![一二三四五六七八九十])(?P<zhcheng>[二三四五六七八九])成(?![长長为為功立交本员員果绩績])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number with a unit, as written, converted to the project's units."""

    start: int
    end: int
    text: str
    unit: str  # USD bn, CNY bn, RUB bn, percent, bcm, bcm/yr, Mt, ratio
    value: float
    low: float | None = None
    high: float | None = None
    step: float = 0.0  # the unit of the last digit written, in the project's unit
    rough: bool = False  # written in words ("two thirds"): never more precise than "about"


def to_float(text: str, comma_decimal: bool = False) -> float:
    """1,234,567 / 1,000 / 1 687 / 89,21 / 1.46 as a float; with comma_decimal, one comma is
    always the decimal mark ("69,525 миллиарда" is 69.525 billion)."""
    text = re.sub(SPACE, "", text)
    if comma_decimal and text.count(",") == 1 and "." not in text:
        return float(text.replace(",", "."))
    return float(text.replace(",", "")) if text.count(",") > 1 else parse_number(text)


def decimals(text: str, comma_decimal: bool = False) -> int:
    """How many decimals a number is written with (a comma before three digits groups them,
    unless comma_decimal)."""
    text = re.sub(SPACE, "", text)
    if "." in text:
        return len(text.rpartition(".")[2])
    head, sep, tail = text.rpartition(",")
    grouped = len(tail) == 3 and not comma_decimal
    return len(tail) if sep and text.count(",") == 1 and not grouped else 0


def russian_scale(scale_word: str) -> bool:
    """A Russian scale word ("млрд", "миллиарда") after a number: its comma is decimal, as
    Russian writes decimals ("69,525 миллиарда долларов", never 69,525 billion)."""
    return bool(re.match("[а-яё]", scale_word, re.IGNORECASE))


def multiplier(scale_word: str) -> float:
    """What a scale word multiplies by (1 without one)."""
    word = scale_word.lower().rstrip(".")
    if not word:
        return 1.0
    return next(value for start, value in SCALES if word.startswith(start))


def unit_of(currency: str, scale_word: str, unit: str, per_year: bool) -> str | None:
    """The project unit a written unit stands for, or None when it is none of them."""
    unit = unit.lower().replace(" ", "").replace(".", "")
    cur = currency.strip().lower()
    if unit in ("percent", "pct", "pc", "%") or unit.startswith("проц"):
        return "percent"
    if unit in ("times", "fold", "-fold", "раз", "раза", "倍"):
        return "ratio"
    chinese = unit in ("yuan", "renminbi", "rmb", "cny", "元") or unit.startswith("юан")
    if chinese or cur in ("¥", "rmb", "cny"):
        return "CNY bn"
    if unit.startswith(("rouble", "ruble", "рубл", "₽")):
        return "RUB bn"
    dollars = unit.removeprefix("ам").startswith("дол")  # "ам. долл.": American dollars
    if cur or unit in ("usdollars", "dollars", "usd", "美元") or dollars:
        return "USD bn"
    cubic = "cubic" in unit or "куб" in unit or unit in ("cum", "m3", "m³", "立方米", "立方公尺")
    if unit == "bcm" or (scale_word and cubic):
        return "bcm/yr" if per_year else "bcm"
    if scale_word and unit in ("tonnes", "tons", "mt", "metrictons", "тонн", "吨", "噸"):
        return "Mt"
    return None


def factor(scale_word: str, unit: str) -> float:
    """From the written scale to the unit's (billions for money and gas, millions for tonnes)."""
    if unit in ("percent", "ratio"):
        return 1.0
    if unit == "Mt":
        return multiplier(scale_word) / 1e6
    return multiplier(scale_word) / 1e9


def find(text: str) -> list[Quantity]:
    """Every quantity in a text with a unit the project holds, in reading order. A scale
    word with no unit ("… $100 billion by 2015 and 200 billion by 2020") takes the currency
    of the money (or gas volume) figure before it in the text, or dollars after "in dollar
    terms"."""
    found = _compounds(text)
    compounds = [(q.start, q.end, q.unit) for q in found]
    money = ""
    for match in QUANTITY.finditer(text):
        if any(s < match.end() and match.start() < e for s, e, _ in compounds):
            continue  # a part of "31 млрд 198,7 млн долл."
        money = next((u for s, e, u in reversed(compounds) if e <= match.start()), money)
        quantity = _quantity(text, match, money)
        if quantity is not None:
            found.extend(quantity)
            money = next((q.unit for q in quantity if q.unit in CARRIED), money)
    taken = [(q.start, q.end) for q in found]
    for match in WORDS.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            found.append(_words(match))
    return sorted(found, key=lambda q: q.start)


def _compounds(text: str) -> list[Quantity]:
    """Numbers written in two scales, "31 млрд 198,7 млн долл. США" (31.1987 billion dollars),
    "2181亿7600万美元" (218.176 billion): the second part smaller than one of the first scale."""
    found = []
    for match in COMPOUND.finditer(text):
        g = {k: v or "" for k, v in match.groupdict().items()}
        big, small = multiplier(g["bigscale"]), multiplier(g["smallscale"])
        russian = russian_scale(g["smallscale"])
        part = to_float(g["small"], russian) * small
        currency = CURRENCY_BEFORE.search(text, max(0, match.start() - 6), match.start())
        cur = currency.group() if currency else ""
        unit = unit_of(cur, g["bigscale"], g["unit"], bool(g["year"]))
        if unit is None or unit in ("percent", "ratio") or part >= big:
            continue
        f = factor("", unit)
        start = currency.start() if currency else match.start()
        end = match.end()
        while text[end - 1] in ". ":
            end -= 1
        value = round((int(g["big"]) * big + part) * f, 9)
        step = _step(g["small"], small * f, russian)
        found.append(Quantity(start, end, text[start:end], unit, value, step=step))
    return found


def _words(match: re.Match[str]) -> Quantity:
    fraction = match.group("fraction") or match.group("growth")
    start, end = match.span("fraction" if match.group("fraction") else "growth")
    if not fraction:
        start, end = match.span()
    text = match.string[start:end]
    if fraction:
        key = fraction.lower().replace("-", " ")
        key = "half" if key.endswith("half") else key
        return Quantity(start, end, text, "percent", FRACTIONS[key], rough=True)
    if match.group("percent"):  # "two percent"
        word = match.group("percent").lower()
        value = 1.0 if word == "one" else MULTIPLES[word]
        return Quantity(start, end, text, "percent", value, step=1.0)
    if match.group("verb"):
        value = 2.0 if match.group("verb").lower() == "doubled" else 3.0
        return Quantity(start, end, text, "ratio", value, rough=True)
    if match.group("zhcheng"):  # "三成"
        value = 10.0 * ("二三四五六七八九".index(match.group("zhcheng")) + 2)
        return Quantity(start, end, text, "percent", value, rough=True)
    if match.group("rufraction"):  # "половина товарооборота"
        key = match.group("rufraction").lower()
        value = RU_FRACTIONS[key[:7] if key.startswith("половин") else key]
        return Quantity(start, end, text, "percent", value, rough=True)
    if match.group("rugrowth"):  # "на четверть"
        value = RU_GROWTH[match.group("rugrowth").lower()]
        return Quantity(start, end, text, "percent", value, rough=True)
    if match.group("ru"):  # "в полтора раза"
        return Quantity(
            start, end, text, "ratio", RU_MULTIPLES[match.group("ru").lower()], rough=True
        )
    value = MULTIPLES[match.group("multiple").lower()]
    return Quantity(start, end, text, "ratio", value, rough=True)


def _quantity(text: str, match: re.Match[str], money: str = "") -> list[Quantity] | None:
    g = {k: v or "" for k, v in match.groupdict().items()}
    yearly = bool(g["year"]) or bool(
        PER_YEAR_BEFORE.search(text, max(0, match.start() - 36), match.start())
    )
    unit = unit_of(g["currency"], g["scale"], g["unit"], yearly) or _carried(text, match, money)
    if unit is None:
        return None
    if unit == "percent" and g["num"] and _is_year_like(g["num"]) and not g["num2"]:
        return None
    f = factor(g["scale"] if g["unit"].lower() not in ("bcm",) else "billion", unit)
    russian = russian_scale(g["scale"])
    first = to_float(g["num"], russian) * f
    if unit in ("USD bn", "CNY bn", "RUB bn") and not g["scale"] and first < 0.1:
        return None  # "$12,600 per capita": money the project holds is in billions
    start, end = match.span()
    while text[end - 1] in ". ":
        end -= 1
    last = g["num2"] or g["num"]
    step = _step(last, f, russian)
    if not g["num2"]:
        return [Quantity(start, end, text[start:end], unit, first, step=step)]
    second = to_float(g["num2"], russian) * f
    begun = RANGE_START.search(text[:start])
    split = match.start("num2")
    if g["dash"].lower() == "до" and not begun:  # "на 8 до 56 млрд": a change, then a level
        return [Quantity(split, end, text[split:end], unit, second, step=step)]
    if g["dash"].lower() in ("to", "до") and begun and begun.group().lower()[0] in "fсо":
        return [
            Quantity(
                start, match.end("num"), g["num"], unit, first, step=_step(g["num"], f, russian)
            ),
            Quantity(split, end, text[split:end], unit, second, step=step),
        ]
    if g["dash"].lower() == "и" and not begun:  # "8,5 и 7,7 процента": two, one unit
        return [
            Quantity(
                start, match.end("num"), g["num"], unit, first, step=_step(g["num"], f, russian)
            ),
            Quantity(split, end, text[split:end], unit, second, step=step),
        ]
    if g["dash"].lower() == "and" and not begun:
        return None  # "$2.5 and $3.5 billion": not read (each figure would cost a claim's time)
    low, high = min(first, second), max(first, second)
    return [Quantity(start, end, text[start:end], unit, (low + high) / 2, low, high, step)]


def _carried(text: str, match: re.Match[str], money: str) -> str | None:
    """The currency of a bare scale word that ends its phrase ("200 billion by 2020"): dollars
    after "in dollar terms", else the money unit written before it; None otherwise."""
    if not match.group("scale") or match.group("unit") or match.group("currency"):
        return None
    if not BARE_END.match(text, match.end()):
        return None  # "1.4 billion people": a noun follows
    if DOLLAR_TERMS.search(text, max(0, match.start() - 30), match.start()):
        return "USD bn"
    return money or None


def _step(number: str, f: float, russian: bool = False) -> float:
    return 10.0 ** -decimals(number, russian) * f


def _is_year_like(number: str) -> bool:
    return number.isdigit() and len(number) == 4
