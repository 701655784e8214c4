import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from innoatlas.extract.numbers import NumberFormatError, find_quantities, parse_number


@pytest.mark.parametrize("text,value", [
    ("三十八", 38), ("一千二百余", 1200), ("两", 2), ("1.6万", 16000), ("1.35万亿", 1.35e12),
    ("1,234.5", 1234.5), ("十万零一十", 100010), ("二〇二三", 2023),
])
def test_parse_number_reads_every_form(text, value):
    assert parse_number(text) == value


def test_parse_number_rejects_vague_runs():
    with pytest.raises(NumberFormatError):
        parse_number("十四五")


@given(st.integers(min_value=1, max_value=10**12))
def test_chinese_numerals_round_trip(n):
    assert parse_number(cn2an.an2cn(n)) == n


@given(st.integers(min_value=0, max_value=10**9))
def test_arabic_with_separators_round_trip(n):
    assert parse_number(f"{n:,}") == n


def _read(text):
    return [(q.value, q.unit, q.approx, q.form) for q in find_quantities(text)]


def test_counts_with_approximation():
    assert _read("园区建成实验室30余个,引进人才近500人。") == [(30, "个", "over", "count"), (500, "人", "about", "count")]


def test_shares_ranks_and_doubling():
    assert _read("增加值占全省1/4,居全省第一,产值翻一番,约占三成。") == [
        (0.25, "", "exact", "fraction"), (1, "位", "exact", "rank"), (1, "番", "exact", "doubling"),
        (30, "%", "exact", "percent")]


def test_not_quantities():
    assert _read("2024年3月5日,三大平台发布问界M7与5G方案,千亿级集群,第三届大会。") == []
