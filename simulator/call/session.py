"""One spoken call: joins the microphone, the recogniser, the call engine and the caller's voice.

The UI (terminal or pygame) calls the input methods (pick_up, talk_started, talk_ended,
say_typed, act) and polls `update()` for events. Slow work (rendering lines, loading the model,
recognising speech) runs on worker threads; the clock is injected, so tests run in virtual time.
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.audio.prerender import MOOD_REACH, plan_lines, speaker_voice
from simulator.audio.protocols import Playback, SpeechRecognizer, TextToSpeech
from simulator.audio.streaming import PieceRecognition
from simulator.audio.utterance import Utterance
from simulator.call.engine import CallEngine
from simulator.call.record import CallEnd, CallerTurn, MoodChange, StateChange
from simulator.scenario.model import Scenario

RING_SECONDS = 5.0
URGENT, BACKGROUND = 0, 1


@dataclass(frozen=True)
class SessionEvent:
    """Something the UI shows. kinds: ring, ready, caller_started, caller_ended, utterance,
    not_heard, mood, phase, notice, ended."""

    kind: str
    t: float
    text: str = ""
    turn: CallerTurn | None = None
    utterance: Utterance | None = None
    value: Any = None


class Worker:
    """A background thread running jobs by priority (urgent before background), in order.

    Background jobs can be held back (`hold`) while another thread does urgent work: on two
    cores, rendering the caller's later lines during recognition slowed the caller's reply."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.PriorityQueue = queue.PriorityQueue()
        self._results: queue.Queue = queue.Queue()
        self._order = itertools.count()
        self._closed = False
        self._free = threading.Event()
        self._free.set()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, tag: Any, job: Callable[[], Any], priority: int = URGENT) -> None:
        self._jobs.put((priority, next(self._order), tag, job))

    def results(self) -> list[tuple[Any, Any, BaseException | None]]:
        """(tag, result, error) of every job finished since the last call."""
        done = []
        while True:
            try:
                done.append(self._results.get_nowait())
            except queue.Empty:
                return done

    def idle(self) -> bool:
        return self._jobs.unfinished_tasks == 0

    def hold(self, held: bool) -> None:
        """Hold background jobs back (urgent ones still run), or let them go again."""
        if held:
            self._free.clear()
        else:
            self._free.set()

    def close(self, wait: float = 10.0) -> None:
        """Stop after the job in hand (a render or a recognition, normally well under a second;
        `wait` is the limit under heavy load). Waiting for it keeps a render from writing into a
        cache being removed, or from running in native code while the process exits."""
        self._closed = True
        self._free.set()
        self._jobs.put((-1, -1, None, None))
        if self._thread is not threading.current_thread():
            self._thread.join(wait)

    def _run(self) -> None:
        while True:
            priority, order, tag, job = self._jobs.get()
            if priority == BACKGROUND and not self._free.is_set() and not self._closed:
                # Back in the queue, so an urgent job that arrives meanwhile goes first.
                self._jobs.put((priority, order, tag, job))
                self._jobs.task_done()
                self._free.wait(0.05)
                continue
            try:
                if job is None or self._closed:
                    return
                try:
                    self._results.put((tag, job(), None))
                except Exception as exc:  # reported to the session, which shows it in Dutch
                    self._results.put((tag, None, exc))
            finally:
                self._jobs.task_done()


@dataclass
class _Playing:
    turn: CallerTurn
    started: float
    ends: float


@dataclass
class _Line:
    turn: CallerTurn
    wav: Path | None = None
    ready: bool = False


