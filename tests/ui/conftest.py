"""Headless pygame for the UI tests: dummy video and audio drivers, set before pygame loads."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402
from ui_driver import AppDriver, FakeClock  # noqa: E402


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def driver(clock: FakeClock, tmp_path):  # noqa: ANN001, ANN201
    pygame.init()
    app = AppDriver.start(clock, tmp_path)
    yield app
    app.close()
    pygame.quit()
