"""The Voortgang screen on a real SQLite results file: two scored calls and one abandoned call."""

from __future__ import annotations

import pygame
import pytest
from ui_driver import ROOT, AppDriver

from simulator.call.replay import load_transcript, replay
from simulator.scenario.loader import load_scenario
from simulator.scoring.rubric import load_rubric
from simulator.scoring.scorer import score
from simulator.store import open_store
from simulator.ui.look import PRIMARY

GOLDEN = ROOT / "tests" / "golden" / "afval-boze-beller"
PHASES = ("aanvang", "analyse", "actie", "afsluiting")


@pytest.fixture(scope="module")
def scored_calls():
    """Pieter's model call and his call without empathy, replayed and scored for real."""
    scenario = load_scenario(ROOT / "scenarios" / "afval-boze-beller.yaml")
    calls = []
    for name in ("model", "fout-geen-empathie"):
        record = replay(scenario, load_transcript(GOLDEN / f"{name}.yaml"))
        calls.append((record, score(record, scenario)))
    return calls


def fill_store(path, calls) -> None:  # noqa: ANN001
    """Finished, abandoned (the window closed mid-call), finished: in that order."""
    (first, first_card), (second, second_card) = calls
    with open_store(path) as store:
        store.save_attempt(first, first_card, mode="oefenen")
        store.begin_attempt("afval-boze-beller", trainee="Pieter")
        store.save_attempt(second, second_card, mode="toets")


def open_history(driver, name: str = "Pieter") -> None:  # noqa: ANN001
    driver.type(name)
    driver.press(pygame.K_F3)
    assert driver.screen.name == "voortgang"


def expected_rates(calls) -> dict[str, tuple[int, int]]:  # noqa: ANN001
    """Per rule (met, applicable) counted straight from the scorecards."""
    counts: dict[str, tuple[int, int]] = {}
    for _, card in calls:
        for rule in card.rules:
            if rule.verdict != "nvt":
                met, applicable = counts.get(rule.rule_id, (0, 0))
                counts[rule.rule_id] = (met + (rule.verdict == "gehaald"), applicable + 1)
    return counts


def test_history_charts_the_scored_attempts_and_lists_the_abandoned_one(
    driver, tmp_path, scored_calls
):
    fill_store(tmp_path / "resultaten.db", scored_calls)
    open_history(driver)
    screen = driver.screen
    progress = screen.progress
    assert [a.status for a in progress.attempts] == ["afgerond", "afgebroken", "afgerond"]
    texts = screen.attempt_texts()  # newest first
    assert len(texts) == 3 and texts[1].startswith("2 · ") and texts[1].endswith("afgebroken")
    assert "Container voor de derde keer niet geleegd" in texts[0]

    (first_card, second_card) = (card for _, card in scored_calls)
    rect, total = screen.charts[0]
    assert total.series.title == "Totaalscore"
    # The abandoned attempt (number 2) has no point: the line runs from attempt 1 to attempt 3.
    assert [n for n, _ in total.series.points] == [1, 3]
    assert total.series.values == pytest.approx([first_card.total, second_card.total])
    assert len(total.points_px) == 2 and total.points_px[0][0] < total.points_px[1][0]
    higher_first = first_card.total > second_card.total
    assert (total.points_px[0][1] < total.points_px[1][1]) == higher_first
    pixels = pygame.surfarray.pixels3d(total.surface)
    line_pixels = (pixels == PRIMARY).all(axis=2).sum()
    del pixels
    assert line_pixels > 50, "the total chart has no line"
    assert pygame.surfarray.array3d(total.surface).std() > 10

    phase_charts = [chart for _, chart in screen.charts[1:]]
    assert [c.series.title for c in phase_charts] == ["Aanvang", "Analyse", "Actie", "Afsluiting"]
    for phase, chart in zip(PHASES, phase_charts, strict=True):
        expected = [
            next(p.percent for p in card.phases if p.phase == phase)
            for card in (first_card, second_card)
        ]
        assert chart.series.values == pytest.approx(expected), phase
        assert chart.pass_mark == pytest.approx(second_card.pass_mark)

    counts = expected_rates(scored_calls)
    weakest = progress.rules[0]
    assert (weakest.met, weakest.applicable) == counts[weakest.rule_id]
    assert weakest.share == min(met / n for met, n in counts.values())
    shares = [bar.share for bar in progress.rules]
    assert shares == sorted(shares)
    titles = {rule.id: rule.titel for rule in load_rubric()}
    assert screen.rule_texts()[0] == "Empathie tonen: 1 van 2 gehaald"
    assert weakest.title == titles["algemeen.empathie"]
    assert "3 gesprekken, waarvan 1 afgebroken" in progress.summary_text()


