"""Derive data/listed_companies.yaml from the stock lists of the Shanghai and Shenzhen
exchanges.

Source: 上海证券交易所 股票列表 (主板A股, 科创板) and 深圳证券交易所 A股列表, as the
exchanges publish them for download (证券代码, 证券简称). A press text names a listed
firm by its 证券简称 far more often than by its registered name (长安汽车, 亿纬锂能).

Run once at build time, on the lists saved as one CSV of code,name rows:

    python -m innoatlas.lexicon.build_listed_companies --csv FILE

Kept: A shares only (codes 60, 68, 00, 30), and names of three characters or more
that name a firm as it trades. Left out: the marks of special treatment or share class
(ST, *ST, -U, -W, a trailing A or B), which no text writes in a firm's name, and the
names that are another kind of name first: a web portal (人民网), the short form of a
zone (东湖高新). Names that are ordinary words or industries (机器人, 太阳能) are
told apart when a text is read (extract.entities.candidates).
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "listed_companies.yaml"
A_SHARE_CODES = ("60", "68", "00", "30")
_MARKS = re.compile(r"ST|-[UW]$|[ＡAＢB]$|\*|\s")
_OTHER_KINDS = re.compile(r"(?:网|高新)$")
MIN_NAME_CHARS = 3

HEADER = """# A shares listed on the Shanghai and Shenzhen exchanges, by their 证券简称 (the
# name a firm trades under, which press texts use for it). Derived by
# build_listed_companies.py from the exchanges' stock lists; see its docstring
# for what is kept and why.
source: {list: 上海证券交易所股票列表 (主板A股, 科创板); 深圳证券交易所A股列表, issuer: 上海证券交易所; 深圳证券交易所, year: 2021}
companies:
"""


def keep(code: str, name: str) -> bool:
    return (
        code[-6:].startswith(A_SHARE_CODES)
        and len(name) >= MIN_NAME_CHARS
        and not _MARKS.search(name)
        and not _OTHER_KINDS.search(name)
    )


def build(rows: list[tuple[str, str]]) -> str:
    kept = sorted({(code[-6:], name) for code, name in rows if keep(code, name)}, key=lambda r: r[0])
    return HEADER + "".join(f"  - {{code: '{code}', name: {name}}}\n" for code, name in kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, required=True, help="code,name rows of both exchanges' lists")
    args = parser.parse_args()
    with args.csv.open(encoding="utf-8") as f:
        rows = [(r[0].strip(), r[1].strip()) for r in csv.reader(f) if len(r) >= 2]
    OUT.write_text(build(rows), encoding="utf-8")


if __name__ == "__main__":
    main()
