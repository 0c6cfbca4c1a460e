"""Find the China–Russia figures in a text: indicator, economy, period, value, qualifier.

A figure is a quantity with a unit the project holds (quantities.py) that the words around
it tie to one of the project's indicators (cues.py). Everything else, dates, distances,
populations, ranks, other countries' trade, produces nothing.
"""

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from dashboard.check import cues, evidence, periods, quantities
from dashboard.check.evidence import Evidence
from dashboard.check.periods import Period
from dashboard.check.quantities import Quantity

SENTENCE_END = re.compile(r"(?<=[.!?。；;])\s+(?=[\"“‘(\[]?[A-ZА-Я0-9])|\n\s*\n|(?<=。)")
ABBREVIATIONS = (
    "U.S.",
    "Feb.",
    "Jan.",
    "Dec.",
    "Oct.",
    "Nov.",
    "Sept.",
    "Aug.",
    "No.",
    "Mr.",
    "Dr.",
    "St.",
    "Co.",
    "Corp.",
    "Inc.",
    "Ltd.",
    "vs.",
    "e.g.",
    "i.e.",
    "approx.",
)
# apostrophes written with other characters ("Chinaʼs"), read as one; the length is kept
APOSTROPHES = str.maketrans({"ʼ": "’", "′": "’", "`": "’"})
MAX_SENTENCE = 800
MAX_YEARS = 12  # "since 1980": checked year by year only over a span this long
MAX_CLAIMS = 500  # per text: the figures after these are listed, not checked
STATE_INDICATORS = ("settlement",)  # "already 90 %": the publication month


@dataclass(frozen=True)
class Claim:
    """One figure found in the text, as the text states it."""

    quote: str
    start: int
    end: int
    text: str
    indicator: str
    economy: str
    reporter: str  # the reporter the text names, or ''
    period: Period | None
    value: float
    low: float | None
    high: float | None
    unit: str
    qualifier: str  # exact, about, more_than, less_than, range
    status: str  # reported, target, forecast, planned
    attribution: str
    precision: float
    doubt: str = ""  # why it gets no verdict although its indicator is found
    evidence: Evidence = Evidence()  # how each part of it was resolved


@dataclass(frozen=True)
class Skipped:
    """A number that is not checked, and why."""

    start: int
    end: int
    text: str
    reason: str
    related: bool  # about an indicator the project holds, yet not checkable as written
    quote: str = ""
    value: float = math.nan
    unit: str = ""


@dataclass(frozen=True)
class Around:
    """The words around one figure: its own stretch of the sentence and the whole sentence."""

    before: str  # from the previous figure (or the sentence start) to this one
    after: str  # from this figure to the next (or the sentence end)
    prefix: str  # the sentence up to the figure
    sentence: str
    context: str  # the previous two sentences
    wide: str = ""  # sentence and context together


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; a split after a known abbreviation is undone; long runs are cut."""
    return [piece for span in _sentences(text) for piece in _cut(text, *span)]


def _cut(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A run longer than any real sentence, cut at spaces, so the work stays linear."""
    while end - start > MAX_SENTENCE:
        space = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = space if space > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
    yield start, end


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        piece = text[start : match.start()]
        if piece.rstrip().endswith(ABBREVIATIONS) or not piece.strip():
            continue
        spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def extract(text: str, published: date | None = None) -> list[Claim]:
    """Every China–Russia figure in a text, in reading order."""
    return scan(text, published)[0]


def scan(
    text: str, published: date | None = None, limit: int | None = MAX_CLAIMS
) -> tuple[list[Claim], list[Skipped]]:
    """The China–Russia figures of a text, and the quantities found but not checked, with why.

    At most `limit` claims (None: no limit); the figures after them are listed as skipped.
    """
    claims: list[Claim] = []
    skipped: list[Skipped] = []
    plain = text.translate(APOSTROPHES)
    spans = sentences(plain)
    carried: Period | None = None
    for index, (start, end) in enumerate(spans):
        sentence = plain[start:end]
        quote = text[start:end].strip()
        context = " ".join(plain[s:e] for s, e in spans[max(0, index - 2) : index])
        found_here, here, last = _read(sentence, context, carried, published)
        for claim in found_here:
            moved = replace(claim, start=claim.start + start, end=claim.end + start, quote=quote)
            if limit is not None and len(claims) >= limit:
                skipped.append(_skip(moved, f"over the limit of {limit} figures checked per text"))
                continue
            expanded = _expand(moved)
            if isinstance(expanded, Skipped):
                skipped.append(expanded)
            else:
                claims.extend(expanded[: None if limit is None else limit - len(claims)])
        skipped.extend(
            replace(k, start=k.start + start, end=k.end + start, quote=quote if k.quote else "")
            for k in here
        )
        if last is not None:  # a period that needs a date not given ends the one carried
            carried = None if last.relation == "unresolved" else last
    return claims, sorted(skipped, key=lambda k: k.start)


def _read(
    sentence: str, context: str, carried: Period | None, published: date | None
) -> tuple[tuple[Claim, ...], tuple[Skipped, ...], Period | None]:
    """One sentence's claims, the quantities it holds that are not claims, and the last
    period it names."""
    found = periods.find(sentence, published)
    dated = [
        f
        for f in found
        if f.period.relation not in ("now", "on") and not periods.after_comparison(sentence, f)
    ]  # a comparison base ("compared to the first half of 2021") is not carried on
    here: list[Skipped] = []
    claims = [
        *_sentence_claims(sentence, context, found, carried, published, here),
        *_timing(sentence, context, found),
    ]
    last = dated[-1].period if dated else None
    return tuple(sorted(claims, key=lambda c: c.start)), tuple(here), last


def _skip(claim: Claim, reason: str) -> Skipped:
    return Skipped(
        claim.start, claim.end, claim.text, reason, True, claim.quote, claim.value, claim.unit
    )


def _expand(claim: Claim) -> list[Claim] | Skipped:
    """'Since 2018 … about $100 billion': one claim per full year, over at most MAX_YEARS."""
    if claim.period is None or not claim.period.years:
        return [claim]
    years = claim.period.years
    if len(years) > MAX_YEARS:
        return _skip(
            claim,
            f"'since {years[0]}' spans {len(years)} years; figures are checked year by year "
            f"over at most {MAX_YEARS}",
        )
    return [replace(claim, period=periods.resolve("year", (str(y),), None)) for y in years]


def _sentence_claims(
    sentence: str,
    context: str,
    found: list[periods.Found],
    carried: Period | None,
    published: date | None,
    skipped: list[Skipped],
) -> Iterator[Claim]:
    """The claims of one sentence; the quantities it holds that are not claims go to skipped."""
    figures = quantities.find(sentence)
    found = [f for f in found if not _dates_a_start(sentence, f)]
    wide = sentence + " " + context
    attribution = _attribution(sentence)
    reporter = _reporter(sentence)
    last: tuple[str, str, str] | None = None  # the indicator, economy and unit of the last claim
    fell = False  # the last growth rate of the sentence was a fall
    pair: tuple[str, Period | None, str] | None = None  # the last claim, its period and where
    for i, quantity in enumerate(figures):
        previous = figures[i - 1].end if i else 0
        following = figures[i + 1].start if i + 1 < len(figures) else len(sentence)
        around = Around(
            sentence[previous : quantity.start],
            sentence[quantity.end : following],
            sentence[: quantity.start],
            sentence,
            context,
            wide,
        )
        if i and _conversion(figures[i - 1], quantity, sentence):
            reason = "the writer's conversion of the figure before it into dollars"
            skipped.append(_skipped(quantity, reason, True, sentence))
            continue
        reason = _no_level(quantity, around)
        if reason:
            skipped.append(_skipped(quantity, reason, True, sentence))
            continue
        if cues.BY_AMOUNT.search(around.before[-60:]) and quantity.unit not in ("percent", "ratio"):
            reason = "a change by an amount, not a level the tables hold"
            skipped.append(_skipped(quantity, reason, True, sentence))
            continue  # "increase supplies by 2 bcm": a change, not a level
        multiple = _as_growth(quantity, around)
        quantity = multiple or quantity
        own = _growth(around) if multiple else classify(quantity, around)
        indicator = _compared(last, quantity, around) or own or _elliptic(last, quantity, around)
        if indicator is not None and _doubt(indicator[0], around) and _foreign_named(around):
            indicator = None  # "The US and China said bilateral trade reached $690 billion"
        if indicator is None:
            reason, related = refusal(quantity, around)
            skipped.append(_skipped(quantity, reason, related, sentence))
            continue
        name, economy = indicator
        span = (previous, following, figures[0].start, figures[-1].end)
        period, where = _period(quantity, sentence, found, span, carried)
        period, where = _paired(pair, name, around.before, period, where)
        pair = (name, period, where)
        if multiple and period is not None and (period.years or not period.annual):
            period = None  # "doubled since 2018" is no growth over one year
        state = (
            name.startswith(STATE_INDICATORS) or name.endswith("_capacity")
        ) and not name.endswith("_yoy")
        if period is None and published is not None and state and where == "carried":
            period = periods.resolve("now", (), published)
        status = _status(name, around, period, last=following == len(sentence))
        last = (name, economy, quantity.unit)
        ahead = _ahead(period, where, published) and status == "forecast"
        if status in ("target", "forecast") and not ahead:
            period = _goal_period(quantity, sentence, found, span, period, where)
        doubt = (
            _doubt(name, around)
            or _unfinished(period, status, state, published, sentence)
            or _over_years(name, period)
            or _undated_capacity(name, period, published, sentence)
        )
        found_by = evidence.of(
            name,
            quantity.text,
            around.before,
            around.after,
            sentence,
            context,
            period,
            where,
            indicator != own,
        )
        value = _signed(quantity, name, around, fell)
        fell = value < 0 if name.endswith("_yoy") else fell
        yield Claim(
            quote=sentence.strip(),
            start=quantity.start,
            end=quantity.end,
            text=quantity.text,
            indicator=name,
            economy=economy,
            reporter=reporter if name.startswith("trade") else "",
            period=period,
            value=value,
            low=quantity.low,
            high=quantity.high,
            unit=quantity.unit,
            qualifier=_qualifier(quantity, around),
            status=status,
            attribution=attribution,
            precision=quantity.step,
            doubt=doubt,
            evidence=found_by,
        )


