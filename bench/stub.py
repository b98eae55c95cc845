#!/usr/bin/env python3
"""An IEX- and Massive-shaped price service on 127.0.0.1 for benchmarks.

IEX: GET /stock/{SYMBOL}/chart/{range}?token=... answers the symbol's whole history (Y years of weekdays ending at
the most recent weekday) whatever the range asks, since benchmark windows always ask for all of it; each bar has
every field IEX sends. Every IEX answer is rendered before the first request. Symbols are BENCH0001, BENCH0002, ...
GET /meta answers the first and last date, the number of bars per symbol and the body size of each symbol, for the
benchmark's own arithmetic.

Massive: GET /v2/aggs/grouped/locale/us/market/stocks/{YYYY-MM-DD}?adjusted=true|false&include_otc=false&apiKey=...
answers the bar of every symbol on that day in Massive's grouped shape: the BENCH symbols, with the same as-traded
prices as their IEX bars (there are no splits, so adjusted and as-traded prices are the same), and, with
--market-symbols N (or STUB_MARKET_SYMBOLS=N), N synthetic symbols M00001, M00002, ... as a whole US market has
(about 12,000). Only trading days of the history have rows: a weekend, an NYSE holiday or a special closure, and a day
outside the history, answer "resultsCount": 0 without "results", as Massive does. (The IEX histories keep every
weekday, holidays included, as before.) A request without apiKey answers Massive's 401. Grouped answers are rendered
when asked for, from a few precomputed variants of each synthetic row, in a few milliseconds.
GET /meta/grouped answers the first and last date, the trading days and the rows per trading day.
GET /v2/aggs/ticker/{T}/range/1/day/{from}/{to}?...&apiKey=... answers a BENCH symbol's bars of the trading days from
{from} to {to} in Massive's aggregates shape (t at midnight in New York, no next_url), with the same prices as its
grouped rows; GET /v3/reference/tickers/{T} answers the symbol's reference entry, or Massive's 404 for another one.

GET /__requests answers the requests served so far (not counting itself): the total, per endpoint, and the days the
grouped endpoint was asked for, each with its count. The same summary is printed on stderr when the stub ends on
SIGTERM or SIGINT.

Usage: stub.py --tickers N --years Y [--port P] [--market-symbols M]
       (prints "ready PORT" on stdout once it serves)
"""
import argparse
import array
import collections
import datetime
import json
import os
import random
import signal
import sys
import threading
import zoneinfo
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
GROUPED = "/v2/aggs/grouped/locale/us/market/stocks/"
AGGREGATES = "/v2/aggs/ticker/"
REFERENCE = "/v3/reference/tickers/"
# Full-day closures of NYSE and Nasdaq beyond the weekends and the holidays by rule, since 1990.
SPECIAL_CLOSURES = {datetime.date(1994, 4, 27), datetime.date(2001, 9, 11), datetime.date(2001, 9, 12),
                    datetime.date(2001, 9, 13), datetime.date(2001, 9, 14), datetime.date(2004, 6, 11),
                    datetime.date(2007, 1, 2), datetime.date(2012, 10, 29), datetime.date(2012, 10, 30),
                    datetime.date(2018, 12, 5), datetime.date(2025, 1, 9)}
# Variants of each synthetic symbol's row: a day picks one, so that rows differ from day to day at no cost.
VARIANTS = 16


def weekdays(years):
    # Today where US listings trade, as the connector counts it: the machine's own date may already be tomorrow.
    last = datetime.datetime.now(NEW_YORK).date()
    while last.weekday() >= 5:
        last -= datetime.timedelta(days=1)
    first = last.replace(year=last.year - years) + datetime.timedelta(days=1)
    day = first
    days = []
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def nth_weekday(year, month, weekday, n):
    """The n-th (1-based; -1 for the last) given weekday (Monday 0) of a month."""
    if n > 0:
        day = datetime.date(year, month, 1)
        day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
        return day + datetime.timedelta(weeks=n - 1)
    day = datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
    return day - datetime.timedelta(days=(day.weekday() - weekday) % 7)


