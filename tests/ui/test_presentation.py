"""The presentation setting: the live call readable for a group on a projector."""

from __future__ import annotations

import pygame

GREETING = "Goedemorgen, gemeente Zaanstad, u spreekt met Pieter."


def test_presentation_toggle_on_the_start_screen(driver):
    driver.click(driver.screen.view_buttons["Presentatie"])
    assert driver.ctx.settings.presentation and not driver.ctx.settings.large_text
    assert driver.ctx.large_text and driver.ctx.scale > 1.0  # presentation brings large text
    assert "#choice_on" in driver.screen.view_buttons["Presentatie"].get_object_ids()
    assert "#choice_on" not in driver.screen.view_buttons["Grote tekst"].get_object_ids()
    driver.press(pygame.K_F12)  # the same switch on a key, anywhere in the app
    assert not driver.ctx.settings.presentation and driver.ctx.scale == 1.0


def test_presentation_makes_the_transcript_the_main_area(driver):
    driver.start_call(rings=1)
    driver.say(GREETING)
    screen = driver.screen
    window = driver.ctx.window_rect
    desk_share = screen.transcript.rect.width / window.width
    desk_text = screen.transcript.size
    desk_button = screen.action_buttons["Ophangen"].get_abs_rect()
    assert not screen.plan.presentation
    assert desk_button.left > screen.transcript.rect.right  # buttons in the right-hand column

    driver.press(pygame.K_F12)
    assert screen.plan.presentation and driver.screen is screen
    assert screen.transcript.size >= 1.5 * desk_text
    assert screen.transcript.rect.width / window.width > desk_share + 0.1
    assert [b.text for b in screen.transcript.bubbles][:1] == [GREETING]
    # The actions run along the bottom, in one row, larger than at the desk.
    rects = [button.get_abs_rect() for button in screen.action_buttons.values()]
    assert len({rect.top for rect in rects}) == 1
    for rect in rects:
        assert rect.top > screen.input_rect.bottom and window.contains(rect)
    assert rects[-1].height > desk_button.height
    # Mood meter and checklist stay in view, beside the transcript.
    plan = screen.plan
    assert plan.mood.height > 0 and plan.mood.left > screen.transcript.rect.right
    assert plan.checklist.left > screen.transcript.rect.right
    assert plan.checklist.height > 4 * plan.panel_size
    assert plan.panel_size > 16

    # The klantbeeld opens as a wide panel under the transcript, which makes room for it.
    height = screen.transcript.rect.height
    driver.press(pygame.K_F2)
    assert screen.klantbeeld_open and plan is not screen.plan
    assert screen.plan.klantbeeld is not None
    assert screen.plan.klantbeeld.top >= screen.transcript.rect.bottom
    assert screen.transcript.rect.height < height
    driver.step(2)

    driver.press(pygame.K_F12)
    assert not screen.plan.presentation and screen.plan.klantbeeld is None
    assert screen.transcript.size == desk_text
    assert screen.klantbeeld_open  # still open, back in the left-hand column