def _no_level(quantity: Quantity, around: Around) -> str:
    """Why a quantity is no level the tables hold (a difference from a plan, a first stage's
    volume), or ''."""
    if quantity.unit != "percent" and cues.ABOVE_PLAN.search(around.after):
        return "a difference from a contract or plan, not a level the tables hold"
    if quantity.unit in GAS_UNITS and cues.INITIAL.search(around.before[-40:]):
        return "a first stage's volume, not the capacity or a year's flow"
    return ""


def _dates_a_start(sentence: str, when: periods.Found) -> bool:
    """A period just after a start word ("the pipeline launched in 2019", "запущенному в 2019
    г."): the date of a launch, not the period of a figure."""
    before = sentence[max(0, when.start - 25) : when.start]
    return any(
        not re.search(r"[\d,;，；]", before[m.end() :]) for m in cues.STARTED.finditer(before)
    )


def _compared(
    last: tuple[str, str, str] | None, quantity: Quantity, around: Around
) -> tuple[str, str] | None:
    """'28 % of …, compared with just 2 % in 2013': the same measure as the figure before it
    (the last claim of the sentence: indicator, economy, unit), when the units agree."""
    if last is None or last[2] != quantity.unit or not cues.COMPARED_TO.search(around.before[-40:]):
        return None
    return last[0], last[1]


def _paired(
    pair: tuple[str, Period | None, str] | None,
    name: str,
    between: str,
    period: Period | None,
    where: str,
) -> tuple[Period | None, str]:
    """A growth rate and the level it reached, written one after the other, share the
    period written next to the first ("… in 2018 by 27.1 %, exceeding $107 billion, and in
    2019 by 3.4 %, to $110.75 billion"), unless a comparison separates them."""
    if pair is None or where == "own":
        return period, where
    last, last_period, last_where = pair
    if last_where != "own" or last_period is None or last == name:
        return period, where
    if cues.COMPARED.search(between) or cues.OTHER_CLAUSE.search(between):
        return period, where
    if last.removesuffix("_yoy") != name.removesuffix("_yoy"):
        return period, where
    return last_period, "own"


def _elliptic(
    last: tuple[str, str, str] | None, quantity: Quantity, around: Around
) -> tuple[str, str] | None:
    """A percentage after a growth rate, its verb left out: its own stretch names another
    flow ("exports fell 9 %, imports from Russia 5 %", "экспорт — на 9%, импорт — на 5%"),
    or says "by" after a growth verb earlier in the sentence: a growth rate too."""
    if last is None or quantity.unit != "percent" or cues.has(cues.SHARE, around.before):
        return None
    grown = last[0].endswith("_yoy") or cues.GROWTH.search(around.prefix) is not None
    if grown and (cues.has(cues.TRADE, around.before) or PERIOD_ONLY.fullmatch(around.before)):
        return _growth(around)  # "2022年增幅近30%,2023年26%", "30 % in 2022 and 26 % in 2023"
    if BY_END.search(around.before) and cues.GROWTH.search(around.prefix):
        return _growth(around)  # "rose 20 % in 2017, to $84 billion, in 2018 by 27 %"
    return None


def _as_growth(quantity: Quantity, around: Around) -> Quantity | None:
    """'Rose 1.5 times', 'boosted 1.5-fold', 'doubled', 'вырос в 1,5 раза': growth of
    (x − 1) × 100 %, stated roughly."""
    if quantity.unit != "ratio":
        return None
    verb = quantity.text.lower() in ("doubled", "tripled")
    grown = cues.GROWN_BY.search(around.before[-80:]) or cues.MORE_THAN_YEAR.match(around.after)
    if not verb and not grown:
        return None
    value = (quantity.value - 1) * 100
    return replace(quantity, unit="percent", value=value, step=0.0, rough=True)


def _unfinished(
    period: Period | None, status: str, state: bool, published: date | None, sentence: str
) -> str:
    """A figure reported for a period that had not ended when the text was published ("a
    record $245 billion in 2025" in August 2025) is misdated or a forecast: not checked,
    unless the sentence says it is one ("is expected to reach …")."""
    if period is None or published is None or state or status != "reported":
        return ""
    if cues.FORECAST.search(sentence) or cues.TARGET.search(sentence):
        return ""
    if period.end < published:
        return ""
    return f"the period {period.label} had not ended when the text was published"


def _over_years(indicator: str, period: Period | None) -> str:
    """A growth rate over several years ("grew 64 % between 2021 and 2023") is no
    year-on-year rate."""
    if not indicator.endswith("_yoy") or period is None:
        return ""
    if period.end.year == period.start.year:
        return ""
    return f"a change over {period.label}, not over one year: not compared"


def _undated_capacity(
    indicator: str, period: Period | None, published: date | None, sentence: str
) -> str:
    """A capacity being raised ("from 38 to 44 bcm a year") with no period in a text with no
    date: which of the two is in force is not resolved (a design capacity alone stands)."""
    if not indicator.endswith("_capacity") or period is not None or published is not None:
        return ""
    if not cues.UPLIFT.search(sentence):
        return ""
    return "no date stated or published: which capacity is in force, before or after the raise"


def _doubt(indicator: str, around: Around) -> str:
    """A trade or settlement figure of a sentence that does not name both China and Russia
    ("bilateral trade reached $80 billion", "China's exports fell 4.6 %") is found, not
    checked: which countries it is about is not resolved."""
    if indicator.startswith(("trade_cn", "trade_total", "settlement")) and not _is_bilateral(
        around
    ):
        return "China and Russia are not both named: which countries it is about is not resolved"
    if indicator.startswith("gas_pos_flow") and not cues.has(cues.POS, around.wide):
        return (
            "the pipeline is not named: Russian pipeline gas to China is the Power of Siberia's"
            " (the only route built), so the route is inferred, not read"
        )
    if indicator == "gas_pos_capacity" and _route(around) is None:
        return (
            "the pipeline is not named: 38 bcm a year is the Power of Siberia's design capacity,"
            " so comparing it would only restate it"
        )
    return ""


def _unnamed_design(quantity: Quantity, around: Around) -> tuple[str, str] | None:
    """'Its export capacity is 38 bcm a year' with no pipeline named: the Power of Siberia's
    design capacity, found (not checked: which pipeline is inferred from the figure itself),
    when the passage is about gas and names no other route or country."""
    if quantity.unit == "Mt" or abs(quantity.value - POS_DESIGN) > 0.05:
        return None
    yearly = quantity.unit == "bcm/yr" or _in_clause(cues.CAPACITY, around)
    yearly = yearly or cues.ANNUAL.search(around.before[-40:]) is not None
    others = (cues.OTHER_COUNTRY, cues.POS2, cues.FAR_EAST, cues.ALL_ROUTES, cues.DAILY)
    if not yearly or any(cues.has(p, around.wide) for p in others):
        return None
    return "gas_pos_capacity", "CHN-RUS"


POS_DESIGN = 38.0  # bcm a year


def _conversion(before: Quantity, quantity: Quantity, sentence: str) -> bool:
    """'Trade of 1.74 trillion yuan ($237 billion)': dollars in brackets after another
    currency, converted by the writer (a GDP's conversion is the statistics office's own)."""
    between = sentence[before.end : quantity.start]
    other = before.unit in ("CNY bn", "RUB bn") and not cues.has(cues.GDP, sentence)
    return other and quantity.unit == "USD bn" and bool(cues.CONVERSION.search(between))


def _skipped(quantity: Quantity, reason: str, related: bool, sentence: str) -> Skipped:
    quote = sentence.strip() if related else ""
    q = quantity
    return Skipped(q.start, q.end, q.text, reason, related, quote, q.value, q.unit)


