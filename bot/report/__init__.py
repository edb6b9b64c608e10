"""The unanswered-questions report for municipal editors (``python -m bot report``)."""
