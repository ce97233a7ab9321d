"""The one door to the journal database: tables, engine, migrations, the repository and backups."""
