import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from innoatlas.extract.indicators.numbers import NumberFormatError, find_quantities, parse_number


@pytest.mark.parametrize(
    "text,value",
    [
        ("三十八", 38),
        ("一千二百余", 1200),
        ("两", 2),
        ("1.6万", 16000),
        ("1.35万亿", 1.35e12),
        ("1,234.5", 1234.5),
        ("十万零一十", 100010),
        ("二〇二三", 2023),
        ("一点六亿", 1.6e8),
        ("十二点五", 12.5),
        ("二点零五万", 20500),
    ],
)
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


def test_chinese_numerals_with_a_decimal_point_keep_their_fraction():
    # papers that spell figures out write the point as 点 (二点四亿平方米, 百分之十二点五)
    assert _read("全年交付面积二点四亿平方米,营收增长百分之十二点五。") == [
        (2.4, "亿平方米", "exact", "count"),
        (12.5, "%", "exact", "percent"),
    ]


def test_a_range_with_its_unit_at_both_ends_is_its_lower_bound_and_more():
    # policy pages write the unit twice (给予20万元至60万元资助); a band that sizes a class of
    # firms is no figure, and 从…到… tells two figures
    assert _read("给予20万元至60万元资助。") == [(20, "万元", "over", "count")]
    assert _read("对注册资金500万元至1000万元的企业给予支持。") == []
    assert [v for v, *_ in _read("营收从5亿元到10亿元。")] == [5, 10]


def test_an_amount_written_in_two_scales_is_one_amount():
    assert _read("项目总投资3亿5000万元,另一项目投资6亿5千万元。") == [
        (3.5, "亿元", "exact", "count"),
        (6.5, "亿元", "exact", "count"),
    ]


def test_the_minutes_of_a_time_of_day_are_no_figure():
    assert _read("上午9时20分,项目开工;十点三十分,会议结束。企业信用评价得分95分。") == [
        (95, "分", "exact", "count")
    ]


def test_a_bare_wan_after_an_approximation_word_is_one_wan():
    # 近千名 reads as one 千; 近万名 and 超万家 are one 万 the same way, and 万人以上 alone counts nothing
    assert _read("每年吸引近万名毕业生,集聚超万家企业。") == [
        (1, "万名", "about", "count"),
        (1, "万家", "over", "count"),
    ]
    assert _read("万人以上的园区。") == []


def test_the_seats_a_place_holds_in_a_list_are_counted():
    assert _read("江川独占6席,位居全省首位。") == [(6, "席", "exact", "count"), (1, "位", "exact", "rank")]


def test_one_fold_and_tenths_with_a_digit_after_are_read():
    # 一倍 is a multiple, never the article 一; 三成五 is three and a half tenths
    assert _read("五年产值增长了近一倍,占全市出口额的四成五。") == [
        (1, "倍", "about", "multiple"),
        (45, "%", "exact", "percent"),
    ]


def test_a_threshold_passed_is_more_than_it():
    # like 突破 (ANNOTATION.md), the verbs of climbing past a threshold say "more than"
    assert _read("经济总量跨越5000亿元,上市公司总数迈过60家门槛。") == [
        (5000, "亿元", "over", "count"),
        (60, "家", "over", "count"),
    ]


def test_an_amount_of_money_after_guo_is_more_than_it():
    # 过 before money means "more than" (过50亿元), as 超 does; a size class before a count stays none
    assert _read("企业营收过10亿元。") == [(10, "亿元", "over", "count")]
    assert _read("新签约过50亿元项目16个。") == [(16, "个", "exact", "count")]
    assert _read("通过50亿元的预算。") == [(50, "亿元", "exact", "count")]


def test_counts_with_approximation():
    assert _read("园区建成实验室30余个,引进人才近500人。") == [
        (30, "个", "over", "count"),
        (500, "人", "about", "count"),
    ]


