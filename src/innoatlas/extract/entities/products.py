"""Short product words that a text names only as products, not as trades.

The industry vocabulary holds short words that name a product as often as a
trade: 芯片, 机器人, 食品, 无人机. ANNOTATION.md lists an industry "used as
such", and Chinese marks that use in the words around it: a head noun of
trades after it (芯片产业, 机器人行业, 食品企业), a verb of developing a
trade before it (发展芯片, 聚焦机器人), or coordination with other trades
(芯片、半导体). A short word with none of these at any of its mentions is a
product (生产芯片2亿颗, 一台机器人), and no industry of the text. Words that
end in 业 (制造业, 软件业) name a trade by their own head, and Latin or digit
names (5G, GPT) a technology, so they stay.
"""

from __future__ import annotations

import re

from innoatlas.extract.entities.grammar import Candidate
from innoatlas.extract.entities.patterns import pattern

TRADE_USE = pattern("trade_use")
_TRADE_AFTER = TRADE_USE.trigger
_TRADE_BEFORE = TRADE_USE.cue("before")
# 芯片, 机器人: the words that name a product as often as a trade are of one to three characters.
MAX_PRODUCT_WORD_CHARS = 3
# The words before a mention that may mark its use (聚焦|芯片, 发展|机器人, 、|芯片).
BEFORE_CHARS = 3
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def product_words(norm: str, chosen: list[Candidate]) -> list[Candidate]:
    """The chosen names without the short industries no mention uses as a trade."""
    names = {norm[c.start : c.end] for c in chosen if c.type == "industry"}
    products = {name for name in names if _product_like(name) and not _ever_used_as_trade(norm, name)}
    if not products:
        return chosen
    return [c for c in chosen if not (c.type == "industry" and norm[c.start : c.end] in products)]


def _product_like(name: str) -> bool:
    return (
        len(name) <= MAX_PRODUCT_WORD_CHARS and not name.endswith("业") and not _LATIN_OR_DIGIT.search(name)
    )


def _ever_used_as_trade(norm: str, name: str) -> bool:
    """Some occurrence of the word, on its own or opening a longer one (、新能源汽车), is used as a trade."""
    start = norm.find(name)
    while start >= 0:
        end = start + len(name)
        if _TRADE_AFTER.match(norm, end) or _TRADE_BEFORE.search(norm, max(0, start - BEFORE_CHARS), start):
            return True
        if _TOPIC_FRAME.search(norm, max(0, start - 1), start) and norm.startswith("为", end):
            return True  # 以某产业为重点发展方向
        start = norm.find(name, end)
    return False


# 以…为…: the frame that names what a place makes its trade (以某产业为首要方向).
_TOPIC_FRAME = re.compile(r"以$")
