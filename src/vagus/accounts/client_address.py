"""The address a request really came from, for keying the login lockout.

Behind a reverse proxy every request arrives from the proxy, so a lockout keyed on that
address would lock everyone out of an account that one stranger guessed at. The proxy names
the real client in X-Forwarded-For, but anyone can send that header, so it is believed only
as far as VAGUS_TRUSTED_PROXY says:

- unset: the connecting address (REMOTE_ADDR); X-Forwarded-For is ignored;
- a number N: N proxies stand in front, each appending the address it saw, so the client is
  the N-th address from the right of X-Forwarded-For plus the connecting address;
- addresses or networks (``10.0.0.2``, ``10.0.0.0/24``, comma-separated): walk from the
  connecting address leftwards past trusted proxies; the first untrusted one is the client.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def client_address(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR") or None
    trusted = str(getattr(settings, "TRUSTED_PROXY", "") or "").strip()
    if not trusted or remote is None or not _valid(remote):
        return remote
    chain = [a for a in _forwarded_for(request) if _valid(a)] + [remote]
    if trusted.isdigit():
        hops = int(trusted)
        # Fewer entries than proxies: the header was not written by all of them; take the
        # farthest address we have, which a proxy of ours wrote.
        return chain[max(len(chain) - 1 - hops, 0)]
    networks = _networks(trusted)
    for address in reversed(chain):
        if not any(ipaddress.ip_address(address) in net for net in networks):
            return address
    return chain[0]


def _forwarded_for(request: HttpRequest) -> list[str]:
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return [part.strip() for part in header.split(",") if part.strip()]


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def check_trusted_proxy(spec: str) -> None:
    """Raise ValueError, naming the part, unless ``spec`` is empty, a count or addresses."""
    if spec and not spec.isdigit():
        _networks(spec)


@lru_cache(maxsize=8)
def _networks(spec: str) -> tuple[Network, ...]:
    networks = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            message = f"“{part}” is not a number of proxies, an address or a network"
            raise ValueError(message) from None
    return tuple(networks)
