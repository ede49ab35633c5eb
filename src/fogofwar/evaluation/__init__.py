"""Evaluation suites: each scores one capability against gold data in ``../shared/datasets``."""
