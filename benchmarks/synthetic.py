"""A synthetic but varied knowledge base, written straight through the store's bulk path.

    build_synthetic(store, documents=100_000, entities=60_000, seed=7)

Ingesting 100,000 documents takes hours on two cores (extraction runs at
about 14 documents a second a core), so the API benchmark writes rows
directly: entities with varied names (real division names from the
package's lexicon, combined with trade words and legal-form, zone and
institution suffixes), every entity's aliases, and documents whose
bodies are assembled from sentence templates naming some of those
entities, with the mentions, indicators and relations found at the spans
the templates put them. Popular entities are named more often (a Zipf-like
draw), as in news. Everything is drawn from a seeded generator: the same
arguments give the same base.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import text

PLACE_KINDS = ["高新区", "经开区", "科学城", "创新区", "产业园", "科技园", "大学城", "自贸片区"]
TRADE_WORDS = [
    "智能",
    "新材",
    "光电",
    "生物",
    "芯",
    "数据",
    "精密",
    "能源",
    "汽车",
    "医疗",
    "航天",
    "云",
    "微电子",
    "机器人",
    "储能",
    "氢能",
    "软件",
    "激光",
    "传感",
    "量子",
    "视觉",
    "环保",
    "农业",
    "物联",
    "北斗",
    "电池",
    "纳米",
    "基因",
    "网络",
    "装备",
    "半导体",
    "材料",
    "通信",
    "算力",
    "显示",
]
SECOND_WORDS = [
    "科技",
    "技术",
    "创新",
    "智造",
    "信息",
    "动力",
    "控制",
    "健康",
    "工程",
    "数字",
    "电子",
    "制造",
]
LEGAL_FORMS = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"]
UNIVERSITY_KINDS = ["理工大学", "科技大学", "师范大学", "医科大学", "工业大学", "交通大学", "职业技术学院"]
INSTITUTE_KINDS = ["研究院", "技术研究院", "产业技术研究院", "研究所"]
PLATFORM_KINDS = ["创新中心", "重点实验室", "中试基地", "工程技术研究中心", "孵化器", "众创空间"]
INVESTOR_KINDS = ["天使投资基金", "科创基金", "产业投资基金", "创业投资有限公司"]
TYPE_SHARES = [
    ("enterprise", 0.55),
    ("platform", 0.12),
    ("institute", 0.1),
    ("zone", 0.08),
    ("investor", 0.07),
    ("university", 0.05),
    ("program", 0.03),
]
METRICS = [
    ("high_tech_enterprises", "高新技术企业数量", "家", "家"),
    ("rd_spending", "研发投入", "亿元", "元"),
    ("rd_platforms", "研发平台数量", "个", "个"),
    ("tech_contract_value", "技术合同成交额", "亿元", "元"),
    ("industrial_output", "工业总产值", "亿元", "元"),
    ("patents", "发明专利授权量", "件", "件"),
    ("talent", "引进高层次人才", "人", "人"),
]
PREDICATES = ["located_in", "cooperates_with", "invests_in", "focuses_on", "part_of", "supplies"]
MULTIPLIER = {"亿元": 1e8, "家": 1, "个": 1, "件": 1, "人": 1}


def divisions() -> list[dict]:
    from innoatlas.lexicon.divisions import load_divisions

    return [
        {"code": d.code, "name": d.name, "parent": d.parent or "", "short": d.short or ""}
        for d in load_divisions().values()
    ]


def entity_names(rng: random.Random, count: int, places: list[dict]) -> list[tuple[str, str]]:
    """(name, type) of `count` distinct entities of every kind but region and industry."""
    shorts = [p["short"] or p["name"] for p in places]
    made: dict[str, str] = {}
    types = [t for t, _ in TYPE_SHARES]
    weights = [w for _, w in TYPE_SHARES]
    while len(made) < count:
        kind = rng.choices(types, weights)[0]
        place = rng.choice(shorts)
        word = rng.choice(TRADE_WORDS)
        if kind == "enterprise":
            name = f"{place}{word}{rng.choice(SECOND_WORDS)}{rng.choice(LEGAL_FORMS)}"
        elif kind == "zone":
            name = f"{place}{rng.choice(['', '东部', '西部', '南部', '北部', '临港', '滨江', '高铁'])}{rng.choice(PLACE_KINDS)}"
        elif kind == "university":
            name = f"{place}{rng.choice(['', word])}{rng.choice(UNIVERSITY_KINDS)}"
        elif kind == "institute":
            name = f"{place}{word}{rng.choice(INSTITUTE_KINDS)}"
        elif kind == "platform":
            name = f"{place}{word}{rng.choice(SECOND_WORDS)}{rng.choice(PLATFORM_KINDS)}"
        elif kind == "investor":
            name = f"{place}{word}{rng.choice(INVESTOR_KINDS)}"
        else:
            name = f"{place}{word}{rng.choice(['人才计划', '揭榜挂帅专项', '攻关计划'])}"
        made.setdefault(name, kind)
    return list(made.items())


class Base:
    """The rows of the synthetic base, ids given here (the tables are empty)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.rows: dict[str, list[dict]] = {
            t: [] for t in ("entities", "aliases", "documents", "mentions", "indicators", "relations")
        }

    def add_entities(self, count: int) -> None:
        places = divisions()
        by_code = {}
        for p in places:  # real divisions are the regions
            entity_id = len(self.rows["entities"]) + 1
            by_code[p["code"]] = entity_id
            self._entity(entity_id, f"region:{p['name']}:{p['code']}", p["name"], "region", code=p["code"])
        for p in places:
            parent = by_code.get(p["parent"])
            if parent:
                self.rows["entities"][by_code[p["code"]] - 1]["parent_id"] = parent
        self.regions = list(by_code.values())
        industries = [
            "集成电路",
            "生物医药",
            "新能源汽车",
            "人工智能",
            "新材料",
            "高端装备",
            "数字经济",
            "氢能",
            "储能",
            "量子信息",
        ]
        self.industries = [
            self._entity(len(self.rows["entities"]) + 1, f"industry:{n}", n, "industry") for n in industries
        ]
        self.others = []
        for name, kind in entity_names(self.rng, count, places):
            entity_id = len(self.rows["entities"]) + 1
            self._entity(entity_id, f"{kind}:{name}", name, kind, region_id=self.rng.choice(self.regions))
            self.others.append(entity_id)
        self.zones = [e["id"] for e in self.rows["entities"] if e["type"] == "zone"]

    def _entity(self, entity_id, key, name, kind, code=None, region_id=None) -> int:
        self.rows["entities"].append(
            {
                "id": entity_id,
                "key": key,
                "name": name,
                "type": kind,
                "code": code,
                "parent_id": None,
                "region_id": region_id,
            }
        )
        self.rows["aliases"].append({"entity_id": entity_id, "alias": name, "norm": name})
        return entity_id

    def pick(self) -> int:
        """An entity, popular ones more often (Zipf-like: index = N * u^3)."""
        return self.others[int(len(self.others) * self.rng.random() ** 3)]

    def add_document(self, number: int, start: date) -> None:
        rng, doc_id = self.rng, number
        names = {
            e: self.rows["entities"][e - 1]["name"] for e in {self.pick() for _ in range(rng.randint(4, 9))}
        }
        zone = rng.choice(self.zones)
        names.setdefault(zone, self.rows["entities"][zone - 1]["name"])
        published = start + timedelta(days=rng.randrange(3650))
        body, spans = self.compose(names, zone, published)
        self.rows["documents"].append(document_row(doc_id, number, body, published, rng))
        for entity_id, (a, b) in spans["mentions"]:
            self.rows["mentions"].append(
                {
                    "document_id": doc_id,
                    "entity_id": entity_id,
                    "text": body[a:b],
                    "start": a,
                    "end": b,
                    "extractor": "synthetic",
                    "confidence": 1.0,
                }
            )
        for subject, (key, metric, unit, base_unit, value), (a, b), period in spans["indicators"]:
            self.rows["indicators"].append(
                {
                    "document_id": doc_id,
                    "subject_id": subject,
                    "subject_text": names[subject],
                    "metric": metric,
                    "metric_key": key,
                    "value": value,
                    "unit": unit,
                    "value_base": value * MULTIPLIER[unit],
                    "base_unit": base_unit,
                    "approx": "exact",
                    "kind": "level",
                    "period": period,
                    "start": a,
                    "end": b,
                    "quote": body[a:b],
                }
            )
        ids = list(names)
        for _ in range(rng.randint(2, 4)):
            subject, obj = rng.sample(ids, 2)
            a, b = spans["mentions"][0][1]
            self.rows["relations"].append(
                {
                    "document_id": doc_id,
                    "subject_id": subject,
                    "predicate": rng.choice(PREDICATES),
                    "object_id": obj,
                    "start": a,
                    "end": b,
                    "quote": body[a:b],
                    "origin": "text",
                }
            )
        industry = rng.choice(self.industries)
        self.rows["relations"].append(
            {
                "document_id": doc_id,
                "subject_id": zone,
                "predicate": "focuses_on",
                "object_id": industry,
                "start": 0,
                "end": 1,
                "quote": body[:1],
                "origin": "text",
            }
        )

    def compose(self, names: dict[int, str], zone: int, published: date) -> tuple[str, dict]:
        rng = self.rng
        parts, spans = [], {"mentions": [], "indicators": []}
        pos = 0

        def say(piece: str, entity: int | None = None, indicator=None):
            nonlocal pos
            if entity is not None:
                spans["mentions"].append((entity, (pos, pos + len(piece))))
            if indicator is not None:
                spans["indicators"].append((*indicator, (pos, pos + len(piece)), f"{published.year}"))
            parts.append(piece)
            pos += len(piece)

        say(f"{published.year}年{published.month}月{published.day}日，")
        say(names[zone], zone)
        say("召开科技创新工作推进会，通报产业链与创新链融合发展情况。")
        for entity, name in names.items():
            if entity == zone:
                continue
            say(rng.choice(["会上，", "据介绍，", "此外，", "同时，"]))
            say(name, entity)
            say(
                rng.choice(
                    [
                        "与园区签署合作协议，共建联合实验室。",
                        "发布新一代产品，带动上下游企业集聚。",
                        "获批建设省级创新平台。",
                        "入选年度科技型企业名单。",
                    ]
                )
            )
        for _ in range(rng.randint(1, 3)):
            key, metric, unit, base_unit = rng.choice(METRICS)
            value = round(rng.uniform(1, 900), rng.choice([0, 1]))
            say("数据显示，")
            say(f"{metric}达到{value:g}{unit}", None, (zone, (key, metric, unit, base_unit, value)))
            say(f"，同比增长{rng.uniform(1, 30):.1f}%。")
        say("下一步，将持续优化创新生态，推动更多科技成果就地转化。")
        return "".join(parts), spans


