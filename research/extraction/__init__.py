"""The readers behind `research.extract`, one module per part of the work.

- `vocabulary`: the words of reports as patterns (item types, units, verbs, casualties, maps);
- `context`: one report read sentence by sentence, and what the readers below share;
- `clearance`, `casualties`, `maps`: the three kinds of records;
- `table_records`: records from the tables `research.tables` finds.

Names with a leading underscore are shared within this package only; `research.extract` is
its one public entry.
"""