def test_a_typeset_space_between_number_and_unit_is_read_through():
    # company announcements space their figures out; the values and approximations stand
    assert [
        (v, u, a) for v, u, a, _ in _read("项目总投资 5 亿元,总投资约 0.78亿元,带动就业 500 人左右。")
    ] == [
        (5, "亿元", "exact"),
        (0.78, "亿元", "about"),
        (500, "人", "about"),
    ]
    # a space is no unit: a bare number before a word stays no figure
    assert _read("第 3 节 说明") == []


def test_a_scraped_space_inside_a_decimal_or_before_its_tail_is_read_through():
    # a page that breaks a decimal before its point, or a count before 余
    assert [(v, u, a) for v, u, a, _ in _read("营业收入增长6 .3%,入驻企业3200 余家。")] == [
        (6.3, "%", "exact"),
        (3200, "家", "over"),
    ]


def test_a_spoken_count_of_hundred_millions_is_an_amount():
    # 个 before 亿 in speech (450个亿) counts the multiplier; 个 before 亿元项目 counts projects
    assert [(v, u) for v, u, _, _ in _read("明年产值有望达到450个亿。")] == [(450, "亿")]
    assert [(v, u) for v, u, _, _ in _read("全年签约12个亿元以上项目。")] == [(12, "个")]


def test_as_high_as_states_its_value_exactly():
    assert [(v, a) for v, _, a, _ in _read("研发投入强度高达8.7%,孵化企业多达120家,产值超过50亿元。")] == [
        (8.7, "exact"),
        (120, "exact"),
        (50, "over"),
    ]


def test_shares_ranks_and_doubling():
    assert _read("增加值占全省1/4,居全省第一,产值翻一番,约占三成。") == [
        (0.25, "", "exact", "fraction"),
        (1, "位", "exact", "rank"),
        (1, "番", "exact", "doubling"),
        (30, "%", "exact", "percent"),
    ]


def test_a_level_of_one_wan_yi_reached_is_read_without_its_leading_one():
    assert _read("全省数字经济规模突破万亿元,亿元以上项目开工,万亿级集群加快成形。") == [
        (1, "万亿元", "over", "count"),
    ]


def test_a_band_of_size_classes_is_no_range():
    assert _read("其中百亿级项目1个、5至10亿级项目6个。") == [
        (1, "个", "exact", "count"),
        (6, "个", "exact", "count"),
    ]


def test_not_quantities():
    assert _read("2024年3月5日,三大平台发布问界M7与5G方案,千亿级集群,第三届大会。") == []


@pytest.mark.parametrize(
    "text",
    [
        "这项改革十分重要,企业万分期待。",
        "多数园区的产值实现两位数增长。",
        "项目建成后年产三元材料和三元正极,并建设二次电池生产线,推进二次开发。",
    ],
)
def test_a_numeral_inside_a_word_counts_nothing(text):
    assert _read(text) == []


def test_a_share_in_tenths_is_still_read_after_the_adverb_is_known():
    assert _read("十分之一的企业十分活跃。") == [(0.1, "", "exact", "fraction")]


def test_a_threshold_before_the_noun_it_sizes_is_no_amount():
    assert _read("引进5000万元以上项目超过80个,签约1至10亿项目5个、10亿项目3个。") == [
        (80, "个", "over", "count"),
        (5, "个", "exact", "count"),
        (3, "个", "exact", "count"),
    ]


def test_a_word_ending_in_an_approximation_character_approximates_nothing():
    assert _read("现场签约15个项目,总投资约120亿元,附近3家企业参加。") == [
        (15, "个", "exact", "count"),
        (120, "亿元", "about", "count"),
        (3, "家", "exact", "count"),
    ]


MULTIPLIER_VALUES = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}


