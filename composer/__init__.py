"""FOI Composer: multi-part Freedom of Information requests to UK police forces."""

__version__ = "0.1.0"
