"""Dates in Chinese text, normalised to ISO 8601.

Policy texts date events as precisely as they know them: 2022年2月24日, 2022年8月,
2023年11月中旬 ("mid-November"), 2022年秋 ("autumn 2022"), 2022年底 ("end of 2022"),
二十世纪八十年代中期 ("the mid-1980s").  :func:`extract_dates` finds these
expressions and writes each at the precision the text allows:

- ISO 8601 reduced precision: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``;
- for vaguer expressions, the qualifiers of the Extended Date/Time Format
  (EDTF, Library of Congress), which extends ISO 8601: ``~`` for approximate
  (``2022-12~`` for 年底, ``1985~`` for the mid-1980s) and the season codes
  21–24 (``2022-23`` for autumn 2022).

Parts of a month (初 early, 中旬 mid, 下旬 late) keep the month's precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SEASON = {"春": 21, "夏": 22, "秋": 23, "冬": 24}

_PATTERNS = [
    ("day", re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")),
    ("month", re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:初|中旬|下旬|底|末)?")),
    ("season", re.compile(r"(?P<y>\d{4})\s*年\s*(?P<s>[春夏秋冬])[季天]?")),
    ("year_end", re.compile(r"(?P<y>\d{4})\s*年\s*(?P<p>底|末|初)")),
    ("decade", re.compile(r"(?P<c>十九|二十|二十一)世纪(?P<dd>[一二三四五六七八九]十)年代(?P<p>初|初期|中期|末|末期)?")),
    ("year", re.compile(r"(?P<y>\d{4})\s*年(?![\d代])")),
]


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text and its normalised value."""

    expression: str
    date: str
    start: int
    end: int


def _normalise(kind: str, match: re.Match[str]) -> str:
    if kind == "day":
        return f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"
    if kind == "month":
        return f"{match['y']}-{int(match['m']):02d}"
    if kind == "season":
        return f"{match['y']}-{_SEASON[match['s']]}"
    if kind == "year_end":
        return f"{match['y']}-12~" if match["p"] in "底末" else f"{match['y']}-01~"
    if kind == "decade":
        century = {"十九": 1800, "二十": 1900, "二十一": 2000}[match["c"]]
        decade = century + _CN_DIGIT[match["dd"][0]] * 10
        offset = {"初": 2, "初期": 2, "中期": 5, "末": 8, "末期": 8}.get(match["p"] or "")
        return f"{decade + offset}~" if offset is not None else f"{decade // 10}X"
    return match["y"]


def extract_dates(text: str) -> list[DateMention]:
    """All date expressions in *text*, most precise reading first, without overlaps."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and end > a for a, b in taken):
                continue
            taken.append((start, end))
            found.append(DateMention(match.group(0), _normalise(kind, match), start, end))
    return sorted(found, key=lambda d: d.start)


def to_year(date: str) -> float:
    """A position on a time axis (decimal year, middle of the period) for charts."""
    date = date.rstrip("~")
    if date.endswith("X"):
        return int(date[:-1]) * 10 + 5.0
    parts = [int(p) for p in date.split("-")]
    year = float(parts[0])
    if len(parts) == 1:
        return year + 0.5
    if 21 <= parts[1] <= 24:
        return year + (parts[1] - 21) * 0.25 + 0.3
    month = parts[1]
    day = parts[2] if len(parts) == 3 else 15
    return year + (month - 1) / 12 + (day - 1) / 365
