"""Changes to the plan's own files: new goals and measures (lip new), confirmations (lip review)."""
