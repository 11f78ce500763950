#!/usr/bin/env python3
"""One survey (plan.yaml), its true answers, and ten exports of them as the tools write them:
Google Forms' download and Google Sheets' CSV, a French Excel CSV, Microsoft Forms (.xlsx),
LimeSurvey with codes and with full text, KoboToolbox with labels and with XML values,
SurveyMonkey, and the paper sheet keyed into the workbook `atelier survey --sheet` writes.
Each tool's bytes follow what its exporter does (quoting, separators, line ends, BOM, encoding,
metadata columns, how multiple choice is laid out, what an incomplete, resubmitted or
unapproved response looks like): see the README's « Survey tools » section for the sources.
Then pandas computes the plan's indicators on the true answers (expected.json): every export
must give exactly these.

Run from the repository's root, with the binary built:
    python3 Tests/Fixtures/exports/generate.py .build/debug/atelier     (pip install pandas openpyxl)
Fixed seed: the same files come out every time (the two .xlsx written by openpyxl excepted, whose
zip timestamps change; their cells do not).
"""
import csv
import io
import json
import os
import random
import subprocess
import sys

import openpyxl
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/atelier"
rng = random.Random(2026)

Q1 = "Dans l'ensemble, êtes-vous satisfait·e de l'écoute ?"
Q2 = "Recommanderiez-vous cette écoute à un proche ?"
Q3 = "Combien de lieux disparus pouvez-vous citer ?"
Q4 = "Qu'avez-vous retiré de l'écoute ?"
Q5 = "Vous êtes venu·e :"
Q6 = "Avez-vous appris quelque chose sur le quartier ?"
Q7 = "Un mot sur l'écoute ?"
WORDS = ["Très émouvant, merci", "Trop court", "=HYPERLINK(\"http://x.example\",\"clic\")", "<b>Bravo</b> & merci", "On a reconnu la rue du Moulin"]
SATISFACTION = ["Pas du tout satisfait·e", "Peu satisfait·e", "Moyennement satisfait·e", "Satisfait·e", "Très satisfait·e"]
OUTCOMES = ["Des connaissances, une meilleure compréhension", "Des savoir-faire", "Du plaisir, de l'inspiration, de la créativité",
            "Des changements d'attitude", "Autre"]
OUTCOME_NAMES = ["des_connaissances_une_meilleure_comprehension", "des_savoir_faire", "du_plaisir_de_l_inspiration_de_la_creativite",
                 "des_changements_d_attitude", "autre"]
VENUE = ["Seul·e", "En famille", "Avec l'école"]
VENUE_NAMES = ["seul_e", "en_famille", "avec_l_ecole"]
OTHER_TEXTS = ["la crypte", "les souvenirs de ma grand-mère", "le marché couvert"]


def satisfaction_as(level, style):
    """A level as a tool's form designer typed it: inclusive forms vary from tool to tool."""
    label = SATISFACTION[level]
    return {"dot": label, "paren": label.replace("·e", "(e)"), "masculine": label.replace("·e", ""),
            "feminine": label.replace("·e", "e"), "slash": label.replace("·e", "/e")}[style]


# The true answers: one dict per respondent; None is no answer.
people = []
for index in range(60):
    person = {
        "q1": rng.choice([0, 1, 2, 2, 3, 3, 3, 4, 4, 4, None] if index % 17 else [None]),
        "q2": rng.randint(3, 10) if index % 13 else None,
        "q3": rng.randint(0, 9) if index % 7 else None,
        "q4": sorted(rng.sample(range(5), rng.randint(1, 3))) if index % 11 else [],
        "q5": rng.choice([0, 1, 1, 1, 2]),
        "q6": rng.choice([True, True, True, False]) if index % 9 else None,
        "other": OTHER_TEXTS[index % 3],
        "q7": WORDS[index % 5] if index % 4 == 0 else None,
        "minute": index,
    }
    people.append(person)


