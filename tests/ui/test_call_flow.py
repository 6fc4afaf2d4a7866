"""Whole calls through the real app: start screen, ringing, typed call, registration, score."""

from __future__ import annotations

import pygame
import pytest

from simulator.call.record import ActionEvent, Registration

GREETING = "Goedemorgen, gemeente Zaanstad, u spreekt met Pieter."
CALL = (
    "Wat vervelend voor u, meneer Bakker. Dat begrijp ik.",
    "Als ik u goed begrijp is uw container voor de derde keer niet geleegd. Klopt dat?",
    "Ik maak nu een melding en de container wordt binnen twee werkdagen alsnog geleegd.",
    "Is dit wat u betreft akkoord?",
    "Kan ik u nog ergens anders mee van dienst zijn?",
)
GOODBYE = "Dank u voor het bellen, meneer Bakker. Ik wens u een fijne dag verder."


def test_a_whole_call_from_start_screen_to_score(driver):
    assert driver.screen.name == "start"
    assert "Start gesprek (F5)" in driver.button_texts()
    driver.start_call(rings=2)
    call_screen = driver.screen
    assert call_screen.name == "gesprek" and call_screen.phase_name == "gesprek"
    assert call_screen.rings == 2
    assert call_screen.ring_text.startswith("Overgegaan: 2 keer")
    assert call_screen.caller_card_text == "Naam nog onbekend"
    assert {"Klantbeeld (F2)", "Ophangen (F8)", "Doorverbinden (F4)"} <= set(driver.button_texts())

    driver.say(GREETING)
    assert call_screen.caller_card_text == "Meneer Henk Bakker"
    assert call_screen.checklist().lines()[1] == "  [x] Begroeting en gemeente"

    driver.press(pygame.K_F2)
    assert call_screen.klantbeeld_open
    assert ("Adres", "Rosmolenstraat 14") in call_screen.klantbeeld_lines()
    assert call_screen.engine.record.actions("klantbeeld")

    for line in CALL:
        driver.say(line)
    checklist = "\n".join(call_screen.checklist().lines())
    assert "[x] Samengevat en gecheckt" in checklist
    assert "[x] Akkoord gevraagd" in checklist
    driver.say(GOODBYE)
    driver.until(lambda: driver.screen.name == "registratie", seconds=0.5)

    bubbles = driver.screen.bubbles
    assert bubbles[0].speaker == "medewerker" and bubbles[0].text == GREETING
    assert bubbles[1].speaker == "beller" and "Bakker" in bubbles[1].text
    assert bubbles[-1].speaker == "beller"

    driver.type("Container niet geleegd")
    driver.press(pygame.K_TAB)
    driver.press(pygame.K_TAB)
    driver.type("Derde keer niet geleegd; melding gemaakt.")
    driver.press(pygame.K_F5)
    driver.until(lambda: driver.screen.name == "score", seconds=0.1)

    registration = driver.screen.record.of(Registration)[-1]
    assert registration.onderwerp == "Container niet geleegd"
    assert registration.afhandeling == "direct_beantwoord"
    score = driver.screen
    verdicts = {r.rule_id: r.verdict for r in score.scorecard.rules}
    assert verdicts["algemeen.opnemen"] == "gehaald"
    assert verdicts["aanvang.openingszin"] == "gehaald"
    assert score.phase_lines()[0].startswith("Algemeen: ")
    assert {"Opnieuw (F5)", "Rapport opslaan (F9)"} <= set(driver.button_texts())
    assert any(text.startswith("U: Goedemorgen") for text in score.transcript.texts())


