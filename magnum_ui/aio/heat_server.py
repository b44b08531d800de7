"""Heat in one process: ``python -m magnum_ui.aio.heat_server --config-file heat.conf``.

Heat 27 has no ``heat-all``: ``heat-engine`` is a service launched by
oslo.service and ``heat-api`` is only a WSGI app.  This runs both in one
process with no message broker: the API's RPC client and the engine's RPC
servers share oslo.messaging's in-memory ``fake:/`` transport, which only
works inside a single process, and oslo.service uses its threading backend
(Heat 27 is written for it; no eventlet).

The engine is started directly rather than through oslo.service's launcher:
the launcher would fork it into a child process (cotyledon), out of reach of
the in-memory transport.

The app is served by the standard library's WSGI server with a thread per
request.  That is what Heat's own ``heat-wsgi-api`` script uses (single
threaded there), it needs nothing but threads, so it sits with the threading
backend, and it can be shut down from within the process.  gunicorn cannot
be used: it runs the app in forked workers, so the API would not share the
engine's transport, and its arbiter owns the signals we need for the
orderly stop.

SIGTERM (or SIGINT) stops in order: no new HTTP requests, requests in flight
finished, then the engine stopped, which finishes the stack work it is doing
and records its state.  Killed instead, it leaves a stack it was deleting in
DELETE_IN_PROGRESS (still listed, its name taken) until deleted again.
"""

from __future__ import annotations

import signal
import socketserver
import sys
import threading
import warnings
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

LOG_NAME = "heat-aio"


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    # Non-daemon request threads, joined by server_close(): a request in
    # flight (say, a stack delete) finishes before the engine stops.
    daemon_threads = False
    block_on_close = True


def _request_handler(log: Any) -> type[WSGIRequestHandler]:
    class RequestHandler(WSGIRequestHandler):
        """Access lines through Heat's log rather than bare writes to stderr."""

        def log_message(self, format: str, *args: Any) -> None:
            log.info("%s %s", self.address_string(), format % args)

    return RequestHandler


def _register_options(conf: Any) -> None:
    from oslo_config import cfg

    # The option names Heat's own API server had before it became WSGI-only.
    conf.register_opts(
        [
            cfg.HostAddressOpt("bind_host", default="127.0.0.1", help="Address to listen on."),
            cfg.PortOpt("bind_port", default=8004, help="Port to listen on."),
        ],
        group="heat_api",
    )


def _configure(argv: list[str]) -> Any:
    """Parse the configuration and set up logging and messaging as heat-engine does."""
    from heat import version
    from heat.common import config, messaging
    from oslo_config import cfg
    from oslo_log import log as logging

    conf = cfg.CONF
    logging.register_options(conf)
    # A line per resource type (and a warning per retired one) at every
    # start would bury what the log is for.
    logging.set_defaults(
        default_log_levels=[*logging.get_default_log_levels(), "heat.engine.environment=ERROR"]
    )
    _register_options(conf)
    # Only the file given on the command line: never /etc/heat or ~/.heat.
    conf(
        argv,
        project="heat",
        prog="heat-aio",
        version=version.version_info.version_string(),
        default_config_files=[],
        default_config_dirs=[],
    )
    logging.setup(conf, LOG_NAME)
    config.set_config_defaults()
    messaging.setup()
    return conf


# Heat looks at a resource in progress (above all a nested stack: a node
# group, a node) once a second; in one process, where a look is a read of the
# local database, a tenth of that takes seconds off every bay operation.
STEP_SECONDS = 0.1


def _quicker_steps(seconds: float) -> None:
    """Make ``seconds`` the wait between two steps of Heat's tasks (1 s in Heat).

    Heat has no option for it: it is the default argument of TaskRunner.__call__,
    which every resource action (create, update, delete, ...) uses.
    """
    from heat.engine import scheduler

    defaults = scheduler.TaskRunner.__call__.__defaults__
    if not defaults or defaults[0] != 1:
        raise SystemExit("heat: TaskRunner.__call__ changed; update magnum_ui.aio.heat_server")
    scheduler.TaskRunner.__call__.__defaults__ = (seconds, *defaults[1:])


def _engine(conf: Any) -> Any:
    from heat.common import config
    from heat.engine import service as engine_service
    from heat.engine import template
    from heat.rpc import api as rpc_api

    _quicker_steps(STEP_SECONDS)

    # After the engine's imports, which register the options it checks.
    config.startup_sanity_check()
    if not template._get_template_extension_manager().names():
        raise SystemExit("heat: no template format plugins registered")
    engine = engine_service.EngineService(conf.host, rpc_api.ENGINE_TOPIC)
    engine.start()
    return engine


def _serve_until(server: ThreadingWSGIServer, stop: threading.Event, log: Any) -> int:
    """Serve until ``stop`` is set; return only when no request is running any more."""
    serving = threading.Thread(target=server.serve_forever, name="heat-api", daemon=True)
    serving.start()
    log.info("heat-api listening on %s:%s", *server.server_address[:2])
    status = 0
    # A timed wait, so the main thread returns to Python (and to the signal
    # handler) at least once a second.
    while not stop.wait(1.0):
        if not serving.is_alive():
            log.error("the HTTP server stopped by itself")
            status = 1
            break
    else:
        log.info("asked to stop: closing heat-api")
    server.shutdown()
    server.server_close()
    log.info("heat-api stopped")
    return status


def _stop_engine(engine: Any, log: Any) -> None:
    from heat.common import messaging

    log.info("stopping the engine")
    engine.stop()
    messaging.cleanup()
    log.info("heat stopped")


def serve(argv: list[str]) -> int:
    # futurist imports eventlet just because it is installed (oslo.service
    # depends on it), which warns; nothing here runs on eventlet.
    warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
    from oslo_service import backend

    # Before anything imports oslo_service.service (Heat's engine does).
    backend.init_backend(backend.BackendType.THREADING)
    from heat.common import config
    from oslo_log import log as logging

    conf = _configure(argv)
    log = logging.getLogger(LOG_NAME)
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()  # only that: a handler that logs could meet the log's own lock

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    # The port first: if it is taken, fail before an engine touches the
    # database (a second engine would take the first one's stacks for dead).
    server = ThreadingWSGIServer(
        (conf.heat_api.bind_host, conf.heat_api.bind_port), _request_handler(log)
    )
    try:
        # The engine before the app is served, so answering HTTP means able to
        # work; stopped whatever happens, or its threads would keep us alive.
        engine = _engine(conf)
        try:
            server.set_app(config.load_paste_app("heat-api"))
            return _serve_until(server, stop, log)
        finally:
            _stop_engine(engine, log)
    finally:
        server.server_close()


def main() -> int:
    return serve(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