def _timing(sentence: str, context: str, found: list[periods.Found]) -> Iterator[Claim]:
    """'The Power of Siberia began operating in December 2019': a date, checked as such."""
    if not (cues.has(cues.STARTED, sentence) or cues.has(cues.FULL_CAPACITY, sentence)):
        return
    about_pos = (
        cues.has(cues.POS, sentence)
        or (cues.has(cues.POS, context) and cues.has(cues.GAS_FLOW, sentence))
        or _first_russian_pipeline_gas(sentence, context)
    )
    unnamed = not about_pos and _unnamed_pipeline(sentence, context)
    if not (about_pos or unnamed) or cues.has(cues.POS2, sentence):
        return
    dated = [f for f in found if f.period.relation in ("", "on", "by") and not f.period.years]
    pairs = [
        (distance, indicator, when, verb)
        for indicator, pattern in (
            ("gas_pos_full_capacity_date", cues.FULL_CAPACITY),
            ("gas_pos_start_date", cues.STARTED),
        )
        for verb in pattern.finditer(sentence)
        if not cues.WHOLE_LINE.search(sentence[max(0, verb.start() - 12) : verb.end() + 25])
        for when in dated
        if (distance := _date_distance(verb, when)) is not None
    ]
    if pairs:
        _, indicator, when, verb = min(pairs, key=lambda p: p[0])
        clause = re.split(r"[,;，；]|\band\b", sentence[: verb.start()])[-1] + verb.group()
        ahead = any(p.search(clause) for p in (cues.FORECAST, cues.PLANNED, cues.DATE_AHEAD))
        yield Claim(
            quote=sentence.strip(),
            start=when.start,
            end=when.end,
            text=sentence[when.start : when.end],
            indicator=indicator,
            economy="CHN-RUS",
            reporter="",
            period=_late_in_year(sentence, when),
            value=math.nan,
            low=None,
            high=None,
            unit="date",
            qualifier="exact",
            status="forecast" if ahead else "reported",
            attribution=_attribution(sentence),
            precision=0.0,
            doubt=UNNAMED_DATE if unnamed else "",
        )  # one date per sentence: reaching full capacity is not also a start


UNNAMED_DATE = "the pipeline is not named (it may be the Power of Siberia): the date is not checked"


def _unnamed_pipeline(sentence: str, context: str) -> bool:
    """'The pipeline will start supplying China on 1 December 2019', '該管道': a pipeline
    referred to, not named, in a passage about Russian or Chinese gas naming no other route
    or country."""
    wide = sentence + " " + context
    return (
        (cues.has(cues.PIPELINE, sentence) or cues.has(cues.PIPELINE_BACK, sentence))
        and cues.has(cues.GAS, wide)
        and (
            cues.has(cues.RUSSIA, wide)
            or cues.has(cues.CHINA, wide)
            or cues.has(cues.TO_CHINA, wide)
        )
        and not any(
            cues.has(p, wide)
            for p in (cues.POS2, cues.FAR_EAST, cues.OTHER_COUNTRY, cues.ALL_ROUTES)
        )
    )


def _first_russian_pipeline_gas(sentence: str, context: str) -> bool:
    """'Pipeline deliveries of Russian gas to China began in December 2019': the start of
    Russian pipeline gas to China is the Power of Siberia's (the only such route built), when
    no other route or country is named in the sentence or the two before it."""
    wide = sentence + " " + context
    return (
        cues.has(cues.PIPELINE, sentence)
        and cues.has(cues.GAS, sentence)
        and cues.has(cues.RUSSIA, sentence)
        and cues.has(cues.TO_CHINA, sentence)
        and cues.BEGAN.search(sentence) is not None
        and not any(cues.has(p, wide) for p in (cues.POS2, cues.FAR_EAST, cues.OTHER_COUNTRY))
    )


LATE_IN_YEAR = re.compile(r"(?:\blate|\bend of|\bend-|\bв конце)\s*$", re.IGNORECASE)


def _late_in_year(sentence: str, when: periods.Found) -> periods.Period:
    """'Began in late 2019', 'в конце 2019 года': a start dated to the year's last quarter."""
    period, before = when.period, sentence[max(0, when.start - 16) : when.start]
    if not (period.label.isdigit() and LATE_IN_YEAR.search(before)):
        return period
    last_quarter = period.end.replace(month=10, day=1)
    return periods.Period(f"Oct–Dec {period.label}", last_quarter, period.end)


# a clause break, or a first level ("started at 4.1 bcm in 2020", "began with 5 bcm")
DATE_GAP = re.compile(r"[,;，；]|^\s*(?:at|with|from|на уровне|с)\s+\d", re.IGNORECASE)


def _date_distance(verb: re.Match[str], when: periods.Found) -> int | None:
    """How far a date is from the verb it dates: after it ("started in 2019") first, then
    just before it ("in December 2019 the pipeline began"); None when too far, past a clause
    break, or past a figure ("started at 4.1 bcm in 2020": a first level, not a date)."""
    if when.start >= verb.end():
        gap = when.start - verb.end()
        return None if gap > 80 or DATE_GAP.search(verb.string[verb.end() : when.start]) else gap
    gap = verb.start() - when.end
    return 1000 + gap if 0 <= gap <= 60 else None


def classify(quantity: Quantity, around: Around) -> tuple[str, str] | None:
    """The indicator and economy a figure is about, or None when it is none of ours."""
    if quantity.unit in ("USD bn", "CNY bn"):
        return _money(around)
    if quantity.unit == "percent":
        return _percent(around)
    if quantity.unit in ("bcm", "bcm/yr", "Mt"):
        return _gas(quantity.unit, around) or _unnamed_design(quantity, around)
    gdp = _near(cues.GDP, around) is not None and not _in_sentence(cues.BLOCKER, around)
    if quantity.unit == "ratio" and gdp:
        # "China's GDP is ten times Russia's", not "1.5 times larger than in 2015"
        clause = re.split(r"[,;]|\band\b", around.after)[0]
        if re.search(r"than (?:in|a year|the|its|it)\b", clause, re.IGNORECASE):
            return None
        russia = cues.has(cues.RUSSIA, clause) and not cues.has(cues.CHINA, clause)
        china = _nearest_country(around.prefix) == "CHN"
        return ("gdp_ratio_cn_to_ru", "CHN-RUS") if china and russia else None
    return None


def _near(pattern: re.Pattern[str], around: Around) -> int | None:
    """Distance from the figure to the nearest match in its own stretch, or None."""
    if not cues.has(pattern, around.sentence):
        return None  # one cached look at the sentence spares most figures the search
    before = [len(around.before) - m.end() for m in pattern.finditer(around.before)]
    after = [m.start() for m in pattern.finditer(around.after)]
    return min([*before, *after], default=None)


def _in_sentence(pattern: re.Pattern[str], around: Around) -> bool:
    return cues.has(pattern, around.sentence)


# a comma between a figure and a period after it, when one comes just before it: the period
# after belongs to the next clause ("2015年贸易额为680亿美元,2024年达2448亿美元")
CLAUSE_BREAK = re.compile(r"[,;，；、]")
# a period written right before its figure, as Chinese does ("2015年的730亿美元")
TOUCHING = re.compile(r"\s*年?\s*(?:的|为|為|达|達|:|：)?\s*(?:约|約)?\s*")
# "than in 2013, when it was $89 billion": a comparison base that is its own figure's period
WHEN_CLAUSE = re.compile(
    r"\bwhen\b|\bкогда\b|\bat which\b|当时|當時|^\W*(?:году|года|год|г|年)?\W*$", re.IGNORECASE
)  # or only a bracket between: "than in 2022 (15.4 bcm)"
# a percentage written with its sign: a change ("(-11.7 % compared to 2024)", "+5 %")
SIGNED = re.compile(r"(?:^|[\s(（])([-−–+])\s?$")
# only a year between two figures: "…, 2023年26%", "… in 2022 and 26 %"
PERIOD_ONLY = re.compile(
    r"[\W\d]*(?:(?:in|and|в|и|году|года|г|年)\b[\W\d]*|[年和及与][\W\d]*)*", re.IGNORECASE
)
FROM_END = re.compile(r"(?:\bfrom|\bс)\s*(?:us\s?\$|\$)?$", re.IGNORECASE)
BY_END = re.compile(r"(?:\bby|\bна)\s*$", re.IGNORECASE)
# the words right after a sum that say what it is: "$9.7 billion of exports", "$5 bn in imports"
OBJECT_AFTER = re.compile(r"\s*(?:worth|in|of)\s", re.IGNORECASE)
MONEY_OR_SHARE = ("USD bn", "CNY bn", "percent")
GAS_UNITS = ("bcm", "bcm/yr", "Mt")
REFUSALS: tuple[tuple[Callable[[Quantity, Around], object], str, bool], ...] = (
    (lambda q, a: _foreign(a), "another country (or the world) is named next to it", True),
    (
        lambda q, a: q.unit in MONEY_OR_SHARE and _world(a),
        "a country's trade with the world, not China–Russia trade",
        True,
    ),
    (
        lambda q, a: _near(cues.BLOCKER, a) is not None,
        "about something the tables do not hold (investment, deals, prices, rates, tariffs)",
        False,
    ),
    (
        lambda q, a: q.unit in MONEY_OR_SHARE and _product(a),
        "one product's or sector's trade, not the total",
        True,
    ),
    (
        lambda q, a: q.unit in GAS_UNITS and cues.has(cues.DAILY, a.sentence),
        "a daily rate, not a figure for a year",
        True,
    ),
    (
        lambda q, a: q.unit == "RUB bn",
        "a ruble amount: the tables hold US-dollar series only",
        True,
    ),
    (
        lambda q, a: q.unit == "ratio",
        "a multiple: only China's GDP against Russia's is checked",
        True,
    ),
    (
        lambda q, a: q.unit in GAS_UNITS and _route(a) == "all",
        "deliveries by all routes together, not one pipeline the tables hold",
        True,
    ),
    (
        lambda q, a: q.unit in GAS_UNITS and _route(a) == "ambiguous",
        "several routes are named and none next to the figure",
        True,
    ),
    (
        lambda q, a: q.unit == "percent" and cues.has(cues.SHARE, a.sentence),
        "a share whose whole (which economy's trade) is not resolved",
        True,
    ),
    (
        lambda q, a: q.unit == "percent" and cues.has(cues.RUSSIA_WIDE, a.sentence),
        "a Russia-wide currency share (exchange, reserves), not China–Russia trade",
        True,
    ),
    (
        lambda q, a: not _is_bilateral(a),
        "China and Russia are not both named: a Russia-wide or China-wide figure",
        True,
    ),
)
TOPICS = (
    cues.TRADE,
    cues.GDP,
    cues.GAS,
    cues.POS,
    cues.POS2,
    cues.FAR_EAST,
    cues.ALL_ROUTES,
    cues.SETTLEMENT,
    cues.SHARE,
)


