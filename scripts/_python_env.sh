# Shared by scripts/start and scripts/test: make the project's virtual environment and install
# a requirements file into it, again only when that file has changed.
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV_DIR="${RIGHT_STEPS_VENV:-$PROJECT_DIR/.venv}"

find_python() {
  for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "Right Steps needs Python 3.11; none was found on this machine." >&2
  return 1
}

ensure_venv() {
  local requirements="$1"
  if [ ! -x "$VENV_DIR/bin/python" ]; then
    echo "Making the Python environment in $VENV_DIR ..."
    "$(find_python)" -m venv "$VENV_DIR"
  fi
  local stamp="$VENV_DIR/.installed-$(basename "$requirements")"
  local wanted
  wanted="$(cat "$PROJECT_DIR/requirements.txt" "$PROJECT_DIR/$requirements" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "Installing Python packages from $requirements ..."
    "$VENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check -r "$PROJECT_DIR/$requirements"
    echo "$wanted" >"$stamp"
  fi
}

# Install Debian packages that are missing. Uses sudo when not root.
ensure_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local run_as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      run_as_root=(sudo)
    else
      echo "These system packages are needed and cannot be installed without root: ${missing[*]}" >&2
      return 1
    fi
  fi
  echo "Installing system packages: ${missing[*]} ..."
  "${run_as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