def test_score_screen_rule_jumps_to_its_moment_in_the_transcript(driver):
    driver.start_call(rings=1)
    driver.say(GREETING)
    driver.press(pygame.K_F8)
    driver.until(lambda: driver.screen.name == "registratie", seconds=0.5)
    driver.press(pygame.K_F9)
    driver.until(lambda: driver.screen.name == "score", seconds=0.1)
    score = driver.screen
    rows = score.rules.rows
    opening = next(i for i, row in enumerate(rows) if row.rule.rule_id == "aanvang.openingszin")
    for _ in range(opening):  # the rule list has the focus: arrow down to the opening rule
        driver.press(pygame.K_DOWN)
    assert score.rules.selected == opening
    bubble = score.transcript.bubbles[score.transcript.highlight]
    assert bubble.text == GREETING
    driver.click_at(score.rules.row_top(opening) + 5, score.rules.rect.centerx)
    assert score.rules.selected == opening
    assert score.scorecard.rule("aanvang.openingszin").verdict == "gehaald"
    assert score.record.actions("ophangen")

    driver.press(pygame.K_F7)
    assert driver.screen.name == "transcript"
    driver.press(pygame.K_ESCAPE)
    assert driver.screen.name == "score"
    driver.press(pygame.K_F6)
    assert driver.screen.name == "start"


def test_late_pick_up_and_actions_reach_the_record(driver):
    driver.start_call(rings=5)
    assert driver.screen.rings == 5
    driver.say(GREETING)
    driver.press(pygame.K_F3)
    assert driver.screen.engine.on_hold
    assert "Terug uit de wacht (F3)" in driver.button_texts()
    driver.press(pygame.K_F3)
    assert not driver.screen.engine.on_hold
    driver.press(pygame.K_F6)
    assert driver.screen.note_open
    driver.type("Terugbellen voor vrijdag")
    driver.press(pygame.K_RETURN)
    actions = [a.action for a in driver.screen.engine.record.of(ActionEvent)]
    assert actions[:3] == ["wacht", "terug", "terugbelnotitie"]
    assert driver.screen.engine.record.actions("terugbelnotitie")[0].detail == (
        "Terugbellen voor vrijdag"
    )
    driver.press(pygame.K_F8)
    driver.until(lambda: driver.screen.name == "registratie", seconds=0.5)
    driver.press(pygame.K_F9)
    driver.until(lambda: driver.screen.name == "score", seconds=0.1)
    assert driver.screen.scorecard.rule("algemeen.opnemen").verdict == "niet_gehaald"


def test_toets_mode_has_no_hints(driver):
    driver.type("Pieter")
    driver.press(pygame.K_TAB)  # to the cards
    for _ in range(3):
        driver.press(pygame.K_TAB)
    driver.screen._choose("mode", "toets")
    assert driver.ctx.settings.mode == "toets"
    driver.press(pygame.K_F5)
    driver.until(lambda: getattr(driver.screen, "phase_name", "") == "rinkelen")
    assert not driver.screen.hints
    assert driver.screen.hint_rect.height == 0


def test_the_call_is_saved_as_it_goes(driver, tmp_path):
    """A window closed mid-call loses nothing said: the attempt reads back as afgebroken."""
    from simulator.store import open_store

    driver.start_call(rings=1)
    driver.say(GREETING)
    driver.say(CALL[0])
    store = open_store(tmp_path / "resultaten.db")
    (summary,) = store.attempts()
    assert summary.status == "afgebroken"
    stored = store.load_attempt(summary.id)
    said = [turn.text for turn in stored.record.trainee_turns]
    assert said == [GREETING, CALL[0]]
    assert stored.record.caller_turns


@pytest.fixture
def keep_audio(tmp_path, monkeypatch):  # noqa: ANN001, ANN201
    """Settings with `audio_opslaan` on, in place before the app opens its store."""
    (tmp_path / "instellingen.toml").write_text("audio_opslaan = true\n", encoding="utf-8")
    monkeypatch.setenv("KCC_SIM_CONFIG", str(tmp_path))


def test_recorded_voice_is_kept_when_the_settings_allow(keep_audio, driver, tmp_path):
    """The app hands every recorded utterance to the store; `audio_opslaan` decides."""
    import speech_recognition as sr

    from simulator.store import open_store

    driver.start_call(rings=1)
    call = driver.screen.call
    call.talk_started()
    driver.clock.advance(0.5)
    call.talk_ended(sr.AudioData(b"\x01\x02" * 8000, 16000, 2))
    store = open_store(tmp_path / "resultaten.db")
    (summary,) = store.attempts()
    (clip,) = store.audio(summary.id)
    assert clip.wav.startswith(b"RIFF") and len(clip.wav) > 16000
