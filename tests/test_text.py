"""Name folding: one comparison form of a name for every stage."""

from __future__ import annotations

from typer.testing import CliRunner

from innoatlas.cli import app
from innoatlas.text import fold_name, normalize_text

# A park whose name has a middle dot, as place brands often do.
PARK_NEWS = (
    "江北·数智科技园揭牌运营\n\n2026年3月5日，江北·数智科技园正式揭牌。江北·数智科技园已引进软件企业45家。\n"
)


def test_a_name_folds_script_width_spaces_and_dots():
    assert fold_name("兩江 新區") == "两江新区"
    assert fold_name("ＡＩ　創新中心") == "AI创新中心"
    for dot in "·•・‧∙⋅":
        assert fold_name(f"江北{dot}数智科技园") == "江北·数智科技园"
    assert fold_name(None) == fold_name("") == ""


def test_normalising_keeps_white_space_and_folding_a_name_drops_it():
    assert normalize_text("第一行\n\u3000第二行") == "第一行\n 第二行"
    assert fold_name("第一行\n\u3000第二行") == "第一行第二行"


def test_a_name_written_with_another_middle_dot_finds_the_stored_entity(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "park.txt").write_text(PARK_NEWS, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "park.txt", "--silent"]).exit_code == 0
    result = runner.invoke(app, ["timeline", "江北•数智科技园", "--json"])
    assert result.exit_code == 0, result.output
    assert "江北·数智科技园" in result.stdout
    assert "45" in result.stdout
