from __future__ import annotations

import pygame


def test_start_to_ringing(driver):
    assert driver.screen.name == "start"
    driver.type("Pieter")
    assert driver.ctx.settings.trainee == "Pieter"
    driver.press(pygame.K_F5)
    driver.until(lambda: getattr(driver.screen, "phase_name", "") == "rinkelen")
    driver.step(1, 0.1)
    assert driver.screen.rings == 1
    driver.step(1, 5.0)
    assert driver.screen.rings == 2
    driver.press(pygame.K_SPACE)
    assert driver.screen.phase_name == "gesprek"
