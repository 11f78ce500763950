#!/usr/bin/env python3
"""Every reader's limits, end to end: builds hostile inputs, runs `atelier` on each, and checks
that it stops with a clear error (exit status 2 or 1, the message naming the limit) while its
peak memory stays bounded. Run by `make test`:  python3 Tests/limits/limits.py .build/debug/atelier
Only the standard library is used; inputs are made in a temporary folder.
"""
import csv
import io
import os
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

BINARY = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MOCKUP = os.path.join(ROOT, "Examples", "voix-du-quartier.yaml")
MEMORY_LIMIT_MB = 150
OUTPUT_LIMIT_BYTES = 1 << 20
work = tempfile.mkdtemp(prefix="atelier-limits-")


def run_measured(arguments):
    """Runs atelier; returns its exit status, its output and the peak RSS (MB) of that process alone.
    GNU time starts it and reports its peak: a process forked from this script would inherit this
    script's own peak (Linux keeps it across fork and exec), and the hostile inputs built here are large."""
    report = path("peak.txt")
    run = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report, BINARY] + arguments + ["--lang", "en"],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = int(open(report).read().split()[-1]) / 1024
    return run.returncode, run.stdout.decode("utf-8", "replace"), peak


def path(name):
    return os.path.join(work, name)


def write(name, data):
    with open(path(name), "wb") as handle:
        handle.write(data)
    return path(name)


HEADER = open(os.path.join(ROOT, "Examples", "surveys", "voix-du-quartier-google.csv"), encoding="utf-8").readline().encode()


def xlsx(name, sheet_xml, shared=None, compress=zipfile.ZIP_DEFLATED):
    """A minimal workbook whose first sheet is `sheet_xml`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compress) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if shared is not None:
            archive.writestr("xl/sharedStrings.xml", shared)
    return write(name, buffer.getvalue())


def declared_huge(name):
    """Three stored entries of 11 MB whose central directory declares 2 GiB each: every entry
    and every ratio within bounds, 6 GiB in all once inflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for index in range(3):
            archive.writestr(f"xl/media/part{index}.bin", b"\0" * (11 << 20))
    data = bytearray(buffer.getvalue())
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        data[position + 24:position + 28] = (0x7FFFFFFF).to_bytes(4, "little")
        position = data.find(b"PK\x01\x02", position + 4)
    return write(name, bytes(data))


