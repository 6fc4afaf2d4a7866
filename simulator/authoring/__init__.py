"""Tools for trainers who write scenarios: a starting scenario (`nieuw`) and a walk-through (`speel-door`)."""