def easter(year):
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def observed(day):
    """A fixed holiday on a Saturday is observed the Friday before, on a Sunday the Monday after."""
    if day.weekday() == 5:
        return day - datetime.timedelta(days=1)
    if day.weekday() == 6:
        return day + datetime.timedelta(days=1)
    return day


def holidays(year):
    """The NYSE's full-day holidays of a year, by rule."""
    days = {
        nth_weekday(year, 2, 0, 3),  # Washington's Birthday
        easter(year) - datetime.timedelta(days=2),  # Good Friday
        nth_weekday(year, 5, 0, -1),  # Memorial Day
        observed(datetime.date(year, 7, 4)),  # Independence Day
        nth_weekday(year, 9, 0, 1),  # Labor Day
        nth_weekday(year, 11, 3, 4),  # Thanksgiving
        observed(datetime.date(year, 12, 25)),  # Christmas
    }
    new_year = datetime.date(year, 1, 1)
    if new_year.weekday() != 5:  # on a Saturday, not observed: December 31st is a trading day
        days.add(observed(new_year))
    if year >= 1998:
        days.add(nth_weekday(year, 1, 0, 3))  # Martin Luther King Jr. Day
    if year >= 2022:
        days.add(observed(datetime.date(year, 6, 19)))  # Juneteenth
    return days


def trading_day(day, cache={}):
    if day.weekday() >= 5 or day in SPECIAL_CLOSURES:
        return False
    if day.year not in cache:
        cache[day.year] = holidays(day.year)
    return day not in cache[day.year]


class Walk:
    """One symbol's as-traded open, high, low, close and volume per day of its history, compactly."""

    def __init__(self):
        self.open = array.array("d")
        self.high = array.array("d")
        self.low = array.array("d")
        self.close = array.array("d")
        self.volume = array.array("q")


def render(symbol, days, seed, walk):
    """One chart answer: a random walk in cents with a split-adjusted and a dividend-adjusted view."""
    rng = random.Random(seed)
    price = rng.randint(2_000, 40_000) / 100
    bars = []
    for day in days:
        open_ = round(price * (1 + rng.uniform(-0.01, 0.01)), 3)
        close = round(price * (1 + rng.uniform(-0.02, 0.02)), 3)
        high = round(max(open_, close) * (1 + rng.uniform(0, 0.01)), 3)
        low = round(min(open_, close) * (1 - rng.uniform(0, 0.01)), 3)
        volume = rng.randint(100_000, 90_000_000)
        walk.open.append(open_)
        walk.high.append(high)
        walk.low.append(low)
        walk.close.append(close)
        walk.volume.append(volume)
        factor = 0.97
        bars.append(
            '{"date":"%s","open":%s,"high":%s,"low":%s,"close":%s,"volume":%d,'
            '"uOpen":%s,"uHigh":%s,"uLow":%s,"uClose":%s,"uVolume":%d,'
            '"fOpen":%s,"fHigh":%s,"fLow":%s,"fClose":%s,"fVolume":%d,'
            '"change":%s,"changePercent":%s,"label":"%s","changeOverTime":%s,'
            '"symbol":"%s","id":"HISTORICAL_PRICES","key":"%s","subkey":"","updated":%d}'
            % (day.isoformat(), open_, high, low, close, volume,
               open_, high, low, close, volume,
               round(open_ * factor, 4), round(high * factor, 4), round(low * factor, 4),
               round(close * factor, 4), volume,
               round(close - price, 3), round((close - price) / price * 100, 3), day.strftime("%b %-d"),
               round(rng.uniform(-1, 1), 6), symbol, symbol,
               int(datetime.datetime(day.year, day.month, day.day, 21).timestamp() * 1000)))
        price = max(close, 1.0)
    return ("[" + ",".join(bars) + "]").encode()


