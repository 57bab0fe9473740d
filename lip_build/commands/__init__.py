"""The Click commands, thin shells over the pipeline and the outputs (registered in lip_build/cli.py)."""
