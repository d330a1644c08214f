"""Packaged like a real Python project: a built wheel, installed outside the checkout, runs the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from coach.config import PROJECT_ROOT

pytestmark = pytest.mark.slow

DRAFT = "Subject: Hi\nHello,\n\nCould you refer me for an internship on your team? My resume is attached.\n\nBest,\nSam\n"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A wheel built from the checkout, installed (not editable) into a new virtual environment.

    The new environment reaches the dependencies through a .pth line to this interpreter's
    site-packages (no network, no second 1 GB install); `coach` itself comes only from the wheel.
    """
    root = tmp_path_factory.mktemp("packaging")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(root / "dist"), str(PROJECT_ROOT)], check=True, timeout=300
    )
    wheel = next((root / "dist").glob("coach-*.whl"))
    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    site = next(env_dir.glob("lib/python*/site-packages"))
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)], check=True, timeout=300)
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    return {"python": python, "cwd": elsewhere, "site": site, "home": root / "home"}


def run_coach(installed: dict[str, Path], *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """Run the installed `coach` from a folder outside the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_"))}
    env.update({"HOME": str(installed["home"]), "PYTHONPATH": ""})
    return subprocess.run(
        [str(installed["python"]), "-m", "coach", *args], cwd=installed["cwd"], env=env, input=stdin, capture_output=True, text=True, timeout=600
    )


def test_the_package_comes_from_the_wheel_not_the_checkout(installed: dict[str, Path]) -> None:
    located = run_coach(installed, "--help")
    assert located.returncode == 0, located.stderr
    where = subprocess.run(
        [str(installed["python"]), "-c", "import coach; print(coach.__file__)"],
        cwd=installed["cwd"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": ""},
        check=True,
    )
    assert str(installed["site"]) in where.stdout


def test_package_data_ships_with_the_wheel(installed: dict[str, Path]) -> None:
    data = installed["site"] / "coach" / "data"
    assert len(list((data / "knowledge").glob("*.md"))) >= 40
    assert (data / "prompts").glob("*.md") and (data / "bank" / "questions.yaml").is_file()
    assert (data / "rubric_prose.md").is_file()


def test_review_works_from_another_folder(installed: dict[str, Path]) -> None:
    result = run_coach(installed, "review", "outreach", "-", "--json", stdin=DRAFT)
    assert result.returncode == 0, result.stderr
    assert '"job-ask"' in result.stdout and '"attachment"' in result.stdout


def test_setup_doctor_and_questions_work_from_another_folder(installed: dict[str, Path]) -> None:
    setup = run_coach(installed, "setup")
    assert setup.returncode == 0, setup.stderr
    doctor = run_coach(installed, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    questions = run_coach(installed, "questions", "--role", "Data Scientist", "--json")
    assert questions.returncode == 0, questions.stderr
    assert "data-scientist" in questions.stdout
