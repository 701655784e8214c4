"""The analysis commands read only a date window's documents when given --since and --until."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from innoatlas.cli import app


def test_the_timeline_command_in_a_window_leaves_out_the_figures_of_other_documents(make_store):
    kb = make_store
    kb.entity("甲高新区", "zone")
    kb.document("a.txt", "甲高新区拥有孵化器12家。", "甲日报", date(2023, 5, 1))
    kb.document("c.txt", "甲高新区孵化器约有20家。", "丙网", date(2024, 6, 1))
    kb.indicator("甲高新区", "孵化器数量", "incubators", 12, "家", "2023-04", "a.txt", "拥有孵化器12家")
    kb.indicator("甲高新区", "孵化器数量", "incubators", 20, "家", "2024-05", "c.txt", "孵化器约有20家")
    url = kb.store.url

    def values(*window: str) -> list[float]:
        result = CliRunner().invoke(app, ["timeline", "甲高新区", "--json", "--db", url, *window])
        assert result.exit_code == 0, result.output
        return [p["value"] for s in json.loads(result.stdout)["series"] for p in s["points"]]

    assert sorted(values()) == [12, 20]
    assert values("--since", "2024-01-01") == [20]
    assert values("--until", "2023-12-31") == [12]
    wrong = CliRunner().invoke(app, ["timeline", "甲高新区", "--db", url, "--since", "2024-13-01"])
    assert wrong.exit_code == 2 and "2024-13-01" in wrong.output
