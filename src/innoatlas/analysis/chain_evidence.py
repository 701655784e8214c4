"""What the documents say about a chain's structure, clause by clause, with the quote.

The extracted relations (chain_leader_of, supplies, focuses_on) miss most
statements of a chain's structure, so the chain map also reads the
sentences of the documents that name the chain:

1. documents: not reposts, naming one of the chain's industries
   (data/analysis/chain_templates.yaml); only these bodies are read
2. sentences about the chain: naming its industries or segment terms, or,
   in a document that names no other chain, any sentence
3. in each clause (split at ，；：), with the entities the store found there
   (mentions):
   - a leader cue (链主, 龙头): its enterprises lead the chain; segment terms
     after a drawing-in word (带动电池、电驱等领域企业集聚) say which segments
     the place of the statement hosts
   - a supplier cue (配套, 供应): its enterprises supply, unless right after
     为/向 (为长安汽车配套: that firm is supplied); a zone in it hosts suppliers
   - any other clause: an actor sits in the segments whose terms the clause
     names (先导药物…共建创新药临床试验中心: 创新药, 临床)
   - a zone or region in a clause with segment terms hosts those segments
4. a sentence naming the chain's industries makes its enterprises actors of
   the chain even without a segment
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache

from sqlalchemy.orm import Session

from innoatlas.analysis.common import load_data
from innoatlas.store.read.common import DocumentText
from innoatlas.store.read.documents import texts_naming
from innoatlas.store.read.entities import mentions_in_documents
from innoatlas.text import fold_name

SENTENCE = re.compile(r"[^。！？!?\n]+")
CLAUSE = re.compile(r"[^，,；;：:]+")
ACTOR_TYPES = {
    "enterprise": "enterprises",
    "university": "institutes",
    "institute": "institutes",
    "platform": "platforms",
    "investor": "investors",
}
HOST_TYPES = ("zone", "region")


@dataclass
class Statement:
    """One actor's part in a chain as one clause states it."""

    entity: dict
    role: str  # leaders, suppliers, enterprises, institutes, platforms, investors, zones
    segments: list[tuple[str, str]] = field(default_factory=list)  # (segment key, matched term)
    cue: str = ""
    quote: str = ""
    document: dict | None = None


def cues() -> dict:
    return load_data("chain_templates.yaml")["cues"]


@cache
def folded_terms(name: str) -> dict:
    """The chain's words folded once (folding is the slow part of matching): industries, segment terms."""
    template = next(t for t in load_data("chain_templates.yaml")["chains"] if t["name"] == name)
    industries = [fold_name(t) for t in template["industries"] if len(t) >= 2]
    segments = [(s["key"], [(t, fold_name(t)) for t in s["terms"]]) for s in template["segments"]]
    return {
        "industries": industries,
        "segments": segments,
        "words": set(industries) | {folded for _key, terms in segments for _t, folded in terms},
    }


@lru_cache(maxsize=20_000)
def folded_name(name: str) -> str:
    return fold_name(name)


def chain_terms(template: dict) -> list[str]:
    return folded_terms(template["name"])["industries"]


def other_chain_terms(template: dict, templates: list[dict]) -> list[str]:
    mine = set(chain_terms(template))
    return [t for other in templates if other is not template for t in chain_terms(other) if t not in mine]


def read_statements(
    session: Session, template: dict, templates: list[dict]
) -> tuple[list[Statement], list[DocumentText]]:
    """(every statement about the chain, the documents read: originals whose text names the chain)."""
    docs = texts_naming(session, chain_terms(template))
    mentions = mentions_in_documents(session, [d.id for d in docs])
    others = other_chain_terms(template, templates)
    mine = chain_terms(template)
    statements: list[Statement] = []
    for doc in docs:
        only_chain = not any(t in doc.norm for t in others)
        ref = {
            "id": doc.id,
            "title": doc.title or doc.name,
            "name": doc.name,
            "outlet": doc.outlet,
            "published": doc.published.isoformat() if doc.published else None,
        }
        last_host = None
        found_here = mentions[doc.id]
        starts = [m[0] for m in found_here]
        for sentence in SENTENCE.finditer(doc.norm):
            inside = found_here[bisect_left(starts, sentence.start()) : bisect_left(starts, sentence.end())]
            names_other = any(t in sentence.group() for t in others)
            names_chain = any(t in sentence.group() for t in mine) and not names_other
            if names_chain or (only_chain and not names_other):
                quote = doc.body[sentence.start() : sentence.end()].strip()
                found = sentence_statements(doc.norm, sentence, inside, template, names_chain, last_host)
                for s in found:
                    s.quote, s.document = quote, ref
                statements += found
            hosts = [m[2] for m in inside if m[2]["type"] in HOST_TYPES]
            last_host = hosts[-1] if hosts else last_host
    return statements, docs


