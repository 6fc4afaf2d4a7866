"""The pygame workstation: start screen, call screen, registration form and score screen."""
