#!/usr/bin/env python3
"""Survey exports for the example mockups, as real tools write them, and the indicators
pandas/scipy compute from them (the oracle the Swift tests compare `impact` with).

Run: python3 Examples/surveys/generate.py      (pip install pandas scipy openpyxl odfpy)
Fixed seed: the same files come out every time.
"""
import csv
import io
import json
import os

import numpy as np
import pandas as pd
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2026)
Z = 1.959964

SATISFACTION = ["Pas du tout satisfait·e", "Peu satisfait·e", "Moyennement satisfait·e", "Satisfait·e", "Très satisfait·e"]
AGREEMENT = ["Pas du tout d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"]


def write_xlsx(name, sheet_name, header, rows, text_cells=()):
    """A workbook of one sheet, as the survey tools export it; `text_cells` are stored as
    strings even when they look like formulas (as the tools store answers)."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sheet_name
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cell in text_cells:
        sheet[cell].data_type = "s"
    book.save(os.path.join(HERE, name))


def wilson(k, n):
    p = k / n
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z * np.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return [c - h, c + h]


VOIX_HEADER = ["Horodateur", "Dans l'ensemble, êtes-vous satisfait·e de l'écoute ?", "Recommanderiez-vous cette écoute à un proche ?",
               "Combien de lieux disparus pouvez-vous citer ?", "Vous êtes venu·e :", "Avez-vous appris quelque chose sur le quartier ?"]


def voix_rows(count, day):
    """`count` answers to the listening walk's Google Form, on `day` (YYYY/MM/DD)."""
    rows = []
    for i in range(count):
        stamp = f"{day} {18 + i // 60:02d}:{i % 60:02d}:{int(rng.integers(0, 60)):02d}"
        sat = SATISFACTION[int(rng.choice(5, p=[0.03, 0.05, 0.12, 0.45, 0.35]))]
        nps = str(int(rng.choice(11, p=[0.01, 0.01, 0.01, 0.02, 0.03, 0.05, 0.07, 0.15, 0.2, 0.2, 0.25])))
        places = str(int(rng.choice(7, p=[0.05, 0.1, 0.2, 0.3, 0.2, 0.1, 0.05])))
        venue = str(rng.choice(["Seul·e", "En famille", "Avec l'école"], p=[0.3, 0.62, 0.08]))
        learned = AGREEMENT[int(rng.choice(5, p=[0.02, 0.08, 0.2, 0.4, 0.3]))]
        rows.append([stamp, sat, nps, places, venue, learned])
    return rows


