"""Everything lip writes from a validated plan: website, Drucksache, Synopse, reports, schemas."""
