"""Layer 3: the validated plan as typed, frozen data, the one model every output reads."""
