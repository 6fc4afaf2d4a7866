"""Screenshots of every screen in a real X window (Xvfb) at 1280x720 and 1920x1080.

Saved under test-artifacts/screenshots/ and copied to docs/screenshots/ (both sizes, normal text)
for people to look at; the test checks they are not blank and that the layout fits the window.
The history screen gets a few earlier attempts (scored golden calls, one abandoned) to chart.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pygame
import pytest
from ui_driver import ROOT, AppDriver, FakeClock

from simulator.call.replay import load_transcript, replay
from simulator.scenario.loader import load_scenario
from simulator.scoring.scorer import score
from simulator.store import open_store

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
DOCS = ROOT / "docs" / "screenshots"
VIEWS = (((1280, 720), False), ((1920, 1080), False), ((1280, 720), True))
# Pieter's earlier attempts, oldest first ("" = a call broken off mid-way).
EARLIER = ("fout-geen-samenvatting", "", "fout-te-laat-opgenomen", "fout-geen-empathie")


def free_display() -> str:
    """An X display number no other server holds (test runs may overlap on one machine)."""
    for number in range(99, 160):
        if not Path(f"/tmp/.X{number}-lock").exists():
            return f":{number}"
    raise RuntimeError("no free X display between :99 and :159")


@pytest.fixture(scope="module")
def xvfb():
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb ontbreekt (apt-get install xvfb): geen schermafdrukken gemaakt")
    display = free_display()
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    saved = {k: os.environ.get(k) for k in ("DISPLAY", "SDL_VIDEODRIVER")}
    os.environ["DISPLAY"] = display
    os.environ["SDL_VIDEODRIVER"] = "x11"
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    server.terminate()
    server.wait(timeout=5)


@pytest.fixture(scope="module")
def earlier_calls():
    scenario = load_scenario(ROOT / "scenarios" / "afval-boze-beller.yaml")
    calls = []
    for name in EARLIER:
        if not name:
            calls.append(None)
            continue
        path = ROOT / "tests" / "golden" / "afval-boze-beller" / f"{name}.yaml"
        record = replay(scenario, load_transcript(path))
        calls.append((record, score(record, scenario)))
    return calls


def store_earlier_calls(path: Path, calls) -> None:  # noqa: ANN001
    with open_store(path) as store:
        for call in calls:
            if call is None:
                store.begin_attempt("afval-boze-beller", trainee="Pieter")
            else:
                store.save_attempt(call[0], call[1], mode="oefenen")


def shoot(driver: AppDriver, name: str, size: tuple[int, int]) -> Path:
    driver.step(2)
    assert_layout_holds(driver)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    suffix = "-groot" if driver.ctx.settings.large_text else ""
    path = ARTIFACTS / f"{name}-{size[0]}x{size[1]}{suffix}.png"
    surface = pygame.display.get_surface()
    pygame.image.save(surface, str(path))
    pixels = pygame.surfarray.array3d(surface).astype(np.float32)
    assert pixels.std() > 20, f"{path.name} looks blank"
    return path


def assert_layout_holds(driver: AppDriver) -> None:
    """Every button lies inside the window and no two buttons overlap."""
    from pygame_gui.elements import UIButton

    window = driver.ctx.window_rect
    buttons = [
        e
        for e in driver.ctx.manager.get_sprite_group().sprites()
        if isinstance(e, UIButton) and e.visible and e.get_abs_rect().width > 40
    ]
    rects = [b.get_abs_rect() for b in buttons]
    for button, rect in zip(buttons, rects, strict=True):
        assert window.contains(rect), f"{button.text} valt buiten het venster"
    for i, rect in enumerate(rects):
        for j in range(i + 1, len(rects)):
            assert not rect.colliderect(rects[j]), (buttons[i].text, buttons[j].text)


@pytest.mark.parametrize(
    ("size", "large"), VIEWS, ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else str(v)
)
def test_screenshots_of_every_screen(xvfb, tmp_path, earlier_calls, size, large):
    from simulator.ui.context import Settings

    store_earlier_calls(tmp_path / "resultaten.db", earlier_calls)
    pygame.init()
    driver = AppDriver.start(FakeClock(), tmp_path, size=size, settings=Settings(large_text=large))
    try:
        assert pygame.display.get_driver() == "x11"
        shots = [shoot(driver, "1-start", size)]
        driver.type("Pieter")
        ids = [s.id for s in driver.ctx.services.scenarios]
        driver.screen.cards.select(ids.index("afval-boze-beller"))
        driver.press(pygame.K_F5)
        driver.until(lambda: getattr(driver.screen, "phase_name", "") == "rinkelen")
        driver.step(1, 5.1)
        shots.append(shoot(driver, "2-telefoon-gaat", size))
        driver.press(pygame.K_SPACE)
        driver.step(1, 1.0)
        driver.say("Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.")
        driver.press(pygame.K_F2)
        driver.say("Wat vervelend voor u, meneer Bakker. Dat begrijp ik.")
        driver.say("Als ik u goed begrijp is uw container niet geleegd. Klopt dat?")
        driver.type("Ik maak nu een melding")
        shots.append(shoot(driver, "3-gesprek", size))
        driver.press(pygame.K_RETURN)
        driver.until_caller_quiet()
        driver.press(pygame.K_F8)
        driver.until(lambda: driver.screen.name == "registratie", seconds=0.5)
        driver.type("Container niet geleegd")
        driver.press(pygame.K_TAB)
        driver.press(pygame.K_TAB)
        driver.type("Voor de derde keer niet geleegd, melding gemaakt.")
        shots.append(shoot(driver, "4-registratie", size))
        driver.press(pygame.K_F5)
        driver.until(lambda: driver.screen.name == "score", seconds=0.1)
        shots.append(shoot(driver, "5-score", size))
        driver.press(pygame.K_F7)
        shots.append(shoot(driver, "6-transcript", size))
        driver.press(pygame.K_ESCAPE)
        driver.press(pygame.K_F3)
        assert driver.screen.name == "voortgang"
        assert len(driver.screen.progress.attempts) == len(EARLIER) + 1
        shots.append(shoot(driver, "7-voortgang", size))
        if not large:  # presentation brings large text itself: one shot per window size
            shots.append(shoot_presentation(driver, size))
        for shot in shots:
            assert shot.stat().st_size > 5_000
    finally:
        driver.close()
        pygame.quit()
    if large:
        return  # docs keep both window sizes; the artefacts keep the large-text set too
    DOCS.mkdir(parents=True, exist_ok=True)
    for shot in shots:
        shutil.copy(shot, DOCS / shot.name)


def shoot_presentation(driver: AppDriver, size: tuple[int, int]) -> Path:
    """A live call in presentation mode, klantbeeld open, from the start screen."""
    driver.press(pygame.K_ESCAPE)  # back to the score
    driver.press(pygame.K_F6)  # the start screen; the name is kept
    driver.press(pygame.K_F12)
    ids = [s.id for s in driver.ctx.services.scenarios]
    driver.screen.cards.select(ids.index("afval-boze-beller"))
    driver.press(pygame.K_F5)
    driver.until(lambda: getattr(driver.screen, "phase_name", "") == "rinkelen")
    driver.step(1, 0.1)
    driver.press(pygame.K_SPACE)
    driver.step(1, 1.0)
    driver.say("Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.")
    driver.say("Wat vervelend voor u, meneer Bakker. Dat begrijp ik.")
    driver.press(pygame.K_F2)
    driver.type("Als ik u goed begrijp")
    assert driver.screen.plan.presentation and driver.screen.plan.klantbeeld is not None
    return shoot(driver, "8-presentatie", size)
