"""The intent names of domain.yml, in one place (a test checks them against the domain)."""

from __future__ import annotations

from typing import Final


class Intent:
    """Intent names as Rasa sends them; plain strings, so they compare with tracker values."""

    ASK_SERVICES: Final = "ask_services"
    FIND_SERVICE: Final = "find_service"
    ASK_MEETING_PLACES: Final = "ask_meeting_places"
    ASK_UNIT_INFO: Final = "ask_unit_info"
    ASK_CONTACT_ROLE: Final = "ask_contact_role"
    ASK_PERSON_CONTACT: Final = "ask_person_contact"
    ASK_PROGRAMME: Final = "ask_programme"
    INFORM_PLACE: Final = "inform_place"
    GREET: Final = "greet"
    GOODBYE: Final = "goodbye"
    THANK: Final = "thank"
    BOT_CHALLENGE: Final = "bot_challenge"
    ASK_CAPABILITIES: Final = "ask_capabilities"
    AFFIRM: Final = "affirm"
    DENY: Final = "deny"
    CRISIS: Final = "crisis"
    OUT_OF_SCOPE: Final = "out_of_scope"
    ASK_HUMAN: Final = "ask_human"
    FEEDBACK_HELPFUL: Final = "feedback_helpful"
    FEEDBACK_NOT_HELPFUL: Final = "feedback_not_helpful"
    #: Set by Rasa's FallbackClassifier; not in domain.yml.
    NLU_FALLBACK: Final = "nlu_fallback"


#: Every intent name of the domain.
DOMAIN_INTENTS: Final = frozenset(
    value for name, value in vars(Intent).items() if name.isupper() and value != Intent.NLU_FALLBACK
)
#: Intents answered from the directory.
QUESTION_INTENTS: Final = frozenset(
    {
        Intent.ASK_SERVICES,
        Intent.FIND_SERVICE,
        Intent.ASK_MEETING_PLACES,
        Intent.ASK_UNIT_INFO,
        Intent.ASK_CONTACT_ROLE,
        Intent.ASK_PERSON_CONTACT,
        Intent.ASK_PROGRAMME,
    }
)
