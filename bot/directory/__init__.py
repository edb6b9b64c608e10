"""The directory of family-service units, contacts and programme facts.

- :mod:`bot.directory.model`: the PTV-shaped entries (units, persons, programme facts, ...),
  made of the values in :mod:`bot.directory.values` (areas, phones, emails, sources).
- :mod:`bot.directory.schema`: the YAML files as pydantic models, with the field types of
  :mod:`bot.directory.fields`.
- :mod:`bot.directory.loader`: ``load_directory(path)`` reads and validates the YAML files;
  :mod:`bot.directory.build` turns checked entries into the model's entries.
- :mod:`bot.directory.queries`: ``Directory`` and its questions (``lookup``, ``find_contacts``);
  :mod:`bot.directory.areas` indexes entries by the places they serve.
- :mod:`bot.directory.store`: ``DirectoryStore(path).current()``, the directory a process
  serves, reloaded when its files change.
"""
