"""Starting, watching and stopping processes (real child processes)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from magnum_ui.aio.processes import Service, StartError, Supervisor, kill_leftovers


def _supervisor(tmp_path: Path, timeout: float = 5) -> Supervisor:
    return Supervisor(tmp_path / "logs", tmp_path / "run", timeout)


def test_a_service_that_dies_is_named_with_its_log(tmp_path: Path) -> None:
    """A crash while starting says which service, shows its output and the log path."""
    sup = _supervisor(tmp_path)
    crash = Service(
        name="crasher",
        argv=[sys.executable, "-c", "import sys; print('no config here'); sys.exit(3)"],
        ready=lambda: False,
    )
    with pytest.raises(StartError) as error:
        sup.run(crash)
    message = str(error.value)
    assert "crasher exited with status 3" in message
    assert "no config here" in message
    assert str(tmp_path / "logs" / "crasher.log") in message


def test_a_service_that_never_answers_times_out(tmp_path: Path) -> None:
    sup = _supervisor(tmp_path, timeout=0.5)
    sleeper = Service(
        "sleeper", [sys.executable, "-c", "import time; time.sleep(30)"], lambda: False
    )
    with pytest.raises(StartError, match="did not answer within"):
        sup.run(sleeper)
    sup.stop_all()
    assert sleeper.process is not None
    assert sleeper.process.poll() is not None


def test_stop_all_stops_in_reverse_and_kills_the_stubborn(tmp_path: Path) -> None:
    """A process ignoring SIGTERM is killed after the grace period; pid files go."""
    sup = _supervisor(tmp_path)
    stubborn = Service(
        "stubborn",
        [sys.executable, "-c",
         "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
         "print('up', flush=True); time.sleep(60)"],
        ready=lambda: "up" in (tmp_path / "logs" / "stubborn.log").read_text(),
    )  # fmt: skip
    sup.run(stubborn)
    sup.stop_all(grace=0.5)
    assert stubborn.process is not None
    assert stubborn.process.returncode == -9
    assert list((tmp_path / "run").glob("*.pid")) == []


def test_leftovers_of_a_killed_supervisor_are_stopped(tmp_path: Path) -> None:
    """kill_leftovers stops what a dead supervisor recorded, and names it."""
    sup = _supervisor(tmp_path)
    orphan = sup.start(Service("orphan", [sys.executable, "-c", "import time; time.sleep(60)"],
                               lambda: True))  # fmt: skip
    assert kill_leftovers(tmp_path / "run") == ["orphan"]
    assert orphan.process is not None
    assert orphan.process.wait(timeout=10) == -15


def test_a_restartable_service_is_started_again_until_it_dies_too_often(tmp_path: Path) -> None:
    """A service with restarts=2 is relaunched twice within a minute, then reported."""
    sup = _supervisor(tmp_path)
    flaky = Service("flaky", [sys.executable, "-c", "import sys; sys.exit(1)"], lambda: True,
                    restarts=2)  # fmt: skip
    sup.start(flaky)
    reported = None
    for _ in range(100):
        reported = sup.first_exited()
        if reported is not None:
            break
        time.sleep(0.05)
    assert reported is flaky
    assert len(flaky.restarted_at) == 2
    assert (tmp_path / "logs" / "flaky.log").read_text().count("restarting") == 2
