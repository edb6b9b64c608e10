"""The directory of family-service units, contacts and programme facts."""
