"""Who is asking: the client's address and scheme, also behind a trusted reverse proxy.

``X-Forwarded-For`` and ``X-Forwarded-Proto`` are believed only when the request comes
from one of the configured trusted proxies (``PERHEBOTTI_TRUSTED_PROXIES``); anybody else
could write whatever they like in them. The client is then the right-most address in
``X-Forwarded-For`` that is not itself a trusted proxy.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(value: str) -> frozenset[Network]:
    """Parse a comma-separated list of addresses or networks (``127.0.0.1, 10.0.0.0/8``).

    Raises:
        ValueError: When an entry is not an IP address or network.
    """
    return frozenset(
        ipaddress.ip_network(item.strip(), strict=False)
        for item in value.split(",")
        if item.strip()
    )


def _trusted(address: str | None, proxies: Iterable[Network]) -> bool:
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(
    remote: str | None, forwarded_for: str | None, proxies: frozenset[Network]
) -> str:
    """The client's address: the peer, or what a trusted proxy says the client was.

    Args:
        remote: The address the TCP connection comes from.
        forwarded_for: The ``X-Forwarded-For`` header, if any.
        proxies: Trusted proxies.

    Returns:
        An address string ("" when unknown).
    """
    if not forwarded_for or not _trusted(remote, proxies):
        return remote or ""
    hops = [hop.strip() for hop in forwarded_for.split(",")[-20:]]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote or ""
    return hops[0] if hops and hops[0] else remote or ""


def client_scheme(
    remote: str | None, scheme: str, forwarded_proto: str | None, proxies: frozenset[Network]
) -> str:
    """``https`` or ``http``: the connection's own, or a trusted proxy's ``X-Forwarded-Proto``."""
    if forwarded_proto and _trusted(remote, proxies):
        forwarded = forwarded_proto.split(",")[0].strip().lower()
        if forwarded in {"http", "https"}:
            return forwarded
    return scheme
