"""The directory of family-service units, contacts and programme facts.

- :mod:`bot.directory.model`: the PTV-shaped entries (units, persons, programme facts, ...).
- :mod:`bot.directory.loader`: ``load_directory(path)`` reads and validates the YAML files.
- :mod:`bot.directory.queries`: ``Directory`` and its questions (``lookup``, ``find_contacts``).
- :mod:`bot.directory.store`: ``default_store().current()``, the directory a process serves.
"""
