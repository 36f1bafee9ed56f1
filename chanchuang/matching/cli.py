"""Command line: solve, verify and explain matching instances stored as JSON files.

Exit codes: 0 success (for ``verify``: valid and stable), 1 ``verify`` found problems,
2 bad input (the message names the file and the offending entry).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from chanchuang.matching.explain import explain
from chanchuang.matching.model import Instance, InstanceError
from chanchuang.matching.result import PROPOSERS, Result, ResultError
from chanchuang.matching.solve import ENGINES, solve
from chanchuang.matching.verify import verify

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


class InputError(Exception):
    """Bad input: an unreadable or malformed file, or an instance or result that does not fit."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = _parser().parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        return command(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m chanchuang.matching",
        description="Many-to-one stable matching (deferred acceptance) with explanations.",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    solve_parser = commands.add_parser("solve", help="compute a stable matching")
    solve_parser.add_argument("instance", type=Path, help="instance JSON file")
    solve_parser.add_argument("-o", "--output", type=Path, help="write the result here")
    solve_parser.add_argument("--proposer", choices=PROPOSERS, default="students")
    solve_parser.add_argument(
        "--seed", type=_seed, help="lottery seed (default: the instance's, else a random one)"
    )
    solve_parser.add_argument("--engine", choices=ENGINES, default="auto")
    solve_parser.set_defaults(command=_solve)

    verify_parser = commands.add_parser("verify", help="check capacities, acceptability, stability")
    verify_parser.add_argument("instance", type=Path, help="instance JSON file")
    verify_parser.add_argument("result", type=Path, help="result JSON file")
    verify_parser.set_defaults(command=_verify)

    explain_parser = commands.add_parser("explain", help="explain one student's outcome")
    explain_parser.add_argument("instance", type=Path, help="instance JSON file")
    explain_parser.add_argument("result", type=Path, help="result JSON file")
    explain_parser.add_argument("student", help="student id")
    explain_parser.set_defaults(command=_explain)
    return parser


def _seed(text: str) -> int:
    try:
        seed = int(text)
    except ValueError:
        seed = -1
    if seed < 0:
        raise argparse.ArgumentTypeError(f"must be a non-negative integer, got {text!r}")
    return seed


def _solve(args: argparse.Namespace) -> int:
    instance = _read_instance(args.instance)
    result = solve(instance, proposer=args.proposer, seed=args.seed, engine=args.engine)
    text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        _write_atomically(args.output, text)
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    instance, result = _read_instance(args.instance), _read_result(args.result)
    try:
        report = verify(instance, result)
    except ResultError as error:
        raise InputError(f"{args.result}: {error}") from None
    if report.ok:
        assigned = sum(position is not None for position in result.assignment.values())
        print(f"valid and stable: {assigned} of {len(result.assignment)} students assigned")
        return EXIT_OK
    for line in report.lines():
        print(line)
    return EXIT_PROBLEMS


def _explain(args: argparse.Namespace) -> int:
    instance, result = _read_instance(args.instance), _read_result(args.result)
    if args.student not in instance.student_index:
        raise InputError(f"{args.student}: unknown student")
    try:
        explanations = explain(instance, result, args.student)
    except ResultError as error:
        raise InputError(f"{args.result}: {error}") from None
    position = result.assignment[args.student]
    choices = instance.choices_of(instance.student_index[args.student]).size
    if position is None:
        print(f"{args.student}: unassigned ({choices} choices)")
    else:
        place = len(explanations) + 1
        print(f"{args.student}: assigned to {position} (choice {place} of {choices})")
    for explanation in explanations:
        print(f"  choice {explanation.choice_number}: {explanation.message}")
    return EXIT_OK


def _read_instance(path: Path) -> Instance:
    try:
        return Instance.from_dict(_read_json(path))
    except InstanceError as error:
        raise InputError(f"{path}: {error}") from None


def _read_result(path: Path) -> Result:
    try:
        return Result.from_dict(_read_json(path))
    except ResultError as error:
        raise InputError(f"{path}: {error}") from None


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read: {error}") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except (json.JSONDecodeError, InputError) as error:
        raise InputError(f"{path}: not valid JSON: {error}") from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise InputError(f"duplicate key {key!r}")
            seen.add(key)
    return data


def _no_constant(name: str) -> Any:
    raise InputError(f"{name} is not allowed")


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(f"{path}: cannot write: {error}") from None
        raise