def refusal(quantity: Quantity, around: Around) -> tuple[str, bool]:
    """Why a quantity is not a checkable China–Russia figure, and whether it is related."""
    topical = any(cues.has(p, around.sentence) for p in TOPICS)
    if not topical:
        return "no indicator the project holds is named next to it", False
    for applies, reason, related in REFUSALS:
        if applies(quantity, around):
            return reason, related
    return "the indicator, economy or direction is not resolved", True


def _is_bilateral(around: Around) -> bool:
    """Both countries named in the sentence (a reporter such as "China's customs" does not
    count); a sentence naming one of them is about that one ("China's exports fell 4.6 %")
    unless it names a partner flow ("our trade with China", "trade with Russia, China's
    customs said": the other side named as reporter or before); a sentence naming neither
    takes both from the two sentences before."""
    sentence = _without_reporters(around.sentence)
    if cues.has(cues.PAIR, sentence):
        return True
    china, russia = cues.has(cues.CHINA, sentence), cues.has(cues.RUSSIA, sentence)
    context = around.context
    if china and russia:
        return True
    if cues.has(
        cues.WEAK_PAIR, sentence
    ):  # "bilateral trade": China or Russia, and no other, named
        named = china or russia or cues.has(cues.CHINA, context) or cues.has(cues.RUSSIA, context)
        return named and not cues.has(cues.OTHER_COUNTRY, around.wide)
    if china or russia:
        other = cues.RUSSIA if china else cues.CHINA
        named = cues.has(other, context) or cues.has(other, around.sentence)
        return named and cues.has(cues.PARTNER_FLOW, sentence)
    return cues.has(cues.PAIR, context) or (
        cues.has(cues.CHINA, context) and cues.has(cues.RUSSIA, context)
    )


@lru_cache(maxsize=256)
def _without_reporters(sentence: str) -> str:
    return cues.RUS_REPORTER.sub(" ", cues.CHN_REPORTER.sub(" ", sentence))


def _foreign_named(around: Around) -> bool:
    """Another country named anywhere in the sentence."""
    return _in_sentence(cues.OTHER_COUNTRY, around)


def _foreign(around: Around) -> bool:
    """Another country (or the world) named in the figure's own clause: from the last
    clause break before it ("Japan's trade with Russia fell 30% to $15 billion") to the
    next comma after it."""
    if not (
        cues.has(cues.OTHER_COUNTRY, around.sentence) or cues.has(cues.OTHER_SCOPE, around.sentence)
    ):
        return False
    clause = re.split(r"[,;]|\b(?:and|while|but|whereas)\b", around.prefix)[-1]
    stretch = clause + " " + around.after.split(",")[0]
    return bool(cues.OTHER_COUNTRY.search(stretch) or cues.OTHER_SCOPE.search(stretch))


def _foreign_country(around: Around) -> bool:
    """Another country (not the world) named in the figure's own clause."""
    if not cues.has(cues.OTHER_COUNTRY, around.sentence):
        return False
    clause = re.split(r"[,;]|\b(?:and|while|but|whereas)\b", around.prefix)[-1]
    return bool(cues.OTHER_COUNTRY.search(clause + " " + around.after.split(",")[0]))


def _money(around: Around) -> tuple[str, str] | None:
    blocker = _near(cues.BLOCKER, around)
    trade = _near(cues.TRADE, around)
    gdp = _near(cues.GDP, around)
    if gdp is None and trade is None and blocker is None and _in_sentence(cues.GDP, around):
        gdp = len(around.before)
    if gdp is None and trade is None and blocker is None and _gdp_topic_before(around):
        gdp = len(around.before)  # "Russia's GDP was $2.2 trillion. China was second ($17.9 …)"
    if gdp is not None and (trade is None or gdp < trade) and (blocker is None or gdp < blocker):
        return _gdp(around)
    if _foreign(around) or _world(around) or _product(around) or _blocked_before(around):
        return None
    if cues.PER_TIME.search(around.after[:24]) or cues.PER_TIME_BEFORE.search(around.before[-24:]):
        return None  # "$12 billion per month": a rate, not a period's total
    if blocker is not None and (trade is None or blocker < trade):
        return None
    if trade is None and not _in_sentence(cues.TRADE, around):
        # "In 2017, it surged … to $84.07 bln": the topic was set by the sentence before;
        # not when that sentence names flows ("$40 bn one way and $30 bn the other")
        if not cues.has(cues.TRADE, around.context) or _in_sentence(cues.GDP, around):
            return None
        if cues.has(cues.FLOWS, around.context) and not cues.has(cues.FLOWS, around.sentence):
            return None
    direction = _direction(around)
    return None if direction is None else (direction, "CHN-RUS")


def _blocked_before(around: Around) -> bool:
    """No cue in the figure's own stretch, and the last one before it in the sentence is about
    something the tables do not hold, or its trade word is bound to one ("The trade surplus …
    grew 3.5 times, reaching $16.7 billion", "профицит торговли")."""
    if not cues.has(cues.BLOCKER, around.sentence):
        return False
    if cues.TRADE.search(around.before) or cues.BLOCKER.search(around.before):
        return False
    traded = [m.start() for m in cues.TRADE.finditer(around.prefix)]
    since = max(traded) - 20 if traded else 0
    return cues.BLOCKER.search(around.prefix, max(0, since)) is not None


def _gdp(around: Around) -> tuple[str, str] | None:
    """Whose GDP: the country named nearest before it ("the world's economies" and "the World
    Bank" are no other country; "our GDP" takes the one country named just before)."""
    stretch = around.before + " " + around.after.split(",")[0]
    if cues.OTHER_COUNTRY.search(stretch) or _in_sentence(cues.PPP, around):
        return None  # the tables hold GDP at market exchange rates
    clause = re.split(r"[;，；]|,(?!\d)", around.prefix)[-1]
    if cues.SUBNATIONAL.search(around.before + " " + clause) or _subnational_before(around):
        return None  # "Guangdong ended 2015 with a GDP of $1.125 trillion"
    economy = _nearest_country(around.before) or _nearest_country(around.prefix)
    if economy is None and not cues.has(cues.OTHER_COUNTRY, around.context):
        china, russia = cues.has(cues.CHINA, around.context), cues.has(cues.RUSSIA, around.context)
        economy = ("CHN" if china else "RUS") if china != russia else None
    if economy is None and not cues.has(cues.OTHER_COUNTRY, around.wide):
        economy = _economy_of_currency(around.sentence)
    return None if economy is None else ("gdp", economy)


def _gdp_topic_before(around: Around) -> bool:
    """A sentence naming no topic after one about GDP (and not trade): it goes on about GDP."""
    if any(_in_sentence(p, around) for p in (cues.TRADE, cues.GDP, cues.BLOCKER, cues.GAS)):
        return False
    return cues.has(cues.GDP, around.context) and not cues.has(cues.TRADE, around.context)


def _subnational_before(around: Around) -> bool:
    """A province or city named earlier in the sentence, and no country after it ("Province
    Guangdong finished 2015 with 7.3 trillion yuan, or $1.1 trillion")."""
    ends = [m.end() for m in cues.SUBNATIONAL.finditer(around.prefix)]
    if not ends:
        return False
    rest = around.prefix[ends[-1] :]
    return not (cues.has(cues.CHINA, rest) or cues.has(cues.RUSSIA, rest))


