"""How each part of a claim was resolved (its evidence path), and the gate on verdicts.

The extractor resolves a claim's indicator, countries, direction, period and unit from words
near the figure, further away in the sentence, in the sentences before, or from the page's
date. A verdict is given only when no part rests on a path listed in GATE; otherwise the
claim is "found, not checked", with the gate's plain reason.
"""

import re
from dataclasses import dataclass
from datetime import date

from dashboard.check import cues
from dashboard.check.periods import Period

# where a part was read: nearest first
CLAUSE = "clause"  # the figure's own stretch (between the figures around it)
SENTENCE = "sentence"  # elsewhere in its sentence
CONTEXT = "context"  # the two sentences before
PREVIOUS = "previous figure"  # taken from the figure before it ("…, compared with 2 % in 2013")
PUBLICATION = "publication date"  # no year written: "last year", "in March", "this year"
NOW = "now"  # "now", "already": the page's month
DEFAULT = "default"  # nothing said; the usual reading was taken
VERB = "verb"  # "exported", "bought": which way read from the country named first
STANDING = "standing"  # a built pipeline's capacity: no period needed
YEAR, MONTHS, MONTH, YEARS = "year", "months", "month", "years"  # a period's length

TOPIC = (  # the words naming each family's indicator (the first prefix that fits)
    ("trade_share", cues.SHARE),
    ("trade", cues.TRADE),
    ("settlement", cues.SETTLEMENT),
    ("gdp", cues.GDP),
    ("gas", re.compile(f"{cues.GAS.pattern}|{cues.POS.pattern}|{cues.POS2.pattern}", re.I)),
)
WRITTEN_UNIT = re.compile(
    r"\$|usd|us dollars|dollars|доллар|долл|美元|yuan|renminbi|rmb|cny|юан|元|рубл|%|процент"
    r"|percent|per cent|pct|cubic|cu\.? ?m|m3|m³|кубометр|куб|立方|bcm|tonnes|tons|mt|тонн"
    r"|times|fold|раз|倍",
    re.IGNORECASE,
)

