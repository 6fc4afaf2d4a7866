"""The CallRecord round-trips through plain data (what the store saves) without loss."""

import json

from simulator.call.record import (
    CallEnd,
    CallerTurn,
    CallRecord,
    Interruption,
    PickUp,
    Registration,
    Ring,
    TraineeTurn,
    Word,
)


def test_record_round_trips_through_json():
    record = CallRecord(scenario_id="s", trainee="Pieter", seed=3)
    record.add(Ring(t=0.0, count=1))
    record.add(PickUp(t=2.0, rings=1))
    record.add(
        TraineeTurn(
            t=2.5,
            end=4.0,
            text="Goedemorgen",
            confidence=0.8,
            words=(Word("Goedemorgen", 2.5, 4.0, 0.8),),
            moves=("begroeting",),
        )
    )
    record.add(CallerTurn(t=4.4, end=6.0, text="Hallo", emotional=True, part=1, parts=2))
    record.add(Interruption(t=5.0, respectful=True, after_parts=1, parts=2, state="x"))
    record.add(CallEnd(t=9.0, by="medewerker"))
    record.add(Registration(t=14.0, onderwerp="Afval"))
    again = CallRecord.from_dict(json.loads(json.dumps(record.to_dict())))
    assert again == record
    assert again.pickup.rings == 1
    assert again.trainee_turns[0].words[0].probability == 0.8
    assert again.registration.onderwerp == "Afval"
    assert again.duration == 14.0
