"""`research run`: parameters are checked before any kernel starts."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from research import cli
from research.analysis import check_notebook_parameters

runner = CliRunner()


@pytest.fixture(autouse=True)
def no_execution(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a notebook was executed")

    monkeypatch.setattr("research.run.run_notebook", refuse)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["02-clearance-trends", "-p", "nonsense=1"], "unknown parameter 'nonsense'"),
        (["02-clearance-trends", "-p", "rolling_weeks=abc"], "expects int"),
        (["02-clearance-trends", "-p", "freq=weekly"], "freq='weekly' is not one of"),
        (["02-clearance-trends", "-p", "start=2024-13-01"], "ISO dates"),
        (["03-districts", "-p", "field=area"], "field='area' is not one of"),
        (["06-clearance-projection", "-p", "capacity=1,-2"], "must be positive"),
        (["nope"], "no notebook 'nope'"),
    ],
)
def test_bad_parameters_fail_before_execution(args, message):
    result = runner.invoke(cli.app, ["run", *args])
    assert result.exit_code != 0
    assert message in result.output


def test_parameters_from_a_yaml_file(tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text("freq: fortnight\n", encoding="utf-8")
    result = runner.invoke(cli.app, ["run", "02-clearance-trends", "-f", str(params)])
    assert result.exit_code == 2
    assert "freq='fortnight'" in result.output


def test_every_committed_parameter_file_is_valid():
    from research.paths import ROOT
    from research.run import notebook_parameters, parse_cli_parameters, validate_parameters

    for params in sorted((ROOT / "notebooks" / "params").glob("*.yaml")):
        notebook = ROOT / "notebooks" / f"{params.stem}.ipynb"
        assert notebook.is_file(), params
        values = {k: p.default for k, p in notebook_parameters(notebook).items()}
        values.update(validate_parameters(notebook, parse_cli_parameters([], params)))
        check_notebook_parameters(params.stem, values)