def blank(value):
    return "" if value is None else value


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as handle:
        handle.write(data)


def csv_bytes(rows, delimiter=",", quoting=csv.QUOTE_MINIMAL, encoding="utf-8", bom=False, line="\r\n"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=line)
    for row in rows:
        writer.writerow(row)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" if bom else b"") + data


# 1. Google Forms « Download responses (.csv) »: every field quoted, checkboxes joined by « ; ».
def google_download():
    rows = [["Horodateur", Q1, Q2, Q3, Q4, Q5, Q6, Q7]]
    for p in people:
        hour = 6 + p["minute"] // 60
        rows.append([f"2026/05/20 {hour}:{p['minute'] % 60:02d}:51 PM UTC+2",
                     "" if p["q1"] is None else satisfaction_as(p["q1"], "paren"), blank(p["q2"]), blank(p["q3"]),
                     ";".join(OUTCOMES[i] for i in p["q4"]), VENUE[p["q5"]], {True: "Oui", False: "Non", None: ""}[p["q6"]], blank(p["q7"])])
    write("google-forms-download.csv", csv_bytes(rows, quoting=csv.QUOTE_ALL))


# 2. Google Sheets « File > Download > CSV »: minimal quoting, checkboxes joined by « , ».
def google_sheets():
    rows = [["Horodateur", Q1, Q2, Q3, Q4, Q5, Q6, Q7]]
    for p in people:
        rows.append([f"20/05/2026 {18 + p['minute'] // 60}:{p['minute'] % 60:02d}:51",
                     "" if p["q1"] is None else satisfaction_as(p["q1"], "paren"), blank(p["q2"]), blank(p["q3"]),
                     ", ".join(OUTCOMES[i] for i in p["q4"]), VENUE[p["q5"]], {True: "Oui", False: "Non", None: ""}[p["q6"]], blank(p["q7"])])
    write("google-sheets.csv", csv_bytes(rows))
    return rows


# 3. The Sheets file opened and saved by a French Excel « CSV (séparateur : point-virgule) »: Windows-1252.
def excel_french(sheet_rows):
    write("excel-fr.csv", csv_bytes(sheet_rows, delimiter=";", encoding="cp1252"))


# 4. Microsoft Forms « Ouvrir dans Excel »: ID, times, e-mail, name; choices each followed by « ; ».
def microsoft_forms():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom", "Heure de la dernière modification", Q1, Q2, Q3, Q4, Q5, Q6, Q7])
    for number, p in enumerate(people, start=1):
        sheet.append([number, f"5/20/26 18:{p['minute'] % 60:02d}:02", f"5/20/26 18:{p['minute'] % 60:02d}:51", "anonymous", "", "",
                      None if p["q1"] is None else satisfaction_as(p["q1"], "masculine"), p["q2"], p["q3"],
                      "".join(OUTCOMES[i] + ";" for i in p["q4"]) or None, VENUE[p["q5"]], {True: "Oui", False: "Non", None: None}[p["q6"]], p["q7"]])
    book.save(os.path.join(HERE, "microsoft-forms.xlsx"))


LIME_META_CODES = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
LIME_META_FULL = ["ID de la réponse", "Date de soumission", "Dernière page", "Langue de départ", "Tête de série", "Date de lancement",
                  "Date de la dernière action"]
LIMESURVEY_INCOMPLETE = [{"q1": 4, "q5": 1}, {"q1": 2, "q5": 0}, {"q1": None, "q5": 2}]


def lime_line(fields, delimiter=","):
    """LimeSurvey's CsvWriter: every value quoted, a NULL written bare, CRLF."""
    return delimiter.join('""' if value == "" else ("" if value is None else '"' + str(value).replace('"', '""') + '"') for value in fields) + "\r\n"


