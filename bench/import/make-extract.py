#!/usr/bin/env python3
"""Writes a synthetic case extract (docs/import.md columns) for the import benchmark. Invented people only.

Usage: make-extract.py ROWS TEAM OM_EMAIL > extract.csv
"""
import csv
import random
import sys

rows, team, om = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(1)
given = ["Alex", "Sam", "Jo", "Chris", "Robin", "Ash", "Kai", "Lee", "Max", "Pat"]
family = ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Walker", "Wright"]
genders = ["Male", "Female", "NonBinary", "NotStated"]
ethnicities = ["WhiteBritish", "BlackCaribbean", "AsianIndian", "MixedOther", "NotStated"]
rosh = ["Low", "Medium", "High", "VeryHigh"]
flags = ["", "selfHarm", "weapons;arson", "domesticAbuse", "none"]
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["crn", "pnc", "given_name", "family_name", "date_of_birth", "gender", "ethnicity", "team", "offender_manager_email",
            "rosh", "mappa_category", "mappa_level", "flags", "licence_start", "licence_end", "sentence_expiry", "sentence_type",
            "sentence_length_months"])
for i in range(rows):
    year = rng.randint(1960, 2000)
    start_month = rng.randint(1, 12)
    category = rng.choice([0, 0, 0, 1, 2, 3])
    w.writerow([f"B{i:06d}", "", rng.choice(given), rng.choice(family), f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                rng.choice(genders), rng.choice(ethnicities), team, om, rng.choice(rosh), category,
                rng.randint(1, 3) if category else 0, rng.choice(flags), f"2025-{start_month:02d}-10", f"2026-{start_month:02d}-10",
                f"2027-{start_month:02d}-10", "StandardDeterminate", rng.choice([24, 36, 48, 60])])
