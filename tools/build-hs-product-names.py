#!/usr/bin/env python3
"""Builds the HS6 product-name lists shipped in src/Baken.Infrastructure/Dependencies/ProductNames/ from CEPII BACI
product dictionaries (columns code, description). Usage:
  tools/build-hs-product-names.py HS92 path/to/BACI_HS92_product_codes_V202301.csv
  tools/build-hs-product-names.py HS17 path/to/BACI_HS17_product_codes_V202201_with_BEC.csv
Writes ProductNames/<hs>.tsv.gz: one line per product, 'hs6<TAB>English description', sorted, gzip with a fixed mtime
so the same input gives the same bytes."""
import csv, gzip, os, sys

hs, source = sys.argv[1].lower(), sys.argv[2]
rows = {}
with open(source, encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        code = int(r["code"])
        rows[code] = " ".join(r["description"].split())
text = "".join(f"{code:06d}\t{name}\n" for code, name in sorted(rows.items()))
target = os.path.join(os.path.dirname(__file__), "..", "src", "Baken.Infrastructure", "Dependencies", "ProductNames", f"{hs}.tsv.gz")
with open(target, "wb") as out, gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as gz:
    gz.write(text.encode("utf-8"))
print(f"{target}: {len(rows)} products")
