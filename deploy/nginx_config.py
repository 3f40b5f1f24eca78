"""Write the nginx configuration for Right Steps' replicas, from `deploy/nginx.conf.template`.

    python -m deploy.nginx_config --listen 443 ... > /etc/nginx/nginx.conf

Every value is checked before it goes in, so nothing given can add a directive.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx.conf.template")
_ADDRESS = re.compile(r"(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):[0-9]{1,5}")
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")
_LISTEN = re.compile(r"((\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):)?[0-9]{1,5}")
_PREFIX = re.compile(r"/[A-Za-z0-9._/-]*")


def render(
    *, listen: str, replicas: list[str], origin: str, prefix: str, daemon: bool = True
) -> str:
    checks = [
        (listen, _LISTEN, "--listen needs a port, or an address and a port"),
        (origin, _ORIGIN, "--origin needs to be the service's address, like https://host"),
        (prefix, _PREFIX, "--prefix needs to be a plain absolute folder"),
        *((replica, _ADDRESS, "--replica needs host:port") for replica in replicas),
    ]
    for value, pattern, message in checks:
        if not pattern.fullmatch(value):
            raise ValueError(message)
    if not replicas:
        raise ValueError("give at least one --replica")
    servers = "\n".join(
        f"        server {replica} max_fails=1 fail_timeout=10s;" for replica in replicas
    )
    values = {
        "listen": listen,
        "servers": servers,
        "origin": origin,
        "prefix": prefix.rstrip("/") or "/",
        "daemon": "on" if daemon else "off",
    }
    # @name@ marks a value: nginx's own variables keep their $ signs.
    return re.sub(r"@([a-z]+)@", lambda found: values[found.group(1)], TEMPLATE.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", required=True, help="what nginx listens on, e.g. 443")
    parser.add_argument("--replica", action="append", default=[], help="host:port, repeated")
    parser.add_argument("--origin", required=True, help="the address coaches use")
    parser.add_argument("--prefix", required=True, help="folder for nginx's logs and pid")
    parser.add_argument("--foreground", action="store_true", help="daemon off")
    args = parser.parse_args()
    try:
        text = render(
            listen=args.listen,
            replicas=args.replica,
            origin=args.origin,
            prefix=args.prefix,
            daemon=not args.foreground,
        )
    except ValueError as error:
        print(f"right-steps: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
