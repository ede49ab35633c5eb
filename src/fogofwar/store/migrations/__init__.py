"""Alembic migrations for the store, run programmatically by :mod:`fogofwar.store.migrate`."""
