"""Finnish reply text: units, contacts, provenance lines, phone numbers and links."""
