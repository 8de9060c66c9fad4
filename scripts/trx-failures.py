#!/usr/bin/env python3
"""Prints the failed tests of TRX files (name, message, start of the stack trace) so a CI log shows why."""
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def first_lines(text, count):
    lines = (text or "").strip().splitlines()
    return lines[:count] + (["..."] if len(lines) > count else [])


for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        print(f"test.sh: can't read {path}: {error}")
        continue
    for result in root.iter(NS + "UnitTestResult"):
        if result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        print(f"FAILED {result.get('testName')} ({result.get('duration')})")
        info = result.find(f"{NS}Output/{NS}ErrorInfo")
        if info is not None:
            for line in first_lines(info.findtext(NS + "Message"), 20):
                print(f"    {line}")
            for line in first_lines(info.findtext(NS + "StackTrace"), 12):
                print(f"    {line}")
