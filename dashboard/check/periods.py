"""Periods named in text ("in 2023", "last year", "in 11 months of 2023", "first half of 2025").

Relative phrases resolve against the publication date; without one they stay unresolved.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
COUNTS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "десяти": 10,
    "два": 2,
    "двух": 2,
    "три": 3,
    "трех": 3,
    "трёх": 3,
    "четыре": 4,
    "четырех": 4,
    "четырёх": 4,
    "пять": 5,
    "пяти": 5,
    "семи": 7,
    "восьми": 8,
    "одиннадцати": 11,
    "девяти": 9,
    "шести": 6,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
RU_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4}
ZH_COUNT = r"\d{1,2}|十一|[二两兩三四五六七八九十]"

YEAR = r"(?:19[89]\d|20[0-4]\d)"
WHEN = rf"(?:{YEAR}|this year|last year|the current year|the year)"
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
COUNT = "|".join(COUNTS) + r"|\d{1,2}"
RU_MONTHS = {  # stems of the Russian month names, in any case
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
RU_MONTH = "|".join(sorted(RU_MONTHS, key=len, reverse=True))
# a whole Russian month word ("июне", "мая"), never a word that only starts like one
SEASON = r"(?:the )?(?:summer|spring|autumn|fall|winter)|лета|весны|осени|зимы"
RU_MONTH_WORD = "|".join(rf"{stem}\w*" for stem in RU_MONTHS if stem != "ма") + r"|ма[йяе]\b"
RU_YEAR = rf"({YEAR})\s*(?:года|году|год|г\.?)"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        # a comparison base ("up 26 % from last year", "on the same period of 2022") is no
        # period of the figure: matched first so that its year is taken by nothing else
        (
            "base",
            rf"\b(?:from|compared (?:with|to)|than|over|on|versus|vs\.?|against)"
            rf" (?:(?:the )?same period (?:of |in )?)?(?:the )?(?:{WHEN}"
            r"|a year (?:earlier|ago|before)|the previous year|the year before)",
        ),
        (
            "base",
            rf"\b(?:the )?same (?:period|time|months?) (?:of |in |a year )?(?:the )?"
            rf"(?:last year|a year (?:earlier|ago)|the previous year|{YEAR})",
        ),
        (
            "base_ru",
            rf"(?:по сравнению с|против|относительно|\bчем)\s+(?:аналогичн\w+ период\w*\s+)?"
            rf"(?:прошлого года|{RU_YEAR})|аналогичн\w+ период\w*\s+(?:прошлого года|{RU_YEAR})"
            r"|\bк прошлому году"
            # "к тому же периоду 2024 г.", "с тем же периодом прошлого года"
            rf"|\b(?:тот|того|тому|тем|том)\s+же\s+период\w*\s+(?:прошлого года|{RU_YEAR})"
            rf"|(?:больше|выше|меньше|ниже)\s+(?:показател|уровн)\w*\s+(?:прошлого года|{RU_YEAR})",
        ),
        (
            "base_zh",
            rf"(?:比|较|較|与|與)\s*(?:(?:{YEAR})\s*年|去年|上年)|(?:上年|去年)同期"
            rf"|是\s*(?:{YEAR})\s*年(?:同期)?的(?=\s*[\d.]+\s*倍)",  # "是2022年的1.5倍"
        ),
        # "as of January 2016": a date, not the period an annual figure covers
        (
            "asof",
            rf"\b(?:as of|as at|на)\s+(?:the end of |конец )?"
            rf"(?:{MONTH}|{RU_MONTH_WORD}|{SEASON})\w*\.?,? {YEAR}",
        ),
        (
            "ytdmonth",
            rf"\bby (mid-|the middle of |early |the end of |end-)?({MONTH})\.?,? ({YEAR})\b",
        ),
        ("ytd", rf"\bsince the (?:beginning|start) of (?:the year|this year|({YEAR}))|\bytd\b"),
        ("months", rf"\b(?:first |past )?({COUNT})(?:-| )months? (?:of |in )?({WHEN})"),
        ("months", rf"\b(?:перв\w*\s+)?({COUNT})\s+месяц\w*\s+({YEAR})"),
        ("months", rf"\bперв\w*\s+({COUNT})\s+месяц\w*()"),
        # "over the past 20 years", "за последние 20 лет", "近十年": no one year's figure
        (
            "duration",
            r"\b(?:over|in|during|for|within) (?:the )?(?:last|past|previous|next) (?:\d+|two|three"
            r"|four|five|six|seven|eight|nine|ten|twenty|thirty|few|several) (?:years|decades)\b"
            r"|\b(?:over|in) (?:a|the past|the last) decade\b|\bза (?:последние |прошедшие )?"
            r"(?:\d+|два|три|четыре|пять|десять|двадцать|тридцать) (?:лет|года)\b"
            r"|(?:近|过去|過去)\s*(?:\d+|[二两兩三四五六七八九十]+)\s*年"
            r"|(?:\d+|[二两兩三四五六七八九十]+)\s*年(?:来|來)",
        ),
        (
            "span",
            rf"\b({MONTH})\w*\.?\s*(?:[-–—]|to|and|through|till|until)\s*({MONTH})\w*\.?"
            rf"(?:,? (?:period )?(?:of )?({WHEN}))?",
        ),
        ("span", rf"\b({RU_MONTH})\w*\s*[-–—]\s*({RU_MONTH})\w*(?: ({YEAR}))?"),
        ("span", rf"\bс\s+({RU_MONTH})\w*\s+по\s+({RU_MONTH})\w*(?: ({YEAR}))?"),
        ("months", rf"\bfirst ({COUNT})(?:-| )months\b()"),
        (
            "months",
            rf"\b(?:in|during) (?:the )?({COUNT})(?:-| )months\b"
            r"(?! ago| to\b| through| ending| ended| up to| since)()",
        ),
        (
            "months_zh",
            rf"(?:({YEAR})\s*年\s*)?(?:1|一)\s*月?\s*(?:份)?\s*[-–至到]\s*({ZH_COUNT})\s*月",
        ),
        ("months_zh", rf"(?:({YEAR})\s*年\s*)?前\s*({ZH_COUNT})\s*[个個]月"),
        ("threequarters_zh", rf"(?:({YEAR})\s*年\s*)?前三季度"),
        ("half_zh", rf"(?:({YEAR})\s*年\s*)?([上下])半年"),
        ("half_ru", rf"\b(перв|втор)\w*\s+(?:полугоди|половин)\w*(?:\s+{RU_YEAR})?"),
        ("quarter_ru", rf"\b(перв|втор|трет|четв)\w*\s+квартал\w*(?:\s+{RU_YEAR})?"),
        ("day_ru", rf"(?<![\d.,])\b(\d{{1,2}})\s+({RU_MONTH_WORD})\s+{RU_YEAR}"),
        ("month_ru", rf"\b({RU_MONTH_WORD})\s+{RU_YEAR}"),
        ("day_zh", rf"({YEAR})\s*年\s*(1[0-2]|[1-9])\s*月\s*(\d{{1,2}})\s*[日号號]"),
        ("month_zh", rf"(?:({YEAR})\s*年\s*)?(?<![\d-])(1[0-2]|[1-9])\s*月(?!\s*\d|\s*[-–至到])"),
        ("lastmonth_ru", rf"\b(?:в|за)\s+({RU_MONTH_WORD})(?!\s*\d)"),
        # "сентябрьский экспорт", "майский товарооборот": that month's figure
        (
            "lastmonth_ru",
            r"\b((?:январ|феврал|мартовск|апрельск|майск|июньск|июльск|августовск"
            r"|сентябрьск|октябрьск|ноябрьск|декабрьск)\w*)\s+(?:[\w-]+\s+)?(?:экспорт|импорт"
            r"|товарооборот|объем|поставк)",
        ),
        ("quarter_zh", rf"({YEAR})\s*年\s*第?([一二三四1-4])季度"),
        # "今年一季度", "一季度" without a year: the latest such quarter before publication
        ("part_zh", r"(?<![一二三四、\d])(?:今年|本年)?\s*第?([一二三四])季度"),
        ("lastmonth", rf"\b(?:last|in|for|during) ({MONTH})\b(?!\.?,? ?\d)"),
        ("half", rf"\b(first|second) half of ({WHEN})"),
        ("half", rf"\bH([12]) ({YEAR})"),
        # "in the first half", "in the third quarter": the latest one ended before publication
        ("part_en", r"\b(?:in|during|for|over) the (first|second) (half)\b(?! of)"),
        ("part_en", r"\b(?:in|during|for|over) the (first|second|third|fourth) (quarter)\b(?! of)"),
        ("half", rf"\b({YEAR})[- ]H([12])\b"),
        ("quarter", rf"\b(first|second|third|fourth) quarter of ({WHEN})"),
        ("quarter", rf"\bQ([1-4]) ({YEAR})"),
        ("since", rf"\bsince ({YEAR})"),
        ("by", rf"\b(?:by|until|before) (?:the end of )?({YEAR})"),
        ("by", rf"(?:\bк|\bдо)\s+(?:концу\s+|конца\s+)?({YEAR})\s*(?:году|года|г\.?)"),
        ("by", rf"(?:到|至)\s*({YEAR})\s*年(?:底|前|末)?"),
        ("yearend_zh", rf"({YEAR})\s*年\s*(?:底|末)"),  # "2019年底": its last quarter
        ("byend", r"\bby (?:the )?(?:year[- ]end|end of (?:the|this) year)"),
        ("years", rf"\b({YEAR})\s*(?:and|[-–])\s*({YEAR}|\d\d)\b(?![.,]\d)"),
        ("day", rf"\b({MONTH})\.? (\d{{1,2}}),? ({YEAR})\b"),
        ("month", rf"\b({MONTH})\.? ({YEAR})\b"),
        ("weekday", r"\bon (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
        ("next", r"\b(?:the following year|a year later)\b|в следующем году|годом позже|次年|翌年"),
        ("lastbutone", r"\bthe year before last\b|позапрошл\w+ год\w*|(?<![提目之以此\d])前年"),
        ("last", r"\b(?:last year|the previous year|the past year|прошлом году)|去年|上年"),
        ("this", r"\b(?:this year|the current year|в этом году)|今年|本年"),
        ("now", r"\b(?:today|now|already|currently|at present|сейчас|如今|уже)"),
        ("year", rf"\b({YEAR})\b"),
        ("year", rf"(?<!\d)({YEAR})(?=\s*年)"),
    )
)


@dataclass(frozen=True)
class Period:
    """A resolved period: its label and first and last day."""

    label: str
    start: date
    end: date
    years: tuple[int, ...] = ()  # "since 2018": each full year, checked one by one
    relation: str = ""  # "by" deadlines, "now" (already, today), "on" (on Monday), "this" (year)

    @property
    def annual(self) -> bool:
        return self.start.month == 1 and self.start.day == 1 and self.end.month == 12


@dataclass(frozen=True)
class Found:
    """A period phrase and where it sits in the sentence."""

    start: int
    end: int
    period: Period


# a period phrase that needs a publication date not given ("in August", "last year")
UNRESOLVED = Period("", date.min, date.min, (), "unresolved")


def _months(year: int, first: int, last: int, label: str) -> Period:
    return Period(label, date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))


def _year(word: str, published: date | None) -> int | None:
    lowered = word.lower()
    if lowered.isdigit():
        return int(lowered)
    if published is None:
        return None
    return published.year - 1 if lowered == "last year" else published.year


def _from_january(kind: str, groups: tuple[str, ...], published: date | None) -> Period | None:
    """'The first ten months of 2023', '2023年1-10月' (without a year: the latest before
    publication)."""
    if kind == "months_zh":
        groups = (groups[1], groups[0] or "")
    return _between(1, _count(groups[0]), groups[1], published)


def _span(groups: tuple[str, ...], published: date | None) -> Period | None:
    """'January–October 2023', 'from January to June', 'в январе—июле 2022 года'."""
    return _between(_month(groups[0]), _month(groups[1]), groups[2], published)


def _between(first: int, last: int, when: str | None, published: date | None) -> Period | None:
    if not 1 <= first <= last <= 12:
        return None
    year = _year(when, published) if when else _latest(last, published)
    if year is None:
        return None
    if first == 1 and last == 12:
        return _annual(year)
    if first == last:
        return _months(year, first, last, f"{year}-{first:02d}")
    label = f"{calendar.month_abbr[first]}–{calendar.month_abbr[last]} {year}"
    return _months(year, first, last, label)


def _month_before(groups: tuple[str, ...], published: date | None) -> Period | None:
    """'Last April', 'in August': the latest such month before the publication month."""
    month = _month(groups[0])
    if published is None or month == published.month:
        return None
    year = published.year if month < published.month else published.year - 1
    return _months(year, month, month, f"{year}-{month:02d}")


def _month(word: str) -> int:
    lowered = word.lower().rstrip(".")
    return MONTHS.get(lowered) or next(n for stem, n in RU_MONTHS.items() if lowered == stem)


def _latest(last: int, published: date | None) -> int | None:
    """'In January–October' with no year: the latest such span ended by publication (a
    statement on 31 August about January–August is about this year's)."""
    if published is None:
        return None
    ended = published.day == calendar.monthrange(published.year, published.month)[1]
    return (
        published.year
        if published.month > last or ended and published.month == last
        else (published.year - 1)
    )


def _annual(year: int) -> Period:
    return Period(str(year), date(year, 1, 1), date(year, 12, 31))


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNTS[word.lower()]


def resolve(kind: str, groups: tuple[str, ...], published: date | None) -> Period | None:
    """The period a matched phrase names, or None when it needs a date that is not given
    (a comparison base and "since the beginning of the year" never name one)."""
    if kind.startswith("base") or kind in ("ytd", "asof", "duration"):
        return None
    if kind in LOCAL:
        return LOCAL[kind](groups, published)
    if kind in ("months", "months_zh"):
        return _from_january(kind, groups, published)
    if kind in ("half", "quarter", "quarter_zh"):
        return _part(kind, groups, published)
    if kind in ("since", "by", "byend"):
        return _until(kind, groups, published)
    simple: dict[str, Callable[[tuple[str, ...], date | None], Period | None]] = {
        "span": _span,
        "lastmonth": _month_before,
        "years": _years,
        "month": _calendar,
        "day": _calendar,
    }
    if kind in simple:
        return simple[kind](groups, published)
    return _relative(kind, groups, published)


def _ytd_month(groups: tuple[str, ...], _published: date | None = None) -> Period:
    """'By mid-December 2018': from January to that month's end (its 15th for 'mid-')."""
    year, month = int(groups[2]), MONTHS[groups[1].lower()]
    end = _months(year, month, month, "").end
    mid = (groups[0] or "").lower().startswith(("mid", "the middle"))
    end = end.replace(day=15) if mid else end
    label = f"{calendar.month_abbr[1]}–{'mid-' if mid else ''}{calendar.month_abbr[month]} {year}"
    return Period(label, date(year, 1, 1), end)


def _ru_month(word: str) -> int:
    lowered = word.lower()
    return next(
        n
        for stem, n in sorted(RU_MONTHS.items(), key=lambda i: -len(i[0]))
        if lowered.startswith(stem)
    )


def _day_ru(groups: tuple[str, ...], _published: date | None = None) -> Period | None:
    """'1 декабря 2024 года'."""
    return _day(_ru_month(groups[1]), int(groups[0]), int(groups[2]))


def _month_ru(groups: tuple[str, ...], _published: date | None = None) -> Period:
    """'В июне 2024 года'."""
    year, month = int(groups[1]), _ru_month(groups[0])
    return _months(year, month, month, f"{year}-{month:02d}")


def _last_month_ru(groups: tuple[str, ...], published: date | None) -> Period | None:
    """'В июне': the latest June before the publication month."""
    return _month_before((calendar.month_name[_ru_month(groups[0])],), published)


def _latest_part(index: int, size: int, published: date | None) -> int | None:
    """The year of the latest such half or quarter ended before publication."""
    if published is None:
        return None
    return published.year if published.month > index * size else published.year - 1


def _part_of(
    groups: tuple[str, ...], published: date | None, index: int, size: int
) -> Period | None:
    """A half or quarter; without a year, the latest one ended before publication."""
    year = int(groups[1]) if groups[1] else _latest_part(index, size, published)
    if year is None:
        return None
    label = f"{year}-H{index}" if size == 6 else f"{year}-Q{index}"
    return _months(year, (index - 1) * size + 1, index * size, label)


def _half_zh(groups: tuple[str, ...], published: date | None) -> Period | None:
    """'2024年上半年' (the first half), '下半年' (the second)."""
    return _part_of((groups[1], groups[0] or ""), published, 1 if groups[1] == "上" else 2, 6)


def _half_ru(groups: tuple[str, ...], published: date | None) -> Period | None:
    """'В первом полугодии 2024 года'."""
    return _part_of(groups, published, RU_ORDINALS[groups[0].lower()[:4]], 6)


def _quarter_ru(groups: tuple[str, ...], published: date | None) -> Period | None:
    """'В первом квартале 2024 года'."""
    return _part_of(groups, published, RU_ORDINALS[groups[0].lower()[:4]], 3)


def _part_en(groups: tuple[str, ...], published: date | None) -> Period | None:
    """'In the first half', 'in the third quarter' (no year): the latest one ended before
    publication."""
    size = 6 if groups[1].lower() == "half" else 3
    return _part_of(("", ""), published, ORDINALS[groups[0].lower()], size)


def _part_zh(groups: tuple[str, ...], published: date | None) -> Period | None:
    """'一季度', '今年第二季度' (no year): the latest such quarter ended before publication."""
    return _part_of(("", ""), published, "一二三四".index(groups[0]) + 1, 3)


def _three_quarters_zh(groups: tuple[str, ...], published: date | None) -> Period | None:
    """'2023年前三季度': January to September."""
    return _between(1, 9, groups[0] or None, published)


def _month_zh(groups: tuple[str, ...], published: date | None) -> Period | None:
    """'2023年5月' (a month), '5月当月' (the latest May before publication)."""
    month = int(groups[1])
    if groups[0]:
        return _months(int(groups[0]), month, month, f"{groups[0]}-{month:02d}")
    return _month_before((calendar.month_name[month],), published)


def _day_zh(groups: tuple[str, ...], _published: date | None = None) -> Period | None:
    """'2019年12月1日'."""
    return _day(int(groups[1]), int(groups[2]), int(groups[0]))


def _year_end_zh(groups: tuple[str, ...], _published: date | None = None) -> Period:
    """'2019年底' (the end of 2019): October to December."""
    year = int(groups[0])
    return _months(year, 10, 12, f"Oct–Dec {year}")


LOCAL: dict[str, Callable[[tuple[str, ...], date | None], Period | None]] = {
    "yearend_zh": _year_end_zh,
    "day_zh": _day_zh,
    "month_zh": _month_zh,
    "ytdmonth": _ytd_month,
    "day_ru": _day_ru,
    "month_ru": _month_ru,
    "lastmonth_ru": _last_month_ru,
    "half_zh": _half_zh,
    "half_ru": _half_ru,
    "part_en": _part_en,
    "part_zh": _part_zh,
    "quarter_ru": _quarter_ru,
    "threequarters_zh": _three_quarters_zh,
}


def _until(kind: str, groups: tuple[str, ...], published: date | None) -> Period | None:
    """'Since 2018' (each full year to publication), 'by 2024', 'by the end of the year'."""
    if kind == "since":
        first = int(groups[0])
        if published is None or first >= published.year:
            return None
        years = tuple(range(first, published.year))
        return Period(f"{first}–{years[-1]}", date(first, 1, 1), date(years[-1], 12, 31), years)
    if kind == "by":
        return Period(groups[0], date(int(groups[0]), 1, 1), date(int(groups[0]), 12, 31), (), "by")
    return None if published is None else _with(_annual(published.year), "by")


def _calendar(groups: tuple[str, ...], _published: date | None = None) -> Period | None:
    """'December 2019' (a month) or 'December 2, 2019' (a day)."""
    month = MONTHS[groups[0].lower()]
    if len(groups) == 2:
        year = int(groups[1])
        return _months(year, month, month, f"{year}-{month:02d}")
    return _day(month, int(groups[1]), int(groups[2]))


def _day(month: int, day: int, year: int) -> Period | None:
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return Period(when.isoformat(), when, when)


def _weekday(name: str, published: date) -> Period:
    """'On Monday': the latest such day on or before publication."""
    back = (published.weekday() - WEEKDAYS.index(name.lower())) % 7
    when = published - timedelta(days=back)
    return Period(when.isoformat(), when, when, (), "on")


def _with(period: Period, relation: str) -> Period:
    return Period(period.label, period.start, period.end, period.years, relation)


def _part(kind: str, groups: tuple[str, ...], published: date | None) -> Period | None:
    if kind == "quarter_zh":  # "2020年第一季度"
        kind, groups = "quarter", (str("一二三四".find(groups[1]) + 1 or groups[1]), groups[0])
    first, second = groups
    number_first = first.isdigit() and len(first) == 4
    which, when = (second, first) if number_first else (first, second)
    index = int(which) if which.isdigit() else ORDINALS[which.lower()]
    year = _year(when, published)
    if year is None:
        return None
    size = 6 if kind == "half" else 3
    label = f"{year}-H{index}" if kind == "half" else f"{year}-Q{index}"
    return _months(year, (index - 1) * size + 1, index * size, label)


def _years(groups: tuple[str, ...], _published: date | None = None) -> Period | None:
    first = int(groups[0])
    last = int(groups[1]) if len(groups[1]) == 4 else first // 100 * 100 + int(groups[1])
    if not 0 < last - first <= 10:
        return None
    return Period(f"{first}-{last}", date(first, 1, 1), date(last, 12, 31))


def _this_year(published: date) -> Period | None:
    """'This year': January to the last full month before publication (the data a page can
    report), marked 'this' so that a goal for this year can take the whole year."""
    last = published.month - 1
    if last == 0:
        return None
    label = f"{published.year} (to {calendar.month_abbr[last]})"
    return _with(_months(published.year, 1, last, label), "this")


def whole_year(period: Period) -> Period:
    """'This year' of a goal or forecast: the whole year."""
    return _annual(period.start.year) if period.relation == "this" else period


def _relative(kind: str, groups: tuple[str, ...], published: date | None) -> Period | None:
    if kind == "year":
        return _annual(int(groups[0]))
    if published is None:
        return None
    if kind in ("last", "lastbutone"):
        return _annual(published.year - (2 if kind == "lastbutone" else 1))
    if kind == "weekday":
        return _weekday(groups[0], published)
    if kind == "this":
        return _this_year(published)
    month = published.month
    now = _months(published.year, month, month, f"{published.year}-{month:02d}")
    return _with(now, "now")


EARLIEST = date(1900, 1, 1)


def date_problem(published: date | None, today: date | None = None) -> str:
    """Why a publication date is refused (one line), or '' when it is in the sane range:
    from 1900 to a year after today (a date far off would turn 'since 1980' into centuries)."""
    if published is None:
        return ""
    latest = (today or date.today()) + timedelta(days=366)
    if EARLIEST <= published <= latest:
        return ""
    return (
        f"publication date {published.isoformat()} is outside {EARLIEST.isoformat()}"
        f" to {latest.isoformat()}"
    )


def after_comparison(sentence: str, found: Found) -> bool:
    """The period follows a comparison word: the base of a change before it, not the period of
    the figures before it ("up 2 % compared to the first half of 2021 and amounted to $29 bn")."""
    return BASE_BEFORE.search(sentence, max(0, found.start - 30), found.start) is not None


CJK = re.compile("[年月季]")
# a period right after a comparison word is the base of a change, not the figure's period
# ("up 2 % compared to the first half of 2021", "比2022年前三季度")
BASE_BEFORE = re.compile(
    r"(?:compared (?:with|to)|\bthan|\bversus|\bvs\.?|\bagainst|по сравнению с|\bпротив"
    r"|относительно|\bчем|(?<![同环環])比|较|較|与|與)"
    r"\s*(?:(?:the|that of|those of|in|во?|за)\s+)?$",
    re.IGNORECASE,
)
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def find(sentence: str, published: date | None) -> list[Found]:
    """Every period phrase in a sentence, earlier patterns winning where two overlap."""
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    nexts: list[tuple[int, int]] = []  # "the following year": the year after the one before it
    script = {"_zh": CJK.search(sentence), "_ru": CYRILLIC.search(sentence)}
    for kind, pattern in PATTERNS:
        if not script.get(kind[-3:], True):
            continue  # a Russian or Chinese phrase in a sentence without that script
        for match in pattern.finditer(sentence):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            if kind == "next":
                nexts.append(match.span())
                continue
            period = resolve(kind, match.groups(), published)
            taken.append(match.span())
            if period is None and not kind.startswith(("base", "now", "weekday")):
                period = UNRESOLVED
            if period is not None:
                found.append(Found(match.start(), match.end(), period))
    for start, end in nexts:
        years = [f for f in found if f.end <= start and f.period.label.isdigit()]
        if years and not any(s < end and start < e for s, e in taken):
            year = int(max(years, key=lambda f: f.end).period.label)
            found.append(Found(start, end, _annual(year + 1)))
    return sorted(found, key=lambda f: f.start)
