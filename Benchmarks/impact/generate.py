#!/usr/bin/env python3
"""The benchmark export: N rows (default 1,000,000) of French-labelled answers to plan.yaml,
as a Google Forms CSV (about 300 MB for a million rows). Fixed seed.

Usage: python3 Benchmarks/impact/generate.py OUTPUT.csv [ROWS]
"""
import os
import sys

import numpy as np
import pandas as pd

SATISFACTION = ["Pas du tout satisfait·e", "Peu satisfait·e", "Moyennement satisfait·e", "Satisfait·e", "Très satisfait·e"]
AGREEMENT = ["Pas du tout d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"]
FREQUENCY = ["Jamais", "Rarement", "Parfois", "Souvent", "Toujours"]
STARS = ["1 étoile", "2 étoiles", "3 étoiles", "4 étoiles", "5 étoiles"]
VENUE = ["Seul·e", "En famille", "Entre amis", "Avec l'école"]
AGE = ["Moins de 18 ans", "18 à 34 ans", "35 à 59 ans", "60 ans et plus"]
ROOMS = ["Peinture", "Sculpture", "Arts décoratifs", "Photographie", "Jardin"]
HEADERS = ["Horodateur", "Dans l'ensemble, êtes-vous satisfait·e de votre visite ?", "Recommanderiez-vous ce musée à un proche ?",
           "Les textes étaient faciles à lire", "J'ai appris quelque chose", "L'application m'a aidé·e à regarder les œuvres",
           "J'ai envie de revenir", "La visite était trop longue", "Je recommanderais l'application",
           "Avant la visite, combien d'œuvres pouviez-vous nommer (sur 10) ?", "Après la visite, combien d'œuvres pouvez-vous nommer (sur 10) ?",
           "Vous êtes venu·e :", "Votre âge :", "Combien de fois êtes-vous venu·e cette année ?", "Avez-vous utilisé l'audioguide ?",
           "Quelles salles avez-vous visitées ?", "À quelle fréquence visitez-vous des musées ?", "Notez l'accueil", "Un commentaire ?"]


def main():
    output, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = np.random.default_rng(1_000_000)
    latent = rng.normal(0, 1, rows)
    def likert(labels, shift=0.0, noise=1.0, reverse=False):
        score = np.clip(np.round(3 + (-latent if reverse else latent) + shift + rng.normal(0, noise, rows)), 1, 5).astype(int)
        return np.array(labels, dtype=object)[score - 1]
    pre = rng.integers(0, 8, rows)
    rooms = rng.random((rows, len(ROOMS))) < np.array([0.7, 0.5, 0.3, 0.25, 0.4])
    room_text = np.array([", ".join(r for r, picked in zip(ROOMS, mask) if picked) for mask in rooms[:2000]], dtype=object)
    frame = pd.DataFrame({
        HEADERS[0]: pd.Timestamp("2026-03-01") + pd.to_timedelta(np.arange(rows) * 25, unit="s"),
        HEADERS[1]: likert(SATISFACTION, 0.8), HEADERS[2]: np.clip(np.round(7 + 2 * latent + rng.normal(0, 1.5, rows)), 0, 10).astype(int),
        HEADERS[3]: likert(AGREEMENT), HEADERS[4]: likert(AGREEMENT, 0.3), HEADERS[5]: likert(AGREEMENT, 0.2), HEADERS[6]: likert(AGREEMENT, 0.4),
        HEADERS[7]: likert(AGREEMENT, reverse=True), HEADERS[8]: likert(AGREEMENT, 0.1),
        HEADERS[9]: pre, HEADERS[10]: np.clip(pre + rng.integers(-1, 4, rows), 0, 10),
        HEADERS[11]: np.array(VENUE, dtype=object)[rng.choice(4, rows, p=[0.25, 0.45, 0.25, 0.05])],
        HEADERS[12]: np.array(AGE, dtype=object)[rng.choice(4, rows)],
        HEADERS[13]: rng.poisson(1.5, rows), HEADERS[14]: np.where(rng.random(rows) < 0.35, "Oui", "Non"),
        HEADERS[15]: room_text[rng.integers(0, 2000, rows)],
        HEADERS[16]: np.array(FREQUENCY, dtype=object)[rng.choice(5, rows)], HEADERS[17]: np.array(STARS, dtype=object)[rng.choice(5, rows, p=[0.02, 0.05, 0.18, 0.4, 0.35])],
        HEADERS[18]: np.where(rng.random(rows) < 0.1, "Très belle visite, merci !", ""),
    })
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    frame.to_csv(output, index=False, encoding="utf-8")


if __name__ == "__main__":
    main()
