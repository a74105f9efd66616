#!/usr/bin/python3
"""Validate twelvelint JSON reports against docs/json-schema.json.

usage: check-json-schema.py SCHEMA REPORT...

Each report must be strict UTF-8, strict JSON (no duplicate keys, no NaN)
and valid against the schema.  Exit 0 when every report is, 1 when one is
not (every violation is printed, one line each, with where it is), 2 on a
usage error, an unreadable file or a bad schema.  Needs python3-jsonschema.
"""
import json
import sys

PROG = "check-json-schema"


def fail(code, msg):
    print(f"{PROG}: {msg}", file=sys.stderr)
    sys.exit(code)


try:
    import jsonschema
    from jsonschema import validators
except ImportError:
    fail(2, "python3-jsonschema is not installed "
            "(apt-get install python3-jsonschema)")


def no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError(f"duplicate key {key!r}")
        obj[key] = value
    return obj


def no_constant(name):
    raise ValueError(f"{name} is not JSON")


def load(path):
    """The parsed document; raises ValueError on anything not strict JSON."""
    try:
        with open(path, "rb") as fp:
            raw = fp.read()
    except OSError as e:
        fail(2, f"cannot read '{path}': {e.strerror}")
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 at byte {e.start}: {raw[e.start:e.end]!r}")
    return json.loads(text, object_pairs_hook=no_duplicates,
                      parse_constant=no_constant)


def where(error):
    """A JSON-path-like location of a validation error: $.findings[2].path"""
    out = "$"
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def main(argv):
    if len(argv) < 3:
        fail(2, "usage: check-json-schema.py SCHEMA REPORT...")
    try:
        schema = load(argv[1])
    except ValueError as e:
        fail(2, f"{argv[1]}: {e}")
    cls = validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        fail(2, f"{argv[1]}: not a valid schema: {e.message}")
    validator = cls(schema, format_checker=jsonschema.FormatChecker())

    status = 0
    for path in argv[2:]:
        try:
            doc = load(path)
        except ValueError as e:
            print(f"{PROG}: {path}: invalid JSON: {e}", file=sys.stderr)
            status = 1
            continue
        errors = sorted(validator.iter_errors(doc),
                        key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            print(f"{PROG}: {path}: {where(error)}: {error.message}",
                  file=sys.stderr)
            # oneOf/anyOf: say why each branch failed.
            for sub in sorted(error.context or [],
                              key=lambda e: [str(p) for p in e.absolute_path]):
                print(f"{PROG}: {path}:   {where(sub)}: {sub.message}",
                      file=sys.stderr)
        if errors:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
