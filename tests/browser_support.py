"""A Coach server on loopback and the browser steps the end-to-end walk is made of."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

from coach.config import DATA_DIR
from tests.conftest import REPO, free_port, serving

CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = "install it with: apt-get install -y chromium chromium-driver"
# Without the networking flags Chromium floods the closed network with refused connections.
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 800}
# st.navigation derives each page's url path from its file name; the default page is the root.
URL_PATHS = {"Prepare": "/", "Reach out": "/reach_out", "Practise": "/practise", "History": "/history"}


def require_browser() -> None:
    """Skip, saying how to install it, where Chromium or the playwright package is missing."""
    if not CHROMIUM.is_file():
        pytest.skip(f"Debian Chromium is not at {CHROMIUM}: {INSTALL_HINT}")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip(f"the playwright package is missing (pip install -e '.[dev]'); Chromium itself: {INSTALL_HINT}")


def build_index(data_dir: Path, models_dir: Path, embeddings: str) -> None:
    """Index the shipped notes into data_dir, as `coach setup` does."""
    from coach.config import Settings
    from coach.services import Services

    settings = Settings(backend="fake", embeddings=embeddings, data_dir=data_dir, models_path=models_dir, _env_file=None)
    Services(settings).kb.ingest(DATA_DIR / "knowledge")


class CoachServer:
    """A running `streamlit run app.py`: its url, process and log."""

    def __init__(self, process: subprocess.Popen, url: str, log: Path) -> None:
        self.process, self.url, self.log = process, url, log

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    @contextmanager
    def log_on_failure(self) -> Iterator[None]:
        """A failed browser step comes with the end of the server's log (tracebacks land there, not in the page)."""
        try:
            yield
        except Exception as exc:
            raise AssertionError(f"{exc}\n--- streamlit log ---\n{self.log_tail()}") from exc


@contextmanager
def chromium() -> Iterator:
    """One headless Debian Chromium, closed afterwards (skips when it is not installed)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@contextmanager
def coach_server(
    folder: Path,
    models_dir: Path,
    backend: str,
    embeddings: str,
    extra_args: Sequence[str] = (),
    port: int | None = None,
    **extra_env: str,
) -> Iterator[CoachServer]:
    """Index the notes into folder/data, serve the app on a port (a free one by default), terminate it afterwards."""
    data_dir = folder / "data"
    build_index(data_dir, models_dir, embeddings)
    port = port or free_port()
    inherited = {name: value for name, value in os.environ.items() if not name.startswith(("COACH_", "OPENAI_"))}
    env = {
        **inherited,
        "COACH_BACKEND": backend,
        "COACH_EMBEDDINGS": embeddings,
        "COACH_DATA_DIR": str(data_dir),
        "COACH_MODELS_PATH": str(models_dir),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "ANONYMIZED_TELEMETRY": "False",
        **extra_env,
    }
    url = f"http://127.0.0.1:{port}"
    args = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1"]
    log = folder / "streamlit.log"
    with serving([*args, *extra_args], log, f"{url}/_stcore/health", cwd=REPO, env=env) as process:
        yield CoachServer(process, url, log)


def wait_idle(page, timeout: float | None = None) -> None:
    """Wait until the app is connected, its script has finished and no element is still a placeholder."""
    options = {} if timeout is None else {"timeout": timeout}
    page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(**options)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(**options)
    page.get_by_test_id("stSkeleton").first.wait_for(state="detached", **options)


def go_to(page, title: str) -> None:
    """Open a page through its sidebar link and wait for its title and url path."""
    page.get_by_test_id("stSidebarNavLink").filter(has_text=re.compile(rf"{re.escape(title)}$")).click()
    page.wait_for_url(re.compile(re.escape(URL_PATHS[title]) + r"$"))
    page.get_by_role("heading", name=title, exact=True).wait_for()
    wait_idle(page)


def screenshot(page, name: str, folder: Path, publish_to: Path | None = None) -> Path:
    """The whole page as folder/name.png (and a copy in publish_to); Streamlit scrolls inside <main>, not the body."""
    wait_idle(page)
    height = page.locator("main").evaluate("main => main.scrollHeight")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height)})
    try:
        wait_idle(page)
        path = folder / f"{name}.png"
        page.screenshot(path=path, full_page=True, animations="disabled")
    finally:
        page.set_viewport_size(VIEWPORT)
    if publish_to is not None:
        publish_to.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, publish_to / path.name)
    return path


def start_practice(page, role: str) -> str:
    """On the Practise page, pick a role from the list and start a session; return the persona's name."""
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Role")
    picker.click()
    picker.locator("input").fill(role)
    page.get_by_role("option", name=role, exact=True).click()
    page.get_by_role("button", name="Start session").click()
    chat_box = page.get_by_test_id("stChatInputTextArea")
    chat_box.wait_for()
    wait_idle(page)
    # The persona card opens with "**Name**, Title"; History lists the session under that title.
    card = page.get_by_test_id("stMarkdownContainer").filter(has_text="years in the field")
    return card.locator("strong").first.inner_text()


def send(page, question: str) -> None:
    """Type a question into the chat box and press Enter."""
    chat_box = page.get_by_test_id("stChatInputTextArea")
    chat_box.fill(question)
    chat_box.press("Enter")


def wait_for_reply(page, turn: int, timeout: float) -> str:
    """Wait until the conversation holds `turn` exchanges and the reply has been redrawn from the store."""
    messages = page.get_by_test_id("stChatMessageContent")
    # Only the redraw from the store gives a reply its grounding expander; the streamed draft has none.
    messages.nth(2 * turn - 1).get_by_test_id("stExpander").wait_for(timeout=timeout)
    wait_idle(page, timeout)
    assert messages.count() == 2 * turn, f"expected {turn} exchanges, the page shows {messages.count()} messages"
    reply = messages.nth(2 * turn - 1).inner_text().strip()
    assert reply, f"the professional's reply to turn {turn} is empty"
    return reply
