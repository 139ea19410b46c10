#!/usr/bin/env python3
"""Writes a GET_LEDGER_DETAIL_VIEW_DATA document to stdout, as Seller Central exports it.

  ledger.py header       the 16-column header line only
  ledger.py rows N       the header and N valid rows over the last 540 days (about 18 months)
  ledger.py rejects N    the header and N lines that are all rejected rows (3 fields, not 16; 39 bytes each)

The rows follow bench/Benchmarks/Parsing/LedgerParsingBenchmark.cs (LedgerDocument): every field quoted, 200 FNSKUs
with titles of 5-20 words, 12 fulfilment centres, the research note's event mix, Pacific-midnight `Date and Time`.
Seeded, so the same N gives the same document on the same date.
"""
import datetime
import random
import sys
import zoneinfo

HEADER = ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center",
          "Disposition", "Reason", "Country", "Reconciled Quantity", "Unreconciled Quantity", "Date and Time", "Store"]
CENTERS = ["ONT8", "MDW2", "PHX7", "LGB8", "BFI4", "DTM2", "SBD1", "TEB9", "CLT2", "MEM1", "IND9", "FTW1"]
WORDS = ("Acme Widget Stainless Steel Water Bottle Insulated Kitchen Organizer Premium Set of 2 Black Red Large Compact "
         "Travel Leak-Proof BPA-Free Bamboo Cutting Board with Juice Groove Wireless Charger Pad Fast Charging "
         "Compatible Ergonomic Office Chair Cushion Memory Foam").split()
ADJUSTMENT_REASONS = ["M", "F", "E", "P", "5", "O", "N", "Q", "D", "6", "H", "K"]
ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
DAYS = 540
PACIFIC = zoneinfo.ZoneInfo("America/Los_Angeles")


def line(fields):
    return "\t".join(f'"{f}"' for f in fields) + "\n"


def products(rnd):
    code = lambda n: "".join(rnd.choice(ALNUM) for _ in range(n))
    for i in range(200):
        asin = "B0" + code(8)
        title = " ".join(rnd.choice(WORDS) for _ in range(5 + rnd.randrange(16)))
        yield ("X00" + code(7), asin, f"AC-{i:04d}-{code(3)}", title)


def rows(n, out):
    rnd = random.Random(20260306)
    catalog = list(products(rnd))
    start = datetime.date.today() - datetime.timedelta(days=DAYS)
    # Date (MM/DD/YYYY) and Pacific midnight of that day, per day of the span.
    days = []
    for d in range(DAYS):
        day = start + datetime.timedelta(days=d)
        offset = datetime.datetime(day.year, day.month, day.day, tzinfo=PACIFIC).strftime("%z")
        days.append((day.strftime("%m/%d/%Y"), f"{day.isoformat()}T00:00:00{offset}"))
    reference_id = 13_895_071_006
    buffer = []
    for i in range(n):
        fnsku, asin, msku, title = catalog[rnd.randrange(200)]
        date, date_time = days[i * DAYS // n]
        roll = rnd.randrange(100)
        reason = ""
        if roll < 70:
            event, reference, quantity = "Shipments", "", -1 - rnd.randrange(2)
        elif roll < 78:
            event, reference, quantity = "Receipts", f"FBA17{rnd.randrange(100_000):05d}AB", 12 * (1 + rnd.randrange(20))
        elif roll < 85:
            event, reference, quantity = "CustomerReturns", f"11{rnd.randrange(10)}-{rnd.randrange(10**7):07d}-{rnd.randrange(10**7):07d}", 1
        elif roll < 97:
            reference_id += 1 + rnd.randrange(50)
            event, reference, quantity = "Adjustments", str(reference_id), rnd.choice((-1, 1))
            reason = rnd.choice(ADJUSTMENT_REASONS)
        else:
            reference_id += 1 + rnd.randrange(50)
            event, reference, quantity = "WhseTransfers", str(reference_id), rnd.choice((-3, 3))
        lost = reason in ("M", "5")
        reconciled = rnd.randrange(max(-quantity + 1, 1)) if lost else 0
        disposition = "CUSTOMER_DAMAGED" if rnd.randrange(50) == 0 else "SELLABLE"
        buffer.append(line([date, fnsku, asin, msku, title, event, reference, quantity, rnd.choice(CENTERS), disposition,
                            reason, "US", reconciled if lost else "", -quantity - reconciled if lost else "", date_time, ""]))
        if len(buffer) == 10_000:
            out.write("".join(buffer))
            buffer.clear()
    out.write("".join(buffer))


if __name__ == "__main__":
    sys.stdout.write(line(HEADER))
    if sys.argv[1:2] == ["rows"]:
        rows(int(sys.argv[2]), sys.stdout)
    elif sys.argv[1:2] == ["rejects"]:
        # A row cut short: a wrong field count is a rejected row, counted with its line number, not a fatal error.
        n, chunk = int(sys.argv[2]), line(["13/45/2025", "X00BADROW1", "B0BADROW01"]) * 100_000
        for _ in range(n // 100_000):
            sys.stdout.write(chunk)
        sys.stdout.write(chunk[: len(chunk) // 100_000 * (n % 100_000)])
    elif sys.argv[1:] != ["header"]:
        sys.exit(__doc__)
