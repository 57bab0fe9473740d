"""The Synopse of two versions of the plan as text, Markdown, HTML and PDF."""
