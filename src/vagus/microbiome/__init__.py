"""Gut microbiome tests beside the diary: samples, their taxa and diversity (docs/microbiome.md)."""
