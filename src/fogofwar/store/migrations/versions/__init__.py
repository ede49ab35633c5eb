"""Alembic revisions. File names are valid module names; revision ids are explicit."""