@dataclass
class SpokenCall:
    """A call in real (or injected) time. Without tts/playback the caller's lines are text only;
    without a recogniser the trainee types (`say_typed`)."""

    scenario: Scenario
    tts: TextToSpeech | None = None
    playback: Playback | None = None
    recognizer: SpeechRecognizer | None = None
    clock: Callable[[], float] = time.monotonic
    trainee: str = ""
    seed: int = 0
    engine: CallEngine | None = None
    notices: list[str] = field(default_factory=list)
    # Called with (start, audio) for every recorded utterance: the store keeps the trainee's
    # voice when the settings allow it (`audio_opslaan`).
    audio_listeners: list[Callable[[float, Any], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.engine = self.engine or CallEngine(self.scenario, seed=self.seed, trainee=self.trainee)
        self._begin: float | None = None
        self._events: list[SessionEvent] = []
        self._lines: deque[_Line] = deque()
        self._playing: _Playing | None = None
        self._seen = 0
        self._talk_start: float | None = None
        self._talk_over_caller = False
        self._recognising = 0
        self._ended_reported = False
        self._next_ring = 0.0
        self._prerender_left = 0
        self._voice = Worker("stem") if self.tts else None
        self._ears = Worker("herkenning") if self.recognizer else None
        # Pieces of a turn are recognised while the trainee still speaks (talk_audio).
        self._piece_pool = (
            ThreadPoolExecutor(1, thread_name_prefix="stukken") if self.recognizer else None
        )
        self._pieces: PieceRecognition | None = None
        self._pieces_lock = threading.Lock()
        for notice in self.notices:
            self._emit("notice", text=notice)

    # ----- preparation ---------------------------------------------------------------------

    def prepare(self, mood_reach: int = MOOD_REACH) -> None:
        """Start rendering the scenario's lines and loading the recogniser in the background.

        The call is `ready` once the lines at the caller's starting mood are rendered; the other
        moods go on rendering during the call (a line needed before its turn is rendered at once,
        which takes a fraction of a second), so nobody waits half a minute for the phone."""
        if self._voice and self.tts:
            lines = plan_lines(self.scenario, self.trainee, mood_reach)
            self._prerender_left = sum(line.first for line in lines)
            for line in sorted(lines, key=lambda line: not line.first):
                tag = "voor" if line.first else "later"
                self._voice.submit(
                    (tag, None), _bind(self.tts.render, line.text, line.voice), BACKGROUND
                )
        if self._ears and hasattr(self.recognizer, "load"):
            self._ears.submit(("laden", None), self.recognizer.load, URGENT)

    @property
    def ready(self) -> bool:
        """True when the lines are rendered (the phone can be picked up without delays)."""
        return self._prerender_left == 0

    # ----- time ----------------------------------------------------------------------------

    def now(self) -> float:
        if self._begin is None:
            return 0.0
        return round(self.clock() - self._begin, 2)

    def start(self) -> None:
        """The phone starts ringing."""
        self._begin = self.clock()
        self._next_ring = 0.0

    @property
    def finished(self) -> bool:
        return self._ended_reported

    @property
    def caller_speaking(self) -> bool:
        return self._playing is not None

    @property
    def quiet(self) -> bool:
        """Nobody is speaking and nothing is pending: no caller line queued, no speech being
        recognised (the moment a trainee would start talking)."""
        return (
            self._playing is None
            and not self._lines
            and self._talk_start is None
            and self._recognising == 0
        )

    # ----- trainee inputs -----------------------------------------------------------------

    def pick_up(self) -> None:
        self._feed(self.engine.pick_up(self.now()))

    def talk_started(self) -> float:
        """Push-to-talk pressed (or voice onset on an open line): the caller stops at once."""
        t = self.now()
        self._talk_start = t
        self._talk_over_caller = self._playing is not None
        with self._pieces_lock:
            self._pieces = None
        if self._playing is not None:
            self._stop_caller(t, interrupted=True)
        return t

    def talk_audio(self, chunk: bytes, sample_rate: int, sample_width: int) -> None:
        """Audio of the turn so far, as it is recorded (any thread): finished pieces are
        recognised while the trainee goes on speaking, so little is left when the key is
        released. Optional: without it the whole turn is recognised at `talk_ended`."""
        if self.recognizer is None or self._piece_pool is None or self._talk_start is None:
            return
        with self._pieces_lock:
            if self._pieces is None:
                self._pieces = PieceRecognition(
                    self.recognizer, sample_rate, sample_width, self._piece_pool
                )
                if self._voice:
                    self._voice.hold(True)  # the background renders wait for the recogniser
            pieces = self._pieces
        pieces.feed(chunk)

    def talk_ended(self, audio: Any, start: float | None = None) -> None:
        """The recorded speech goes to the recogniser; its utterance reaches the engine later."""
        begin = self._talk_start if start is None else start
        begin = self.now() if begin is None else begin
        over = self._talk_over_caller
        self._talk_start = None
        with self._pieces_lock:
            pieces, self._pieces = self._pieces, None
        for listener in self.audio_listeners:
            listener(begin, audio)
        if self._ears is None or self.recognizer is None:
            return
        self._recognising += 1
        if self._voice:
            self._voice.hold(True)
        if pieces is not None:
            job = _bind(_finish_pieces, pieces, audio, begin)
        else:
            job = _bind(self.recognizer.transcribe, audio, begin)
        self._ears.submit(("hoor", over), job)

    def say_typed(self, text: str, over_caller: bool | None = None) -> None:
        """A typed answer, said in the half second before Enter."""
        t = self.now()
        over = self._playing is not None if over_caller is None else over_caller
        if self._playing is not None:
            self._stop_caller(t, interrupted=True)
        # Typed: its times say nothing about speaking tempo, so the record flags it.
        self._hear(Utterance(text, max(0.0, t - 0.5), t, 1.0), over, typed=True)

    def act(self, action: str, detail: str = "") -> None:
        t = self.now()
        if action in ("ophangen", "wacht", "doorverbinden") and self._playing is not None:
            self._stop_caller(t, interrupted=False)
        self._feed(self.engine.act(action, t, detail))

    def let_continue(self) -> None:
        self._feed(self.engine.let_continue(self.now()))

    def hang_up(self) -> None:
        self.act("ophangen")

    def close(self) -> None:
        if self.playback:
            self.playback.stop()
        if self._piece_pool:  # first, so a turn being finished stops waiting for its pieces
            self._piece_pool.shutdown(wait=False, cancel_futures=True)
        for worker in (self._voice, self._ears):
            if worker:
                worker.close()

    # ----- the loop -----------------------------------------------------------------------

    def update(self) -> list[SessionEvent]:
        """Advance the call to now; returns the events since the last call (for the UI)."""
        t = self.now()
        if self._begin is not None and not self.engine.picked_up and not self.engine.finished:
            while t >= self._next_ring and not self.engine.finished:
                self.engine.ring(self._next_ring)
                self._emit("ring", t=self._next_ring, value=self.engine.rings)
                self._next_ring += RING_SECONDS
        self._collect_voice()
        self._collect_ears()
        if self._playing is not None and t >= self._playing.ends:
            self._stop_caller(self._playing.ends, interrupted=False)
        self._start_next_line(t)
        if self._idle():
            self._feed(self.engine.tick(t))
            self._start_next_line(t)
        self._sync_record()
        if self.engine.finished and self._idle() and not self._lines and not self._ended_reported:
            self._ended_reported = True
            end = self.engine.record.ended
            self._emit("ended", text=end.by if end else "", value=end)
        events, self._events = self._events, []
        return events

    # ----- internals ----------------------------------------------------------------------

    def _idle(self) -> bool:
        return (
            self._playing is None
            and not self._lines
            and self._talk_start is None
            and self._recognising == 0
            and self.engine.picked_up
        )

    def _emit(self, kind: str, t: float | None = None, **data: Any) -> None:
        self._events.append(SessionEvent(kind, self.now() if t is None else t, **data))

    def _hear(self, utterance: Utterance, over_caller: bool, typed: bool = False) -> None:
        if utterance.empty:
            self._emit("not_heard", utterance=utterance)
            return
        self._emit("utterance", text=utterance.text, utterance=utterance)
        self._feed(
            self.engine.hear(
                utterance.text,
                utterance.start,
                utterance.end,
                confidence=utterance.confidence,
                words=utterance.words,
                over_caller=over_caller,
                typed=typed,
            )
        )

    def _feed(self, turns: list[CallerTurn]) -> None:
        for turn in turns:
            line = _Line(turn)
            self._lines.append(line)
            if self._voice and self.tts:
                voice = speaker_voice(self.scenario, turn.speaker, turn.mood)
                self._voice.submit(("lijn", id(line)), _bind(self.tts.render, turn.text, voice))
            else:
                line.ready = True
        self._sync_record()

    def _collect_voice(self) -> None:
        if not self._voice:
            return
        for (kind, key), result, error in self._voice.results():
            if kind in ("voor", "later"):
                if kind == "voor":
                    self._prerender_left -= 1
                    if self._prerender_left == 0:
                        self._emit("ready")
                if error is not None and not any(e.kind == "notice" for e in self._events):
                    self._emit("notice", text=str(error))
                continue
            for line in self._lines:
                if id(line) == key:
                    line.ready = True
                    line.wav = result
            if error is not None:
                self._emit("notice", text=str(error))

    def _collect_ears(self) -> None:
        if not self._ears:
            return
        for (kind, over), result, error in self._ears.results():
            if kind == "laden":
                if error is not None:
                    self._emit("notice", text=str(error))
                continue
            self._recognising -= 1
            if error is not None:
                self._emit("notice", text=str(error))
            else:
                self._hear(result, over)
            # Released only now, so the reply's own render (urgent) is queued first.
            if self._recognising == 0 and self._voice:
                self._voice.hold(False)

    def _start_next_line(self, t: float) -> None:
        if self._playing is not None or self._talk_start is not None or not self._lines:
            return
        line = self._lines[0]
        if not line.ready or t < line.turn.t - 0.05:
            return
        self._lines.popleft()
        duration = line.turn.end - line.turn.t
        if line.wav is not None and self.playback is not None:
            try:
                duration = self.playback.play(line.wav)
            except Exception as exc:  # a broken sound device must not end the call
                self._emit("notice", text=f"Het geluid kon niet worden afgespeeld ({exc}).")
        self._playing = _Playing(line.turn, t, t + duration)
        self._tell_engine_played(line.turn, t, t + duration)
        self._emit("caller_started", text=line.turn.text, turn=line.turn)

    def _tell_engine_played(self, turn: CallerTurn, start: float, end: float) -> None:
        """The record gets the real playback times, so an interruption is judged against the
        line that was really still playing. Only the newest line can be corrected that way."""
        lines = self.engine.record.caller_turns
        if lines and lines[-1] is turn:
            self.engine.played(start, end)

    def _stop_caller(self, t: float, interrupted: bool) -> None:
        playing, self._playing = self._playing, None
        if playing is None:
            return
        if interrupted:
            if self.playback:
                self.playback.stop()
            # The caller stops mid-sentence; lines queued after it are not said any more.
            self._lines.clear()
        self._emit("caller_ended", t=t, turn=playing.turn, value=interrupted)

    def _sync_record(self) -> None:
        events = self.engine.record.events
        for event in events[self._seen :]:
            if isinstance(event, MoodChange):
                self._emit("mood", t=event.t, value=event.new, text=event.reason)
            elif isinstance(event, StateChange):
                phase = self.scenario.toestanden[event.new].fase
                self._emit("phase", t=event.t, value=phase, text=event.new)
            elif isinstance(event, CallEnd):
                pass  # reported as "ended" once the last line has been played
        self._seen = len(events)


def _bind(function: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    return lambda: function(*args)


def _finish_pieces(pieces: PieceRecognition, audio: Any, begin: float) -> Utterance:
    return pieces.finish(audio).shifted(begin)


def run_spoken_call(
    scenario: Scenario,
    trainee: str = "",
    seed: int = 0,
    hints: bool = True,
    mode: str = "oefenen",
    database: str | None = None,
) -> int:
    """`kcc-sim oefen SCENARIO`: the spoken call in the terminal; returns the exit code."""
    from simulator.audio.spoken_terminal import run_spoken_call as run

    return run(scenario, trainee=trainee, seed=seed, hints=hints, mode=mode, database=database)
