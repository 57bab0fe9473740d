"""lip – der Lokale Integrationsplan als Code."""

__version__ = "0.1.0"