REGION = "region"
PRODUCT = "product"
COUNTRY = "other country"
WORLD = "world"
CURRENCY = "other currency"
RIVALS = (
    (
        REGION,
        re.compile(
            r"\bprovinc|\bregion(?:al)?\b|\boblast|\bkrai\b|heilongjiang|guangdong|primorye"
            r"|inner mongolia|xinjiang|jilin|liaoning|провинци|област|\bкра[йяе]\b|хэйлунцзян"
            r"|省|黑龙江|黑龍江|内蒙古|內蒙古|新疆|吉林|辽宁|遼寧",
            re.IGNORECASE,
        ),
    ),
    (
        PRODUCT,
        re.compile(
            f"{cues.PRODUCT_FLOW.pattern}|{cues.PRODUCT_BEFORE.pattern}"
            f"|{cues.PRODUCT_RU_ZH.pattern}",
            re.IGNORECASE,
        ),
    ),
    (COUNTRY, cues.OTHER_COUNTRY),
    (WORLD, re.compile(f"{cues.WORLD_TRADE.pattern}|{cues.OTHER_SCOPE.pattern}", re.IGNORECASE)),
    (CURRENCY, cues.OTHER_CURRENCY),
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where each part of one claim was read (one of the names above, '' when not relevant)."""

    period: str = ""
    indicator: str = ""
    direction: str = ""  # trade flows: which way (exports, imports, the total)
    scope: str = ""  # China and Russia (or one economy, one route): where they are named
    unit: str = ""  # CLAUSE: written with the number; PREVIOUS: carried from the one before
    rival: str = ""  # another subject the sentence names that the figure may be about
    length: str = ""  # the period's length: YEAR, MONTHS (a part of a year), MONTH, YEARS


def of(
    indicator: str,
    text: str,
    before: str,
    after: str,
    sentence: str,
    context: str,
    period: Period | None,
    where: str,
    via_previous: bool,
) -> Evidence:
    """The evidence path of one claim: `text` is the figure as written, `before` and `after`
    its own stretch, `where` the extractor's answer to where its period was found."""
    own = before + " " + after
    return Evidence(
        period=_period(indicator, sentence, context, period, where),
        indicator=PREVIOUS if via_previous else _topic(indicator, own, sentence),
        direction=_direction(indicator, own, sentence),
        scope=_scope(indicator, sentence, context),
        unit=CLAUSE if WRITTEN_UNIT.search(text) else PREVIOUS,
        rival=_rival(indicator, before, sentence),
        length=_length(indicator, period),
    )


def _period(indicator: str, sentence: str, context: str, period: Period | None, where: str) -> str:
    if period is None:
        return STANDING if indicator.endswith("_capacity") else ""
    if period.relation == "now" or where == "now":
        return NOW
    year = str(period.start.year)
    if where == "carried":
        return CONTEXT if year in context else PUBLICATION
    if year not in sentence and not _chinese_year(period.start, sentence):
        return PUBLICATION
    return CLAUSE if where == "own" else SENTENCE


def _length(indicator: str, period: Period | None) -> str:
    """How long the period read from the text is ('' for a capacity, whose period does not
    matter, and for 'now', whose path says it)."""
    if period is None or period.relation == "now" or indicator.endswith("_capacity"):
        return ""
    start, end = period.start, period.end
    if start.year != end.year:
        return YEARS
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return YEAR
    return MONTH if start.month == end.month else MONTHS


def _chinese_year(start: date, sentence: str) -> bool:
    """'二〇二三年', '23年': a year written another way."""
    return f"{start.year % 100}年" in sentence


def _topic(indicator: str, own: str, sentence: str) -> str:
    pattern = next((p for prefix, p in TOPIC if indicator.startswith(prefix)), None)
    if pattern is None or cues.has(pattern, own):
        return CLAUSE
    return SENTENCE if cues.has(pattern, sentence) else CONTEXT


def _direction(indicator: str, own: str, sentence: str) -> str:
    if indicator.startswith("trade_cn_"):
        pattern = dict(cues.DIRECTIONS)[indicator.removesuffix("_yoy")]
        if cues.has(pattern, own):
            return CLAUSE
        return SENTENCE if cues.has(pattern, sentence) else VERB
    if indicator.startswith("trade_total"):
        if cues.has(cues.TOTAL, own):
            return CLAUSE
        if cues.has(cues.TOTAL, sentence):
            return SENTENCE
        return DEFAULT
    return ""


def _scope(indicator: str, sentence: str, context: str) -> str:
    if indicator.startswith("gas"):
        return ""
    if indicator.startswith("gdp"):
        return (
            SENTENCE
            if cues.has(cues.CHINA, sentence) or cues.has(cues.RUSSIA, sentence)
            else CONTEXT
        )
    if cues.has(cues.PAIR, sentence) or (
        cues.has(cues.CHINA, sentence) and cues.has(cues.RUSSIA, sentence)
    ):
        return SENTENCE
    return CONTEXT  # one side, or both, named only before (or a "with China" partner flow)


def _rival(indicator: str, before: str, sentence: str) -> str:
    """The first other subject the sentence names that the figure's kind can be about: a
    region's or a product's trade, another country's, the world's, another currency's share.
    A region named elsewhere in a sentence whose figure names China or Russia in its own
    stretch ("…, а товарооборот России и Китая — 240 млрд") is no rival."""
    trade = indicator.startswith(("trade", "settlement"))
    for name, pattern in RIVALS:
        if name in (REGION, PRODUCT) and not trade:
            continue  # a pipeline crosses regions; a GDP names its country
        if name == REGION and not cues.has(pattern, before) and _names_country(before):
            continue
        if name == CURRENCY and not indicator.startswith("settlement"):
            continue
        if cues.has(pattern, sentence):
            return name
    return ""


def _names_country(text: str) -> bool:
    return cues.has(cues.PAIR, text) or cues.has(cues.CHINA, text) or cues.has(cues.RUSSIA, text)


REASONS = {  # a part resolved this way, in a reader's words
    ("period", PUBLICATION): "no year is written: the period is only inferred from the page's date",
    ("period", CONTEXT): "the period is only carried from an earlier sentence",
    ("period", SENTENCE): "the period is written elsewhere in the sentence, not next to the figure",
    ("period", NOW): "'now' is read as the page's month",
    ("indicator", CONTEXT): "what the figure measures is only named in an earlier sentence",
    ("indicator", SENTENCE): "what the figure measures is not named next to it",
    ("indicator", PREVIOUS): "what the figure measures is only taken from the figure before it",
    ("direction", VERB): "exports or imports is only inferred from a verb and the country order",
    ("direction", SENTENCE): "exports, imports or the total is not said next to the figure",
    ("direction", DEFAULT): "exports, imports or the total is not stated (read as the total)",
    ("scope", CONTEXT): "China and Russia are not both named in the sentence",
    ("unit", PREVIOUS): "the currency is not written with the number, only carried from before",
    ("rival", REGION): "the sentence names a province or region: whose trade is not resolved",
    ("rival", PRODUCT): "the sentence names a product or sector: the total or its part?",
    ("rival", COUNTRY): "the sentence names another country: which pair is not resolved",
    ("rival", WORLD): "the sentence names trade with the world: which trade is not resolved",
    ("rival", CURRENCY): "the sentence names another currency: which share is not resolved",
    ("length", MONTH): "a single month's figure: which month or span is meant is often misread"
    " (a total for the year so far, 'by mid-December', 'now'), so it is not compared",
    ("length", MONTHS): "a figure for a part of a year: which months are meant is often misread",
}
PARTS = ("period", "indicator", "direction", "scope", "unit", "rival", "length")
# chosen on the seen corpus splits (benchmarks/check_gate.py): single months read from the
# text were right 36 times in 48, a region's trade read as China's 0 in 4
GATE: frozenset[tuple[str, str]] = frozenset({("length", MONTH), ("rival", REGION)})


def withheld(evidence: Evidence, gate: frozenset[tuple[str, str]] = GATE) -> str:
    """Why a claim gets no verdict under the gate (its first part resolved by a path in it),
    or ''."""
    for part in PARTS:
        key = (part, getattr(evidence, part))
        if key in gate:
            return REASONS[key]
    return ""
