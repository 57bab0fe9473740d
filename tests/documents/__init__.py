"""Fixtures and helpers of the Drucksache tests (PDF and DOCX)."""