def _economy_of_currency(sentence: str) -> str | None:
    """'The country's GDP came in at 126 trillion yuan ($17.7 trillion)': a GDP stated in
    yuan is China's, in rubles Russia's, when no country is named."""
    yuan, ruble = cues.YUAN_VALUE.search(sentence), cues.RUBLE_VALUE.search(sentence)
    if bool(yuan) == bool(ruble):
        return None
    return "CHN" if yuan else "RUS"


def _world(around: Around) -> bool:
    """'Russia's total foreign trade reached $681 billion': trade with the world, unless a
    partner follows ("Russia's foreign trade with China")."""
    for found in cues.WORLD_TRADE.finditer(around.before):
        rest = around.before[found.end() :]
        if not cues.BILATERAL_AFTER.search(rest) and not cues.PAIR.search(rest):
            return True
    return False


def _product(around: Around) -> bool:
    """'Chinese car exports to Russia hit $20 billion': one product's trade, nearest cue."""
    if cues.PRODUCT_AFTER.search(around.after):
        return True
    named = [
        p
        for p in (cues.PRODUCT_FLOW, cues.PRODUCT_BEFORE, cues.PRODUCT_RU_ZH)
        if _in_sentence(p, around)
    ]  # the subject may be named before an earlier figure ("oil exports rose 24 % to $60 bn")
    flows = [m for p in named for m in p.finditer(around.prefix)]
    if not flows:
        return False
    rest = around.prefix[max(m.end() for m in flows) :]
    later = re.split(r"[,;，；]|\b(?:and|while|but|и|а)\b", rest, maxsplit=1)[1:]
    # another flow named in a later clause is its own ("…, while China's exports to Russia")
    return not (
        cues.TOTAL.search(rest) or cues.PAIR.search(rest) or later and cues.FLOWS.search(later[0])
    )


def _direction(around: Around) -> str | None:
    """Exports, imports or the total: the nearest such words before the figure, else after;
    None when a bare "imports" or "exports" comes after them ("…, while imports grew 47%")."""
    clause = re.split(r"[,;…]|\.\s", around.after)[0]
    if OBJECT_AFTER.match(clause):  # "$9.7 billion of Russia's exports to China"
        for indicator, pattern in cues.DIRECTIONS:
            if pattern.search(clause):
                return indicator
        if cues.BARE_FLOW.search(clause[:30]):
            return None  # "$129 billion in exports": whose is not said
    respective = _respective(around)
    if respective is not None:
        return respective
    china_first = _first_country(around.sentence) == "CHN"
    verbs = (
        ("trade_cn_exports_to_ru" if china_first else "trade_cn_imports_from_ru", cues.EXPORTED),
        (
            "trade_cn_imports_from_ru" if china_first else "trade_cn_exports_to_ru",
            cues.IMPORTED_VERB,
        ),
    )
    hits = [
        (m.start(), m.end(), indicator)
        for indicator, pattern in (*cues.DIRECTIONS, *verbs, ("trade_total", cues.TOTAL))
        if _in_sentence(pattern, around)  # one cached look at the sentence spares the rest
        for m in pattern.finditer(around.prefix)
    ]
    bare = (
        list(cues.BARE_FLOW.finditer(around.prefix)) if _in_sentence(cues.BARE_FLOW, around) else []
    )
    if bare and (not hits or bare[-1].start() >= max(end for _, end, _ in hits)):
        return _counterpart(bare[-1].group(), hits, around)  # "Exports grew 5 %": whose?
    if hits:
        return max(hits)[2]
    for indicator, pattern in cues.DIRECTIONS:
        if pattern.search(clause):
            return indicator
    return "trade_total"


# two flows named together, seen from one country: "China's exports and imports",
# "экспорт и импорт КНР", "中国出口和进口"
FLOW_PAIR = re.compile(
    r"(?P<who1>china(?:'s|’s)?|chinese|russia(?:'s|’s)?|russian)?\s*"
    r"(?P<first>exports?|imports?|экспорт\w*|импорт\w*|出口|[进進]口)\s*(?:and|и|和|与|及|、)\s*"
    r"(?P<second>exports?|imports?|экспорт\w*|импорт\w*|出口|[进進]口)"
    r"(?:\s+(?P<who2>кнр|китая|россии|рф|of china|of russia))?",
    re.IGNORECASE,
)


def _respective(around: Around) -> str | None:
    """'Exports and imports of China fell 8.5 and 7.7 %, respectively', "Russia's exports to
    China hit $21.5 bn, while imports were $20.1 bn, up 1.4 % and 2.5 %, respectively": the
    first of two figures paired with the first flow named, the second with the second."""
    if not _in_sentence(cues.RESPECTIVELY, around):
        return None
    after = cues.RESPECTIVELY.search(around.sentence, len(around.prefix))
    if not (after or cues.RESPECTIVELY.search(around.prefix[-16:])):  # "分别增长33%和38%"
        return None
    if LIST_JOIN.fullmatch(around.after):
        turn = 0
    elif LIST_JOIN.fullmatch(around.before):
        turn = 1
    else:
        return None
    pairs = list(FLOW_PAIR.finditer(around.prefix))
    who = (pairs[-1].group("who1") or pairs[-1].group("who2") or "").lower() if pairs else ""
    if who:
        pair = pairs[-1]
        china = who.startswith(("chin", "кнр", "кита", "of china"))
        word = pair.group("first" if turn == 0 else "second")
        kind = cues.FLOW_KIND.search(word)
        exports = kind is not None and kind.lastgroup == "exports"
        return "trade_cn_exports_to_ru" if exports == china else "trade_cn_imports_from_ru"
    named = sorted(
        (m.start(), indicator)
        for indicator, pattern in cues.DIRECTIONS
        for m in pattern.finditer(around.prefix)
    )
    bare = list(cues.BARE_FLOW.finditer(around.prefix))
    if not named or not bare or bare[-1].start() < named[-1][0]:
        return None
    first = named[-1][1]  # "Russia's exports to China …, while imports …"
    second = next(i for i, _ in cues.DIRECTIONS if i != first)
    kind, other = (
        cues.FLOW_KIND.search(around.prefix[named[-1][0] :]),
        cues.FLOW_KIND.search(bare[-1].group()),
    )
    if kind is None or other is None or kind.lastgroup == other.lastgroup:
        return None
    return (first, second)[turn]


LIST_JOIN = re.compile(r"\s*(?:,|and|и|和|及|与|、)\s*(?:us\s?\$|\$)?", re.IGNORECASE)


def _counterpart(word: str, hits: list[tuple[int, int, str]], around: Around) -> str | None:
    """A bare "imports" or "exports" after a flow named with its countries, in the sentence or
    the two before it: the same flow when the word is the same ("China's exports to Russia
    rose …; the total export value …"), else the other one, seen from the same country
    ("China's exports to Russia jumped 20 % …, while imports rose 31 %": China's imports;
    "Russia's exports to China hit $21 bn, while imports were $20 bn": Russia's imports).
    None when no such flow is named (whose exports is not said), or when figures are paired
    with flows in turn ("respectively")."""
    listed = LIST_JOIN.fullmatch(around.after) or cues.RESPECTIVELY.search(around.after)
    if listed and cues.RESPECTIVELY.search(around.sentence, len(around.prefix)):
        return None  # "… up 1.4 % and 2.5 %, respectively": each flow in its turn
    text, named = around.prefix, sorted(hits)
    if not named:
        text = around.context
        named = sorted(
            (m.start(), m.end(), indicator)
            for indicator, pattern in cues.DIRECTIONS
            for m in pattern.finditer(text)
        )
    kinds = [
        (indicator, found.lastgroup)
        for s, e, indicator in named
        if indicator != "trade_total" and (found := cues.FLOW_KIND.search(text[s:e]))
    ]
    if not kinds:
        return None
    indicator, kind = kinds[-1]
    bare = cues.FLOW_KIND.search(word)
    if bare is not None and bare.lastgroup == kind:
        return indicator
    return next(i for i, _ in cues.DIRECTIONS if i != indicator)


def _nearest_country(text: str) -> str | None:
    china = [m.start() for m in cues.CHINA.finditer(text)]
    russia = [m.start() for m in cues.RUSSIA.finditer(text)]
    if not china and not russia:
        return None
    return "CHN" if max(china, default=-1) > max(russia, default=-1) else "RUS"


def _first_country(text: str) -> str | None:
    china = cues.CHINA.search(text)
    russia = cues.RUSSIA.search(text)
    if china is None and russia is None:
        return None
    if china is None:
        return "RUS"
    return "CHN" if russia is None or china.start() < russia.start() else "RUS"


def _percent(around: Around) -> tuple[str, str] | None:
    """Settlement share, trade share, gas share or growth: cues near the figure first."""
    clause = re.split(r"[,;]", around.after)[0]
    own = around.before + " " + clause
    for text in (own, around.sentence):
        found = _percent_in(text, around)
        if (
            found is None
            and text is own
            and cues.GROWTH.search(own)
            and not cues.has(cues.SHARE, own)
        ):
            return None  # a growth rate of something else: not a share named elsewhere
        if found is not None and found[0].startswith("trade_share"):
            return None if _foreign_country(around) else found  # a share of world trade
        if found is not None:
            return found if found[0].startswith("gas") or not _foreign(around) else None
    return None


