"""The pattern-file engine: what a well-formed file gives and the one-line
errors a malformed one raises (they name the file and the pattern)."""

from __future__ import annotations

import pytest

from innoatlas.errors import DataFileError
from innoatlas.extract.patterns import parse_patterns

GOOD = """
patterns:
  - name: leader
    predicate: chain_leader_of
    trigger: {words: [龙头, 龙头企业]}
    arguments: {subject: [enterprise], object: [industry], order: subject_first, side: around}
    cues:
      to_name: {regex: "^(——|:)?$", reason: the firm named right after the role}
    params: {window: 6}
    priority: 80
    reason: a leader's own industry
    examples:
      - {text: 甲公司是新材料产业的龙头企业。, expect: [甲公司, chain_leader_of, 新材料产业]}
      - {text: 甲公司发布新品。, absent: [甲公司, chain_leader_of, 新材料产业]}
"""


def test_a_well_formed_file_compiles():
    p = parse_patterns(GOOD, "x/patterns.yaml")["leader"]
    assert p.predicate == "chain_leader_of"
    assert p.subject_types == {"enterprise"} and p.object_types == {"industry"}
    assert p.trigger.search("一家龙头企业").group(0) == "龙头企业"  # longest word first
    assert p.cue("to_name").match("——")
    assert p.params == {"window": 6}
    assert [e.expect for e in p.examples] == [("甲公司", "chain_leader_of", "新材料产业"), None]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("priority: 80", "priority: high"), "x/patterns.yaml: pattern 'leader': priority must be"),
        (
            ("    reason: a leader's own industry\n", ""),
            "x/patterns.yaml: pattern 'leader': priority has no reason",
        ),
        (
            ('regex: "^(——|:)?$"', 'regex: "^(——|:?$"'),
            "x/patterns.yaml: pattern 'leader': cue 'to_name': bad regex",
        ),
        (("object: [industry]", "object: [industry, sector]"), "pattern 'leader': object types must be"),
        (
            ("predicate: chain_leader_of", "predicate: leads"),
            "pattern 'leader': predicate 'leads' is not one of",
        ),
        (
            ("      - {text: 甲公司发布新品。, absent: [甲公司, chain_leader_of, 新材料产业]}\n", ""),
            "pattern 'leader': needs at least one positive (expect) and one negative (absent) example",
        ),
        (("side: around", "side: inside"), "pattern 'leader': side 'inside' is not one of"),
        (("trigger: {words: [龙头, 龙头企业]}", "trigger: {}"), "pattern 'leader': trigger needs either"),
    ],
)
def test_a_malformed_pattern_names_the_file_and_the_pattern(change, message):
    old, new = change
    assert old in GOOD
    with pytest.raises(DataFileError) as err:
        parse_patterns(GOOD.replace(old, new), "x/patterns.yaml")
    assert message in str(err.value)


def test_a_file_that_is_not_yaml_or_has_no_list_is_named():
    with pytest.raises(DataFileError, match=r"^x/p.yaml: not valid YAML"):
        parse_patterns("patterns: [a: b: c", "x/p.yaml")
    with pytest.raises(DataFileError, match=r"^x/p.yaml: expected a list under 'patterns'$"):
        parse_patterns("rules: []", "x/p.yaml")


def test_a_name_used_twice_is_an_error():
    twice = GOOD + GOOD.split("patterns:\n", 1)[1]
    with pytest.raises(DataFileError, match="pattern 'leader': the name is used twice"):
        parse_patterns(twice, "x/p.yaml")