# 5. LimeSurvey, question codes and answer codes: Q4[SQ001]… hold Y or nothing.
def limesurvey_codes():
    text = lime_line(LIME_META_CODES + ["Q1", "Q2", "Q3"] + [f"Q4[SQ{i + 1:03d}]" for i in range(5)] + ["Q5", "Q6", "Q7"])
    number = 0
    for p in people:
        number += 1
        text += lime_line([number, f"2026-05-20 18:{p['minute'] % 60:02d}:51", 2, "fr", 1000 + number, f"2026-05-20 18:{p['minute'] % 60:02d}:02",
                           f"2026-05-20 18:{p['minute'] % 60:02d}:51", "" if p["q1"] is None else f"A{p['q1'] + 1}", blank(p["q2"]), blank(p["q3"])]
                          + ["Y" if i in p["q4"] else "" for i in range(5)] + [f"A{p['q5'] + 1}", {True: "Y", False: "N", None: ""}[p["q6"]], blank(p["q7"])])
    for extra in LIMESURVEY_INCOMPLETE:
        number += 1
        text += lime_line([number, None, 1, "fr", 1000 + number, "2026-05-20 19:10:02", "2026-05-20 19:11:40",
                           "" if extra["q1"] is None else f"A{extra['q1'] + 1}", None, None] + [None] * 5 + [f"A{extra['q5'] + 1}", None, None])
    write("limesurvey-codes.csv", b"\xef\xbb\xbf" + text.encode("utf-8"))


# 6. LimeSurvey, full question text and full answers (a French survey): Oui / Non / N/A per option.
def limesurvey_full():
    text = lime_line(LIME_META_FULL + [Q1, Q2, Q3] + [f"{Q4} [{option}]" for option in OUTCOMES] + [Q5, Q6, Q7], ";")
    number = 0
    for p in people:
        number += 1
        text += lime_line([number, f"2026-05-20 18:{p['minute'] % 60:02d}:51", 2, "fr", 1000 + number, f"2026-05-20 18:{p['minute'] % 60:02d}:02",
                           f"2026-05-20 18:{p['minute'] % 60:02d}:51", None if p["q1"] is None else satisfaction_as(p["q1"], "dot"), blank(p["q2"]), blank(p["q3"])]
                          + [("Oui" if i in p["q4"] else "Non") if p["q4"] else "Non" for i in range(5)]
                          + [VENUE[p["q5"]], {True: "Oui", False: "Non", None: "N/A"}[p["q6"]], blank(p["q7"])], ";")
    for extra in LIMESURVEY_INCOMPLETE:
        number += 1
        text += lime_line([number, None, 1, "fr", 1000 + number, "2026-05-20 19:10:02", "2026-05-20 19:11:40",
                           None if extra["q1"] is None else satisfaction_as(extra["q1"], "dot"), None, None] + ["N/A"] * 5
                          + [VENUE[extra["q5"]], "N/A", None], ";")
    write("limesurvey-full.csv", b"\xef\xbb\xbf" + text.encode("utf-8"))


KOBO_META = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags",
             "meta/rootUuid", "_index"]
VALIDATION_LABELS = {"approved": ("Approved", "validation_status_approved"), "not": ("Not Approved", "validation_status_not_approved"),
                     "hold": ("On Hold", "validation_status_on_hold"), "": ("", "")}
# Two submissions the project refused, and one sent twice (the copy keeps its _uuid).
KOBO_REFUSED = [{"q1": 0, "q2": 0, "q3": 20, "q4": [3], "q5": 2, "q6": False, "other": "", "q7": "Refusé", "minute": 61},
                {"q1": 0, "q2": 1, "q3": 19, "q4": [3], "q5": 2, "q6": False, "other": "", "q7": None, "minute": 62}]
KOBO_RESENT = 4


