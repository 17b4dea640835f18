"""The interactive determination key: data model, loader, engine, identification, checks."""
