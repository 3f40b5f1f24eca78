"""Team mode on loopback, as the team tests and the load benchmark run it: a real OpenID Connect
provider (oidc-provider-mock), replicas of the app in team mode on one PostgreSQL, and nginx
(Debian's package) in front of them, configured from `deploy/nginx.conf.template`."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from deploy.nginx_config import render
from store.sealing import new_key
from tests.ui.conftest import ROOT, _free_port, _wait_until_healthy

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@contextmanager
def identity_provider(folder: Path, coaches: dict[str, str]) -> Iterator[str]:
    """oidc-provider-mock on a free local port, with each coach (subject -> office) as a user
    to pick on its sign-in form; yields the issuer's address."""
    port = _free_port()
    users = [json.dumps({"sub": sub, "office": office}) for sub, office in coaches.items()]
    with (folder / f"oidc-{port}.log").open("w") as log:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "oidc_provider_mock", "--port", str(port)),
                *(item for user in users for item in ("--user-claims", user)),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        issuer = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{issuer}/.well-known/openid-configuration", process)
            yield issuer
        finally:
            stop(process)


def _wait_for(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{url} did not answer") from None
            time.sleep(0.2)


def sign_in_secrets(folder: Path, app_url: str, issuer: str) -> Path:
    """A secrets.toml whose [auth] signs in through `issuer` and comes back to `app_url`."""
    path = folder / "secrets.toml"
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "{app_url}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        'client_id = "right-steps"\n'
        f'client_secret = "{secrets.token_urlsafe(16)}"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
    )
    return path


@dataclass
class TeamStack:
    url: str  # nginx's address: the one coaches use
    replicas: dict[int, subprocess.Popen]  # port -> the replica's process
    access_log: Path  # nginx's access log, which names the replica of each request


@contextmanager
def replicas_behind_nginx(
    folder: Path, database_url: str, issuer: str, count: int = 2
) -> Iterator[TeamStack]:
    """`count` replicas of the app in team mode on `database_url`, signing in through
    `issuer`, behind nginx on a free local port."""
    if not Path(NGINX).exists():
        raise FileNotFoundError("nginx is not installed; `bash scripts/test` installs it")
    front = _free_port()
    origin = f"http://127.0.0.1:{front}"
    secrets_file = sign_in_secrets(folder, origin, issuer)
    env = {
        **os.environ,
        "HOME": str(folder),
        "RIGHT_STEPS_DATABASE_URL": database_url,
        "RIGHT_STEPS_TEAM_MODE": "on",
        "RIGHT_STEPS_ENCRYPTION_KEYS": new_key(),
        "RIGHT_STEPS_BEHIND_PROXY": "on",
        # Every replica signs the same cookies, so a browser moved to another is still known.
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_urlsafe(32),
    }
    with ExitStack() as cleanup:
        replicas: dict[int, subprocess.Popen] = {}
        for _ in range(count):
            port = _free_port()
            log = cleanup.enter_context((folder / f"replica-{port}.log").open("w"))
            replicas[port] = subprocess.Popen(
                [
                    *(sys.executable, "-m", "streamlit", "run", "app.py"),
                    *("--server.port", str(port), "--server.address", "127.0.0.1"),
                    f"--secrets.files={secrets_file}",
                ],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )
            cleanup.callback(_stop_if_running, replicas[port])
        prefix = folder / "nginx"
        prefix.mkdir(exist_ok=True)
        config = prefix / "nginx.conf"
        config.write_text(
            render(
                listen=f"127.0.0.1:{front}",
                replicas=[f"127.0.0.1:{port}" for port in replicas],
                origin=origin,
                prefix=str(prefix),
                daemon=False,
            )
        )
        nginx = subprocess.Popen(
            [NGINX, "-c", str(config), "-p", str(prefix)],
            stdout=subprocess.DEVNULL,
            stderr=cleanup.enter_context((prefix / "nginx.out").open("w")),
        )
        cleanup.callback(_stop_if_running, nginx)
        for port, process in replicas.items():
            _wait_until_healthy(f"http://127.0.0.1:{port}", process)
        _wait_until_healthy(origin, nginx)
        yield TeamStack(url=origin, replicas=replicas, access_log=prefix / "access.log")


def _stop_if_running(process: subprocess.Popen) -> None:
    if process.poll() is None:
        stop(process)