@given(
    st.integers(min_value=0, max_value=99_999),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(sorted(MULTIPLIER_VALUES)),
)
def test_arabic_with_multipliers_round_trip(whole, hundredths, multiplier):
    written = f"{whole}.{hundredths:02d}{multiplier}"
    expected = (whole + hundredths / 100) * MULTIPLIER_VALUES[multiplier]
    assert parse_number(written) == pytest.approx(expected, rel=1e-12)


@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["万", "亿"]),
    st.sampled_from(["元", "家", "人"]),
)
def test_a_quantity_with_a_multiplier_keeps_it_in_the_unit_and_folds_it_in_the_base(n, multiplier, unit):
    (q,) = find_quantities(f"园区共有{n}{multiplier}{unit}。")
    assert (q.value, q.unit) == (n, multiplier + unit)
    assert q.value_base == n * MULTIPLIER_VALUES[multiplier] and q.base_unit == unit


@given(st.text(max_size=60))
def test_parse_number_fails_only_with_a_number_format_error(text):
    try:
        value = parse_number(text)
    except NumberFormatError:
        return
    assert isinstance(value, float)


@given(
    st.text(
        alphabet=st.sampled_from(
            list("0123456789.,%一二两三十百千万亿余多近约超第位个家元年月日分之倍成前强占比增长、，。 ")
        ),
        max_size=60,
    )
)
def test_find_quantities_never_raises_and_keeps_spans_inside_the_text(text):
    previous_end = 0
    for q in find_quantities(text):
        assert previous_end <= q.start <= q.num_start < q.num_end <= q.end <= len(text)
        previous_end = q.end


@pytest.mark.parametrize(
    "text,expected",
    [
        ("招引项目10—20个", (10, "个", "count", 20)),
        ("新增营收8亿—12亿元", (8, "亿元", "count", 12)),
        ("超七成项目由企业牵头", (70, "%", "percent", None)),
        ("光伏组件、两成储能电池产自本省", (20, "%", "percent", None)),
        ("仅用三个多月就完成审批", None),
        ("公司于2019年成立", None),
        ("审批时间缩短5天", (5, "天", "count", None)),
        ("历时40天建成厂房", None),
        ("开放科研仪器2300台（套）", (2300, "台（套）", "count", None)),
        ("办理业务5万件次", (5, "万件次", "count", None)),
        ("算力规模达到800PFLOPS", (800, "PFLOPS", "count", None)),
        ("总算力达5900PFlops", (5900, "PFlops", "count", None)),  # the unit as outlets write it
        ("算力规模已突破50,000Pflops", (50000, "Pflops", "count", None)),
        ("建设周期3至5年", None),
        ("占比百分之七十五", (75, "%", "percent", None)),
        ("约占三分之一", (1 / 3, "", "fraction", None)),
        ("提高3.3个百分点", (3.3, "个百分点", "percent", None)),
        ("增长3.6倍", (3.6, "倍", "multiple", None)),
        ("总量1.35万亿元", (1.35, "万亿元", "count", None)),
        ("同比增长3.1%", (3.1, "%", "percent", None)),
        ("排第3位", (3, "位", "rank", None)),
        ("位居全国十强", (10, "位", "rank", None)),
        ("跻身全省前三", (3, "位", "rank", None)),
        ("增速居首", (1, "位", "rank", None)),
        ("引进两家企业", (2, "家", "count", None)),
    ],
)
def test_number_forms(text, expected):
    found = [(q.value, q.unit, q.form, q.high) for q in find_quantities(text)]
    assert found == ([expected] if expected else [])


def test_a_range_is_its_lower_bound_and_more():
    """ANNOTATION.md: 3—5个 is one figure, the lower bound with approx over."""
    found = [(q.value, q.unit, q.approx) for q in find_quantities("培育4—6家链主企业，新增产值8亿—12亿元")]
    assert found == [(4, "家", "over"), (8, "亿元", "over")]


def test_the_term_and_session_of_a_congress_are_ordinals():
    assert _read("某县十五届人大三次会议文件。十四届全国人大二次会议。") == []
    assert [v for v, *_ in _read("全年召开常务会议12次。")] == [12]