def kobo_rows(labels):
    """Kobo's rows: start, end, questions, then its metadata in its fixed order."""
    def status(kind):
        return VALIDATION_LABELS[kind][0 if labels else 1]
    submissions = [(p, "approved" if i % 5 else "hold", i) for i, p in enumerate(people)]
    submissions.insert(30, (KOBO_REFUSED[0], "not", 90))
    submissions.insert(45, (KOBO_REFUSED[1], "not", 91))
    submissions.append((people[KOBO_RESENT], "approved", KOBO_RESENT))
    rows = []
    for index, (p, kind, key) in enumerate(submissions, start=1):
        uuid = f"4858{key:04d}-1892-4931-8d9c-869e7b49bafb"
        if labels:
            answers = ["" if p["q1"] is None else satisfaction_as(p["q1"], "feminine"), blank(p["q2"]), blank(p["q3"]),
                       " ".join(OUTCOMES[i] for i in p["q4"])] + (["1" if i in p["q4"] else "0" for i in range(5)] if p["q4"] else [""] * 5) \
                + [VENUE[p["q5"]], {True: "Oui", False: "Non", None: ""}[p["q6"]], blank(p["q7"])]
        else:
            names = ["pas_du_tout_satisfait_e", "peu_satisfait_e", "moyennement_satisfait_e", "satisfait_e", "tres_satisfait_e"]
            answers = ["" if p["q1"] is None else names[p["q1"]], blank(p["q2"]), blank(p["q3"]),
                       " ".join(OUTCOME_NAMES[i] for i in p["q4"])] + (["1" if i in p["q4"] else "0" for i in range(5)] if p["q4"] else [""] * 5) \
                + [VENUE_NAMES[p["q5"]], {True: "oui", False: "non", None: ""}[p["q6"]], blank(p["q7"])]
        rows.append([f"2026-05-20T18:{p['minute'] % 60:02d}:02.000+02:00", f"2026-05-20T18:{p['minute'] % 60:02d}:51.000+02:00"] + answers
                    + [str(200000 + index), uuid, f"2026-05-20T16:{p['minute'] % 60:02d}:55", status(kind), "", "submitted_via_web", "",
                       "vUQcA4tRKXhKh8c3aJhZrt", "", f"uuid:{uuid}", str(index)])
    return rows


# 7. KoboToolbox CSV, « Labels »: « ; », every field quoted, CRLF, no BOM; select_multiple both ways.
def kobo_labels():
    header = ["start", "end", Q1, Q2, Q3, Q4] + [f"{Q4}/{option}" for option in OUTCOMES] + [Q5, Q6, Q7] + KOBO_META
    write("kobo-labels.csv", csv_bytes([header] + kobo_rows(labels=True), delimiter=";", quoting=csv.QUOTE_ALL))


# 8. KoboToolbox CSV, « XML values and headers » of the XLSForm `atelier survey --xlsform` writes.
def kobo_xml():
    header = ["start", "end", "Q1", "Q2", "Q3", "Q4"] + [f"Q4/{name}" for name in OUTCOME_NAMES] + ["Q5", "Q6", "Q7"] + KOBO_META
    write("kobo-xml.csv", csv_bytes([header] + kobo_rows(labels=False), delimiter=";", quoting=csv.QUOTE_ALL))


# 9. SurveyMonkey « All individual responses », expanded columns, actual answer text: two header rows.
def surveymonkey():
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1"]
    first = meta + [Q1, Q2, Q3, Q4, "", "", "", "", Q5, Q6, Q7]
    second = [""] * len(meta) + ["Response", "Response", "Open-Ended Response"] + OUTCOMES + ["Response", "Response", "Open-Ended Response"]
    rows = [first, second]
    for index, p in enumerate(people):
        rows.append([114512345600 + index, 431234567, f"05/20/2026 06:{p['minute'] % 60:02d}:02 PM", f"05/20/2026 06:{p['minute'] % 60:02d}:51 PM",
                     "", "", "", "", "", "" if p["q1"] is None else satisfaction_as(p["q1"], "slash"), blank(p["q2"]), blank(p["q3"])]
                    + [(p["other"] if i == 4 else OUTCOMES[i]) if i in p["q4"] else "" for i in range(5)]
                    + [VENUE[p["q5"]], {True: "Oui", False: "Non", None: ""}[p["q6"]], blank(p["q7"])])
    write("surveymonkey.csv", csv_bytes(rows))