def write_google_csv(path, header, rows):
    """As Google Forms downloads it: every field quoted, CRLF."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def voix_du_quartier():
    """Google Forms, French, downloaded as CSV: every field quoted, CRLF, Horodateur first."""
    header = VOIX_HEADER
    rows = voix_rows(96, "2026/05/20")
    rows[3][1] = "Ne sait pas"                      # a « no answer » label of the scale
    rows[5][2] = ""                                 # a blank
    rows[8][1] = "tres satisfait·e"                 # no accent, lower case: still the top level
    rows[11][1] = "très bien"                       # not a level: refused, the row still counts
    rows[14][3] = "trois"                           # not a number: refused
    rows[20][4] = "Avec des amis"                   # not a choice: refused
    rows.append(list(rows[30]))                     # the same submission sent twice
    rows.append(["2026/05/20 19:59:59", "", "", "", "", ""])   # opened, nothing answered
    write_google_csv(os.path.join(HERE, "voix-du-quartier-google.csv"), header, rows)

    # The oracle, with pandas: rows 31 (duplicate) and the empty one excluded.
    frame = pd.DataFrame(rows[:-2], columns=header)
    sat = frame[header[1]].map(lambda s: {"tres satisfait·e": SATISFACTION[4]}.get(s, s))
    sat_values = sat.map({label: i + 1 for i, label in enumerate(SATISFACTION)}).dropna()
    top = int((sat_values >= 4).sum())
    nps = pd.to_numeric(frame[header[2]], errors="coerce").dropna()
    places = pd.to_numeric(frame[header[3]], errors="coerce").dropna()
    venue = frame[header[4]]
    learned = frame[header[5]].map({label: i + 1 for i, label in enumerate(AGREEMENT)}).dropna()
    t = stats.t.ppf(0.975, len(places) - 1) * places.std(ddof=1) / np.sqrt(len(places))
    segments = []
    for group in ["Seul·e", "En famille", "Avec l'école"]:
        part = pd.to_numeric(frame.loc[venue == group, header[3]], errors="coerce").dropna()
        segments.append({"group": group, "n": int(len(part)), "value": float(part.mean())})
    promoters, detractors = int((nps >= 9).sum()), int((nps <= 6).sum())
    return {
        "rows": len(rows), "used": len(rows) - 2, "excluded": 2, "problems": 3,
        "I1": {"value": top / len(sat_values), "n": int(len(sat_values)), "ci": wilson(top, len(sat_values))},
        "I2": {"value": 100 * (promoters - detractors) / len(nps), "n": int(len(nps))},
        "I3": {"value": float(places.mean()), "n": int(len(places)), "ci": [float(places.mean() - t), float(places.mean() + t)],
               "segments": segments},
        "I7": {"value": int((learned >= 4).sum()) / len(learned), "n": int(len(learned))},
    }


def ar_visite_familles():
    """A French Excel « CSV (séparateur : point-virgule) »: Windows-1252, decimal commas."""
    header = ["Dans l'ensemble, êtes-vous satisfait·e de la visite ?", "Recommanderiez-vous cette visite à des amis ?",
              "Combien de détails votre enfant a-t-il retrouvés ?", "Votre enfant a-t-il raconté une scène devant un tableau ?",
              "Vous êtes venus :"]
    rows = []
    for _ in range(140):
        rows.append([
            SATISFACTION[int(rng.choice(5, p=[0.02, 0.04, 0.14, 0.4, 0.4]))],
            str(int(rng.choice(11, p=[0.01, 0.01, 0.02, 0.02, 0.03, 0.05, 0.06, 0.15, 0.2, 0.2, 0.25]))),
            f"{rng.choice([1, 2, 2.5, 3, 3, 4, 4, 5, 6]):.1f}".replace(".", ",").replace(",0", ""),
            str(rng.choice(["Oui", "Non"], p=[0.7, 0.3])),
            str(rng.choice(["En famille", "Avec des amis", "Avec l'école"], p=[0.75, 0.2, 0.05])),
        ])
    rows[7][3] = "Ne sait pas"
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    with open(os.path.join(HERE, "ar-visite-familles-excel.csv"), "wb") as f:
        f.write(text.getvalue().encode("cp1252"))
    frame = pd.DataFrame(rows, columns=header)
    details = frame[header[2]].str.replace(",", ".").astype(float)
    told = frame[header[3]]
    yes, answered = int((told == "Oui").sum()), int(told.isin(["Oui", "Non"]).sum())
    return {
        "rows": len(rows), "used": len(rows), "excluded": 0, "problems": 0,
        "I3": {"value": float(details.mean()), "n": int(len(details))},
        "I4": {"value": yes / answered, "n": answered, "ci": wilson(yes, answered)},
    }


STARS = ["1 étoile", "2 étoiles", "3 étoiles", "4 étoiles", "5 étoiles"]
FREQUENCY = ["Jamais", "Rarement", "Parfois", "Souvent", "Toujours"]
SATISFACTION_EN = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"]


def vr_abbaye():
    """Microsoft Forms (.xlsx, French interface): ID and times first, `;`-joined choices with a trailing `;`."""
    parts = ["Nef", "Chœur", "Transept", "Cloître", "Chapelles", "Salle du chapitre"]
    header = ["ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom",
              "Êtes-vous satisfait·e de l'expérience ?", "Quelles parties de l'église pouvez-vous nommer ?",
              "Avez-vous ressenti un malaise pendant l'expérience ?", "Vous avez découvert l'abbaye :",
              "Citez une différence entre l'abbaye de 1250 et les vestiges"]
    rows = []
    for i in range(60):
        chosen = [p for p in parts if rng.random() < (0.8 if p == "Chœur" else 0.45)]
        rows.append([i + 1, f"6/{14 + i % 10}/26 14:{i % 60:02d}:00", f"6/{14 + i % 10}/26 14:{(i + 7) % 60:02d}:00", "anonymous", "",
                     SATISFACTION[int(rng.choice(5, p=[0.02, 0.03, 0.1, 0.45, 0.4]))],
                     "".join(p + ";" for p in chosen),
                     str(rng.choice(["Oui", "Non"], p=[0.08, 0.92])),
                     str(rng.choice(["Avec le casque", "Avec le film et la maquette"], p=[0.8, 0.2])),
                     str(rng.choice(["Le toit", "Les vitraux", "", "La taille"]))])
    rows[4][9] = '=HYPERLINK("http://example.invalid","cliquez")'   # text stays text
    rows[9][6] = "Nef;Crypte;"                                       # not a choice: refused
    rows[12][7] = "Ne sait pas"
    write_xlsx("vr-abbaye-msforms.xlsx", "Form1", header, rows, text_cells=["J6"])
    frame = pd.DataFrame(rows, columns=header)
    sat = frame[header[5]].map({label: i + 1 for i, label in enumerate(SATISFACTION)})
    valid_parts = frame[header[6]].map(lambda cell: None if "Crypte" in cell else [p for p in cell.split(";") if p])
    answered_parts = valid_parts.dropna()
    answered_parts = answered_parts[answered_parts.map(len) > 0]
    unwell = frame[header[7]].map({"Oui": 1, "Non": 0}).dropna()
    choeur = int(answered_parts.map(lambda parts: "Chœur" in parts).sum())
    return {
        "mockup": "vr-abbaye.yaml", "rows": len(rows), "used": len(rows), "excluded": 0, "problems": 1,
        "indicators": {
            "I1": {"value": float((sat >= 4).sum() / len(sat)), "n": int(len(sat)), "ci": wilson(int((sat >= 4).sum()), len(sat))},
            "I2": {"value": choeur / len(answered_parts), "n": int(len(answered_parts))},
            "I3": {"value": float(unwell.mean()), "n": int(len(unwell))},
            "I6": {"value": float(answered_parts.map(lambda p: any(x in p for x in parts)).mean()), "n": int(len(answered_parts)),
                   "details": {"Architecture": float(answered_parts.map(lambda p: any(x in p for x in ["Nef", "Chœur", "Transept"])).mean()),
                               "Vie monastique": float(answered_parts.map(lambda p: any(x in p for x in ["Cloître", "Chapelles", "Salle du chapitre"])).mean())}},
        },
    }


def quiz_paper():
    """Keyed in from paper forms in LibreOffice (.ods): identical consecutive rows are stored once, repeated."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P
    header = ["Avez-vous aimé les quiz ?", "Nombre de bonnes réponses au quiz final (sur 10)", "Vous avez participé :",
              "Vérifiez-vous une information scientifique avant de la partager ?"]
    rows = []
    for _ in range(45):
        rows.append([STARS[int(rng.choice(5, p=[0.05, 0.05, 0.2, 0.4, 0.3]))], int(rng.integers(2, 11)),
                     str(rng.choice(["Sur Instagram", "À la soirée", "Les deux"])), FREQUENCY[int(rng.choice(5))]])
    document = OpenDocumentSpreadsheet()
    table = Table(name="Saisie")
    def row_element(cells, repeat=1):
        element = TableRow(numberrowsrepeated=repeat) if repeat > 1 else TableRow()
        for cell in cells:
            if isinstance(cell, int):
                c = TableCell(valuetype="float", value=cell)
            else:
                c = TableCell(valuetype="string")
            c.addElement(P(text=str(cell)))
            element.addElement(c)
        element.addElement(TableCell(numbercolumnsrepeated=1000))
        return element
    table.addElement(row_element(header))
    for index, row in enumerate(rows):
        table.addElement(row_element(row, repeat=2 if index == 10 else 1))
    table.addElement(TableRow(numberrowsrepeated=1048000))
    document.spreadsheet.addElement(table)
    document.save(os.path.join(HERE, "quiz-fete-science-papier.ods"))
    expanded = rows[:11] + [rows[10]] + rows[11:]
    frame = pd.DataFrame(expanded, columns=header)
    score = frame[header[1]].astype(float)
    stars = frame[header[0]].map({label: i + 1 for i, label in enumerate(STARS)})
    return {
        "mockup": "quiz-fete-science.yaml", "rows": len(expanded), "used": len(expanded), "excluded": 0, "problems": 0,
        "indicators": {
            "I1": {"value": float((stars >= 4).mean()), "n": len(expanded)},
            "I2": {"value": float(score.mean()), "n": len(expanded)},
        },
    }


