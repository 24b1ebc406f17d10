"""Career workbook generator: content/*.yml -> a themed MkDocs (Material) site."""

__version__ = "0.1.0"
