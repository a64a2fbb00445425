"""Prints each failed test of the given .trx result files with the first lines of its message, so the end of a
long test log says what failed without a search through it."""
import sys
import xml.etree.ElementTree as ElementTree

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
LINES = 6

for path in sys.argv[1:]:
    for result in ElementTree.parse(path).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", NS):
        print(f"FAILED {result.get('testName')} [{result.get('duration')}]")
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS)
        for line in message.strip().splitlines()[:LINES]:
            print(f"    {line}")
