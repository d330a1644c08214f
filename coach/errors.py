"""The errors Coach raises, each with a message a user can act on."""


class CoachError(Exception):
    """Base class: the message is shown to the user as it is."""


class UserInputError(CoachError):
    """The user's input cannot be used (empty, binary, malformed)."""


class ConfigError(CoachError):
    """A setting is missing or inconsistent."""


class AssetError(CoachError):
    """An offline model or data file is missing or fails its hash check."""


class BackendError(CoachError):
    """The chat model backend could not be loaded or did not answer."""


class KnowledgeError(CoachError):
    """The knowledge index could not be read or written."""


class SessionChanged(CoachError):
    """Another window or process wrote to a practice session since this one read it."""


class Unanswered(SessionChanged):
    """The session's last question has no answer yet, so another one cannot follow it."""


class NotFound(UserInputError, KeyError):
    """A record that does not exist or is not this user's (a KeyError too, for callers that catch one)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