def chatbot_limesurvey():
    """LimeSurvey CSV (full question texts and answers): metadata first; an empty submitdate is an incomplete response."""
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "How satisfied are you with Ask Ada?",
              "How likely are you to recommend the exhibition to a friend?", "How many computing pioneers can you name?",
              "You visited:", "Did you check one of Ada's answers against a label?"]
    rows = []
    for i in range(80):
        rows.append([str(i + 1), f"2026-10-{1 + i % 28:02d} 15:{i % 60:02d}:00", "2", "en", str(int(rng.integers(1, 10**6))),
                     SATISFACTION_EN[int(rng.choice(5, p=[0.03, 0.07, 0.15, 0.4, 0.35]))], str(int(rng.integers(0, 11))),
                     str(int(rng.choice([0, 1, 2, 3, 4, 5]))), str(rng.choice(["Alone", "With family or friends", "With a school group"])),
                     str(rng.choice(["Yes", "No"], p=[0.35, 0.65]))])
    rows[6][1] = ""   # incomplete: left out
    with open(os.path.join(HERE, "chatbot-exhibition-limesurvey.csv"), "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    frame = pd.DataFrame([r for r in rows if r[1]], columns=header)
    sat = frame[header[5]].map({label: i + 1 for i, label in enumerate(SATISFACTION_EN)})
    nps = frame[header[6]].astype(int)
    yes = frame[header[9]] == "Yes"
    return {
        "mockup": "chatbot-exhibition.yaml", "rows": len(rows), "used": len(rows) - 1, "excluded": 1, "problems": 0,
        "indicators": {
            "I1": {"value": float((sat >= 4).mean()), "n": int(len(sat))},
            "I2": {"value": float(100 * ((nps >= 9).sum() - (nps <= 6).sum()) / len(nps)), "n": int(len(nps))},
            "I5": {"value": float(yes.mean()), "n": int(len(yes)), "ci": wilson(int(yes.sum()), len(yes))},
        },
    }


SATISFACTION_4 = ["Pas du tout satisfait·e", "Plutôt pas satisfait·e", "Plutôt satisfait·e", "Très satisfait·e"]


def archives_kobo():
    """KoboToolbox (.xlsx, labels as values): XML names with group paths as headers, Kobo's metadata columns."""
    header = ["start", "end", "consultation/satisfaction", "consultation/commune", "profil/mode", "suite/envie",
              "_id", "_uuid", "_submission_time", "_validation_status", "_index"]
    rows = []
    for i in range(120):
        rows.append([f"2026-10-{1 + i % 28:02d}T10:00:00", f"2026-10-{1 + i % 28:02d}T10:06:00",
                     SATISFACTION_4[int(rng.choice(4, p=[0.05, 0.1, 0.45, 0.4]))], str(rng.choice(["Oui", "Non"], p=[0.6, 0.4])),
                     str(rng.choice(["En ligne", "Sur la borne", "Les deux"], p=[0.6, 0.25, 0.15])),
                     AGREEMENT[int(rng.choice(5, p=[0.05, 0.1, 0.2, 0.35, 0.3]))],
                     100000 + i, f"uuid-{i:04d}", f"2026-10-{1 + i % 28:02d}T10:07:00", "", i + 1])
    write_xlsx("archives-expo-virtuelle-kobo.xlsx", "Archives crue 1910", header, rows)
    frame = pd.DataFrame(rows, columns=header)
    sat = frame["consultation/satisfaction"].map({label: i + 1 for i, label in enumerate(SATISFACTION_4)})
    commune = frame["consultation/commune"] == "Oui"
    return {
        "mockup": "archives-expo-virtuelle.yaml", "rows": len(rows), "used": len(rows), "excluded": 0, "problems": 0,
        "indicators": {
            "I1": {"value": float((sat == 4).mean()), "n": len(rows), "ci": wilson(int((sat == 4).sum()), len(rows))},
            "I2": {"value": float(commune.mean()), "n": len(rows)},
        },
    }


def voix_du_quartier_sites():
    """The same walk run by two more sites of the network, each exporting its own answers:
    `atelier demo` turns each into aggregates and merges them (`atelier merge`)."""
    folder = os.path.join(os.path.dirname(HERE), "sites", "voix-du-quartier")
    os.makedirs(folder, exist_ok=True)
    for site, count, day in [("mediatheque", 41, "2026/06/03"), ("centre-social", 57, "2026/06/10")]:
        write_google_csv(os.path.join(folder, f"{site}.csv"), VOIX_HEADER, voix_rows(count, day))


expected = {
    "voix-du-quartier-google.csv": voix_du_quartier(), "ar-visite-familles-excel.csv": ar_visite_familles(),
    "vr-abbaye-msforms.xlsx": vr_abbaye(), "quiz-fete-science-papier.ods": quiz_paper(),
    "chatbot-exhibition-limesurvey.csv": chatbot_limesurvey(), "archives-expo-virtuelle-kobo.xlsx": archives_kobo(),
}
voix_du_quartier_sites()
with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, ensure_ascii=False)
print("wrote", ", ".join(expected))