def ods(name, rows_xml):
    """A minimal OpenDocument spreadsheet whose first table holds `rows_xml`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                         'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
                         '<office:body><office:spreadsheet><table:table table:name="S">' + rows_xml + '</table:table></office:spreadsheet></office:body></office:document-content>')
    return write(name, buffer.getvalue())


SHEET = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{}</sheetData></worksheet>'
LAUGHS = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'


def impact(export):
    return ["impact", MOCKUP, "--responses", export]


cases = [
    ("CSV field over 1 MiB", impact(write("long-field.csv", HEADER + b'"2026/01/01 10:00:00","' + b"x" * (3 << 20) + b'",8,3,Seul,Oui\n')), "1048576"),
    ("CSV with 20,000 columns", impact(write("wide.csv", b",".join([b"c%d" % i for i in range(20000)]) + b"\n")), "16384"),
    ("CSV quote that never closes", impact(write("open-quote.csv", HEADER + b'"2026/01/01 10:00:00","' + b"abc\n" * (2 << 20))), "quote"),
    ("xlsx zip bomb (60 MB of one byte)", impact(xlsx("bomb.xlsx", SHEET.format('<row r="1"><c r="A1" t="inlineStr"><is><t>' + " " * (60 << 20) + "</t></is></c></row>"))), "zip bomb"),
    ("xlsx sheet with a DTD (billion laughs)", impact(xlsx("laughs.xlsx", LAUGHS + SHEET.format('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'))), "DTD"),
    ("xlsx shared strings with a DTD", impact(xlsx("laughs-shared.xlsx", SHEET.format('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
                                                    shared=LAUGHS + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>')), "DTD"),
    ("zip declaring 6 GiB once inflated", impact(declared_huge("total.xlsx")), "over the limits"),
    ("xlsx with 2,000,001 shared strings", impact(xlsx("strings.xlsx", SHEET.format('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
                                                      shared='<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + "<si><t>x</t></si>" * 2_000_001 + "</sst>",
                                                      compress=zipfile.ZIP_STORED)), "2000000"),
    ("xlsx nested 10,000 deep", impact(xlsx("deep.xlsx", SHEET.format("<a>" * 10000 + "</a>" * 10000))), "deeper"),
    ("ods row repeated a billion times", impact(ods("repeat.ods", "<table:table-row>" + "".join(
        f'<table:table-cell office:value-type="string"><text:p>{escape(title)}</text:p></table:table-cell>' for title in next(csv.reader([HEADER.decode()])))
        + "</table:table-row>"
                                                   '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>')), "last row"),
    ("ods of 1 KB whose 20 rows repeat 100,000 times each", impact(ods("repeats.ods", "<table:table-row>" + "".join(
        f'<table:table-cell office:value-type="string"><text:p>{escape(title)}</text:p></table:table-cell>' for title in next(csv.reader([HEADER.decode()])))
        + "</table:table-row>" + '<table:table-row table:number-rows-repeated="100000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>' * 20)),
     "100000"),
    ("xlsx row numbered -5", impact(xlsx("negative-row.xlsx", SHEET.format('<row r="1">' + "".join(
        f'<c t="inlineStr"><is><t>{escape(title)}</t></is></c>' for title in next(csv.reader([HEADER.decode()])))
        + '</row><row r="-5"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'))), "-5"),
    ("CSV with 1,000 headers of 1,000 characters", impact(write("wide-headers.csv", b",".join(b"h%d" % i + b"x" * 1000 for i in range(1000)) + b"\n" + b",".join([b"1"] * 1000) + b"\n")), "Closest headers"),
    ("YAML on one line with 6,000 unknown keys", ["check", write("one-line.yaml", b"{format: atelier/1, title: x, " + b", ".join(b"cle%d: v" % i for i in range(6000)) + b"}\n")], "more finding"),
    ("CSV of 400,000 rows that answer nothing (10 MB)", impact(write("empty-rows.csv", HEADER + b"".join(
        b"2026/01/01 10:%02d:%02d" % (i // 60 % 60, i % 60) + b"," * HEADER.count(b",") + b"\n" for i in range(400_000)))), "400000 excluded", 0),
    ("xlsx cell of 3 MiB of text", impact(xlsx("long-cell.xlsx", SHEET.format('<row r="1"><c r="A1" t="inlineStr"><is><t>'
        + "".join(chr(97 + (i * 7919 + i // 13) % 26) for i in range(3 << 20)) + "</t></is></c></row>"))), "1048576"),
    ("xlsx with 80 MB of shared strings (1.4 MB zipped)", impact(xlsx("shared-bytes.xlsx", SHEET.format('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        shared="<sst>" + "".join(f'<si><t>{i:07d}{"é" * 200}{i % 977}{"x" * 300}</t></si>' for i in range(150_000)) + "</sst>")), "67108864"),
    ("YAML mockup over 5 MB", ["check", write("big.yaml", b"title: x\nnotes: |\n" + b"  abcdefghij\n" * 600_000)], "5000000"),
    ("YAML nested 100 deep", ["check", write("deep.yaml", b"title: x\nnotes: " + b"[" * 100 + b"]" * 100 + b"\n")], "64"),
    ("YAML with 300,000 nodes", ["check", write("nodes.yaml", b"title: x\nnotes: [" + b"1," * 300_000 + b"1]\n")], "200000"),
]

failures = 0
for name, arguments, expected, *wanted in cases:
    status, output, peak = run_measured(arguments)
    status_ok = status == wanted[0] if wanted else status != 0
    normalised = output.replace(",", "").replace("\u202f", "").replace(" ", "")
    ok = (status_ok and (expected.replace(",", "").replace(" ", "") in normalised or expected in output) and peak < MEMORY_LIMIT_MB
          and len(output) < OUTPUT_LIMIT_BYTES)
    failures += not ok
    first = next((line for line in output.splitlines() if line.strip()), "")
    print(f"{'ok  ' if ok else 'FAIL'} {name}: exit {status}, peak {peak:.0f} MB, {len(output)} bytes printed — {first[:150]}")
print(f"{len(cases) - failures}/{len(cases)} limits hold (memory bound {MEMORY_LIMIT_MB} MB, output bound {OUTPUT_LIMIT_BYTES} bytes)")
sys.exit(1 if failures else 0)
