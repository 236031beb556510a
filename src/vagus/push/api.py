"""Push routes: the server's public key, and subscribing or unsubscribing this device."""

from __future__ import annotations

from ninja import Router, Schema, Status
from ninja.errors import HttpError

from vagus.api.schemas import Message
from vagus.ownership import AuthenticatedHttpRequest
from vagus.push import actions, vapid

router = Router(tags=["push"])


class PublicKey(Schema):
    public_key: str


class SubscriptionKeys(Schema):
    p256dh: str
    auth: str


class SubscriptionIn(Schema):
    endpoint: str
    keys: SubscriptionKeys


class EndpointIn(Schema):
    endpoint: str


class Subscribed(Schema):
    id: str


class Removed(Schema):
    removed: int


@router.get("/push/key", response=PublicKey, url_name="push_public_key")
def public_key(request: AuthenticatedHttpRequest) -> dict:
    """The key to pass to ``pushManager.subscribe`` as ``applicationServerKey``."""
    return {"public_key": vapid.public_key()}


@router.post(
    "/push/subscriptions", response={201: Subscribed, 400: Message}, url_name="push_subscribe"
)
def subscribe(request: AuthenticatedHttpRequest, body: SubscriptionIn) -> Status:
    try:
        subscription = actions.subscribe(
            request.user,
            body.endpoint,
            body.keys.p256dh,
            body.keys.auth,
            request.headers.get("User-Agent", ""),
        )
    except actions.SubscriptionError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(201, {"id": str(subscription.uuid)})


@router.post("/push/unsubscribe", response=Removed, url_name="push_unsubscribe")
def unsubscribe(request: AuthenticatedHttpRequest, body: EndpointIn) -> dict:
    return {"removed": actions.unsubscribe(request.user, body.endpoint)}