def test_a_threshold_before_a_qualified_noun_is_no_amount():
    # 5亿元以上签约项目: a class of projects, with a note on the currency or not
    assert [v for v, *_ in _read("某市3亿元(人民币,下同)以上签约项目共有12个。")] == [12]
    assert [v for v, *_ in _read("投资超过10亿元的重大项目3个。")] == [3]
    assert [(v, a) for v, _, a, _ in _read("园区产值突破100亿元,企业30家。")] == [
        (100, "over"),
        (30, "exact"),
    ]


def test_an_ordinal_that_opens_its_clause_numbers_a_point_not_a_rank():
    """第三，由…牵头: a point of a list; 位居第三 and 全省第三 are ranks."""
    assert _read("第三，由江川科技有限公司牵头组建创新联盟。") == []
    assert _read("园区抓好招商引资。\n第二：加快建设中试基地。") == []
    assert [(v, u) for v, u, *_ in _read("园区综合排名位居全省第三，较上年前进两位。")] == [
        (3, "位"),
        (2, "位"),
    ]


def test_numbers_listed_before_a_shared_unit_each_take_it():
    """分别拉动…增长9.1、0.3和1.1个百分点: the unit is written once for the whole list."""
    assert [
        (v, u)
        for v, u, *_ in _read("高技术制造业、战略性新兴产业和汽车产业分别拉动产值增长9.1、0.3和1.1个百分点。")
    ] == [
        (9.1, "个百分点"),
        (0.3, "个百分点"),
        (1.1, "个百分点"),
    ]
    assert [(v, u) for v, u, *_ in _read("两地新增企业分别为30、50家。")] == [(30, "家"), (50, "家")]
    assert _read("2023、2024年园区持续扩容。") == []
    assert [(v, u) for v, u, *_ in _read("4、世界最快的成果相继问世。\n5、4个一类创新药获批上市。")] == [
        (4, "个")
    ]


def test_a_rank_verb_may_stand_a_long_scope_before_the_rank():
    # the scope a rank is held in can be a long noun phrase, with a bracketed aside
    assert [(v, u, a) for v, u, a, _ in _read("江川高新区位居全省县域工业园区榜首。")] == [(1, "位", "exact")]
    assert [(v, a) for v, _, a, _ in _read("江川光电园位列全国18个光电产业园区“前三甲”。") if v == 3] == [
        (3, "under")
    ]
    assert [(v, u) for v, u, _, _ in _read("江川区研发投入强度居全省县(市、区)首位。")] == [(1, "位")]


def test_putting_a_thing_first_is_no_rank():
    # 安全 holds 全 but names no scope a rank is held in
    assert _read("园区始终把安全放在首位。") == []


def test_a_rate_in_time_is_no_share():
    # 每5台空调有1台 is a share of items; 每50秒就有一台 counts time, not a fifth of anything
    assert [(v, f) for v, _, _, f in _read("全国每5台空调有1台产自江川。")] == [(1 / 5, "fraction")]
    assert [f for _, _, _, f in _read("江川工厂每50秒就有一台整机下线。")] == []


def test_the_round_amount_a_total_passes_is_a_figure():
    # 突破千亿: one 千亿, passed; so is the step a total climbs onto (迈上3000亿台阶, 登上千亿台阶),
    # whose 台 opens the noun 台阶 and counts no machines; a size class (千亿级) is none
    assert [(v, u, a) for v, u, a, _ in _read("全年产值突破千亿,区域GDP破万亿。")] == [
        (1000, "亿", "over"),
        (1, "万亿", "over"),
    ]
    assert [(v, u) for v, u, _, _ in _read("工业总量登上千亿台阶,打造千亿级产业集群。")] == [(1000, "亿")]
    assert [(v, u) for v, u, _, _ in _read("2024年,全区工业产值首次迈上3000亿台阶。")] == [(3000, "亿")]
    assert _read("园区现有千亿台阶式厂房。") == []


