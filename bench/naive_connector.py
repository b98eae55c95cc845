#!/usr/bin/env python3
"""The straightforward connector the benchmark compares against: what the tutorial's Python source does, for IEX.

One request per ticker on one keep-alive connection, the whole answer parsed with json.loads, one json.dumps per
record written with print, a STATE after each ticker. No retries, no rate limit, no validation; prices go through
Python floats. Usage: naive_connector.py read --config CONFIG --catalog CATALOG
"""
import argparse
import http.client
import json
import sys
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command")
    parser.add_argument("--config", required=True)
    parser.add_argument("--catalog", required=True)
    args = parser.parse_args()
    config = json.load(open(args.config))
    base = urllib.parse.urlsplit(config["provider"]["base_url"])
    connection = http.client.HTTPConnection(base.hostname, base.port)
    token = config["provider"]["api_key"]
    start, end = config["start_date"], config.get("end_date", "9999-12-31")
    cursors = {}
    for ticker in config["tickers"]:
        connection.request("GET", "%s/stock/%s/chart/max?token=%s" % (base.path, ticker, token))
        response = connection.getresponse()
        bars = json.loads(response.read())
        for bar in bars:
            if start <= bar["date"] <= end:
                print(json.dumps({"type": "RECORD", "record": {"stream": "stock_prices", "data": {
                    "symbol": ticker, "date": bar["date"], "open": bar.get("uOpen", bar.get("open")),
                    "high": bar.get("uHigh", bar.get("high")), "low": bar.get("uLow", bar.get("low")),
                    "close": bar.get("uClose", bar.get("close")), "volume": bar.get("uVolume", bar.get("volume")),
                    "adjusted_close": bar.get("fClose"), "provider": "iex"},
                    "emitted_at": int(time.time() * 1000)}}))
                cursors[ticker] = bar["date"]
        print(json.dumps({"type": "STATE", "state": {"type": "STREAM", "stream": {
            "stream_descriptor": {"name": "stock_prices"},
            "stream_state": {"states": [{"partition": {"symbol": s}, "cursor": {"date": d}}
                                        for s, d in sorted(cursors.items())]}}}}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
