"""Perhebotti: the domain of a Finnish chatbot for municipal family services."""
