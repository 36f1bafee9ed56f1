"""WebSocket routes of the carbon app (served by ``chanchuang.asgi``)."""

from django.urls import path

from chanchuang.carbon.consumers import FloorConsumer

websocket_urlpatterns = [
    path("ws/carbon/<int:pk>/", FloorConsumer.as_asgi()),
]