def synthetic_rows(count):
    """For each synthetic symbol, VARIANTS rows as (bytes up to "t":, bytes after t's value), in Massive's order."""
    rows = []
    for i in range(count):
        rng = random.Random(1_000_000 + i)
        base = rng.randint(100, 50_000)  # cents
        variants = []
        for _ in range(VARIANTS):
            open_ = base + rng.randint(-base // 20, base // 20)
            close = base + rng.randint(-base // 20, base // 20)
            high = max(open_, close) + rng.randint(0, base // 50)
            low = max(1, min(open_, close) - rng.randint(0, base // 50))
            volume = rng.randint(100, 20_000_000)
            variants.append((
                ('{"T":"M%05d","v":%d,"vw":%.4f,"o":%.2f,"c":%.2f,"h":%.2f,"l":%.2f,"t":'
                 % (i + 1, volume, (high + low + close) / 300, open_ / 100, close / 100, high / 100, low / 100)
                 ).encode(),
                (',"n":%d}' % (volume // 150 + 1)).encode()))
        rows.append(variants)
    return rows


def session_end(day):
    """Massive's t of a grouped row: 16:00 in New York, in epoch milliseconds."""
    return int(datetime.datetime(day.year, day.month, day.day, 16, tzinfo=NEW_YORK).timestamp() * 1000)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickers", type=int, required=True)
    parser.add_argument("--years", type=int, required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--market-symbols", type=int, default=int(os.environ.get("STUB_MARKET_SYMBOLS", "0")),
                        help="synthetic symbols in each grouped day besides the BENCH ones (default:"
                             " STUB_MARKET_SYMBOLS, else 0)")
    args = parser.parse_args()

    days = weekdays(args.years)
    symbols = ["BENCH%04d" % (i + 1) for i in range(args.tickers)]
    walks = {symbol: Walk() for symbol in symbols}
    bodies = {symbol: render(symbol, days, i, walks[symbol]) for i, symbol in enumerate(symbols)}
    meta = json.dumps({"first": days[0].isoformat(), "last": days[-1].isoformat(), "bars": len(days),
                       "symbols": symbols, "bytes": {s: len(b) for s, b in bodies.items()}}).encode()

    position = {day: k for k, day in enumerate(days)}
    trading = [day for day in days if trading_day(day)]
    market = synthetic_rows(args.market_symbols)
    grouped_meta = json.dumps({"first": days[0].isoformat(), "last": days[-1].isoformat(),
                               "trading_days": len(trading), "first_trading_day": trading[0].isoformat(),
                               "last_trading_day": trading[-1].isoformat(),
                               "rows_per_trading_day": len(symbols) + len(market),
                               "bench_symbols": len(symbols), "market_symbols": len(market)}).encode()

    def grouped(day, adjusted):
        """The grouped answer for day: every symbol's row on a trading day of the history, none otherwise."""
        rows = []
        if day in position and trading_day(day):
            k = position[day]
            t = b"%d" % session_end(day)
            for symbol in symbols:
                walk = walks[symbol]
                high, low, close, volume = walk.high[k], walk.low[k], walk.close[k], walk.volume[k]
                rows.append(('{"T":"%s","v":%d,"vw":%s,"o":%s,"c":%s,"h":%s,"l":%s,"t":%s,"n":%d}' % (
                    symbol, volume, round((high + low + close) / 3, 4), walk.open[k], close, high, low,
                    t.decode(), volume // 150 + 1)).encode())
            ordinal = day.toordinal()
            rows.extend(head + t + tail for head, tail in
                        (variants[(ordinal + i) % VARIANTS] for i, variants in enumerate(market)))
        request_id = ("%032x" % random.getrandbits(128)).encode()
        flag = b"true" if adjusted else b"false"
        if not rows:
            return (b'{"adjusted":%s,"queryCount":0,"request_id":"%s","resultsCount":0,"status":"OK"}'
                    % (flag, request_id))
        return (b'{"adjusted":%s,"queryCount":%d,"request_id":"%s","results":[%s],"resultsCount":%d,'
                b'"status":"OK"}' % (flag, len(rows), request_id, b",".join(rows), len(rows)))

    lock = threading.Lock()
    counts = collections.Counter()
    grouped_days = collections.Counter()

    def summary():
        with lock:
            return {"total": sum(counts.values()), "by_endpoint": dict(counts),
                    "grouped_days": dict(sorted(grouped_days.items())),
                    "grouped_days_asked_more_than_once": sorted(d for d, n in grouped_days.items() if n > 1)}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            url = urlsplit(self.path)
            path = url.path
            parts = path.strip("/").split("/")
            if path == "/__requests":
                self.answer(200, "application/json", json.dumps(summary()).encode())
                return
            if path == "/meta":
                self.count("meta")
                self.answer(200, "application/json", meta)
            elif path == "/meta/grouped":
                self.count("meta")
                self.answer(200, "application/json", grouped_meta)
            elif path.startswith(GROUPED):
                self.grouped(path[len(GROUPED):], parse_qs(url.query))
            elif path.startswith(AGGREGATES):
                self.aggregates(path[len(AGGREGATES):].split("/"), parse_qs(url.query))
            elif path.startswith(REFERENCE):
                self.count("reference")
                ticker = path[len(REFERENCE):]
                if ticker in walks:
                    self.answer(200, "application/json", b'{"status":"OK","request_id":"r","results":{"ticker":"%s",'
                                b'"market":"stocks","locale":"us","active":true}}' % ticker.encode())
                else:
                    self.answer(404, "application/json", b'{"status":"NOT_FOUND","request_id":"r",'
                                b'"message":"Ticker not found."}')
            elif len(parts) >= 4 and parts[0] == "stock" and parts[2] == "chart" and parts[1] in bodies:
                self.count("iex_chart")
                self.answer(200, "application/json; charset=utf-8", bodies[parts[1]])
            elif len(parts) >= 2 and parts[0] == "stock":
                self.count("iex_chart")
                self.answer(404, "text/plain", b"Unknown symbol")
            else:
                self.count("other")
                self.answer(400, "text/plain", b"Bad request")

        def grouped(self, asked, query):
            self.count("grouped")
            try:
                day = datetime.date.fromisoformat(asked)
            except ValueError:
                self.answer(400, "application/json", b'{"status":"ERROR","request_id":"%032x","error":"Could not'
                            b' parse the date parameter. Use YYYY-MM-DD."}' % random.getrandbits(128))
                return
            with lock:
                grouped_days[day.isoformat()] += 1
            if not query.get("apiKey", [""])[0]:
                self.answer(401, "application/json", b'{"status":"ERROR","request_id":"%032x","error":"Unknown API'
                            b' Key"}' % random.getrandbits(128))
                return
            adjusted = query.get("adjusted", ["true"])[0].lower() != "false"
            self.answer(200, "application/json", grouped(day, adjusted))

        def aggregates(self, parts, query):
            """A symbol's window: parts are T, "range", "1", "day", from, to."""
            self.count("aggregates")
            if not query.get("apiKey", [""])[0]:
                self.answer(401, "application/json", b'{"status":"ERROR","request_id":"r","error":"Unknown API Key"}')
                return
            symbol, first, last = parts[0], datetime.date.fromisoformat(parts[4]), datetime.date.fromisoformat(parts[5])
            rows = []
            walk = walks.get(symbol)
            if walk is not None:
                for day in days:
                    if first <= day <= last and trading_day(day):
                        k = position[day]
                        midnight = int(datetime.datetime(day.year, day.month, day.day, tzinfo=NEW_YORK).timestamp()
                                       * 1000)
                        rows.append('{"v":%d,"vw":%s,"o":%s,"c":%s,"h":%s,"l":%s,"t":%d,"n":%d}' % (
                            walk.volume[k], round((walk.high[k] + walk.low[k] + walk.close[k]) / 3, 4), walk.open[k],
                            walk.close[k], walk.high[k], walk.low[k], midnight, walk.volume[k] // 150 + 1))
            adjusted = query.get("adjusted", ["true"])[0].lower() != "false"
            body = ('{"ticker":"%s","queryCount":%d,"resultsCount":%d,"adjusted":%s,"status":"OK","request_id":"r"%s}'
                    % (symbol, len(rows), len(rows), "true" if adjusted else "false",
                       ',"results":[' + ",".join(rows) + "]" if rows else ""))
            self.answer(200, "application/json", body.encode())

        def count(self, endpoint):
            with lock:
                counts[endpoint] += 1

        def answer(self, status, content_type, body):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 128

    def stop(signum, frame):
        print("stub: requests served: %s" % json.dumps(summary()), file=sys.stderr, flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server = Server(("127.0.0.1", args.port), Handler)
    print("ready %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