def test_empty_history_says_so_and_a_name_is_needed(driver):
    driver.press(pygame.K_F3)
    assert driver.screen.name == "start"
    assert "dan ziet u uw voortgang" in driver.screen.message
    open_history(driver, "Nieuweling")
    screen = driver.screen
    assert screen.progress.empty and not screen.charts
    assert screen.message().startswith("Er zijn nog geen gesprekken van Nieuweling opgeslagen.")
    assert driver.button_texts() == ["Terug (Esc)"]
    driver.press(pygame.K_ESCAPE)
    assert driver.screen.name == "start"


def test_keyboard_reaches_the_history_and_scrolls_its_lists(driver, tmp_path, scored_calls):
    fill_store(tmp_path / "resultaten.db", scored_calls)
    driver.type("Pieter")
    driver.press(pygame.K_TAB, mod=pygame.KMOD_SHIFT)  # from the name to the Voortgang button
    assert driver.screen.focus.current.element.text == "Voortgang (F3)"
    driver.press(pygame.K_RETURN)
    screen = driver.screen
    assert screen.name == "voortgang"
    assert screen.focus.current.name == "regels"
    rules = screen.rule_list
    assert rules.count > rules.visible, "the rule list should need scrolling at 1280x720"
    driver.press(pygame.K_DOWN)
    driver.press(pygame.K_PAGEDOWN)
    assert rules.first == min(1 + rules.visible - 1, rules.max_first())
    driver.press(pygame.K_END)
    assert rules.first == rules.max_first() > 0
    driver.press(pygame.K_F10)  # a rebuild with large text keeps the list where it was
    assert screen.rule_list is not rules and screen.rule_list.first == rules.first
    driver.press(pygame.K_TAB)
    assert screen.focus.current.name == "pogingen"
    driver.press(pygame.K_TAB)
    assert screen.focus.current.element.text == "Terug (Esc)"
    driver.press(pygame.K_RETURN)
    assert driver.screen.name == "start"
    assert driver.screen.name_entry.get_text() == "Pieter"


def test_history_from_the_score_screen_shows_the_call_just_made(driver):
    driver.start_call(rings=1)
    driver.say("Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.")
    driver.press(pygame.K_F8)
    driver.until(lambda: driver.screen.name == "registratie", seconds=0.5)
    driver.press(pygame.K_F9)
    driver.until(lambda: driver.screen.name == "score", seconds=0.1)
    total = driver.screen.scorecard.total
    assert "Voortgang (F3)" in driver.button_texts()
    driver.press(pygame.K_F3)
    screen = driver.screen
    assert screen.name == "voortgang"
    assert len(screen.progress.attempts) == 1
    assert screen.charts[0][1].series.values == pytest.approx([total])
    driver.press(pygame.K_ESCAPE)
    assert driver.screen.name == "score"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_history_layout_holds_with_large_text(driver, tmp_path, scored_calls, size):
    fill_store(tmp_path / "resultaten.db", scored_calls)
    event = pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)
    pygame.event.post(event)
    driver.step(2)
    driver.press(pygame.K_F10)
    open_history(driver)
    screen = driver.screen
    window = driver.ctx.window_rect
    panels = [rect for rect, _ in screen.charts] + [screen.rule_list.rect, screen.attempt_list.rect]
    assert all(panel.height > 60 for panel in panels), panels
    parts = [*panels, screen.back_button.get_abs_rect()]
    for i, part in enumerate(parts):
        assert window.contains(part), part
        for other in parts[i + 1 :]:
            assert not part.colliderect(other), (part, other)
    assert screen.rule_list.visible >= 3 and screen.attempt_list.visible >= 2
    for _, chart in screen.charts:
        assert chart.plot_rect().height > 40


def test_only_abandoned_attempts_are_listed_but_not_charted(driver, tmp_path):
    with open_store(tmp_path / "resultaten.db") as store:
        store.begin_attempt("afval-boze-beller", trainee="Pieter")
    open_history(driver)
    screen = driver.screen
    assert screen.attempt_texts() == ["1 · Container voor de derde keer niet geleegd · afgebroken"]
    assert all(not chart.series.points and not chart.points_px for _, chart in screen.charts)
    assert screen.progress.rules == () and screen.rule_list.count == 0
    assert screen.rules_headings() == ["Regels (zwakste eerst)"]


def test_attempt_numbers_on_a_long_history_do_not_crowd_the_axis():
    from simulator.ui.line_chart import tick_step

    assert tick_step(1, 5, 600, 12) == 1
    assert tick_step(1, 60, 600, 20) == 5  # 600 px for 59 steps: a label every 5 attempts
    assert tick_step(1, 400, 300, 30) == 100


def test_a_damaged_results_file_is_named_not_shown_as_an_empty_history(clock, tmp_path):
    damaged = tmp_path / "resultaten.db"
    damaged.write_bytes(b"dit is geen database" * 50)
    pygame.init()
    driver = AppDriver.start(clock, tmp_path)
    try:
        open_history(driver)
        message = driver.screen.message()
    finally:
        driver.close()
        pygame.quit()
    assert "is beschadigd" in message and "niet aangepast" in message
    assert damaged.read_bytes() == b"dit is geen database" * 50
