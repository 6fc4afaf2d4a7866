"""Tools for trainers who write scenarios: a starting scenario (`nieuw`), a walk-through
(`speel-door`) and the coverage table (`dekking`)."""
