"""City clusters, metropolitan areas and economic circles (中原城市群, 南京都市圈, 胶东经济圈).

The national plan names nineteen city clusters (十四五规划纲要, 2021, 第三十一章: 京津冀, 长三角,
珠三角, 成渝, 长江中游; 山东半岛, 粤闽浙沿海, 中原, 关中平原, 北部湾; 哈长, 辽中南, 山西中部, 黔中,
滇中, 呼包鄂榆, 兰州—西宁, 宁夏沿黄, 天山北坡), the NDRC approved metropolitan-area plans from
2021 on (南京, 福州, 成都, 长株潭, 西安, 重庆, 武汉, 沈阳, 杭州, 郑州, 广州, 深圳, 青岛, 济南 …),
and provinces name economic circles of their own (胶东经济圈, 鲁南经济圈). Each is written as the
places it joins, by their names or short names (兰州—西宁, 呼包鄂榆, “宜荆荆”), and the kind of
region they form: one region. A designation (某某燃料电池汽车示范城市群) is a programme, not this.
"""

from __future__ import annotations

from innoatlas.extract.entities.grammar import Candidate, starts_with_place
from innoatlas.extract.entities.patterns import pattern

_CLUSTER = pattern("city_cluster")
_QUOTED = _CLUSTER.cue("quoted_places")
_DESIGNATION = _CLUSTER.cue("designation")
_NAME_RUN = _CLUSTER.cue("name_run")
_ACTION = _CLUSTER.cue("action")
_RUN_STOP = _CLUSTER.cue("run_stop")
MAX_PLACES_CHARS = _CLUSTER.params["max_places_chars"]
MAX_OPEN_RUN = _CLUSTER.params["max_open_run"]


def city_cluster_candidates(norm: str) -> list[Candidate]:
    out = []
    for hit in _CLUSTER.trigger.finditer(norm):
        start = _places_start(norm, hit.start())
        if start is not None and not _DESIGNATION.search(norm, start, hit.start()):
            out.append(Candidate(start, hit.end(), "region", "city_cluster", _CLUSTER.priority, 0.8))
    return out


def _places_start(norm: str, kind: int) -> int | None:
    """Where the places before the kind word begin: a quoted run of short names (“宜荆荆”), or the
    longest run of name characters that opens with a place's name."""
    quoted = _QUOTED.search(norm, max(0, kind - MAX_PLACES_CHARS - 2), kind)
    if quoted is not None:
        return quoted.start()
    floor = max(0, kind - MAX_PLACES_CHARS)
    bounded = False
    for stop in _RUN_STOP.finditer(norm, floor, kind):
        floor, bounded = stop.end(), True  # after a joining word or an earlier cluster's kind
    run = norm[floor:kind]
    # 和北部湾城市群, 、关中平原城市群: a short run that a joining word or a mark opens is the places'
    # own name, though no list holds it as a place (北部湾, 长株潭, 关中)
    opened = bounded or floor == 0
    if opened and 2 <= len(run) <= MAX_OPEN_RUN and _NAME_RUN.fullmatch(run) and not _ACTION.search(run):
        return floor
    for start in range(floor, kind - 1):
        run = norm[start:kind]
        if _NAME_RUN.fullmatch(run) and starts_with_place(run) and not _ACTION.search(run):
            return start
    return None