def _percent_in(text: str, around: Around) -> tuple[str, str] | None:
    if cues.has(cues.OF_CHINA_GAS_IMPORTS, text) and cues.has(cues.SHARE, text):
        kind = "capacity" if _in_sentence(cues.CAPACITY, around) else "flow"
        pos = cues.has(cues.POS, around.wide)
        return (f"gas_pos_{kind}_share_of_cn_imports", "CHN") if pos else None
    if (
        cues.has(cues.SETTLEMENT, text)
        and cues.has(cues.CURRENCY, text)
        and not cues.has(cues.YUAN_TERMS, text)
    ):
        return _settlement(around)
    if cues.has(cues.SHARE, text):
        return _share(around)  # a share of something else is not growth ("made up")
    clause = re.split(r"[;；]|,(?!\d)", around.before)[-1][-110:]
    near = around.before[-70:] + " " + clause + " " + around.after[:45]
    growth = cues.GROWTH.search(near) or SIGNED.search(around.before)
    if growth and not re.search(r"\bfrom\s*$", around.before):
        return _growth(around)
    return None


def _settlement(around: Around) -> tuple[str, str] | None:
    """Rubles, yuan or both: the nearest currency words (ruble and yuan shares are bilateral)."""
    if cues.has(cues.RUSSIA_WIDE, around.sentence):
        return None
    clause = re.split(r"[;，；]|,(?!\d)|\band\b", around.prefix)[-1]
    if cues.WORLD_TRADE.search(clause):
        return None  # "the proportion of Russian foreign trade carried out in yuan"
    ours = [m.end() for m in cues.CURRENCY.finditer(around.before)]
    others = [m.end() for m in cues.OTHER_CURRENCY.finditer(around.before)]
    if others and max(others) > max(ours, default=-1):
        return None  # "the euro's share was about 30 %"
    hits = [(m.start(), m.lastgroup) for m in cues.CURRENCY.finditer(around.prefix)]
    clause = re.split(r"[;，；]|,(?!\d)", around.after)[0]
    later = cues.CURRENCY.search(clause)
    own = re.split(r"[;，；]|,(?!\d)|\band\b", around.before)[-1]
    if later and not cues.CURRENCY.search(own):
        hits = []  # "80 % of settlements with China use rubles and renminbi": its own words
    if not hits:
        hits = [(0, m.lastgroup) for m in cues.CURRENCY.finditer(around.after)][:1]
    if not hits:
        return None  # the currency words straddle the figure ("ruble 5.8% share")
    kind = max(hits)[1] if around.prefix and any(h[0] for h in hits) else hits[0][1]
    sentence = around.sentence
    if kind == "ruble" and cues.RU_EXPORTS.search(sentence):
        return "settlement_ruble_share_ru_exports_to_cn", "CHN-RUS"
    if kind == "yuan" and cues.RU_IMPORTS.search(sentence):
        return "settlement_yuan_share_ru_imports_from_cn", "CHN-RUS"
    names = {"both": "national_currencies", "yuan": "yuan", "ruble": "ruble"}
    return f"settlement_{names[kind or 'both']}_share", "CHN-RUS"


def _share(around: Around) -> tuple[str, str] | None:
    """Whose trade the share is of: "of China's" right after it, else the nearest
    "Russia's trade" / "China's trade"; earlier in the sentence only when it names one."""
    if cues.OTHER_CURRENCY.search(around.before):
        return None  # "the share of the US dollar and the euro in settlements"
    if cues.OF_ONE_FLOW.search(around.after) or cues.OF_ONE_FLOW_BEFORE.search(around.before):
        return None  # "27 % of Russian exports": a share of one flow is not tracked
    elliptic = cues.OF_ECONOMY.search(around.after)
    if elliptic is not None:
        return _share_of("RUS" if elliptic.group("who").lower() == "russia" else "CHN")
    for text, last in ((around.before, True), (around.after, False), (around.prefix, True)):
        hits = [
            (m.start(), economy)
            for pattern, economy in ((cues.OF_RUSSIA_TRADE, "RUS"), (cues.OF_CHINA_TRADE, "CHN"))
            for m in pattern.finditer(text)
        ]
        if text is around.prefix and len({h[1] for h in hits}) > 1:
            return None  # both named before it, neither next to it: the whole is ambiguous
        if hits:
            return _share_of(max(hits)[1] if last else min(hits)[1])
    partner = cues.PARTNER_OF.search(around.prefix)
    if partner is not None:  # "China is Russia's key trade partner, accounting for 29 %"
        return _share_of("RUS" if partner.group("who").lower() == "russia" else "CHN")
    return None


def _share_of(economy: str) -> tuple[str, str]:
    name = "cn_in_ru" if economy == "RUS" else "ru_in_cn"
    return f"trade_share_{name}_trade", economy


@lru_cache(maxsize=256)
def _yuan_first(sentence: str) -> bool:
    """The sentence states its level in yuan first ("grew 2.7 % to 1.28 trillion yuan ($180
    billion)"): its growth rates are of yuan values."""
    yuan = cues.YUAN_VALUE.search(sentence)
    dollar = cues.DOLLAR_VALUE.search(sentence)
    return yuan is not None and (dollar is None or yuan.start() < dollar.start())


def _yuan_just_before(tail: str) -> bool:
    """A yuan sum or 'in yuan terms' after the last dollar sum of the words before a rate."""
    yuan = [m.start() for p in (cues.YUAN_VALUE, cues.YUAN_NEAR) for m in p.finditer(tail)]
    dollar = [m.start() for m in cues.DOLLAR_VALUE.finditer(tail)]
    return bool(yuan) and max(yuan) > max(dollar, default=-1)


TONNES = re.compile(r"tonnes|tons|\bmt\b|тонн|吨|噸", re.IGNORECASE)
OTHER_FUEL = re.compile(
    r"原油|石油|煤|crude|\boil\b|\bcoal\b|\bLPG\b|нефт|\bугл|\bугол", re.IGNORECASE
)


def _growth(around: Around) -> tuple[str, str] | None:
    gas = _in_sentence(cues.GAS, around) or _in_sentence(cues.POS, around)
    gas = gas or _route(around) is not None  # "deliveries along this route rose 57 %"
    unit = "Mt" if TONNES.search(around.sentence) else "bcm"
    own = re.split(r"[、,，;；]|\b(?:and|и)\b", around.before)[-1]
    if gas and OTHER_FUEL.search(own) and not cues.has(cues.GAS, own):
        return None  # "gas rose 50 %, crude oil 10 %": the oil's growth
    base = _gas(unit, around) if gas else _money(around)
    if base is None or base[0] == "gdp":
        return None
    if _in_sentence(cues.YUAN_TERMS, around) or _yuan_first(around.sentence):
        return None  # growth of yuan values; the tables' growth is of dollar values
    if _yuan_just_before(around.prefix[-60:]):
        return None  # "…1.63 万亿元, down 6.5 %": the growth of the yuan sum just named
    if cues.MONTH_ON_MONTH.search(around.before[-60:] + " " + around.after[:40]):
        return None  # "15 % higher than in April": not a change over a year
    if (
        not gas
        and _in_sentence(cues.PHYSICAL, around)
        and not _in_sentence(cues.DOLLAR_VALUE, around)
    ):
        return None  # "imported 107 million tonnes of crude, 24 % more": a volume's growth
    return f"{base[0]}_yoy", base[1]


ROUTES = (
    ("pos2", cues.POS2),
    ("far_east", cues.FAR_EAST),
    ("pos", cues.POS),
    ("all", cues.ALL_ROUTES),
)


def _route(around: Around) -> str | None:
    """The pipeline a gas figure is about: the only one the sentence names, else the one in
    the figure's own stretch ("10 bcm via the Far Eastern route"); 'all' for Gazprom's total
    deliveries, 'ambiguous' when several are named and none next to the figure. A sentence
    naming none that refers back ("Its planned capacity …") takes the one route named in the
    two sentences before."""
    mentions = _route_mentions(around.sentence)
    kinds = {kind for _, _, kind in mentions}
    if (
        not kinds
        and cues.has(cues.PIPELINE_BACK, around.sentence)
        and (not cues.has(cues.CHINA, around.sentence) or cues.has(cues.TO_CHINA, around.sentence))
    ):
        before = {kind for _, _, kind in _route_mentions(around.context)}
        if RAISED_BY.search(around.prefix):
            return "all"  # "the project raises supplies to China by 10 bcm, to 48": the total
        return before.pop() if len(before) == 1 and "all" not in before else None
    if len(kinds) <= 1:
        return kinds.pop() if kinds else None
    at = len(around.prefix)
    clause = len(re.split(r"[,;(（，；、]|\band\b", around.after)[0])
    after = [
        k for s, _, k in mentions if at < s <= at + len(around.sentence) - at and s - at <= clause
    ]
    reach = at if TO_VALUE.fullmatch(around.before) else len(around.before)  # "from 38 to 44"
    own = [k for s, _, k in sorted(mentions) if at - reach <= s < at]
    if after:
        return after[0]
    return own[-1] if own else "ambiguous"


