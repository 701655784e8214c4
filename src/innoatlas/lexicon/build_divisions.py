"""Derive data/divisions.csv from the adcodes table shipped with cpca.

Source: the `cpca` package (resources/adcodes.csv: 12-digit codes of the
People's Republic of China's administrative divisions down to county level,
from the national statistics bureau's code list). Run once at build time:

    python -m innoatlas.lexicon.build_divisions

The derived file keeps code, name, level (province/city/county), parent
code and the short form used in running text (重庆 for 重庆市).
"""

from __future__ import annotations

import csv
import logging
import re
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

OUT = Path(__file__).resolve().parent / "data" / "divisions.csv"

# Longest first: the first suffix that matches is stripped for the short form.
_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "林区",
    "地区",
    "新区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
)
_NATION = re.compile(
    "(蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|"
    "景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|"
    "保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)+族$"
)
# Short forms that are ordinary words or names of other things in running text.
_BAD_SHORT = {
    "合作",
    "城区",
    "郊区",
    "矿区",
    "新区",
    "市中",
    "城中",
    "城关",
    "开发",
    "高新",
    "经济",
    "东区",
    "西区",
    "南区",
    "北区",
    "中区",
    "江北",
    "长安",
    "新华",
    "和平",
    "红旗",
    "前进",
    "友谊",
    "胜利",
    "新兴",
    "白云",
}


_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def short_form(name: str) -> str | None:
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            stem = _NATION.sub("", name[: -len(suf)]) or name[: -len(suf)]
            if len(stem) >= 2 and stem not in _BAD_SHORT:
                return stem
            return None
    return None


def level_of(code: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    if code[4:] == "0" * 8:
        return "city"
    return "county"


def build_rows() -> list[dict[str, str]]:
    src = resources.files("cpca") / "resources" / "adcodes.csv"
    with src.open(encoding="utf-8") as fh:
        raw = [(r["adcode"], r["name"]) for r in csv.DictReader(fh)]
    # Placeholder rows (市辖区, 县, 省直辖县级行政区划) are not places: counties under
    # them hang from the province.
    codes = {c for c, n in raw if n not in _PLACEHOLDERS}
    raw = [(c, n) for c, n in raw if n not in _PLACEHOLDERS]
    rows = []
    for code, name in sorted(raw):
        level = level_of(code)
        if level == "province":
            parent = ""
        elif level == "city":
            parent = code[:2] + "0" * 10
        else:
            city = code[:4] + "0" * 8
            parent = city if city in codes else code[:2] + "0" * 10
        rows.append(
            {
                "code": code[:6],
                "name": name,
                "level": level,
                "parent": parent[:6],
                "short": short_form(name) or "",
            }
        )
    return rows


# Leading '#' lines of the derived file: the list it comes from.
HEADER = (
    "# source: 中华人民共和国县以上行政区划代码 (国家统计局), as of 2018 (莱芜市 is still a\n"
    "# city), from the cpca package's adcodes table; derived by innoatlas.lexicon.build_divisions.\n"
)


def write_divisions(path: Path = OUT) -> int:
    rows = build_rows()
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        writer = csv.DictWriter(fh, fieldnames=["code", "name", "level", "parent", "short"])
        writer.writeheader()
        writer.writerows(rows)
    log.info("wrote %d divisions to %s", len(rows), path)
    return len(rows)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    write_divisions()