def industry_words(template: dict) -> set[str]:
    return folded_terms(template["name"])["words"]


def segments_named(text: str, template: dict) -> list[tuple[str, str]]:
    named = []
    for key, terms in folded_terms(template["name"])["segments"]:
        term = next((t for t, folded in terms if folded in text), None)
        if term:
            named.append((key, term))
    return named


def masked(norm: str, start: int, end: int, mentions: list) -> str:
    """norm[start:end] with every mention blanked: 医院 in 四川大学华西医院 names no segment of the text."""
    chars = list(norm[start:end])
    for m_start, m_end, _entity in mentions:
        for i in range(max(m_start, start), min(m_end, end)):
            chars[i - start] = "□"
    return "".join(chars)


def sentence_statements(norm, sentence, inside, template, names_chain, last_host) -> list[Statement]:
    words = cues()
    found: list[Statement] = []
    placed: set[int] = set()
    # An actor's segments come from its whole sentence (先导药物…签订临床研究合作协议,共建创新药临床试验中心).
    sentence_segments = segments_named(masked(norm, sentence.start(), sentence.end(), inside), template)
    for clause in CLAUSE.finditer(sentence.group()):
        start, end = sentence.start() + clause.start(), sentence.start() + clause.end()
        text = masked(norm, start, end, inside)
        here = [m for m in inside if start <= m[0] < end]
        leader_cue = next((w for w in words["leaders"] if w in text), None)
        supply_cue = next((w for w in words["suppliers"] if w in text), None)
        for m_start, m_end, entity in here:
            if folded_name(entity["name"]) in industry_words(template):
                continue  # an industry read as a firm (新能源汽车) is no actor
            customer = norm[max(m_start - 1, 0) : m_start] in words["customer_before"]
            if customer:  # 为赛力斯等整车企业配套: only the words up to the cue say what it is
                cue_at = min((norm.find(w, m_end, end) for w in words["suppliers"] if w in text), default=-1)
                segs = segments_named(masked(norm, m_end, cue_at, inside), template) if cue_at > m_end else []
                if segs and entity["type"] in ACTOR_TYPES:
                    found.append(Statement(entity, ACTOR_TYPES[entity["type"]], segs))
                    placed.add(entity["id"])
                continue
            if entity["type"] in HOST_TYPES:
                segs = segments_named(text, template)
                if segs:
                    found.append(Statement(entity, "zones", segs, supply_cue or ""))
                continue
            role = ACTOR_TYPES.get(entity["type"])
            if role is None:
                continue
            if leader_cue and entity["type"] == "enterprise":
                found.append(Statement(entity, "leaders", [(template["leaders_in"], leader_cue)], leader_cue))
            elif supply_cue and entity["type"] == "enterprise":
                found.append(Statement(entity, "suppliers", segments_named(text, template), supply_cue))
            elif sentence_segments:
                found.append(Statement(entity, role, sentence_segments))
            else:
                continue
            placed.add(entity["id"])
        if leader_cue:
            found += drawn_in(text, template, here, last_host, words)
    if names_chain:  # firms of a sentence about the chain are on it, even without a segment
        for _s, _e, entity in inside:
            if (
                entity["type"] == "enterprise"
                and entity["id"] not in placed
                and fold_name(entity["name"]) not in industry_words(template)
            ):
                found.append(Statement(entity, "enterprises"))
                placed.add(entity["id"])
    return found


def drawn_in(text: str, template: dict, here: list, last_host: dict | None, words: dict) -> list[Statement]:
    """Segments a leader draws in (带动电池、电驱等领域企业集聚), hosted by the place the text is about."""
    at = min((text.find(w) for w in words["drawing_in"] if w in text), default=-1)
    if at < 0:
        return []
    segs = segments_named(text[at:], template)
    hosts = [m[2] for m in here if m[2]["type"] in HOST_TYPES] or ([last_host] if last_host else [])
    return [Statement(h, "zones", segs, text[at : at + 2]) for h in hosts if segs]
