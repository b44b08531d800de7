"""``python -m magnum_ui.aio run|stop|status`` (``make run`` / ``make stop``)."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import sys
import time
import traceback
from collections.abc import Callable
from typing import TypeVar

from magnum_ui.aio import (
    catalog,
    conductor,
    dashboard,
    files,
    heat,
    keystone,
    postgres,
    registry,
    seed,
    service_api,
)
from magnum_ui.aio.config import HOST, AioConfig, ConfigError, environment_help
from magnum_ui.aio.processes import StartError, Supervisor, kill_leftovers, port_in_use

T = TypeVar("T")


def _say(message: str) -> None:
    print(message, flush=True)


def _step(what: str, action: Callable[[], T]) -> T:
    started = time.monotonic()
    print(f"  {what} ...", end="", flush=True)
    try:
        result = action()
    except BaseException:
        print(" failed", flush=True)
        raise
    print(f" ok ({time.monotonic() - started:.1f} s)", flush=True)
    return result


class _Stop(Exception):
    pass


def _on_signal(signum: int, frame: object) -> None:
    raise _Stop(signal.Signals(signum).name)


def _pid_file(cfg: AioConfig) -> str:
    return str(cfg.run_dir / "aio.pid")


def _running_pid(cfg: AioConfig) -> int | None:
    try:
        with open(_pid_file(cfg)) as pid_file:
            pid = int(pid_file.read().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid if pid != os.getpid() else None


def _preflight(cfg: AioConfig) -> None:
    other = _running_pid(cfg)
    if other:
        raise StartError(f"the all-in-one is already running (pid {other}); `make stop` stops it")
    leftovers = kill_leftovers(cfg.run_dir)
    if leftovers:
        _say(f"  stopped processes left by an earlier run: {', '.join(leftovers)}")
    for name, port in cfg.ports().items():
        if port_in_use(port):
            raise StartError(
                f"port {port} (for {name}) is already in use by another program; stop it or "
                f"choose another port (see `python -m magnum_ui.aio --help`)"
            )


def _registry_address(cfg: AioConfig) -> None:
    """The registry's own address, then the check that nothing else answers on its ports."""
    registry.add_address(cfg)
    for name, port in cfg.registry_ports().items():
        if port_in_use(port, str(cfg.registry_address)):
            raise StartError(
                f"port {port} (for {name}) on {cfg.registry_address} is already in use by "
                f"another program; stop it or choose another port"
            )


def run(cfg: AioConfig) -> int:
    started = time.monotonic()
    # Before anything is written: secrets are root's alone from their first byte.
    files.prepare_state_dir(cfg.state_dir)
    cfg.run_dir.mkdir(parents=True, exist_ok=True)
    _say(f"Starting the Magnum UI all-in-one (state in {cfg.state_dir})")
    _preflight(cfg)
    with open(_pid_file(cfg), "w") as pid_file:
        pid_file.write(str(os.getpid()))
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    supervisor = Supervisor(cfg.logs_dir, cfg.run_dir, cfg.start_timeout)
    try:
        _step("postgres: prepare", lambda: postgres.prepare(cfg))
        _step("postgres: start", lambda: supervisor.run(postgres.service(cfg)))
        _step("postgres: databases", lambda: postgres.ensure_databases(cfg))
        _step("heat: schema", lambda: heat.sync_schema(cfg))
        _step("registry: address", lambda: _registry_address(cfg))
        _step("registry: prepare", lambda: registry.prepare(cfg))
        registry_service = supervisor.start(registry.service(cfg))
        _step("keystone: bootstrap", lambda: keystone.bootstrap(cfg))
        keystone_service = supervisor.start(keystone.service(cfg))
        api_service = supervisor.start(service_api.service(cfg))
        tokens_service = supervisor.start(registry.token_service(cfg, service_api.config_file(cfg)))
        # Heat needs Keystone only once requests arrive, so it loads meanwhile.
        heat_service = supervisor.start(heat.service(cfg))
        _step("dashboard: install plugin", dashboard.install_plugin)
        _step("dashboard: static files", lambda: dashboard.collect_static(cfg))
        dashboard_service = supervisor.start(dashboard.service(cfg))
        _step("keystone: start", lambda: supervisor.wait_ready(keystone_service))
        _step("keystone: users and catalog", lambda: catalog.seed(cfg))
        _step("service API: start", lambda: supervisor.wait_ready(api_service))
        _step("heat: start", lambda: supervisor.wait_ready(heat_service))
        _step("registry: start", lambda: supervisor.wait_ready(registry_service))
        _step("registry: token service", lambda: supervisor.wait_ready(tokens_service))
        _step("registry: library/busybox", lambda: registry.seed_busybox(cfg))
        log = supervisor.log_path("conductor")
        _step("conductor: start", lambda: supervisor.run(conductor.service(cfg, log)))
        _step("bay model local-swarm", lambda: seed.local_swarm(cfg))
        _step("dashboard: start", lambda: supervisor.wait_ready(dashboard_service))
        _banner(cfg, time.monotonic() - started)
        while True:
            exited = supervisor.first_exited()
            if exited is not None:
                log = supervisor.log_path(exited.name)
                _say(f"\n{exited.name} stopped unexpectedly; its log: {log}")
                return 1
            time.sleep(0.5)
    except _Stop as stop:
        _say(f"\n{stop} received: stopping.")
        return 0
    except StartError as exc:
        _say(f"\nThe all-in-one could not start: {exc}")
        return 1
    except Exception as exc:
        log = cfg.logs_dir / "aio.log"
        with log.open("a") as out:
            traceback.print_exc(file=out)
        _say(f"\nThe all-in-one could not start: {type(exc).__name__}: {exc}\n  details: {log}")
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        supervisor.stop_all()
        registry.remove_address(cfg)
        registry.unmount_storage(cfg)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(_pid_file(cfg))
        _say("All-in-one stopped.")


