"""The live floor over WebSockets (Django Channels).

A browser on a session's floor or console opens ``ws/carbon/<pk>/``. The consumer checks the
user may view the session (``carbon.view_simulation`` through ``visible_to``; otherwise the
socket is closed), joins the session's group and sends the page's state; whenever the session
changes it sends the state again — the market for everyone, and only the viewer's own company
(or, for an instructor, every company).

Changes reach the group two ways: a service announces its change when its transaction commits
(``announce_change``), and each serving process keeps one watcher per session with viewers,
which every half second runs the session's clock (``services.clock.tick``: day closes,
deadlines, simulated traders) and compares the session's ``version`` — so a change made by
another process is seen within a second even when the in-memory channel layer cannot carry it
across processes (with several processes, REDIS_URL gives them one layer)."""

from __future__ import annotations

import asyncio
import logging

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.layers import get_channel_layer

from chanchuang.carbon.models import Participant, Simulation

log = logging.getLogger(__name__)
WATCH_INTERVAL = 0.5
DEBOUNCE = 0.15


def group_name(simulation_id: int) -> str:
    return f"carbon.{simulation_id}"


def announce_change(simulation_id: int) -> None:
    """Tell a session's live pages it changed (never fails the change that was committed)."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group_name(simulation_id), {"type": "floor.changed"})
    except Exception:  # a push that cannot be delivered is caught up by the watchers
        log.warning("Could not announce a change of session %s", simulation_id, exc_info=True)


def page_state(simulation_id: int, user, cache: dict) -> dict | None:
    """The state one viewer's page shows (None: the session is out of their sight). The
    market part is computed once per session version and process (``cache``)."""
    from chanchuang.carbon.queries import floor

    simulation = (Simulation.objects.visible_to(user)
                  .select_related("scenario", "school_class__major")
                  .filter(pk=simulation_id).first())
    if simulation is None or not user.has_perm("carbon.view_simulation", simulation):
        return None
    key = (simulation_id, simulation.version)
    market = cache.get(key)
    if market is None:
        cache.clear()
        market = cache[key] = floor.market_state(simulation)
    participant = Participant.objects.filter(simulation=simulation, user=user,
                                             company__isnull=False).select_related(
        "company").first()
    state = floor.for_viewer(market, participant.company_id if participant else None)
    if participant is not None:
        state["company"] = floor.company_state(simulation, participant.company)
    if user.has_perm("carbon.run_simulation", simulation) or user.has_perm(
            "carbon.export_simulation", simulation):
        state["companies"] = floor.companies_state(simulation)
    return state


class Watcher:
    """One per session with viewers in this process: runs the clock and pushes changes."""

    watchers: dict[int, Watcher] = {}
    market_cache: dict = {}

    def __init__(self, simulation_id: int) -> None:
        self.simulation_id = simulation_id
        self.viewers = 0
        self.version: int | None = None
        self.task = asyncio.get_running_loop().create_task(self.run())

    @classmethod
    def join(cls, simulation_id: int) -> None:
        watcher = cls.watchers.get(simulation_id)
        if watcher is None or watcher.task.done():
            watcher = cls.watchers[simulation_id] = cls(simulation_id)
        watcher.viewers += 1

    @classmethod
    def leave(cls, simulation_id: int) -> None:
        watcher = cls.watchers.get(simulation_id)
        if watcher is not None:
            watcher.viewers -= 1
            if watcher.viewers <= 0:
                watcher.task.cancel()
                cls.watchers.pop(simulation_id, None)

    async def run(self) -> None:
        from chanchuang.carbon.services.clock import tick

        layer = get_channel_layer()
        while True:
            try:
                await database_sync_to_async(tick)(self.simulation_id)
                version = await database_sync_to_async(
                    lambda: Simulation.objects.filter(pk=self.simulation_id).values_list(
                        "version", flat=True).first())()
                if version is not None and version != self.version:
                    if self.version is not None:
                        await layer.group_send(group_name(self.simulation_id),
                                               {"type": "floor.changed"})
                    self.version = version
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("The watcher of session %s failed a beat", self.simulation_id)
            await asyncio.sleep(WATCH_INTERVAL)


class FloorConsumer(AsyncJsonWebsocketConsumer):
    """A live page of a session: the participant's floor or the instructor's console."""

    async def connect(self) -> None:
        self.simulation_id = int(self.scope["url_route"]["kwargs"]["pk"])
        self.user = self.scope["user"]
        self.pending = False
        self.watching = False
        state = await self.state()
        if state is None:
            await self.close(code=4404)
            return
        await self.channel_layer.group_add(group_name(self.simulation_id), self.channel_name)
        await self.accept()
        Watcher.join(self.simulation_id)
        self.watching = True
        await self.send_json(state)

    async def disconnect(self, code) -> None:
        if getattr(self, "watching", False):
            Watcher.leave(self.simulation_id)
            await self.channel_layer.group_discard(group_name(self.simulation_id),
                                                   self.channel_name)

    async def state(self) -> dict | None:
        if not self.user.is_authenticated:
            return None
        return await database_sync_to_async(page_state)(self.simulation_id, self.user,
                                                        Watcher.market_cache)

    async def floor_changed(self, event) -> None:
        """The session changed: send the state again, once for changes close together."""
        if not self.pending:
            self.pending = True
            asyncio.get_running_loop().create_task(self.send_soon())

    async def send_soon(self) -> None:
        await asyncio.sleep(DEBOUNCE)
        self.pending = False
        state = await self.state()
        if state is None:
            await self.close(code=4404)
            return
        await self.send_json(state)

    async def receive_json(self, content, **kwargs) -> None:
        """The page asks for the state again (after a reconnect, or its own action)."""
        if content.get("type") == "refresh":
            await self.floor_changed({})