# "48 bcm a year, including the Power of Siberia contract": a total over the routes
TOTAL_INCLUDING = re.compile(r"[^.;]{0,30}?,?\s*(?:including|включая)\b", re.IGNORECASE)
RAISED_BY = re.compile(  # by an amount, not a rate ("rose by 63.4 %, to 7.5 bcm" is one route's)
    r"(?:\bby|\bна)\s+\d(?:(?!%|percent|per cent|процент)[^;]){0,40}?(?:\bto|\bдо)\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def _route_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """The routes a text names (where, and which), a longer name winning an overlap."""
    mentions: list[tuple[int, int, str]] = []
    for kind, pattern in ROUTES:
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _ in mentions):
                mentions.append((m.start(), m.end(), kind))
    return tuple(mentions)


def _pipeline(unit: str, around: Around) -> tuple[str, str] | str | None:
    """A figure about one pipeline; 'no' when it is about all routes or an unclear one."""
    text = around.sentence
    route = _route(around)
    if route in ("all", "ambiguous") or (route and cues.has(cues.DAILY, text)):
        return "no"
    if route and (_in_clause(cues.TOTAL_CAPACITY, around) or TOTAL_INCLUDING.match(around.after)):
        return "no"  # "the total capacity … could reach 48", "48, including the PoS contract"
    if route == "pos2":
        return "gas_pos2_capacity", "CHN-RUS"
    if route == "far_east":
        return "gas_far_eastern_route_capacity", "CHN-RUS"
    if route == "pos":
        capacity = _in_clause(cues.CAPACITY, around) or (
            unit == "bcm/yr" and not FLOW_YEAR.search(_clause(around)[0])
        )
        return ("gas_pos_capacity" if capacity else "gas_pos_flow"), "CHN-RUS"
    return None


# "в 2025 году будет прокачиваться 38 млрд кубометров в год": a yearly rate in a year of its
# own is that year's flow ("38 bcm a year starting in 2025" is the capacity)
FLOW_YEAR = re.compile(
    r"(?<!starting )(?<!from )(?<!since )(?<!by )(?:\bin|\bв)\s+(?:19|20)\d\d\b(?:\s*(?:году|г\.))?"
    r"|\bthis year\b|в этом году|今年"
    r"(?![^,;]*\b(?:starting|onwards|from then))",
    re.IGNORECASE,
)


def _clause(around: Around) -> tuple[str, str]:
    """The figure's own clause: from the last clause break before it to the next one after."""
    before = re.split(r"[,;，；(（]|\b(?:which|while|and|but|whereas)\b", around.before)[-1]
    after = re.split(r"[,;:，；)）：]|\b(?:which|while|and|but|whereas)\b", around.after)[0]
    return before, after


def _in_clause(pattern: re.Pattern[str], around: Around) -> bool:
    """A cue in the figure's own clause ("15.5 bcm …, which has a capacity of 38": not 15.5)."""
    if not cues.has(pattern, around.sentence):
        return False
    before, after = _clause(around)
    return pattern.search(before) is not None or pattern.search(after) is not None


def _gas(unit: str, around: Around) -> tuple[str, str] | None:
    text, wide = around.sentence, around.wide
    pipeline = _pipeline(unit, around)
    if pipeline is not None:
        return None if isinstance(pipeline, str) else pipeline
    if not (cues.has(cues.GAS, wide) and cues.has(cues.CHINA, wide)) or _near(
        cues.CAPACITY, around
    ):
        return None
    if _foreign(around) or cues.has(cues.DAILY, text) or _other_buyer(text):
        return None  # "China's LNG imports from Qatar", "daily exports hit 62.4 mcm"
    if cues.CONSUMPTION.search(text) and not cues.IMPORTED.search(text):
        return "gas_cn_consumption", "CHN"
    if not cues.IMPORTED.search(text):
        return None
    # a sentence naming Russia is about Russia's gas unless it says from Russia, and
    # Russia's gas to China by every route, or in tonnes, is no series of the tables
    russian = cues.has(cues.RUSSIA, text) or cues.has(cues.GAZPROM, text)
    from_russia = cues.FROM_RUSSIA.search(text) is not None
    if unit == "Mt":
        return _gas_tonnes(around, russian, from_russia)
    route = _import_route(around)
    if route is None:
        return None
    if not route:
        return _russian_pipeline_gas(unit, around) if russian else ("gas_cn_imports_total", "CHN")
    if russian and not from_russia:
        return _russian_pipeline_gas(unit, around)
    return f"gas_cn_{route}_imports{'_from_ru' if from_russia else ''}", "CHN"


def _russian_pipeline_gas(unit: str, around: Around) -> tuple[str, str] | None:
    """'The Russian company's pipeline gas exports to China grew 60 %', 'Gazprom's gas supplies
    to the Chinese market': Russian pipeline gas to China, which only the Power of Siberia
    carries until the Far Eastern route opens; found, not checked (the pipeline is inferred),
    when no LNG, other route or other country is named."""
    text = around.sentence
    if unit != "bcm" or not (cues.has(cues.PIPELINE, text) or cues.has(cues.GAZPROM, text)):
        return None
    if not (cues.has(cues.TO_CHINA, text) or cues.has(cues.CHINESE_MARKET, text)) or cues.has(
        cues.LNG, text
    ):
        return None
    others = (cues.POS2, cues.FAR_EAST, cues.ALL_ROUTES, cues.OTHER_COUNTRY)
    return None if any(cues.has(p, around.wide) for p in others) else ("gas_pos_flow", "CHN-RUS")


def _other_buyer(sentence: str) -> bool:
    """Another country named and China not ("Its largest buyer, the European Union, bought
    150 bcm"): the gas is not China's."""
    return cues.has(cues.OTHER_COUNTRY, sentence) and not cues.has(cues.CHINA, sentence)


def _import_route(around: Around) -> str | None:
    """LNG, pipeline or '' (all gas) for China's gas imports: '' when both are named together
    before it ("via pipeline and as LNG"); the one named in the figure's own clause; else ''
    for a total that lists its parts next ("13.2 bcm, including 5.5 by pipeline"); else the
    one the sentence names, or the nearest to the figure when it names both."""
    text = around.sentence
    if cues.BOTH_ROUTES.search(around.prefix):
        return ""  # "imports, via pipeline and as LNG, reached 87 Mt": all gas
    lng, pipe = cues.LNG.search(text), cues.PIPELINE.search(text)
    before, after = _clause(around)
    own = {
        kind
        for kind, p in (("lng", cues.LNG), ("pipeline", cues.PIPELINE))
        if p.search(before + after)
    }
    if len(own) == 1:
        return own.pop()
    at = len(around.prefix)
    end = text.find(around.after, at) if around.after else len(text)
    if (lng or pipe) and INCLUDING.match(text, end):
        return ""  # "94.6 bcm, including by the Central Asian pipeline": all gas, then a part
    if not (lng and pipe):
        return "lng" if lng else "pipeline" if pipe else ""
    hits = [
        (m.start() - end if m.start() >= at else at - m.end(), kind)
        for kind, pattern in (("lng", cues.LNG), ("pipeline", cues.PIPELINE))
        for m in pattern.finditer(text)
    ]
    return min(hits)[1] if hits else None


INCLUDING = re.compile(
    r"[^,;:]{0,30}?(?:[(（][^)）]{0,20}[)）])?\s*(?:[:：]|[,，]?\s*(?:including|of which"
    r"|в том числе|из них|其中|包括))",
    re.IGNORECASE,
)


def _gas_tonnes(around: Around, russian: bool, from_russia: bool) -> tuple[str, str] | None:
    """China's gas imports in tonnes: all gas, its LNG, or its LNG from Russia. LNG in a passage
    naming Russia without "from Russia", and a figure whose own stretch names neither LNG nor
    pipelines in a sentence naming one of them, are not checked."""
    if cues.BOTH_ROUTES.search(around.prefix):
        return None if russian else ("gas_cn_imports_total_mass", "CHN")
    if cues.has(cues.LNG, around.before + around.after):
        if from_russia:
            return "gas_cn_lng_imports_from_ru_mass", "CHN"
        return (
            None
            if russian or cues.has(cues.RUSSIA, around.context)
            else ("gas_cn_lng_imports_mass", "CHN")
        )
    if _in_sentence(cues.LNG, around) or _in_sentence(cues.PIPELINE, around):
        return None
    return None if russian else ("gas_cn_imports_total_mass", "CHN")


def _own_period(
    quantity: Quantity,
    sentence: str,
    found: list[periods.Found],
    previous: int,
    following: int,
) -> Period | None:
    """The period written in the figure's own stretch: after it in the same clause first
    ("$2.05 trillion …, while in 2021 the country was 11th" is not 2021), else before it."""
    dated = [f for f in found if f.period.relation not in ("now", "on")]
    before = [
        f
        for f in dated
        if previous <= f.start
        and f.end <= quantity.start
        and not (
            periods.after_comparison(sentence, f)
            and not WHEN_CLAUSE.search(sentence[f.end : quantity.start])
        )
    ]
    rest = sentence[quantity.end : following]
    starts = _from_level(sentence[previous : quantity.start], rest)
    if starts:  # the level a change starts from: only a period inside "from …" is its own
        begun = max(m.start() for m in cues.FROM_LEVEL.finditer(sentence, previous, quantity.start))
        before = [f for f in before if f.start >= begun]
    after = [
        f
        for f in dated
        if not (starts and cues.TO_LEVEL.search(rest))  # "from $100 bn to $200 bn in 2023"
        and quantity.end <= f.start < following
        and not periods.after_comparison(sentence, f)
        and not cues.OTHER_CLAUSE.search(sentence[quantity.end : f.start])
        and not CLAUSE_BREAK.search(sentence[quantity.end : f.start])
    ]
    if before and TOUCHING.fullmatch(sentence[before[-1].end : quantity.start]):
        return before[-1].period  # "从2015年的730亿美元增至2017年的860亿美元"
    if after:
        return after[0].period
    return before[-1].period if before else None


def _period(
    quantity: Quantity,
    sentence: str,
    found: list[periods.Found],
    span: tuple[int, int, int, int],
    carried: Period | None,
) -> tuple[Period | None, str]:
    """The period written next to the figure ('own'); else one leading the sentence before its first
    figure, or trailing it after its last one with no comparison between ("exports were $110bn
    and imports $129bn in 2023", not "$244.8bn, compared with $240.1bn in 2023"); else none
    when the sentence's periods belong to its other figures or need a date not given; else
    "now" or the period carried from the sentences before.

    "On Monday" dates a release or an event, never the period a figure covers. Also says
    where the period was found: own, lead, trail, now, carried (or '' for none).
    """
    previous, following, first, last = span
    own = _own_period(quantity, sentence, found, previous, following)
    if own is not None:
        return _known(own), "own"
    if _from_level(sentence[previous : quantity.start], sentence[quantity.end : following]):
        return None, "from"  # the level a change starts from: only a period of its own
    dated = [
        f
        for f in found
        if f.period.relation not in ("now", "on") and not periods.after_comparison(sentence, f)
    ]  # a comparison base ("compared to the first half of 2021") dates no other figure
    lead = [f for f in dated if f.end <= first]
    if lead:
        return _known(lead[-1].period), "lead"
    trail = [
        f
        for f in dated
        if f.start >= last and not cues.COMPARED.search(sentence[quantity.end : f.start])
    ]
    if trail:
        return _known(trail[0].period), "trail"
    if dated:
        return None, ""
    now = [f for f in found if f.period.relation == "now"]
    if now:
        return now[0].period, "now"
    if carried is not None and carried.relation == "by":  # a deadline there is no deadline here
        return periods.whole_year(replace(carried, relation="this")), "carried"
    return carried, "carried"


def _ahead(period: Period | None, where: str, published: date | None) -> bool:
    """A forecast's own year, not before the page's ("in 2025 deliveries are expected to
    reach 38 bcm"): the year forecast, not the year the forecast was made."""
    if period is None or where not in ("own", "lead") or period.relation:
        return False
    return published is None or period.end.year >= published.year


def _goal_period(
    quantity: Quantity,
    sentence: str,
    found: list[periods.Found],
    span: tuple[int, int, int, int],
    period: Period | None,
    where: str,
) -> Period | None:
    """A goal's period: a deadline ("by 2024") of its own or leading the sentence, or a
    period written after it in its clause; not when the goal was set ("in May 2003, a task
    was set to bring trade to $20 billion in three to four years")."""
    if period is not None and period.relation == "by" and where in ("own", "lead"):
        return period
    _, following, _, _ = span
    after = _own_period(quantity, sentence, found, quantity.end, following)
    known = _known(after) if after is not None else None
    return None if known is None else periods.whole_year(known)


def _known(period: Period) -> Period | None:
    return None if period.relation == "unresolved" else period


def _qualifier(quantity: Quantity, around: Around) -> str:
    if quantity.low is not None:
        return "range"
    before = around.before[-30:]
    for name, pattern in (
        ("about", cues.ABOUT),
        ("more_than", cues.MORE_THAN),
        ("less_than", cues.LESS_THAN),
    ):
        if pattern.search(before):
            return name
    return "about" if quantity.rough else "exact"


def _from_level(before: str, after: str) -> bool:
    """The figure a change starts from: "from" before it and "to" after it, or "from" just
    before it ("fell to $106 billion in 2020 from $111 billion a year earlier")."""
    if not cues.FROM_LEVEL.search(before[-24:]):
        return False
    return bool(cues.TO_LEVEL.search(after) or FROM_END.search(before[-12:]))


def _status(indicator: str, around: Around, period: Period | None, last: bool) -> str:
    """Planned, forecast, target or reported: the words in the figure's own clause (up to
    the next figure's clause, whose verb is its own: "… 22.7 bcm in 2023 and will reach 38")."""
    split = r"[,;]" if last else r"[,;]|\b(?:and|while|but|which)\b"
    stretch = around.before + " " + re.split(split, around.after)[0]
    if TO_VALUE.fullmatch(around.before):
        stretch = around.prefix + stretch  # "raise … from 38 to 44 bcm": the verb before both
    if indicator.endswith("_capacity") or indicator.startswith(("gas_pos2", "gas_far")):
        planned = cues.PLANNED.search(stretch) or indicator.startswith(("gas_pos2", "gas_far"))
        if indicator == "gas_pos_capacity" and FROM_VALUE.search(around.before):
            return "reported"  # "raised from 38 to 44 bcm": 38 is the capacity in force
        if planned and indicator == "gas_pos_capacity" and not cues.UPLIFT.search(stretch):
            return "forecast"  # "will reach its design capacity of 38 bcm": the design, ahead
        return "planned" if planned else "reported"
    if cues.FORECAST.search(stretch):
        return "forecast"
    if _from_level(around.before, around.after):
        return "reported"
    if cues.TO_LEVEL_END.search(around.before) and cues.TARGET.search(around.prefix):
        return "target"  # "agreed to raise trade from $107 billion to $200 billion"
    if (period is not None and period.relation == "by") or cues.TARGET.search(stretch):
        return "target"
    return "reported"


TO_VALUE = re.compile(r"\s*(?:to|up to|до|增至|增加到|提高到|提升至|至)\s*", re.IGNORECASE)
FROM_VALUE = re.compile(r"(?:\bfrom|從|从|\bс)\s*(?:每年)?\s*$", re.IGNORECASE)


def _signed(quantity: Quantity, indicator: str, around: Around, fell: bool) -> float:
    """A growth rate's sign: a sign written on it, else the change it is named as right after it
    ("a 3 % decline", "25.7%的增幅"), else the nearest rise or fall word before it in its own
    stretch ("kept decreasing in 2020, by 2.9 %", "снижение … составило 0,8 %"; not a
    comparison of rates, "lower than the 20.8 % of 2017"), else just after it, else that of
    the growth rate before it in the sentence ("exports fell 9 %, imports 5 %")."""
    if not indicator.endswith("_yoy"):
        return quantity.value
    sign = SIGNED.search(around.before)
    if sign:  # "(-11.7 % compared to 2024)"
        return -quantity.value if sign.group(1) in "-−–" else quantity.value
    named = cues.CHANGE_AFTER.match(around.after)
    if named:  # "a nearly 3 % decline", "25.7%的增幅": the change the figure is named as
        fall = named.group("fall") or named.group("zhfall") or named.group("rufall")
        return -quantity.value if fall else quantity.value
    before = around.before[-80:]
    clause = re.split(r"[;；]|,(?!\d)", around.before)[-1][-110:]
    before = clause if len(clause) > len(before) else before
    if cues.THAN_BEFORE.search(before):
        before = ""  # "much lower than the 20.8 % of 2017": rates compared, not a fall
    rise = [m.end() for m in cues.UP.finditer(before)]
    fall = [m.end() for m in cues.DOWN.finditer(before)]
    if rise or fall:
        down = max(fall, default=-1) > max(rise, default=-1)
    else:
        after = around.after[:25]
        up, low = cues.UP.search(after), cues.DOWN.search(after)
        down = (
            fell
            if up is None and low is None
            else low is not None and (up is None or low.start() < up.start())
        )
    return -quantity.value if down else quantity.value


def _attribution(sentence: str) -> str:
    for pattern in cues.ATTRIBUTION:
        match = pattern.search(sentence)
        if match:
            return match.group("who").strip(" .…")
    return ""


def _reporter(sentence: str) -> str:
    china = cues.CHN_REPORTER.search(sentence)
    russia = cues.RUS_REPORTER.search(sentence)
    if bool(china) == bool(russia):
        return ""
    return "CHN" if china else "RUS"
