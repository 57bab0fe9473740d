"""Layer 2: check what was read (fields, references, statuses, texts); every problem is a diagnostic."""