def document_row(doc_id: int, number: int, body: str, published: date, rng: random.Random) -> dict:
    title = body.split("，", 2)[1][:40] + "推进科技创新"
    return {
        "id": doc_id,
        "source": f"synthetic://news/{number}",
        "name": f"news_{number}.txt",
        "format": "txt",
        "encoding": "utf-8",
        "url": None,
        "title": title,
        "outlet": rng.choice(["科技日报", "区融媒体中心", "新区发布", "园区管委会"]),
        "published": published,
        "published_precision": "day",
        "script": "Hans",
        "original": body,
        "body": body,
        "norm": body,
        "norm_to_original": list(range(len(body) + 1)),
        "content_hash": f"{number:064d}",
        "minhash": None,
        "duplicate_of_id": None,
        "duplicate_kind": None,
    }


def build_synthetic(store, documents: int, entities: int, seed: int = 7, chunk: int = 5000) -> None:
    """Fill an empty store with `documents` documents naming `entities` distinct entities (plus regions)."""
    from innoatlas.store.bulk import copy_rows
    from innoatlas.store.schema import Alias, Document, Entity, Indicator, Mention, Relation

    rng = random.Random(seed)
    base = Base(rng)
    base.add_entities(entities)
    models = {
        "entities": Entity,
        "aliases": Alias,
        "documents": Document,
        "mentions": Mention,
        "indicators": Indicator,
        "relations": Relation,
    }
    with store.transaction() as session:
        for table in ("entities", "aliases"):
            rows = base.rows[table]
            for i in range(0, len(rows), chunk):
                copy_rows(session, models[table], rows[i : i + chunk])
    start = date(2015, 1, 1)
    for first in range(1, documents + 1, chunk):
        for number in range(first, min(first + chunk, documents + 1)):
            base.add_document(number, start)
        with store.transaction() as session:
            for table in ("documents", "mentions", "indicators", "relations"):
                if base.rows[table]:  # (entities stay: documents name them)
                    copy_rows(session, models[table], base.rows[table])
                base.rows[table] = []
    if store.dialect == "postgresql":
        with store.transaction() as session:
            for table in ("entities", "aliases", "documents", "mentions", "indicators", "relations"):
                session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                    )
                )
            session.execute(text("ANALYZE"))