def _banner(cfg: AioConfig, seconds: float) -> None:
    _say(
        f"""
The Magnum UI all-in-one is running (ready in {seconds:.1f} s).

  Dashboard     {cfg.dashboard_url}
  Log in as     demo / {cfg.password}   (project demo, role member)
                admin / {cfg.password}  (project admin, role admin)
  Keystone      {cfg.keystone_url}
  Service API   {cfg.api_url}
  Heat          http://{HOST}:{cfg.heat_port}/v1/<project id>
  Registry      {cfg.registry}   (docker login with your OpenStack user name and password;
                push to {cfg.registry}/<project id>/NAME, `image: busybox` is there)
  State         {cfg.state_dir}
  Logs          {cfg.logs_dir}

Press Ctrl-C (or run `make stop` in another shell) to stop everything."""
    )


def stop(cfg: AioConfig) -> int:
    pid = _running_pid(cfg)
    if pid:
        os.kill(pid, signal.SIGTERM)
        for _ in range(600):
            if _running_pid(cfg) is None:
                break
            time.sleep(0.1)
    leftovers = kill_leftovers(cfg.run_dir)
    registry.remove_address(cfg)
    registry.unmount_storage(cfg)
    if pid or leftovers:
        _say("The all-in-one is stopped.")
    else:
        _say("The all-in-one was not running.")
    return 0


def reset(cfg: AioConfig) -> int:
    """Stop everything, delete the bays' nodes, then every file of the state folder."""
    stop(cfg)
    from magnum_ui.service.drivers.local import nodes

    root = cfg.state_dir / "nodes"
    if root.is_dir():
        for bay in nodes.list_bays(root):
            _say(f"  deleting the nodes of bay {bay}")
            nodes.delete_bay(root, bay)
    shutil.rmtree(cfg.state_dir, ignore_errors=True)
    _say(f"Deleted {cfg.state_dir}; the next `make run` starts from scratch.")
    return 0


def status(cfg: AioConfig) -> int:
    pid = _running_pid(cfg)
    _say(f"running (pid {pid})" if pid else "not running")
    return 0 if pid else 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m magnum_ui.aio",
        description="The Magnum UI all-in-one local cloud.",
        epilog=environment_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=["run", "stop", "status", "reset"])
    args = parser.parse_args(argv)
    try:
        cfg = AioConfig.from_env()
    except ConfigError as exc:
        print(f"magnum_ui.aio: {exc}", file=sys.stderr)
        return 2
    commands = {"run": run, "stop": stop, "status": status, "reset": reset}
    return commands[args.command](cfg)


if __name__ == "__main__":
    sys.exit(main())
