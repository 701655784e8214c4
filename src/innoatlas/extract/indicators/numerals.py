"""Numerals of Chinese news text: Arabic with multipliers (1.35万亿) and Chinese
(一千二百, 二〇二三), read to plain numbers."""

from __future__ import annotations

import re
from decimal import Decimal

from innoatlas.errors import InnoatlasError


class NumberFormatError(InnoatlasError, ValueError):
    """A string that is not a numeral this grammar can read."""


CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}
# Multipliers written after an Arabic numeral, longest first.
MULTIPLIERS = {
    "万亿": 10**12,
    "亿亿": 10**16,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
}
APPROX_TAIL = "余多来"  # 1200余人, 50多家, 十来个: all "more than" in news use except 来

# A typeset or scraped page may break a decimal before its point (增长6 .3%): one space may stand there.
# Digits grouped by threes with commas (1,819) or, as GB/T 15835-2011 allows and Hong Kong's
# government releases write, with a space (约2 000人).
ARABIC = r"\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d{1,3}(?:[ ]\d{3})+(?![\d.])|\d+(?:[ ]?\.\d+)?"
# A Chinese numeral may carry a decimal point, 点, before its multiplier (一点六亿, 十二点五).
CN_NUM = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+[万亿]*)?"
_CN_DECIMAL = re.compile(r"([零〇一二两三四五六七八九十百千]+)点([零〇一二三四五六七八九]+)([万亿]*)")


def parse_number(text: str) -> float:
    """The value of one numeral: '1,234.5', '三十八', '一千二百余', '1.6万', '1.35万亿', '两'."""
    s = text.strip().rstrip(APPROX_TAIL).replace(" ", "")
    if not s:
        raise NumberFormatError(f"not a number: {text!r}")
    m = re.fullmatch(rf"({ARABIC})((?:{'|'.join(MULTIPLIERS)})*)", s)
    if m:
        value = Decimal(m[1].replace(",", "").replace(" ", ""))
        for mult in _split_multipliers(m[2]):
            value *= MULTIPLIERS[mult]
        return as_float(value)
    decimal = _CN_DECIMAL.fullmatch(s)
    if decimal:
        value = parse_chinese(decimal[1]) + Decimal(
            "0." + str(_parse_digit_run(decimal[2], vague=False)).zfill(len(decimal[2]))
        )
        for mult in decimal[3]:
            value *= CN_BIG[mult]
        return as_float(value)
    if re.fullmatch(CN_NUM, s):
        return float(parse_chinese(s))
    raise NumberFormatError(f"not a number: {text!r}")


def _split_multipliers(s: str) -> list[str]:
    out = []
    while s:
        head = next(k for k in MULTIPLIERS if s.startswith(k))
        out.append(head)
        s = s[len(head) :]
    return out


def as_float(value: Decimal) -> float:
    return float(value.normalize()) if value != value.to_integral_value() else float(int(value))


def parse_chinese(s: str) -> int:
    """A Chinese numeral as an int: 三十八, 一千二百, 十万零一十, 一万亿, 二〇二三."""
    if all(c in CN_DIGITS for c in s):
        return _parse_digit_run(s)
    total = section = number = 0
    last_digit = False
    for ch in s:
        if ch in CN_DIGITS:
            if last_digit and number:  # 十四五: two digits in a row without a unit between
                raise NumberFormatError(f"not a number: {s!r}")
            number = CN_DIGITS[ch]
            last_digit = ch not in "零〇"
        elif ch in CN_SMALL:
            section += (number or 1) * CN_SMALL[ch]
            number, last_digit = 0, False
        elif ch == "万":
            section = (section + number or 1) * CN_BIG[ch]
            number, last_digit = 0, False
        else:  # 亿 scales everything before it (一万亿 = 10**12)
            total = (total + section + number or 1) * CN_BIG[ch]
            section = number = 0
            last_digit = False
    return total + section + number


def _parse_digit_run(s: str, vague: bool = True) -> int:
    """二〇二三 reads digit by digit; a single digit is itself. Two or more
    digits without 〇/零 (五六个, 三四家) are a vague range, not a number, except
    after a decimal point (十二点二五)."""
    if vague and len(s) > 1 and not any(c in "零〇" for c in s):
        raise NumberFormatError(f"not a number: {s!r}")
    return int("".join(str(CN_DIGITS[c]) for c in s))
