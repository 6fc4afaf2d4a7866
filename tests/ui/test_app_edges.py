"""The app's edges: no window, window resizes, large text, ring tone, microphone check."""

from __future__ import annotations

import wave

import pygame

from simulator.ui import app as app_module
from simulator.ui.mic_check import check_microphone
from simulator.ui.sound import ASSET, RING_SECONDS, ring_samples


def test_run_app_without_a_window_says_so_in_dutch(monkeypatch, capsys):
    def no_window(fullscreen):  # noqa: ANN001
        raise pygame.error("x11 not available")

    monkeypatch.setattr(app_module, "open_window", no_window)
    assert app_module.run_app(["--geen-geluid"]) == 1
    err = capsys.readouterr().err
    assert "Het venster van de simulator kon niet worden geopend" in err
    assert "--tekst" in err


def test_layout_is_rebuilt_on_resize_and_large_text(driver):
    before = driver.screen.start_button.get_abs_rect()
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080, size=(1920, 1080)))
    driver.step(2)
    assert driver.ctx.window.get_size() == (1920, 1080)
    after = driver.screen.start_button.get_abs_rect()
    assert after.bottom > before.bottom and after.width > before.width
    assert driver.ctx.window_rect.contains(after)
    scale = driver.ctx.scale
    driver.press(pygame.K_F10)
    assert driver.ctx.settings.large_text and driver.ctx.scale > scale
    assert driver.ctx.window_rect.contains(driver.screen.start_button.get_abs_rect())


def test_keyboard_focus_moves_with_tab_and_activates_with_enter(driver):
    driver.type("Pieter")
    focus = driver.screen.focus
    assert focus.current.takes_text
    driver.press(pygame.K_TAB)
    first = focus.current
    assert first.element is not None and "Oefenen" in first.element.text
    driver.press(pygame.K_TAB)
    assert "Toets" in focus.current.element.text
    driver.press(pygame.K_RETURN)
    assert driver.ctx.settings.mode == "toets"
    driver.press(pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert "Oefenen" in driver.screen.focus.current.element.text


def test_start_needs_a_name(driver):
    driver.press(pygame.K_F5)
    assert driver.screen.name == "start"
    assert "Vul eerst uw naam in" in driver.screen.message


def test_scenario_cards_follow_the_arrow_keys(driver):
    driver.type("Pieter")
    driver.press(pygame.K_RETURN)  # from the name field to the cards
    cards = driver.screen.cards
    assert driver.screen.focus.current.name == "kaarten"
    driver.press(pygame.K_RIGHT)
    assert cards.selected == 1
    driver.press(pygame.K_RETURN)
    assert driver.screen.name == "gesprek"
    assert driver.screen.scenario.id == driver.ctx.services.scenarios[1].id


def test_ring_tone_is_two_seconds_of_sound_within_a_ring():
    samples = ring_samples()
    assert len(samples) / 22050 == 2.0 < RING_SECONDS
    assert samples.max() > 10_000 and (samples[int(22050 * 1.5) :] == 0).all()
    with wave.open(str(ASSET)) as committed:
        assert committed.getnframes() == len(samples)
        assert committed.getframerate() == 22050


def test_microphone_check_without_microphone_offers_typing():
    result = check_microphone(seconds=0.2)
    if result.ok:  # a machine with a working microphone
        assert "microfoon" in result.message.lower()
    else:
        assert "Typen" in result.message