# 10. The paper questionnaire keyed into the workbook Atelier writes (`atelier survey --sheet`).
def paper():
    path = os.path.join(HERE, "paper.xlsx")
    subprocess.run([BINARY, "survey", os.path.join(HERE, "plan.yaml"), "--sheet", path, "--lang", "fr"], check=True, capture_output=True)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    column = {title: index + 1 for index, title in enumerate(header)}
    for row, p in enumerate(people, start=2):
        values = {Q1: None if p["q1"] is None else SATISFACTION[p["q1"]], Q2: p["q2"], Q3: p["q3"], Q4: "; ".join(OUTCOMES[i] for i in p["q4"]) or None,
                  Q5: VENUE[p["q5"]], Q6: {True: "Oui", False: "Non", None: None}[p["q6"]], Q7: p["q7"]}
        sheet.cell(row=row, column=1, value=row - 1)
        for title, value in values.items():
            sheet.cell(row=row, column=column[title], value=value)
    book.save(path)


def expected():
    """The plan's indicators on the true answers, with pandas."""
    frame = pd.DataFrame(people)
    answered = frame["q1"].dropna()
    top = float((answered >= 3).mean())
    nps_answers = frame["q2"].dropna()
    nps = float(100 * ((nps_answers >= 9).sum() - (nps_answers <= 6).sum()) / len(nps_answers))
    places = frame["q3"].dropna()
    outcomes = frame[frame["q4"].map(len) > 0]["q4"]
    learned = frame["q6"].dropna()
    segments = {VENUE[group]: {"n": int(len(part)), "value": float((part >= 3).mean())}
                for group, part in frame.dropna(subset=["q1"]).groupby("q5")["q1"]}
    return {
        "respondents": len(people),
        "verbatims": [p["q7"] for p in people if p["q7"]],
        "indicators": {
            "I1": {"value": top, "n": int(len(answered)), "segments": segments},
            "I2": {"value": nps, "n": int(len(nps_answers))},
            "I3": {"value": float(places.mean()), "n": int(len(places))},
            "I4": {"value": float(outcomes.map(lambda chosen: 2 in chosen).mean()), "n": int(len(outcomes))},
            "I5": {"value": float(learned.astype(bool).mean()), "n": int(len(learned))},
        },
        "exports": {
            "google-forms-download.csv": {"tool": "googleForms", "rows": 60, "excluded": {}},
            "google-sheets.csv": {"tool": "googleForms", "rows": 60, "excluded": {}},
            "excel-fr.csv": {"tool": "googleForms", "rows": 60, "excluded": {}},
            "microsoft-forms.xlsx": {"tool": "microsoftForms", "rows": 60, "excluded": {}},
            "limesurvey-codes.csv": {"tool": "limeSurvey", "rows": 63, "excluded": {"incomplete": 3}},
            "limesurvey-full.csv": {"tool": "limeSurvey", "rows": 63, "excluded": {"incomplete": 3}},
            "kobo-labels.csv": {"tool": "koboToolbox", "rows": 63, "excluded": {"notApproved": 2, "duplicate": 1}},
            "kobo-xml.csv": {"tool": "koboToolbox", "rows": 63, "excluded": {"notApproved": 2, "duplicate": 1}},
            "surveymonkey.csv": {"tool": "surveyMonkey", "rows": 60, "excluded": {}},
            "paper.xlsx": {"tool": "other", "rows": 60, "excluded": {}},
        },
    }


google_download()
excel_french(google_sheets())
microsoft_forms()
limesurvey_codes()
limesurvey_full()
kobo_labels()
kobo_xml()
surveymonkey()
paper()
json.dump(expected(), open(os.path.join(HERE, "expected.json"), "w"), indent=1, ensure_ascii=False)
print("wrote ten exports and expected.json")
