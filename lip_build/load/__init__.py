"""Layer 1 of the pipeline: find the files of a plan and read each into a front-matter tree and a body."""
