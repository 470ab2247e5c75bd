#!/usr/bin/env python3
"""What a researcher writes in ten lines: every table cell of each DOCX given, as JSON, with python-docx."""
import json
import sys

import docx

for path in sys.argv[1:]:
    document = docx.Document(path)
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    json.dump({"path": path, "paragraphs": [p.text for p in document.paragraphs], "tables": tables}, sys.stdout,
              ensure_ascii=False)
    sys.stdout.write("\n")
