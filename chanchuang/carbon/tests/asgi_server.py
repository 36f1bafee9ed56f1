"""A live ASGI server for the browser tests of the live floor: uvicorn, in a thread, serving
the project's ASGI application (HTTP with the static files, and the WebSockets) on
127.0.0.1. pytest-django's ``live_server`` speaks WSGI only, which has no WebSocket. And
``run_async``, for a test that drives the consumer itself: Playwright's sync API leaves the
test thread looking as if an event loop ran in it, so async code runs in a thread of its own.

With SQLite's in-memory test database, every thread would otherwise open its own connection
and lock the other out: the server's database work all runs in asgiref's one thread for
synchronous code, and that thread is handed the test's own connection, as Django's
``LiveServerThread`` does."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from dataclasses import dataclass

import pytest
import uvicorn
from asgiref.sync import SyncToAsync, sync_to_async
from channels.routing import ProtocolTypeRouter, URLRouter
from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
from django.core.asgi import get_asgi_application
from django.db import connections

from chanchuang.carbon.routing import websocket_urlpatterns


@dataclass
class AsgiLiveServer:
    url: str


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _shared_connections() -> dict:
    """The test thread's in-memory SQLite connections, to share with the server's thread."""
    shared = {}
    for alias in connections:
        connection = connections[alias]
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            connection.inc_thread_sharing()
            shared[alias] = connection
    return shared


def _bind(shared: dict) -> None:
    """Hand the test's connections to the thread this runs in (asgiref's one thread for
    synchronous code)."""
    for alias, connection in shared.items():
        connections[alias] = connection


def run_async(work) -> None:
    """Run ``await work()`` on an event loop in a new thread, its synchronous database work
    on the test's connections; re-raise what it raised."""
    shared = _shared_connections()
    failure: list[BaseException] = []

    async def main() -> None:
        await sync_to_async(_bind)(shared)
        try:
            await work()
        finally:
            await sync_to_async(_close_own)(set(shared))

    def target() -> None:
        try:
            asyncio.run(main())
        except BaseException as error:  # handed to the test thread
            failure.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=60)
    for connection in shared.values():
        connection.dec_thread_sharing()
    if failure:
        raise failure[0]


def _application(shared: dict):
    from channels.auth import AuthMiddlewareStack

    inner = ProtocolTypeRouter({
        "http": ASGIStaticFilesHandler(get_asgi_application()),
        "websocket": AuthMiddlewareStack(URLRouter(websocket_urlpatterns)),
    })
    bound = threading.Event()

    async def application(scope, receive, send):
        if not bound.is_set():
            await sync_to_async(_bind)(shared)
            bound.set()
        await inner(scope, receive, send)

    return application


@pytest.fixture
def asgi_live_server(transactional_db, monkeypatch):
    """Serve the app over ASGI for one test; yields an object with ``url``. Each request's
    thread closes its connection when the request ends (no persistent connections), so the
    test database can be dropped afterwards."""
    for alias in connections:
        monkeypatch.setitem(connections[alias].settings_dict, "CONN_MAX_AGE", 0)
    shared = _shared_connections()
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(
        _application(shared), host="127.0.0.1", port=port, log_level="warning",
        ws="websockets-sansio", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield AsgiLiveServer(url=f"http://127.0.0.1:{port}")
    server.should_exit = True
    thread.join(timeout=10)
    # The server's synchronous thread opened its own connections where none were shared
    # (PostgreSQL): close them, or the test database cannot be dropped.
    SyncToAsync.single_thread_executor.submit(_close_own, set(shared)).result(timeout=10)
    for connection in shared.values():
        connection.dec_thread_sharing()


def _close_own(shared: set[str]) -> None:
    for alias in connections:
        if alias not in shared:
            connections[alias].close()
