#!/usr/bin/env python3
"""Writes src/Baken.Infrastructure/Demo/demo-trade-2023.csv: a FICTIONAL trade year in BACI's layout (t,i,j,k,v,q) for
'baken demo'. The values are invented, deterministic (no randomness), and chosen so that a few products are dependent
under the EU three-criteria test (one dominant supplier from outside the EU, imports above exports) and most are not.
Not trade statistics: do not use it for anything but the demonstration."""
import csv, os

YEAR = 2023
EU = [276, 251, 528, 381, 724, 616, 56, 40]          # DEU FRA NLD ITA ESP POL BEL AUT
OUTSIDE = [842, 826, 757, 579, 392, 410, 490, 699, 704, 792, 76, 152, 634, 458]
# product: (supplier shares outside the EU, total extra-EU imports (kUSD), EU exports to outside (kUSD))
PRODUCTS = {
    294110: ({156: 0.78, 699: 0.15, 842: 0.07}, 90000, 20000),          # penicillins: dependent on China
    300490: ({842: 0.35, 757: 0.30, 826: 0.20, 699: 0.15}, 400000, 900000), # medicaments: EU exports more
    854231: ({490: 0.62, 410: 0.21, 842: 0.10, 458: 0.07}, 700000, 150000), # processors: dependent on Other Asia
    811292: ({156: 0.86, 392: 0.09, 410: 0.05}, 30000, 2000),            # gallium: dependent on China
    850760: ({156: 0.71, 410: 0.17, 392: 0.12}, 500000, 120000),         # lithium-ion batteries
    280530: ({156: 0.91, 458: 0.09}, 25000, 1000),                       # rare-earth metals
    854143: ({156: 0.83, 704: 0.10, 458: 0.07}, 300000, 30000),          # solar modules
    271111: ({842: 0.46, 579: 0.30, 634: 0.24}, 900000, 50000),          # LNG: concentrated but HHI just below 0.4
    100199: ({792: 0.20, 76: 0.25, 842: 0.30, 826: 0.25}, 120000, 600000),  # wheat: EU exports more
    870323: ({392: 0.40, 410: 0.30, 826: 0.30}, 300000, 2000000),        # cars: EU exports more
    901890: ({842: 0.50, 757: 0.30, 392: 0.20}, 200000, 350000),         # medical instruments
    720712: ({792: 0.30, 699: 0.25, 76: 0.25, 826: 0.20}, 150000, 90000),# steel: diverse
    290512: ({842: 0.40, 826: 0.35, 579: 0.25}, 60000, 80000),           # propanol
    310210: ({579: 0.55, 792: 0.25, 504: 0.20}, 80000, 30000),           # urea: dependent on Norway (friendly, still concentrated)
    840110: ({842: 0.55, 826: 0.45}, 15000, 40000),                      # nuclear reactors: EU exports more
    852352: ({156: 0.45, 410: 0.30, 490: 0.25}, 180000, 60000),          # smart cards: HHI 0.35, not dependent
}
ROWS = []
for k, (shares, total, exports) in PRODUCTS.items():
    for n, (exporter, share) in enumerate(sorted(shares.items())):
        value = total * share
        # Spread each supplier's exports over the EU importers in fixed proportions.
        weights = [(len(EU) - i) + (n % 3) for i in range(len(EU))]
        for importer, w in zip(EU, weights):
            v = round(value * w / sum(weights), 3)
            ROWS.append((YEAR, exporter, importer, k, v, round(v / 7, 3)))
    for m, exporter in enumerate(EU[:4]):
        for destination in (842, 826, 757):
            v = round(exports * (4 - m) / 10 / 3, 3)
            ROWS.append((YEAR, exporter, destination, k, v, round(v / 7, 3)))
    # Trade inside the EU: counts neither as extra-EU imports nor as exports outside.
    ROWS.append((YEAR, EU[0], EU[2], k, round(total / 20, 3), round(total / 140, 3)))

out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Baken.Infrastructure", "Demo", "demo-trade-2023.csv")
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["t", "i", "j", "k", "v", "q"])
    w.writerows(ROWS)
print(len(ROWS), "rows ->", os.path.normpath(out))