def test_square_metres_written_as_symbols_are_a_measure():
    # ㎡ and m² fold to m2 (NFKC), ㎢ to km2; 平米 is speech for 平方米
    assert [(v, u) for v, u, _, _ in _read("建成厂房8.6万m2,公寓4.2万平米,起步区2.5km2。")] == [
        (8.6, "万m2"),
        (4.2, "万平米"),
        (2.5, "km2"),
    ]


def test_a_talent_programme_named_by_a_count_of_people_is_no_figure():
    assert [(v, u) for v, u, _, _ in _read("园区有万人计划专家12人,引进千人计划人才7名。")] == [
        (12, "人"),
        (7, "名"),
    ]


def test_a_size_pictured_in_football_pitches_is_no_count():
    assert [(v, u) for v, u, _, _ in _read("厂区占地约15个足球场大小,相当于3个标准足球场,建成车间4个。")] == [
        (4, "个")
    ]


def test_the_kilolitre_is_one_unit_not_a_thousand_litres():
    # the statistical bulletins count liquor and beverage output in 万千升
    assert [(v, u) for v, u, _, _ in _read("全年白酒产量12.3万千升,饮料产量8千升。")] == [
        (12.3, "万千升"),
        (8, "千升"),
    ]


def test_a_decimal_point_lost_to_a_space_before_a_percent_is_read_back():
    assert [(v, u) for v, u, _, _ in _read("全市创新指数为71 28%,比上年提高3 05个百分点。")] == [
        (71.28, "%"),
        (3.05, "个百分点"),
    ]


def test_numbers_in_the_columns_of_a_table_keep_their_own_values():
    # columns stand after spaces, not right after a word: 45 is no integer part of the 12 %
    assert [(v, u) for v, u, _, _ in _read("企业数 45 12%")] == [(12, "%")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“2025江川民营企业100强”发布。", []),
        ("星湖县于2016年跻身全省县域百强。", [(100, "位", "under", "rank")]),
        ("到2026年保持在全市五强。", [(5, "位", "under", "rank")]),
        ("星湖园区蝉联“江川新材料园区20强”榜首。", [(1, "位", "exact", "rank")]),
        ("星湖园区位列江川新材料园区20强第2位。", [(2, "位", "exact", "rank")]),
    ],
)
def test_the_size_of_a_ranking_s_edition_is_its_name_not_a_rank(text, expected):
    """2025某省民营企业100强 names an edition, and 30强 before the place held in it names the list;
    a year that dates the entering keeps the rank."""
    assert [r for r in _read(text) if r[1] == "位"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("储能电站规模120MW/240MWh。", [(120, "MW"), (240, "MWh")]),
        ("星湖省新增装机300万千瓦/650万千瓦时。", [(300, "万千瓦"), (650, "万千瓦时")]),
        ("发布于2023/8/15。", []),
    ],
)
def test_a_storage_plant_s_power_and_energy_around_a_slash_are_two_figures(text, expected):
    """功率/容量: the figure after the slash is the energy the plant holds; a date's slashes stay a date."""
    assert [(v, u) for v, u, _, _ in _read(text)] == expected


@pytest.mark.parametrize(
    "text, found",
    [("规上企业超500家；七成规上企业完成智能化改造。", [500, 70]), ("江川坚持一成不变的政策。", [])],
)
def test_a_share_in_tenths_heading_a_clause_is_a_share_of_the_noun_after_it(text, found):
    assert [q.value for q in find_quantities(text)] == found


def test_a_rank_keeps_its_number_when_a_list_after_it_shares_a_unit():
    # 第3、5万: the 3 is the rank's, not a value of the 万 the list after it writes once
    spans = [(q.start, q.end) for q in find_quantities("位列第3、5万")]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
