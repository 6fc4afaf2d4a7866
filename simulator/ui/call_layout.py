"""Where everything on the call screen goes, for a trainee at a desk or for a group.

`desk`: the caller's card and mood meter on the left, the transcript in the middle, the action
buttons and the phase checklist on the right. `presentation` (a projector in a classroom): the
transcript is the main area with larger bubbles, the caller's card, mood meter and checklist
share one column on the right, an open klantbeeld is a wide panel under the transcript, and the
action buttons run along the bottom.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pygame import Rect

from simulator.ui.look import row_widths

# Side panels (checklist, mood, klantbeeld) in presentation: this much larger than at a desk.
PRESENTATION_PANEL = 18 / 16


@dataclass(frozen=True)
class CallLayout:
    presentation: bool
    top: Rect  # title, call timer and ring counter
    transcript: Rect
    hint: Rect  # height 0 without hints
    input: Rect
    card: Rect  # the caller's name
    mood: Rect  # height 0 without hints
    pickup: Rect | None  # only while the phone rings
    actions: tuple[Rect, ...]  # one per action button, in the order asked for
    # Desk: klantbeeld and notices under the mood meter, the checklist under the buttons.
    # Presentation: checklist and notices share the side column; an open klantbeeld gets a
    # wide panel under the transcript.
    column: Rect
    checklist: Rect
    klantbeeld: Rect | None
    bubble_size: int  # transcript text
    panel_size: int  # checklist and mood text
    gap: int


def plan_call_layout(
    rect: Rect,
    px: Callable[[float], int],
    hints: bool,
    ringing: bool,
    action_labels: Sequence[str],
    presentation: bool,
    klantbeeld_height: int = 0,
) -> CallLayout:
    """`klantbeeld_height`: the open klantbeeld's wide panel in presentation (0: closed)."""
    if presentation:
        return _presentation(rect, px, hints, ringing, action_labels, klantbeeld_height)
    return _desk(rect, px, hints, ringing, action_labels)


def _desk(rect, px, hints, ringing, action_labels) -> CallLayout:  # noqa: ANN001
    margin, gap = px(16), px(10)
    top_h = px(64)
    side_w = max(px(250), int(rect.width * 0.22))
    right_w = max(px(260), int(rect.width * 0.22))
    body_top = margin + top_h
    body_h = rect.height - body_top - margin
    left = Rect(margin, body_top, side_w, body_h)
    right = Rect(rect.width - margin - right_w, body_top, right_w, body_h)
    centre_x = left.right + gap
    centre_w = right.left - gap - centre_x
    input_h = px(48)
    hint_h = px(30) if hints else 0
    transcript = Rect(centre_x, body_top, centre_w, body_h - input_h - hint_h - gap)
    card = Rect(left.left, left.top, left.width, px(92))
    mood = Rect(left.left, card.bottom + px(10), left.width, px(46) if hints else 0)
    column_top = mood.bottom + px(12) if hints else card.bottom + px(10)
    y = right.top
    pickup = None
    if ringing:
        pickup = Rect(right.left, y, right.width, px(64))
        y += px(64) + px(8)
    actions = []
    for _ in action_labels:
        actions.append(Rect(right.left, y, right.width, px(42)))
        y += px(42) + px(8)
    return CallLayout(
        presentation=False,
        top=Rect(margin, margin, rect.width - 2 * margin, top_h - gap),
        transcript=transcript,
        hint=Rect(centre_x, transcript.bottom + 4, centre_w, hint_h),
        input=Rect(centre_x, rect.height - margin - input_h, centre_w, input_h),
        card=card,
        mood=mood,
        pickup=pickup,
        actions=tuple(actions),
        column=Rect(left.left, column_top, left.width, left.bottom - column_top),
        checklist=Rect(right.left, y + gap, right.width, right.bottom - y - gap),
        klantbeeld=None,
        bubble_size=px(16),
        panel_size=px(16),
        gap=gap,
    )


def _presentation(rect, px, hints, ringing, action_labels, klantbeeld_h) -> CallLayout:  # noqa: ANN001
    margin, gap = px(16), px(12)
    top_h = px(64)
    strip_h = px(50)
    side_w = max(px(300), int(rect.width * 0.27))
    body_top = margin + top_h
    strip_top = rect.height - margin - strip_h
    body_bottom = strip_top - gap
    side = Rect(rect.width - margin - side_w, body_top, side_w, body_bottom - body_top)
    main_w = side.left - gap - margin
    input_h = px(50)
    hint_h = px(32) if hints else 0
    input_rect = Rect(margin, body_bottom - input_h, main_w, input_h)
    hint = Rect(margin, input_rect.top - gap // 2 - hint_h, main_w, hint_h)
    klantbeeld = None
    above = hint.top - (gap // 2 if hint_h else gap)
    if klantbeeld_h:
        # Never more than half the main area: the conversation stays the main thing to see.
        klantbeeld_h = min(klantbeeld_h, (above - body_top) // 2)
        klantbeeld = Rect(margin, above - klantbeeld_h, main_w, klantbeeld_h)
        above = klantbeeld.top - gap
    transcript = Rect(margin, body_top, main_w, above - body_top)
    y = side.top
    pickup = None
    if ringing:
        pickup = Rect(side.left, y, side.width, px(64))
        y += px(64) + gap
    card = Rect(side.left, y, side.width, px(84))
    mood = Rect(side.left, card.bottom + gap, side.width, px(52) if hints else 0)
    column_top = mood.bottom + gap
    widths = row_widths(list(action_labels), px(16), rect.width - 2 * margin, gap, px(12))
    actions, x = [], margin
    for width in widths:
        actions.append(Rect(x, strip_top, width, strip_h))
        x += width + gap
    column = Rect(side.left, column_top, side.width, side.bottom - column_top)
    return CallLayout(
        presentation=True,
        top=Rect(margin, margin, rect.width - 2 * margin, top_h - gap),
        transcript=transcript,
        hint=hint,
        input=input_rect,
        card=card,
        mood=mood,
        pickup=pickup,
        actions=tuple(actions),
        column=column,
        checklist=column,
        klantbeeld=klantbeeld,
        bubble_size=px(21),
        panel_size=round(px(16) * PRESENTATION_PANEL),
        gap=gap,
    )
