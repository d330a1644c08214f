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
