"""Derive data/divisions.csv from the adcodes table shipped with cpca and the
statistics bureau's 2022 code list.

Sources:
- the `cpca` package (resources/adcodes.csv: 12-digit codes of the People's
  Republic of China's administrative divisions down to county level, from the
  national statistics bureau's code list of the late 2010s);
- 国家统计局 2022年统计用区划代码 (cut-off 2022-10-31, published 2022-12-29), as
  the three tables provinces.csv, cities.csv and areas.csv (code,name,...) of
  the `china-division` package: the divisions set up or renamed since the older
  list (深圳 光明区 2018, 杭州 临平区 and 钱塘区 2021, 梁平县 → 梁平区 2016) are
  added to it. The older names stay: texts written before a change use them
  (莱芜市, merged into 济南 in 2019).

Run once at build time:

    python -m innoatlas.lexicon.build_divisions --nbs DIR   # DIR holds the three tables

The derived file keeps code, name, level (province/city/county), parent
code and the short form used in running text (重庆 for 重庆市).
"""

from __future__ import annotations

import argparse
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
# The peoples an autonomous division's name lists before its level word, each with 族 (德宏傣族
# 景颇族自治州: the short form is 德宏, with every people taken off).
_NATION = re.compile(
    "(?:(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|"
    "景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|"
    "保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族)+$"
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
    # short forms of districts of the 2022 list that are words or names of other things:
    # 光明 (光明日报, 光明网, 光明科学城), 友好 (friendly), 三元 (a battery chemistry)
    "光明",
    "友好",
    "三元",
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


# The functional areas the statistics bureau codes among a city's counties (开发区, 管理区,
# 园区: the last two digits 70-99) are not divisions; the zone lists name them.
FIRST_FUNCTIONAL_AREA = 70


def nbs_rows(folder: Path, known: set[str]) -> list[dict[str, str]]:
    """The divisions of the 2022 code list (provinces.csv, cities.csv, areas.csv in `folder`:
    2-, 4- and 6-digit codes) that `known` (6-digit codes) lacks."""
    tables = (("provinces.csv", "0000"), ("cities.csv", "00"), ("areas.csv", ""))
    raw = []
    for name, pad in tables:
        with (folder / name).open(encoding="utf-8") as fh:
            raw += [
                (r["code"] + pad, r["name"]) for r in csv.DictReader(fh) if r["name"] not in _PLACEHOLDERS
            ]
    codes = known | {c for c, _ in raw}
    rows = []
    for code, name in sorted(raw):
        if code in known or (level_of(code + "0" * 6) == "county" and int(code[4:]) >= FIRST_FUNCTIONAL_AREA):
            continue
        level = level_of(code + "0" * 6)
        parent = "" if level == "province" else code[:2] + "0000"
        if level == "county" and code[:4] + "00" in codes:
            parent = code[:4] + "00"
        rows.append(
            {"code": code, "name": name, "level": level, "parent": parent, "short": short_form(name) or ""}
        )
    return rows


# Leading '#' lines of the derived file: the lists it comes from.
HEADER = (
    "# source: 中华人民共和国县以上行政区划代码 (国家统计局), as of 2018 (莱芜市 is still a\n"
    "# city), from the cpca package's adcodes table, with the divisions of 国家统计局\n"
    "# 2022年统计用区划代码 (cut-off 2022-10-31) it lacks; derived by innoatlas.lexicon.build_divisions.\n"
)


def write_divisions(path: Path = OUT, nbs: Path | None = None) -> int:
    rows = build_rows()
    if nbs is not None:
        rows = sorted(rows + nbs_rows(nbs, {r["code"] for r in rows}), key=lambda r: r["code"])
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        writer = csv.DictWriter(fh, fieldnames=["code", "name", "level", "parent", "short"])
        writer.writeheader()
        writer.writerows(rows)
    log.info("wrote %d divisions to %s", len(rows), path)
    return len(rows)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nbs", type=Path, help="folder of the 2022 code list's three tables")
    write_divisions(nbs=parser.parse_args().nbs)
