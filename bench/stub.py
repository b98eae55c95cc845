#!/usr/bin/env python3
"""An IEX-shaped price service on 127.0.0.1 for benchmarks: every answer is rendered before the first request.

Serves GET /stock/{SYMBOL}/chart/{range}?token=... with the symbol's whole history (Y years of weekdays ending at
the most recent weekday) whatever the range asks, since benchmark windows always ask for all of it; each bar has
every field IEX sends. Symbols are BENCH0001, BENCH0002, ... GET /meta answers the first and last date, the number
of bars per symbol and the body size of each symbol, for the benchmark's own arithmetic.

Usage: stub.py --tickers N --years Y [--port P]   (prints "ready PORT" on stdout once it serves)
"""
import argparse
import datetime
import json
import random
import socketserver
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def weekdays(years):
    last = datetime.date.today()
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


def render(symbol, days, seed):
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickers", type=int, required=True)
    parser.add_argument("--years", type=int, required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()

    days = weekdays(args.years)
    symbols = ["BENCH%04d" % (i + 1) for i in range(args.tickers)]
    bodies = {symbol: render(symbol, days, i) for i, symbol in enumerate(symbols)}
    meta = json.dumps({"first": days[0].isoformat(), "last": days[-1].isoformat(), "bars": len(days),
                       "symbols": symbols, "bytes": {s: len(b) for s, b in bodies.items()}}).encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            parts = path.strip("/").split("/")
            if path == "/meta":
                self.answer(200, "application/json", meta)
            elif len(parts) >= 4 and parts[0] == "stock" and parts[2] == "chart" and parts[1] in bodies:
                self.answer(200, "application/json; charset=utf-8", bodies[parts[1]])
            elif len(parts) >= 2 and parts[0] == "stock":
                self.answer(404, "text/plain", b"Unknown symbol")
            else:
                self.answer(400, "text/plain", b"Bad request")

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

    server = Server(("127.0.0.1", args.port), Handler)
    print("ready %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
