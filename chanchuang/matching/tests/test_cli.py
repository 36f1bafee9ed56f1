"""The command line: solve, verify and explain; exit codes 0, 1 and 2; bad-input messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from chanchuang.matching.cli import main
from chanchuang.matching.tests.test_model import EXAMPLE
from chanchuang.matching.tests.test_solve import CONTEST

REPOSITORY = Path(__file__).resolve().parents[3]


def write(path: Path, data: Any) -> Path:
    """Write ``data`` as JSON (or a string verbatim) and return the path."""
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run the command line in-process; return its exit code, stdout and stderr."""
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_solve_prints_the_result(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    instance = write(tmp_path / "instance.json", EXAMPLE)
    code, out, _ = run(capsys, "solve", instance)
    assert code == 0
    result = json.loads(out)
    assert result["assignment"] == {"S1": "P1", "S2": "P2", "S3": "P1", "S4": None}
    assert result["positions"]["P2"] == {"capacity": 1, "filled": 1, "cutoff_rank": 2}
    assert (result["proposer"], result["seed"]) == ("students", 7)


def test_solve_options_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    instance = write(tmp_path / "instance.json", EXAMPLE)
    output = tmp_path / "result.json"
    code, out, _ = run(
        capsys, "solve", instance, "-o", output, "--proposer", "positions", "--seed", "12"
    )
    assert (code, out) == (0, "")
    result = json.loads(output.read_text(encoding="utf-8"))
    assert (result["proposer"], result["seed"]) == ("positions", 12)
    assert sorted(os.listdir(tmp_path)) == ["instance.json", "result.json"]


def test_verify_and_explain_a_solved_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = write(tmp_path / "instance.json", CONTEST)
    result = tmp_path / "result.json"
    assert run(capsys, "solve", instance, "-o", result, "--seed", "1")[0] == 0
    assert run(capsys, "verify", instance, result) == (
        0,
        "valid and stable: 3 of 3 students assigned\n",
        "",
    )
    code, out, _ = run(capsys, "explain", instance, result, "S2")
    assert code == 0
    assert out.splitlines() == [
        "S2: assigned to P2 (choice 4 of 4)",
        "  choice 1: P0: full, it has no seats (your rank 1)",
        "  choice 2: P1: full, cutoff above you (cutoff rank 1, your rank 2)",
        "  choice 3: P3: you were not acceptable to it",
    ]


def test_verify_prints_blocking_pairs_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = write(tmp_path / "instance.json", CONTEST)
    result = {
        "assignment": {"S1": None, "S2": "P1", "S3": "P3"},
        "positions": {
            "P0": {"capacity": 0, "filled": 0, "cutoff_rank": None},
            "P1": {"capacity": 1, "filled": 1, "cutoff_rank": 2},
            "P2": {"capacity": 5, "filled": 0, "cutoff_rank": None},
            "P3": {"capacity": 1, "filled": 1, "cutoff_rank": 1},
        },
        "proposer": "students",
        "seed": 1,
    }
    code, out, _ = run(capsys, "verify", instance, write(tmp_path / "result.json", result))
    assert code == 1
    assert out.splitlines() == ["blocking pair: S1 and P1"]


@pytest.mark.parametrize(
    ("instance", "message"),
    [
        ({**EXAMPLE, "students": {**EXAMPLE["students"], "S1": ["P9"]}}, "unknown position 'P9'"),
        (
            {**EXAMPLE, "students": {**EXAMPLE["students"], "S1": ["P1", "P1"]}},
            "students.S1: position 'P1' is listed twice",
        ),
        (
            {
                **EXAMPLE,
                "positions": {**EXAMPLE["positions"], "P2": {"capacity": -2, "scores": {}}},
            },
            "positions.P2.capacity: must be a non-negative integer, got -2",
        ),
        ('{"students": {', "not valid JSON: Expecting property name"),
        ('{"students": {}, "students": {}}', "not valid JSON: duplicate key 'students'"),
        ('{"students": {}, "positions": {}, "seed": NaN}', "not valid JSON: NaN is not allowed"),
    ],
)
def test_bad_instances_exit_2_without_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], instance: Any, message: str
) -> None:
    path = write(tmp_path / "instance.json", instance)
    output = write(tmp_path / "result.json", "previous contents")
    code, out, err = run(capsys, "solve", path, "-o", output)
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {path}: ") and message in err
    assert output.read_text(encoding="utf-8") == "previous contents"
    assert sorted(os.listdir(tmp_path)) == ["instance.json", "result.json"]


def test_other_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    instance = write(tmp_path / "instance.json", CONTEST)
    result = tmp_path / "result.json"
    run(capsys, "solve", instance, "-o", result, "--seed", "1")
    missing = tmp_path / "missing.json"
    code, _, err = run(capsys, "verify", instance, missing)
    assert code == 2 and err.startswith(f"error: {missing}: cannot read")
    code, _, err = run(capsys, "explain", instance, result, "S9")
    assert (code, err) == (2, "error: S9: unknown student\n")
    unknown = write(tmp_path / "unknown.json", {**json.loads(result.read_text()), "seed": -1})
    code, _, err = run(capsys, "verify", instance, unknown)
    assert (code, err) == (2, f"error: {unknown}: seed: must be a non-negative integer, got -1\n")
    code, _, err = run(capsys, "solve", instance, "-o", tmp_path / "no" / "such" / "dir.json")
    assert code == 2 and "cannot write" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["solve", str(instance), "--seed", "-5"])
    assert exit_info.value.code == 2


def test_chinese_ids_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = {
        "students": {"刘欣怡": ["华电建设", "百味餐饮"], "马超": ["华电建设"]},
        "positions": {
            "华电建设": {"capacity": 1, "scores": {"刘欣怡": 88, "马超": 92}},
            "百味餐饮": {"capacity": 1, "ranking": ["刘欣怡"]},
        },
    }
    instance = write(tmp_path / "instance.json", data)
    result = tmp_path / "result.json"
    assert run(capsys, "solve", instance, "-o", result, "--seed", "3")[0] == 0
    assert '"刘欣怡": "百味餐饮"' in result.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "explain", instance, result, "刘欣怡")
    assert code == 0
    assert out.splitlines() == [
        "刘欣怡: assigned to 百味餐饮 (choice 2 of 2)",
        "  choice 1: 华电建设: full, cutoff above you (cutoff rank 1, your rank 2)",
    ]


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    instance = write(tmp_path / "instance.json", EXAMPLE)
    completed = subprocess.run(
        [sys.executable, "-m", "chanchuang.matching", "solve", str(instance)],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["seed"] == 7
